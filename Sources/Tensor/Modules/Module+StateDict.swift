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
    /// Walks the modules as PyTorch does, copying every entry whose shape matches as it goes, so a load that fails
    /// still leaves the matching entries copied. With `strict`, a missing or unexpected key is an error; a shape
    /// mismatch always is.
    @discardableResult
    public func loadStateDict(
        _ state: [(name: String, tensor: Tensor)], strict: Bool = true
    ) throws(ModuleError) -> LoadedKeys {
        var report = LoadReport()
        do {
            try GradMode.with(enabled: false) { () throws(TensorError) in
                try load(state, prefix: "", into: &report)
            }
        } catch {
            throw .tensor(error)
        }
        if !report.mismatches.isEmpty || (strict && (!report.missing.isEmpty || !report.unexpected.isEmpty)) {
            throw .stateDictErrors(module: typeName, missing: strict ? report.missing : [],
                                   unexpected: strict ? report.unexpected : [], sizeMismatches: report.mismatches)
        }
        return LoadedKeys(missing: report.missing, unexpected: report.unexpected)
    }

    /// What a load found so far, in the order PyTorch reports it.
    private struct LoadReport {
        var missing: [String] = []
        var unexpected: [String] = []
        var mismatches: [ModuleError.SizeMismatch] = []
    }

    /// Loads this module's own entries from the keys under `prefix`, then each child's (`_load_from_state_dict`).
    private func load(
        _ state: [(name: String, tensor: Tensor)], prefix: String, into report: inout LoadReport
    ) throws(TensorError) {
        var local: [(String, Tensor)] = []
        for entry in parameterSlots.entries { if let tensor = entry.value { local.append((entry.name, tensor)) } }
        for entry in bufferSlots.entries where !nonPersistentBuffers.contains(entry.name) {
            if let tensor = entry.value { local.append((entry.name, tensor)) }
        }
        for (name, target) in local {
            let key = prefix + name
            guard var source = state.last(where: { $0.name == key })?.tensor else {
                report.missing.append(key)
                continue
            }
            // PyTorch still accepts the one-element vectors that old checkpoints stored for scalars.
            if target.rank == 0 && source.rank == 1 && source.shape[0] >= 1 {
                source = try source.select(dim: 0, index: 0)
            }
            if source.shape != target.shape {
                report.mismatches.append(.init(name: key, checkpoint: source.shape, model: target.shape))
                continue
            }
            _ = try target.copy_(source)
        }
        let localNames = Set(local.map(\.0))
        var seenKeys = Set<String>()
        for (key, _) in state where key.hasPrefix(prefix) && seenKeys.insert(key).inserted {
            let first = String(key.dropFirst(prefix.count).split(separator: ".", maxSplits: 1,
                                                                   omittingEmptySubsequences: false).first ?? "")
            if !moduleSlots.contains(first) && !localNames.contains(first) { report.unexpected.append(key) }
        }
        for entry in moduleSlots.entries {
            guard let child = entry.value else { continue }
            let childPrefix = prefix + entry.name + "."
            try child.load(state.filter { $0.name.hasPrefix(childPrefix) }, prefix: childPrefix, into: &report)
        }
    }
}
