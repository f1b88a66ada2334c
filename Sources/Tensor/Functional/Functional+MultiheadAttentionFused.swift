extension Functional {
    /// Attention with its weights averaged over heads, through `AveragedAttentionKernel` when nothing is recorded for
    /// a gradient and nothing is dropped out: the per-head weights (`heads × L × S`) never exist, only one block of
    /// scores and the averaged `[N, L, S]` result. Returns nil when the composed path must run instead.
    static func averagedWeightsAttention(
        _ q: Tensor, _ k: Tensor, _ v: Tensor, attnMask: Tensor?, dropoutP: Double, _ shape: AttentionShape,
        outProjWeight: Tensor, outProjBias: Tensor?
    ) throws(TensorError) -> (Tensor, Tensor?)? {
        let dtype = q.dtype
        guard dropoutP == 0, dtype == .float32 || dtype == .float64, k.dtype == dtype, v.dtype == dtype else {
            return nil
        }
        if let attnMask, attnMask.dtype != dtype || attnMask.rank != 3 { return nil }
        let recorded = [q, k, v] + (attnMask.map { [$0] } ?? [])
        if GradMode.isEnabled && recorded.contains(where: { $0.requiresGrad }) { return nil }
        let (batch, heads, length) = (shape.batch, shape.numHeads, shape.targetLength)
        let (sourceLength, headDim) = (shape.sourceLength, shape.headDim)
        guard q.rank == 3, k.rank == 3, v.rank == 3, q.shape[0] == batch * heads, k.shape[0] == batch * heads,
              v.shape[0] == batch * heads, k.shape[1] == sourceLength, v.shape[1] == sourceLength,
              k.shape[2] == headDim, v.shape[2] == headDim, batch > 0, length > 0, sourceLength > 0, headDim > 0
        else { return nil }
        let (weights, attended) = try GradMode.with(enabled: false) { () throws(TensorError) in
            // As the composed path, the query is scaled before its product with the keys.
            let scaled = try q.mul(Tensor.wrapping(.float((1.0 / Double(headDim)).squareRoot())))
            let (qk, kk, vk) = (try scaled.attentionOperand(), try k.attentionOperand(), try v.attentionOperand())
            let layout = try AttentionLayout(batchShape: [batch * heads], query: qk, key: kk, value: vk,
                                             mask: attnMask, scale: 1, causal: false, maskedRowsGiveNaN: true)
            let weights = try Tensor(uninitializedShape: [batch, length, sourceLength], dtype: dtype)
            let attended = try Tensor(uninitializedShape: [length, batch, heads * headDim], dtype: dtype)
            let problem = AveragedAttentionProblem(
                layout: layout, batch: batch, heads: heads, attendedRowStride: batch * heads * headDim)
            switch dtype {
            case .float32:
                AveragedAttentionKernel<Float>.forward(problem, query: qk, key: kk, value: vk, mask: attnMask,
                                                       attended: attended, weights: weights)
            case .float64:
                AveragedAttentionKernel<Double>.forward(problem, query: qk, key: kk, value: vk, mask: attnMask,
                                                        attended: attended, weights: weights)
            case .int64, .bool:
                break
            }
            return (weights, attended)
        }
        var output = try linear(attended.view([length * batch, heads * headDim]), weight: outProjWeight,
                                bias: outProjBias)
        output = try output.view([length, batch, output.shape[1]])
        guard shape.isBatched else { return (try output.squeeze(1), try weights.squeeze(0)) }
        return (output, weights)
    }
}
