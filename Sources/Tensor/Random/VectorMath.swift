/// One lane of the single-precision `log` and `sincos` that PyTorch's AVX2 normal kernel evaluates eight at a time
/// (Cephes-derived polynomials from `avx_mathfun.h`), reproduced operation by operation so results match bitwise.
///
/// NOTE: PyTorch's build fuses each multiply feeding an add into one FMA; every `addingProduct` below stands for
/// one of those fused operations, and every plain `*` or `+` for a separately rounded one. Changing either breaks
/// bit-equality with `torch.randn`.
enum VectorMath {
    private static let sqrtHalf: Float = 0.707106781186547524
    private static let logCoefficients: [Float] = [
        7.0376836292E-2, -1.1514610310E-1, 1.1676998740E-1, -1.2420140846E-1, 1.4249322787E-1,
        -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1, 3.3333331174E-1,
    ]
    private static let ln2Low: Float = -2.12194440e-4
    private static let ln2High: Float = 0.693359375

    /// Natural logarithm of a positive float; NaN for zero, negative or NaN input.
    static func log(_ input: Float) -> Float {
        guard input > 0 else { return .nan }
        // Split into mantissa in [0.5, 1) and exponent, as the vector code does with bit masks.
        let bits = max(input, Float.leastNormalMagnitude).bitPattern
        var exponent = Float(Int32(bitPattern: bits >> 23) - 0x7F) + 1
        var x = Float(bitPattern: (bits & ~0x7F80_0000) | Float(0.5).bitPattern)
        let small = x < sqrtHalf
        let keep: Float = small ? x : 0
        x = x - 1
        exponent = exponent - (small ? 1 : 0)
        x = x + keep

        let z = x * x
        var y = logCoefficients[0]
        for c in logCoefficients.dropFirst() {
            y = c.addingProduct(y, x)
        }
        y = y * x
        y = (exponent * ln2Low).addingProduct(y, z)
        y = y.addingProduct(-z, 0.5)
        return (x + y).addingProduct(exponent, ln2High)
    }

    private static let fourOverPi: Float = 1.27323954473516
    private static let reduction: [Float] = [-0.78515625, -2.4187564849853515625e-4, -3.77489497744594108e-8]
    private static let sinCoefficients: [Float] = [-1.9515295891E-4, 8.3321608736E-3, -1.6666654611E-1]
    private static let cosCoefficients: [Float] = [2.443315711809948E-005, -1.388731625493765E-003,
                                                   4.166664568298827E-002]
    private static let signBit: UInt32 = 0x8000_0000

    /// Sine and cosine of one float, evaluated together as the vector `sincos` does.
    static func sinCos(_ input: Float) -> (sin: Float, cos: Float) {
        var sinSign = input.bitPattern & signBit
        var x = Float(bitPattern: input.bitPattern & ~signBit)

        // Octant index, rounded up to even; the conversion truncates, and saturates as the hardware does.
        let scaled = x * fourOverPi
        var octant = scaled < 0x1p31 ? Int32(scaled) : Int32.min
        octant = (octant &+ 1) & ~1
        let y = Float(octant)
        if octant & 4 != 0 { sinSign ^= signBit }
        let sinUsesSinPolynomial = octant & 2 == 0
        let cosSign: UInt32 = (octant &- 2) & 4 == 0 ? signBit : 0

        // Extended-precision reduction x - y * pi/4 in three parts.
        for part in reduction {
            x = x.addingProduct(y, part)
        }

        let z = x * x
        var c = cosCoefficients[1].addingProduct(cosCoefficients[0], z)
        c = cosCoefficients[2].addingProduct(c, z)
        c = c * z
        c = (-(z * 0.5)).addingProduct(c, z)
        c = c + 1

        var s = sinCoefficients[1].addingProduct(sinCoefficients[0], z)
        s = sinCoefficients[2].addingProduct(s, z)
        s = s * z
        s = x.addingProduct(s, x)

        // The vector code selects with bit masks and recombines with adds; keep its zero handling.
        let sinFromSin: Float = sinUsesSinPolynomial ? s : 0
        let sinFromCos: Float = sinUsesSinPolynomial ? 0 : c
        let sine = sinFromCos + sinFromSin
        let cosine = (c - sinFromCos) + (s - sinFromSin)
        return (Float(bitPattern: sine.bitPattern ^ sinSign), Float(bitPattern: cosine.bitPattern ^ cosSign))
    }
}
