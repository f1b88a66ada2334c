/// Attention over several heads at once, with learned input and output projections (`nn.MultiheadAttention`).
///
/// Parameters are those PyTorch registers, in its order: `in_proj_weight` `[3E, E]` (or `q_proj_weight`,
/// `k_proj_weight`, `v_proj_weight` when `kdim`/`vdim` differ from E), `in_proj_bias` `[3E]`, optional `bias_k` and
/// `bias_v` `[1, 1, E]`, and `out_proj`, a `Linear` printed as `NonDynamicallyQuantizableLinear`. They are drawn as
/// PyTorch draws them: `out_proj`'s own initialisation at construction, then Xavier-uniform in-projection weights,
/// zero biases, and Xavier-normal `bias_k` and `bias_v`.
public final class MultiheadAttention: Module, ReplicableModule {
    /// The model dimension E.
    public let embedDim: Int
    /// The feature sizes of the key and value inputs.
    public let kdim: Int, vdim: Int
    /// The number of heads; E / heads is each head's dimension.
    public let numHeads: Int
    /// The probability of dropping an attention weight while training.
    public let dropout: Double
    /// Whether inputs and outputs are `[N, L, E]` rather than `[L, N, E]`.
    public let batchFirst: Bool
    /// Each head's dimension.
    public let headDim: Int
    /// Whether a zero key and value are appended to every sequence.
    public let addZeroAttn: Bool

    /// Whether key and value have E features, so one packed weight projects all three.
    public var qkvSameEmbedDim: Bool { kdim == embedDim && vdim == embedDim }

    /// A multi-head attention layer; `embedDim` must be divisible by `numHeads`.
    public init(
        _ embedDim: Int, _ numHeads: Int, dropout: Double = 0, bias: Bool = true, addBiasKV: Bool = false,
        addZeroAttn: Bool = false, kdim: Int? = nil, vdim: Int? = nil, batchFirst: Bool = false,
        dtype: DType = .defaultFloat
    ) throws {
        guard embedDim > 0 && numHeads > 0 else {
            throw ModuleError.invalidValue(module: "MultiheadAttention", detail: "embed_dim and num_heads must be "
                + "greater than 0, got embed_dim=\(embedDim) and num_heads=\(numHeads) instead")
        }
        self.embedDim = embedDim
        self.kdim = kdim ?? embedDim
        self.vdim = vdim ?? embedDim
        self.numHeads = numHeads
        self.dropout = dropout
        self.batchFirst = batchFirst
        self.headDim = embedDim / numHeads
        self.addZeroAttn = addZeroAttn
        super.init()
        guard headDim * numHeads == embedDim else {
            throw ModuleError.tensor(.failedAssertion(op: "MultiheadAttention",
                                                      detail: "embed_dim must be divisible by num_heads"))
        }
        let empty = { (shape: [Int]) throws in try Tensor.parameter(try Tensor.empty(shape, dtype: dtype)) }
        let projectionRows = try Shape.pythonProduct(3, embedDim)
        if qkvSameEmbedDim {
            try registerParameter("in_proj_weight", try empty([projectionRows, embedDim]))
            for name in ["q_proj_weight", "k_proj_weight", "v_proj_weight"] { try registerParameter(name, nil) }
        } else {
            try registerParameter("q_proj_weight", try empty([embedDim, embedDim]))
            try registerParameter("k_proj_weight", try empty([embedDim, self.kdim]))
            try registerParameter("v_proj_weight", try empty([embedDim, self.vdim]))
            try registerParameter("in_proj_weight", nil)
        }
        try registerParameter("in_proj_bias", bias ? try empty([projectionRows]) : nil)
        try registerModule("out_proj", try Linear(embedDim, embedDim, bias: bias, dtype: dtype,
                                                  printedName: "NonDynamicallyQuantizableLinear"))
        if addBiasKV {
            try registerParameter("bias_k", try empty([1, 1, embedDim]))
            try registerParameter("bias_v", try empty([1, 1, embedDim]))
        }
        try resetParameters()
    }

    /// Draws the in-projection weights and zeroes the biases, as PyTorch's `_reset_parameters`.
    public func resetParameters() throws {
        if qkvSameEmbedDim {
            try Init.xavierUniform_(try requiredParameter("in_proj_weight"))
        } else {
            for name in ["q_proj_weight", "k_proj_weight", "v_proj_weight"] {
                try Init.xavierUniform_(try requiredParameter(name))
            }
        }
        if let inProjBias = parameter("in_proj_bias") {
            try Init.constant_(inProjBias, 0)
            if let outBias = submodule("out_proj")?.parameter("bias") { try Init.constant_(outBias, 0) }
        }
        if let biasK = parameter("bias_k") { try Init.xavierNormal_(biasK) }
        if let biasV = parameter("bias_v") { try Init.xavierNormal_(biasV) }
    }

    /// The output projection.
    var outProj: Module {
        get throws {
            guard let module = submodule("out_proj") else {
                throw ModuleError.noSuchAttribute(module: typeName, name: "out_proj")
            }
            return module
        }
    }

