import Tensor

extension NativeModules {
    /// A string setting (`reduction`, `approximate`), or `fallback` when not given.
    static func string(_ value: Value?, _ what: String, default fallback: String) throws -> String {
        guard let value else { return fallback }
        guard case .str(let text) = value else {
            throw PythonError.typeError("\(what) must be str, not \(value.typeName)")
        }
        return text
    }

    /// A float setting that may be `None`.
    static func optionalDouble(_ value: Value?, _ what: String) throws -> Double? {
        guard let value, !value.isNone else { return nil }
        return try Convert.double(value, what)
    }

    /// A tensor argument that may be `None` or left out.
    static func optionalTensor(_ value: Value?, _ what: String) throws -> Tensor? {
        guard let value, !value.isNone else { return nil }
        return try Convert.tensor(value, what)
    }

    /// A flag that may be `None` (the legacy `size_average` and `reduce` of losses).
    static func optionalBool(_ value: Value?, _ what: String) throws -> Bool? {
        guard let value, !value.isNone else { return nil }
        return try Convert.bool(value, what, default: false)
    }

    /// A size given as an int or a one-element tuple (`kernel_size=3` or `(3,)`), as 1-D convolutions take it.
    static func single(_ value: Value?, _ what: String, default fallback: Int) throws -> Int {
        guard let value else { return fallback }
        if let items = Convert.sequence(value) {
            guard items.count == 1 else {
                throw PythonError.valueError("\(what) must have exactly one element for a 1-D layer, got "
                    + "\(items.count)")
            }
            return try Convert.int(items[0], what)
        }
        return try Convert.int(value, what)
    }

    /// A Python tuple of ints, as PyTorch stores sizes (`(3,)`).
    static func tuple(_ values: [Int]) -> Value { .tuple(values.map { .int($0) }) }

    /// The engine module behind a method's receiver as the type its spec builds.
    static func typed<M: Module>(_ module: Module, _ type: M.Type) throws -> M {
        guard let typed = module as? M else {
            throw PythonError.typeError("descriptor requires a '\(M.self)' object but received '\(module.typeName)'")
        }
        return typed
    }

    /// The positional-or-keyword arguments of `owner.forward`, parsed; `required` leading ones must be tensors.
    /// Missing ones are reported in Python's words, as PyTorch's forward is a Python function.
    static func forwardArguments(
        _ owner: String, _ arguments: Arguments, _ names: [String], required: Int
    ) throws -> (tensors: [Tensor], rest: [Value?]) {
        let values = try ArgumentParser("\(owner).forward", names).parse(arguments)
        let missing = (0..<required).filter { values[$0] == nil }.map { "'\(names[$0])'" }
        if !missing.isEmpty {
            let list = missing.count == 1 ? missing[0] : missing.count == 2 ? missing.joined(separator: " and ")
                : missing.dropLast().joined(separator: ", ") + ", and " + (missing.last ?? "")
            throw PythonError.typeError("\(owner).forward() missing \(missing.count) required positional argument"
                + "\(missing.count == 1 ? "" : "s"): \(list)")
        }
        let tensors = try (0..<required).map { index in
            try Convert.tensor(values[index] ?? .none, "forward(): argument '\(names[index])'")
        }
        return (tensors, Array(values[required...]))
    }

    /// A one-argument `forward` result or tuple element: a tensor, or `None` for nil.
    static func optional(_ tensor: Tensor?) -> Value { tensor.map { .tensor($0) } ?? .none }
}
