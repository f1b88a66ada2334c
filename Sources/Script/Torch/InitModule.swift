import Tensor

/// `torch.nn.init`: in-place initialisers that draw from the generator exactly as PyTorch does, each returning its
/// tensor.
enum InitModule {
    /// A fresh `torch.nn.init` module object.
    static func make() -> ModuleObject {
        var table = FunctionTable()
        table.define("calculate_gain", ["nonlinearity", "param"]) { arguments in
            .float(try Init.gain(try arguments.string("nonlinearity", default: ""),
                                 param: try arguments.optionalDouble("param")))
        }
        table.define("_calculate_fan_in_and_fan_out", ["tensor"]) { arguments in
            let fans = try Init.fans(try arguments.tensor("tensor"))
            return .tuple([.int(fans.fanIn), .int(fans.fanOut)])
        }
        table.define("uniform_", ["tensor", "a", "b", "generator"]) { arguments in
            let tensor = try arguments.tensor("tensor")
            try Init.uniform_(tensor, try arguments.double("a", default: 0), try arguments.double("b", default: 1),
                              generator: try generator(arguments))
            return .tensor(tensor)
        }
        table.define("normal_", ["tensor", "mean", "std", "generator"]) { arguments in
            let tensor = try arguments.tensor("tensor")
            try Init.normal_(tensor, mean: try arguments.double("mean", default: 0),
                             std: try arguments.double("std", default: 1), generator: try generator(arguments))
            return .tensor(tensor)
        }
        table.define("trunc_normal_", ["tensor", "mean", "std", "a", "b", "generator"]) { arguments in
            let tensor = try arguments.tensor("tensor")
            let std = try arguments.double("std", default: 1)
            // PyTorch divides by std in Python first.
            guard std != 0 else {
                throw PythonError(Interpreter.exceptionClass(named: "ZeroDivisionError"), "float division by zero")
            }
            try Init.truncNormal_(tensor, mean: try arguments.double("mean", default: 0),
                                  std: std, a: try arguments.double("a", default: -2),
                                  b: try arguments.double("b", default: 2), generator: try generator(arguments))
            return .tensor(tensor)
        }
        table.define("constant_", ["tensor", "val"], required: 2) { arguments in
            let tensor = try arguments.tensor("tensor")
            try Init.constant_(tensor, try arguments.double("val", default: 0))
            return .tensor(tensor)
        }
        for name in ["zeros_", "ones_", "eye_"] {
            table.define(name, ["tensor"]) { arguments in
                let tensor = try arguments.tensor("tensor")
                switch name {
                case "zeros_": try Init.zeros_(tensor)
                case "ones_": try Init.ones_(tensor)
                default:
                    guard tensor.rank == 2 else {
                        throw PythonError.valueError("Only tensors with 2 dimensions are supported")
                    }
                    let identity = try Tensor.eye(tensor.shape[0], tensor.shape[1], dtype: tensor.dtype)
                    _ = try GradMode.with(enabled: false) { () throws(TensorError) in try tensor.copy_(identity) }
                }
                return .tensor(tensor)
            }
        }
        for name in ["xavier_uniform_", "xavier_normal_"] {
            table.define(name, ["tensor", "gain", "generator"]) { arguments in
                let tensor = try arguments.tensor("tensor")
                let gain = try arguments.double("gain", default: 1)
                if name == "xavier_uniform_" {
                    try Init.xavierUniform_(tensor, gain: gain, generator: try generator(arguments))
                } else {
                    try Init.xavierNormal_(tensor, gain: gain, generator: try generator(arguments))
                }
                return .tensor(tensor)
            }
        }
        for name in ["kaiming_uniform_", "kaiming_normal_"] {
            table.define(name, ["tensor", "a", "mode", "nonlinearity", "generator"]) { arguments in
                let tensor = try arguments.tensor("tensor")
                let a = try arguments.double("a", default: 0)
                let mode = try arguments.string("mode", default: "fan_in")
                let nonlinearity = try arguments.string("nonlinearity", default: "leaky_relu")
                if name == "kaiming_uniform_" {
                    try Init.kaimingUniform_(tensor, a: a, mode: mode, nonlinearity: nonlinearity,
                                             generator: try generator(arguments))
                } else {
                    try Init.kaimingNormal_(tensor, a: a, mode: mode, nonlinearity: nonlinearity,
                                            generator: try generator(arguments))
                }
                return .tensor(tensor)
            }
        }
        return ModuleObject(name: "torch.nn.init", attributes: table.attributes)
    }

    /// The `generator=` argument: a `torch.Generator`, or nil for the default one.
    static func generator(_ arguments: BoundArguments) throws -> Generator? {
        guard let value = arguments["generator"] else { return nil }
        guard case .foreign(let object) = value, let generator = object as? TorchGeneratorObject else {
            // `generator` is keyword-only in PyTorch's signatures, so its messages name no position.
            throw PythonError.typeError("\(arguments.function)(): argument 'generator' must be torch.Generator, not "
                + value.typeName)
        }
        return generator.generator
    }
}
