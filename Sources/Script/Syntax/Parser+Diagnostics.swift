/// The second pass's checks: each mirrors one of CPython 3.11's `invalid_*` grammar rules, matching the same
/// malformed input and raising the same message at the same place. They run only while `diagnose` is set.
extension Parser {
    // MARK: invalid_expression, invalid_legacy_expression

    /// After a disjunction `body` that started at token `start`: two expressions side by side inside brackets
    /// ("Perhaps you forgot a comma?"), and Python 2's `print x` ("Missing parentheses in call to 'print'").
    func diagnoseExpression(_ body: Expr, start: Int) throws(Failure) {
        let first = tokens[start]
        let mark = index
        // CPython compares only the name's length of each soft keyword, so `m`, `ca` ... count as soft keywords.
        let isSoftKeyword = first.kind == .name
            && ["match", "case", "_"].contains(where: { $0.hasPrefix(first.text) })
        var nameThenString = false
        if first.kind == .name { nameThenString = try peekAt(start + 1).kind == .string }
        if !isSoftKeyword && !nameThenString,
           let next = try attemptWithoutDiagnostics({ () throws(Failure) -> Expr in try parseExpressionUncached() }) {
            let lastLevel = tokens[index - 1].level
            index = mark
            if !isLegacyStatement(body), lastLevel > 0 {
                throw .error(error(from: body.range, to: next.range, "invalid syntax. Perhaps you forgot a comma?"))
            }
        }
        index = mark
        // CPython's `invalid_legacy_expression` reads `NAME star_expressions` after any name not followed by `(`
        // (its checks active), and only then asks whether the name was `print` or `exec`.
        if first.kind == .name, try peekAt(start + 1).kind != .leftParen {
            index = start + 1
            if let argument = try attempt({ () throws(Failure) -> Expr in try parseStarExpressions() }),
               first.text == "print" || first.text == "exec" {
                throw .error(error(
                    from: first.range, to: argument.range,
                    "Missing parentheses in call to '\(first.text)'. Did you mean \(first.text)(...)?"))
            }
            index = mark
        }
    }

    /// The token at an absolute position, counted as read.
    func peekAt(_ position: Int) throws(Failure) -> Token {
        let saved = index
        index = position
        defer { index = saved }
        return try peek()
    }

    func isLegacyStatement(_ expression: Expr) -> Bool {
        if case .name(let name) = expression.kind { return name == "print" || name == "exec" }
        return false
    }

    // MARK: invalid_named_expression

