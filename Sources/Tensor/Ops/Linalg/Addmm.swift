extension Tensor {
    /// `bias + mat1 @ mat2` in one GEMM that accumulates onto the broadcast bias (`torch.addmm`).
    public static func addmm(_ bias: Tensor, _ mat1: Tensor, _ mat2: Tensor) throws(TensorError) -> Tensor {
        // PyTorch checks dtypes first (self against mat2, then mat1 against mat2), then ranks, then shapes.
        for (name, operand) in [("self", bias), ("mat1", mat1)] where operand.dtype != mat2.dtype {
            throw .invalidArgument(op: "addmm", detail: "\(name) and mat2 must have the same dtype, but got "
                + "\(operand.dtype.scalarTypeName) and \(mat2.dtype.scalarTypeName)")
        }
        for (name, operand) in [("mat1", mat1), ("mat2", mat2)] where operand.rank != 2 {
            throw .invalidArgument(op: "addmm", detail: "\(name) must be a matrix, got \(operand.rank)-D tensor")
        }
        guard mat1.shape[1] == mat2.shape[0] else { throw .matmulShapes(a: mat1.shape, b: mat2.shape) }
        let outShape = [mat1.shape[0], mat2.shape[1]]
        _ = try GradMode.with(enabled: false) { () throws(TensorError) in try bias.expand(outShape) }
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
