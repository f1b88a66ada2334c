/// A value in an optimizer's parameter group or state dict, as the Python value PyTorch keeps there: `lr: 0.001`,
/// `momentum: 0` (an int stays an int), `betas: (0.9, 0.999)`, `foreach: None`, `params: [0, 1]`.
public indirect enum OptimizerValue: Equatable, Sendable {
    case none
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case tuple([OptimizerValue])
    case list([OptimizerValue])

    /// The value of a Python number.
    public init(_ scalar: Scalar) {
        switch scalar {
        case .bool(let value): self = .bool(value)
        case .int(let value): self = .int(value)
        case .float(let value): self = .float(value)
        }
    }

    /// The value as a Python number, if it is one (bools count, as in Python).
    public var scalar: Scalar? {
        switch self {
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .float(let value): return .float(value)
        default: return nil
        }
    }

    /// The value as a double, if it is a number.
    public var doubleValue: Double? { scalar?.doubleValue }

    /// Python's truth value (`bool(x)`).
    public var isTruthy: Bool {
        switch self {
        case .none: return false
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .float(let value): return value != 0
        case .string(let value): return !value.isEmpty
        case .tuple(let values), .list(let values): return !values.isEmpty
        }
    }

    /// The name of the value's Python type, as `TypeError` messages name it.
    public var pythonTypeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "str"
        case .tuple: return "tuple"
        case .list: return "list"
        }
    }

    /// The text Python's `repr` gives the value.
    public var pythonRepr: String {
        switch self {
        case .string(let text): return OptimizerValue.quoted(text)
        default: return description
        }
    }

    private static func quoted(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case quote: result += "\\" + String(quote)
            default: result.append(character)
            }
        }
        return result + String(quote)
    }
}

extension OptimizerValue: CustomStringConvertible {
    /// The text Python's `str` gives the value (what an optimizer's repr prints for each option).
    public var description: String {
        switch self {
        case .none: return "None"
        case .bool(let value): return value ? "True" : "False"
        case .int(let value): return String(value)
        case .float(let value): return value.pythonRepr
        case .string(let text): return text
        case .tuple(let values):
            let items = values.map(\.pythonRepr)
            return "(" + items.joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case .list(let values):
            return "[" + values.map(\.pythonRepr).joined(separator: ", ") + "]"
        }
    }
}

extension OptimizerValue: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByStringLiteral {
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(stringLiteral value: String) { self = .string(value) }
}

extension Scalar {
    /// The number as Python prints it: `0`, `0.001`, `True`.
    var pythonDescription: String { OptimizerValue(self).description }
}
