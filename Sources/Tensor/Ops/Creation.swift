import Foundation

/// Nested lists of numbers, as `torch.tensor` receives them from Python.
public indirect enum NestedValues: Sendable, Equatable {
    case scalar(Scalar)
    case list([NestedValues])
}

extension Tensor {
    /// A tensor of the given values and shape.
    public convenience init<T: TensorElement>(_ values: [T], shape: [Int]) throws(TensorError) {
        try self.init(uninitializedShape: shape, dtype: T.dtype)
        guard values.count == count else { throw .shapeInvalidForInput(shape: shape, count: values.count) }
        let dst = pointer(as: T.self)
        for (i, value) in values.enumerated() { dst[i] = value }
    }

    /// A one-dimensional tensor of the given values.
    public convenience init<T: TensorElement>(_ values: [T]) throws(TensorError) {
        try self.init(values, shape: [values.count])
    }

    /// A zero-dimensional tensor holding one value, of the value's own dtype (`torch.tensor(3.5)`).
    public convenience init(_ scalar: Scalar, dtype: DType? = nil) {
        let dtype = dtype ?? scalar.inferredDType
        self.init(storage: Storage(singleElementOf: dtype), shape: [], strides: [], offset: 0, dtype: dtype)
        setElement(0, to: scalar)
    }

    /// A Python number taking part in a tensor expression (`t * 2`): zero-dimensional, int64 or float64, and lowest
    /// in type promotion.
    public static func wrapping(_ scalar: Scalar) -> Tensor {
        let dtype: DType
        switch scalar {
        case .bool: dtype = .bool
        case .int: dtype = .int64
        case .float: dtype = .float64
        }
        let tensor = Tensor(scalar, dtype: dtype)
        tensor.isWrappedNumber = true
        return tensor
    }

    /// A tensor from nested lists, inferring shape and dtype as `torch.tensor` does.
    public convenience init(nested: NestedValues, dtype: DType? = nil) throws(TensorError) {
        var shape: [Int] = []
        var level = nested
        while case .list(let items) = level {
            shape.append(items.count)
            guard let first = items.first else { break }
            level = first
        }
        var scalars: [Scalar] = []
        try Tensor.flatten(nested, shape: shape, depth: 0, into: &scalars)
        let inferred = scalars.reduce(DType.bool) { DType.promote($0, $1.inferredDType) }
        try self.init(uninitializedShape: shape, dtype: dtype ?? (scalars.isEmpty ? .defaultFloat : inferred))
        for (i, value) in scalars.enumerated() { setElement(i, to: value) }
    }

    private static func flatten(
        _ values: NestedValues, shape: [Int], depth: Int, into scalars: inout [Scalar]
    ) throws(TensorError) {
        switch values {
        case .scalar(let scalar):
            guard depth == shape.count else {
                throw .invalidArgument(op: "tensor", detail: "expected sequence of length \(shape[depth]) at dim "
                    + "\(depth) (got 0)")
            }
            scalars.append(scalar)
        case .list(let items):
            guard depth < shape.count else {
                throw .invalidArgument(op: "tensor", detail: "Could not infer dtype of list")
            }
            guard items.count == shape[depth] else {
                throw .invalidArgument(op: "tensor", detail: "expected sequence of length \(shape[depth]) at dim "
                    + "\(depth) (got \(items.count))")
            }
            for item in items { try flatten(item, shape: shape, depth: depth + 1, into: &scalars) }
        }
    }

