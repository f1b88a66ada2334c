/// Masked self-attention, attention over the encoder's output (memory), then a feedforward network, each with
/// dropout, a residual connection and layer norm, after the sublayer or (with `normFirst`) before it
/// (`nn.TransformerDecoderLayer`).
///
/// Children, in PyTorch's order: `self_attn`, `multihead_attn`, `linear1`, `dropout`, `linear2`, `norm1`, `norm2`,
/// `norm3`, `dropout1`, `dropout2`, `dropout3`, and `activation` when it is a module.
public final class TransformerDecoderLayer: Module, ReplicableModule {
    /// The model dimension.
    public let dModel: Int
    /// The number of attention heads.
    public let nhead: Int
    /// The hidden size of the feedforward network.
    public let dimFeedforward: Int
    /// The dropout probability of every dropout in the layer.
    public let dropoutProbability: Double
    /// The feedforward network's activation.
    public let activation: TransformerActivation
    /// The layer norms' eps.
    public let layerNormEps: Double
    /// Whether inputs are `[N, T, E]` rather than `[T, N, E]`.
    public let batchFirst: Bool
    /// Whether layer norm comes before each sublayer rather than after the residual sum.
    public var normFirst: Bool
    /// Whether the linear maps and layer norms have biases.
    public let bias: Bool

    /// A decoder layer with PyTorch's defaults (a 2048-wide feedforward network, dropout 0.1, ReLU).
    public init(
        dModel: Int, nhead: Int, dimFeedforward: Int = 2048, dropout: Double = 0.1,
        activation: TransformerActivation = .relu, layerNormEps: Double = 1e-5, batchFirst: Bool = false,
        normFirst: Bool = false, bias: Bool = true, dtype: DType = .defaultFloat
    ) throws {
        (self.dModel, self.nhead, self.dimFeedforward, dropoutProbability) = (dModel, nhead, dimFeedforward, dropout)
        (self.activation, self.layerNormEps, self.batchFirst) = (activation, layerNormEps, batchFirst)
        (self.normFirst, self.bias) = (normFirst, bias)
        super.init()
        for name in ["self_attn", "multihead_attn"] {
            try registerModule(name, try MultiheadAttention(dModel, nhead, dropout: dropout, bias: bias,
                                                            batchFirst: batchFirst, dtype: dtype))
        }
        try registerModule("linear1", try Linear(dModel, dimFeedforward, bias: bias, dtype: dtype))
        try registerModule("dropout", try Dropout(dropout))
        try registerModule("linear2", try Linear(dimFeedforward, dModel, bias: bias, dtype: dtype))
        for name in ["norm1", "norm2", "norm3"] {
            try registerModule(name, try LayerNorm([dModel], eps: layerNormEps, bias: bias, dtype: dtype))
        }
        for name in ["dropout1", "dropout2", "dropout3"] { try registerModule(name, try Dropout(dropout)) }
        if case .module(let module) = activation { try registerModule("activation", module) }
    }

    /// Decodes `tgt` (`[T, N, E]`, `[N, T, E]` when batch-first, or unbatched `[T, E]`) attending to `memory`.
    ///
    /// Masks are bool (true = masked) or float (added): `tgtMask` `[T, T]`, `memoryMask` `[T, S]`, key padding
    /// masks `[N, T]` and `[N, S]`. `tgtIsCausal` and `memoryIsCausal` hint that the masks are causal.
    public func forward(
        _ tgt: Tensor, memory: Tensor, tgtMask: Tensor? = nil, memoryMask: Tensor? = nil,
        tgtKeyPaddingMask: Tensor? = nil, memoryKeyPaddingMask: Tensor? = nil, tgtIsCausal: Bool = false,
        memoryIsCausal: Bool = false
    ) throws -> Tensor {
        var x = tgt
        if normFirst {
            x = try x.add(selfAttentionBlock(try child("norm1")(x), tgtMask, tgtKeyPaddingMask, tgtIsCausal))
            x = try x.add(memoryAttentionBlock(try child("norm2")(x), memory, memoryMask, memoryKeyPaddingMask,
                                               memoryIsCausal))
            x = try x.add(feedforwardBlock(try child("norm3")(x)))
        } else {
            x = try child("norm1")(x.add(selfAttentionBlock(x, tgtMask, tgtKeyPaddingMask, tgtIsCausal)))
            x = try child("norm2")(x.add(memoryAttentionBlock(x, memory, memoryMask, memoryKeyPaddingMask,
                                                             memoryIsCausal)))
            x = try child("norm3")(x.add(feedforwardBlock(x)))
        }
        return x
    }

    /// A decoder layer needs the memory: calling it with one tensor fails as in PyTorch.
    public override func forward(_ input: Tensor) throws -> Tensor {
        throw ModuleError.tensor(.invalidType(op: "forward", detail: "TransformerDecoderLayer.forward() missing 1 "
            + "required positional argument: 'memory'"))
    }

    private func selfAttentionBlock(
        _ x: Tensor, _ mask: Tensor?, _ padding: Tensor?, _ isCausal: Bool
    ) throws -> Tensor {
        let (output, _) = try typedChild("self_attn", as: MultiheadAttention.self).forward(
            x, x, x, keyPaddingMask: padding, needWeights: false, attnMask: mask, isCausal: isCausal)
        return try child("dropout1")(output)
    }

    private func memoryAttentionBlock(
        _ x: Tensor, _ memory: Tensor, _ mask: Tensor?, _ padding: Tensor?, _ isCausal: Bool
    ) throws -> Tensor {
        let (output, _) = try typedChild("multihead_attn", as: MultiheadAttention.self).forward(
            x, memory, memory, keyPaddingMask: padding, needWeights: false, attnMask: mask, isCausal: isCausal)
        return try child("dropout2")(output)
    }

    private func feedforwardBlock(_ x: Tensor) throws -> Tensor {
        let hidden = try applyActivation(activation, try child("linear1")(x))
        return try child("dropout3")(try child("linear2")(try child("dropout")(hidden)))
    }

    /// A module of the same configuration, for `deepCopy`.
    public func makeReplica() throws -> Module {
        try TransformerDecoderLayer(
            dModel: dModel, nhead: nhead, dimFeedforward: dimFeedforward, dropout: dropoutProbability,
            activation: activation, layerNormEps: layerNormEps, batchFirst: batchFirst, normFirst: normFirst,
            bias: bias, dtype: try child("linear1").requiredParameter("weight").dtype)
    }
}
