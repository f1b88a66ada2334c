/// A vector of floats the attention row kernels run on, with the integer vector of the same lanes that the
/// exponential builds powers of two in: `SIMD8<Float>` (AVX2) and `SIMD16<Float>` (AVX-512).
public protocol RowVector: SIMD where Scalar == Float {
    /// The 32-bit integer vector with as many lanes.
    associatedtype Bits: SIMD where Bits.Scalar == Int32
    /// The lanes, in bytes.
    static var byteCount: Int { get }
    /// This vector with `value` in the lanes where `reference` is below `limit` (false for NaN).
    func replacing(lanesWhere reference: Self, isBelow limit: Float, with value: Float) -> Self
    /// Lane by lane, `other` where it is greater, else this (so a NaN in `other` is passed over).
    func keepingGreater(_ other: Self) -> Self
}

// The comparisons are requirements implemented on each concrete type: generic code reaching SIMD's own `.<` compares
// lane by lane, where the concrete types' operators are single vector instructions.
extension SIMD8: RowVector where Scalar == Float {
    public typealias Bits = SIMD8<Int32>
    @inlinable public static var byteCount: Int { 32 }

    @inlinable @inline(__always)
    public func replacing(lanesWhere reference: Self, isBelow limit: Float, with value: Float) -> Self {
        replacing(with: value, where: reference .< limit)
    }

    @inlinable @inline(__always)
    public func keepingGreater(_ other: Self) -> Self { replacing(with: other, where: other .> self) }
}

extension SIMD16: RowVector where Scalar == Float {
    public typealias Bits = SIMD16<Int32>
    @inlinable public static var byteCount: Int { 64 }

    @inlinable @inline(__always)
    public func replacing(lanesWhere reference: Self, isBelow limit: Float, with value: Float) -> Self {
        replacing(with: value, where: reference .< limit)
    }

    @inlinable @inline(__always)
    public func keepingGreater(_ other: Self) -> Self { replacing(with: other, where: other .> self) }
}

/// What a head's probabilities do to the averaged attention weights.
public enum AveragingStage: Sendable {
    /// The first head: the averaged row takes its probabilities.
    case first
    /// A head between: its probabilities are added.
    case middle
    /// The last head: its probabilities are added and the sum divided by the head count.
    case last
}
