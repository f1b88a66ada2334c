import Tensor

/// A `torch.optim` optimizer as a script sees it: the engine optimizer, plus the Python dicts of `param_groups`.
///
/// Write-through: each parameter group is a real Python dict (so `type(g)`, `g.keys()`, `print(g)` and `**g` behave
/// exactly as in PyTorch, and the dict a script passed in is the one kept, as PyTorch keeps it). The engine's
/// `ParamGroup` mirrors the options the engine can read. Only this binding lets the engine look at groups, so the
/// mirror is refreshed at those moments: `pullGroups()` copies every dict into its engine group before the engine
/// reads (step, zero_grad, state_dict, schedulers), and `pushGroups()` copies back what the engine wrote (a
/// scheduler's `lr` and `initial_lr`, defaults filled in by `load_state_dict`). So `g['lr'] = 0.01` between steps is
/// what the next step uses, and a scheduler's rate is what `g['lr']` reads.
final class OptimizerObject: ForeignObject {
    /// Which optimizer this is.
    let kind: OptimizerKind
    /// The engine optimizer.
    let optimizer: Optimizer
    /// `param_groups`: the list a script sees (PyTorch replaces it on `load_state_dict`).
    var groupList: ListObject
    /// The group dicts, paired by position with `optimizer.paramGroups`.
    var groupDicts: [DictObject]
    /// `defaults`: the optimizer's options as constructed.
    let defaults: DictObject

    /// An optimizer whose engine groups were built from `groupDicts`; fills each dict in from `defaults`.
    init(kind: OptimizerKind, optimizer: Optimizer, groupDicts: [DictObject], defaults: DictObject) {
        self.kind = kind
        self.optimizer = optimizer
        self.groupDicts = groupDicts
        self.groupList = ListObject(groupDicts.map { .dict($0) })
        self.defaults = defaults
    }

    var typeName: String { kind.rawValue }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "param_groups": return .list(groupList)
        case "defaults": return .dict(defaults)
        case "state": return .foreign(try stateView())
        case "step":
            return method(name) { arguments in
                let values = try ArgumentParser("step", ["closure"]).parse(arguments)
                return try self.step(closure: values[0], interpreter: interpreter)
            }
        case "zero_grad":
            return method(name) { arguments in
                let values = try ArgumentParser("zero_grad", ["set_to_none"]).parse(arguments)
                let setToNone = try values[0].map(interpreter.isTrue) ?? true
                try self.pullGroups()
                try OptimConvert.engine { try self.optimizer.zeroGrad(setToNone: setToNone) }
                return .none
            }
        case "add_param_group":
            return method(name) { arguments in
                let values = try ArgumentParser("add_param_group", ["param_group"], required: 1).parse(arguments)
                try self.addParamGroup(values[0] ?? .none, interpreter: interpreter)
                return .none
            }
        case "state_dict":
            return method(name) { arguments in
                _ = try ArgumentParser("state_dict", []).parse(arguments)
                return try self.stateDict()
            }
        case "load_state_dict":
            return method(name) { arguments in
                let values = try ArgumentParser("load_state_dict", ["state_dict"], required: 1).parse(arguments)
                try self.loadStateDict(values[0] ?? .none, interpreter: interpreter)
                return .none
            }
        case "__repr__", "__str__":
            return method(name) { _ in .str(try self.repr(interpreter: interpreter)) }
        default:
            return nil
        }
    }

    /// PyTorch's printed form: each group's options but `params`, sorted by name, printed with `str`.
    func repr(interpreter: Interpreter) throws -> String {
        var text = kind.rawValue + " ("
        for (index, dict) in groupDicts.enumerated() {
            text += "\nParameter Group \(index)\n"
            var entries: [(key: String, value: Value)] = []
            for (key, value) in dict.items {
                guard case .str(let name) = key else {
                    throw PythonError.typeError("'<' not supported between instances of '\(key.typeName)' and 'str'")
                }
                if name != "params" { entries.append((name, value)) }
            }
            entries.sort { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            for (key, value) in entries { text += "    \(key): \(try interpreter.str(value))\n" }
        }
        return text + ")"
    }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }

    /// `step(closure=None)`: the closure re-evaluates the loss with gradients recorded; its result is returned.
    private func step(closure: Value?, interpreter: Interpreter) throws -> Value {
        try pullGroups()
        guard let closure, !closure.isNone else {
            try OptimConvert.engine { try optimizer.step() }
            return .none
        }
        return try OptimConvert.engine {
            try optimizer.step { () throws -> Value in try interpreter.call(closure, Arguments()) }
        }
    }

    /// A builtin method of this optimizer.
    func method(_ name: String, _ body: @escaping (Arguments) throws -> Value) -> Value {
        .builtin(BuiltinFunction(name) { _, arguments in try body(arguments) })
    }
}
