import Tensor

/// Attribute access on modules as `nn.Module.__getattr__`/`__setattr__`/`__delattr__` do it: parameters, buffers and
/// submodules live in the engine module's registries, everything else in the instance's `__dict__`.
enum ModuleAttributes {
    /// `module.name` after the instance dict and the class came up empty.
    static func get(_ instance: Instance, _ name: String, interpreter: Interpreter) throws -> Value {
        if let module = instance.native as? Module {
            if name == "training" { return .bool(module.training) }
            if let slot = module.parameterSlots[name] { return slot.map { .tensor($0) } ?? .none }
            if let slot = module.bufferSlots[name] { return slot.map { .tensor($0) } ?? .none }
            if let slot = module.moduleSlots[name] {
                guard let child = slot else { return .none }
                return try ModuleClass.bridge(interpreter).value(for: child)
            }
            if let value = try NativeModules.attribute(of: module, name, interpreter) { return value }
        }
        let error = PythonError.attributeError("'\(instance.cls.name)' object has no attribute '\(name)'")
        error.exception.attributes["name"] = .str(name)
        throw error
    }

    /// `module.name = value`, registering parameters and submodules as PyTorch does.
    static func set(_ instance: Instance, _ name: String, _ value: Value, interpreter: Interpreter) throws {
        let child = ModuleBridge.module(of: value)
        guard let module = instance.native as? Module else {
            // Before `super().__init__()` there are no registries to put parameters or modules in.
            if case .tensor(let tensor) = value, tensor.isParameter {
                throw PythonError.attributeError("cannot assign parameters before Module.__init__() call")
            }
            if child != nil { throw PythonError.attributeError("cannot assign module before Module.__init__() call") }
            instance.attributes[name] = value
            return
        }
        if name == "training" {
            // Only this module's flag, as assigning the attribute does in PyTorch (`train()` recurses).
            module.training = try interpreter.isTrue(value)
            return
        }
        if case .tensor(let tensor) = value, tensor.isParameter {
            instance.attributes[name] = nil
            // Re-assigning a parameter keeps its place in the registry; a buffer or module of that name goes.
            if !module.parameterSlots.contains(name) { module.removeMember(name) }
            try module.registerParameter(name, tensor)
        } else if module.parameterSlots.contains(name) {
            guard case .none = value else {
                throw PythonError.typeError("cannot assign '\(describe(value))' as parameter '\(name)' "
                    + "(torch.nn.Parameter or None expected)")
            }
            try module.registerParameter(name, nil)
        } else if let child {
            instance.attributes[name] = nil
            // Re-assigning a submodule keeps its place in the tree; a parameter or buffer of that name goes.
            if !module.moduleSlots.contains(name) { module.removeMember(name) }
            try module.registerModule(name, child)
        } else if module.moduleSlots.contains(name) {
            guard case .none = value else {
                throw PythonError.typeError("cannot assign '\(describe(value))' as child module '\(name)' "
                    + "(torch.nn.Module or None expected)")
            }
            try module.registerModule(name, nil)
        } else if module.bufferSlots.contains(name) {
            switch value {
            case .tensor(let tensor):
                try module.registerBuffer(name, tensor, persistent: !module.nonPersistentBuffers.contains(name))
            case .none:
                try module.registerBuffer(name, nil, persistent: !module.nonPersistentBuffers.contains(name))
            default:
                throw PythonError.typeError("cannot assign '\(describe(value))' as buffer '\(name)' "
                    + "(torch.nn.Buffer, torch.Tensor or None expected)")
            }
        } else {
            instance.attributes[name] = value
        }
    }

    /// `del module.name`.
    static func delete(_ instance: Instance, _ name: String) throws {
        if let module = instance.native as? Module, module.removeMember(name) { return }
        guard instance.attributes.removeValue(forKey: name) != nil else {
            throw PythonError.attributeError("'\(instance.cls.name)' object has no attribute '\(name)'")
        }
    }

    /// The type name PyTorch's assignment errors use: the legacy tensor type for tensors (`torch.FloatTensor`).
    static func describe(_ value: Value) -> String {
        if case .tensor(let tensor) = value { return tensor.dtype.legacyTypeName }
        return value.typeName
    }
}
