extension Functional {
    /// The static key and value that replace the projected ones, when given.
    public struct StaticKeyValue {
        /// `[batch * heads, S, head_dim]` keys, or nil.
        public var key: Tensor?
        /// `[batch * heads, S, head_dim]` values, or nil.
        public var value: Tensor?

        /// No static key or value.
        public init(key: Tensor? = nil, value: Tensor? = nil) {
            self.key = key
            self.value = value
        }
    }

    /// Multi-head attention on `[L, N, E]` (or unbatched `[L, E]`) inputs, step for step as PyTorch's
    /// `F.multi_head_attention_forward`: in-projection, optional bias key/value and zero attention, masks merged into
    /// one additive mask, then either explicit weights (`need_weights`: scaled `baddbmm`/`bmm`, softmax, dropout,
    /// `bmm`) or `scaled_dot_product_attention`, and the out-projection. Returns the output and, when asked, the
    /// attention weights averaged over heads (`[N, L, S]`) or per head (`[N, heads, L, S]`).
    ///
    /// Masks: bool (true = masked) or float (added). `attnMask` is `[L, S]` or `[N * heads, L, S]`;
    /// `keyPaddingMask` is `[N, S]`.
    public static func multiHeadAttentionForward(
        query: Tensor, key: Tensor, value: Tensor, embedDimToCheck: Int, numHeads: Int,
        inProjWeight: Tensor?, inProjBias: Tensor?, biasK: Tensor?, biasV: Tensor?, addZeroAttn: Bool,
        dropoutP: Double, outProjWeight: Tensor, outProjBias: Tensor?, training: Bool = true,
        keyPaddingMask: Tensor? = nil, needWeights: Bool = true, attnMask: Tensor? = nil,
        useSeparateProjWeight: Bool = false, qProjWeight: Tensor? = nil, kProjWeight: Tensor? = nil,
        vProjWeight: Tensor? = nil, staticKeyValue: StaticKeyValue = StaticKeyValue(),
        averageAttnWeights: Bool = true, isCausal: Bool = false
    ) throws(TensorError) -> (output: Tensor, weights: Tensor?) {
        try multiHeadAttention(
            query: query, key: key, value: value, embedDimToCheck: embedDimToCheck, numHeads: numHeads,
            inProjWeight: inProjWeight, inProjBias: inProjBias, biasK: biasK, biasV: biasV, addZeroAttn: addZeroAttn,
            dropoutP: dropoutP, outProjWeight: outProjWeight, outProjBias: outProjBias, training: training,
            keyPaddingMask: keyPaddingMask, needWeights: needWeights, attnMask: attnMask,
            separateWeights: useSeparateProjWeight ? (qProjWeight, kProjWeight, vProjWeight) : nil,
            staticKeyValue: staticKeyValue, averageAttnWeights: averageAttnWeights, isCausal: isCausal,
            plainSoftmax: false)
    }

