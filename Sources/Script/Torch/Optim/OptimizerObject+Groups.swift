import Tensor

extension OptimizerObject {
    /// `torch.optim.SGD(params, ...)` and friends: parses the call as the Python signature does, validates the
    /// hyperparameters before the parameters (PyTorch's order), and builds the optimizer and its group dicts.
    static func construct(_ kind: OptimizerKind, _ arguments: Arguments, interpreter: Interpreter) throws -> Value {
        let options = try PythonSignature("\(kind.rawValue).__init__", ["params"] + kind.positional, required: 1,
                                          keywordOnly: kind.keywordOnly, isMethod: true).bind(arguments)
        let groups = Result { try parseParams(options["params"] ?? .none, interpreter: interpreter) }
        let parsed: [(DictObject, [Tensor])]
        switch groups {
        case .success(let value):
            parsed = value
        case .failure(let error):
            // Bad hyperparameters are reported first; an optimizer over no groups otherwise fails for its emptiness,
            // which the parameters' own error replaces.
            do {
                _ = try kind.make(groups: [], options: options, interpreter: interpreter)
            } catch let engineError as PythonError where !Self.isEmptyListError(engineError) {
                throw engineError
            } catch {}
            throw error
        }
        let engineGroups = parsed.map { dict, params in ParamGroup(params: params, options: engineOptions(dict)) }
        let optimizer = try kind.make(groups: engineGroups, options: options, interpreter: interpreter)
        let defaults = DictObject()
        for (key, option) in optimizer.defaults {
            let given = OptimizerKind.passiveOptions.contains(key) ? options[key] : nil
            defaults.set(.str(key), .str(key), given ?? OptimConvert.value(option))
        }
        let object = OptimizerObject(kind: kind, optimizer: optimizer, groupDicts: parsed.map(\.0), defaults: defaults)
        for dict in object.groupDicts { object.fillDefaults(dict) }
        try object.pullGroups()
        try checkFused(options, interpreter: interpreter)
        return .foreign(object)
    }

    /// `add_param_group(param_group)`: the dict itself joins `param_groups`, filled in from the defaults.
    func addParamGroup(_ value: Value, interpreter: Interpreter) throws {
        let (dict, params) = try Self.parseGroup(value, interpreter: interpreter)
        try Self.checkNames(dict, against: groupDicts)
        fillDefaults(dict)
        try OptimConvert.engine {
            try optimizer.addParamGroup(ParamGroup(params: params, options: Self.engineOptions(dict)))
        }
        groupDicts.append(dict)
        groupList.items.append(.dict(dict))
    }

    /// Copies every group dict into its engine group: the parameters, and each option the engine can hold (options a
    /// script deleted are deleted there too).
    func pullGroups() throws {
        for (dict, group) in zip(groupDicts, optimizer.paramGroups) {
            guard let params = dict.get(.str("params")) else { throw PythonError.keyError(.str("params")) }
            guard let items = Convert.sequence(params) else {
                throw PythonError.typeError("'\(params.typeName)' object is not iterable")
            }
            // The step reads each parameter's `.grad`, which only tensors have.
            group.params = try items.map { item in
                guard case .tensor(let tensor) = item else {
                    throw PythonError.attributeError("'\(item.typeName)' object has no attribute 'grad'")
                }
                return tensor
            }
            let options = Self.engineOptions(dict)
            for key in group.keys where !options.contains(where: { $0.key == key }) { group[key] = nil }
            for (key, value) in options { group[key] = value }
        }
    }

    /// Copies back into the group dicts whatever the engine changed or added (a scheduler's rates, restored defaults).
    func pushGroups() {
        for (dict, group) in zip(groupDicts, optimizer.paramGroups) {
            for (key, option) in group.options {
                if let current = dict.get(.str(key)), OptimConvert.matches(current, option) { continue }
                dict.set(.str(key), .str(key), OptimConvert.value(option))
            }
        }
    }

    /// Replaces the group dicts and the `param_groups` list (what `load_state_dict` does in PyTorch).
    func replaceGroups(_ dicts: [DictObject]) {
        groupDicts = dicts
        groupList = ListObject(dicts.map { .dict($0) })
    }

    /// Sets each default the dict lacks (`setdefault`), in the defaults' order.
    private func fillDefaults(_ dict: DictObject) {
        for (key, value) in defaults.items {
            guard case .str(let name) = key, dict.get(.str(name)) == nil else { continue }
            dict.set(.str(name), key, value)
        }
    }

