import Foundation

/// The constructors of the built-in numeric and container types.
enum Conversions {
    static func int(_ interpreter: Interpreter, _ arguments: Arguments) throws -> Value {
        guard let value = arguments.positional.first else { return .int(0) }
        var base: Int?
        if arguments.positional.count > 1 {
            base = try interpreter.index(arguments.positional[1], "'\(arguments.positional[1].typeName)' object cannot be interpreted as an integer")
        }
        if let keyword = arguments.keywords.first(where: { $0.name == "base" }) {
            base = try interpreter.index(keyword.value, "base must be an int")
        }
        switch value {
        case .int: return value
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let x): return try fromDouble(x)
        case .str(let text): return try parseInt(text, base: base ?? 10)
        case .instance(let instance):
            for name in ["__int__", "__index__"] {
                if let method = instance.cls.lookup(name) { return try interpreter.call(method, Arguments([value])) }
            }
        case .tensor:
            return try interpreter.call(try interpreter.getAttribute(value, "__int__"), Arguments())
        default: break
        }
        throw PythonError.typeError(
            "int() argument must be a string, a bytes-like object or a real number, not '\(value.typeName)'")
    }

    static func fromDouble(_ x: Double) throws -> Value {
        if x.isNaN { throw PythonError.valueError("cannot convert float NaN to integer") }
        if x.isInfinite { throw PythonError.overflowError("cannot convert float infinity to integer") }
        guard let n = Int(exactly: x.rounded(.towardZero)) else { throw Arithmetic.overflow() }
        return .int(n)
    }

    static func parseInt(_ text: String, base: Int) throws -> Value {
        guard base == 0 || (2...36).contains(base) else {
            throw PythonError.valueError("int() base must be >= 2 and <= 36, or 0")
        }
        let invalid = PythonError.valueError("invalid literal for int() with base \(base): \(PythonRepr.string(text))")
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix("+") {
            negative = body.hasPrefix("-")
            body.removeFirst()
        }
        var radix = base
        let lower = body.lowercased()
        for (prefix, value) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
            if base == 0 || base == value {
                radix = value
                body.removeFirst(2)
                if body.hasPrefix("_") { body.removeFirst() }
            }
        }
        if radix == 0 { radix = 10 }
        guard !body.isEmpty, !body.hasPrefix("_"), !body.hasSuffix("_"), !body.contains("__") else { throw invalid }
        let digits = body.replacingOccurrences(of: "_", with: "")
        guard let magnitude = UInt(digits, radix: radix) else {
            if digits.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) && Int(String($0), radix: radix) != nil }) {
                throw Arithmetic.overflow()
            }
            throw invalid
        }
        if negative {
            guard magnitude <= UInt(Int.max) + 1 else { throw Arithmetic.overflow() }
            return .int(magnitude == UInt(Int.max) + 1 ? Int.min : -Int(magnitude))
        }
        guard magnitude <= UInt(Int.max) else { throw Arithmetic.overflow() }
        return .int(Int(magnitude))
    }

    static func float(_ interpreter: Interpreter, _ arguments: Arguments) throws -> Value {
        guard let value = arguments.positional.first else { return .float(0) }
        switch value {
        case .float: return value
        case .int(let n): return .float(Double(n))
        case .bool(let b): return .float(b ? 1 : 0)
        case .str(let text):
            let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
            var lower = body.lowercased().replacingOccurrences(of: "_", with: "")
            var sign = 1.0
            if lower.hasPrefix("-") || lower.hasPrefix("+") {
                sign = lower.hasPrefix("-") ? -1 : 1
                lower.removeFirst()
            }
            if lower == "inf" || lower == "infinity" { return .float(sign * .infinity) }
            if lower == "nan" { return .float(.nan) }
            let allowed = Set("0123456789.e+-")
            if !lower.isEmpty, lower.allSatisfy({ allowed.contains($0) }), !body.contains("__"),
               let x = Double(lower), !lower.hasPrefix("e") {
                return .float(sign * x)
            }
            throw PythonError.valueError("could not convert string to float: \(PythonRepr.string(text))")
        case .instance(let instance):
            if let method = instance.cls.lookup("__float__") { return try interpreter.call(method, Arguments([value])) }
        case .tensor:
            return try interpreter.call(try interpreter.getAttribute(value, "__float__"), Arguments())
        default: break
        }
        throw PythonError.typeError("float() argument must be a string or a real number, not '\(value.typeName)'")
    }

    static func dict(_ interpreter: Interpreter, _ arguments: Arguments) throws -> Value {
        let dict = DictObject()
        if let source = arguments.positional.first {
            if case .dict(let other) = source {
                for (key, value) in other.items { dict.set(try hashKey(key), key, value) }
            } else {
                for (position, item) in try interpreter.collect(source).enumerated() {
                    let pair = try interpreter.collect(item)
                    guard pair.count == 2 else {
                        throw PythonError.valueError("dictionary update sequence element #\(position) has length "
                            + "\(pair.count); 2 is required")
                    }
                    dict.set(try hashKey(pair[0]), pair[0], pair[1])
                }
            }
        }
        for (name, value) in arguments.keywords { dict.set(.str(name), .str(name), value) }
        return .dict(dict)
    }

    static func range(_ interpreter: Interpreter, _ arguments: Arguments) throws -> Value {
        let values = try arguments.positional.map {
            try interpreter.index($0, "'\($0.typeName)' object cannot be interpreted as an integer")
        }
        switch values.count {
        case 1: return .range(RangeValue(start: 0, stop: values[0], step: 1))
        case 2: return .range(RangeValue(start: values[0], stop: values[1], step: 1))
        case 3:
            guard values[2] != 0 else { throw PythonError.valueError("range() arg 3 must not be zero") }
            guard values[2] != .min else { throw Arithmetic.overflow() }
            return .range(RangeValue(start: values[0], stop: values[1], step: values[2]))
        case 0: throw PythonError.typeError("range expected at least 1 argument, got 0")
        default: throw PythonError.typeError("range expected at most 3 arguments, got \(values.count)")
        }
    }
}