    /// The body of `multiHeadAttentionForward`. With `plainSoftmax`, the weights are always computed explicitly, so a
    /// query whose every key is masked gives NaN as PyTorch's inference fast path does, even without `needWeights`.
    static func multiHeadAttention(
        query inputQuery: Tensor, key inputKey: Tensor, value inputValue: Tensor, embedDimToCheck: Int,
        numHeads: Int, inProjWeight: Tensor?, inProjBias: Tensor?, biasK: Tensor?, biasV: Tensor?,
        addZeroAttn: Bool, dropoutP: Double, outProjWeight: Tensor, outProjBias: Tensor?, training: Bool,
        keyPaddingMask inputKeyPaddingMask: Tensor?, needWeights: Bool, attnMask inputAttnMask: Tensor?,
        separateWeights: (Tensor?, Tensor?, Tensor?)?, staticKeyValue: StaticKeyValue, averageAttnWeights: Bool,
        isCausal inputIsCausal: Bool, plainSoftmax: Bool
    ) throws(TensorError) -> (output: Tensor, weights: Tensor?) {
        func fail(_ detail: String) -> TensorError {
            .failedAssertion(op: "multi_head_attention_forward", detail: detail)
        }
        let isBatched = try checkAttentionShapes(
            query: inputQuery, key: inputKey, value: inputValue, keyPaddingMask: inputKeyPaddingMask,
            attnMask: inputAttnMask, numHeads: numHeads)
        var (query, key, value) = (inputQuery, inputKey, inputValue)
        var keyPaddingMask = inputKeyPaddingMask
        if !isBatched {
            // Unsqueezing keeps the three apart even when they were one tensor, as in PyTorch.
            (query, key, value) = (try query.unsqueeze(1), try key.unsqueeze(1), try value.unsqueeze(1))
            keyPaddingMask = try keyPaddingMask?.unsqueeze(0)
        }
        let (targetLength, batch, embedDim) = (query.shape[0], query.shape[1], query.shape[2])
        keyPaddingMask = try canonicalMask(keyPaddingMask, name: "key_padding_mask", dtype: query.dtype)
        var isCausal = inputIsCausal
        if isCausal && inputAttnMask == nil {
            throw .invalidArgument(op: "multi_head_attention_forward", detail: "Need attn_mask if specifying the "
                + "is_causal hint. You may use the Transformer module method `generate_square_subsequent_mask` to "
                + "create this mask.")
        }
        var attnMask: Tensor?
        if isCausal && keyPaddingMask == nil && !needWeights && !plainSoftmax {
            // The hint alone tells scaled dot-product attention to mask causally.
        } else {
            attnMask = try canonicalMask(inputAttnMask, name: "attn_mask", dtype: query.dtype)
            if keyPaddingMask != nil { isCausal = false }
        }
        guard embedDim == embedDimToCheck else {
            throw fail("was expecting embedding dimension of \(embedDimToCheck), but got \(embedDim)")
        }
        guard numHeads > 0 else {
            throw .invalidValue(op: "multi_head_attention_forward", detail: "integer division or modulo by zero")
        }
        let headDim = embedDim / numHeads
        guard headDim * numHeads == embedDim else {
            throw fail("embed_dim \(embedDim) not divisible by num_heads \(numHeads)")
        }
        var (q, k, v): (Tensor, Tensor, Tensor)
        if let separateWeights {
            guard Array(key.shape.prefix(2)) == Array(value.shape.prefix(2)) else {
                throw fail("key's sequence and batch dims \(PythonShape.size(Array(key.shape.prefix(2)))) do not "
                    + "match value's \(PythonShape.size(Array(value.shape.prefix(2))))")
            }
            guard let qWeight = separateWeights.0 else {
                throw fail("use_separate_proj_weight is True but q_proj_weight is None")
            }
            guard let kWeight = separateWeights.1 else {
                throw fail("use_separate_proj_weight is True but k_proj_weight is None")
            }
            guard let vWeight = separateWeights.2 else {
                throw fail("use_separate_proj_weight is True but v_proj_weight is None")
            }
            let biases = try inProjBias.map { bias throws(TensorError) in try unpackThree(try bias.chunk(3)) }
            (q, k, v) = try separateInProjection(query, key, value, weights: (qWeight, kWeight, vWeight),
                                                 biases: biases)
        } else {
            guard key.shape == value.shape else {
                throw fail("key shape \(PythonShape.size(key.shape)) does not match value shape "
                    + PythonShape.size(value.shape))
            }
            guard let inProjWeight else { throw fail("use_separate_proj_weight is False but in_proj_weight is None") }
            (q, k, v) = try packedInProjection(query, key, value, weight: inProjWeight, bias: inProjBias)
        }
        var sourceLength = key.shape[0]
        if let mask = attnMask {
            if mask.rank == 2 {
                guard mask.shape == [targetLength, sourceLength] else {
                    throw .invalidArgument(op: "multi_head_attention_forward", detail: "The shape of the 2D attn_mask "
                        + "is \(PythonShape.size(mask.shape)), but should be "
                        + "\(PythonShape.tuple([targetLength, sourceLength])).")
                }
                attnMask = try mask.unsqueeze(0)
            } else if mask.rank == 3 {
                let expected = [batch * numHeads, targetLength, sourceLength]
                guard mask.shape == expected else {
                    throw .invalidArgument(op: "multi_head_attention_forward", detail: "The shape of the 3D attn_mask "
                        + "is \(PythonShape.size(mask.shape)), but should be \(PythonShape.tuple(expected)).")
                }
            } else {
                throw .invalidArgument(op: "multi_head_attention_forward",
                                       detail: "attn_mask's dimension \(mask.rank) is not supported")
            }
        }
        if let biasK, let biasV {
            if staticKeyValue.key != nil { throw fail("bias cannot be added to static key.") }
            if staticKeyValue.value != nil { throw fail("bias cannot be added to static value.") }
            k = try Tensor.cat([k, try biasK.repeat([1, batch, 1])])
            v = try Tensor.cat([v, try biasV.repeat([1, batch, 1])])
            attnMask = try attnMask.map { mask throws(TensorError) in try padLastDimension(mask) }
            keyPaddingMask = try keyPaddingMask.map { mask throws(TensorError) in try padLastDimension(mask) }
        } else {
            if biasK != nil { throw fail("bias_k is set but bias_v is None") }
            if biasV != nil { throw fail("bias_v is set but bias_k is None") }
        }
        q = try q.reshape([targetLength, batch * numHeads, headDim]).transpose(0, 1)
        if let staticKey = try staticTensor(staticKeyValue.key, name: "static_k", batchHeads: batch * numHeads,
                                            headDim: headDim) {
            k = staticKey
        } else {
            k = try k.reshape([k.shape[0], batch * numHeads, headDim]).transpose(0, 1)
        }
        if let staticValue = try staticTensor(staticKeyValue.value, name: "static_v", batchHeads: batch * numHeads,
                                              headDim: headDim) {
            v = staticValue
        } else {
            v = try v.reshape([v.shape[0], batch * numHeads, headDim]).transpose(0, 1)
        }
        if addZeroAttn {
            let zeros = [batch * numHeads, 1, headDim]
            k = try Tensor.cat([k, try Tensor.zeros(zeros, dtype: k.dtype)], dim: 1)
            v = try Tensor.cat([v, try Tensor.zeros(zeros, dtype: v.dtype)], dim: 1)
            attnMask = try attnMask.map { mask throws(TensorError) in try padLastDimension(mask) }
            keyPaddingMask = try keyPaddingMask.map { mask throws(TensorError) in try padLastDimension(mask) }
        }
        sourceLength = k.shape[1]
        if let padding = keyPaddingMask {
            guard padding.shape[0] == batch else {
                throw fail("Expected key_padded_mask.shape[0] to be \(batch), but got \(padding.shape[0])")
            }
            guard padding.shape[1] == sourceLength else {
                throw fail("Expected key_padded_mask.shape[1] to be \(sourceLength), but got \(padding.shape[1])")
            }
            let expanded = try padding.view([batch, 1, 1, sourceLength]).expand([-1, numHeads, -1, -1])
                .reshape([batch * numHeads, 1, sourceLength])
            attnMask = try attnMask.map { mask throws(TensorError) in try mask.add(expanded) } ?? expanded
        }
        let dropout = training ? dropoutP : 0
        let attention = AttentionShape(targetLength: targetLength, sourceLength: sourceLength, batch: batch,
                                       numHeads: numHeads, headDim: headDim, isBatched: isBatched)
        if needWeights {
            if averageAttnWeights, let fused = try averagedWeightsAttention(
                q, k, v, attnMask: attnMask, dropoutP: dropout, attention, outProjWeight: outProjWeight,
                outProjBias: outProjBias) {
                return fused
            }
            return try explicitAttention(
                q, k, v, attnMask: attnMask, dropoutP: dropout, attention, outProjWeight: outProjWeight,
                outProjBias: outProjBias, averageAttnWeights: averageAttnWeights, isCausal: isCausal)
        }
        // The fast path reads only the mask, never the causal hint.
        return (try fusedHeadsAttention(q, k, v, attnMask: attnMask, dropoutP: dropout, attention,
                                        outProjWeight: outProjWeight, outProjBias: outProjBias,
                                        isCausal: isCausal && !plainSoftmax, maskedRowsGiveNaN: plainSoftmax), nil)
    }

