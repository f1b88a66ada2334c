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

extension Scalar {
    /// The value as an int64, refusing NaN, infinities and floats out of range, as PyTorch's checked conversion of a
    /// Python number does (fractions truncate toward zero). `typeName` is the type the message names.
    func checkedInt64(typeName: String = "int64_t") throws(TensorError) -> Int64 {
        switch self {
        case .bool(let value): return value ? 1 : 0
        case .int(let value): return value
        case .float(let value):
            guard let integer = Int64(exactly: value.rounded(.towardZero)) else {
                throw .invalidArgument(op: "to", detail: "value cannot be converted to type \(typeName) without "
                    + "overflow")
            }
            return integer
        }
    }
}
