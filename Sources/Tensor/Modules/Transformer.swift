/// The encoder-decoder Transformer of "Attention Is All You Need" (`nn.Transformer`): an encoder stack and a
/// decoder stack, each with a final layer norm.
///
/// After building both stacks it redraws every parameter of more than one dimension with Xavier-uniform, in
/// `parameters()` order, as PyTorch does, so seeded construction gives PyTorch's numbers.
public final class Transformer: Module, ReplicableModule {
    /// The model dimension.
    public let dModel: Int
    /// The number of attention heads.
    public let nhead: Int
    /// Whether inputs are `[N, S, E]` rather than `[S, N, E]`.
    public let batchFirst: Bool

    /// A Transformer with PyTorch's defaults; `customEncoder`/`customDecoder` replace the built stacks.
    public init(
        dModel: Int = 512, nhead: Int = 8, numEncoderLayers: Int = 6, numDecoderLayers: Int = 6,
        dimFeedforward: Int = 2048, dropout: Double = 0.1, activation: TransformerActivation = .relu,
        customEncoder: Module? = nil, customDecoder: Module? = nil, layerNormEps: Double = 1e-5,
        batchFirst: Bool = false, normFirst: Bool = false, bias: Bool = true, dtype: DType = .defaultFloat
    ) throws {
        (self.dModel, self.nhead, self.batchFirst) = (dModel, nhead, batchFirst)
        super.init()
        if let customEncoder {
            try registerModule("encoder", customEncoder)
        } else {
            let layer = try TransformerEncoderLayer(
                dModel: dModel, nhead: nhead, dimFeedforward: dimFeedforward, dropout: dropout, activation: activation,
                layerNormEps: layerNormEps, batchFirst: batchFirst, normFirst: normFirst, bias: bias, dtype: dtype)
            let norm = try LayerNorm([dModel], eps: layerNormEps, bias: bias, dtype: dtype)
            try registerModule("encoder", try TransformerEncoder(layer, numLayers: numEncoderLayers, norm: norm))
        }
        if let customDecoder {
            try registerModule("decoder", customDecoder)
        } else {
            let layer = try TransformerDecoderLayer(
                dModel: dModel, nhead: nhead, dimFeedforward: dimFeedforward, dropout: dropout, activation: activation,
                layerNormEps: layerNormEps, batchFirst: batchFirst, normFirst: normFirst, bias: bias, dtype: dtype)
            let norm = try LayerNorm([dModel], eps: layerNormEps, bias: bias, dtype: dtype)
            try registerModule("decoder", try TransformerDecoder(layer, numLayers: numDecoderLayers, norm: norm))
        }
        for parameter in parameters() where parameter.rank > 1 { try Init.xavierUniform_(parameter) }
    }

    private init(replicating other: Transformer) {
        (dModel, nhead, batchFirst) = (other.dModel, other.nhead, other.batchFirst)
        super.init()
    }

    /// Encodes `src` and decodes `tgt` against it. Masks are as the encoder and decoder take them; `srcIsCausal` and
    /// `tgtIsCausal` nil detect causal masks.
    public func forward(
        _ src: Tensor, _ tgt: Tensor, srcMask: Tensor? = nil, tgtMask: Tensor? = nil, memoryMask: Tensor? = nil,
        srcKeyPaddingMask: Tensor? = nil, tgtKeyPaddingMask: Tensor? = nil, memoryKeyPaddingMask: Tensor? = nil,
        srcIsCausal: Bool? = nil, tgtIsCausal: Bool? = nil, memoryIsCausal: Bool = false
    ) throws -> Tensor {
        let isBatched = src.rank == 3
        let batchDim = batchFirst ? 0 : 1
        if try isBatched && src.checkedSize(batchDim) != tgt.checkedSize(batchDim) {
            throw ModuleError.invalidArgument(module: typeName, detail: "the batch number of src and tgt must be equal")
        }
        if try src.checkedSize(-1) != dModel || tgt.checkedSize(-1) != dModel {
            throw ModuleError.invalidArgument(module: typeName,
                                              detail: "the feature number of src and tgt must be equal to d_model")
        }
        let encoder = try child("encoder")
        let memory = try (encoder as? TransformerEncoder)?.forward(
            src, mask: srcMask, srcKeyPaddingMask: srcKeyPaddingMask, isCausal: srcIsCausal) ?? encoder(src)
        guard let decoder = try child("decoder") as? TransformerDecoder else {
            throw ModuleError.invalidArgument(module: typeName, detail: "a custom decoder must be a TransformerDecoder")
        }
        return try decoder.forward(
            tgt, memory: memory, tgtMask: tgtMask, memoryMask: memoryMask, tgtKeyPaddingMask: tgtKeyPaddingMask,
            memoryKeyPaddingMask: memoryKeyPaddingMask, tgtIsCausal: tgtIsCausal, memoryIsCausal: memoryIsCausal)
    }

    /// A Transformer needs a target: calling it with one tensor fails as in PyTorch.
    public override func forward(_ input: Tensor) throws -> Tensor {
        throw ModuleError.tensor(.invalidType(op: "forward", detail: "Transformer.forward() missing 1 required "
            + "positional argument: 'tgt'"))
    }

    /// A module of the same configuration, for `deepCopy`.
    public func makeReplica() throws -> Module { Transformer(replicating: self) }
}

extension Transformer {
    /// A square causal mask: -inf above the diagonal, 0 elsewhere (`Transformer.generate_square_subsequent_mask`).
    public static func generateSquareSubsequentMask(_ size: Int, dtype: DType = .defaultFloat) throws -> Tensor {
        try Tensor.full([size, size], .float(-.infinity), dtype: dtype).triu(1)
    }

    /// Whether `mask` is the causal mask of `size` (PyTorch's `_detect_is_causal_mask`); an explicit hint wins.
    static func detectIsCausal(_ mask: Tensor?, hint: Bool?, size: Int?) throws -> Bool {
        if let hint { return hint }
        guard let mask else { return false }
        let length = try size ?? mask.checkedSize(-2)
        let causal = try generateSquareSubsequentMask(length, dtype: mask.dtype)
        guard mask.shape == causal.shape else { return false }
        return try mask.eq(causal).all().item() == .bool(true)
    }

    /// The sequence length PyTorch reads for causal detection (`_get_seq_len`).
    static func sequenceLength(_ input: Tensor, batchFirst: Bool) -> Int? {
        if input.rank == 2 { return input.shape[0] }
        let dim = batchFirst ? 1 : 0
        return dim < input.rank ? input.shape[dim] : nil
    }
}