    /// Attends from `query` to `key`/`value` and returns the output and, when `needWeights`, the attention weights
    /// (averaged over heads unless `averageAttnWeights` is false).
    ///
    /// Masks: `keyPaddingMask` `[N, S]` and `attnMask` `[L, S]` or `[N * heads, L, S]`, bool (true = masked) or
    /// float (added). `isCausal` is a hint that `attnMask` is causal. In eval mode without gradients, self-attention
    /// on batch-first inputs takes PyTorch's inference fast path, whose only visible difference is that a query with
    /// every key masked gives NaN rather than zeros.
    public func forward(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, keyPaddingMask: Tensor? = nil, needWeights: Bool = true,
        attnMask: Tensor? = nil, averageAttnWeights: Bool = true, isCausal: Bool = false
    ) throws -> (output: Tensor, weights: Tensor?) {
        try attend(query, key, value, keyPaddingMask: keyPaddingMask, needWeights: needWeights, attnMask: attnMask,
                   averageAttnWeights: averageAttnWeights, isCausal: isCausal, insideFastPath: false)
    }

    /// `forward`, told whether a caller (`TransformerEncoderLayer`) already took PyTorch's fast path, whose fused
    /// kernel has the same NaN semantics.
    func attend(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, keyPaddingMask: Tensor?, needWeights: Bool,
        attnMask: Tensor?, averageAttnWeights: Bool, isCausal: Bool, insideFastPath: Bool
    ) throws -> (output: Tensor, weights: Tensor?) {
        let isBatched = query.rank == 3
        let padding = try Functional.canonicalMask(keyPaddingMask, name: "key_padding_mask", dtype: query.dtype)
        let mask = try Functional.canonicalMask(attnMask, name: "attn_mask", dtype: query.dtype)
        let fastPath = try insideFastPath || takesFastPath(query, key, value, floatMasks: [attnMask, keyPaddingMask]
            .contains { $0?.dtype.isFloatingPoint ?? false })
        var (q, k, v) = (query, key, value)
        if batchFirst && isBatched {
            if key === value {
                if query === key {
                    q = try query.transpose(1, 0)
                    (k, v) = (q, q)
                } else {
                    (q, k) = (try query.transpose(1, 0), try key.transpose(1, 0))
                    v = k
                }
            } else {
                (q, k, v) = (try query.transpose(1, 0), try key.transpose(1, 0), try value.transpose(1, 0))
            }
        }
        let outProj = try self.outProj
        let separate = qkvSameEmbedDim
            ? nil : (parameter("q_proj_weight"), parameter("k_proj_weight"), parameter("v_proj_weight"))
        let (output, weights) = try Functional.multiHeadAttention(
            query: q, key: k, value: v, embedDimToCheck: embedDim, numHeads: numHeads,
            inProjWeight: parameter("in_proj_weight"), inProjBias: parameter("in_proj_bias"),
            biasK: parameter("bias_k"), biasV: parameter("bias_v"), addZeroAttn: addZeroAttn, dropoutP: dropout,
            outProjWeight: try outProj.requiredParameter("weight"), outProjBias: outProj.parameter("bias"),
            training: training, keyPaddingMask: padding, needWeights: needWeights, attnMask: mask,
            separateWeights: separate, staticKeyValue: .init(), averageAttnWeights: averageAttnWeights,
            isCausal: isCausal, plainSoftmax: fastPath)
        return (batchFirst && isBatched ? try output.transpose(1, 0) : output, weights)
    }

    /// Whether PyTorch would run `torch._native_multi_head_attention` (its conditions, in its order).
    private func takesFastPath(_ query: Tensor, _ key: Tensor, _ value: Tensor, floatMasks: Bool) throws -> Bool {
        guard !floatMasks, query.rank == 3, query === key, key === value, !training, numHeads % 2 == 0, batchFirst,
              parameter("bias_k") == nil, parameter("bias_v") == nil, !addZeroAttn, qkvSameEmbedDim,
              let inProjWeight = parameter("in_proj_weight"), let inProjBias = parameter("in_proj_bias"),
              query.dtype == inProjBias.dtype, query.dtype == inProjWeight.dtype else { return false }
        let outProj = try self.outProj
        let arguments = [query, inProjWeight, inProjBias] + [outProj.parameter("weight"), outProj.parameter("bias")]
            .compactMap { $0 }
        return !(GradMode.isEnabled && arguments.contains { $0.requiresGrad })
    }

    /// A module of the same configuration, for `deepCopy`.
    public func makeReplica() throws -> Module {
        try MultiheadAttention(
            embedDim, numHeads, dropout: dropout, bias: parameter("in_proj_bias") != nil,
            addBiasKV: parameter("bias_k") != nil, addZeroAttn: addZeroAttn, kdim: kdim, vdim: vdim,
            batchFirst: batchFirst,
            dtype: (parameter("in_proj_weight") ?? parameter("q_proj_weight"))?.dtype ?? .float32)
    }

    /// MultiheadAttention needs a key and a value: calling it with one tensor fails as in PyTorch.
    public override func forward(_ input: Tensor) throws -> Tensor {
        throw ModuleError.tensor(.invalidType(op: "forward", detail: "MultiheadAttention.forward() missing 2 required "
            + "positional arguments: 'key' and 'value'"))
    }
}
