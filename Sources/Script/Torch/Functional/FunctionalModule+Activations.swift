import Tensor

extension FunctionalModule {
    /// The activations the engine provides as kernels: softmax family, relu, gelu, silu, softplus, sigmoid, tanh.
    static func defineActivations(_ table: inout FunctionTable) {
        for name in ["softmax", "log_softmax", "softmin"] {
            table.define(name, ["input", "dim", "_stacklevel", "dtype"]) { arguments in
                var input = try arguments.tensor("input")
                let dim = try arguments.optionalInt("dim")
                let dtype = try arguments.dtype("dtype")
                switch name {
                case "log_softmax": return .tensor(try Functional.logSoftmax(input, dim: dim, dtype: dtype))
                case "softmin": input = try input.neg()
                default: break
                }
                return .tensor(try Functional.softmax(input, dim: dim, dtype: dtype))
            }
        }
        table.define("relu", ["input", "inplace"]) { arguments in
            .tensor(try Functional.relu(try arguments.tensor("input"),
                                        inplace: try arguments.bool("inplace", default: false)))
        }
        table.define("gelu", ["input", "approximate"]) { arguments in
            .tensor(try Functional.gelu(try arguments.tensor("input"),
                                        approximate: try arguments.string("approximate", default: "none")))
        }
        table.define("silu", ["input", "inplace"]) { arguments in
            .tensor(try Functional.silu(try arguments.tensor("input"),
                                        inplace: try arguments.bool("inplace", default: false)))
        }
        table.define("softplus", ["input", "beta", "threshold"]) { arguments in
            .tensor(try Functional.softplus(try arguments.tensor("input"),
                                            beta: try arguments.double("beta", default: 1),
                                            threshold: try arguments.double("threshold", default: 20)))
        }
        for name in ["sigmoid", "tanh"] {
            table.define(name, ["input"]) { arguments in
                let input = try arguments.tensor("input")
                return .tensor(name == "sigmoid" ? try input.sigmoid() : try input.tanh())
            }
        }
    }
}
