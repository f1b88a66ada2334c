import Foundation

/// Adam, with optional AMSGrad, L2 weight decay or decoupled (AdamW) weight decay (`torch.optim.Adam`).
///
/// Each step computes what PyTorch's CPU implementation (the single-tensor path it takes on CPU) computes, rounding
/// where it rounds: the step count is a float tensor; `m` moves toward `g` by `lerp` with weight `1 − β₁`;
/// `v = β₂·v + ((1 − β₂)·g)·g` with the last multiply-add fused; the bias corrections `1 − βᵗ` are Python floats; and
/// `p = p + (−lr/(1 − β₁ᵗ)·m) / (√v / √(1 − β₂ᵗ) + ε)`.
open class Adam: Optimizer {
    /// An Adam optimizer over `groups`, each group's own options overriding these defaults.
    public init(
        groups: [ParamGroup], lr: Scalar = 1e-3, betas: (Scalar, Scalar) = (0.9, 0.999), eps: Scalar = 1e-8,
        weightDecay: Scalar = 0, amsgrad: Bool = false, maximize: Bool = false, decoupledWeightDecay: Bool = false
    ) throws(OptimizerError) {
        let source = decoupledWeightDecay ? "AdamW" : "Adam"
        // `not 0.0 <= x` refuses NaN too, unlike SGD's `x < 0.0`.
        if !(0 <= lr.doubleValue) {
            throw .invalidHyperparameter(source: source, name: "learning rate", value: lr.pythonDescription)
        }
        if !(0 <= eps.doubleValue) {
            throw .invalidHyperparameter(source: source, name: "epsilon value", value: eps.pythonDescription)
        }
        for (index, beta) in [betas.0, betas.1].enumerated() where !(0 <= beta.doubleValue && beta.doubleValue < 1) {
            throw .invalidHyperparameter(source: source, name: "beta parameter at index \(index)",
                                         value: beta.pythonDescription)
        }
        if !(0 <= weightDecay.doubleValue) {
            throw .invalidHyperparameter(source: source, name: "weight_decay value",
                                         value: weightDecay.pythonDescription)
        }
        guard betas.0.isFloatingPoint && betas.1.isFloatingPoint else {
            throw .invalidValue(source: source, detail: "betas must be either both floats or both Tensors")
        }
        try super.init(groups: groups, defaults: [
            ("lr", OptimizerValue(lr)), ("betas", .tuple([OptimizerValue(betas.0), OptimizerValue(betas.1)])),
            ("eps", OptimizerValue(eps)), ("weight_decay", OptimizerValue(weightDecay)), ("amsgrad", .bool(amsgrad)),
            ("maximize", .bool(maximize)), ("foreach", .none), ("capturable", .bool(false)),
            ("differentiable", .bool(false)), ("fused", .none), ("decoupled_weight_decay", .bool(decoupledWeightDecay)),
        ])
    }

