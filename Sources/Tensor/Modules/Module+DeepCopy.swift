/// A module that can make a new instance of its own type and configuration, which is what `deepCopy` needs beyond
/// the registered parameters, buffers and submodules. Modules defined in scripts conform through the interpreter.
public protocol ReplicableModule: Module {
    /// A new module of this type and configuration. Its parameters' values do not matter: `deepCopy` replaces them.
    func makeReplica() throws -> Module
}

extension Module {
    /// A copy of the whole module tree (`copy.deepcopy`): modules of the same types and configuration, training
    /// flags, and new parameters and buffers holding the same values (parameters keep `requires_grad`). Modules and
    /// tensors shared within the tree are shared in the copy too. Drawing nothing from the generator, as in
    /// PyTorch: any draws made while building replicas are undone. A module without parameters, buffers or children
    /// that does not conform to `ReplicableModule` is shared rather than copied.
    public func deepCopy() throws -> Module {
        let generator = Generator.default
        let saved = generator.state
        defer { try? generator.setState(saved) }
        var memo = DeepCopyMemo()
        return try deepCopy(&memo)
    }

    private func deepCopy(_ memo: inout DeepCopyMemo) throws -> Module {
        if let done = memo.modules[ObjectIdentifier(self)] { return done }
        let copy: Module
        if let replicable = self as? ReplicableModule {
            copy = try replicable.makeReplica()
        } else if type(of: self) == Module.self {
            copy = Module()
        } else if parameterSlots.count == 0 && bufferSlots.count == 0 && moduleSlots.count == 0 {
            // NOTE: a stateless module that cannot replicate itself (an activation) is shared rather than refused.
            memo.modules[ObjectIdentifier(self)] = self
            return self
        } else {
            throw ModuleError.invalidArgument(module: typeName, detail: "deepcopy of \(typeName) is not supported: it "
                + "does not conform to ReplicableModule")
        }
        memo.modules[ObjectIdentifier(self)] = copy
        copy.training = training
        copy.nonPersistentBuffers = nonPersistentBuffers
        var parameters = OrderedSlots<Tensor?>()
        for entry in parameterSlots.entries {
            parameters[entry.name] = .some(try entry.value.map { tensor in try memo.copy(tensor) })
        }
        var buffers = OrderedSlots<Tensor?>()
        for entry in bufferSlots.entries {
            buffers[entry.name] = .some(try entry.value.map { tensor in try memo.copy(tensor) })
        }
        var children = OrderedSlots<Module?>()
        for entry in moduleSlots.entries {
            children[entry.name] = .some(try entry.value.map { child in try child.deepCopy(&memo) })
        }
        copy.parameterSlots = parameters
        copy.bufferSlots = buffers
        copy.moduleSlots = children
        return copy
    }
}

/// The copies made so far, so that what is shared stays shared.
private struct DeepCopyMemo {
    var modules: [ObjectIdentifier: Module] = [:]
    var tensors: [ObjectIdentifier: Tensor] = [:]

    /// A new tensor with its own storage holding the same values; a parameter stays a parameter.
    mutating func copy(_ tensor: Tensor) throws -> Tensor {
        if let done = tensors[ObjectIdentifier(tensor)] { return done }
        let data = try tensor.detach().contiguousCopy()
        let copy = tensor.isParameter
            ? try Tensor.parameter(data, requiresGrad: tensor.requiresGrad)
            : try data.requiresGrad_(tensor.requiresGrad)
        tensors[ObjectIdentifier(tensor)] = copy
        return copy
    }
}

extension Linear: ReplicableModule {
    /// A layer of the same sizes, bias, dtype and printed name.
    public func makeReplica() throws -> Module {
        try Linear(inFeatures, outFeatures, bias: parameter("bias") != nil,
                   dtype: parameter("weight")?.dtype ?? .float32, printedName: typeName)
    }
}

extension LayerNorm: ReplicableModule {
    /// A layer norm of the same shape, eps, affinity and dtype.
    public func makeReplica() throws -> Module {
        try LayerNorm(normalizedShape, eps: eps, elementwiseAffine: elementwiseAffine, bias: parameter("bias") != nil,
                      dtype: parameter("weight")?.dtype ?? .float32)
    }
}

extension Dropout: ReplicableModule {
    /// A dropout layer of the same probability.
    public func makeReplica() throws -> Module { try Dropout(p, inplace: inplace) }
}
