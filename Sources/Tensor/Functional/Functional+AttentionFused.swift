extension Functional {
    /// Scaled dot-product attention through the fused kernel, recording `ScaledDotProductFlashAttentionForCpuBackward0`
    /// with a hand-written backward. The caller has checked the shapes (see `takesFusedRoute` and
    /// `fusedKernelReproducesMath`).
    static func fusedAttention(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, mask: Tensor?, isCausal: Bool, scale: Double?,
        enableGQA: Bool, maskedRowsGiveNaN: Bool = false
    ) throws(TensorError) -> Tensor {
        let dtype = query.dtype
        let (l, e) = (query.shape[query.rank - 2], query.shape[query.rank - 1])
        let ev = value.shape[value.rank - 1]
        let softmaxScale = scale ?? 1 / Double(e).squareRoot()
        var (q, k, v, m) = (query, key, value, mask)
        if enableGQA {
            (q, k, v, m) = groupingHeads(query, key, value, mask)
        }
        let batchShape = try Shape.broadcast([Array(q.shape.dropLast(2)), Array(k.shape.dropLast(2)),
                                              Array(v.shape.dropLast(2))])
        (q, k, v) = (try q.attentionOperand(), try k.attentionOperand(), try v.attentionOperand())
        m = try m.map { mask throws(TensorError) in mask.dtype == .bool ? mask : try mask.converted(to: dtype) }
        let layout = try AttentionLayout(batchShape: batchShape, query: q, key: k, value: v, mask: m,
                                         scale: softmaxScale, causal: isCausal, maskedRowsGiveNaN: maskedRowsGiveNaN)
        let out = try Tensor(uninitializedShape: batchShape + [l, ev], dtype: dtype)
        let logSumExp = try Tensor(uninitializedShape: batchShape + [l], dtype: dtype)
        switch dtype {
        case .float32:
            AttentionKernel<Float>.forward(layout, query: q, key: k, value: v, mask: m, out: out, logSumExp: logSumExp)
        case .float64:
            AttentionKernel<Double>.forward(layout, query: q, key: k, value: v, mask: m, out: out, logSumExp: logSumExp)
        case .int64, .bool:
            break  // Integer inputs take the composed path, which refuses them.
        }
        // Grouped heads were split as [..., key heads, group]; the result joins them back.
        var resultShape = batchShape
        if enableGQA && resultShape.count >= 2 {
            let group = resultShape.removeLast()
            resultShape[resultShape.count - 1] *= group
        }
        let result = out.rawView(shape: resultShape + [l, ev])
        let gradLayout = layout.contiguous(queryShape: q.shape, keyShape: k.shape, valueShape: v.shape,
                                           batchShape: batchShape)
        let shapes = (query: query.shape, key: key.shape, value: value.shape, kernelOut: out.shape)
        let kernelShapes = (query: q.shape, key: k.shape, value: v.shape)
        let hasMask = m != nil
        result.recordGradient(
            "ScaledDotProductFlashAttentionForCpuBackward0", inputs: [query, key, value],
            saving: [q, k, v, result, logSumExp] + (m.map { [$0] } ?? [])
        ) { grad, saved throws(TensorError) in
            let (q, k, v, result, logSumExp) = (saved[0], saved[1], saved[2], saved[3], saved[4])
            let mask = hasMask ? saved[5] : nil
            let out = result.rawView(shape: shapes.kernelOut)
            let gradOut = try grad.converted(to: result.dtype).contiguousData().rawView(shape: shapes.kernelOut)
            let gradQuery = try Tensor(zerosShape: kernelShapes.query, dtype: result.dtype)
            let gradKey = try Tensor(zerosShape: kernelShapes.key, dtype: result.dtype)
            let gradValue = try Tensor(zerosShape: kernelShapes.value, dtype: result.dtype)
            switch result.dtype {
            case .float32:
                AttentionKernel<Float>.backward(
                    layout, gradLayout: gradLayout, query: q, key: k, value: v, mask: mask, out: out,
                    logSumExp: logSumExp, gradOut: gradOut, gradQuery: gradQuery, gradKey: gradKey,
                    gradValue: gradValue)
            case .float64:
                AttentionKernel<Double>.backward(
                    layout, gradLayout: gradLayout, query: q, key: k, value: v, mask: mask, out: out,
                    logSumExp: logSumExp, gradOut: gradOut, gradQuery: gradQuery, gradKey: gradKey,
                    gradValue: gradValue)
            case .int64, .bool:
                break
            }
            let grads = [gradQuery.rawView(shape: shapes.query), gradKey.rawView(shape: shapes.key),
                         gradValue.rawView(shape: shapes.value)]
            if GradMode.isEnabled {
                // PyTorch has no derivative for this backward: a second backward through it fails.
                for gradient in grads {
                    gradient.recordGradient("NotImplemented", inputs: [grad] + Array(saved[0..<3])) {
                        _, _ throws(TensorError) in
                        throw .invalidArgument(op: "backward", detail: "derivative for "
                            + "aten::_scaled_dot_product_flash_attention_for_cpu_backward is not implemented")
                    }
                }
            }
            return grads
        }
        return result
    }

    /// Views that turn grouped-query attention into broadcasting: the query's heads (dim -3) split as
    /// `[key heads, group]`, key, value and mask given a size-1 group dimension (or their heads split likewise).
    private static func groupingHeads(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, _ mask: Tensor?
    ) -> (Tensor, Tensor, Tensor, Tensor?) {
        let heads = query.shape[query.rank - 3]
        let keyHeads = key.shape[key.rank - 3]
        let group = heads / keyHeads
        func split(_ t: Tensor, into sizes: (Int, Int)) -> Tensor {
            let d = t.rank - 3
            var shape = t.shape, strides = t.strides
            let stride = strides[d]
            shape.replaceSubrange(d...d, with: [sizes.0, sizes.1])
            strides.replaceSubrange(d...d, with: [stride * sizes.1, stride])
            return t.rawView(shape: shape, strides: strides)
        }
        var groupedMask = mask
        if let mask, mask.rank >= 3 {
            let maskHeads = mask.shape[mask.rank - 3]
            groupedMask = split(mask, into: maskHeads == heads && heads > 1 ? (keyHeads, group) : (maskHeads, 1))
        }
        return (split(query, into: (keyHeads, group)), split(key, into: (keyHeads, 1)),
                split(value, into: (keyHeads, 1)), groupedMask)
    }
}
