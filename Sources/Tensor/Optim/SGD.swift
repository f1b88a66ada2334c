/// Stochastic gradient descent, optionally with momentum, Nesterov momentum and weight decay (`torch.optim.SGD`).
///
/// Each step computes what PyTorch's CPU implementation computes, rounding where it rounds: `g = grad (+ wd·p)`,
/// `buf = momentum·buf + (1 − dampening)·g` (the first step's buffer is `g` itself), `g = g + momentum·buf` with
/// Nesterov or `buf` without, then `p = p − lr·g`. Every `a + α·b` is one fused multiply-add, as in PyTorch's kernels.
public final class SGD: Optimizer {
    /// An SGD optimizer over `groups`, each group's own options overriding these defaults.
    public init(
        groups: [ParamGroup], lr: Scalar = 1e-3, momentum: Scalar = 0, dampening: Scalar = 0,
        weightDecay: Scalar = 0, nesterov: Bool = false, maximize: Bool = false
    ) throws(OptimizerError) {
        // The checks run in PyTorch's order, before the parameters are looked at.
        if lr.doubleValue < 0 {
            throw .invalidHyperparameter(source: "SGD", name: "learning rate", value: lr.pythonDescription)
        }
        if momentum.doubleValue < 0 {
            throw .invalidHyperparameter(source: "SGD", name: "momentum value", value: momentum.pythonDescription)
        }
        if weightDecay.doubleValue < 0 {
            throw .invalidHyperparameter(source: "SGD", name: "weight_decay value",
                                         value: weightDecay.pythonDescription)
        }
        if nesterov && (momentum.doubleValue <= 0 || dampening.doubleValue != 0) {
            throw .invalidValue(source: "SGD", detail: "Nesterov momentum requires a momentum and zero dampening")
        }
        try super.init(groups: groups, defaults: [
            ("lr", OptimizerValue(lr)), ("momentum", OptimizerValue(momentum)),
            ("dampening", OptimizerValue(dampening)), ("weight_decay", OptimizerValue(weightDecay)),
            ("nesterov", .bool(nesterov)), ("maximize", .bool(maximize)), ("foreach", .none),
            ("differentiable", .bool(false)), ("fused", .none),
        ])
    }

    /// An SGD optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Scalar = 1e-3, momentum: Scalar = 0, dampening: Scalar = 0,
        weightDecay: Scalar = 0, nesterov: Bool = false, maximize: Bool = false
    ) throws(OptimizerError) {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, momentum: momentum,
                      dampening: dampening, weightDecay: weightDecay, nesterov: nesterov, maximize: maximize)
    }

    public override func restoreDefaults(_ group: ParamGroup) {
        for (key, value) in [("nesterov", false), ("maximize", false), ("foreach", .none), ("differentiable", false),
                             ("fused", false)] as [(String, OptimizerValue)] {
            group.setDefault(key, value)
        }
    }

    public override func update(_ group: ParamGroup) throws {
        let source = typeName
        let options = Options(
            lr: try group.number("lr", source: source), momentum: try group.number("momentum", source: source),
            dampening: try group.number("dampening", source: source),
            weightDecay: try group.number("weight_decay", source: source),
            nesterov: try group.flag("nesterov", source: source), maximize: try group.flag("maximize", source: source))
        for param in group.params {
            guard let grad = try gradient(of: param) else { continue }
            guard param.dtype.isFloatingPoint else {
                throw OptimizerError.tensor(.invalidArgument(op: "add", detail: "For integral input tensors, "
                    + "argument alpha must not be a floating point number."))
            }
            guard options.momentum != 0 else {
                try Optimizer.updating([param, grad], written: 1) { t throws(TensorError) in
                    SGD.run(options, param: t[0], grad: t[1], buffer: nil, firstStep: false)
                }
                continue
            }
            var state = self.state(for: param) ?? ParameterState()
            let firstStep = state["momentum_buffer"] == nil
            let buffer: Tensor
            if firstStep {
                buffer = try Optimizer.zerosState(like: param)
                state["momentum_buffer"] = buffer
            } else {
                buffer = try Optimizer.stateTensor(state, "momentum_buffer", like: param, source: source)
            }
            try Optimizer.updating([param, buffer, grad], written: 2) { t throws(TensorError) in
                SGD.run(options, param: t[0], grad: t[2], buffer: t[1], firstStep: firstStep)
            }
            setState(state, for: param)
        }
    }

    /// One group's options, read once per step.
    struct Options {
        let lr, momentum, dampening, weightDecay: Double
        let nesterov, maximize: Bool
    }

    /// Updates one parameter (and its momentum buffer) in place; all tensors are contiguous and of one float dtype.
    private static func run(_ options: Options, param: Tensor, grad: Tensor, buffer: Tensor?, firstStep: Bool) {
        switch param.dtype {
        case .float32: kernel(Float.self, options, param: param, grad: grad, buffer: buffer, firstStep: firstStep)
        case .float64: kernel(Double.self, options, param: param, grad: grad, buffer: buffer, firstStep: firstStep)
        case .int64, .bool: break
        }
    }

    @inline(__always)
    private static func kernel<T: TensorFloat>(
        _ type: T.Type, _ options: Options, param: Tensor, grad: Tensor, buffer: Tensor?, firstStep: Bool
    ) {
        let p = param.pointer(as: T.self)
        let g = grad.pointer(as: T.self)
        let count = param.count
        // Python floats become the kernel's element type once, as PyTorch's scalar arguments do.
        let negativeLR = T(-options.lr)
        let decay = T(options.weightDecay)
        let decays = options.weightDecay != 0
        let maximize = options.maximize
        guard let buffer else {
            for i in 0..<count {
                var d = maximize ? -g[i] : g[i]
                if decays { d = d.addingProduct(decay, p[i]) }
                p[i] = p[i].addingProduct(negativeLR, d)
            }
            return
        }
        let b = buffer.pointer(as: T.self)
        let momentum = T(options.momentum)
        let keep = T(1 - options.dampening)
        let nesterov = options.nesterov
        for i in 0..<count {
            var d = maximize ? -g[i] : g[i]
            if decays { d = d.addingProduct(decay, p[i]) }
            b[i] = firstStep ? d : (b[i] * momentum).addingProduct(keep, d)
            d = nesterov ? d.addingProduct(momentum, b[i]) : b[i]
            p[i] = p[i].addingProduct(negativeLR, d)
        }
    }
}
