extension Functional {
    /// `softmax(query @ keyᵀ * scale + mask) @ value` over the last two dimensions, with any batch dimensions in
    /// front (`F.scaled_dot_product_attention`).
    ///
    /// - Parameters:
    ///   - query: `[..., L, E]`; key: `[..., S, E]`; value: `[..., S, Ev]`; the result is `[..., L, Ev]`.
    ///   - attnMask: broadcastable to `[..., L, S]`: bool (true = the key takes part) or float (added to the scores).
    ///   - dropoutP: the probability of dropping an attention weight (always applied, as in PyTorch).
    ///   - isCausal: masks keys after each query's position (top-left aligned); exclusive with `attnMask`.
    ///   - scale: the score factor, `1/√E` by default.
    ///   - enableGQA: lets key and value have fewer heads (dim -3) than the query, each shared by a group of heads.
    ///
    /// The route follows PyTorch's CPU dispatch, so results carry the same grad_fn: 4-D inputs with matching batch,
    /// heads and head dims, no dropout and a mask that needs no gradient take the fused kernel
    /// (`ScaledDotProductFlashAttentionForCpuBackward0`, a hand-written backward); anything else is composed of
    /// primitives as PyTorch's math path is (`UnsafeViewBackward0`, or `MmBackward0` for matrices). When no gradient
    /// is recorded, the fused kernel serves the math path's cases too, blocks of query rows at a time, so the full
    /// L × S matrix is never built.
    public static func scaledDotProductAttention(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, attnMask: Tensor? = nil, dropoutP: Double = 0,
        isCausal: Bool = false, scale: Double? = nil, enableGQA: Bool = false
    ) throws(TensorError) -> Tensor {
        try validateAttentionInputs(query, key, value, attnMask)
        if query.count == 0 || key.count == 0 || value.count == 0 {
            return try emptyAttention(query, key, value)
        }
        if try takesFusedRoute(query, key, value, attnMask, dropoutP: dropoutP, enableGQA: enableGQA) {
            // PyTorch's route check lets a negative probability through; its kernel then refuses it.
            guard dropoutP == 0 else {
                throw .invalidArgument(op: "scaled_dot_product_attention", detail: "scaled_dot_product_attention_"
                    + "flash_attention: Currently do not support dropout > 0")
            }
            return try fusedAttention(query, key, value, mask: attnMask, isCausal: isCausal, scale: scale,
                                      enableGQA: enableGQA)
        }
        let recording = GradMode.isEnabled && ([query, key, value] + (attnMask.map { [$0] } ?? [])).contains {
            $0.requiresGrad
        }
        if !recording && dropoutP <= 0,
           fusedKernelReproducesMath(query, key, value, attnMask, isCausal: isCausal, enableGQA: enableGQA) {
            return try fusedAttention(query, key, value, mask: attnMask, isCausal: isCausal, scale: scale,
                                      enableGQA: enableGQA)
        }
        return try composedAttention(query, key, value, mask: attnMask, dropoutP: dropoutP, isCausal: isCausal,
                                     scale: scale, enableGQA: enableGQA)
    }

    /// PyTorch's `validate_sdpa_input`: one dtype for q, k and v, at least two dimensions each, and a bool mask, a
    /// float32 one or one of the query's dtype.
    private static func validateAttentionInputs(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, _ mask: Tensor?
    ) throws(TensorError) {
        guard query.dtype == key.dtype && query.dtype == value.dtype else {
            throw .invalidArgument(op: "scaled_dot_product_attention", detail: "Expected query, key, and value to "
                + "have the same dtype, but got query.dtype: \(query.dtype.cppName) key.dtype: \(key.dtype.cppName) "
                + "and value.dtype: \(value.dtype.cppName) instead.")
        }
        guard query.rank >= 2 && key.rank >= 2 && value.rank >= 2 else {
            throw .invalidArgument(op: "scaled_dot_product_attention", detail: "Expected query, key, and value to all "
                + "be  at least 2 dimensional, but got query.dim: \(query.rank) key.dim: \(key.rank) and value.dim: "
                + "\(value.rank) instead.")
        }
        if let mask, mask.dtype != .bool && mask.dtype != .float32 && mask.dtype != query.dtype {
            throw .invalidArgument(op: "scaled_dot_product_attention", detail: "Expected attn_mask dtype to be bool "
                + "or float or to match query dtype, but got attn_mask.dtype: \(mask.dtype.cppName) and  query.dtype: "
                + "\(query.dtype.cppName) instead.")
        }
    }

