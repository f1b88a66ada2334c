/// A single number as Python sees it: a bool, an int or a float.
public enum Scalar: Sendable, Equatable, Hashable {
    case bool(Bool)
    case int(Int64)
    case float(Double)

    /// The dtype a tensor made from this value alone would have (`torch.tensor(x)`).
    public var inferredDType: DType {
        switch self {
        case .bool: return .bool
        case .int: return .int64
        case .float: return .defaultFloat
        }
    }

    /// The value as a double.
    public var doubleValue: Double {
        switch self {
        case .bool(let value): return value ? 1 : 0
        case .int(let value): return Double(value)
        case .float(let value): return value
        }
    }

    /// Whether the value is anything but zero (or false).
    public var isNonZero: Bool {
        switch self {
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .float(let value): return value != 0
        }
    }

    /// Whether the value is a float.
    public var isFloatingPoint: Bool {
        if case .float = self { return true }
        return false
    }
}

extension Scalar: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral {
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
