/// An optimizer's state as `state_dict()` lays it out: each parameter's state keyed by the parameter's index counted
/// across all groups, and each group's options with `params` replaced by those indices (last, as PyTorch puts it).
///
/// The state tensors are the optimizer's own, not copies, as in PyTorch.
public struct OptimizerStateDict {
    /// Each stateful parameter's index and state, in the order the states were made.
    public var state: [(index: Int, state: ParameterState)]
    /// Each group's options, ending with `params`: a list of parameter indices.
    public var paramGroups: [[(key: String, value: OptimizerValue)]]

    /// A state dict from its parts.
    public init(state: [(index: Int, state: ParameterState)], paramGroups: [[(key: String, value: OptimizerValue)]]) {
        self.state = state
        self.paramGroups = paramGroups
    }
}

extension Optimizer {
    /// The optimizer's state and options with parameters replaced by indices (`state_dict`).
    public func stateDict() -> OptimizerStateDict {
        var indices: [ObjectIdentifier: Int] = [:]
        var start = 0
        var groups: [[(key: String, value: OptimizerValue)]] = []
        for group in paramGroups {
            for (offset, param) in group.params.enumerated() where indices[ObjectIdentifier(param)] == nil {
                indices[ObjectIdentifier(param)] = start + offset
            }
            let packed = group.params.compactMap { indices[ObjectIdentifier($0)] }.map { OptimizerValue.int(Int64($0)) }
            groups.append(group.options + [("params", .list(packed))])
            start += group.params.count
        }
        let state = stateEntries.compactMap { entry in
            indices[ObjectIdentifier(entry.parameter)].map { (index: $0, state: entry.state) }
        }
        return OptimizerStateDict(state: state, paramGroups: groups)
    }

    /// Restores state and options saved by `stateDict` (`load_state_dict`): groups must match in number and size;
    /// saved state tensors other than `step` are converted to their parameter's dtype.
    public func loadStateDict(_ saved: OptimizerStateDict) throws(OptimizerError) {
        let source = typeName
        guard saved.paramGroups.count == paramGroups.count else {
            throw .invalidValue(source: source, detail: "loaded state dict has a different number of parameter groups")
        }
        var savedIndices: [[Int]] = []
        for savedGroup in saved.paramGroups {
            guard let entry = savedGroup.first(where: { $0.key == "params" }) else {
                throw .missingKey(source: source, detail: "params")
            }
            guard case .list(let items) = entry.value else {
                throw .invalidType(source: source, detail: "'params' must be a list of parameter indices")
            }
            savedIndices.append(items.compactMap { $0.scalar.map { Int(truncatingIfNeeded: $0.integerValue) } })
        }
        for (group, indices) in zip(paramGroups, savedIndices) where group.params.count != indices.count {
            throw .invalidValue(source: source, detail: "loaded state dict contains a parameter group that doesn't "
                + "match the size of optimizer's group")
        }
        var parameterAt: [Int: Tensor] = [:]
        for (group, indices) in zip(paramGroups, savedIndices) {
            for (index, param) in zip(indices, group.params) { parameterAt[index] = param }
        }
        var restored: [(Tensor, ParameterState)] = []
        for (index, savedState) in saved.state {
            guard let param = parameterAt[index] else { continue }
            var state = ParameterState()
            for (key, value) in savedState.entries {
                do {
                    state[key] = key == "step" || !param.dtype.isFloatingPoint ? value : try value.to(param.dtype)
                } catch {
                    throw .tensor(error)
                }
            }
            restored.append((param, state))
        }
        paramGroups = zip(paramGroups, saved.paramGroups).map { group, savedGroup in
            let restoredGroup = ParamGroup(params: group.params, options: savedGroup.filter { $0.key != "params" })
            restoreDefaults(restoredGroup)
            return restoredGroup
        }
        clearState()
        for (param, state) in restored { setState(state, for: param) }
    }
}

extension Scalar {
    /// The value as Python's `int()` would take an index: floats truncate toward zero.
    var integerValue: Int64 {
        switch self {
        case .bool(let value): return value ? 1 : 0
        case .int(let value): return value
        case .float(let value): return value.isFinite ? Int64(exactly: value.rounded(.towardZero)) ?? 0 : 0
        }
    }
}
