import Tensor

/// The optimizers `torch.optim` offers, with their Python signatures and how each builds its engine optimizer.
enum OptimizerKind: String, CaseIterable {
    case sgd = "SGD"
    case adam = "Adam"
    case adamW = "AdamW"

    /// The parameters after `params` that may be given by position, in order.
    var positional: [String] {
        switch self {
        case .sgd: return ["lr", "momentum", "dampening", "weight_decay", "nesterov"]
        case .adam, .adamW: return ["lr", "betas", "eps", "weight_decay", "amsgrad"]
        }
    }

    /// The keyword-only parameters.
    var keywordOnly: [String] {
        switch self {
        case .sgd: return ["maximize", "foreach", "differentiable", "fused"]
        case .adam: return ["foreach", "maximize", "capturable", "differentiable", "fused", "decoupled_weight_decay"]
        case .adamW: return ["maximize", "foreach", "capturable", "differentiable", "fused"]
        }
    }

    /// Options the engine records as defaults without acting on them; a script's own values replace them.
    static let passiveOptions = ["foreach", "capturable", "differentiable", "fused"]

    /// The engine optimizer over `groups` with the hyperparameters in `options` (by parameter name).
    func make(groups: [ParamGroup], options: [String: Value], interpreter: Interpreter) throws -> Optimizer {
        let flag = { (name: String) throws -> Bool in try options[name].map(interpreter.isTrue) ?? false }
        switch self {
        case .sgd:
            let lr = try number(options["lr"], .float(1e-3), comparison: .less)
            let momentum = try number(options["momentum"], .int(0), comparison: .less)
            let dampening = try number(options["dampening"], .int(0), comparison: nil)
            let weightDecay = try number(options["weight_decay"], .int(0), comparison: .less)
            return try OptimConvert.engine {
                try SGD(groups: groups, lr: lr, momentum: momentum, dampening: dampening, weightDecay: weightDecay,
                        nesterov: try flag("nesterov"), maximize: try flag("maximize"))
            }
        case .adam, .adamW:
            let lr = try number(options["lr"], .float(1e-3), comparison: .lessEqual)
            let eps = try number(options["eps"], .float(1e-8), comparison: .lessEqual)
            let betas = try self.betas(options["betas"])
            let weightDecay = try number(options["weight_decay"], self == .adamW ? .float(1e-2) : .int(0),
                                         comparison: .lessEqual)
            return try OptimConvert.engine {
                if self == .adamW {
                    return try AdamW(groups: groups, lr: lr, betas: betas, eps: eps, weightDecay: weightDecay,
                                     amsgrad: try flag("amsgrad"), maximize: try flag("maximize"))
                }
                return try Adam(groups: groups, lr: lr, betas: betas, eps: eps, weightDecay: weightDecay,
                                amsgrad: try flag("amsgrad"), maximize: try flag("maximize"),
                                decoupledWeightDecay: try flag("decoupled_weight_decay"))
            }
        }
    }

    /// How PyTorch compares a hyperparameter with zero, which decides the TypeError a non-number gets.
    enum Comparison {
        /// `x < 0.0` (SGD).
        case less
        /// `not 0.0 <= x` (Adam).
        case lessEqual
    }

    /// A numeric hyperparameter; a one-element tensor stands for its number.
    private func number(_ value: Value?, _ fallback: Scalar, comparison: Comparison?) throws -> Scalar {
        guard let value else { return fallback }
        if let scalar = Convert.scalar(value) { return scalar }
        if case .tensor(let tensor) = value, tensor.count == 1 { return try tensor.item() }
        switch comparison {
        case .less?:
            throw PythonError.typeError("'<' not supported between instances of '\(value.typeName)' and 'float'")
        case .lessEqual?:
            throw PythonError.typeError("'<=' not supported between instances of 'float' and '\(value.typeName)'")
        case nil:
            // PyTorch stores an unchecked option as given; the engine needs a number.
            throw PythonError.typeError("unsupported operand type(s) for -: 'int' and '\(value.typeName)'")
        }
    }

    /// Adam's `betas`: anything indexable with two numbers.
    private func betas(_ value: Value?) throws -> (Scalar, Scalar) {
        guard let value else { return (.float(0.9), .float(0.999)) }
        guard let items = Convert.sequence(value) else {
            throw PythonError.typeError("'\(value.typeName)' object is not subscriptable")
        }
        guard items.count >= 2 else {
            throw PythonError.indexError("\(value.typeName) index out of range")
        }
        let pair = try items.prefix(2).map { item in
            guard let scalar = Convert.scalar(item) else {
                throw PythonError.typeError("'<=' not supported between instances of 'float' and '\(item.typeName)'")
            }
            return scalar
        }
        return (pair[0], pair[1])
    }
}
