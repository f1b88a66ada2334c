/// The activation between a Transformer layer's two linear maps: PyTorch's `"relu"` or `"gelu"` (`F.relu`,
/// `F.gelu`), a module such as `nn.GELU()` (then registered and printed as the layer's `activation` child), or any
/// function.
public enum TransformerActivation {
    case relu
    case gelu
    case module(Module)
    case function((Tensor) throws -> Tensor)

    /// The activation a string names, refusing anything but `"relu"` and `"gelu"` as PyTorch does.
    public init(_ name: String) throws {
        switch name {
        case "relu": self = .relu
        case "gelu": self = .gelu
        default:
            throw ModuleError.invalidArgument(module: "Transformer", detail: "activation should be relu/gelu, not "
                + name)
        }
    }

    /// Applies the activation.
    func callAsFunction(_ x: Tensor) throws -> Tensor {
        switch self {
        case .relu: return try x.relu()
        case .gelu: return try x.gelu()
        case .module(let module): return try module(x)
        case .function(let function): return try function(x)
        }
    }

    /// Whether PyTorch's fused encoder layer can apply it (`activation_relu_or_gelu` is nonzero).
    var isReluOrGelu: Bool {
        switch self {
        case .relu, .gelu: return true
        case .module(let module): return module.typeName == "ReLU" || module.typeName == "GELU"
        case .function: return false
        }
    }
}

/// The stack of layers inside `TransformerEncoder` and `TransformerDecoder`: deep copies of one layer, registered
/// as `0`, `1`, ... and printed as PyTorch prints a `ModuleList`, with runs of identical layers folded into
/// `(0-5): 6 x Layer(...)`.
final class TransformerLayers: Module, ReplicableModule {
    /// `count` deep copies of `layer`.
    init(copying layer: Module, count: Int) throws {
        super.init()
        for index in 0..<count { try registerModule(String(index), try layer.deepCopy()) }
    }

    private override init() { super.init() }

    override var typeName: String { "ModuleList" }

    /// The layers, in order.
    var layers: [Module] { moduleSlots.entries.compactMap(\.value) }

    override func describedChildren() -> [String] {
        let entries = moduleSlots.entries.map { $0.value?.description ?? "None" }
        var lines: [String] = []
        var start = 0
        while start < entries.count {
            var end = start
            while end + 1 < entries.count && entries[end + 1] == entries[start] { end += 1 }
            let label = start == end ? "(\(start)): " : "(\(start)-\(end)): \(end - start + 1) x "
            lines.append(Module.indented(label + entries[start]))
            start = end + 1
        }
        return lines
    }

    func makeReplica() throws -> Module { TransformerLayers() }
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
