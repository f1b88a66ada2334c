import Foundation

/// The logarithm to base 2 or 10.
struct BaseLogarithm: UnaryPrimitive {
    /// The bases PyTorch has a function for.
    enum Base { case two, ten }
    let base: Base
    var backwardName: String { base == .two ? "Log2Backward0" : "Log10Backward0" }
    var kernelName: String { base == .two ? "log2" : "log10" }
    var saves: (input: Bool, output: Bool) { (true, false) }
    func float<T: TensorFloat>(_ x: T) -> T {
        switch base {
        case .two: return T.log2(x)
        case .ten: return T.log10(x)
        }
    }
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        // d/dx log_b(x) = 1 / (x ln b).
        let naturalLog = base == .two ? M_LN2 : M_LN10
        return try grad.div(input.unsafelyUnwrapped.mul(Tensor.wrapping(.float(naturalLog))))
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
    public func log2() throws(TensorError) -> Tensor { try BaseLogarithm(base: .two).apply(self) }
    /// Elementwise base-10 logarithm (`torch.log10`).
    public func log10() throws(TensorError) -> Tensor { try BaseLogarithm(base: .ten).apply(self) }
    /// Elementwise `e^x - 1` (`torch.expm1`).
    public func expm1() throws(TensorError) -> Tensor { try Expm1().apply(self) }
}
