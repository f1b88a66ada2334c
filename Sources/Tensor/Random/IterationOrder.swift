/// The order in which PyTorch's CPU kernels visit the elements of a tensor they write: its `TensorIterator` sorts
/// dimensions by stride, so a transposed or permuted tensor is filled in memory order, not in row-major index order.
/// Random kernels draw one value per visited element, so this order decides which element gets which draw.
extension Tensor {
    /// The dimensions from outermost to innermost in PyTorch's visiting order.
    ///
    /// Size-1 dimensions do not change the order and come first; the rest are sorted by decreasing stride, which is
    /// what TensorIterator's stride sort gives for any tensor that may be written (distinct non-zero strides).
    var iterationDimensions: [Int] {
        let unit = (0..<rank).filter { shape[$0] == 1 }
        let sized = (0..<rank).filter { shape[$0] != 1 }
        // A stable sort keeps dimensions of equal stride in index order, as TensorIterator's insertion sort does.
        let ordered = sized.enumerated().sorted { lhs, rhs in
            let (a, b) = (strides[lhs.element], strides[rhs.element])
            return a != b ? a > b : lhs.offset < rhs.offset
        }.map(\.element)
        return unit + ordered
    }

    /// A tensor over the same elements with dimensions permuted into visiting order, so that walking it in
    /// row-major order visits elements as PyTorch does. Records nothing for autograd.
    func permutedForIteration(_ dims: [Int]) -> Tensor {
        Tensor(storage: storage, shape: dims.map { shape[$0] }, strides: dims.map { strides[$0] }, offset: offset,
               dtype: dtype)
    }

    /// Stores values given in visiting order into this tensor's elements, converting dtype as a cast does.
    /// `samples` must be contiguous and hold exactly `count` elements.
    func storeInIterationOrder(_ samples: Tensor) {
        let dims = iterationDimensions
        let target = permutedForIteration(dims)
        let strides = Shape.contiguousStrides(target.shape)
        let source = Tensor(storage: samples.storage, shape: target.shape, strides: strides, offset: samples.offset,
                            dtype: samples.dtype)
        Cast.copy(source, into: target)
    }

    /// This tensor's values broadcast to `shape`, copied out contiguously in the visiting order of a tensor with
    /// that shape and `strides`.
    func valuesInIterationOrder(
        ofShape shape: [Int], strides: [Int]
    ) throws(TensorError) -> Tensor {
        let layout = Tensor(storage: storage, shape: shape, strides: strides, offset: 0, dtype: dtype)
        let dims = layout.iterationDimensions
        let broadcast = Tensor(storage: storage, shape: shape, strides: self.strides(broadcastTo: shape),
                               offset: offset, dtype: dtype)
        let permuted = broadcast.permutedForIteration(dims)
        let out = try Tensor(uninitializedShape: permuted.shape, dtype: dtype)
        Cast.copy(permuted, into: out)
        return out
    }

    /// An uninitialised tensor shaped like this one that keeps its strides when they are dense, as `empty_like`
    /// with PyTorch's default `preserve_format` does.
    func emptyPreservingLayout(dtype: DType? = nil) throws(TensorError) -> Tensor {
        let dtype = dtype ?? self.dtype
        guard count > 0, !isContiguous, isNonOverlappingAndDense else {
            return try Tensor(uninitializedShape: shape, dtype: dtype)
        }
        // Dense strides address exactly `count` elements; size-1 dimensions only ever use index 0.
        let storage = try Storage.uninitialized(count: count, dtype: dtype)
        return Tensor(storage: storage, shape: shape, strides: strides, offset: 0, dtype: dtype)
    }
}
