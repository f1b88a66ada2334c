extension Tensor {
    /// The value of a one-element tensor as a Python number (`Tensor.item`).
    public func item() throws(TensorError) -> Scalar {
        guard count == 1 else { throw .itemOfManyElements(count: count) }
        switch dtype {
        case .bool: return .bool(pointer(as: Bool.self).pointee)
        case .int64: return .int(pointer(as: Int64.self).pointee)
        case .float32: return .float(Double(pointer(as: Float.self).pointee))
        case .float64: return .float(pointer(as: Double.self).pointee)
        }
    }

    /// The elements in row-major order, as Swift values of the tensor's element type. `T` must match `dtype`.
    public func elements<T: TensorElement>(as type: T.Type) -> [T] {
        precondition(T.dtype == dtype, "elements(as: \(T.self)) of a \(dtype.name) tensor")
        var result: [T] = []
        result.reserveCapacity(count)
        Elementwise.forEach(self) { (x: T) in result.append(x) }
        return result
    }

    /// `elements(as:)` of a tensor whose size comes from input: an expanded tensor can claim more elements than
    /// memory holds, so a copy past the memory limit is refused as an allocation of that size.
    public func checkedElements<T: TensorElement>(as type: T.Type) throws(TensorError) -> [T] {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        if overflow { throw .outOfMemory(requestedBytes: nil) }
        try MemoryBudget.shared.check(bytes)
        return elements(as: type)
    }

    /// The elements in row-major order as Python numbers.
    public var scalars: [Scalar] {
        switch dtype {
        case .bool: return elements(as: Bool.self).map { .bool($0) }
        case .int64: return elements(as: Int64.self).map { .int($0) }
        case .float32: return elements(as: Float.self).map { .float(Double($0)) }
        case .float64: return elements(as: Double.self).map { .float($0) }
        }
    }

    /// The elements in row-major order converted to doubles (for tests and rendering).
    public var doubles: [Double] { scalars.map(\.doubleValue) }
}
