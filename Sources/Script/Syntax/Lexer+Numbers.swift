extension Lexer {
    /// A number literal whose first digit `first` was just read: decimal, hex, octal or binary integers with
    /// underscores, floats with fractions and exponents, and imaginary numbers (which the parser rejects later).
    /// The literal's text is checked here; its value is computed by `NumberLiteral`.
    mutating func number(_ first: Unicode.Scalar) -> Token.Kind {
        var c: Unicode.Scalar?
        if first == "0" {
            c = next()
            if c == "x" || c == "X" {
                return radixInteger(kind: "hexadecimal", isDigit: Self.isHexDigit, reportsDecimalDigits: false)
            }
            if c == "o" || c == "O" {
                return radixInteger(kind: "octal", isDigit: { $0 >= "0" && $0 <= "7" }, reportsDecimalDigits: true)
            }
            if c == "b" || c == "B" {
                return radixInteger(kind: "binary", isDigit: { $0 == "0" || $0 == "1" }, reportsDecimalDigits: true)
            }
            // Zero, or digits after a leading zero (an old-style octal, now an error unless it turns into a float).
            var nonZero = false
            while true {
                if c == "_" {
                    c = next()
                    if !isDigit(c) {
                        backup(c)
                        return syntaxError("invalid decimal literal")
                    }
                }
                if c != "0" { break }
                c = next()
            }
            let zerosEnd = pos
            if isDigit(c) {
                nonZero = true
                let tail = decimalTail()
                guard tail.ok else { return .error }
                c = tail.next
            }
            if c == "." {
                return fraction(next())
            } else if c == "e" || c == "E", let e = c {
                return exponent(e)
            } else if c == "j" || c == "J" {
                return imaginary()
            } else if nonZero {
                backup(c)
                return syntaxError(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    offset: tokenStart + 1 - lineStart, endOffset: zerosEnd - lineStart)
            }
            if !verifyEndOfNumber(c, kind: "decimal") { return .error }
            return finishNumber(c)
        }
        let tail = decimalTail()
        guard tail.ok else { return .error }
        c = tail.next
        if c == "." {
            return fraction(next())
        }
        return exponentOrEnd(c)
    }

    /// The digits after a decimal point; `c` is the character after the point.
    mutating func fraction(_ c: Unicode.Scalar?) -> Token.Kind {
        var c = c
        if isDigit(c) {
            let tail = decimalTail()
            guard tail.ok else { return .error }
            c = tail.next
        }
        return exponentOrEnd(c)
    }

    /// An optional exponent and imaginary suffix after the integer or fraction part; `c` is the next character.
    mutating func exponentOrEnd(_ c: Unicode.Scalar?) -> Token.Kind {
        if let e = c, e == "e" || e == "E" {
            return exponent(e)
        }
        if c == "j" || c == "J" {
            return imaginary()
        }
        if !verifyEndOfNumber(c, kind: "decimal") { return .error }
        return finishNumber(c)
    }

    /// An exponent: `e` was read. A lone `e` not followed by digits ends the number before it (`1else`).
    mutating func exponent(_ e: Unicode.Scalar) -> Token.Kind {
        var c = next()
        if c == "+" || c == "-" {
            c = next()
            if !isDigit(c) {
                backup(c)
                return syntaxError("invalid decimal literal")
            }
        } else if !isDigit(c) {
            backup(c)
            if !verifyEndOfNumber(e, kind: "decimal") { return .error }
            backup(e)
            return emit(.number, from: tokenStart, to: pos)
        }
        let tail = decimalTail()
        guard tail.ok else { return .error }
        c = tail.next
        if c == "j" || c == "J" {
            return imaginary()
        }
        if !verifyEndOfNumber(c, kind: "decimal") { return .error }
        return finishNumber(c)
    }

    /// The `j` of an imaginary literal was read.
    mutating func imaginary() -> Token.Kind {
        let c = next()
        if !verifyEndOfNumber(c, kind: "imaginary") { return .error }
        return finishNumber(c)
    }

    mutating func finishNumber(_ c: Unicode.Scalar?) -> Token.Kind {
        backup(c)
        return emit(.number, from: tokenStart, to: pos)
    }

    /// Hex, octal or binary digits after the prefix, with single underscores between digits.
    mutating func radixInteger(
        kind: String, isDigit digit: (Unicode.Scalar) -> Bool, reportsDecimalDigits: Bool
    ) -> Token.Kind {
        var c = next()
        repeat {
            if c == "_" { c = next() }
            guard let d = c, digit(d) else {
                if reportsDecimalDigits, let d = c, Self.isDigit(d) {
                    return syntaxError("invalid digit '\(d)' in \(kind) literal")
                }
                backup(c)
                return syntaxError("invalid \(kind) literal")
            }
            repeat { c = next() } while c.map(digit) ?? false
        } while c == "_"
        if reportsDecimalDigits, let d = c, Self.isDigit(d) {
            return syntaxError("invalid digit '\(d)' in \(kind) literal")
        }
        if !verifyEndOfNumber(c, kind: kind) { return .error }
        return finishNumber(c)
    }

    /// Decimal digits with single underscores between them, after one digit was read; returns the character after
    /// them, or `ok == false` after reporting "invalid decimal literal".
    mutating func decimalTail() -> (next: Unicode.Scalar?, ok: Bool) {
        var c: Unicode.Scalar?
        while true {
            repeat { c = next() } while isDigit(c)
            if c != "_" { break }
            c = next()
            if !isDigit(c) {
                backup(c)
                syntaxError("invalid decimal literal")
                return (nil, false)
            }
        }
        return (c, true)
    }

    /// CPython's `verify_end_of_number`: a number may be followed directly by `and`, `else`, `for`, `if`, `in`,
    /// `is`, `not` or `or` (with a warning), but not by other letters, digits or underscores.
    mutating func verifyEndOfNumber(_ c: Unicode.Scalar?, kind: String) -> Bool {
        guard let c else { return true }
        var allowed = false
        switch c {
        case "a": allowed = lookahead("nd")
        case "e": allowed = lookahead("lse")
        case "f": allowed = lookahead("or")
        case "i":
            let c2 = next()
            allowed = c2 == "f" || c2 == "n" || c2 == "s"
            backup(c2)
        case "o": allowed = lookahead("r")
        case "n": allowed = lookahead("ot")
        default: break
        }
        if allowed { return true }
        if c.value < 128 && Self.isIdentifierChar(c) {
            backup(c)
            syntaxError("invalid \(kind) literal")
            return false
        }
        return true
    }

    /// Whether the next characters spell `rest` and no identifier character follows; reads nothing either way.
    mutating func lookahead(_ rest: String) -> Bool {
        var read: [Unicode.Scalar?] = []
        var result = false
        for expected in rest.unicodeScalars {
            let c = next()
            read.append(c)
            if c != expected {
                for r in read.reversed() { backup(r) }
                return false
            }
        }
        let c = next()
        read.append(c)
        result = !(c.map(Self.isIdentifierChar) ?? false)
        for r in read.reversed() { backup(r) }
        return result
    }

    func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return Self.isDigit(c)
    }
}
