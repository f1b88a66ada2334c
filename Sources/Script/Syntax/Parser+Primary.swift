import Foundation

extension Parser {
    // MARK: Primaries

    /// `primary`: an atom followed by attribute accesses, calls and subscripts.
    func parsePrimary() throws(Failure) -> Expr {
        let start = try peek().range.start
        var expression = try parseAtom()
        while true {
            // A trailer that fails to parse leaves the shorter primary, as in CPython's PEG grammar.
            let mark = index
            let trailer = try attempt { () throws(Failure) -> Expr? in
                switch try kind() {
                case .dot:
                    try advance()
                    let name = try expect(.name)
                    return Expr(.attribute(expression, try identifier(name)), range(from: start))
                case .leftParen:
                    let open = try advance()
                    let (arguments, keywords) = try parseCallArguments(open: open)
                    return Expr(.call(expression, arguments: arguments, keywords: keywords), range(from: start))
                case .leftBracket:
                    try advance()
                    let index = try parseSlices()
                    try expect(.rightBracket)
                    return Expr(.subscript(expression, index), range(from: start))
                default:
                    return nil
                }
            }
            guard let next = trailer ?? nil else {
                index = mark
                return expression
            }
            expression = next
        }
    }

    /// `atom`: a name, literal, or bracketed display.
    func parseAtom() throws(Failure) -> Expr {
        let token = try peek()
        switch token.kind {
        case .name:
            try advance()
            return Expr(.name(try identifier(token)), token.range)
        case .true, .false, .none:
            try advance()
            let value: Constant = token.kind == .none ? .none : .bool(token.kind == .true)
            return Expr(.constant(value), token.range)
        case .ellipsis:
            try advance()
            return Expr(.constant(.ellipsis), token.range)
        case .number:
            try advance()
            return try parseNumber(token)
        case .string:
            return try parseStrings()
        case .leftParen:
            return try parseParenthesized()
        case .leftBracket:
            return try parseBracketed()
        case .leftBrace:
            return try parseBraced()
        default:
            throw .noMatch
        }
    }

    /// A name as Python stores it: NFKC-normalised when it is not ASCII (PEP 3131).
    func identifier(_ token: Token) throws(Failure) -> String {
        let text = token.text
        if text.utf8.allSatisfy({ $0 < 128 }) { return text }
        return text.precomposedStringWithCompatibilityMapping
    }

    /// A number token as a constant; imaginary literals parse but are refused.
    func parseNumber(_ token: Token) throws(Failure) -> Expr {
        switch NumberLiteral.value(of: token.text) {
        case .int(let digits):
            return Expr(.constant(.int(IntLiteral(digits: digits))), token.range)
        case .float(let value):
            return Expr(.constant(.float(value)), token.range)
        case .imaginary:
            unsupported("complex numbers are not supported", at: token.range)
            return Expr(.constant(.float(0)), token.range)
        }
    }

    // MARK: Subscripts

