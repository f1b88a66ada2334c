/// Self-attention then a feedforward network, each with dropout, a residual connection and layer norm, after the
/// sublayer or (with `normFirst`) before it (`nn.TransformerEncoderLayer`).
///
/// Children, in PyTorch's order: `self_attn`, `linear1`, `dropout`, `linear2`, `norm1`, `norm2`, `dropout1`,
/// `dropout2`, and `activation` when it is a module.
public final class TransformerEncoderLayer: Module, ReplicableModule {
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
    /// Whether inputs are `[N, S, E]` rather than `[S, N, E]`.
    public let batchFirst: Bool
    /// Whether layer norm comes before each sublayer rather than after the residual sum.
    public var normFirst: Bool
    /// Whether the linear maps and layer norms have biases.
    public let bias: Bool

    /// An encoder layer with PyTorch's defaults (a 2048-wide feedforward network, dropout 0.1, ReLU).
    public init(
        dModel: Int, nhead: Int, dimFeedforward: Int = 2048, dropout: Double = 0.1,
        activation: TransformerActivation = .relu, layerNormEps: Double = 1e-5, batchFirst: Bool = false,
        normFirst: Bool = false, bias: Bool = true, dtype: DType = .defaultFloat
    ) throws {
        (self.dModel, self.nhead, self.dimFeedforward, dropoutProbability) = (dModel, nhead, dimFeedforward, dropout)
        (self.activation, self.layerNormEps, self.batchFirst) = (activation, layerNormEps, batchFirst)
        (self.normFirst, self.bias) = (normFirst, bias)
        super.init()
        try registerModule("self_attn", try MultiheadAttention(dModel, nhead, dropout: dropout, bias: bias,
                                                                batchFirst: batchFirst, dtype: dtype))
        try registerModule("linear1", try Linear(dModel, dimFeedforward, bias: bias, dtype: dtype))
        try registerModule("dropout", try Dropout(dropout))
        try registerModule("linear2", try Linear(dimFeedforward, dModel, bias: bias, dtype: dtype))
        for name in ["norm1", "norm2"] {
            try registerModule(name, try LayerNorm([dModel], eps: layerNormEps, bias: bias, dtype: dtype))
        }
        try registerModule("dropout1", try Dropout(dropout))
        try registerModule("dropout2", try Dropout(dropout))
        if case .module(let module) = activation { try registerModule("activation", module) }
    }

    /// Encodes `src` (`[S, N, E]`, `[N, S, E]` when batch-first, or unbatched `[S, E]`).
    ///
    /// `srcMask` (`[S, S]` or `[N * heads, S, S]`) and `srcKeyPaddingMask` (`[N, S]`) are bool (true = masked) or
    /// float (added); `isCausal` hints that `srcMask` is causal. In eval mode without gradients PyTorch runs a fused
    /// layer whose visible differences are NaN, not zeros, for a query with every key masked, and float masks read
    /// as bool (any nonzero value masks); so does this.
    public func forward(
        _ src: Tensor, srcMask: Tensor? = nil, srcKeyPaddingMask: Tensor? = nil, isCausal: Bool = false
    ) throws -> Tensor {
        var padding = try Functional.canonicalMask(srcKeyPaddingMask, name: "src_key_padding_mask", dtype: src.dtype)
        var mask = try Functional.canonicalMask(srcMask, name: "src_mask", dtype: src.dtype)
        let fastPath = try takesFastPath(src)
        if fastPath {
            // NOTE: PyTorch's fused layer reads its masks as bool: any nonzero value masks the position outright.
            padding = try padding.map { mask throws(TensorError) in try Self.maskingNonzero(mask) }
            mask = try mask.map { mask throws(TensorError) in try Self.maskingNonzero(mask) }
        }
        var x = src
        if normFirst {
            x = try x.add(selfAttentionBlock(try child("norm1")(x), mask, padding, isCausal, fastPath))
            x = try x.add(feedforwardBlock(try child("norm2")(x)))
        } else {
            x = try child("norm1")(x.add(selfAttentionBlock(x, mask, padding, isCausal, fastPath)))
            x = try child("norm2")(x.add(feedforwardBlock(x)))
        }
        return x
    }

    /// `forward(src)` with no masks.
    public override func forward(_ input: Tensor) throws -> Tensor { try forward(input, srcMask: nil) }

    private func selfAttentionBlock(
        _ x: Tensor, _ mask: Tensor?, _ padding: Tensor?, _ isCausal: Bool, _ fastPath: Bool
    ) throws -> Tensor {
        let attention = try typedChild("self_attn", as: MultiheadAttention.self)
        let (output, _) = try attention.attend(x, x, x, keyPaddingMask: padding, needWeights: false, attnMask: mask,
                                              averageAttnWeights: true, isCausal: isCausal, insideFastPath: fastPath)
        return try child("dropout1")(output)
    }

    private func feedforwardBlock(_ x: Tensor) throws -> Tensor {
        let hidden = try applyActivation(activation, try child("linear1")(x))
        return try child("dropout2")(try child("linear2")(try child("dropout")(hidden)))
    }

    /// -inf wherever the mask is nonzero, 0 elsewhere.
    static func maskingNonzero(_ mask: Tensor) throws(TensorError) -> Tensor {
        try Tensor.where(try mask.ne(Tensor.wrapping(.int(0))), Tensor(.float(-.infinity), dtype: mask.dtype),
                         Tensor(.float(0), dtype: mask.dtype))
    }

    /// Whether PyTorch would run `torch._transformer_encoder_layer_fwd` (its conditions, in its order).
    func takesFastPath(_ src: Tensor) throws -> Bool {
        let attention = try typedChild("self_attn", as: MultiheadAttention.self)
        let norms = (try typedChild("norm1", as: LayerNorm.self), try typedChild("norm2", as: LayerNorm.self))
        guard src.rank == 3, !training, attention.batchFirst, attention.parameter("in_proj_bias") != nil,
              attention.qkvSameEmbedDim, activation.isReluOrGelu, norms.0.eps == norms.1.eps,
              attention.numHeads % 2 == 0 else { return false }
        guard GradMode.isEnabled else { return true }
        let modules = try ["self_attn", "self_attn.out_proj", "norm1", "norm2", "linear1", "linear2"].map {
            try submodule(path: $0)
        }
        let arguments = [src] + modules.flatMap { $0.parameters(recurse: false) }
        return !arguments.contains { $0.requiresGrad }
    }

    /// A module of the same configuration, for `deepCopy`.
    public func makeReplica() throws -> Module {
        try TransformerEncoderLayer(
            dModel: dModel, nhead: nhead, dimFeedforward: dimFeedforward, dropout: dropoutProbability,
            activation: activation, layerNormEps: layerNormEps, batchFirst: batchFirst, normFirst: normFirst,
            bias: bias, dtype: try child("linear1").requiredParameter("weight").dtype)
    }
}

extension Module {

    /// The submodule registered under `name`, as an error naming it if a user removed it.
    func child(_ name: String) throws -> Module {
        guard let module = submodule(name) else { throw ModuleError.noSuchAttribute(module: typeName, name: name) }
        return module
    }

    /// The submodule registered under `name` as the type this module's own code relies on.
    func typedChild<M: Module>(_ name: String, as type: M.Type) throws -> M {
        guard let module = try child(name) as? M else {
            throw ModuleError.invalidArgument(module: typeName, detail: "'\(typeName).\(name)' is not a "
                + "\(String(describing: type))")
        }
        return module
    }
}
