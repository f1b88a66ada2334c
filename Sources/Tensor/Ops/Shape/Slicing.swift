extension Tensor {
    /// The view of elements `start..<end` stepping by `step` along `dim`, with Python's slice rules: omitted bounds
    /// mean the whole dimension, negative bounds count from the end, and out-of-range bounds are clamped.
    public func slice(dim: Int, start: Int? = nil, end: Int? = nil, step: Int = 1) throws(TensorError) -> Tensor {
        guard step > 0 else { throw .sliceStepNotPositive }
        guard rank > 0 else {
            throw .invalidIndex(op: "slice", detail: "slice() cannot be applied to a 0-dim tensor.")
        }
        let d = try Shape.normalize(dim: dim, rank: rank)
        let size = shape[d]
        func clamp(_ bound: Int?, default value: Int) -> Int {
            guard let bound else { return value }
            let wrapped = bound < 0 ? bound + size : bound
            return Swift.min(Swift.max(wrapped, 0), size)
        }
        let first = clamp(start, default: 0)
        let last = Swift.max(clamp(end, default: size), first)
        // Written so that a huge step (`t[::2**62]`) cannot overflow; a step that long keeps one element, whose
        // stride never matters.
        let length = last == first ? 0 : (last - first - 1) / step + 1
        var (newShape, newStrides) = (shape, strides)
        newShape[d] = length
        newStrides[d] = strides[d] &* step
        let out = makeView(shape: newShape, strides: newStrides, offset: offset + first * strides[d])
        let inputShape = shape
        out.recordGradient("SliceBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try Tensor.gradient(grad, scatteredInto: inputShape, name: "SliceBackwardBackward0") {
                $0.region(dim: d, start: first, length: length, step: step)
            }]
        }
        return out
    }

    /// The view with dimension `dim` removed by taking position `index` (`Tensor.select`, what `t[i]` does).
    public func select(dim: Int, index: Int) throws(TensorError) -> Tensor {
        guard rank > 0 else {
            throw .invalidIndex(op: "select", detail: "select() cannot be applied to a 0-dim tensor.")
        }
        let d = try Shape.normalize(dim: dim, rank: rank)
        let size = shape[d]
        guard index >= -size && index < size else {
            throw .invalidIndex(op: "select", detail: "select(): index \(index) out of range for tensor of size "
                + "\(Shape.describe(shape)) at dimension \(d)")
        }
        let position = index < 0 ? index + size : index
        var (newShape, newStrides) = (shape, strides)
        newShape.remove(at: d)
        newStrides.remove(at: d)
        let out = makeView(shape: newShape, strides: newStrides, offset: offset + position * strides[d])
        let inputShape = shape
        out.recordGradient("SelectBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try Tensor.gradient(grad, scatteredInto: inputShape, name: "SelectBackwardBackward0") {
                $0.region(dim: d, index: position)
            }]
        }
        return out
    }

    /// The view of `length` elements from `start` along `dim` (`Tensor.narrow`).
    public func narrow(dim: Int, start: Int, length: Int) throws(TensorError) -> Tensor {
        guard rank > 0 else {
            throw .invalidArgument(op: "narrow", detail: "narrow() cannot be applied to a 0-dim tensor.")
        }
        let d = try Shape.normalize(dim: dim, rank: rank)
        let size = shape[d]
        // PyTorch looks at the length before the start.
        guard length >= 0 else {
            throw .invalidArgument(op: "narrow", detail: "narrow(): length must be non-negative.")
        }
        guard start >= -size && start <= size else {
            throw .invalidIndex(op: "narrow", detail: "start out of range (expected to be in range of [\(-size), "
                + "\(size)], but got \(start))")
        }
        let first = start < 0 ? start + size : start
        guard first <= size - length else {
            throw .invalidArgument(op: "narrow", detail: "start (\(first)) + length (\(length)) exceeds dimension "
                + "size (\(size)).")
        }
        return try slice(dim: d, start: first, end: first + length)
    }
}
