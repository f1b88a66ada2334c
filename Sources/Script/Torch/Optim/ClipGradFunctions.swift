import Foundation
import Tensor

/// `torch.nn.utils`' gradient clipping: `clip_grad_norm_`, `clip_grad_value_` and `get_total_norm`, parsed as PyTorch's
/// Python functions parse them and run by the engine's `ClipGrad`.
enum ClipGradFunctions {
    /// The module's functions by name.
    static func functions() -> [String: Value] {
        var functions: [String: Value] = [:]
        func define(_ name: String, _ body: @escaping (Interpreter, Arguments) throws -> Value) {
            functions[name] = .builtin(BuiltinFunction(name) { interpreter, arguments in
                try body(interpreter, arguments)
            })
        }
        for name in ["clip_grad_norm_", "clip_grad_norm"] {
            define(name) { interpreter, arguments in
                let values = try PythonSignature(name, ["parameters", "max_norm", "norm_type", "error_if_nonfinite",
                                                        "foreach"], required: 2, isMethod: false).bind(arguments)
                let params = try tensors(values["parameters"] ?? .none, interpreter: interpreter)
                let maxNorm = try pythonFloat(values["max_norm"] ?? .none)
                let normType = try values["norm_type"].map(pythonFloat) ?? 2
                let strict = try values["error_if_nonfinite"].map(interpreter.isTrue) ?? false
                return .tensor(try ClipGrad.clipGradNorm_(params, maxNorm: maxNorm, normType: .float(normType),
                                                          errorIfNonfinite: strict))
            }
        }
        define("clip_grad_value_") { interpreter, arguments in
            let values = try PythonSignature("clip_grad_value_", ["parameters", "clip_value", "foreach"], required: 2,
                                             isMethod: false).bind(arguments)
            let params = try tensors(values["parameters"] ?? .none, interpreter: interpreter)
            let clipValue = try pythonFloat(values["clip_value"] ?? .none)
            try ClipGrad.clipGradValue_(params, clipValue: clipValue)
            return .none
        }
        define("get_total_norm") { interpreter, arguments in
            let values = try PythonSignature("get_total_norm", ["tensors", "norm_type", "error_if_nonfinite",
                                                                "foreach"], required: 1, isMethod: false)
                .bind(arguments)
            let given = values["tensors"] ?? .none
            let items: [Value] = { if case .tensor = given { return [given] } else { return [] } }()
            let grads = try (items.isEmpty ? interpreter.collect(given) : items).map { item -> Tensor in
                guard case .tensor(let tensor) = item else {
                    throw PythonError.attributeError("'\(item.typeName)' object has no attribute 'device'")
                }
                return tensor
            }
            let normType = try values["norm_type"].map(pythonFloat) ?? 2
            let strict = try values["error_if_nonfinite"].map(interpreter.isTrue) ?? false
            return .tensor(try ClipGrad.totalNorm(grads, normType: .float(normType), errorIfNonfinite: strict))
        }
        return functions
    }

    /// `parameters`: one tensor, or any iterable of tensors (reading `.grad` of anything else fails as in Python).
    private static func tensors(_ value: Value, interpreter: Interpreter) throws -> [Tensor] {
        if case .tensor(let tensor) = value { return [tensor] }
        return try interpreter.collect(value).map { item in
            guard case .tensor(let tensor) = item else {
                throw PythonError.attributeError("'\(item.typeName)' object has no attribute 'grad'")
            }
            return tensor
        }
    }

    /// Python's `float(value)`: numbers, one-element tensors and numeric strings.
    static func pythonFloat(_ value: Value) throws -> Double {
        switch value {
        case .bool(let flag): return flag ? 1 : 0
        case .int(let number): return Double(number)
        case .float(let number): return number
        case .tensor(let tensor) where tensor.count == 1: return try tensor.item().doubleValue
        case .str(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let lowered = trimmed.lowercased()
            let body = lowered.hasPrefix("-") || lowered.hasPrefix("+") ? String(lowered.dropFirst()) : lowered
            // Swift also parses hexadecimal floats, which Python's float() refuses.
            if !body.hasPrefix("0x"), let number = Double(trimmed) { return number }
            throw PythonError.valueError("could not convert string to float: \(PythonRepr.string(text))")
        default:
            throw PythonError.typeError("float() argument must be a string or a real number, not '\(value.typeName)'")
        }
    }
}