    /// The result when any operand has no elements: zeros of the output's shape that still depend on every input,
    /// as PyTorch builds it (`AddBackward0`).
    private static func emptyAttention(_ query: Tensor, _ key: Tensor, _ value: Tensor) throws(TensorError) -> Tensor {
        let shape = Array(query.shape.dropLast()) + [value.shape[value.rank - 1]]
        let total = try query.sum().add(key.sum()).add(value.sum()).scaledByScalar(0)
        return try Tensor.zeros(shape, dtype: query.dtype).add(total)
    }

    /// Whether PyTorch's CPU dispatch picks its fused kernel (`use_flash_attention_cpp`): no dropout, 4-D operands
    /// with one batch size and head count (or grouped heads), a 2-D or 4-D mask of the right shape that needs no
    /// gradient, one head dim, and unit column strides. Like PyTorch, reading a mask's size -2 fails for a mask of
    /// fewer than two dimensions.
    private static func takesFusedRoute(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, _ mask: Tensor?, dropoutP: Double, enableGQA: Bool
    ) throws(TensorError) -> Bool {
        guard dropoutP <= 0, query.rank == 4, key.rank == 4, value.rank == 4 else { return false }
        let (batch, heads) = (query.shape[0], query.shape[1])
        guard key.shape[0] == batch && value.shape[0] == batch else { return false }
        if enableGQA {
            guard key.shape[1] == value.shape[1], heads % key.shape[1] == 0 else { return false }
        } else {
            guard key.shape[1] == heads && value.shape[1] == heads else { return false }
        }
        if let mask {
            if mask.rank == 0 {
                throw .invalidIndex(op: "scaled_dot_product_attention",
                                    detail: "Dimension specified as -2 but tensor has no dimensions")
            }
            let rows = mask.shape[try Shape.normalize(dim: -2, rank: mask.rank)]
            if mask.requiresGrad { return false }
            guard rows == query.shape[2] || rows == 1 else { return false }
            guard mask.shape[mask.rank - 1] == key.shape[2] || mask.shape[mask.rank - 1] == 1 else { return false }
            if mask.rank == 4 {
                guard mask.shape[0] == 1 || mask.shape[0] == batch, mask.shape[1] == 1 || mask.shape[1] == heads
                else { return false }
            } else if mask.rank != 2 {
                return false
            }
        }
        guard query.dtype.isFloatingPoint, query.shape[3] == key.shape[3] && query.shape[3] == value.shape[3]
        else { return false }
        return query.strides[3] == 1 && key.strides[3] == 1 && value.strides[3] == 1
    }

    /// Whether the composed path would succeed with results the fused kernel computes too: float operands, shapes
    /// that multiply and broadcast, a mask that fits the scores in place, no mask alongside `isCausal`, and grouped
    /// heads only when key and value have as many.
    private static func fusedKernelReproducesMath(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, _ mask: Tensor?, isCausal: Bool, enableGQA: Bool
    ) -> Bool {
        guard query.dtype.isFloatingPoint, !(isCausal && mask != nil) else { return false }
        let (l, e) = (query.shape[query.rank - 2], query.shape[query.rank - 1])
        let s = key.shape[key.rank - 2]
        guard key.shape[key.rank - 1] == e, value.shape[value.rank - 2] == s else { return false }
        var keyBatch = Array(key.shape.dropLast(2))
        var valueBatch = Array(value.shape.dropLast(2))
        if enableGQA {
            guard query.rank >= 3, key.rank >= 3, value.rank >= 3 else { return false }
            let (heads, keyHeads) = (query.shape[query.rank - 3], key.shape[key.rank - 3])
            guard keyHeads == value.shape[value.rank - 3], heads % keyHeads == 0 else { return false }
            keyBatch[keyBatch.count - 1] = heads
            valueBatch[valueBatch.count - 1] = heads
        }
        guard let scoreBatch = try? Shape.broadcast(Array(query.shape.dropLast(2)), keyBatch),
              (try? Shape.broadcast(scoreBatch, valueBatch)) != nil else { return false }
        if let mask {
            let scores = scoreBatch + [l, s]
            guard (try? Shape.broadcast(scores, mask.shape)) == scores else { return false }
        }
        return true
    }

