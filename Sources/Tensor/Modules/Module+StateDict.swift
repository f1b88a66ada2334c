/// What `load_state_dict` found: the model's entries the checkpoint lacked and the checkpoint's entries the model has
/// no place for.
public struct LoadedKeys: Equatable, Sendable, CustomStringConvertible {
    /// Entries of the model that the state dict did not provide.
    public let missing: [String]
    /// Entries of the state dict that the model does not have.
    public let unexpected: [String]

    /// `<All keys matched successfully>`, or the named tuple PyTorch prints.
    public var description: String {
        if missing.isEmpty && unexpected.isEmpty { return "<All keys matched successfully>" }
        let quote = { (keys: [String]) in "[" + keys.map { "'\($0)'" }.joined(separator: ", ") + "]" }
        return "_IncompatibleKeys(missing_keys=\(quote(missing)), unexpected_keys=\(quote(unexpected)))"
    }
}

extension Module {
    /// Every parameter and persistent buffer by dotted name, in PyTorch's order: each module's own parameters, then
    /// its buffers, then its children's entries (`state_dict`). Tensors are detached unless `keepVars`.
    public func stateDict(prefix: String = "", keepVars: Bool = false) -> [(name: String, tensor: Tensor)] {
        var result: [(String, Tensor)] = []
        for (name, tensor) in stateEntries(prefix: prefix) {
            result.append((name, keepVars ? tensor : tensor.detach()))
        }
        return result
    }

    /// The entries `stateDict` lists, undetached, with the tensors they would load into.
    private func stateEntries(prefix: String) -> [(String, Tensor)] {
        var result: [(String, Tensor)] = []
        for entry in parameterSlots.entries {
            if let tensor = entry.value { result.append((prefix + entry.name, tensor)) }
        }
        for entry in bufferSlots.entries where !nonPersistentBuffers.contains(entry.name) {
            if let tensor = entry.value { result.append((prefix + entry.name, tensor)) }
        }
        for entry in moduleSlots.entries {
            guard let child = entry.value else { continue }
            result += child.stateEntries(prefix: prefix + entry.name + ".")
        }
        return result
    }

    /// Copies a state dict's tensors into this module's parameters and buffers (`load_state_dict`).
    ///
    /// With `strict`, a missing or unexpected key is an error; a shape mismatch always is. Nothing is copied unless
    /// everything checks out, so a failed load leaves the model as it was.
    @discardableResult
    public func loadStateDict(
        _ state: [(name: String, tensor: Tensor)], strict: Bool = true
    ) throws(ModuleError) -> LoadedKeys {
        var provided: [String: Tensor] = [:]
        for (name, tensor) in state { provided[name] = tensor }
        var missing: [String] = []
        var mismatches: [ModuleError.SizeMismatch] = []
        var copies: [(Tensor, Tensor)] = []
        var used = Set<String>()
        for (name, target) in stateEntries(prefix: "") {
            guard let source = provided[name] else {
                missing.append(name)
                continue
            }
            used.insert(name)
            if source.shape != target.shape {
                mismatches.append(.init(name: name, checkpoint: source.shape, model: target.shape))
            } else {
                copies.append((target, source))
            }
        }
        let unexpected = state.map(\.name).filter { !used.contains($0) }
        if !mismatches.isEmpty || (strict && (!missing.isEmpty || !unexpected.isEmpty)) {
            throw .stateDictErrors(module: typeName, missing: strict ? missing : [],
                                   unexpected: strict ? unexpected : [], sizeMismatches: mismatches)
        }
        do {
            try GradMode.with(enabled: false) { () throws(TensorError) in
                for (target, source) in copies { try target.copy_(source) }
            }
        } catch {
            throw .tensor(error)
        }
        return LoadedKeys(missing: missing, unexpected: unexpected)
    }
}
