import Tensor

extension OptimizerObject {
    /// `optimizer.state`: each parameter's state as a dict, keyed by the parameter (a snapshot whose tensors are the
    /// optimizer's own, so reading or changing them in place reaches the engine).
    func stateView() throws -> OptimizerStateView {
        let dict = DictObject()
        for (param, state) in optimizer.stateEntries {
            dict.set(.identity(ObjectIdentifier(param)), .tensor(param), .dict(Self.stateDict(of: state)))
        }
        return OptimizerStateView(dict)
    }

    /// `state_dict()`: `{'state': {index: {...}}, 'param_groups': [{options..., 'params': [indices]}]}`, with the
    /// group options taken from the script's dicts and the indices and state from the engine.
    func stateDict() throws -> Value {
        try pullGroups()
        let saved = optimizer.stateDict()
        let state = DictObject()
        for (index, parameterState) in saved.state {
            state.set(.int(index), .int(index), .dict(Self.stateDict(of: parameterState)))
        }
        var groups: [Value] = []
        for (dict, engineGroup) in zip(groupDicts, saved.paramGroups) {
            let packed = DictObject()
            for (key, value) in dict.items {
                if case .str("params") = key { continue }
                packed.set(try hashKey(key), key, value)
            }
            let indices = engineGroup.last { $0.key == "params" }?.value ?? .list([])
            packed.set(.str("params"), .str("params"), OptimConvert.value(indices))
            groups.append(.dict(packed))
        }
        let result = DictObject()
        result.set(.str("state"), .str("state"), .dict(state))
        result.set(.str("param_groups"), .str("param_groups"), .list(ListObject(groups)))
        return .dict(result)
    }

    /// `load_state_dict(state_dict)`: restores state and options saved by `state_dict()`; the groups become new
    /// dicts (the saved options, this optimizer's parameters, then any defaults the saved groups lacked).
    func loadStateDict(_ value: Value, interpreter: Interpreter) throws {
        guard case .dict(let saved) = value else {
            throw PythonError.attributeError("'\(value.typeName)' object has no attribute 'copy'")
        }
        guard let savedGroups = saved.get(.str("param_groups")) else {
            throw PythonError.keyError(.str("param_groups"))
        }
        let groupValues = try interpreter.collect(savedGroups)
        let groupDictsSaved = try groupValues.map { item -> DictObject in
            guard case .dict(let dict) = item else {
                throw PythonError.typeError("'\(item.typeName)' object is not subscriptable")
            }
            return dict
        }
        guard groupDictsSaved.count == groupDicts.count else {
            throw PythonError.valueError("loaded state dict has a different number of parameter groups")
        }
        guard let savedState = saved.get(.str("state")) else { throw PythonError.keyError(.str("state")) }
        guard case .dict(let stateDict) = savedState else {
            throw PythonError.attributeError("'\(savedState.typeName)' object has no attribute 'items'")
        }
        var state: [(index: Int, state: ParameterState)] = []
        for (key, entry) in stateDict.items {
            guard case .int(let index) = key, case .dict(let entries) = entry else { continue }
            var parameterState = ParameterState()
            for (name, tensor) in entries.items {
                guard case .str(let name) = name else { continue }
                if case .tensor(let tensor) = tensor {
                    parameterState[name] = tensor
                } else if let scalar = Convert.scalar(tensor) {
                    parameterState[name] = Tensor(scalar, dtype: scalar.isFloatingPoint ? .defaultFloat : .int64)
                }
            }
            state.append((index, parameterState))
        }
        let groups = groupDictsSaved.map { dict -> [(key: String, value: OptimizerValue)] in
            var options = Self.engineOptions(dict)
            let params = dict.get(.str("params")).flatMap { OptimConvert.option($0) } ?? .list([])
            options.append(("params", params))
            return options
        }
        try pullGroups()
        try OptimConvert.engine { try optimizer.loadStateDict(OptimizerStateDict(state: state, paramGroups: groups)) }
        var restored: [DictObject] = []
        for (savedGroup, current) in zip(groupDictsSaved, groupDicts) {
            let dict = DictObject()
            for (key, value) in savedGroup.items {
                let isParams: Bool
                if case .str("params") = key { isParams = true } else { isParams = false }
                dict.set(try hashKey(key), key, isParams ? current.get(.str("params")) ?? .list(ListObject([])) : value)
            }
            restored.append(dict)
        }
        replaceGroups(restored)
        pushGroups()
    }

    /// One parameter's state as a dict of its tensors, in the order they were made.
    private static func stateDict(of state: ParameterState) -> DictObject {
        let dict = DictObject()
        for (key, tensor) in state.entries { dict.set(.str(key), .str(key), .tensor(tensor)) }
        return dict
    }
}

/// `optimizer.state`, a `defaultdict(dict)` keyed by parameters: it reads, iterates and prints as PyTorch's does; a
/// parameter without state reads as an empty dict.
final class OptimizerStateView: ForeignObject {
    /// The states by parameter.
    let dict: DictObject

    /// A view of `dict`, the states by parameter.
    init(_ dict: DictObject) { self.dict = dict }

    var typeName: String { "defaultdict" }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "__getitem__":
            return .builtin(BuiltinFunction(name) { _, arguments in
                guard let key = arguments.positional.first else {
                    throw PythonError.typeError("expected 1 argument, got 0")
                }
                return self.dict.get(try hashKey(key)) ?? .dict(DictObject())
            })
        case "__len__":
            return .builtin(BuiltinFunction(name) { _, _ in .int(self.dict.count) })
        case "__iter__":
            return .builtin(BuiltinFunction(name) { interpreter, _ in
                .iterator(interpreter.sequenceIterator(self.dict.items.map(\.key), typeName: "dict_keyiterator"))
            })
        case "__contains__":
            return .builtin(BuiltinFunction(name) { _, arguments in
                guard let key = arguments.positional.first else { return .bool(false) }
                return .bool(self.dict.get(try hashKey(key)) != nil)
            })
        case "keys", "values", "items", "get":
            return try interpreter.getAttribute(.dict(dict), name)
        default:
            return nil
        }
    }

    func repr(interpreter: Interpreter) throws -> String {
        "defaultdict(<class 'dict'>, \(try interpreter.repr(.dict(dict))))"
    }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
}
