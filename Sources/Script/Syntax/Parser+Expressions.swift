/// Binding strength of Python's binary operators, weakest first.
enum Precedence: Int, Comparable {
    case or = 1, and, not, comparison, bitOr, bitXor, bitAnd, shift, sum, term, factor

    static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The next-stronger level (the right operand of a left-associative operator binds this tightly).
    var next: Precedence { Precedence(rawValue: rawValue + 1) ?? .factor }
}

extension Parser {
    // MARK: Lists of expressions

    /// `star_expressions`: `*a, b` and friends; a comma makes a tuple.
    func parseStarExpressions() throws(Failure) -> Expr {
        let start = try peek().range.start
        let first = try parseStarExpression()
        guard try check(.comma) else { return first }
        var elements = [first]
        while try accept(.comma) != nil {
            guard try canStartExpression() else { break }
            elements.append(try parseStarExpression())
        }
        return Expr(.tuple(elements), range(from: start))
    }

    /// `star_expression: '*' bitwise_or | expression`.
    func parseStarExpression() throws(Failure) -> Expr {
        if let star = try accept(.star) {
            let value = try parseBinary(.bitOr)
            return Expr(.starred(value), range(from: star.range.start))
        }
        return try parseExpression()
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`.
    func parseStarNamedExpression() throws(Failure) -> Expr {
        if let star = try accept(.star) {
            let value = try parseBinary(.bitOr)
            return Expr(.starred(value), range(from: star.range.start))
        }
        return try parseNamedExpression()
    }

    /// The rest of `star_named_expressions` after `first` (a comma is next): the elements, allowing a trailing comma.
    func parseStarNamedExpressionsTail(_ first: Expr) throws(Failure) -> [Expr] {
        var elements = [first]
        while try accept(.comma) != nil {
            guard try canStartExpression() else { break }
            elements.append(try parseStarNamedExpression())
        }
        return elements
    }

    /// `expressions`: expressions separated by commas, a tuple if there is a comma (eval input, `except A, B`).
    func parseExpressions() throws(Failure) -> Expr {
        let start = try peek().range.start
        let first = try parseExpression()
        guard try check(.comma) else { return first }
        var elements = [first]
        while try accept(.comma) != nil {
            guard try canStartExpression(starred: false) else { break }
            elements.append(try parseExpression())
        }
        return Expr(.tuple(elements), range(from: start))
    }

    /// Whether the next token can begin an expression (a `*` only where starred expressions are allowed).
    func canStartExpression(starred: Bool = true) throws(Failure) -> Bool {
        switch try kind() {
        case .name, .number, .string, .leftParen, .leftBracket, .leftBrace, .minus, .plus, .tilde, .not, .lambda,
             .await, .none, .true, .false, .ellipsis:
            return true
        case .star:
            return starred
        default:
            return false
        }
    }

    // MARK: Expressions

    /// `named_expression`: `name := value` or an expression.
    func parseNamedExpression() throws(Failure) -> Expr {
        if try check(.name), try kind(1) == .colonEqual {
            let name = try advance()
            try advance()
            let value = try parseExpression()
            let target = Expr(.name(try identifier(name)), name.range)
            return Expr(.namedExpr(target: target, value: value), range(from: name.range.start))
        }
        let start = index
        let expression = try parseExpression()
        if diagnose {
            try diagnoseNamedExpression(expression, start: start)
        }
        if try check(.colonEqual) { throw .noMatch }
        return expression
    }

    /// `expression`: a conditional expression, a lambda, or a disjunction.
    func parseExpression() throws(Failure) -> Expr {
        try memoised(.expression) { () throws(Failure) -> Expr in try parseExpressionUncached() }
    }

    func parseExpressionUncached() throws(Failure) -> Expr {
        try enter()
        defer { leave() }
        if try check(.lambda) {
            return try parseLambda()
        }
        let start = index
        let startLocation = try peek().range.start
        let body = try memoised(.disjunction) { () throws(Failure) -> Expr in try parseBinary(.or) }
        if diagnose {
            try diagnoseExpression(body, start: start)
        }
        guard try check(.if) else { return body }
        // Without a complete `if ... else ...`, the expression is just the disjunction (as in CPython's PEG).
        let mark = index
        try advance()
        guard let test = try attempt({ () throws(Failure) -> Expr in try parseBinary(.or) }) else {
            index = mark
            return body
        }
        guard try check(.else) else {
            if diagnose, try !check(.colon) {
                throw .error(error(from: body.range, to: test.range, "expected 'else' after 'if' expression"))
            }
            index = mark
            return body
        }
        try advance()
        guard let orElse = try attempt({ () throws(Failure) -> Expr in try parseExpression() }) else {
            index = mark
            return body
        }
        return Expr(.conditional(test: test, body: body, orElse: orElse), range(from: startLocation))
    }

    /// `lambda [params]: expression`.
    func parseLambda() throws(Failure) -> Expr {
        let keyword = try advance()
        let parameters = try parseParameters(lambda: true)
        try expect(.colon)
        let body = try within(.function) { () throws(Failure) -> Expr in try parseExpression() }
        return Expr(.lambda(parameters, body), range(from: keyword.range.start))
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`.
    func parseYieldExpression() throws(Failure) -> Expr {
        let keyword = try advance()
        if try accept(.from) != nil {
            let value = try parseExpression()
            return Expr(.yieldFrom(value), range(from: keyword.range.start))
        }
        guard try canStartExpression() else {
            return Expr(.yield(nil), keyword.range)
        }
        let value = try parseStarExpressions()
        return Expr(.yield(value), range(from: keyword.range.start))
    }

    // MARK: Operators

    /// Binary and boolean operators and `not`, by precedence climbing: parses operators at least as strong as
    /// `minimum`. Left-associative chains are built in a loop, so long sums do not recurse.
    func parseBinary(_ minimum: Precedence) throws(Failure) -> Expr {
        try enter()
        defer { leave() }
        let start = try peek().range.start
        var left: Expr
        if minimum <= .not, let not = try accept(.not) {
            let operand = try parseBinary(.not)
            left = Expr(.unary(.not, operand), range(from: not.range.start))
        } else {
            left = try parseFactor()
        }
        while true {
            let token = try peek()
            switch token.kind {
            case .or where minimum <= .or, .and where minimum <= .and:
                let precedence: Precedence = token.kind == .or ? .or : .and
                var operands = [left]
                var failed = false
                while try check(token.kind) {
                    let mark = index
                    try advance()
                    guard let operand = try attempt({ () throws(Failure) -> Expr in
                        try parseBinary(precedence.next)
                    }) else {
                        index = mark
                        failed = true
                        break
                    }
                    operands.append(operand)
                }
                if operands.count > 1 {
                    left = Expr(.boolean(token.kind == .or ? .or : .and, operands), range(from: start))
                }
                if failed { return left }
            default:
                if minimum <= .comparison, let op = try comparisonOperator() {
                    var links: [Comparison] = []
                    var comparison: ComparisonOperator? = op
                    var failed = false
                    while let current = comparison {
                        let mark = index
                        try advance()
                        if current == .notIn || current == .isNot { try advance() }
                        guard let right = try attempt({ () throws(Failure) -> Expr in try parseBinary(.bitOr) }) else {
                            index = mark
                            failed = true
                            break
                        }
                        links.append(Comparison(op: current, right: right))
                        comparison = try comparisonOperator()
                    }
                    if !links.isEmpty { left = Expr(.compare(left, links), range(from: start)) }
                    if failed { return left }
                } else if let (op, precedence) = binaryOperator(token.kind), precedence >= minimum {
                    // An operator without a right operand ends the expression before it (CPython's PEG).
                    let mark = index
                    try advance()
                    guard let right = try attempt({ () throws(Failure) -> Expr in
                        try parseBinary(precedence.next)
                    }) else {
                        index = mark
                        return left
                    }
                    left = Expr(.binary(left, op, right), range(from: start))
                } else {
                    return left
                }
            }
        }
    }

    /// The comparison operator starting at the next token (reading a second token for `not in` and `is not`).
    func comparisonOperator() throws(Failure) -> ComparisonOperator? {
        switch try kind() {
        case .equalEqual: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        case .in: return .in
        case .is: return try kind(1) == .not ? .isNot : .is
        case .not: return try kind(1) == .in ? .notIn : nil
        default: return nil
        }
    }

    /// The arithmetic or bitwise operator a token spells, with its precedence.
    func binaryOperator(_ kind: Token.Kind) -> (BinaryOperator, Precedence)? {
        switch kind {
        case .vbar: return (.bitOr, .bitOr)
        case .circumflex: return (.bitXor, .bitXor)
        case .ampersand: return (.bitAnd, .bitAnd)
        case .leftShift: return (.leftShift, .shift)
        case .rightShift: return (.rightShift, .shift)
        case .plus: return (.add, .sum)
        case .minus: return (.subtract, .sum)
        case .star: return (.multiply, .term)
        case .slash: return (.divide, .term)
        case .doubleSlash: return (.floorDivide, .term)
        case .percent: return (.modulo, .term)
        case .at: return (.matrixMultiply, .term)
        default: return nil
        }
    }

    /// `factor: ('+' | '-' | '~') factor | power`, memoised by position as in CPython (operands are re-tried
    /// when an operator after them finds no right operand).
    func parseFactor() throws(Failure) -> Expr {
        try memoised(.factor) { () throws(Failure) -> Expr in try parseFactorUncached() }
    }

    func parseFactorUncached() throws(Failure) -> Expr {
        let token = try peek()
        let op: UnaryOperator
        switch token.kind {
        case .plus: op = .plus
        case .minus: op = .negate
        case .tilde: op = .invert
        default: return try parsePower()
        }
        try enter()
        defer { leave() }
        try advance()
        let operand = try parseFactor()
        return Expr(.unary(op, operand), range(from: token.range.start))
    }

    /// `power: await_primary '**' factor`: right-associative, binding tighter than a unary operator on its left.
    func parsePower() throws(Failure) -> Expr {
        let start = try peek().range.start
        var base: Expr
        if let awaitToken = try accept(.await) {
            let value = try parsePrimary()
            let where_ = range(from: awaitToken.range.start)
            base = Expr(.await(value), where_)
            switch scopes.last {
            case .function?: compileErrors.append(("'await' outside async function", where_))
            case .asyncFunction?: unsupported("'await' is not supported", at: where_)
            default: compileErrors.append(("'await' outside function", where_))
            }
        } else {
            base = try parsePrimary()
        }
        let mark = index
        guard try accept(.doubleStar) != nil else { return base }
        try enter()
        defer { leave() }
        guard let exponent = try attempt({ () throws(Failure) -> Expr in try parseFactor() }) else {
            index = mark
            return base
        }
        base = Expr(.binary(base, .power, exponent), range(from: start))
        return base
    }
}
