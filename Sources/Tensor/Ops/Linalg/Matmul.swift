extension Tensor {
    /// The matrix product of two matrices (`torch.mm`).
    public func mm(_ other: Tensor) throws(TensorError) -> Tensor {
        guard rank == 2 else { throw .matmulNeedsMatrix(operand: "self") }
        guard other.rank == 2 else { throw .matmulNeedsMatrix(operand: "mat2") }
        guard shape[1] == other.shape[0] else { throw .matmulShapes(a: shape, b: other.shape) }
        try checkProductTypes(other)
        let out = try Tensor(uninitializedShape: [1, shape[0], other.shape[1]], dtype: dtype)
        try Gemm.batched(batchView(), other.batchView(), into: out)
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
        try checkProductTypes(other)
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
        guard count == other.count else { throw .dotSizeMismatch(a: count, b: other.count) }
        try checkProductTypes(other)
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
            throw .invalidArgument(op: "mv", detail: "vector + matrix @ vector expected, got \(rank), "
                + "\(vector.rank)")
        }
        guard shape[1] == vector.count else { throw .mvSizeMismatch(matrix: shape, vector: vector.count) }
        try checkProductTypes(vector)
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
            return try unsqueeze(0).mm(other).squeeze(0)
        case (2, 2):
            return try mm(other)
        case (let left, let right) where left >= 3 && right <= 2:
            // Fold the batch into the rows: one large GEMM instead of many small ones.
            let k = shape[rank - 1]
            let rows = try reshape([-1, k])
            let rightMatrix = right == 1 ? try other.unsqueeze(1) : other
            guard rightMatrix.shape[0] == k else { throw .matmulShapes(a: rows.shape, b: rightMatrix.shape) }
            let product = try rows.mm(rightMatrix)
            let outShape = Array(shape.dropLast()) + (right == 1 ? [] : [other.shape[1]])
            return try product.unsafeView(outShape)
        default:
            return try batchedMatmul(other)
        }
    }

    /// The general case: broadcast the batch dimensions, run one bmm, restore the shape.
    private func batchedMatmul(_ other: Tensor) throws(TensorError) -> Tensor {
        let left = rank == 1 ? try unsqueeze(0) : self
        let right = other.rank == 1 ? try other.unsqueeze(1) : other
        let (n, k) = (left.shape[left.rank - 2], left.shape[left.rank - 1])
        let (k2, p) = (right.shape[right.rank - 2], right.shape[right.rank - 1])
        let batchShape: [Int]
        do {
            batchShape = try Shape.broadcast(Array(left.shape.dropLast(2)), Array(right.shape.dropLast(2)))
        }
        guard k == k2 else {
            throw .invalidArgument(op: "matmul", detail: "Expected size for first two dimensions of batch2 tensor to "
                + "be: \(Shape.describe([batchShape.reduce(1, *), k])) but got: "
                + "\(Shape.describe([batchShape.reduce(1, *), k2])).")
        }
        let batch = batchShape.reduce(1, *)
        let lhs = try left.expand(batchShape + [n, k]).reshape([batch, n, k])
        let rhs = try right.expand(batchShape + [k, p]).reshape([batch, k, p])
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

    /// A matrix as a batch of one, for the shared GEMM kernel.
    private func batchView() -> Tensor {
        Tensor(storage: storage, shape: [1] + shape, strides: [0] + strides, offset: offset, dtype: dtype)
    }

    private func checkProductTypes(_ other: Tensor) throws(TensorError) {
        guard dtype == other.dtype else { throw .matmulDTypeMismatch(a: dtype, b: other.dtype) }
        if dtype == .bool { throw .notImplemented(op: "addmm_impl_cpu_", dtype: .bool) }
    }
}