    /// `slices`: one slice or index, or several separated by commas (a tuple).
    func parseSlices() throws(Failure) -> Expr {
        let start = try peek().range.start
        let first = try parseSlice()
        guard try check(.comma) || isStarred(first) else { return first }
        var elements = [first]
        while try accept(.comma) != nil {
            if try check(.rightBracket) { break }
            elements.append(try parseSlice())
        }
        return Expr(.tuple(elements), range(from: start))
    }

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`, or `*expression`.
    func parseSlice() throws(Failure) -> Expr {
        let start = try peek()
        if start.kind == .star {
            try advance()
            let value = try parseExpression()
            return Expr(.starred(value), range(from: start.range.start))
        }
        var lower: Expr?
        if start.kind != .colon {
            if try check(.name), try kind(1) == .colonEqual {
                return try parseNamedExpression()
            }
            let startIndex = index
            let expression = try parseExpression()
            guard try check(.colon) else {
                if diagnose { try diagnoseNamedExpression(expression, start: startIndex) }
                if try check(.colonEqual) { throw .noMatch }
                return expression
            }
            lower = expression
        }
        try advance()
        let upper = try canStartExpression(starred: false) ? try parseExpression() : nil
        var step: Expr?
        if try accept(.colon) != nil, try canStartExpression(starred: false) {
            step = try parseExpression()
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), range(from: start.range.start))
    }

    func isStarred(_ expression: Expr) -> Bool {
        if case .starred = expression.kind { return true }
        return false
    }

    // MARK: Call arguments

    /// The arguments of a call (or class bases) after `open`, through the closing parenthesis. A lone generator
    /// argument `f(x for x in y)` is a generator expression whose range includes the call's parentheses.
    func parseCallArguments(open: Token, allowGenerator: Bool = true) throws(Failure) -> ([Expr], [Keyword]) {
        let openIndex = index
        let result = Result { () throws(Failure) -> ([Expr], [Keyword]) in
            try parseArgumentList(open: open, allowGenerator: allowGenerator)
        }
        switch result {
        case .success(let arguments):
            return arguments
        case .failure(.error(let error)):
            throw .error(error)
        case .failure(.noMatch):
            if diagnose {
                index = openIndex
                try diagnoseArguments(open: open)
            }
            throw .noMatch
        }
    }

    func parseArgumentList(open: Token, allowGenerator: Bool) throws(Failure) -> ([Expr], [Keyword]) {
        var positional: [Expr] = []
        var keywords: [Keyword] = []
        var sawKeyword = false
        var sawUnpacking = false
        while try !check(.rightParen) {
            let token = try peek()
            if token.kind == .star {
                if sawUnpacking { throw .noMatch }
                try advance()
                let value = try parseExpression()
                positional.append(Expr(.starred(value), range(from: token.range.start)))
            } else if token.kind == .doubleStar {
                try advance()
                let value = try parseExpression()
                keywords.append(Keyword(name: nil, value: value, range: range(from: token.range.start)))
                sawUnpacking = true
            } else if token.kind == .name, try kind(1) == .equal {
                try advance()
                try advance()
                let value = try parseExpression()
                keywords.append(Keyword(name: try identifier(token), value: value, range: range(from: token.range.start)))
                sawKeyword = true
            } else {
                if sawKeyword || sawUnpacking { throw .noMatch }
                let value = try parseArgumentExpression()
                if try startsComprehensionClause() {
                    guard allowGenerator, positional.isEmpty, keywords.isEmpty else { throw .noMatch }
                    let clauses = try parseComprehensionClauses()
                    guard try check(.rightParen) else { throw .noMatch }
                    let close = try advance()
                    return ([asyncGenerator(Expr(.generator(value, clauses), range(from: open, to: close)))], [])
                }
                if try check(.equal) { throw .noMatch }
                positional.append(value)
            }
            guard try accept(.comma) != nil else { break }
        }
        try expect(.rightParen)
        return (positional, keywords)
    }

    /// `assignment_expression | expression !':='`, as a call argument.
    func parseArgumentExpression() throws(Failure) -> Expr {
        if try check(.name), try kind(1) == .colonEqual {
            return try parseNamedExpression()
        }
        let value = try parseExpression()
        if try check(.colonEqual) { throw .noMatch }
        return value
    }
}

/// The value of a number literal's text, as CPython computes it.
enum NumberLiteral: Equatable {
    /// An integer, as decimal digits.
    case int(String)
    case float(Double)
    /// A literal ending in `j`.
    case imaginary

    /// Reads a NUMBER token's text (already checked by the lexer).
    static func value(of text: String) -> NumberLiteral {
        let clean = text.filter { $0 != "_" }
        if let last = clean.last, last == "j" || last == "J" { return .imaginary }
        let lower = clean.lowercased()
        if lower.hasPrefix("0x") { return .int(decimalDigits(String(lower.dropFirst(2)), radix: 16)) }
        if lower.hasPrefix("0o") { return .int(decimalDigits(String(lower.dropFirst(2)), radix: 8)) }
        if lower.hasPrefix("0b") { return .int(decimalDigits(String(lower.dropFirst(2)), radix: 2)) }
        if lower.contains(".") || lower.contains("e") {
            return .float(parseFloat(lower))
        }
        let trimmed = clean.drop(while: { $0 == "0" })
        return .int(trimmed.isEmpty ? "0" : String(trimmed))
    }

    /// A correctly rounded double from decimal text (`1.`, `.5`, `1e400` = inf, as Python reads them).
    static func parseFloat(_ text: String) -> Double {
        var normalized = text
        if normalized.hasPrefix(".") { normalized = "0" + normalized }
        if let dot = normalized.firstIndex(of: ".") {
            let after = normalized.index(after: dot)
            if after == normalized.endIndex || normalized[after] == "e" {
                normalized.insert("0", at: after)
            }
        }
        return Double(normalized) ?? 0
    }

    /// Converts digits in `radix` to decimal digits, for integers of any size.
    static func decimalDigits(_ digits: String, radix: UInt64) -> String {
        // Little-endian limbs in base 10^9.
        var limbs: [UInt64] = [0]
        let base: UInt64 = 1_000_000_000
        for character in digits {
            guard let digit = character.hexDigitValue else { continue }
            var carry = UInt64(digit)
            for i in limbs.indices {
                let value = limbs[i] * radix + carry
                limbs[i] = value % base
                carry = value / base
            }
            while carry > 0 {
                limbs.append(carry % base)
                carry /= base
            }
        }
        var text = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}