    /// PyTorch's math path from primitives: scale q and kᵀ by √scale each, multiply, add the mask in place, safe
    /// softmax, dropout, multiply by v. Its errors are the primitives' own, as in PyTorch.
    private static func composedAttention(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, mask given: Tensor?, dropoutP: Double, isCausal: Bool,
        scale: Double?, enableGQA: Bool
    ) throws(TensorError) -> Tensor {
        let negative = (scale ?? 0) < 0
        let softmaxScale = negative ? -(scale ?? 0) : scale ?? 1 / Double(query.shape[query.rank - 1]).squareRoot()
        let factor = softmaxScale.squareRoot()
        var mask = try given.map { mask throws(TensorError) in try additiveMask(mask, dtype: query.dtype) }
        let scaledQuery = try query.scaledByScalar(negative ? 0 - factor : factor)
        if isCausal {
            if mask != nil {
                throw .invalidArgument(op: "scaled_dot_product_attention", detail: "_scaled_dot_product_attention: "
                    + "Explicit attn_mask should not be set when is_causal=True")
            }
            let causal = try Tensor.ones([query.shape[query.rank - 2], key.shape[key.rank - 2]], dtype: .bool).tril()
            mask = try additiveMask(causal, dtype: query.dtype)
        }
        let (groupedKey, groupedValue) = try repeatingKeyValueHeads(query, key, value, enableGQA: enableGQA)
        var scores = try scaledQuery.matmul(groupedKey.transpose(-2, -1).scaledByScalar(factor))
        if let mask { scores = try scores.add_(mask) }
        var weights = try scores.safeSoftmax(dim: -1)
        if dropoutP > 0 {
            guard dropoutP <= 1 else {
                throw .invalidArgument(op: "dropout", detail: "dropout probability has to be between 0 and 1, but "
                    + "got \(dropoutP.pythonRepr)")
            }
            weights = try Functional.dropout(weights, p: dropoutP, training: true)
        }
        return try weights.matmul(groupedValue)
    }

    /// A bool mask as PyTorch converts it: 0 where true, -inf where false, in `dtype`; a float mask unchanged.
    static func additiveMask(_ mask: Tensor, dtype: DType) throws(TensorError) -> Tensor {
        guard mask.dtype == .bool else { return mask }
        return try Tensor.where(mask, Tensor(.float(0), dtype: dtype), Tensor(.float(-.infinity), dtype: dtype))
    }

    /// Key and value with each head repeated for its group of query heads (PyTorch's
    /// `pre_process_group_query_attention_input`).
    private static func repeatingKeyValueHeads(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, enableGQA: Bool
    ) throws(TensorError) -> (Tensor, Tensor) {
        guard enableGQA else { return (key, value) }
        let heads = query.shape[try Shape.normalize(dim: -3, rank: query.rank)]
        let keyHeads = key.shape[try Shape.normalize(dim: -3, rank: key.rank)]
        let valueHeads = value.shape[try Shape.normalize(dim: -3, rank: value.rank)]
        guard keyHeads > 0, valueHeads > 0, heads % keyHeads == 0, heads % valueHeads == 0 else {
            // PyTorch's message stops mid-sentence.
            throw .invalidArgument(op: "scaled_dot_product_attention",
                                   detail: "Number of heads in key and value must divide the number of heads in ")
        }
        if heads == keyHeads && keyHeads == valueHeads { return (key, value) }
        return (try key.repeatInterleave(heads / keyHeads, dim: -3),
                try value.repeatInterleave(heads / valueHeads, dim: -3))
    }
}
