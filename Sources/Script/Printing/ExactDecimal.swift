/// The exact decimal expansion of a finite double's magnitude, and correctly rounded fixed and scientific digits
/// derived from it, as CPython's float formatting (`'%.4f'`, `'{:.3e}'`) produces them.
///
/// Every binary double is a finite decimal, so rounding works on the whole expansion and ties go to the even digit,
/// as CPython's dtoa does; rounding the shortest repr digits instead would round `5.0000000000000002e-05` the
/// wrong way.
struct ExactDecimal: Equatable {
    /// The significant digits, most significant first, without leading or trailing zeros (empty for zero).
    var digits: [UInt8]
    /// How many digits sit before the decimal point: the value is `0.d1d2d3... × 10^pointPosition`.
    var pointPosition: Int

    /// The expansion of `abs(value)`, which must be finite.
    init(magnitudeOf value: Double) {
        precondition(value.isFinite, "ExactDecimal of a non-finite value")
        let pattern = value.bitPattern
        let exponentBits = Int((pattern >> 52) & 0x7ff)
        var significand = pattern & ((1 << 52) - 1)
        var exponent: Int
        if exponentBits == 0 {
            exponent = -1074
        } else {
            significand |= 1 << 52
            exponent = exponentBits - 1075
        }
        guard significand != 0 else {
            self.digits = []
            self.pointPosition = 0
            return
        }
        // Fewer binary places mean a smaller power of five below.
        let zeros = significand.trailingZeroBitCount
        significand >>= UInt64(zeros)
        exponent += zeros
        var number = BigDecimalInteger(significand)
        var fractionDigits = 0
        if exponent >= 0 {
            number.multiply(byPowerOfTwo: exponent)
        } else {
            // m × 2^-k = m × 5^k / 10^k.
            number.multiply(byPowerOfFive: -exponent)
            fractionDigits = -exponent
        }
        var digits = number.decimalDigits
        let point = digits.count - fractionDigits
        while digits.last == 0 { digits.removeLast() }
        self.digits = digits
        self.pointPosition = point
    }

    init(digits: [UInt8], pointPosition: Int) {
        self.digits = digits
        self.pointPosition = pointPosition
    }

    /// Whether the value is zero.
    var isZero: Bool { digits.isEmpty }

    /// The value rounded, half to even, to keep `count` digits counted from the first significant one (digits
    /// beyond the expansion are zeros). A carry can add a digit in front (`9.99 → 10.0`).
    func rounded(keeping count: Int) -> ExactDecimal {
        if count >= digits.count { return self }
        if count < 0 { return ExactDecimal(digits: [], pointPosition: 0) }
        let next = digits[count]
        var roundUp: Bool
        if next != 5 {
            roundUp = next > 5
        } else if count + 1 < digits.count {
            // Trailing zeros were trimmed, so anything after the 5 makes it more than half.
            roundUp = true
        } else {
            let previous = count > 0 ? digits[count - 1] : 0
            roundUp = previous % 2 == 1
        }
        var kept = Array(digits[..<count])
        var point = pointPosition
        if roundUp {
            var index = kept.count - 1
            while index >= 0 && kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 {
                kept[index] += 1
            } else {
                kept.insert(1, at: 0)
                point += 1
            }
        }
        while kept.last == 0 { kept.removeLast() }
        return ExactDecimal(digits: kept, pointPosition: kept.isEmpty ? 0 : point)
    }

    /// The digits of the value rounded to `precision` places after the point: the integer part (at least "0") and the
    /// fraction (exactly `precision` digits).
    func fixed(precision: Int) -> (integer: String, fraction: String) {
        let value = rounded(keeping: pointPosition + precision)
        var integer = ""
        var fraction = ""
        if value.pointPosition > 0 {
            integer.reserveCapacity(value.pointPosition)
            for index in 0..<value.pointPosition { integer.append(value.digit(at: index)) }
        } else {
            integer = "0"
        }
        fraction.reserveCapacity(max(precision, 0))
        for offset in 0..<max(precision, 0) { fraction.append(value.digit(at: value.pointPosition + offset)) }
        return (integer, fraction)
    }

    /// The value rounded to `significant` digits (at least one): the digit string, exactly `significant` long, and
    /// the decimal exponent of its first digit (zero for zero).
    func scientific(significant: Int) -> (digits: String, exponent: Int) {
        let count = max(significant, 1)
        if isZero { return (String(repeating: "0", count: count), 0) }
        let value = rounded(keeping: count)
        var text = ""
        text.reserveCapacity(count)
        for index in 0..<count { text.append(value.digit(at: index)) }
        return (text, value.pointPosition - 1)
    }

    /// The digit at a position counted from the first significant digit; zero outside the expansion.
    private func digit(at index: Int) -> Character {
        guard index >= 0, index < digits.count else { return "0" }
        return Character(Unicode.Scalar(48 + digits[index]))
    }
}

/// A non-negative integer in base 10^9 limbs, least significant first: just enough arithmetic to expand a double.
private struct BigDecimalInteger {
    private static let base: UInt64 = 1_000_000_000
    private var limbs: [UInt64]

    init(_ value: UInt64) {
        limbs = []
        var rest = value
        repeat {
            limbs.append(rest % Self.base)
            rest /= Self.base
        } while rest > 0
    }

    /// Multiplies by a factor below 2^32 (so a limb times it, plus a carry, fits 64 bits).
    private mutating func multiply(bySmall factor: UInt64) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = limbs[index] * factor + carry
            limbs[index] = product % Self.base
            carry = product / Self.base
        }
        while carry > 0 {
            limbs.append(carry % Self.base)
            carry /= Self.base
        }
    }

    mutating func multiply(byPowerOfTwo exponent: Int) {
        var remaining = exponent
        while remaining > 0 {
            let step = min(remaining, 31)
            multiply(bySmall: 1 << UInt64(step))
            remaining -= step
        }
    }

    mutating func multiply(byPowerOfFive exponent: Int) {
        var remaining = exponent
        while remaining > 0 {
            let step = min(remaining, 13)
            var factor: UInt64 = 1
            for _ in 0..<step { factor *= 5 }
            multiply(bySmall: factor)
            remaining -= step
        }
    }

    /// The decimal digits, most significant first, without leading zeros.
    var decimalDigits: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(limbs.count * 9)
        for (position, limb) in limbs.enumerated().reversed() {
            var chunk = [UInt8](repeating: 0, count: 9)
            var rest = limb
            for index in stride(from: 8, through: 0, by: -1) {
                chunk[index] = UInt8(rest % 10)
                rest /= 10
            }
            if position == limbs.count - 1 {
                result.append(contentsOf: chunk.drop(while: { $0 == 0 }))
            } else {
                result.append(contentsOf: chunk)
            }
        }
        return result
    }
}