    /// The sizes the last steps of multi-head attention reshape by.
    struct AttentionShape {
        let targetLength: Int, sourceLength: Int, batch: Int, numHeads: Int, headDim: Int
        let isBatched: Bool
    }

    /// A static key or value, checked against the batch and heads.
    private static func staticTensor(
        _ tensor: Tensor?, name: String, batchHeads: Int, headDim: Int
    ) throws(TensorError) -> Tensor? {
        guard let tensor else { return nil }
        let first = try tensor.checkedSize(0), third = try tensor.checkedSize(2)
        guard first == batchHeads else {
            throw .failedAssertion(op: "multi_head_attention_forward",
                                   detail: "expecting \(name).size(0) of \(batchHeads), but got \(first)")
        }
        guard third == headDim else {
            throw .failedAssertion(op: "multi_head_attention_forward",
                                   detail: "expecting \(name).size(2) of \(headDim), but got \(third)")
        }
        return tensor
    }

    /// Attention with its weights built explicitly: `q * √(1/E)`, `baddbmm` with the mask (or `bmm`), softmax,
    /// dropout, `bmm` with v, out-projection; the weights viewed per head and averaged if asked.
    private static func explicitAttention(
        _ q: Tensor, _ k: Tensor, _ v: Tensor, attnMask: Tensor?, dropoutP: Double, _ shape: AttentionShape,
        outProjWeight: Tensor, outProjBias: Tensor?, averageAttnWeights: Bool, isCausal: Bool
    ) throws(TensorError) -> (Tensor, Tensor?) {
        let e = q.shape[2]
        let scaled = try q.mul(Tensor.wrapping(.float((1.0 / Double(e)).squareRoot())))
        if isCausal && attnMask == nil {
            throw .failedAssertion(op: "multi_head_attention_forward",
                                   detail: "FIXME: is_causal not implemented for need_weights")
        }
        var weights: Tensor
        if let attnMask {
            weights = try Tensor.baddbmm(attnMask, scaled, k.transpose(-2, -1))
        } else {
            weights = try scaled.bmm(k.transpose(-2, -1))
        }
        weights = try weights.attentionWeightsSoftmax()
        if dropoutP > 0 { weights = try dropout(weights, p: dropoutP) }
        var output = try weights.bmm(v).transpose(0, 1).reshape([shape.targetLength * shape.batch, shape.headDim
            * shape.numHeads])
        output = try linear(output, weight: outProjWeight, bias: outProjBias)
        output = try output.view([shape.targetLength, shape.batch, output.shape[1]])
        weights = try weights.view([shape.batch, shape.numHeads, shape.targetLength, shape.sourceLength])
        if averageAttnWeights { weights = try weights.averagingHeads() }
        if !shape.isBatched {
            output = try output.squeeze(1)
            weights = try weights.squeeze(0)
        }
        return (output, weights)
    }

