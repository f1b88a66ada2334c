/// A module that can make a new instance of its own type and configuration, which is what `deepCopy` needs beyond
/// the registered parameters, buffers and submodules. Every Attend module conforms; modules defined in scripts conform
/// through the interpreter. A subclass of a conforming open class (`Sequential`, `ModuleList`, `ModuleDict`, `Loss`)
/// must override `makeReplica` to make its own type.
public protocol ReplicableModule: Module {
    /// A new module of this type and configuration. Its parameters' values do not matter: `deepCopy` replaces them.
    func makeReplica() throws -> Module
}

extension Module {
    /// A copy of the whole module tree (`copy.deepcopy`): modules of the same types and configuration, training
    /// flags, and new parameters and buffers holding the same values (parameters keep `requires_grad` but not their
    /// gradient; buffers keep both). Modules, tensors and storages shared within the tree are shared in the copy too.
    /// Drawing nothing from the generator, as in PyTorch: any draws made while building replicas are undone. A module
    /// that cannot replicate itself is refused.
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
        } else {
            throw ModuleError.tensor(.invalidType(op: "deepcopy", detail: "cannot deepcopy '\(typeName)' object: "
                + "\(Self.className(self)) does not conform to ReplicableModule"))
        }
        // An open class's replica inherited by a subclass would silently change the copy's type.
        guard type(of: copy) == type(of: self) else {
            throw ModuleError.tensor(.invalidType(op: "deepcopy", detail: "cannot deepcopy '\(typeName)' object: "
                + "\(Self.className(self)) does not override makeReplica(), which made a \(Self.className(copy))"))
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

    private static func className(_ module: Module) -> String { String(describing: type(of: module)) }
}

/// The copies made so far, so that what is shared stays shared.
private struct DeepCopyMemo {
    var modules: [ObjectIdentifier: Module] = [:]
    var tensors: [ObjectIdentifier: Tensor] = [:]
    var storages: [ObjectIdentifier: Storage] = [:]

    /// A new tensor with its own storage holding the same values. A parameter stays a parameter with the same
    /// `requires_grad` and no gradient (`Parameter.__deepcopy__` clones its data); any other tensor keeps its
    /// geometry over a copy of its whole storage, which other tensors of that storage share, and keeps its
    /// `requires_grad` and gradient (`Tensor.__deepcopy__`).
    mutating func copy(_ tensor: Tensor) throws -> Tensor {
        if let done = tensors[ObjectIdentifier(tensor)] { return done }
        let result: Tensor
        if tensor.isParameter {
            // `clone(memory_format=torch.preserve_format)`: dense strides are kept, others made contiguous.
            let data = try tensor.emptyPreservingLayout()
            Cast.copy(tensor, into: data)
            result = try Tensor.parameter(data, requiresGrad: tensor.requiresGrad)
        } else {
            guard tensor.isLeaf else {
                throw ModuleError.tensor(.invalidArgument(op: "deepcopy", detail: "Only Tensors created explicitly by "
                    + "the user (graph leaves) support the deepcopy protocol at the moment.  If you were attempting to "
                    + "deepcopy a module, this may be because of a torch.nn.utils.weight_norm usage, see "
                    + "https://github.com/pytorch/pytorch/pull/103001"))
            }
            result = Tensor(storage: try copy(tensor.storage), shape: tensor.shape, strides: tensor.strides,
                            offset: tensor.offset, dtype: tensor.dtype)
            try result.requiresGrad_(tensor.requiresGrad)
            if let grad = tensor.grad { result.grad = try copy(grad) }
        }
        tensors[ObjectIdentifier(tensor)] = result
        return result
    }

    /// A new storage holding the same bytes, once per storage.
    private mutating func copy(_ storage: Storage) throws(TensorError) -> Storage {
        if let done = storages[ObjectIdentifier(storage)] { return done }
        let copy = try Storage(byteCount: storage.byteCount)
        copy.bytes.copyMemory(from: storage.bytes, byteCount: storage.byteCount)
        storages[ObjectIdentifier(storage)] = copy
        return copy
    }
}
