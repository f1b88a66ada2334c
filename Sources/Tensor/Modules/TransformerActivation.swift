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

extension Module {
    /// Applies a layer's activation; a module activation is read back from the `activation` child, so a copy or a
    /// replacement is the one used.
    func applyActivation(_ activation: TransformerActivation, _ x: Tensor) throws -> Tensor {
        if case .module = activation, let module = submodule("activation") { return try module(x) }
        return try activation(x)
    }
}
