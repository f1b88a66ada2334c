/// Where the fused attention kernel finds its operands: for each flat batch entry, the offset of that entry's query,
/// key, value (and mask) matrix, and the strides within a matrix.
///
/// Operands are stacks of row-major matrices over a shared broadcast batch shape (a stride of 0 repeats a matrix),
/// whose columns are adjacent in memory, so BLAS reads them in place.
struct AttentionLayout {
    /// One operand's matrices.
    struct Matrices {
        /// Per flat batch entry, the element offset of its matrix from the operand's first element.
        let offsets: [Int]
        /// The distance between rows, in elements (a valid BLAS leading dimension for q, k and v).
        let rowStride: Int
        /// The distance between columns: 1 for q, k and v; anything for the mask, which is read element by element.
        let columnStride: Int
    }

    /// The number of matrices in the batch.
    let batch: Int
    /// L, S, E and Ev.
    let queries: Int, keys: Int, headDim: Int, valueDim: Int
    /// The factor the scores are multiplied by.
    let scale: Double
    /// Whether keys after a query's own position are masked out (top-left aligned, as PyTorch's `tril`).
    let causal: Bool
    /// Whether a query with every key masked gives NaN (PyTorch's inference fast path) rather than zeros.
    let maskedRowsGiveNaN: Bool
    /// How many query rows the kernel scores at once.
    let blockRows: Int
    let query: Matrices, key: Matrices, value: Matrices
    let mask: Matrices?

    /// The layout of operands prepared by `attentionOperand()` (and a mask of the kernel's element type or bool),
    /// whose batch dimensions broadcast to `batchShape`.
    init(
        batchShape: [Int], query: Tensor, key: Tensor, value: Tensor, mask: Tensor?, scale: Double, causal: Bool,
        maskedRowsGiveNaN: Bool = false
    ) throws(TensorError) {
        let (l, s) = (query.shape[query.rank - 2], key.shape[key.rank - 2])
        let (e, ev) = (query.shape[query.rank - 1], value.shape[value.rank - 1])
        batch = batchShape.reduce(1, *)
        (queries, keys, headDim, valueDim) = (l, s, e, ev)
        self.scale = scale
        self.causal = causal
        self.maskedRowsGiveNaN = maskedRowsGiveNaN
        // About a megabyte of float scores per block: large enough for efficient GEMMs, small next to L × S.
        blockRows = Swift.max(1, Swift.min(l, Swift.max(16, (1 << 18) / Swift.max(s, 1))))
        self.query = Self.matrices(query.shape, query.strides, batchShape: batchShape)
        self.key = Self.matrices(key.shape, key.strides, batchShape: batchShape)
        self.value = Self.matrices(value.shape, value.strides, batchShape: batchShape)
        self.mask = mask.map { mask in
            let full = Shape.broadcastStrides(shape: mask.shape, strides: mask.strides, to: batchShape + [l, s])
            let batchStrides = Array(full.dropLast(2))
            return Matrices(offsets: Self.offsets(batchShape: batchShape, strides: batchStrides),
                            rowStride: full[full.count - 2], columnStride: full[full.count - 1])
        }
        let limit = Int(Int32.max)
        let largest = [l, s, e, ev, self.query.rowStride, self.key.rowStride, self.value.rowStride].max() ?? 0
        if largest > limit {
            throw .invalidArgument(op: "scaled_dot_product_attention",
                                   detail: "matrix dimensions beyond 2^31 - 1 are not supported")
        }
    }

    private init(_ other: AttentionLayout, query: Matrices, key: Matrices, value: Matrices) {
        (batch, queries, keys, headDim, valueDim) = (other.batch, other.queries, other.keys, other.headDim,
                                                      other.valueDim)
        (scale, causal, blockRows, mask) = (other.scale, other.causal, other.blockRows, other.mask)
        maskedRowsGiveNaN = other.maskedRowsGiveNaN
        (self.query, self.key, self.value) = (query, key, value)
    }

    /// The same problem over contiguous tensors of the given shapes: where the backward accumulates gradients.
    func contiguous(queryShape: [Int], keyShape: [Int], valueShape: [Int], batchShape: [Int]) -> AttentionLayout {
        let matrices = { (shape: [Int]) in
            Self.matrices(shape, Shape.contiguousStrides(shape), batchShape: batchShape)
        }
        return AttentionLayout(self, query: matrices(queryShape), key: matrices(keyShape),
                               value: matrices(valueShape))
    }

    private static func matrices(_ shape: [Int], _ strides: [Int], batchShape: [Int]) -> Matrices {
        let (rows, columns) = (shape[shape.count - 2], shape[shape.count - 1])
        let batchStrides = Shape.broadcastStrides(shape: Array(shape.dropLast(2)), strides: Array(strides.dropLast(2)),
                                                  to: batchShape)
        // A single row's stride is never stepped; BLAS only needs it to be at least the row length.
        let rowStride = rows == 1 ? Swift.max(columns, 1) : strides[strides.count - 2]
        return Matrices(offsets: offsets(batchShape: batchShape, strides: batchStrides), rowStride: rowStride,
                        columnStride: 1)
    }

    /// The offset of every batch entry, in row-major order of `batchShape`.
    private static func offsets(batchShape: [Int], strides: [Int]) -> [Int] {
        let count = batchShape.reduce(1, *)
        var result = [Int](repeating: 0, count: count)
        var index = [Int](repeating: 0, count: batchShape.count)
        var offset = 0
        for b in 0..<count {
            result[b] = offset
            var dim = batchShape.count - 1
            while dim >= 0 {
                index[dim] += 1
                offset += strides[dim]
                if index[dim] < batchShape[dim] { break }
                offset -= strides[dim] * batchShape[dim]
                index[dim] = 0
                dim -= 1
            }
        }
        return result
    }
}

extension Tensor {
    /// This tensor as the fused attention kernel reads a matrix operand: itself when its columns are adjacent and its
    /// rows at least a row apart, else a contiguous copy (recording nothing).
    func attentionOperand() throws(TensorError) -> Tensor {
        let (rows, columns) = (shape[rank - 2], shape[rank - 1])
        let columnsAdjacent = strides[rank - 1] == 1 || columns == 1
        let rowsApart = rows == 1 || strides[rank - 2] >= Swift.max(columns, 1)
        let batchForward = strides.dropLast(2).allSatisfy { $0 >= 0 }
        return columnsAdjacent && rowsApart && batchForward ? self : try contiguousCopy()
    }

    /// A view of the same elements with another geometry, recording nothing (the kernel's reinterpretations).
    func rawView(shape newShape: [Int], strides newStrides: [Int]? = nil) -> Tensor {
        Tensor(storage: storage, shape: newShape, strides: newStrides ?? Shape.contiguousStrides(newShape),
               offset: offset, dtype: dtype)
    }
}
