import Foundation

/// `-x`.
struct Neg: UnaryPrimitive {
    let backwardName = "NegBackward0", kernelName = "neg"
    var promotesIntegers: Bool { false }
    var saves: (input: Bool, output: Bool) { (false, false) }
    func float<T: TensorFloat>(_ x: T) -> T { -x }
    func integer(_ x: Int64) -> Int64? { 0 &- x }
    func check(_ input: Tensor) throws(TensorError) { if input.dtype == .bool { throw .boolNegation } }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor { try grad.neg() }
}

/// `|x|`.
struct Abs: UnaryPrimitive {
    let backwardName = "AbsBackward0", kernelName = "abs_cpu"
    var promotesIntegers: Bool { false }
    var saves: (input: Bool, output: Bool) { (true, false) }
    func float<T: TensorFloat>(_ x: T) -> T { Swift.abs(x) }
    func integer(_ x: Int64) -> Int64? { x < 0 ? 0 &- x : x }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.mul(input.unsafelyUnwrapped.sign())
    }
}

/// The sign of x: -1, 0 or 1.
struct Sign: UnaryPrimitive {
    let backwardName = "SignBackward0", kernelName = "sign"
    var promotesIntegers: Bool { false }
    var saves: (input: Bool, output: Bool) { (false, false) }
    // NaN has sign 0 in PyTorch.
    func float<T: TensorFloat>(_ x: T) -> T { x > 0 ? 1 : (x < 0 ? -1 : 0) }
    func integer(_ x: Int64) -> Int64? { x.signum() }
    func boolean(_ x: Bool) -> Bool? { x }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try Tensor.zeros(like: grad)
    }
}

/// `e^x`.
struct Exp: UnaryPrimitive {
    let backwardName = "ExpBackward0", kernelName = "exp"
    var saves: (input: Bool, output: Bool) { (false, true) }
    func float<T: TensorFloat>(_ x: T) -> T { T.exp(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.mul(output.unsafelyUnwrapped)
    }
}

/// The natural logarithm.
struct Log: UnaryPrimitive {
    let backwardName = "LogBackward0", kernelName = "log"
    var saves: (input: Bool, output: Bool) { (true, false) }
    func float<T: TensorFloat>(_ x: T) -> T { T.log(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.div(input.unsafelyUnwrapped)
    }
}

/// `log(1 + x)`, accurate near zero.
struct Log1p: UnaryPrimitive {
    let backwardName = "Log1PBackward0", kernelName = "log1p"
    var saves: (input: Bool, output: Bool) { (true, false) }
    func float<T: TensorFloat>(_ x: T) -> T { T.log1p(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.div(input.unsafelyUnwrapped.add(Tensor.wrapping(.int(1))))
    }
}

/// The square root.
struct Sqrt: UnaryPrimitive {
    let backwardName = "SqrtBackward0", kernelName = "sqrt"
    var saves: (input: Bool, output: Bool) { (false, true) }
    func float<T: TensorFloat>(_ x: T) -> T { T.sqrt(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.div(output.unsafelyUnwrapped.mul(Tensor.wrapping(.int(2))))
    }
}

/// `1 / sqrt(x)`.
struct Rsqrt: UnaryPrimitive {
    let backwardName = "RsqrtBackward0", kernelName = "rsqrt"
    var saves: (input: Bool, output: Bool) { (false, true) }
    func float<T: TensorFloat>(_ x: T) -> T { 1 / T.sqrt(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        let out = output.unsafelyUnwrapped
        return try grad.mul(out.pow(.int(3))).mul(Tensor.wrapping(.float(-0.5)))
    }
}

/// `1 / x`.
struct Reciprocal: UnaryPrimitive {
    let backwardName = "ReciprocalBackward0", kernelName = "reciprocal"
    var saves: (input: Bool, output: Bool) { (false, true) }
    func float<T: TensorFloat>(_ x: T) -> T { 1 / x }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        let out = output.unsafelyUnwrapped
        return try grad.neg().mul(out.mul(out))
    }
}

/// The sine.
struct Sin: UnaryPrimitive {
    let backwardName = "SinBackward0", kernelName = "sin"
    var saves: (input: Bool, output: Bool) { (true, false) }
    func float<T: TensorFloat>(_ x: T) -> T { T.sin(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.mul(input.unsafelyUnwrapped.cos())
    }
}

/// The cosine.
struct Cos: UnaryPrimitive {
    let backwardName = "CosBackward0", kernelName = "cos"
    var saves: (input: Bool, output: Bool) { (true, false) }
    func float<T: TensorFloat>(_ x: T) -> T { T.cos(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.mul(input.unsafelyUnwrapped.sin().neg())
    }
}

/// The hyperbolic tangent.
struct TanhPrimitive: UnaryPrimitive {
    let backwardName = "TanhBackward0", kernelName = "tanh"
    var saves: (input: Bool, output: Bool) { (false, true) }
    func float<T: TensorFloat>(_ x: T) -> T { T.tanh(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        let out = output.unsafelyUnwrapped
        return try grad.mul(out.mul(out).rsub(Tensor.wrapping(.int(1))))
    }
}

/// The logistic function `1 / (1 + e^-x)`.
struct SigmoidPrimitive: UnaryPrimitive {
    let backwardName = "SigmoidBackward0", kernelName = "sigmoid"
    var saves: (input: Bool, output: Bool) { (false, true) }
    func float<T: TensorFloat>(_ x: T) -> T { 1 / (1 + T.exp(-x)) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        let out = output.unsafelyUnwrapped
        return try grad.mul(out.mul(out.rsub(Tensor.wrapping(.int(1)))))
    }
}

/// The error function.
struct Erf: UnaryPrimitive {
    let backwardName = "ErfBackward0", kernelName = "erf"
    var saves: (input: Bool, output: Bool) { (true, false) }
    func float<T: TensorFloat>(_ x: T) -> T { T.erf(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        let x = input.unsafelyUnwrapped
        return try grad.mul(x.mul(x).neg().exp().mul(Tensor.wrapping(.float(2 / Double.pi.squareRoot()))))
    }
}

/// `max(x, 0)`, keeping NaN.
struct Relu: UnaryPrimitive {
    let backwardName = "ReluBackward0", kernelName = "relu"
    var promotesIntegers: Bool { false }
    var saves: (input: Bool, output: Bool) { (false, true) }
    // -0.0 and NaN pass through unchanged, as in PyTorch.
    func float<T: TensorFloat>(_ x: T) -> T { x < 0 ? 0 : x }
    func integer(_ x: Int64) -> Int64? { Swift.max(x, 0) }
    func check(_ input: Tensor) throws(TensorError) {
        if input.dtype == .bool {
            throw .invalidArgument(op: "relu", detail: "Boolean inputs not supported for relu")
        }
    }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.maskedFill(output.unsafelyUnwrapped.le(Tensor.wrapping(.int(0))), .int(0))
    }
}

/// The Gaussian error linear unit, exact (`x Φ(x)`) or with PyTorch's tanh approximation.
struct Gelu: UnaryPrimitive {
    let backwardName = "GeluBackward0", kernelName = "GeluKernelImpl"
    let tanhApproximation: Bool
    var promotesIntegers: Bool { false }
    var saves: (input: Bool, output: Bool) { (true, false) }

