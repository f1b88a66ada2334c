import Tensor

/// The learning-rate schedulers `torch.optim.lr_scheduler` offers, with their Python signatures and how each builds
/// its engine scheduler.
enum SchedulerKind: String, CaseIterable {
    case stepLR = "StepLR"
    case multiStepLR = "MultiStepLR"
    case exponentialLR = "ExponentialLR"
    case lambdaLR = "LambdaLR"
    case cosineAnnealingLR = "CosineAnnealingLR"
    case linearLR = "LinearLR"

    /// The parameters after `optimizer`, in order, and how many of them are required.
    var signature: (names: [String], required: Int) {
        switch self {
        case .stepLR: return (["step_size", "gamma", "last_epoch"], 1)
        case .multiStepLR: return (["milestones", "gamma", "last_epoch"], 1)
        case .exponentialLR: return (["gamma", "last_epoch"], 1)
        case .lambdaLR: return (["lr_lambda", "last_epoch"], 1)
        case .cosineAnnealingLR: return (["T_max", "eta_min", "last_epoch"], 1)
        case .linearLR: return (["start_factor", "end_factor", "total_iters", "last_epoch"], 0)
        }
    }

    /// The engine scheduler for `optimizer` with the call's `options` (by parameter name); `lambdas` are LambdaLR's
    /// script functions, already one per group.
    func make(
        _ optimizer: Optimizer, options: [String: Value], lambdas: [Value], interpreter: Interpreter
    ) throws -> LRScheduler {
        let lastEpoch = try Convert.optionalInt(options["last_epoch"], "last_epoch") ?? -1
        let gamma = try options["gamma"].map(Self.number) ?? .float(0.1)
        switch self {
        case .stepLR:
            let stepSize = try Convert.int(options["step_size"] ?? .none, "step_size")
            return try StepLR(optimizer, stepSize: stepSize, gamma: gamma, lastEpoch: lastEpoch)
        case .multiStepLR:
            let milestones = try interpreter.collect(options["milestones"] ?? .none)
                .map { try Convert.int($0, "milestone") }
            return try MultiStepLR(optimizer, milestones: milestones, gamma: gamma, lastEpoch: lastEpoch)
        case .exponentialLR:
            return try ExponentialLR(optimizer, gamma: gamma, lastEpoch: lastEpoch)
        case .lambdaLR:
            weak var weakInterpreter = interpreter
            let functions = lambdas.map { function in
                { (epoch: Int) throws -> Double in
                    guard let interpreter = weakInterpreter else { return 1 }
                    let factor = try interpreter.call(function, Arguments([.int(epoch)]))
                    return try Self.number(factor).doubleValue
                }
            }
            return try LambdaLR(optimizer, lrLambdas: functions, lastEpoch: lastEpoch)
        case .cosineAnnealingLR:
            let tMax = try Convert.int(options["T_max"] ?? .none, "T_max")
            let etaMin = try options["eta_min"].map(Self.number) ?? .float(0)
            return try CosineAnnealingLR(optimizer, tMax: tMax, etaMin: etaMin, lastEpoch: lastEpoch)
        case .linearLR:
            let start = try options["start_factor"].map(Self.number) ?? .float(1.0 / 3)
            let end = try options["end_factor"].map(Self.number) ?? .float(1)
            let totalIters = try Convert.optionalInt(options["total_iters"], "total_iters") ?? 5
            return try LinearLR(optimizer, startFactor: start, endFactor: end, totalIters: totalIters,
                                lastEpoch: lastEpoch)
        }
    }

    /// The schedule's own settings, as `state_dict()` lists them first (`step_size`, `gamma` ...).
    func settings(_ scheduler: LRScheduler) -> [(String, Value)] {
        switch scheduler {
        case let s as StepLR: return [("step_size", .int(s.stepSize)), ("gamma", Convert.value(s.gamma))]
        case let s as MultiStepLR:
            return [("milestones", .foreign(MilestoneCounter(s.milestones))), ("gamma", Convert.value(s.gamma))]
        case let s as ExponentialLR: return [("gamma", Convert.value(s.gamma))]
        case let s as CosineAnnealingLR: return [("T_max", .int(s.tMax)), ("eta_min", Convert.value(s.etaMin))]
        case let s as LinearLR:
            return [("start_factor", Convert.value(s.startFactor)), ("end_factor", Convert.value(s.endFactor)),
                    ("total_iters", .int(s.totalIters))]
        default: return []
        }
    }

    /// A Python number (or one-element tensor) as a scheduler reads it.
    static func number(_ value: Value) throws -> Scalar {
        if let scalar = Convert.scalar(value) { return scalar }
        if case .tensor(let tensor) = value, tensor.count == 1 { return try tensor.item() }
        throw PythonError.typeError("unsupported operand type(s) for *: 'float' and '\(value.typeName)'")
    }
}

/// MultiStepLR's `milestones`: a `collections.Counter` of epochs, printed as Python prints it (most common first).
final class MilestoneCounter: ForeignObject {
    /// Each milestone and how many times it was listed, in first-listed order.
    let counts: [(epoch: Int, count: Int)]

    /// The counts of `milestones`, as `Counter(milestones)` makes them.
    init(_ milestones: [Int]) {
        var counts: [(epoch: Int, count: Int)] = []
        for epoch in milestones {
            if let index = counts.firstIndex(where: { $0.epoch == epoch }) {
                counts[index].count += 1
            } else {
                counts.append((epoch, 1))
            }
        }
        self.counts = counts
    }

    var typeName: String { "Counter" }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        let dict = DictObject()
        for (epoch, count) in counts { dict.set(.int(epoch), .int(epoch), .int(count)) }
        switch name {
        case "__getitem__":
            return .builtin(BuiltinFunction(name) { _, arguments in
                guard let key = arguments.positional.first else { return .int(0) }
                return dict.get(try hashKey(key)) ?? .int(0)
            })
        case "__len__": return .builtin(BuiltinFunction(name) { _, _ in .int(dict.count) })
        case "__iter__":
            return .builtin(BuiltinFunction(name) { interpreter, _ in
                .iterator(interpreter.sequenceIterator(dict.items.map(\.key), typeName: "dict_keyiterator"))
            })
        case "keys", "values", "items", "get": return try interpreter.getAttribute(.dict(dict), name)
        default: return nil
        }
    }

    func repr(interpreter: Interpreter) throws -> String {
        guard !counts.isEmpty else { return "Counter()" }
        // `most_common()`: by count, highest first; a stable sort keeps ties in first-listed order.
        var ordered = counts
        ordered.sort { $0.count > $1.count }
        let items = ordered.map { "\($0.epoch): \($0.count)" }
        return "Counter({" + items.joined(separator: ", ") + "})"
    }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
}