    /// Attention through `scaled_dot_product_attention` on `[N, heads, L, head_dim]` views, then the
    /// out-projection. With `maskedRowsGiveNaN` (PyTorch's inference fast path, which records no gradient) the fused
    /// kernel runs directly, giving NaN for a query with every key masked.
    private static func fusedHeadsAttention(
        _ q: Tensor, _ k: Tensor, _ v: Tensor, attnMask: Tensor?, dropoutP: Double, _ shape: AttentionShape,
        outProjWeight: Tensor, outProjBias: Tensor?, isCausal: Bool, maskedRowsGiveNaN: Bool
    ) throws(TensorError) -> Tensor {
        let (batch, heads, length) = (shape.batch, shape.numHeads, shape.targetLength)
        let mask = try attnMask.map { mask throws(TensorError) in
            mask.shape[0] == 1 && mask.rank == 3
                ? try mask.unsqueeze(0) : try mask.view([batch, heads, -1, shape.sourceLength])
        }
        let views = (q: try q.view([batch, heads, length, shape.headDim]),
                     k: try k.view([batch, heads, shape.sourceLength, shape.headDim]),
                     v: try v.view([batch, heads, shape.sourceLength, shape.headDim]))
        let empty = views.q.count == 0 || views.k.count == 0 || views.v.count == 0
        let attended = maskedRowsGiveNaN && !empty
            ? try fusedAttention(views.q, views.k, views.v, mask: mask, isCausal: isCausal, scale: nil,
                                 enableGQA: false, maskedRowsGiveNaN: true)
            : try scaledDotProductAttention(views.q, views.k, views.v, attnMask: mask, dropoutP: dropoutP,
                                            isCausal: isCausal)
        var output = try attended.permute([2, 0, 1, 3]).reshape([batch * length, heads * shape.headDim])
        output = try linear(output, weight: outProjWeight, bias: outProjBias)
        output = try output.view([length, batch, output.shape[1]])
        return shape.isBatched ? output : try output.squeeze(1)
    }
}
