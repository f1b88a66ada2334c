extension Parser {
    /// `(`: an empty tuple, a tuple, a parenthesised expression (a group), a `yield`, or a generator expression.
    func parseParenthesized() throws(Failure) -> Expr {
        try enter()
        defer { leave() }
        let open = try advance()
        if let close = try accept(.rightParen) {
            return Expr(.tuple([]), range(from: open, to: close))
        }
        if try check(.yield) {
            let value = try parseYieldExpression()
            try expect(.rightParen)
            return value
        }
        if diagnose, try check(.doubleStar) {
            let star = try peek()
            try advance()
            if try attempt({ () throws(Failure) -> Expr in try parseExpression() }) != nil,
               try check(.rightParen) {
                throw .error(error(at: star, "cannot use double starred expression here"))
            }
            throw .noMatch
        }
        let first = try parseStarNamedExpression()
        switch try kind() {
        case .comma:
            let elements = try parseStarNamedExpressionsTail(first)
            try diagnoseStarredElement(first, closing: .rightParen)
            let close = try expect(.rightParen)
            return Expr(.tuple(elements), range(from: open, to: close))
        case .for, .async:
            try checkComprehensionElement(first, open: open)
            let clauses = try parseComprehensionClauses()
            let close = try expect(.rightParen)
            return asyncGenerator(Expr(.generator(first, clauses), range(from: open, to: close)))
        case .rightParen:
            if isStarred(first) {
                if diagnose {
                    throw .error(error(at: first.range, "cannot use starred expression here"))
                }
                throw .noMatch
            }
            try advance()
            return first
        default:
            try diagnoseStarredElement(first, closing: .rightParen)
            throw .noMatch
        }
    }

    /// When a display starting `*x` cannot close: CPython's `invalid_comprehension` reparses `*expression`, which can
    /// show "Perhaps you forgot a comma?" (`[*a b]`).
    func diagnoseStarredElement(_ first: Expr, closing: Token.Kind) throws(Failure) {
        guard diagnose, isStarred(first), try !check(closing) else { return }
        let mark = index
        defer { index = mark }
        guard let start = tokens.firstIndex(where: { $0.range.start == first.range.start }) else { return }
        index = start + 1
        _ = try attempt { () throws(Failure) -> Expr in try parseExpression() }
    }

    /// `[`: a list display or a list comprehension.
    func parseBracketed() throws(Failure) -> Expr {
        try enter()
        defer { leave() }
        let open = try advance()
        if let close = try accept(.rightBracket) {
            return Expr(.list([]), range(from: open, to: close))
        }
        let first = try parseStarNamedExpression()
        if try startsComprehensionClause() {
            try checkComprehensionElement(first, open: open)
            let clauses = try parseComprehensionClauses()
            let close = try expect(.rightBracket)
            return asyncChecked(Expr(.listComprehension(first, clauses), range(from: open, to: close)))
        }
        let elements = try check(.comma) ? try parseStarNamedExpressionsTail(first) : [first]
        if diagnose, try startsComprehensionClause() {
            try diagnoseUnparenthesisedTarget(elements)
        }
        try diagnoseStarredElement(first, closing: .rightBracket)
        let close = try expect(.rightBracket)
        return Expr(.list(elements), range(from: open, to: close))
    }

    /// `{`: a dict or set display, or a dict or set comprehension.
    func parseBraced() throws(Failure) -> Expr {
        try enter()
        defer { leave() }
        let open = try advance()
        if let close = try accept(.rightBrace) {
            return Expr(.dict([]), range(from: open, to: close))
        }
        if try check(.doubleStar) {
            let star = try advance()
            let value = try parseBinary(.bitOr)
            if try startsComprehensionClause() {
                if diagnose,
                   try attempt({ () throws(Failure) -> [Comprehension] in
                       try parseComprehensionClauses()
                   }) != nil, try check(.rightBrace) {
                    throw .error(error(at: star, "dict unpacking cannot be used in dict comprehension"))
                }
                throw .noMatch
            }
            return try parseDictRest([.unpack(value)], open: open)
        }
        let firstToken = try peek()
        let first = try parseStarNamedExpression()
        if try check(.colon), isDictKey(first, firstToken: firstToken) {
            let colon = try advance()
            let value = try parseDictValue(colon: colon)
            if try startsComprehensionClause() {
                let clauses = try parseComprehensionClauses()
                let close = try expect(.rightBrace)
                return asyncChecked(
                    Expr(.dictComprehension(key: first, value: value, clauses), range(from: open, to: close)))
            }
            return try parseDictRest([.pair(key: first, value: value)], open: open)
        }
        if try startsComprehensionClause() {
            try checkComprehensionElement(first, open: open)
            let clauses = try parseComprehensionClauses()
            let close = try expect(.rightBrace)
            return asyncChecked(Expr(.setComprehension(first, clauses), range(from: open, to: close)))
        }
        let elements = try check(.comma) ? try parseStarNamedExpressionsTail(first) : [first]
        if diagnose, try startsComprehensionClause() {
            try diagnoseUnparenthesisedTarget(elements)
        }
        try diagnoseStarredElement(first, closing: .rightBrace)
        let close = try expect(.rightBrace)
        return Expr(.set(elements), range(from: open, to: close))
    }

    /// A generator expression with `async for` is allowed anywhere by CPython, but not run by Attend.
    func asyncGenerator(_ generator: Expr) -> Expr {
        if sawAsyncComprehension {
            sawAsyncComprehension = false
            unsupported("asynchronous generator expressions are not supported", at: generator.range)
        }
        return generator
    }

    /// A list, set or dict comprehension with `async for` needs an `async def` around it.
    func asyncChecked(_ comprehension: Expr) -> Expr {
        if sawAsyncComprehension {
            sawAsyncComprehension = false
            requireAsync(
                "asynchronous comprehension outside of an asynchronous function",
                unsupported: "asynchronous comprehensions are not supported", at: comprehension.range)
        }
        return comprehension
    }

    /// Whether an expression parsed as a set element can be a dict key (`expression`, not `*x` or a bare `:=`).
    func isDictKey(_ expression: Expr, firstToken: Token) -> Bool {
        switch expression.kind {
        case .starred: return false
        case .namedExpr: return expression.range.start != firstToken.range.start
        default: return true
        }
    }

    /// The value after a dict key's colon, with CPython's messages for `{k: *v}` and `{k: }`.
    /// (CPython raises these from `invalid_double_starred_kvpairs`, which it tries in its first pass too.)
    func parseDictValue(colon: Token) throws(Failure) -> Expr {
        if let star = try accept(.star) {
            if try attempt({ () throws(Failure) -> Expr in try parseBinary(.bitOr) }) != nil {
                throw .error(error(startingFrom: star.range, "cannot use a starred expression in a dictionary value"))
            }
            throw .noMatch
        }
        if try check(.rightBrace, .comma) {
            throw .error(error(at: colon, "expression expected after dictionary key and ':'"))
        }
        return try parseExpression()
    }

    /// The entries of a dict display after the first, through the closing brace.
    func parseDictRest(_ first: [DictEntry], open: Token) throws(Failure) -> Expr {
        var entries = first
        while try accept(.comma) != nil {
            if try check(.rightBrace) { break }
            if try accept(.doubleStar) != nil {
                entries.append(.unpack(try parseBinary(.bitOr)))
                continue
            }
            let key = try parseExpression()
            guard try check(.colon) else {
                // CPython's `invalid_kvpair`, tried in its first pass too.
                throw .error(makeError(
                    .syntaxError, "':' expected after dictionary key", line: key.range.start.line,
                    offset: key.range.end.column, endLine: key.range.end.line, endOffset: 0))
            }
            let colon = try advance()
            entries.append(.pair(key: key, value: try parseDictValue(colon: colon)))
        }
        let close = try expect(.rightBrace)
        return Expr(.dict(entries), range(from: open, to: close))
    }

    /// A comprehension's element may not be `*x` ("iterable unpacking cannot be used in comprehension").
    func checkComprehensionElement(_ element: Expr, open: Token) throws(Failure) {
        guard isStarred(element) else { return }
        if diagnose,
           try attempt({ () throws(Failure) -> [Comprehension] in
               try parseComprehensionClauses()
           }) != nil {
            throw .error(error(at: element.range, "iterable unpacking cannot be used in comprehension"))
        }
        throw .noMatch
    }

    /// `[a, b for ...]`: "did you forget parentheses around the comprehension target?".
    func diagnoseUnparenthesisedTarget(_ elements: [Expr]) throws(Failure) {
        guard let first = elements.first, let last = elements.last else { return }
        let comma = previous
        guard try attempt({ () throws(Failure) -> [Comprehension] in
            try parseComprehensionClauses()
        }) != nil else { return }
        if elements.count == 1 {
            throw .error(error(from: first.range, to: comma.range, "did you forget parentheses around the comprehension target?"))
        }
        throw .error(error(from: first.range, to: last.range, "did you forget parentheses around the comprehension target?"))
    }

    /// Whether `for` or `async for` is next.
    func startsComprehensionClause() throws(Failure) -> Bool {
        if try check(.for) { return true }
        guard try check(.async) else { return false }
        return try kind(1) == .for
    }

    /// `for_if_clauses`: one or more `for targets in disjunction (if disjunction)*`.
    func parseComprehensionClauses() throws(Failure) -> [Comprehension] {
        var clauses: [Comprehension] = []
        repeat {
            if try accept(.async) != nil {
                sawAsyncComprehension = true
            }
            let forToken = try expect(.for)
            let target = try parseForTarget()
            let iterable = try parseBinary(.or)
            var conditions: [Expr] = []
            while try accept(.if) != nil {
                conditions.append(try parseBinary(.or))
            }
            clauses.append(Comprehension(
                target: target, iterable: iterable, conditions: conditions, range: range(from: forToken.range.start)))
        } while try startsComprehensionClause()
        return clauses
    }
}
