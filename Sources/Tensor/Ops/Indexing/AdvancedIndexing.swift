extension Tensor {
    /// Advanced indexing (PyTorch's `aten::index`): one entry per leading dimension, an int64 tensor of positions
    /// (negative ones count from the end), a bool mask covering as many dimensions as it has, or nil for the whole
    /// dimension. The index tensors broadcast together; the result is a copy (`IndexBackward0`).
    public func index(tensors indices: [Tensor?]) throws(TensorError) -> Tensor {
        guard indices.count <= rank else { throw .tooManyIndices(rank: rank, given: indices.count) }
        let plan = try AdvancedIndexPlan(source: self, indices: indices)
        let out = try Tensor(uninitializedShape: plan.resultShape, dtype: dtype)
        try plan.layout().gather(from: self, into: out)
        let (inputShape, present) = (shape, indices.map { $0 != nil })
        out.recordGradient("IndexBackward0", inputs: [self], saving: indices.compactMap { $0 }) {
            grad, saved throws(TensorError) in
            let indices = Tensor.restoreIndices(present, saved)
            return [try Tensor.zeros(inputShape, dtype: grad.dtype).indexPut_(tensors: indices, values: grad,
                                                                              accumulate: true)]
        }
        return out
    }

    /// Writes `values`, broadcast to the shape `self.index(tensors:)` would have, at the positions `indices` address
    /// (`Tensor.index_put_`). With `accumulate`, values add to what is there and repeated positions add up; without
    /// it the last write to a repeated position wins. `values` must have `self`'s dtype, except a single value for a
    /// single bool mask, which is converted (PyTorch fills through `masked_fill_` then).
    @discardableResult
    public func indexPut_(tensors indices: [Tensor?], values: Tensor, accumulate: Bool = false) throws(TensorError)
        -> Tensor
    {
        try checkInPlace(resultShape: shape)
        try writeIndexPut(indices, values: values, accumulate: accumulate, checkOverlap: true)
        bumpVersion()
        let (present, valuesShape, valuesType, valuesNeedGrad) =
            (indices.map { $0 != nil }, values.shape, values.dtype, values.requiresGrad)
        recordInPlace("IndexPutBackward0", inputs: [values], saving: indices.compactMap { $0 }) {
            grad, saved throws(TensorError) in
            try Tensor.indexPutBackward(
                grad, Tensor.restoreIndices(present, saved), accumulate: accumulate, valuesShape: valuesShape,
                valuesType: valuesType, valuesNeedGrad: valuesNeedGrad)
        }
        return self
    }

    /// Out-of-place `indexPut_` (`Tensor.index_put`).
    public func indexPut(tensors indices: [Tensor?], values: Tensor, accumulate: Bool = false) throws(TensorError)
        -> Tensor
    {
        let out = try contiguousCopy()
        try out.writeIndexPut(indices, values: values, accumulate: accumulate, checkOverlap: false)
        let (present, valuesShape, valuesType, valuesNeedGrad) =
            (indices.map { $0 != nil }, values.shape, values.dtype, values.requiresGrad)
        out.recordGradient("IndexPutBackward0", inputs: [self, values], saving: indices.compactMap { $0 }) {
            grad, saved throws(TensorError) in
            try Tensor.indexPutBackward(
                grad, Tensor.restoreIndices(present, saved), accumulate: accumulate, valuesShape: valuesShape,
                valuesType: valuesType, valuesNeedGrad: valuesNeedGrad)
        }
        return out
    }

    /// Checks and performs an index put on `self`, as PyTorch's `_index_put_impl_` does.
    private func writeIndexPut(
        _ indices: [Tensor?], values: Tensor, accumulate: Bool, checkOverlap: Bool
    ) throws(TensorError) {
        guard indices.count <= rank else { throw .tooManyIndices(rank: rank, given: indices.count) }
        let defined = indices.compactMap { $0 }
        let fillsMask = !accumulate && values.count == 1 && defined.count == 1 && defined[0].dtype == .bool
        if checkOverlap && !fillsMask {
            for other in [values] + defined where sharesMemory(with: other) {
                throw .invalidArgument(op: "index_put_", detail: "unsupported operation: some elements of the input "
                    + "tensor and the written-to tensor refer to a single memory location. Please clone() the tensor "
                    + "before performing the operation.")
            }
        }
        let plan = try AdvancedIndexPlan(source: self, indices: indices)
        let source: Tensor
        if fillsMask {
            source = try values.converted(to: dtype)
        } else {
            guard Tensor.isExpandable(values.shape, to: plan.resultShape) else {
                throw .invalidArgument(op: "index_put_", detail: "shape mismatch: value tensor of shape "
                    + "\(Shape.describe(values.shape)) cannot be broadcast to indexing result of shape "
                    + "\(Shape.describe(plan.resultShape))")
            }
            guard values.dtype == dtype else {
                throw .invalidArgument(op: "index_put_", detail: "Index put requires the source and destination dtypes "
                    + "match, got \(dtype.scalarTypeName) for the destination and \(values.dtype.scalarTypeName) for "
                    + "the source.")
            }
            if values.count == 1 || (values.shape == plan.resultShape && values.isContiguous) {
                source = values
            } else {
                // Broadcast and lay out once, which also keeps the values intact if they alias `self`.
                source = try Tensor(uninitializedShape: plan.resultShape, dtype: dtype)
                Cast.copy(values, into: source)
            }
        }
        try plan.layout().put(source, into: self, accumulate: accumulate)
    }

    /// The gradients of an index put for the old `self` and for `values`.
    private static func indexPutBackward(
        _ grad: Tensor, _ indices: [Tensor?], accumulate: Bool, valuesShape: [Int], valuesType: DType,
        valuesNeedGrad: Bool
    ) throws(TensorError) -> [Tensor?] {
        let selfGrad = accumulate
            ? grad : try grad.indexPut(tensors: indices, values: Tensor.zeros([], dtype: grad.dtype))
        guard valuesNeedGrad else { return [selfGrad, nil] }
        let selected = try grad.index(tensors: indices)
        // A single value may have more (size-1) dimensions than the result when it filled a mask.
        let valuesGrad = valuesShape.reduce(1, *) == 1 && valuesShape.count > selected.rank
            ? try selected.sum().reshape(valuesShape) : try selected.sumToShape(valuesShape)
        return [selfGrad, valuesGrad.dtype == valuesType ? valuesGrad : try valuesGrad.to(valuesType)]
    }

    /// The index list a backward closure rebuilds from the tensors it saved (nil where a dimension was not indexed).
    static func restoreIndices(_ present: [Bool], _ saved: [Tensor]) -> [Tensor?] {
        var next = saved.makeIterator()
        return present.map { $0 ? next.next() : nil }
    }

    /// Whether `shape` broadcasts to `target` without growing `target` (PyTorch's `is_expandable_to`).
    static func isExpandable(_ shape: [Int], to target: [Int]) -> Bool {
        guard shape.count <= target.count else { return false }
        for (size, targetSize) in zip(shape.reversed(), target.reversed()) where size != targetSize && size != 1 {
            return false
        }
        return true
    }

    /// Whether this tensor and `other` are both dense and read overlapping memory (PyTorch's `assert_no_overlap`,
    /// which gives up, and so allows the write, when either is not dense).
    func sharesMemory(with other: Tensor) -> Bool {
        guard storage === other.storage, count > 0, other.count > 0 else { return false }
        guard isNonOverlappingAndDense, other.isNonOverlappingAndDense else { return false }
        let (start, otherStart) = (offset * dtype.itemSize, other.offset * other.dtype.itemSize)
        let (end, otherEnd) = (start + count * dtype.itemSize, otherStart + other.count * other.dtype.itemSize)
        return start < otherEnd && otherStart < end
    }
}