    /// The group options the engine can hold, in the dict's order, without `params`.
    static func engineOptions(_ dict: DictObject) -> [(key: String, value: OptimizerValue)] {
        dict.items.compactMap { key, value in
            guard case .str(let name) = key, name != "params", let option = OptimConvert.option(value) else {
                return nil
            }
            return (name, option)
        }
    }

    /// The optimizer's `params` argument as group dicts: a dict per group, or one group of all the tensors.
    private static func parseParams(_ params: Value, interpreter: Interpreter) throws -> [(DictObject, [Tensor])] {
        if case .tensor = params {
            throw PythonError.typeError("params argument given to the optimizer should be an iterable of Tensors or "
                + "dicts, but got \(OptimConvert.typeName(params))")
        }
        let items = try interpreter.collect(params)
        guard let first = items.first else { throw PythonError.valueError("optimizer got an empty parameter list") }
        guard case .dict = first else {
            let dict = DictObject()
            dict.set(.str("params"), .str("params"), .list(ListObject(items)))
            return [try parseGroup(.dict(dict), interpreter: interpreter)]
        }
        var groups: [(DictObject, [Tensor])] = []
        for item in items {
            let group = try parseGroup(item, interpreter: interpreter)
            try checkNames(group.0, against: groups.map(\.0))
            groups.append(group)
        }
        return groups
    }

    /// Either every group names its parameters or none does.
    private static func checkNames(_ dict: DictObject, against existing: [DictObject]) throws {
        let named = dict.get(.str("param_names")) != nil
        guard existing.contains(where: { ($0.get(.str("param_names")) != nil) != named }) else { return }
        let text = named ? "with names" : "without names"
        throw PythonError.valueError("all optimizer param groups should be with/without names. cannot add param "
            + "group \(text) to the optimizer")
    }

    /// One group dict checked as `add_param_group` checks it, with its `params` made a list of tensors.
    private static func parseGroup(_ value: Value, interpreter: Interpreter) throws -> (DictObject, [Tensor]) {
        guard case .dict(let dict) = value else {
            throw PythonError.typeError("param_group must be a dict, but got \(OptimConvert.typeRepr(value))")
        }
        guard let params = dict.get(.str("params")) else { throw PythonError.keyError(.str("params")) }
        let items: [Value]
        switch params {
        case .tensor: items = [params]
        case .set:
            throw PythonError.typeError("optimizer parameters need to be organized in ordered collections, but the "
                + "ordering of tensors in sets will change between runs. Please use a list instead.")
        default: items = try interpreter.collect(params)
        }
        // `named_parameters()` gives (name, tensor) pairs: the names go to `param_names`, all or none.
        var names: [Value] = []
        var unnamed: [Value] = []
        for item in items {
            if case .tuple(let pair) = item, pair.count == 2 {
                names.append(pair[0])
                unnamed.append(pair[1])
            } else {
                unnamed.append(item)
            }
        }
        let tensors = try unnamed.map(parameter)
        dict.set(.str("params"), .str("params"), .list(ListObject(unnamed)))
        if !names.isEmpty {
            guard names.count == unnamed.count else {
                throw PythonError.valueError("all optimizer params should be with/without names. Some param names "
                    + "are missing")
            }
            dict.set(.str("param_names"), .str("param_names"), .list(ListObject(names)))
        }
        return (dict, tensors)
    }

    /// A parameter, or PyTorch's TypeError for anything else.
    private static func parameter(_ value: Value) throws -> Tensor {
        guard case .tensor(let tensor) = value else {
            throw PythonError.typeError("optimizer can only optimize Tensors, but one of the params is "
                + OptimConvert.typeName(value))
        }
        return tensor
    }

    /// PyTorch refuses a fused optimizer that is also foreach or differentiable.
    private static func checkFused(_ options: [String: Value], interpreter: Interpreter) throws {
        let truthy = { (name: String) throws -> Bool in try options[name].map(interpreter.isTrue) ?? false }
        guard try truthy("fused") else { return }
        if try truthy("differentiable") {
            throw PythonError.runtimeError("`fused` does not support `differentiable`")
        }
        if try truthy("foreach") {
            throw PythonError.runtimeError("`fused` and `foreach` cannot be `True` together.")
        }
    }

    /// Whether `error` is the engine's refusal of an empty parameter list.
    private static func isEmptyListError(_ error: PythonError) -> Bool {
        guard case .str(let message)? = error.exception.arguments.first else { return false }
        return message == "optimizer got an empty parameter list"
    }
}
