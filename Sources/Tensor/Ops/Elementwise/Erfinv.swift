import Foundation

/// The inverse error function, so `trunc_normal_` draws PyTorch's numbers.
struct Erfinv: UnaryPrimitive {
    let backwardName = "ErfinvBackward0", kernelName = "erfinv"
    var saves: (input: Bool, output: Bool) { (false, true) }

    // NOTE: PyTorch's CPU erfinv is MKL's, within an ulp. Computing in double and rounding once gives the correctly
    // rounded float32, which is MKL's except for values within a hair of a rounding midpoint (about 1 in 5000);
    // float64 results may differ in the last bit.
    func float<T: TensorFloat>(_ y: T) -> T { T(Self.inverse(Double(y))) }

    /// erfinv(y) in double: a rational first guess (central and tail forms) refined by two Newton steps.
    static func inverse(_ y: Double) -> Double {
        let magnitude = Swift.abs(y)
        if magnitude > 1 { return .nan }
        if magnitude == 1 { return Double(signOf: y, magnitudeOf: .infinity) }
        var x: Double
        if magnitude <= 0.7 {
            let z = y * y
            let numerator = ((-0.140543331 * z + 0.914624893) * z - 1.645349621) * z + 0.886226899
            let denominator = (((0.012229801 * z - 0.329097515) * z + 1.442710462) * z - 2.118377725) * z + 1
            x = y * numerator / denominator
        } else {
            let z = (-Foundation.log((1 - magnitude) / 2)).squareRoot()
            let numerator = ((1.641345311 * z + 3.429567803) * z - 1.624906493) * z - 1.970840454
            let denominator = (1.637067800 * z + 3.543889200) * z + 1
            x = Double(signOf: y, magnitudeOf: numerator) / denominator
        }
        // d/dx erf(x) = 2/sqrt(pi) exp(-x^2).
        let slope = 2 / Double.pi.squareRoot()
        for _ in 0..<2 { x -= (Foundation.erf(x) - y) / (slope * Foundation.exp(-x * x)) }
        return x
    }

    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor {
        let out = output.unsafelyUnwrapped
        return try grad.mul(try out.mul(out).exp().mul(Tensor.wrapping(.float(Double.pi.squareRoot() / 2))))
    }
}

extension Tensor {
    /// Elementwise inverse error function (`torch.erfinv`).
    public func erfinv() throws(TensorError) -> Tensor { try Erfinv().apply(self) }
    /// In-place inverse error function (`erfinv_`).
    @discardableResult public func erfinv_() throws(TensorError) -> Tensor { try Erfinv().applyInPlace(self) }
}