    /// Writes one element of a contiguous tensor.
    func setElement(_ index: Int, to value: Scalar) {
        switch dtype {
        case .bool: pointer(as: Bool.self)[index] = Bool(scalar: value)
        case .int64: pointer(as: Int64.self)[index] = Int64(scalar: value)
        case .float32: pointer(as: Float.self)[index] = Float(scalar: value)
        case .float64: pointer(as: Double.self)[index] = Double(scalar: value)
        }
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int], dtype: DType = .defaultFloat) throws(TensorError) -> Tensor {
        try Tensor(zerosShape: shape, dtype: dtype)
    }

    /// A tensor of ones.
    public static func ones(_ shape: [Int], dtype: DType = .defaultFloat) throws(TensorError) -> Tensor {
        try full(shape, 1, dtype: dtype)
    }

    /// A tensor with every element `value`; the dtype follows the value when not given, as in `torch.full`.
    public static func full(_ shape: [Int], _ value: Scalar, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: shape, dtype: dtype ?? value.inferredDType)
        out.fillUnchecked(value)
        return out
    }

    /// A tensor whose elements are unspecified (Attend zeroes them, so results never depend on stale memory).
    public static func empty(_ shape: [Int], dtype: DType = .defaultFloat) throws(TensorError) -> Tensor {
        try Tensor(zerosShape: shape, dtype: dtype)
    }

    /// Zeros shaped and typed like `other`.
    public static func zeros(like other: Tensor, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try zeros(other.shape, dtype: dtype ?? other.dtype)
    }

    /// Ones shaped and typed like `other`.
    public static func ones(like other: Tensor, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try ones(other.shape, dtype: dtype ?? other.dtype)
    }

    /// `value` everywhere, shaped and typed like `other`.
    public static func full(like other: Tensor, _ value: Scalar, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try full(other.shape, value, dtype: dtype ?? other.dtype)
    }

    /// Uninitialised (zeroed) elements, shaped and typed like `other`.
    public static func empty(like other: Tensor, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try empty(other.shape, dtype: dtype ?? other.dtype)
    }

    /// An `n`×`m` matrix with ones on the diagonal.
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .defaultFloat) throws(TensorError) -> Tensor {
        let columns = m ?? n
        if n < 0 { throw .invalidArgument(op: "eye", detail: "n must be greater or equal to 0, got \(n)") }
        if columns < 0 { throw .invalidArgument(op: "eye", detail: "m must be greater or equal to 0, got \(columns)") }
        let out = try zeros([n, columns], dtype: dtype)
        for i in 0..<Swift.min(n, columns) { out.setElement(i * columns + i, to: .int(1)) }
        return out
    }

    /// Values from `start` up to (not including) `end` in steps of `step`; int64 when all three are ints, else the
    /// default float dtype (`torch.arange`).
    public static func arange(
        _ start: Scalar, _ end: Scalar, step: Scalar = .int(1), dtype: DType? = nil
    ) throws(TensorError) -> Tensor {
        let allIntegral = [start, end, step].allSatisfy { !$0.isFloatingPoint }
        let outType = dtype ?? (allIntegral ? .int64 : .defaultFloat)
        let (first, last, delta) = (start.doubleValue, end.doubleValue, step.doubleValue)
        guard delta != 0 else { throw .invalidRange(op: "arange", detail: "step must be nonzero") }
        guard first.isFinite && last.isFinite else {
            throw .invalidRange(op: "arange", detail: "unsupported range: \(first) -> \(last)")
        }
        guard (delta > 0 && last >= first) || (delta < 0 && last <= first) else {
            throw .invalidRange(op: "arange", detail: "upper bound and larger bound inconsistent with step sign")
        }
        let size = ((last - first) / delta).rounded(.up)
        guard size < Double(Int.max / 16) else {
            throw .invalidRange(op: "arange", detail: "invalid size, possible overflow?")
        }
        let out = try Tensor(uninitializedShape: [Int(size)], dtype: outType)
        switch outType {
        case .int64:
            if case .int(let s) = start, case .int(let d) = step {
                let dst = out.pointer(as: Int64.self)
                for i in 0..<out.count { dst[i] = s &+ Int64(i) &* d }
            } else {
                for i in 0..<out.count { out.setElement(i, to: .float(first + Double(i) * delta)) }
            }
        case .float32, .float64, .bool:
            for i in 0..<out.count { out.setElement(i, to: .float(first + Double(i) * delta)) }
        }
        return out
    }

    /// `arange(0, end)`.
    public static func arange(_ end: Scalar, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try arange(.int(0), end, dtype: dtype)
    }

    /// `steps` evenly spaced values from `start` to `end` inclusive (`torch.linspace`).
    public static func linspace(
        _ start: Scalar, _ end: Scalar, steps: Int, dtype: DType = .defaultFloat
    ) throws(TensorError) -> Tensor {
        guard steps >= 0 else { throw .invalidArgument(op: "linspace", detail: "number of steps must be non-negative") }
        let out = try Tensor(uninitializedShape: [steps], dtype: dtype)
        switch dtype {
        case .float32: fillLinspace(out.pointer(as: Float.self), steps, Float(start.doubleValue), Float(end.doubleValue))
        case .float64: fillLinspace(out.pointer(as: Double.self), steps, start.doubleValue, end.doubleValue)
        case .int64, .bool:
            // Integral linspace steps in double and truncates each value.
            let values = try linspace(start, end, steps: steps, dtype: .float64)
            Cast.copy(values, into: out)
        }
        return out
    }

    // NOTE: PyTorch steps from both ends toward the middle in the element type, so the last value is exactly `end`.
    private static func fillLinspace<T: TensorFloat>(_ dst: UnsafeMutablePointer<T>, _ steps: Int, _ start: T, _ end: T) {
        guard steps > 0 else { return }
        if steps == 1 { dst[0] = start; return }
        let step = (end - start) / T(steps - 1)
        let halfway = steps / 2
        for i in 0..<steps {
            dst[i] = i < halfway ? start + step * T(i) : end - step * T(steps - i - 1)
        }
    }

    /// Sets every element to `value`, writing through views (`Tensor.fill_`).
    @discardableResult
    public func fill_(_ value: Scalar) throws(TensorError) -> Tensor {
        try checkInPlace(resultShape: shape)
        fillUnchecked(value)
        bumpVersion()
        recordInPlace("FillBackward0", inputs: []) { grad, _ throws(TensorError) in [try Tensor.zeros(like: grad)] }
        return self
    }

    /// Sets every element to `value` with no checks or recording.
    func fillUnchecked(_ value: Scalar) {
        let source = Tensor(value, dtype: dtype)
        Cast.copy(source, into: self)
    }

    /// Sets every element to zero (`Tensor.zero_`).
    @discardableResult
    public func zero_() throws(TensorError) -> Tensor { try fill_(.int(0)) }
}
