extension Module {
    /// The direct submodules, in registration order, skipping `None` (`children`).
    public func children() -> [Module] { namedChildren().map(\.module) }

    /// The direct submodules with their names, each module once (`named_children`).
    public func namedChildren() -> [(name: String, module: Module)] {
        var seen = Set<ObjectIdentifier>()
        return moduleSlots.entries.compactMap { entry in
            guard let module = entry.value, seen.insert(ObjectIdentifier(module)).inserted else { return nil }
            return (entry.name, module)
        }
    }

    /// This module and every module below it, depth first, each once (`modules`).
    public func modules() -> [Module] { namedModules().map(\.module) }

    /// This module and every module below it with dotted names, depth first, each once (`named_modules`).
    public func namedModules(prefix: String = "", removeDuplicate: Bool = true) -> [(name: String, module: Module)] {
        var seen = Set<ObjectIdentifier>()
        var result: [(String, Module)] = []
        func visit(_ module: Module, _ name: String) {
            if removeDuplicate && !seen.insert(ObjectIdentifier(module)).inserted { return }
            result.append((name, module))
            for entry in module.moduleSlots.entries {
                guard let child = entry.value else { continue }
                visit(child, name.isEmpty ? entry.name : name + "." + entry.name)
            }
        }
        visit(self, prefix)
        return result
    }

    /// Every parameter of this module and (when `recurse`) its submodules, each tensor once (`parameters`).
    public func parameters(recurse: Bool = true) -> [Tensor] { namedParameters(recurse: recurse).map(\.tensor) }

    /// Every parameter with its dotted name, each tensor once unless asked otherwise (`named_parameters`).
    public func namedParameters(
        prefix: String = "", recurse: Bool = true, removeDuplicate: Bool = true
    ) -> [(name: String, tensor: Tensor)] {
        namedMembers(prefix: prefix, recurse: recurse, removeDuplicate: removeDuplicate) { $0.parameterSlots }
    }

    /// Every buffer of this module and (when `recurse`) its submodules (`buffers`).
    public func buffers(recurse: Bool = true) -> [Tensor] { namedBuffers(recurse: recurse).map(\.tensor) }

    /// Every buffer with its dotted name (`named_buffers`).
    public func namedBuffers(
        prefix: String = "", recurse: Bool = true, removeDuplicate: Bool = true
    ) -> [(name: String, tensor: Tensor)] {
        namedMembers(prefix: prefix, recurse: recurse, removeDuplicate: removeDuplicate) { $0.bufferSlots }
    }

    private func namedMembers(
        prefix: String, recurse: Bool, removeDuplicate: Bool, _ slots: (Module) -> OrderedSlots<Tensor?>
    ) -> [(name: String, tensor: Tensor)] {
        let owners = recurse ? namedModules(prefix: prefix, removeDuplicate: removeDuplicate) : [(prefix, self)]
        var seen = Set<ObjectIdentifier>()
        var result: [(String, Tensor)] = []
        for (moduleName, module) in owners {
            for entry in slots(module).entries {
                guard let tensor = entry.value else { continue }
                if removeDuplicate && !seen.insert(ObjectIdentifier(tensor)).inserted { continue }
                result.append((moduleName.isEmpty ? entry.name : moduleName + "." + entry.name, tensor))
            }
        }
        return result
    }
}
