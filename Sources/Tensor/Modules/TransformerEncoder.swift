/// A stack of `numLayers` deep copies of one encoder layer, with an optional final norm (`nn.TransformerEncoder`).
/// The copies start with the template's parameters, as in PyTorch.
public final class TransformerEncoder: Module, ReplicableModule {
    /// The number of layers.
    public let numLayers: Int
    /// Whether PyTorch's inference path may pack padded batches into nested tensors.
    public let enableNestedTensor: Bool
    /// Whether that path checks the padding is at the end of each sequence.
    public let maskCheck: Bool
    /// Whether the layers allow the nested-tensor path (PyTorch's `use_nested_tensor`, decided at construction).
    public private(set) var useNestedTensor: Bool

    /// `numLayers` copies of `encoderLayer` (registered under `layers`), then `norm` if given.
    public init(
        _ encoderLayer: Module, numLayers: Int, norm: Module? = nil, enableNestedTensor: Bool = true,
        maskCheck: Bool = true
    ) throws {
        self.numLayers = numLayers
        self.enableNestedTensor = enableNestedTensor
        self.maskCheck = maskCheck
        var nestedPossible = false
        if let layer = encoderLayer as? TransformerEncoderLayer, let attention = layer.submodule("self_attn")
            as? MultiheadAttention, let norm1 = layer.submodule("norm1") as? LayerNorm,
           let norm2 = layer.submodule("norm2") as? LayerNorm {
            nestedPossible = !layer.normFirst && attention.batchFirst && attention.qkvSameEmbedDim
                && attention.parameter("in_proj_bias") != nil && layer.activation.isReluOrGelu
                && norm1.eps == norm2.eps && attention.numHeads % 2 == 0
        }
        useNestedTensor = enableNestedTensor && nestedPossible
        super.init()
        try registerModule("layers", try ModuleList.clones(of: encoderLayer, count: numLayers))
        if let norm { try registerModule("norm", norm) }
    }

    private init(replicating other: TransformerEncoder) {
        (numLayers, enableNestedTensor, maskCheck) = (other.numLayers, other.enableNestedTensor, other.maskCheck)
        useNestedTensor = other.useNestedTensor
        super.init()
    }

    /// Runs `src` through every layer, then the norm.
    ///
    /// `mask` and `srcKeyPaddingMask` are bool (true = masked) or float (added); `isCausal` nil detects a causal
    /// `mask`. In eval mode without gradients, with only a key padding mask whose padding ends each sequence, PyTorch
    /// packs the batch into nested tensors: padded positions come out as zeros (before the final norm), and so they
    /// do here.
    public func forward(
        _ src: Tensor, mask: Tensor? = nil, srcKeyPaddingMask: Tensor? = nil, isCausal: Bool? = nil
    ) throws -> Tensor {
        var padding = try Functional.canonicalMask(srcKeyPaddingMask, name: "src_key_padding_mask", dtype: src.dtype)
        let mask = try Functional.canonicalMask(mask, name: "mask", dtype: src.dtype)
        let (first, layers) = try stackedLayers()
        let firstAttention = try first.typedChild("self_attn", as: MultiheadAttention.self)
        // The nested path keeps only positions whose padding value is zero; zero the rest at the end.
        var padded: Tensor?
        if let given = padding, mask == nil, try takesNestedPath(src, given, first: first) {
            let isPadded = try given.ne(Tensor.wrapping(.int(0)))
            padded = isPadded
            // NOTE: nested sequences drop every position whose padding value is nonzero, whatever the value.
            padding = try TransformerEncoderLayer.maskingNonzero(given)
        }
        let length = Transformer.sequenceLength(src, batchFirst: firstAttention.batchFirst)
        let causal = try Transformer.detectIsCausal(mask, hint: isCausal, size: length)
        var output = src
        for layer in layers {
            if let encoderLayer = layer as? TransformerEncoderLayer {
                output = try encoderLayer.forward(output, srcMask: mask, srcKeyPaddingMask: padding, isCausal: causal)
            } else {
                output = try layer(output)
            }
        }
        if let padded {
            output = try output.maskedFill(try padded.unsqueeze(-1), .float(0))
        }
        if let norm = submodule("norm") { output = try norm(output) }
        return output
    }

    /// `forward(src)` with no masks.
    public override func forward(_ input: Tensor) throws -> Tensor { try forward(input, mask: nil) }

    /// Whether PyTorch would convert to nested tensors: the layers allow it, eval mode, a batched input, the padding
    /// at the end of every sequence, and no gradient recorded through the first layer.
    private func takesNestedPath(_ src: Tensor, _ padding: Tensor, first: Module) throws -> Bool {
        guard useNestedTensor, !first.training, src.rank == 3 else { return false }
        if maskCheck {
            guard padding.rank == 2, try Self.isLeftAligned(try padding.eq(Tensor.wrapping(.int(0)))) else {
                return false
            }
        }
        guard GradMode.isEnabled else { return true }
        let modules = try ["self_attn", "self_attn.out_proj", "norm1", "norm2", "linear1", "linear2"].map {
            try first.submodule(path: $0)
        }
        let arguments = [src] + modules.flatMap { $0.parameters(recurse: false) }
        return !arguments.contains { $0.requiresGrad }
    }

    /// Whether every row of a `[N, S]` bool mask is some trues followed only by falses.
    private static func isLeftAligned(_ keep: Tensor) throws -> Bool {
        let values = keep.elements(as: Bool.self)
        let length = keep.shape[1]
        for row in 0..<keep.shape[0] {
            var ended = false
            for j in 0..<length {
                if values[row * length + j] { if ended { return false } } else { ended = true }
            }
        }
        return true
    }

    /// A module of the same configuration, for `deepCopy`.
    public func makeReplica() throws -> Module { TransformerEncoder(replicating: self) }
}

extension ModuleList {
    /// A list of `count` deep copies of `module` (PyTorch's `_get_clones`); empty when `count` is not positive.
    static func clones(of module: Module, count: Int) throws -> ModuleList {
        ModuleList(try (0..<Swift.max(count, 0)).map { _ in try module.deepCopy() })
    }
}

extension Module {
    /// The first entry and all entries of a Transformer stack's `layers` list, failing as PyTorch's forward does: an
    /// `IndexError` for an empty list, an `AttributeError` for a `None` first layer (whose `self_attn` is read) and a
    /// `TypeError` for a later `None` (which is called).
    func stackedLayers() throws -> (first: Module, all: [Module]) {
        let list = try typedChild("layers", as: ModuleList.self)
        guard let first = try list.module(at: 0) else { throw ModuleError.noneHasNoAttribute(name: "self_attn") }
        let all = try list.values.map { layer in
            guard let layer else {
                throw ModuleError.tensor(.invalidType(op: typeName, detail: "'NoneType' object is not callable"))
            }
            return layer
        }
        return (first, all)
    }
}
