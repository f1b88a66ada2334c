import Tensor

/// A `torch.optim.lr_scheduler` scheduler as a script sees it: the engine scheduler driving the optimizer's groups.
///
/// Every step pulls the optimizer's group dicts into the engine first (so a rate set by hand is the one scaled) and
/// pushes the new rates back after (so `g['lr']` reads them).
final class SchedulerObject: ForeignObject {
    /// Which scheduler this is.
    let kind: SchedulerKind
    /// The engine scheduler.
    let scheduler: LRScheduler
    /// The optimizer whose groups it sets.
    let optimizerObject: OptimizerObject
    /// LambdaLR's functions, one per group (empty for other schedulers).
    let lambdas: [Value]

    private init(kind: SchedulerKind, scheduler: LRScheduler, optimizerObject: OptimizerObject, lambdas: [Value]) {
        self.kind = kind
        self.scheduler = scheduler
        self.optimizerObject = optimizerObject
        self.lambdas = lambdas
    }

    /// `lr_scheduler.StepLR(optimizer, ...)` and friends, parsed as the Python signature parses them.
    static func construct(_ kind: SchedulerKind, _ arguments: Arguments, interpreter: Interpreter) throws -> Value {
        let (names, required) = kind.signature
        let options = try PythonSignature("\(kind.rawValue).__init__", ["optimizer"] + names, required: 1 + required,
                                          isMethod: true).bind(arguments)
        let target = options["optimizer"] ?? .none
        guard case .foreign(let object) = target, let optimizerObject = object as? OptimizerObject else {
            throw PythonError.typeError("\(target.typeName) is not an Optimizer")
        }
        var lambdas: [Value] = []
        if kind == .lambdaLR {
            let given = options["lr_lambda"] ?? .none
            let groupCount = optimizerObject.groupDicts.count
            switch given {
            case .list, .tuple: lambdas = Convert.sequence(given) ?? []
            default: lambdas = Array(repeating: given, count: groupCount)
            }
            guard lambdas.count == groupCount else {
                throw PythonError.valueError("Expected \(groupCount) lr_lambdas, but got \(lambdas.count)")
            }
        }
        try optimizerObject.pullGroups()
        defer { optimizerObject.pushGroups() }
        let scheduler = try OptimConvert.engine {
            try kind.make(optimizerObject.optimizer, options: options, lambdas: lambdas, interpreter: interpreter)
        }
        return .foreign(SchedulerObject(kind: kind, scheduler: scheduler, optimizerObject: optimizerObject,
                                        lambdas: lambdas))
    }

    var typeName: String { kind.rawValue }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "optimizer": return .foreign(optimizerObject)
        case "last_epoch": return .int(scheduler.lastEpoch)
        case "base_lrs": return OptimConvert.numbers(scheduler.baseLRs)
        case "_last_lr": return OptimConvert.numbers(scheduler.getLastLR())
        case "_step_count": return .int(scheduler.stepCount)
        case "lr_lambdas": return .list(ListObject(lambdas))
        case "step":
            return method(name) { arguments in
                let values = try ArgumentParser("step", ["epoch"]).parse(arguments)
                let epoch = try Convert.optionalInt(values[0], "epoch")
                try self.optimizerObject.pullGroups()
                defer { self.optimizerObject.pushGroups() }
                try OptimConvert.engine { try self.scheduler.step(epoch: epoch) }
                return .none
            }
        case "get_last_lr":
            return method(name) { _ in OptimConvert.numbers(self.scheduler.getLastLR()) }
        case "get_lr":
            return method(name) { _ in
                try self.optimizerObject.pullGroups()
                return OptimConvert.numbers(try OptimConvert.engine { try self.scheduler.computeLR() })
            }
        case "state_dict":
            return method(name) { _ in .dict(self.stateDict()) }
        case "load_state_dict":
            return method(name) { arguments in
                let values = try ArgumentParser("load_state_dict", ["state_dict"], required: 1).parse(arguments)
                try self.loadStateDict(values[0] ?? .none)
                return .none
            }
        default:
            return kind.settings(scheduler).first { $0.0 == name }?.1
        }
    }

    /// The scheduler's `__dict__` without the optimizer, in PyTorch's order.
    private func stateDict() -> DictObject {
        let dict = DictObject()
        var entries = kind.settings(scheduler)
        entries += [
            ("base_lrs", OptimConvert.numbers(scheduler.baseLRs)), ("last_epoch", .int(scheduler.lastEpoch)),
            ("_step_count", .int(scheduler.stepCount)), ("_is_initial", .bool(false)),
            ("_get_lr_called_within_step", .bool(false)), ("_last_lr", OptimConvert.numbers(scheduler.getLastLR())),
        ]
        // PyTorch saves a callable object's attributes; functions and lambdas are saved as None.
        if kind == .lambdaLR { entries.append(("lr_lambdas", .list(ListObject(lambdas.map { _ in .none })))) }
        for (key, value) in entries { dict.set(.str(key), .str(key), value) }
        return dict
    }

    /// Restores the progress saved by `state_dict()`: the epoch, base rates, step count and last rates.
    private func loadStateDict(_ value: Value) throws {
        guard case .dict(let saved) = value else {
            throw PythonError.attributeError("'\(value.typeName)' object has no attribute 'pop'")
        }
        func numbers(_ key: String, _ fallback: [Scalar]) throws -> [Scalar] {
            guard let items = saved.get(.str(key)).flatMap(Convert.sequence) else { return fallback }
            return try items.map(SchedulerKind.number)
        }
        let lastEpoch = try saved.get(.str("last_epoch")).map { try Convert.int($0, "last_epoch") }
        let stepCount = try saved.get(.str("_step_count")).map { try Convert.int($0, "_step_count") }
        scheduler.restore(lastEpoch: lastEpoch ?? scheduler.lastEpoch,
                          baseLRs: try numbers("base_lrs", scheduler.baseLRs),
                          stepCount: stepCount ?? scheduler.stepCount,
                          lastLR: try numbers("_last_lr", scheduler.getLastLR()))
    }

    func repr(interpreter: Interpreter) throws -> String {
        "<torch.optim.lr_scheduler.\(kind.rawValue) object at \(objectAddress(self))>"
    }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }

    private func method(_ name: String, _ body: @escaping (Arguments) throws -> Value) -> Value {
        .builtin(BuiltinFunction(name) { _, arguments in try body(arguments) })
    }
}
