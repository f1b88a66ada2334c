extension Tensor {
    /// The matrix product of two matrices (`torch.mm`).
    public func mm(_ other: Tensor) throws(TensorError) -> Tensor {
        guard rank == 2 else { throw .matmulNeedsMatrix(operand: "self") }
        guard other.rank == 2 else { throw .matmulNeedsMatrix(operand: "mat2") }
        guard shape[1] == other.shape[0] else { throw .matmulShapes(a: shape, b: other.shape) }
        guard dtype == other.dtype else { throw .matmulDTypeMismatch(a: dtype, b: other.dtype) }
        if dtype == .bool { throw .notImplemented(op: "addmm_impl_cpu_", dtype: .bool) }
        let out = try Tensor(uninitializedShape: [1, shape[0], other.shape[1]], dtype: dtype)
        try Gemm.batched(asBatch(), other.asBatch(), into: out)
        let result = Tensor(storage: out.storage, shape: [shape[0], other.shape[1]],
                            strides: [other.shape[1], 1], offset: 0, dtype: dtype)
        result.recordGradient("MmBackward0", inputs: [self, other], saving: [self, other]) {
            grad, saved throws(TensorError) in
            [try grad.mm(saved[1].t()), try saved[0].t().mm(grad)]
        }
        return result
    }

    /// The batched matrix product of two `[batch, n, m]` and `[batch, m, p]` tensors (`torch.bmm`).
    public func bmm(_ other: Tensor) throws(TensorError) -> Tensor {
        guard rank == 3 else { throw .bmmNeeds3D(operand: "batch1") }
        guard other.rank == 3 else { throw .bmmNeeds3D(operand: "batch2") }
        guard other.shape[0] == shape[0] && other.shape[1] == shape[2] else {
            throw .bmmBatchMismatch(expected: [shape[0], shape[2]], got: [other.shape[0], other.shape[1]])
        }
        guard dtype == other.dtype else { throw .dtypeMismatch(op: "bmm", expected: dtype, found: other.dtype) }
        if dtype == .bool { throw .notImplemented(op: "bmm", dtype: .bool) }
        let out = try Tensor(uninitializedShape: [shape[0], shape[1], other.shape[2]], dtype: dtype)
        try Gemm.batched(self, other, into: out)
        out.recordGradient("BmmBackward0", inputs: [self, other], saving: [self, other]) {
            grad, saved throws(TensorError) in
            [try grad.bmm(saved[1].transpose(1, 2)), try saved[0].transpose(1, 2).bmm(grad)]
        }
        return out
    }

    /// The inner product of two vectors (`torch.dot`).
    public func dot(_ other: Tensor) throws(TensorError) -> Tensor {
        guard rank == 1 && other.rank == 1 else {
            throw .invalidArgument(op: "dot", detail: "1D tensors expected, but got \(rank)D and \(other.rank)D "
                + "tensors")
        }
        guard dtype == other.dtype else {
            throw .invalidArgument(op: "dot", detail: "dot : expected both vectors to have same dtype, but found "
                + "\(dtype.scalarTypeName) and \(other.dtype.scalarTypeName)")
        }
        guard count == other.count else { throw .dotSizeMismatch(a: count, b: other.count) }
        if dtype == .bool { throw .notImplemented(op: "dot", dtype: .bool) }
        let product = try GradMode.with(enabled: false) { () throws(TensorError) in
            try unsqueeze(0).mm(other.unsqueeze(1)).reshape([])
        }
        product.recordGradient("DotBackward0", inputs: [self, other], saving: [self, other]) {
            grad, saved throws(TensorError) in
            [try saved[1].mul(grad), try saved[0].mul(grad)]
        }
        return product
    }

    /// The product of a matrix and a vector (`torch.mv`).
    public func mv(_ vector: Tensor) throws(TensorError) -> Tensor {
        guard rank == 2 && vector.rank == 1 else {
            throw .invalidArgument(op: "mv", detail: "vector + matrix @ vector expected, got 1, \(rank), "
                + "\(vector.rank)")
        }
        guard shape[1] == vector.count else { throw .mvSizeMismatch(matrix: shape, vector: vector.count) }
        guard dtype == vector.dtype else {
            let (v, m) = (vector.dtype.scalarTypeName, dtype.scalarTypeName)
            throw .invalidArgument(op: "mv", detail: "addmv input tensors must have the same dtype, but got \(v), "
                + "\(m), and \(v)")
        }
        if dtype == .bool { throw .notImplemented(op: "addmv_impl_cpu", dtype: .bool) }
        let product = try GradMode.with(enabled: false) { () throws(TensorError) in
            try mm(vector.unsqueeze(1)).reshape([shape[0]])
        }
        product.recordGradient("MvBackward0", inputs: [self, vector], saving: [self, vector]) {
            grad, saved throws(TensorError) in
            [try grad.unsqueeze(1).mul(saved[1].unsqueeze(0)), try saved[0].t().mv(grad)]
        }
        return product
    }

    /// The matrix product with NumPy's rules for vectors and broadcast batch dimensions (`torch.matmul`, `@`).
    ///
    /// It takes the same route as PyTorch (dot, mv, mm, one folded mm, or bmm), so results carry the same grad_fn:
    /// `SqueezeBackward4` for a vector times a matrix, `UnsafeViewBackward0` for folded and batched products,
    /// `CloneBackward0` for a matrix times a batch when the matrix requires grad.
    public func matmul(_ other: Tensor) throws(TensorError) -> Tensor {
        switch (rank, other.rank) {
        case (0, _), (_, 0):
            throw .matmulZeroDim(a: rank, b: other.rank)
        case (1, 1):
            return try dot(other)
        case (2, 1):
            return try mv(other)
        case (1, 2):
            guard shape[0] == other.shape[0] else { throw .matmulShapes(a: [1, shape[0]], b: other.shape) }
            return try unsqueeze(0).mm(other).squeezeLeadingOne()
        case (2, 2):
            return try mm(other)
        default:
            break
        }
        // A 3-D operand with a batch of one that requires grad, against a larger batch, is used as a matrix, so its
        // gradient is not summed out of an expanded copy.
        if rank == 3 && other.rank == 3 && GradMode.isEnabled {
            if shape[0] == 1 && other.shape[0] != 1 && requiresGrad {
                return try squeeze(dims: [0]).matmul(other)
            }
            if other.shape[0] == 1 && shape[0] != 1 && other.requiresGrad {
                return try matmul(other.squeeze(dims: [0]))
            }
        }
        if try shouldFold(other) { return try foldedMatmul(other) }
        return try batchedMatmul(other)
    }

    /// Whether the batch of the higher-rank operand can fold into matrix rows, so one mm replaces a bmm (PyTorch's
    /// rule: always when the lower-rank operand requires grad; otherwise when it costs no copy).
    private func shouldFold(_ other: Tensor) throws(TensorError) -> Bool {
        let selfLarger = rank >= other.rank
        let large = selfLarger ? self : try other.matrixTranspose()
        let small = selfLarger ? other : self
        guard large.rank >= 3 && small.rank <= 2 else { return false }
        if GradMode.isEnabled && small.requiresGrad { return true }
        // A matrix times a batch would need a transposed copy of the result.
        if rank == 2 { return false }
        if large.count == 0 { return true }
        for dim in 0..<(large.rank - 2) where large.strides[dim] != large.strides[dim + 1] * large.shape[dim + 1] {
            return false
        }
        return true
    }

    /// The product with the larger operand's batch folded into the rows of a single mm or mv.
    private func foldedMatmul(_ other: Tensor) throws(TensorError) -> Tensor {
        let transposed = other.rank > rank
        let large = transposed ? try other.matrixTranspose() : self
        let small = !transposed ? other : (rank == 2 ? try t() : self)
        let k = large.shape[large.rank - 1]
        var outShape = Array(large.shape.dropLast())
        let rows = outShape.reduce(1, *)
        let folded = try large.reshape([rows, k])
        if small.rank == 2 {
            outShape.append(small.shape[1])
            let output = try folded.mm(small).unsafeView(outShape)
            return transposed ? try output.matrixTranspose().contiguous() : output
        }
        return try folded.mv(small).unsafeView(outShape)
    }

    /// The general case: broadcast the batch dimensions, run one bmm, restore the shape.
    private func batchedMatmul(_ other: Tensor) throws(TensorError) -> Tensor {
        let n = rank > 1 ? shape[rank - 2] : 1
        let k = shape[rank - 1]
        let k2 = other.rank > 1 ? other.shape[other.rank - 2] : other.shape[0]
        let p = other.rank > 1 ? other.shape[other.rank - 1] : 1
        let batchShape = try Shape.broadcast(Array(shape.dropLast(2)), Array(other.shape.dropLast(2)))
        let batch = batchShape.reduce(1, *)
        let lhs = try expand(batchShape + [n, k]).reshape([batch, n, k])
        let right = other.rank == 1 ? try other.unsqueeze(1) : other
        let rhs = try right.expand(batchShape + [k2, p]).reshape([batch, k2, p])
        var outShape = batchShape
        if rank > 1 { outShape.append(n) }
        if other.rank > 1 { outShape.append(p) }
        return try lhs.bmm(rhs).unsafeView(outShape)
    }

    /// A reshape recorded as PyTorch's `_unsafe_view` (what matmul's results show as their grad_fn).
    func unsafeView(_ newShape: [Int]) throws(TensorError) -> Tensor {
        let source = try contiguous()
        let out = Tensor(storage: source.storage, shape: newShape, strides: Shape.contiguousStrides(newShape),
                         offset: source.offset, dtype: dtype)
        let inputShape = source.shape
        out.recordGradient("UnsafeViewBackward0", inputs: [source]) { grad, _ throws(TensorError) in
            [try grad.reshape(inputShape)]
        }
        return out
    }

    /// `squeeze_(0)` on a fresh `[1, p]` result, as matmul applies it to a vector-matrix product
    /// (`SqueezeBackward4`).
    private func squeezeLeadingOne() throws(TensorError) -> Tensor {
        let out = Tensor(storage: storage, shape: Array(shape.dropFirst()), strides: Array(strides.dropFirst()),
                         offset: offset, dtype: dtype)
        let inputShape = shape
        out.recordGradient("SqueezeBackward4", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.reshape(inputShape)]
        }
        return out
    }
}
