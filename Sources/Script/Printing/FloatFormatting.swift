/// CPython's renderings of a float in the fixed, scientific and general styles, before any padding or sign option.
///
/// Each returns the magnitude's text and whether a minus sign belongs in front, so callers can apply `+`, ` `, `z`
/// and zero padding. NaN never carries a sign, as in CPython (`format(-nan, 'f')` is `nan`).
enum FloatFormatting {
    /// A rendering: the text without sign, and whether the value is negative.
    struct Parts {
        var negative: Bool
        var body: String
    }

    /// `'%.{precision}f'`: exactly `precision` digits after the point (none, and no point, for zero precision unless
    /// `alternate` keeps it, as `#` does).
    static func fixed(_ value: Double, precision: Int, alternate: Bool = false, upper: Bool = false) -> Parts {
        if let special = special(value, upper: upper) { return special }
        let (integer, fraction) = ExactDecimal(magnitudeOf: value).fixed(precision: precision)
        var body = integer
        if precision > 0 || alternate { body += "." }
        body += fraction
        return Parts(negative: value.sign == .minus, body: body)
    }

    /// `'%.{precision}e'`: one digit, the point, `precision` digits, then `e`, the exponent's sign and at least two
    /// exponent digits.
    static func scientific(_ value: Double, precision: Int, alternate: Bool = false, upper: Bool = false) -> Parts {
        if let special = special(value, upper: upper) { return special }
        let (digits, exponent) = ExactDecimal(magnitudeOf: value).scientific(significant: precision + 1)
        var body = String(digits.prefix(1))
        if precision > 0 || alternate { body += "." }
        body += digits.dropFirst()
        body += exponentSuffix(exponent, upper: upper)
        return Parts(negative: value.sign == .minus, body: body)
    }

    /// `'%.{precision}g'`: `precision` significant digits (zero counts as one) in fixed notation when the exponent
    /// is at least -4 and below the precision, scientific otherwise; trailing zeros go unless `alternate`.
    /// `addDotZero` is the `''` presentation type's rule: a result without point or exponent gains `.0`.
    static func general(_ value: Double, precision: Int, alternate: Bool = false, upper: Bool = false,
                        addDotZero: Bool = false) -> Parts {
        if let special = special(value, upper: upper) { return special }
        let significant = max(precision, 1)
        let decimal = ExactDecimal(magnitudeOf: value)
        let (digits, exponent) = decimal.scientific(significant: significant)
        var body: String
        if exponent >= -4 && exponent < significant {
            let fractionCount = significant - 1 - exponent
            body = fixedLayout(digits: digits, exponent: exponent, fractionCount: fractionCount)
            if !alternate {
                body = trimmingFraction(body)
            } else if !body.contains(".") {
                body += "."
            }
        } else {
            var mantissa = String(digits.prefix(1))
            if significant > 1 || alternate { mantissa += "." + digits.dropFirst() }
            if !alternate { mantissa = trimmingFraction(mantissa) }
            body = mantissa + exponentSuffix(exponent, upper: upper)
        }
        if addDotZero && !body.contains(".") && !body.contains(upper ? "E" : "e") { body += ".0" }
        return Parts(negative: value.sign == .minus, body: body)
    }

    /// Python's `repr` of the float's magnitude (`1e-05`, `100.0`), for the `''` presentation type without
    /// precision and `'r'`.
    static func repr(_ value: Double) -> Parts {
        if value.isNaN { return Parts(negative: false, body: "nan") }
        let text = Swift.abs(value).pythonRepr
        return Parts(negative: value.sign == .minus, body: text)
    }

    /// Spells out infinities and NaN, or returns nil for a finite value.
    private static func special(_ value: Double, upper: Bool) -> Parts? {
        if value.isNaN { return Parts(negative: false, body: upper ? "NAN" : "nan") }
        if value.isInfinite { return Parts(negative: value < 0, body: upper ? "INF" : "inf") }
        return nil
    }

    /// `e+05`, `e-12`, `e+123`.
    private static func exponentSuffix(_ exponent: Int, upper: Bool) -> String {
        let digits = String(Swift.abs(exponent))
        return (upper ? "E" : "e") + (exponent < 0 ? "-" : "+") + (digits.count < 2 ? "0" : "") + digits
    }

    /// Lays significant digits starting at 10^exponent out with `fractionCount` digits after the point.
    private static func fixedLayout(digits: String, exponent: Int, fractionCount: Int) -> String {
        let characters = Array(digits)
        var integer = ""
        var fraction = ""
        if exponent >= 0 {
            for index in 0...exponent { integer.append(index < characters.count ? characters[index] : "0") }
        } else {
            integer = "0"
        }
        for offset in 0..<max(fractionCount, 0) {
            let index = exponent + 1 + offset
            fraction.append(index >= 0 && index < characters.count ? characters[index] : "0")
        }
        return fraction.isEmpty ? integer : integer + "." + fraction
    }

    /// Drops trailing zeros after a point, and the point if nothing follows it.
    private static func trimmingFraction(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result = result.dropLast() }
        if result.last == "." { result = result.dropLast() }
        return String(result)
    }
}
