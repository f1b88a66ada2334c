extension Double {
    /// The text Python's `repr` gives this float: the shortest digits that round-trip, fixed-point when the decimal
    /// exponent is in -4..<16 (always with a fractional part, `100.0`), scientific otherwise (`1e-05`, `1e+16`).
    public var pythonRepr: String {
        if isNaN { return "nan" }
        if isInfinite { return self < 0 ? "-inf" : "inf" }
        if self == 0 { return sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, exponent) = shortestDigits
        let sign = negative ? "-" : ""
        if exponent >= -4 && exponent < 16 {
            if exponent < 0 {
                return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
            }
            let integerCount = exponent + 1
            if digits.count <= integerCount {
                return sign + digits + String(repeating: "0", count: integerCount - digits.count) + ".0"
            }
            let split = digits.index(digits.startIndex, offsetBy: integerCount)
            return sign + digits[..<split] + "." + digits[split...]
        }
        let mantissa = digits.count == 1 ? digits : String(digits.prefix(1)) + "." + digits.dropFirst()
        let exponentText = String(Swift.abs(exponent))
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exponentText.count < 2 ? "0" : "") + exponentText
    }

    /// The shortest round-tripping decimal digits (no leading or trailing zeros) and the decimal exponent of the first.
    private var shortestDigits: (negative: Bool, digits: String, exponent: Int) {
        // Swift's description is also shortest-round-trip; only its layout differs from Python's.
        var text = Swift.abs(self).description
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = integer + fraction
        exponent += integer.count - 1
        while digits.first == "0" && digits.count > 1 {
            digits.removeFirst()
            exponent -= 1
        }
        while digits.last == "0" && digits.count > 1 { digits.removeLast() }
        return (self < 0, digits, exponent)
    }
}
