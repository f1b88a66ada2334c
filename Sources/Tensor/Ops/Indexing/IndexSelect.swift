extension Tensor {
    /// The slices at positions `index` (a vector or a single int64) along `dim`, in that order (`Tensor.index_select`).
    public func indexSelect(dim: Int, index: Tensor) throws(TensorError) -> Tensor {
        let d = try Shape.normalize(dim: dim, rank: rank)
        guard index.rank <= 1 else { throw .indexSelectNeedsVector }
        guard index.dtype == .int64 else {
            throw .invalidArgument(op: "index_select", detail: "index_select(): Expected dtype int32 or int64 for "
                + "index")
        }
        let count = index.count
        if rank == 0 && count != 1 {
            throw .invalidArgument(op: "index_select", detail: "index_select(): Index to scalar can have only 1 value, "
                + "got \(count) value(s)")
        }
        var outShape = shape
        if rank > 0 { outShape[d] = count }
        let out = try Tensor(uninitializedShape: outShape, dtype: dtype)
        let positions = index.elements(as: Int64.self)
        let size = rank == 0 ? 1 : shape[d]
        if rank > 1 && count > 0 && size == 0 {
            throw .invalidArgument(op: "index_select", detail: "index_select(): self indexing axis dim should be "
                + "positive")
        }
        if out.count > 0 {
            // NOTE: PyTorch's CPU kernel has a separate path for dim 1 of a tensor of rank 2 or more, which reports a
            // bad index with another message (and as RuntimeError instead of IndexError).
            if let bad = positions.first(where: { $0 < 0 || $0 >= size }) {
                if rank > 1 && d == 1 {
                    throw .invalidArgument(op: "index_select", detail: "INDICES element is out of DATA bounds, "
                        + "id=\(bad) axis_dim=\(size)")
                }
                throw .invalidIndex(op: "index_select", detail: "index out of range in self")
            }
            let layout = try indexLayout(dim: d, positions: positions)
            layout.gather(from: self, into: out)
        }
        let inputShape = shape
        out.recordGradient("IndexSelectBackward0", inputs: [self], saving: [index]) { grad, saved throws(TensorError) in
            [try Tensor.zeros(inputShape, dtype: grad.dtype).indexAdd(dim: d, index: saved[0], source: grad)]
        }
        return out
    }

    /// A copy with `alpha * source` added to the slices at positions `index` along `dim`; repeated positions add up
    /// (`Tensor.index_add`).
    public func indexAdd(dim: Int, index: Tensor, source: Tensor, alpha: Scalar = .int(1)) throws(TensorError)
        -> Tensor
    {
        let out = try contiguousCopy()
        let d = try out.indexAddWrite(dim: dim, index: index, source: source, alpha: alpha)
        out.recordIndexAdd(inPlace: false, old: self, dim: d, index: index, source: source, alpha: alpha)
        return out
    }

    /// In-place `indexAdd` (`Tensor.index_add_`).
    @discardableResult
    public func indexAdd_(dim: Int, index: Tensor, source: Tensor, alpha: Scalar = .int(1)) throws(TensorError)
        -> Tensor
    {
        try checkInPlace(resultShape: shape)
        let d = try indexAddWrite(dim: dim, index: index, source: source, alpha: alpha)
        bumpVersion()
        recordIndexAdd(inPlace: true, old: self, dim: d, index: index, source: source, alpha: alpha)
        return self
    }

    /// The layout of the slices at `positions` along `dim` (checked, non-negative), for gathering or adding.
    private func indexLayout(dim: Int, positions: [Int64]) throws(TensorError) -> GatherLayout {
        guard rank > 0 else { return GatherLayout(before: [0], middle: positions.map { _ in 0 }, after: [0]) }
        return GatherLayout(
            before: GatherLayout.offsets(shape: Array(shape[..<dim]), strides: Array(strides[..<dim])),
            middle: positions.map { Int($0) * strides[dim] },
            after: GatherLayout.offsets(shape: Array(shape[(dim + 1)...]), strides: Array(strides[(dim + 1)...])))
    }

    /// Checks an `index_add` as PyTorch's meta function does and performs it on `self`; returns the normalised dim.
    private func indexAddWrite(dim: Int, index: Tensor, source: Tensor, alpha: Scalar) throws(TensorError) -> Int {
        let d = try Shape.normalize(dim: dim, rank: rank)
        guard index.rank <= 1 else {
            throw .invalidIndex(op: "index_add", detail: "index_add_(): Index is supposed to be a vector, but got dim: "
                + "\(index.rank) with type: \(index.dtype.scalarTypeName) and size: \(Shape.describe(index.shape))")
        }
        guard index.dtype == .int64 else {
            throw .invalidArgument(op: "index_add", detail: "index_add_(): Expected dtype int32/int64 for index but "
                + "got: \(index.dtype.scalarTypeName)")
        }
        guard source.dtype == dtype else {
            throw .invalidArgument(op: "index_add", detail: "index_add_(): self (\(dtype.scalarTypeName)) and source "
                + "(\(source.dtype.scalarTypeName)) must have the same scalar type")
        }
        guard d == 0 || d < source.rank else {
            throw .invalidArgument(op: "index_add", detail: "index_add_(): Indexing dim \(d) is out of bounds of the "
                + "source tensor with dim \(source.rank)")
        }
        let count = index.count
        if source.rank == 0 && count != 1 {
            throw .invalidIndex(op: "index_add", detail: "Dimension specified as 0 but tensor has no dimensions")
        }
        let sourceCount = source.rank == 0 ? 1 : source.shape[d]
        guard count == sourceCount else {
            throw .invalidArgument(op: "index_add", detail: "index_add_(): Number of indices (\(count)) should be "
                + "equal to source.size(dim): (\(sourceCount)), for dim: \(d)")
        }
        var (selfRest, sourceRest) = (shape, source.shape)
        if rank > 0 && source.rank > 0 {
            selfRest.remove(at: d)
            sourceRest.remove(at: d)
        }
        guard selfRest == sourceRest else {
            throw .invalidArgument(op: "index_add", detail: "source tensor shape must match self tensor shape, "
                + "excluding the specified dimension. Got self.shape = \(Shape.describe(shape)) source.shape = "
                + "\(Shape.describe(source.shape))")
        }
        let positions = try index.checkedElements(as: Int64.self)
        let size = rank == 0 ? 1 : shape[d]
        if let bad = positions.first(where: { $0 < 0 || $0 >= size }) {
            // NOTE: PyTorch's CPU kernel has a fast path for alpha 1 (not `True`) on tensors of rank 2 or more, which
            // reports a bad index with another message and class.
            let unitAlpha = alpha == .int(1) || alpha == .float(1)
            if rank > 1 && unitAlpha { throw .gatherIndexOutOfBounds(index: Int(bad), dim: d, size: size) }
            throw .invalidIndex(op: "index_add", detail: "index out of range in self")
        }
        guard count > 0 && self.count > 0 else { return d }
        // `source` laid out in the layout's order is simply `source` made contiguous, scaled by alpha.
        let scaled = try Tensor(uninitializedShape: source.shape, dtype: dtype)
        Tensor.scale(source, by: alpha, into: scaled)
        try indexLayout(dim: d, positions: positions).put(scaled, into: self, accumulate: true)
        return d
    }

    /// `out = alpha * source`, with alpha converted to the dtype first.
    private static func scale(_ source: Tensor, by alpha: Scalar, into out: Tensor) {
        switch source.dtype {
        case .float32:
            let a = Float(scalar: alpha)
            Elementwise.map(source, into: out) { (x: Float) in x * a }
        case .float64:
            let a = Double(scalar: alpha)
            Elementwise.map(source, into: out) { (x: Double) in x * a }
        case .int64:
            let a = Int64(scalar: alpha)
            Elementwise.map(source, into: out) { (x: Int64) in x &* a }
        case .bool:
            let a = Bool(scalar: alpha)
            Elementwise.map(source, into: out) { (x: Bool) in x && a }
        }
    }

    private func recordIndexAdd(inPlace: Bool, old: Tensor, dim: Int, index: Tensor, source: Tensor, alpha: Scalar) {
        let (sourceShape, sourceNeedsGrad) = (source.shape, source.requiresGrad)
        let backward = { (grad: Tensor, saved: [Tensor]) throws(TensorError) -> [Tensor?] in
            guard sourceNeedsGrad else { return [grad, nil] }
            var sourceGrad = try grad.indexSelect(dim: dim, index: saved[0])
            if alpha != .int(1) { sourceGrad = try sourceGrad.mul(Tensor.wrapping(alpha)) }
            return [grad, try sourceGrad.reshape(sourceShape)]
        }
        if inPlace {
            recordInPlace("IndexAddBackward0", inputs: [source], saving: [index], backward: backward)
        } else {
            recordGradient("IndexAddBackward0", inputs: [old, source], saving: [index], backward: backward)
        }
    }
}
