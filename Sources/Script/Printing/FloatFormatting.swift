/// CPython's float-to-text conversion (`PyOS_double_to_string`) in its four styles, before any width, fill or sign
/// option is applied.
///
/// Each style first picks significant digits, correctly rounded with ties to even on the exact binary value, then
/// lays them out: `f` with a fixed count of places, `e` with a fixed count of significant digits, `g` with either
/// layout by the exponent, and `r` with the shortest digits that read back (Python's `repr`).
enum FloatFormatting {
    /// The four styles.
    enum Style {
        /// Fixed point (`'f'`, `'F'`, `'%'`).
        case fixed
        /// Scientific (`'e'`, `'E'`).
        case scientific
        /// General (`'g'`, `'G'`, `'n'`, and `''` with a precision).
        case general
        /// The shortest round-tripping digits (`''` without a precision).
        case repr
    }

    /// A rendering: the text without its sign, and whether a minus sign belongs in front.
    struct Parts: Equatable {
        var negative: Bool
        var body: String

        /// The text with its minus sign.
        var signed: String { negative ? "-" + body : body }
    }

    /// `'%.{precision}f'` of `value`, signed.
    static func fixed(_ value: Double, precision: Int) -> String {
        render(value, style: .fixed, precision: precision).signed
    }

    /// `'%.{precision}e'` of `value`, signed.
    static func scientific(_ value: Double, precision: Int) -> String {
        render(value, style: .scientific, precision: precision).signed
    }

    /// Renders a float as CPython does.
    ///
    /// - `alternate`: the `#` option: keep a trailing point, and in `general` style keep trailing zeros.
    /// - `addDotZero`: the `''` presentation type's rule: a result with neither point nor exponent gains `.0`, and
    ///   `general` style switches to an exponent one digit earlier.
    /// - `noNegativeZero`: the `z` option: a result that rounds to zero loses its minus sign.
    /// - `upper`: `E`, `F`, `G`: `INF`, `NAN` and `E` in capitals.
    static func render(_ value: Double, style: Style, precision: Int, alternate: Bool = false,
                       addDotZero: Bool = false, noNegativeZero: Bool = false, upper: Bool = false) -> Parts {
        if value.isNaN { return Parts(negative: false, body: upper ? "NAN" : "nan") }
        if value.isInfinite { return Parts(negative: value < 0, body: upper ? "INF" : "inf") }
        let exact = ExactDecimal(magnitudeOf: value)
        let rounded: ExactDecimal
        var precision = precision
        switch style {
        case .fixed: rounded = exact.rounded(keeping: exact.pointPosition + precision)
        case .scientific:
            precision += 1
            rounded = exact.rounded(keeping: precision)
        case .general:
            precision = Swift.max(precision, 1)
            rounded = exact.rounded(keeping: precision)
        case .repr: rounded = ExactDecimal.shortest(value)
        }
        // A zero result is the single digit 0 with the point after it, as dtoa reports it.
        let digits = rounded.isZero ? [0] : rounded.digits
        var point = rounded.isZero ? 1 : rounded.pointPosition
        var negative = value.sign == .minus
        if noNegativeZero && rounded.isZero { negative = false }

        var useExponent = false
        var digitsEnd = digits.count
        switch style {
        case .scientific:
            useExponent = true
            digitsEnd = precision
        case .fixed:
            digitsEnd = point + precision
        case .general:
            if point <= -4 || point > (addDotZero ? precision - 1 : precision) { useExponent = true }
            if alternate { digitsEnd = precision }
        case .repr:
            if point <= -4 || point > 16 { useExponent = true }
        }
        var exponent = 0
        if useExponent {
            exponent = point - 1
            point = 1
        }
        // The output is a window [digitsStart, digitsEnd) of the digits padded with zeros on both sides, with the
        // point inside it.
        let digitsStart = point <= 0 ? point - 1 : 0
        if !useExponent && addDotZero {
            digitsEnd = Swift.max(digitsEnd, point + 1)
        } else {
            digitsEnd = Swift.max(digitsEnd, point)
        }
        var body = ""
        body.reserveCapacity(Swift.max(digitsEnd - digitsStart, 0) + 8)
        for position in digitsStart..<Swift.max(digitsEnd, digitsStart) {
            if position == point { body.append(".") }
            let digit = position >= 0 && position < digits.count ? digits[position] : 0
            body.unicodeScalars.append(Unicode.Scalar(48 + digit))
        }
        if point == digitsEnd { body.append(".") }
        if body.last == "." && !alternate { body.removeLast() }
        if useExponent {
            let magnitude = String(Swift.abs(exponent))
            body += (upper ? "E" : "e") + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        return Parts(negative: negative, body: body)
    }
}

extension ExactDecimal {
    /// The shortest digits that read back as `value` (finite), as Python's `repr` picks them.
    static func shortest(_ value: Double) -> ExactDecimal {
        // Swift's description is also shortest-round-trip; only its layout differs from Python's.
        var text = Swift.abs(value).description
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: marker)...]) ?? 0
            text = String(text[..<marker])
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for character in text {
            if character == "." {
                seenPoint = true
                continue
            }
            guard let digit = character.wholeNumberValue else { continue }
            if digits.isEmpty && digit == 0 {
                // Leading zeros move the point left once past it.
                if seenPoint { point -= 1 }
                continue
            }
            digits.append(UInt8(digit))
            if !seenPoint { point += 1 }
        }
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { return ExactDecimal(digits: [], pointPosition: 0) }
        return ExactDecimal(digits: digits, pointPosition: point + exponent)
    }
}
