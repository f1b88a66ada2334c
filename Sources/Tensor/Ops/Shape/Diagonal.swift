extension Tensor {
    /// The view of the diagonal `offset` of the matrices spanned by `dim1` and `dim2`, as a new last dimension
    /// (`torch.diagonal`). Positive offsets are above the main diagonal.
    public func diagonal(offset: Int = 0, dim1: Int = 0, dim2: Int = 1) throws(TensorError) -> Tensor {
        let (d1, d2) = try diagonalDims(dim1, dim2, rank: rank)
        let part = diagonalRegion(offset: offset, d1, d2)
        let out = makeView(shape: part.shape, strides: part.strides, offset: part.offset)
        let inputShape = shape
        out.recordGradient("DiagonalBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try Tensor.gradient(grad, scatteredInto: inputShape, name: "DiagonalBackwardBackward0") {
                $0.diagonalRegion(offset: offset, d1, d2)
            }]
        }
        return out
    }

    /// A vector's elements on diagonal `diagonal` of a square matrix of zeros, or a matrix's diagonal `diagonal` as
    /// a new vector (`torch.diag`).
    public func diag(_ diagonal: Int = 0) throws(TensorError) -> Tensor {
        switch rank {
        case 1:
            return try diagEmbed(offset: diagonal, dim1: 0, dim2: 1)
        case 2:
            let out = try diagonalRegion(offset: diagonal, 0, 1).contiguousCopy()
            let inputShape = shape
            // PyTorch 2.13 names this node after the diagonal_copy it runs.
            out.recordGradient("DiagonalBackward0_copy", inputs: [self]) { grad, _ throws(TensorError) in
                [try Tensor.gradient(grad, scatteredInto: inputShape, name: "DiagonalBackwardBackward0") {
                    $0.diagonalRegion(offset: diagonal, 0, 1)
                }]
            }
            return out
        default:
            throw .invalidArgument(op: "diag", detail: "diag(): Supports 1D or 2D tensors. Got \(rank)D")
        }
    }

    /// Zero tensors whose diagonal `offset` over `dim1` and `dim2` holds the last dimension of this one
    /// (`torch.diag_embed`).
    public func diagEmbed(offset: Int = 0, dim1: Int = -2, dim2: Int = -1) throws(TensorError) -> Tensor {
        let (d1, d2) = try diagonalDims(dim1, dim2, rank: rank + 1)
        let length = shape.last ?? 1
        let (side, overflow) = length.addingReportingOverflow(offset == Int.min ? Int.max : Swift.abs(offset))
        if overflow { throw .outOfMemory(requestedBytes: nil) }
        var outShape = Array(shape.dropLast())
        outShape.insert(side, at: Swift.min(d1, d2))
        outShape.insert(side, at: Swift.max(d1, d2))
        let out = try Tensor.zeros(outShape, dtype: dtype)
        if out.count > 0 { Cast.copy(self, into: out.diagonalRegion(offset: offset, d1, d2)) }
        out.recordGradient("DiagEmbedBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.diagonal(offset: offset, dim1: d1, dim2: d2)]
        }
        return out
    }

    /// Two distinct dims, wrapped for a tensor of `rank` dimensions; the message names them as given.
    private func diagonalDims(_ dim1: Int, _ dim2: Int, rank: Int) throws(TensorError) -> (Int, Int) {
        let (d1, d2) = (try Shape.normalize(dim: dim1, rank: rank), try Shape.normalize(dim: dim2, rank: rank))
        guard d1 != d2 else {
            throw .invalidArgument(op: "diagonal", detail: "diagonal dimensions cannot be identical \(dim1), \(dim2)")
        }
        return (d1, d2)
    }

    /// The raw view of diagonal `offset` over the distinct dims `d1` and `d2` (no autograd).
    func diagonalRegion(offset k: Int, _ d1: Int, _ d2: Int) -> Tensor {
        // Comparing before subtracting keeps huge offsets from overflowing.
        let length: Int
        var start = offset
        if k >= 0 {
            length = k >= shape[d2] ? 0 : Swift.min(shape[d1], shape[d2] - k)
            if length > 0 { start += k * strides[d2] }
        } else {
            length = k <= -shape[d1] ? 0 : Swift.min(shape[d1] + k, shape[d2])
            if length > 0 { start -= k * strides[d1] }
        }
        var (newShape, newStrides) = (shape, strides)
        for dim in [Swift.max(d1, d2), Swift.min(d1, d2)] {
            newShape.remove(at: dim)
            newStrides.remove(at: dim)
        }
        return region(shape: newShape + [length], strides: newStrides + [strides[d1] + strides[d2]], offset: start)
    }
}
