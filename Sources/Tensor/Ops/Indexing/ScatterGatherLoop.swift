/// The walk `gather` and the `scatter` family share: every element of an int64 index tensor, with the matching
/// position in the indexed tensor (`self`, whose `dim` coordinate the index value replaces) and in a second operand
/// laid out like the index (gather's output, scatter's `src`).
///
/// Zero-dimensional tensors take part as one-element vectors, as PyTorch's `ensure_nonempty` treats them. Elements
/// are visited with the non-`dim` coordinates row-major outside and `dim` innermost, so later entries along `dim` win
/// when a scatter writes one position twice.
struct ScatterGatherLoop {
    private let outer: StridedLoop
    private let innerLength: Int
    private let indexDimStride: Int
    private let selfDimStride: Int
    private let otherDimStride: Int
    /// The size of the indexed dimension of `self`: the bound every index value must respect.
    let bound: Int

    /// Plans the walk over `index` for the indexed `target` and the other operand, along `dim` (already normalised).
    init(index: Tensor, target: Tensor, other: Tensor, dim: Int) {
        let (indexShape, indexStrides) = ScatterGatherLoop.nonEmpty(index)
        let (targetShape, targetStrides) = ScatterGatherLoop.nonEmpty(target)
        let (_, otherStrides) = ScatterGatherLoop.nonEmpty(other)
        var outerShape = indexShape
        outerShape[dim] = 1
        outer = StridedLoop(shape: outerShape, strides: [indexStrides, targetStrides, otherStrides])
        innerLength = indexShape[dim]
        indexDimStride = indexStrides[dim]
        selfDimStride = targetStrides[dim]
        otherDimStride = otherStrides[dim]
        bound = targetShape[dim]
    }

    /// A tensor's shape and strides with a zero-dimensional tensor seen as one element.
    static func nonEmpty(_ tensor: Tensor) -> (shape: [Int], strides: [Int]) {
        tensor.rank == 0 ? ([1], [1]) : (tensor.shape, tensor.strides)
    }

    /// Calls `body(selfOffset, otherOffset)` for every index element, where `selfOffset` already includes the index
    /// value. Only call after `validate` passed.
    @inline(__always)
    func forEach(_ index: Tensor, _ body: (Int, Int) -> Void) {
        let indices = index.pointer(as: Int64.self)
        let (strideI, strideS, strideO, length) = (outer.rowStride(0), outer.rowStride(1), outer.rowStride(2),
                                                   outer.rowLength)
        let (inner, dimI, dimS, dimO) = (innerLength, indexDimStride, selfDimStride, otherDimStride)
        outer.forEachRow { offsets in
            var (i, s, o) = (offsets[0], offsets[1], offsets[2])
            for _ in 0..<length {
                for k in 0..<inner {
                    body(s + Int(indices[i + k * dimI]) * dimS, o + k * dimO)
                }
                i += strideI
                s += strideS
                o += strideO
            }
        }
    }

    /// Throws PyTorch's error for the first index value outside `0..<bound` in row-major order (negative values are
    /// not wrapped).
    func validate(_ index: Tensor, dim: Int) throws(TensorError) {
        let bound = Int64(self.bound)
        var bad: Int64?
        Elementwise.forEach(index) { (value: Int64) in
            if bad == nil && (value < 0 || value >= bound) { bad = value }
        }
        if let bad { throw .gatherIndexOutOfBounds(index: Int(bad), dim: dim, size: Int(bound)) }
    }
}

extension Tensor {
    /// The size of a dimension with a zero-dimensional tensor seen as one element (PyTorch's `ensure_nonempty_size`),
    /// refusing a dimension the tensor does not have.
    func nonEmptySize(_ dim: Int) throws(TensorError) -> Int {
        if rank == 0 { return 1 }
        guard dim < rank else { throw .dimensionOutOfRange(dim: dim, low: -rank, high: rank - 1) }
        return shape[dim]
    }
}
