import Foundation

/// CPython's hash of numbers, so `hash(n)` prints what Python prints: equal numbers hash alike, computed modulo the
/// Mersenne prime 2**61 - 1 (Python's "hashing of numeric types").
enum NumericHash {
    private static let bits = 61
    private static let modulus: UInt = (1 << 61) - 1

    /// An int's hash: its magnitude modulo 2**61 - 1 with its sign, -1 read as -2 (-1 means "error" in C).
    static func hash(_ n: Int) -> Int {
        let reduced = Int(n.magnitude % modulus)
        return signed(n < 0 ? -reduced : reduced)
    }

    /// A finite or infinite float's hash (NaN has none: it is hashed by identity): the exact rational value modulo
    /// 2**61 - 1, read 28 bits of mantissa at a time; infinities hash to ±314159.
    static func hash(_ x: Double) -> Int? {
        if x.isNaN { return nil }
        if x.isInfinite { return x > 0 ? 314_159 : -314_159 }
        var mantissa = frexp(Swift.abs(x))
        var exponent = mantissa.1
        var value: UInt = 0
        while mantissa.0 != 0 {
            value = ((value << 28) & modulus) | value >> (bits - 28)
            mantissa.0 *= 268_435_456.0
            exponent -= 28
            let digit = UInt(mantissa.0)
            mantissa.0 -= Double(digit)
            value += digit
            if value >= modulus { value -= modulus }
        }
        // A negative exponent divides, which modulo a Mersenne prime is a rotation the other way.
        let shift = exponent >= 0 ? exponent % bits : bits - 1 - ((-1 - exponent) % bits)
        value = ((value << UInt(shift)) & modulus) | value >> UInt(bits - shift)
        let reduced = Int(value)
        return signed(x < 0 ? -reduced : reduced)
    }

    private static func signed(_ value: Int) -> Int { value == -1 ? -2 : value }
}