    private static let sqrtTwoOverPi = (2 / Double.pi).squareRoot()
    private static let kappa = 0.044715

    func float<T: TensorFloat>(_ x: T) -> T {
        if tanhApproximation {
            let inner = T(Gelu.sqrtTwoOverPi) * (x + T(Gelu.kappa) * x * x * x)
            return T(0.5) * x * (1 + T.tanh(inner))
        }
        // NOTE: PyTorch computes float32 exact GELU with oneDNN, whose erf approximation makes GELU(+inf) NaN.
        if T.self == Float.self && x == .infinity { return .nan }
        return x * T(0.5) * (1 + T.erf(x * T(0.5.squareRoot())))
    }

    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        let x = input.unsafelyUnwrapped
        let out = try Tensor(uninitializedShape: x.shape, dtype: x.dtype)
        switch x.dtype {
        case .float32: Elementwise.map(x, into: out) { (v: Float) in derivative(v) }
        case .float64: Elementwise.map(x, into: out) { (v: Double) in derivative(v) }
        case .int64, .bool: throw .notImplemented(op: kernelName, dtype: x.dtype)
        }
        return try grad.mul(out)
    }

    private func derivative<T: TensorFloat>(_ x: T) -> T {
        if tanhApproximation {
            let beta = T(Gelu.sqrtTwoOverPi), kappa = T(Gelu.kappa)
            let inner = beta * (x + kappa * x * x * x)
            let t = T.tanh(inner)
            let left = T(0.5) * x
            let right = 1 + t
            let innerDerivative = beta * (1 + 3 * kappa * x * x)
            return T(0.5) * right + left * (1 - t * t) * innerDerivative
        }
        let cdf = T(0.5) * (1 + T.erf(x * T(0.5.squareRoot())))
        let pdf = T.exp(T(-0.5) * x * x) * T(1 / (2 * Double.pi).squareRoot())
        return cdf + x * pdf
    }
}

/// `log(1 + e^(βx)) / β`, linear above the threshold.
struct Softplus: UnaryPrimitive {
    let backwardName = "SoftplusBackward0", kernelName = "softplus_cpu"
    let beta: Double
    let threshold: Double
    var promotesIntegers: Bool { false }
    var saves: (input: Bool, output: Bool) { (true, false) }

    func float<T: TensorFloat>(_ x: T) -> T {
        let scaled = x * T(beta)
        return scaled > T(threshold) ? x : T.log1p(T.exp(scaled)) / T(beta)
    }

    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        let scaled = try input.unsafelyUnwrapped.mul(Tensor.wrapping(.float(beta)))
        let slope = try scaled.sigmoid()
        return try grad.mul(Tensor.where(scaled.gt(Tensor.wrapping(.float(threshold))), Tensor.ones(like: slope), slope))
    }
}
