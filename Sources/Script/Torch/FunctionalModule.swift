import Tensor

/// `torch.nn.functional`: activations as functions (`F.softmax`, `F.log_softmax`, `F.relu` ...).
enum FunctionalModule {
    static func make() -> ModuleObject {
        var attributes: [String: Value] = [:]
        func define(_ name: String, _ body: @escaping (Arguments) throws -> Value) {
            attributes[name] = .builtin(BuiltinFunction(name) { _, arguments in try body(arguments) })
        }
        for name in ["softmax", "log_softmax"] {
            define(name) { arguments in
                let values = try ArgumentParser(name, ["input", "dim", "_stacklevel", "dtype"], required: 1)
                    .parse(arguments)
                let input = try Convert.tensor(values[0] ?? .none, "\(name)(): argument 'input'")
                let dim = try Convert.optionalInt(values[1], "\(name)(): argument 'dim'")
                let dtype = try Convert.dtype(values[3])
                return .tensor(name == "softmax" ? try Functional.softmax(input, dim: dim, dtype: dtype)
                               : try Functional.logSoftmax(input, dim: dim, dtype: dtype))
            }
        }
        define("relu") { arguments in
            let values = try ArgumentParser("relu", ["input", "inplace"], required: 1).parse(arguments)
            let input = try Convert.tensor(values[0] ?? .none, "relu(): argument 'input'")
            return .tensor(try Functional.relu(input, inplace: try Convert.bool(values[1], "inplace", default: false)))
        }
        define("gelu") { arguments in
            let values = try ArgumentParser("gelu", ["input", "approximate"], required: 1).parse(arguments)
            let input = try Convert.tensor(values[0] ?? .none, "gelu(): argument 'input'")
            guard case .str(let approximate) = values[1] ?? .str("none") else {
                throw PythonError.typeError("gelu(): argument 'approximate' must be str")
            }
            return .tensor(try Functional.gelu(input, approximate: approximate))
        }
        for name in ["sigmoid", "tanh"] {
            define(name) { arguments in
                let values = try ArgumentParser(name, ["input"], required: 1).parse(arguments)
                let input = try Convert.tensor(values[0] ?? .none, "\(name)(): argument 'input'")
                return .tensor(name == "sigmoid" ? try input.sigmoid() : try input.tanh())
            }
        }
        return ModuleObject(name: "torch.nn.functional", attributes: attributes)
    }
}
