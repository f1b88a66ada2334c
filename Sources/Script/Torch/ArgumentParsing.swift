import Tensor

/// Python-style matching of a call's positional and keyword arguments to a binding's parameter names.
struct ArgumentParser {
    /// The name messages use (`softmax`, `Tensor.transpose`).
    let function: String
    /// Parameter names in positional order.
    let names: [String]
    /// How many leading parameters are required.
    let required: Int

    init(_ function: String, _ names: [String], required: Int = 0) {
        self.function = function
        self.names = names
        self.required = required
    }

    /// The arguments aligned with `names` (nil where not given), or a TypeError as Python reports it.
    func parse(_ arguments: Arguments) throws -> [Value?] {
        guard arguments.positional.count <= names.count else {
            throw PythonError.typeError("\(function)() takes \(names.count) positional argument"
                + "\(names.count == 1 ? "" : "s") but \(arguments.positional.count) were given")
        }
        var values: [Value?] = arguments.positional.map { $0 }
        while values.count < names.count { values.append(nil) }
        for (name, value) in arguments.keywords {
            guard let index = names.firstIndex(of: name) else {
                throw PythonError.typeError("\(function)() got an unexpected keyword argument '\(name)'")
            }
            guard values[index] == nil else {
                throw PythonError.typeError("\(function)() got multiple values for argument '\(name)'")
            }
            values[index] = value
        }
        let missing = (0..<min(required, names.count)).filter { values[$0] == nil }.map { "\"\(names[$0])\"" }
        if !missing.isEmpty {
            // PyTorch's own wording, grammar included.
            let noun = missing.count == 1 ? "arguments" : "argument"
            throw PythonError.typeError("\(function)() missing \(missing.count) required positional \(noun): "
                + missing.joined(separator: ", "))
        }
        return values
    }
}

/// Conversions from script values to the engine's argument types, with Python's TypeErrors.
enum Convert {
    static func int(_ value: Value, _ what: @autoclosure () -> String) throws -> Int {
        switch value {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.count == 1 && !t.dtype.isFloatingPoint:
            switch try t.item() {
            case .int(let n): return Int(n)
            case .bool(let b): return b ? 1 : 0
            case .float(let x): return Int(exactly: x.rounded(.towardZero)) ?? 0
            }
        default:
            throw PythonError.typeError("\(what()) must be int, not \(value.typeName)")
        }
    }

    static func optionalInt(_ value: Value?, _ what: @autoclosure () -> String) throws -> Int? {
        guard let value, !value.isNone else { return nil }
        return try int(value, what())
    }

    static func bool(_ value: Value?, _ what: @autoclosure () -> String, default fallback: Bool) throws -> Bool {
        guard let value else { return fallback }
        if case .bool(let b) = value { return b }
        throw PythonError.typeError("\(what()) must be bool, not \(value.typeName)")
    }

    static func double(_ value: Value, _ what: @autoclosure () -> String) throws -> Double {
        switch value {
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .float(let x): return x
        case .tensor(let t) where t.count == 1: return try t.item().doubleValue
        default: throw PythonError.typeError("must be real number, not \(value.typeName)")
        }
    }

    /// A Python number (or one-element tensor) as an engine scalar.
    static func scalar(_ value: Value) -> Scalar? {
        switch value {
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(Int64(n))
        case .float(let x): return .float(x)
        default: return nil
        }
    }

    /// An engine scalar as the Python number `item()` returns.
    static func value(_ scalar: Scalar) -> Value {
        switch scalar {
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(Int(n))
        case .float(let x): return .float(x)
        }
    }

    static func dtype(_ value: Value?) throws -> DType? {
        guard let value, !value.isNone else { return nil }
        if case .foreign(let object) = value, let dtype = object as? DTypeObject { return dtype.dtype }
        // Python's own types stand for their dtypes, as in PyTorch (`dtype=float` is float64).
        if case .type(let cls) = value, cls.isBuiltin {
            switch cls.name {
            case "int": return .int64
            case "float": return .float64
            case "bool": return .bool
            default: break
            }
        }
        throw PythonError.typeError("dtype must be torch.dtype, not \(value.typeName)")
    }

    /// A shape given as varargs (`randn(2, 3)`) or as one sequence (`randn((2, 3))`, `view(t.shape)`).
    static func shape(_ values: [Value], _ function: String) throws -> [Int] {
        if values.count == 1, let items = sequence(values[0]) {
            return try items.map { try int($0, "\(function)(): argument 'size'") }
        }
        return try values.map { try int($0, "\(function)(): argument 'size'") }
    }

    /// The items of a tuple, list or torch.Size.
    static func sequence(_ value: Value) -> [Value]? {
        switch value {
        case .tuple(let items): return items
        case .list(let list): return list.items
        case .foreign(let object):
            guard let size = object as? SizeObject else { return nil }
            return size.dims.map { .int($0) }
        default: return nil
        }
    }

    /// A list of ints given as varargs or one sequence (`permute(0, 2, 1)`, `sum(dim=(0, 1))`).
    static func ints(_ value: Value, _ what: @autoclosure () -> String) throws -> [Int] {
        if let items = sequence(value) { return try items.map { try int($0, what()) } }
        return [try int(value, what())]
    }

    /// Nested Python lists/tuples of numbers as the engine's nested values (`torch.tensor`).
    static func nested(_ value: Value, depth: Int = 0) throws -> NestedValues {
        guard depth < 64 else { throw PythonError.valueError("too many dimensions") }
        if let scalar = scalar(value) { return .scalar(scalar) }
        if case .tensor(let t) = value {
            guard t.count == 1 else {
                throw PythonError.valueError("only one element tensors can be converted to Python scalars")
            }
            return .scalar(try t.item())
        }
        if let items = sequence(value) { return .list(try items.map { try nested($0, depth: depth + 1) }) }
        throw PythonError.typeError("new(): invalid data type '\(value.typeName)'")
    }

    /// A tensor operand: a tensor, or a Python number wrapped as PyTorch wraps it.
    static func operand(_ value: Value) -> Tensor? {
        if case .tensor(let t) = value { return t }
        return scalar(value).map { Tensor.wrapping($0) }
    }

    static func tensor(_ value: Value, _ what: @autoclosure () -> String) throws -> Tensor {
        if case .tensor(let t) = value { return t }
        throw PythonError.typeError("\(what()) must be Tensor, not \(value.typeName)")
    }
}