    /// After an expression where a `named_expression` is allowed: `x.y := 1`, and `=` where `==` was meant.
    func diagnoseNamedExpression(_ expression: Expr, start: Int) throws(Failure) {
        let mark = index
        defer { index = mark }
        if try check(.colonEqual) {
            try advance()
            if try attempt({ () throws(Failure) -> Expr in try parseExpression() }) != nil {
                throw .error(error(
                    at: expression.range, "cannot use assignment expressions with \(expressionName(expression))"))
            }
            return
        }
        guard try check(.equal) else { return }
        let first = tokens[start]
        if first.kind == .name, case .name = expression.kind, expression.range == first.range {
            try advance()
            if let value = try attempt({ () throws(Failure) -> Expr in try parseBinary(.bitOr) }),
               try !check(.equal), try !check(.colonEqual) {
                throw .error(error(
                    from: expression.range, to: value.range,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"))
            }
            index = mark
        }
        if isBitwiseOrLevel(expression), !startsWithDisplayOrSingleton(expression, first: first) {
            try advance()
            if try attempt({ () throws(Failure) -> Expr in try parseBinary(.bitOr) }) != nil,
               try !check(.equal), try !check(.colonEqual) {
                throw .error(error(
                    at: expression.range,
                    "cannot assign to \(expressionName(expression)) here. Maybe you meant '==' instead of '='?"))
            }
        }
    }

    /// Whether an expression is a `bitwise_or` (no comparison, `not`, `and`/`or`, conditional or lambda on top).
    func isBitwiseOrLevel(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .compare, .boolean, .conditional, .lambda, .namedExpr, .starred, .yield, .yieldFrom, .slice:
            return false
        case .unary(let op, _):
            return op != .not
        default:
            return true
        }
    }

    /// CPython's `!(list | tuple | genexp | 'True' | 'None' | 'False')` at the start of an expression.
    func startsWithDisplayOrSingleton(_ expression: Expr, first: Token) -> Bool {
        if first.kind == .true || first.kind == .false || first.kind == .none { return true }
        var leftmost = expression
        while true {
            switch leftmost.kind {
            case .binary(let left, _, _): leftmost = left
            case .call(let function, _, _): leftmost = function
            case .attribute(let value, _): leftmost = value
            case .subscript(let value, _): leftmost = value
            case .unary: return false
            default:
                guard leftmost.range.start == first.range.start else { return false }
                switch leftmost.kind {
                case .list, .generator: return true
                case .tuple: return first.kind == .leftParen
                default: return false
                }
            }
        }
    }

    // MARK: invalid_assignment

    /// CPython's `invalid_assignment` alternatives, in order, for the statement starting at token `start`.
    func diagnoseAssignment(start: Int) throws(Failure) {
        let mark = index
        defer { index = mark }

        // `[a, b]: int` and `(a, b): int`.
        index = start
        var parens = 0
        while try check(.leftParen), try [.leftParen, .leftBracket].contains(kind(1)) {
            try advance()
            parens += 1
        }
        if let target = try attempt({ () throws(Failure) -> Expr in try parseAtom() }) {
            var closed = true
            for _ in 0..<parens where try accept(.rightParen) == nil { closed = false }
            let isDisplay: Bool
            switch target.kind {
            case .list: isDisplay = true
            case .tuple: isDisplay = tokens[index - 1].kind == .rightParen
            default: isDisplay = false
            }
            if closed, isDisplay, try accept(.colon) != nil,
               try attempt({ () throws(Failure) -> Expr in try parseExpression() }) != nil {
                throw .error(error(
                    at: target.range, "only single target (not \(expressionName(target))) can be annotated"))
            }
        }

        // `a, b: int`, checking each element as a named expression first.
        index = start
        if let first = try attempt({ () throws(Failure) -> Expr in try parseStarNamedExpression() }),
           try accept(.comma) != nil {
            // `star_named_expressions*`: runs of elements, with no comma needed between runs.
            while try attempt({ () throws(Failure) -> Expr in try parseStarNamedExpression() }) != nil {
                _ = try accept(.comma)
            }
            if try accept(.colon) != nil,
               try attempt({ () throws(Failure) -> Expr in try parseExpression() }) != nil {
                throw .error(error(at: first.range, "only single target (not tuple) can be annotated"))
            }
        }

        // `f(): int`.
        index = start
        if let target = try attempt({ () throws(Failure) -> Expr in try parseExpression() }),
           try accept(.colon) != nil,
           try attempt({ () throws(Failure) -> Expr in try parseExpression() }) != nil {
            throw .error(error(at: target.range, "illegal target for annotation"))
        }

        // `f() = 1`, `x = 1 = 2`: the first target that cannot be assigned to.
        index = start
        try skipValidTargets()
        if let target = try attempt({ () throws(Failure) -> Expr in try parseStarExpressions() }),
           try check(.equal), let bad = invalidTarget(target, .starTargets) {
            throw .error(error(at: bad.range, "cannot assign to \(expressionName(bad))"))
        }

        // `x = yield = 1`.
        index = start
        try skipValidTargets()
        if try check(.yield),
           let target = try attempt({ () throws(Failure) -> Expr in try parseYieldExpression() }),
           try check(.equal) {
            throw .error(error(at: target.range, "assignment to yield expression not possible"))
        }

        // `a, b += 1`.
        index = start
        if let target = try attempt({ () throws(Failure) -> Expr in try parseStarExpressions() }),
           try kind().augmentedOperator != nil {
            try advance()
            let value = try attempt { () throws(Failure) -> Expr in
                try check(.yield) ? try parseYieldExpression() : try parseStarExpressions()
            }
            if value != nil {
                throw .error(error(
                    at: target.range,
                    "'\(expressionName(target))' is an illegal expression for augmented assignment"))
            }
        }
    }

    /// `(star_targets '=')*`.
    func skipValidTargets() throws(Failure) {
        while try attempt({ () throws(Failure) -> Bool in
            _ = try parseStarTargets()
            try expect(.equal)
            return true
        }) != nil {}
    }

    // MARK: invalid_arguments, invalid_kwarg

    /// CPython's messages for malformed call arguments, after the arguments following `open` failed to parse.
    func diagnoseArguments(open: Token) throws(Failure) {
        let start = index
        defer { index = start }
        let scan = ArgumentScan(parser: self)

        // `f(**k, *a)`, `f(x=1, *)`: keyword arguments, then `, *`.
        if try scan.argumentsEndingInKeywords(), try accept(.comma) != nil, let star = try accept(.star) {
            throw .error(error(at: star, "iterable argument unpacking follows keyword argument unpacking"))
        }
        index = start

        // `f(x for x in y, z)`.
        if let element = try scan.expression(), let clauses = try scan.clauses(), try accept(.comma) != nil {
            throw .error(error(
                from: element.range, to: lastComprehensionItem(clauses).range,
                "Generator expression must be parenthesized"))
        }
        index = start

        // `f(a=x for x in y)`.
        if let name = try accept(.name), let equal = try accept(.equal), try scan.expression() != nil,
           try scan.clauses() != nil {
            throw .error(error(
                from: name.range, to: equal.range, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"))
        }
        index = start

        // `f(a, x for x in y)`.
        if let parsed = try scan.args(), let clauses = try scan.clauses() {
            if parsed.positional.count > 1, let last = parsed.positional.last {
                throw .error(error(
                    from: last.range, to: lastComprehensionItem(clauses).range,
                    "Generator expression must be parenthesized"))
            }
        }
        index = start

        // `f(a, b, x for x in y)` after complete arguments.
        if try scan.args() != nil, try accept(.comma) != nil, let element = try scan.expression(),
           let clauses = try scan.clauses() {
            throw .error(error(
                from: element.range, to: lastComprehensionItem(clauses).range,
                "Generator expression must be parenthesized"))
        }
        index = start

        // `f(x=1, y)`.
        if let parsed = try scan.args(), try accept(.comma) != nil, try scan.args() != nil {
            throw .error(errorAtFurthest(
                parsed.hasUnpacking
                    ? "positional argument follows keyword argument unpacking"
                    : "positional argument follows keyword argument"))
        }
    }

    /// CPython's `_PyPegen_get_last_comprehension_item`: the last `if` of the last clause, or its iterable.
    func lastComprehensionItem(_ clauses: [Comprehension]) -> Expr {
        guard let last = clauses.last else { return Expr(.constant(.none), previous.range) }
        return last.conditions.last ?? last.iterable
    }

    /// CPython's `invalid_kwarg` at a keyword argument position: `True=1`, `x=a for a in b`, `f(a.b=1)`.
    func diagnoseKeywordArgument() throws(Failure) {
        let start = index
        defer { index = start }
        let token = try peek()
        if [.true, .false, .none].contains(token.kind), try kind(1) == .equal {
            let equal = try peekAt(start + 1)
            throw .error(error(from: token.range, to: equal.range, "cannot assign to \(token.text)"))
        }
        if token.kind == .name, try kind(1) == .equal {
            let equal = try peekAt(start + 1)
            index = start + 2
            let scan = ArgumentScan(parser: self)
            if try scan.expression() != nil, try scan.clauses() != nil {
                throw .error(error(
                    from: token.range, to: equal.range,
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"))
            }
            return
        }
        if let value = try attempt({ () throws(Failure) -> Expr in try parseExpression() }),
           let equal = try accept(.equal) {
            throw .error(error(
                from: value.range, to: equal.range, "expression cannot contain assignment, perhaps you meant \"==\"?"))
        }
    }
}

/// Speculative matchers for CPython's call-argument rules (`args`, `kwargs`, `for_if_clauses`), used to find which
/// malformed-argument message CPython would give. Each consumes tokens only when it matches.
struct ArgumentScan {
    let parser: Parser

    struct Arguments {
        var positional: [Expr] = []
        var hasUnpacking = false
    }

    /// `expression` without the second pass's checks.
    func expression() throws(Parser.Failure) -> Expr? {
        try parser.attempt { () throws(Parser.Failure) -> Expr in try parser.parseExpression() }
    }

    /// `for_if_clauses`.
    func clauses() throws(Parser.Failure) -> [Comprehension]? {
        guard try parser.check(.for, .async) else { return nil }
        return try parser.attempt { () throws(Parser.Failure) -> [Comprehension] in
            try parser.parseComprehensionClauses()
        }
    }

    /// CPython's `args`: positional arguments (optionally followed by keyword arguments), or keyword arguments.
    func args() throws(Parser.Failure) -> Arguments? {
        let start = parser.index
        var result = Arguments()
        if let first = try positional() {
            result.positional = [first]
            while true {
                let mark = parser.index
                guard try parser.accept(.comma) != nil, let next = try positional() else {
                    parser.index = mark
                    break
                }
                result.positional.append(next)
            }
            let mark = parser.index
            if try parser.accept(.comma) != nil, let unpacking = try keywords() {
                result.hasUnpacking = unpacking
            } else {
                parser.index = mark
            }
            return result
        }
        if let unpacking = try keywords() {
            result.hasUnpacking = unpacking
            return result
        }
        parser.index = start
        return nil
    }

    /// `(positional (',' positional)* ',' kwargs) | kwargs`: arguments whose last part is keyword arguments.
    func argumentsEndingInKeywords() throws(Parser.Failure) -> Bool {
        let start = parser.index
        if try positional() != nil {
            while true {
                let mark = parser.index
                guard try parser.accept(.comma) != nil, try positional() != nil else {
                    parser.index = mark
                    break
                }
            }
            if try parser.accept(.comma) != nil, try keywords() != nil { return true }
        }
        parser.index = start
        if try keywords() != nil { return true }
        parser.index = start
        return false
    }

    /// `starred_expression | (assignment_expression | expression !':=') !'='`.
    func positional() throws(Parser.Failure) -> Expr? {
        let mark = parser.index
        if let star = try parser.accept(.star) {
            guard let value = try expression() else {
                parser.index = mark
                return nil
            }
            return Expr(.starred(value), parser.range(from: star.range.start, to: value.range))
        }
        guard let value = try parser.attempt({ () throws(Parser.Failure) -> Expr in
            try parser.parseArgumentExpression()
        }), try !parser.check(.equal) else {
            parser.index = mark
            return nil
        }
        return value
    }

    /// CPython's `kwargs`: keyword-or-starred arguments, then keyword-or-double-starred ones. Returns whether a
    /// `**` was seen, or nil if nothing matched.
    func keywords() throws(Parser.Failure) -> Bool? {
        let start = parser.index
        var count = 0
        while true {
            let mark = parser.index
            if count > 0, try parser.accept(.comma) == nil { break }
            guard try keyword(allowing: .star) else {
                parser.index = mark
                break
            }
            count += 1
        }
        if count > 0 {
            let mark = parser.index
            if try parser.accept(.comma) != nil, try doubleStarred() > 0 { return true }
            parser.index = mark
            return false
        }
        if try doubleStarred() > 0 { return true }
        parser.index = start
        return nil
    }

    /// `','.kwarg_or_double_starred+`: how many matched.
    func doubleStarred() throws(Parser.Failure) -> Int {
        var count = 0
        while true {
            let mark = parser.index
            if count > 0, try parser.accept(.comma) == nil { break }
            guard try keyword(allowing: .doubleStar) else {
                parser.index = mark
                break
            }
            count += 1
        }
        return count
    }

    /// `invalid_kwarg | NAME '=' expression | ('*' | '**') expression`.
    func keyword(allowing star: Token.Kind) throws(Parser.Failure) -> Bool {
        if parser.diagnose { try parser.diagnoseKeywordArgument() }
        let mark = parser.index
        if try parser.check(.name), try parser.kind(1) == .equal {
            try parser.advance()
            try parser.advance()
        } else if try parser.accept(star) == nil {
            return false
        }
        guard try expression() != nil else {
            parser.index = mark
            return false
        }
        return true
    }
}
