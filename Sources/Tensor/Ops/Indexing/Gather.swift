extension Tensor {
    /// `out[i][j] = self[index[i][j]][j]` for `dim` 0, and so on: the elements `index` picks along `dim`, in the shape
    /// of `index` (`torch.gather`). Index values must lie in `0..<size(dim)`.
    public func gather(dim: Int, index: Tensor) throws(TensorError) -> Tensor {
        let d = try Shape.normalize(dim: dim, rank: rank)
        let out = try Tensor(uninitializedShape: index.shape, dtype: dtype)
        if index.count > 0 {
            guard index.dtype == .int64 else {
                throw .invalidArgument(op: "gather", detail: "gather(): Expected dtype int32/int64 for index")
            }
            guard Swift.max(rank, 1) == Swift.max(index.rank, 1) else { throw .gatherRankMismatch(op: "input") }
            for i in 0..<Swift.max(rank, 1) where i != d {
                guard try index.nonEmptySize(i) <= nonEmptySize(i) else {
                    throw .gatherShapeMismatch(dim: i, indexShape: index.shape, selfShape: shape, apartFrom: d)
                }
            }
            let loop = ScatterGatherLoop(index: index, target: self, other: out, dim: d)
            try loop.validate(index, dim: d)
            switch dtype {
            case .float32: Tensor.gatherKernel(self, index, out, loop, Float.self)
            case .float64: Tensor.gatherKernel(self, index, out, loop, Double.self)
            case .int64: Tensor.gatherKernel(self, index, out, loop, Int64.self)
            case .bool: Tensor.gatherKernel(self, index, out, loop, Bool.self)
            }
        }
        let inputShape = shape
        out.recordGradient("GatherBackward0", inputs: [self], saving: [index]) { grad, saved throws(TensorError) in
            [try Tensor.zeros(inputShape, dtype: grad.dtype).scatterAdd(dim: d, index: saved[0], src: grad)]
        }
        return out
    }

    private static func gatherKernel<T: TensorElement>(
        _ source: Tensor, _ index: Tensor, _ out: Tensor, _ loop: ScatterGatherLoop, _ type: T.Type
    ) {
        let (src, dst) = (source.pointer(as: T.self), out.pointer(as: T.self))
        loop.forEach(index) { sourceOffset, outOffset in dst[outOffset] = src[sourceOffset] }
    }

    /// The elements `indices` picks along `dim` after broadcasting the other dimensions of `self` and `indices`
    /// together; with no `dim`, positions in the flattened tensor (`torch.take_along_dim`).
    public func takeAlongDim(_ indices: Tensor, dim: Int? = nil) throws(TensorError) -> Tensor {
        guard let dim else {
            return try view([-1]).gather(dim: 0, index: try indices.view([-1]))
        }
        guard rank == indices.rank else {
            throw .invalidArgument(op: "take_along_dim", detail: "torch.take_along_dim(): input and indices should "
                + "have the same number of dimensions, but got \(rank) dimensions for input, and \(indices.rank) "
                + "dimensions for indices")
        }
        guard indices.dtype == .int64 else {
            throw .invalidArgument(op: "take_along_dim", detail: "torch.take_along_dim(): dtype of indices should be "
                + "Long but got \(indices.dtype.scalarTypeName)")
        }
        let d = try Shape.normalize(dim: dim, rank: rank)
        var selfSizes = shape
        if rank > 0 { selfSizes[d] = indices.shape[d] }
        let indicesShape = try Shape.broadcast(selfSizes, indices.shape)
        var indicesSizes = indices.shape
        if rank > 0 { indicesSizes[d] = shape[d] }
        let selfShape = try Shape.broadcast(indicesSizes, shape)
        return try expand(selfShape).gather(dim: d, index: try indices.expand(indicesShape))
    }
}