    /// An Adam optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Scalar = 1e-3, betas: (Scalar, Scalar) = (0.9, 0.999), eps: Scalar = 1e-8,
        weightDecay: Scalar = 0, amsgrad: Bool = false, maximize: Bool = false, decoupledWeightDecay: Bool = false
    ) throws(OptimizerError) {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, betas: betas, eps: eps,
                      weightDecay: weightDecay, amsgrad: amsgrad, maximize: maximize,
                      decoupledWeightDecay: decoupledWeightDecay)
    }

    open override func restoreDefaults(_ group: ParamGroup) {
        for (key, value) in [("amsgrad", false), ("maximize", false), ("foreach", .none), ("capturable", false),
                             ("differentiable", false), ("decoupled_weight_decay", false), ("fused", .none)]
            as [(String, OptimizerValue)] {
            group.setDefault(key, value)
        }
    }

    public override func update(_ group: ParamGroup) throws {
        let source = typeName
        let (beta1, beta2) = try group.pair("betas", source: source)
        let options = Options(
            lr: try group.number("lr", source: source), beta1: beta1, beta2: beta2,
            eps: try group.number("eps", source: source), weightDecay: try group.number("weight_decay", source: source),
            amsgrad: try group.flag("amsgrad", source: source), maximize: try group.flag("maximize", source: source),
            decoupled: try group.flag("decoupled_weight_decay", source: source))
        for param in group.params {
            guard let grad = try gradient(of: param) else { continue }
            guard param.dtype.isFloatingPoint else {
                throw OptimizerError.tensor(.notImplemented(op: "lerp_kernel_scalar", dtype: param.dtype))
            }
            let state = try lazyState(for: param) { () throws(TensorError) in
                var fresh = ParameterState()
                fresh["step"] = Tensor(.float(0), dtype: .defaultFloat)
                fresh["exp_avg"] = try Tensor.zeros(param.shape, dtype: param.dtype)
                fresh["exp_avg_sq"] = try Tensor.zeros(param.shape, dtype: param.dtype)
                if options.amsgrad { fresh["max_exp_avg_sq"] = try Tensor.zeros(param.shape, dtype: param.dtype) }
                return fresh
            }
            let step = try state.required("step", source: source)
            let expAvg = try Optimizer.stateTensor(state, "exp_avg", like: param, source: source)
            let expAvgSq = try Optimizer.stateTensor(state, "exp_avg_sq", like: param, source: source)
            let maxExpAvgSq = options.amsgrad
                ? try Optimizer.stateTensor(state, "max_exp_avg_sq", like: param, source: source) : nil
            let factors = try Factors(options, step: try Adam.advance(step), source: source)
            let tensors = [param, expAvg, expAvgSq] + (maxExpAvgSq.map { [$0] } ?? []) + [grad]
            try Optimizer.updating(tensors, written: tensors.count - 1) { t throws(TensorError) in
                let buffers = Buffers(param: t[0], expAvg: t[1], expAvgSq: t[2],
                                      maxExpAvgSq: maxExpAvgSq == nil ? nil : t[3], grad: t[t.count - 1])
                switch param.dtype {
                case .float32: Adam.kernel(Float.self, options, factors, buffers)
                case .float64: Adam.kernel(Double.self, options, factors, buffers)
                case .int64, .bool: break
                }
            }
        }
    }

    /// One group's options, read once per step.
    struct Options {
        let lr, beta1, beta2, eps, weightDecay: Double
        let amsgrad, maximize, decoupled: Bool
    }

    /// The Python-float quantities of one parameter's step.
    struct Factors {
        let stepSize, biasCorrection2Sqrt: Double

        init(_ options: Options, step: Double, source: String) throws(OptimizerError) {
            // NOTE: Python's `beta ** step` and `x ** 0.5` call C's pow, as Foundation's pow does.
            let biasCorrection1 = 1 - Foundation.pow(options.beta1, step)
            let biasCorrection2 = 1 - Foundation.pow(options.beta2, step)
            guard biasCorrection1 != 0 else {
                throw .zeroDivision(source: source, detail: "float division by zero")
            }
            stepSize = options.lr / biasCorrection1
            biasCorrection2Sqrt = Foundation.pow(biasCorrection2, 0.5)
        }
    }

    /// The contiguous tensors of one parameter's update.
    struct Buffers {
        let param, expAvg, expAvgSq: Tensor
        let maxExpAvgSq: Tensor?
        let grad: Tensor
    }

    /// Adds one to the step count tensor in its own dtype (`step_t += 1`) and returns the new count as a Python float.
    static func advance(_ step: Tensor) throws(OptimizerError) -> Double {
        guard step.count == 1 else { throw .tensor(.itemOfManyElements(count: step.count)) }
        defer { step.bumpVersion() }
        switch step.dtype {
        case .float32:
            step.pointer(as: Float.self).pointee += 1
            return Double(step.pointer(as: Float.self).pointee)
        case .float64:
            step.pointer(as: Double.self).pointee += 1
            return step.pointer(as: Double.self).pointee
        case .int64:
            let pointer = step.pointer(as: Int64.self)
            pointer.pointee &+= 1
            return Double(pointer.pointee)
        case .bool:
            throw .tensor(.cannotCastResult(result: .int64, output: .bool))
        }
    }

    @inline(__always)
    private static func kernel<T: TensorFloat>(_ type: T.Type, _ options: Options, _ factors: Factors, _ b: Buffers) {
        let p = b.param.pointer(as: T.self)
        let g = b.grad.pointer(as: T.self)
        let m = b.expAvg.pointer(as: T.self)
        let v = b.expAvgSq.pointer(as: T.self)
        let vMax = b.maxExpAvgSq?.pointer(as: T.self)
        // Python floats become the element type once each, as PyTorch's scalar arguments do.
        let decays = options.weightDecay != 0
        let decoupled = options.decoupled
        let decay = T(options.weightDecay)
        let shrink = T(1 - options.lr * options.weightDecay)
        let weight1 = T(1 - options.beta1)
        let beta2 = T(options.beta2)
        let weight2 = T(1 - options.beta2)
        let negativeStepSize = T(-factors.stepSize)
        let correction2 = T(factors.biasCorrection2Sqrt)
        let eps = T(options.eps)
        let maximize = options.maximize
        for i in 0..<b.param.count {
            var grad = maximize ? -g[i] : g[i]
            if decays {
                if decoupled { p[i] = p[i] * shrink } else { grad = grad.addingProduct(decay, p[i]) }
            }
            m[i] = lerp(m[i], grad, weight1)
            v[i] = (v[i] * beta2).addingProduct(weight2 * grad, grad)
            var second = v[i]
            if let vMax {
                vMax[i] = maximum(vMax[i], v[i])
                second = vMax[i]
            }
            // NOTE: PyTorch's CPU sqrt calls MKL's vsSqrt, which is within one ulp but not always correctly rounded;
            // this one is, so a denominator can differ from PyTorch's in its last bit.
            let denominator = second.squareRoot() / correction2 + eps
            p[i] = p[i] + (negativeStepSize * m[i]) / denominator
        }
    }

    /// PyTorch's `lerp` with a scalar weight: one fused multiply-add from whichever end is nearer.
    @inline(__always)
    static func lerp<T: TensorFloat>(_ start: T, _ end: T, _ weight: T) -> T {
        let difference = end - start
        return Swift.abs(weight) < 0.5 ? start.addingProduct(weight, difference)
            : end.addingProduct(weight - 1, difference)
    }

    /// `torch.maximum`: NaN wins.
    @inline(__always)
    static func maximum<T: TensorFloat>(_ a: T, _ b: T) -> T {
        a.isNaN || b.isNaN ? T.nan : Swift.max(a, b)
    }
}
