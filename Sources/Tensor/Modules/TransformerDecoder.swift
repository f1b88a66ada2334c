/// A stack of `numLayers` deep copies of one decoder layer, with an optional final norm (`nn.TransformerDecoder`).
/// The copies start with the template's parameters, as in PyTorch.
public final class TransformerDecoder: Module, ReplicableModule {
    /// The number of layers.
    public let numLayers: Int

    /// `numLayers` copies of `decoderLayer` (registered under `layers`), then `norm` if given.
    public init(_ decoderLayer: Module, numLayers: Int, norm: Module? = nil) throws {
        self.numLayers = numLayers
        super.init()
        try registerModule("layers", try ModuleList.clones(of: decoderLayer, count: numLayers))
        if let norm { try registerModule("norm", norm) }
    }

    private init(replicating other: TransformerDecoder) {
        numLayers = other.numLayers
        super.init()
    }

    /// Runs `tgt` through every layer, each attending to `memory`, then the norm. `tgtIsCausal` nil detects a causal
    /// `tgtMask`; masks are as `TransformerDecoderLayer` takes them.
    public func forward(
        _ tgt: Tensor, memory: Tensor, tgtMask: Tensor? = nil, memoryMask: Tensor? = nil,
        tgtKeyPaddingMask: Tensor? = nil, memoryKeyPaddingMask: Tensor? = nil, tgtIsCausal: Bool? = nil,
        memoryIsCausal: Bool = false
    ) throws -> Tensor {
        let (first, layers) = try stackedLayers()
        let batchFirst = try first.typedChild("self_attn", as: MultiheadAttention.self).batchFirst
        let length = Transformer.sequenceLength(tgt, batchFirst: batchFirst)
        let causal = try Transformer.detectIsCausal(tgtMask, hint: tgtIsCausal, size: length)
        var output = tgt
        for layer in layers {
            guard let decoderLayer = layer as? TransformerDecoderLayer else {
                throw ModuleError.invalidArgument(module: typeName, detail: "TransformerDecoder layers must be "
                    + "TransformerDecoderLayer, not \(layer.typeName)")
            }
            output = try decoderLayer.forward(
                output, memory: memory, tgtMask: tgtMask, memoryMask: memoryMask, tgtKeyPaddingMask: tgtKeyPaddingMask,
                memoryKeyPaddingMask: memoryKeyPaddingMask, tgtIsCausal: causal, memoryIsCausal: memoryIsCausal)
        }
        if let norm = submodule("norm") { output = try norm(output) }
        return output
    }

    /// A decoder needs the memory: calling it with one tensor fails as in PyTorch.
    public override func forward(_ input: Tensor) throws -> Tensor {
        throw ModuleError.tensor(.invalidType(op: "forward", detail: "TransformerDecoder.forward() missing 1 required "
            + "positional argument: 'memory'"))
    }

    /// A module of the same configuration, for `deepCopy`.
    public func makeReplica() throws -> Module { TransformerDecoder(replicating: self) }
}
