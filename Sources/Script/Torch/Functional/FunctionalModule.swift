import Tensor

/// `torch.nn.functional`: activations, losses, layers and attention as functions, with PyTorch's parameter names.
enum FunctionalModule {
    /// A fresh `torch.nn.functional` module object.
    static func make() -> ModuleObject {
        var table = FunctionTable()
        defineActivations(&table)
        defineCompositeActivations(&table)
        defineLosses(&table)
        defineLayers(&table)
        defineAttention(&table)
        defineDistances(&table)
        return ModuleObject(name: "torch.nn.functional", attributes: table.attributes)
    }

    /// Writes `result` into `input` for the `inplace=True` form of a composed activation.
    static func finish(_ result: Tensor, into input: Tensor, inplace: Bool) throws -> Value {
        guard inplace else { return .tensor(result) }
        return .tensor(try input.copy_(result))
    }
}
