extension Tensor {
    /// `bias + mat1 @ mat2` in one GEMM that accumulates onto the broadcast bias (`torch.addmm`).
    public static func addmm(_ bias: Tensor, _ mat1: Tensor, _ mat2: Tensor) throws(TensorError) -> Tensor {
        guard mat1.rank == 2 else { throw .matmulNeedsMatrix(operand: "mat1") }
        guard mat2.rank == 2 else { throw .matmulNeedsMatrix(operand: "mat2") }
        guard mat1.shape[1] == mat2.shape[0] else { throw .matmulShapes(a: mat1.shape, b: mat2.shape) }
        guard mat1.dtype == mat2.dtype else { throw .matmulDTypeMismatch(a: mat1.dtype, b: mat2.dtype) }
        let outShape = [mat1.shape[0], mat2.shape[1]]
        guard try Shape.broadcast(bias.shape, outShape) == outShape else {
            throw .invalidArgument(op: "addmm", detail: "The expanded size of the tensor (\(outShape[1])) must "
                + "match the existing size (\(bias.shape.last ?? 0)) at non-singleton dimension 1.  Target sizes: "
                + "\(Shape.describe(outShape)).  Tensor sizes: \(Shape.describe(bias.shape))")
        }
        if mat1.dtype == .bool { throw .notImplemented(op: "addmm_impl_cpu_", dtype: .bool) }
        let out = try Tensor(uninitializedShape: [1] + outShape, dtype: mat1.dtype)
        Cast.copy(bias, into: out)
        try Gemm.batched(mat1.asBatch(), mat2.asBatch(), into: out, accumulate: true)
        let result = Tensor(storage: out.storage, shape: outShape, strides: Shape.contiguousStrides(outShape),
                            offset: 0, dtype: out.dtype)
        let biasShape = bias.shape
        result.recordGradient("AddmmBackward0", inputs: [bias, mat1, mat2], saving: [mat1, mat2]) {
            grad, saved throws(TensorError) in
            [try grad.sumToShape(biasShape), try grad.mm(saved[1].t()), try saved[0].t().mm(grad)]
        }
        return result
    }

    /// A matrix as a batch of one, for the shared GEMM kernel.
    func asBatch() -> Tensor {
        Tensor(storage: storage, shape: [1] + shape, strides: [0] + strides, offset: offset, dtype: dtype)
    }
}
