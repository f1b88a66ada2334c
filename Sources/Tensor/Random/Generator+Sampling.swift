import Foundation

/// Single draws from the distributions PyTorch's CPU kernels sample, each consuming the generator exactly as the
/// matching `at::*_distribution` does.
extension Generator {
    /// A float uniform in [from, to) from one 32-bit draw, of which the low 24 bits are used.
    @inline(__always)
    func uniformFloat(from: Float = 0, to: Float = 1) -> Float {
        let unit = Float(random() & 0xFF_FFFF) * 0x1p-24
        // NOTE: PyTorch's build contracts `x * (to - from) + from` into one fused multiply-add.
        return from.addingProduct(unit, to - from)
    }

    /// A double uniform in [from, to) from one 64-bit draw, of which the low 53 bits are used.
    @inline(__always)
    func uniformDouble(from: Double = 0, to: Double = 1) -> Double {
        let unit = Double(random64() & (1 << 53 - 1)) * 0x1p-53
        return from.addingProduct(unit, to - from)
    }

    /// A normal sample by Box-Muller in double precision, returning the cached second sample when there is one
    /// (`at::normal_distribution<double>`).
    @inline(__always)
    func normalDouble(mean: Double, std: Double) -> Double {
        let standard: Double
        if let cached = nextDoubleNormal {
            nextDoubleNormal = nil
            standard = cached
        } else {
            let u1 = uniformDouble()
            let u2 = uniformDouble()
            let radius = (-2 * Foundation.log1p(-u2)).squareRoot()
            let theta = 2 * Double.pi * u1
            nextDoubleNormal = radius * Foundation.sin(theta)
            standard = radius * Foundation.cos(theta)
        }
        return mean.addingProduct(standard, std)
    }

    /// An exponential sample with rate `lambda` by inversion (`at::exponential_distribution<double>`).
    @inline(__always)
    func exponentialDouble(lambda: Double) -> Double {
        let u = uniformDouble()
        return -1 / lambda * Foundation.log1p(-u)
    }

    /// A coin flip that is true with probability `p`, from a 53-bit uniform.
    @inline(__always)
    func bernoulliDouble(_ p: Double) -> Bool {
        uniformDouble() < p
    }

    /// A coin flip that is true with probability `p`, from a 24-bit uniform.
    @inline(__always)
    func bernoulliFloat(_ p: Float) -> Bool {
        uniformFloat() < p
    }

    /// An integer in [base, base + range): one 32-bit draw, or one 64-bit draw when `wide` (PyTorch uses 64 bits
    /// for int64 and floating dtypes once the range reaches 2^32).
    @inline(__always)
    func uniformInt(range: UInt64, base: Int64, wide: Bool) -> Int64 {
        let bits = wide ? random64() : UInt64(random())
        return Int64(bitPattern: bits % range &+ UInt64(bitPattern: base))
    }
}
