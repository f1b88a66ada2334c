import Foundation

/// The largest integer not above x; integers pass through unchanged.
struct Floor: UnaryPrimitive {
    let backwardName = "FloorBackward0", kernelName = "floor_vml_cpu"
    var promotesIntegers: Bool { false }
    var saves: (input: Bool, output: Bool) { (false, false) }
    func float<T: TensorFloat>(_ x: T) -> T { x.rounded(.down) }
    func integer(_ x: Int64) -> Int64? { x }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try Tensor.zeros(like: grad)
    }
}

/// The smallest integer not below x; integers pass through unchanged.
struct Ceil: UnaryPrimitive {
    let backwardName = "CeilBackward0", kernelName = "ceil_vml_cpu"
    var promotesIntegers: Bool { false }
    var saves: (input: Bool, output: Bool) { (false, false) }
    func float<T: TensorFloat>(_ x: T) -> T { x.rounded(.up) }
    func integer(_ x: Int64) -> Int64? { x }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try Tensor.zeros(like: grad)
    }
}

/// The nearest integer, halves to even as in PyTorch (`round(2.5)` is 2).
struct Round: UnaryPrimitive {
    let backwardName = "RoundBackward0", kernelName = "round_vml_cpu"
    var promotesIntegers: Bool { false }
    var saves: (input: Bool, output: Bool) { (false, false) }
    func float<T: TensorFloat>(_ x: T) -> T { x.rounded(.toNearestOrEven) }
    func integer(_ x: Int64) -> Int64? { x }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try Tensor.zeros(like: grad)
    }
}

/// x with its fractional part dropped (rounded toward zero).
struct Trunc: UnaryPrimitive {
    let backwardName = "TruncBackward0", kernelName = "trunc_vml_cpu"
    var promotesIntegers: Bool { false }
    var saves: (input: Bool, output: Bool) { (false, false) }
    func float<T: TensorFloat>(_ x: T) -> T { x.rounded(.towardZero) }
    func integer(_ x: Int64) -> Int64? { x }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try Tensor.zeros(like: grad)
    }
}

/// The fractional part `x - trunc(x)`, keeping x's sign; PyTorch has no integer kernel.
struct Frac: UnaryPrimitive {
    let backwardName = "FracBackward0", kernelName = "frac_cpu"
    var promotesIntegers: Bool { false }
    var saves: (input: Bool, output: Bool) { (false, false) }
    func float<T: TensorFloat>(_ x: T) -> T { x - x.rounded(.towardZero) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor { grad }
}

/// `2^x`.
struct Exp2: UnaryPrimitive {
    let backwardName = "Exp2Backward0", kernelName = "exp2"
    var saves: (input: Bool, output: Bool) { (false, true) }
    func float<T: TensorFloat>(_ x: T) -> T { T.exp2(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.mul(output.unsafelyUnwrapped.mul(Tensor.wrapping(.float(M_LN2))))
    }
}

extension Tensor {
    /// Elementwise floor (`torch.floor`).
    public func floor() throws(TensorError) -> Tensor { try Floor().apply(self) }
    /// Elementwise ceiling (`torch.ceil`).
    public func ceil() throws(TensorError) -> Tensor { try Ceil().apply(self) }
    /// Elementwise rounding to the nearest integer, halves to even (`torch.round`).
    public func round() throws(TensorError) -> Tensor { try Round().apply(self) }
    /// Elementwise rounding toward zero (`torch.trunc`).
    public func trunc() throws(TensorError) -> Tensor { try Trunc().apply(self) }
    /// Elementwise fractional part (`torch.frac`).
    public func frac() throws(TensorError) -> Tensor { try Frac().apply(self) }
    /// Elementwise `2^x` (`torch.exp2`).
    public func exp2() throws(TensorError) -> Tensor { try Exp2().apply(self) }
}
