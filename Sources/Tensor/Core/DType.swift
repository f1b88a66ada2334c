/// The element types a tensor can hold, named as PyTorch names them.
public enum DType: Sendable, CaseIterable, Hashable {
    case bool
    case int64
    case float32
    case float64

    /// The dtype PyTorch uses for floating-point values when none is given (`torch.get_default_dtype()`).
    public static let defaultFloat: DType = .float32

    /// Bytes per element.
    public var itemSize: Int {
        switch self {
        case .bool: return MemoryLayout<Bool>.stride
        case .int64: return MemoryLayout<Int64>.stride
        case .float32: return MemoryLayout<Float>.stride
        case .float64: return MemoryLayout<Double>.stride
        }
    }

    /// Whether the dtype holds floating-point values.
    public var isFloatingPoint: Bool {
        switch self {
        case .float32, .float64: return true
        case .bool, .int64: return false
        }
    }

    /// The name `print(t.dtype)` shows, such as `torch.float32`.
    public var name: String {
        switch self {
        case .bool: return "torch.bool"
        case .int64: return "torch.int64"
        case .float32: return "torch.float32"
        case .float64: return "torch.float64"
        }
    }

    /// The legacy tensor type name PyTorch uses in some messages, such as `torch.FloatTensor`.
    public var legacyTypeName: String {
        switch self {
        case .bool: return "torch.BoolTensor"
        case .int64: return "torch.LongTensor"
        case .float32: return "torch.FloatTensor"
        case .float64: return "torch.DoubleTensor"
        }
    }

    /// The C++ scalar type name PyTorch puts in "not implemented for" messages, such as `'Float'`.
    public var scalarTypeName: String {
        switch self {
        case .bool: return "Bool"
        case .int64: return "Long"
        case .float32: return "Float"
        case .float64: return "Double"
        }
    }

    /// The smallest dtype that can represent values of both (PyTorch's `promote_types`).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        switch (a, b) {
        case (.float64, _), (_, .float64): return .float64
        case (.float32, _), (_, .float32): return .float32
        case (.int64, _), (_, .int64): return .int64
        default: return .bool
        }
    }
}

/// PyTorch's result-type rule for an operation's operands.
///
/// Operands fall into three priority groups: tensors with dimensions, zero-dimensional tensors, and wrapped Python
/// numbers. A lower group only changes the result when it is of a higher category (bool < integral < floating); a
/// wrapped float contributes the default float dtype rather than float64.
struct ResultType {
    private var dimensioned: DType?
    private var zeroDim: DType?
    private var wrapped: DType?

    /// Adds one operand to the computation.
    mutating func add(_ tensor: Tensor) {
        if tensor.isWrappedNumber {
            let dtype = tensor.dtype.isFloatingPoint ? DType.defaultFloat : tensor.dtype
            wrapped = wrapped.map { DType.promote($0, dtype) } ?? dtype
        } else if tensor.rank == 0 {
            zeroDim = zeroDim.map { DType.promote($0, tensor.dtype) } ?? tensor.dtype
        } else {
            dimensioned = dimensioned.map { DType.promote($0, tensor.dtype) } ?? tensor.dtype
        }
    }

    /// The resulting dtype.
    var dtype: DType {
        Self.combine(dimensioned, Self.combine(zeroDim, wrapped)) ?? .defaultFloat
    }

    private static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let higher else { return lower }
        guard let lower else { return higher }
        if higher.isFloatingPoint { return higher }
        if higher == .bool || lower.isFloatingPoint { return DType.promote(higher, lower) }
        return higher
    }

    /// The result dtype of the given operands.
    static func of(_ tensors: Tensor...) -> DType {
        var state = ResultType()
        for tensor in tensors { state.add(tensor) }
        return state.dtype
    }
}
