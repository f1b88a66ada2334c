extension Tensor {
    /// `input + batch1 @ batch2` for `[b, n, m]` and `[b, m, p]` batches, the input broadcast to `[b, n, p]`, in one
    /// GEMM that accumulates onto it (`torch.baddbmm` with beta = alpha = 1, `BaddbmmBackward0`).
    public static func baddbmm(_ input: Tensor, _ batch1: Tensor, _ batch2: Tensor) throws(TensorError) -> Tensor {
        // PyTorch sizes the result from the batches and expands the input first, so its errors come first.
        let target = [try batch1.checkedSize(0), try batch1.checkedSize(1), try batch2.checkedSize(2)]
        let expanded = try input.expand(target)
        guard input.dtype == batch1.dtype else {
            throw .invalidArgument(op: "baddbmm", detail: "Input dtypes must be the same, got: input "
                + "\(input.dtype.cppName), batch1: \(batch1.dtype.cppName), batch2: \(batch2.dtype.cppName)")
        }
        guard batch1.rank == 3 else { throw .bmmNeeds3D(operand: "batch1") }
        guard batch2.rank == 3 else { throw .bmmNeeds3D(operand: "batch2") }
        guard batch2.shape[0] == batch1.shape[0] && batch2.shape[1] == batch1.shape[2] else {
            throw .bmmBatchMismatch(expected: [batch1.shape[0], batch1.shape[2]],
                                    got: [batch2.shape[0], batch2.shape[1]])
        }
        guard batch2.dtype == batch1.dtype else {
            throw .dtypeMismatch(op: "baddbmm", expected: batch1.dtype, found: batch2.dtype)
        }
        if input.dtype == .bool { throw .notImplemented(op: "baddbmm", dtype: .bool) }
        let out = try Tensor(uninitializedShape: target, dtype: input.dtype)
        Cast.copy(expanded, into: out)
        try Gemm.batched(batch1, batch2, into: out, accumulate: true)
        let inputShape = input.shape
        out.recordGradient("BaddbmmBackward0", inputs: [input, batch1, batch2], saving: [batch1, batch2]) {
            grad, saved throws(TensorError) in
            [try grad.sumToShape(inputShape), try grad.bmm(saved[1].transpose(1, 2)),
             try saved[0].transpose(1, 2).bmm(grad)]
        }
        return out
    }

    /// The size of one dimension, as `Tensor.size(dim)` reports it (an IndexError for a bad dimension).
    func checkedSize(_ dim: Int) throws(TensorError) -> Int {
        if rank == 0 {
            throw .invalidIndex(op: "size", detail: "Dimension specified as \(dim) but tensor has no dimensions")
        }
        return shape[try Shape.normalize(dim: dim, rank: rank)]
    }
}
