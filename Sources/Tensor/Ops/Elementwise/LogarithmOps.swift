import Foundation

/// The base-2 logarithm.
struct Log2: UnaryPrimitive {
    let backwardName = "Log2Backward0", kernelName = "log2"
    var saves: (input: Bool, output: Bool) { (true, false) }
    func float<T: TensorFloat>(_ x: T) -> T { T.log2(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.div(input.unsafelyUnwrapped.mul(Tensor.wrapping(.float(M_LN2))))
    }
}

/// The base-10 logarithm.
struct Log10: UnaryPrimitive {
    let backwardName = "Log10Backward0", kernelName = "log10"
    var saves: (input: Bool, output: Bool) { (true, false) }
    func float<T: TensorFloat>(_ x: T) -> T { T.log10(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.div(input.unsafelyUnwrapped.mul(Tensor.wrapping(.float(M_LN10))))
    }
}

/// `e^x - 1`, accurate near zero.
struct Expm1: UnaryPrimitive {
    let backwardName = "Expm1Backward0", kernelName = "expm1"
    var saves: (input: Bool, output: Bool) { (false, true) }
    func float<T: TensorFloat>(_ x: T) -> T { T.expm1(x) }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        try grad.mul(output.unsafelyUnwrapped.add(Tensor.wrapping(.int(1))))
    }
}

extension Tensor {
    /// Elementwise base-2 logarithm (`torch.log2`).
    public func log2() throws(TensorError) -> Tensor { try Log2().apply(self) }
    /// Elementwise base-10 logarithm (`torch.log10`).
    public func log10() throws(TensorError) -> Tensor { try Log10().apply(self) }
    /// Elementwise `e^x - 1` (`torch.expm1`).
    public func expm1() throws(TensorError) -> Tensor { try Expm1().apply(self) }
}
