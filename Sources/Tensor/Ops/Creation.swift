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
    ///
    /// As in PyTorch, the dtype is inferred from every number first, the shape from the first element at each
    /// depth, and the values are then stored in order, so the first misplaced list or number is the one reported.
    public convenience init(nested: NestedValues, dtype: DType? = nil) throws(TensorError) {
        var shape: [Int] = []
        var level = nested
        while case .list(let items) = level {
            shape.append(items.count)
            guard let first = items.first else { break }
            level = first
        }
        let type = dtype ?? Tensor.inferDType(nested) ?? .defaultFloat
        var scalars: [Scalar] = []
        try Tensor.flatten(nested, shape: shape, depth: 0, dtype: type, into: &scalars)
        try self.init(uninitializedShape: shape, dtype: type)
        for (i, value) in scalars.enumerated() { setElement(i, to: value) }
    }

    /// The promoted dtype of every number in `values`, or nil when there are none.
    private static func inferDType(_ values: NestedValues) -> DType? {
        switch values {
        case .scalar(let scalar): return scalar.inferredDType
        case .list(let items):
            return items.reduce(nil as DType?) { result, item in
                guard let dtype = inferDType(item) else { return result }
                return result.map { DType.promote($0, dtype) } ?? dtype
            }
        }
    }

    private static func flatten(
        _ values: NestedValues, shape: [Int], depth: Int, dtype: DType, into scalars: inout [Scalar]
    ) throws(TensorError) {
        switch values {
        case .scalar(let scalar):
            guard depth == shape.count else { throw .invalidType(op: "tensor", detail: "not a sequence") }
            if dtype == .int64 {
                _ = try scalar.checkedInt64(typeName: "int64")
            }
            scalars.append(scalar)
        case .list(let items):
            guard depth < shape.count else {
                throw .invalidType(op: "tensor", detail: dtype.isFloatingPoint ? "must be real number, not list"
                    : "'list' object cannot be interpreted as an integer")
            }
            guard items.count == shape[depth] else {
                throw .invalidValue(op: "tensor", detail: "expected sequence of length \(shape[depth]) at dim "
                    + "\(depth) (got \(items.count))")
            }
            for item in items { try flatten(item, shape: shape, depth: depth + 1, dtype: dtype, into: &scalars) }
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
        // torch.zeros has its own message for a negative size.
        if shape.contains(where: { $0 < 0 }) {
            throw .invalidArgument(op: "zeros", detail: "zeros: Dimension size must be non-negative.")
        }
        return try Tensor(zerosShape: shape, dtype: dtype)
    }

    /// A tensor of ones.
    public static func ones(_ shape: [Int], dtype: DType = .defaultFloat) throws(TensorError) -> Tensor {
        try full(shape, 1, dtype: dtype)
    }

    /// A tensor with every element `value`; the dtype follows the value when not given, as in `torch.full`.
    public static func full(_ shape: [Int], _ value: Scalar, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: shape, dtype: dtype ?? value.inferredDType)
        if out.dtype == .int64 { _ = try value.checkedInt64() }
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
    ///
    /// The length is `ceil((end - start) / step)` computed in double, or exactly for int64 results, whose bounds and
    /// step are first truncated to integers.
    public static func arange(
        _ start: Scalar, _ end: Scalar, step: Scalar = .int(1), dtype: DType? = nil
    ) throws(TensorError) -> Tensor {
        let allIntegral = [start, end, step].allSatisfy { !$0.isFloatingPoint }
        let outType = dtype ?? (allIntegral ? .int64 : .defaultFloat)
        if outType == .int64 {
            // Infinite and NaN bounds are refused as a range before any conversion to integers.
            if !start.doubleValue.isFinite || !end.doubleValue.isFinite {
                try checkArangeBounds(start.doubleValue, end.doubleValue, step.doubleValue)
            }
            let (first, last, delta) = (try start.checkedInt64(), try end.checkedInt64(), try step.checkedInt64())
            if delta == 0 {
                // A fractional step that truncates to zero is a ValueError; a zero step a RuntimeError.
                if step.doubleValue != 0 {
                    throw .invalidValue(op: "arange", detail: "step must be nonzero")
                }
                throw .invalidRange(op: "arange", detail: "step must be nonzero")
            }
            try checkArangeBounds(Double(first), Double(last), Double(delta))
            // (end - start + step - sign(step)) / step, in wrapping arithmetic as the C++ does; a range too wide for
            // int64 wraps negative and is refused as PyTorch refuses it.
            let span = last &- first &+ delta &- (delta > 0 ? 1 : -1)
            let (count, overflow) = span.dividedReportingOverflow(by: delta)
            guard !overflow && count >= 0 else {
                throw .invalidRange(op: "arange", detail: "invalid size, possible overflow?")
            }
            let out = try Tensor(uninitializedShape: [Int(count)], dtype: .int64)
            let dst = out.pointer(as: Int64.self)
            for i in 0..<out.count { dst[i] = first &+ delta &* Int64(i) }
            return out
        }
        let (first, last, delta) = (start.doubleValue, end.doubleValue, step.doubleValue)
        // A NaN step is "nonzero" to neither comparison, as in PyTorch.
        guard delta > 0 || delta < 0 else { throw .invalidRange(op: "arange", detail: "step must be nonzero") }
        try checkArangeBounds(first, last, delta)
        let size = ((last - first) / delta).rounded(.up)
        // NOTE: 2^63 itself does not convert to Int.
        guard size < 9.223372036854775808e18 else {
            throw .invalidRange(op: "arange", detail: "invalid size, possible overflow?")
        }
        let out = try Tensor(uninitializedShape: [Int(size)], dtype: outType)
        switch outType {
        case .float32: fillArange(out.pointer(as: Float.self), out.count, first, delta)
        case .float64: fillArange(out.pointer(as: Double.self), out.count, first, delta)
        case .int64, .bool:
            for i in 0..<out.count { out.setElement(i, to: .float(first.addingProduct(delta, Double(i)))) }
        }
        return out
    }

    private static func checkArangeBounds(_ first: Double, _ last: Double, _ delta: Double) throws(TensorError) {
        guard first.isFinite && last.isFinite else {
            throw .invalidRange(op: "arange", detail: "unsupported range: \(formatBound(first)) -> "
                + "\(formatBound(last))")
        }
        guard (delta > 0 && last >= first) || (delta < 0 && last <= first) else {
            throw .invalidRange(op: "arange", detail: "upper bound and lower bound inconsistent with step sign")
        }
    }

    /// A bound as C++ streams a double: `0`, `2.5`, `inf`, `nan`.
    private static func formatBound(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded() && Swift.abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    // NOTE: this reproduces PyTorch's CPU kernel value for value. Runs of 8 float32 (4 float64) elements, two runs at
    // a time, start at `start + step * i` and step on by `k * step` from there in double, each with a fused
    // multiply-add; the tail shorter than two runs is computed element by element.
    private static func fillArange<T: TensorFloat>(
        _ dst: UnsafeMutablePointer<T>, _ count: Int, _ start: Double, _ step: Double
    ) {
        let run = T.self == Float.self ? 8 : 4
        var i = 0
        while i + 2 * run <= count {
            for _ in 0..<2 {
                let base = Double(T(start.addingProduct(step, Double(i))))
                for k in 0..<run { dst[i + k] = T(base.addingProduct(Double(k), step)) }
                i += run
            }
        }
        while i < count {
            dst[i] = T(start.addingProduct(step, Double(i)))
            i += 1
        }
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
            // Integer bounds (truncated) with a double step; each value truncates back.
            let (first, last) = (Double(try start.checkedInt64()), Double(try end.checkedInt64()))
            let values = try Tensor(uninitializedShape: [steps], dtype: .float64)
            fillLinspace(values.pointer(as: Double.self), steps, first, last)
            Cast.copy(values, into: out)
        }
        return out
    }

    // NOTE: PyTorch steps from both ends toward the middle in the element type, each value one fused multiply-add,
    // so the last value is exactly `end`.
    private static func fillLinspace<T: TensorFloat>(_ dst: UnsafeMutablePointer<T>, _ steps: Int, _ start: T, _ end: T) {
        guard steps > 0 else { return }
        if steps == 1 { dst[0] = start; return }
        let step = (end - start) / T(steps - 1)
        let halfway = steps / 2
        for i in 0..<steps {
            dst[i] = i < halfway ? start.addingProduct(step, T(i)) : end.addingProduct(-step, T(steps - i - 1))
        }
    }

    /// Sets every element to `value`, writing through views (`Tensor.fill_`).
    @discardableResult
    public func fill_(_ value: Scalar) throws(TensorError) -> Tensor {
        try fill(value, backwardName: "FillBackward2")
    }

    private func fill(_ value: Scalar, backwardName: String) throws(TensorError) -> Tensor {
        try checkInPlace(resultShape: shape)
        if dtype == .int64 { _ = try value.checkedInt64() }
        fillUnchecked(value)
        bumpVersion()
        recordInPlace(backwardName, inputs: []) { grad, _ throws(TensorError) in [try Tensor.zeros(like: grad)] }
        return self
    }

    /// Sets every element to `value` with no checks or recording.
    func fillUnchecked(_ value: Scalar) {
        let source = Tensor(value, dtype: dtype)
        Cast.copy(source, into: self)
    }

    /// Sets every element to zero (`Tensor.zero_`).
    @discardableResult
    public func zero_() throws(TensorError) -> Tensor { try fill(.int(0), backwardName: "ZeroBackward0") }
}
