extension Parser {
    /// The parameters of a `def` (up to its `)`) or a `lambda` (up to its `:`), in CPython's order: positional-only,
    /// `/`, regular, `*args` or `*`, keyword-only, `**kwargs`; a parameter without a default may not follow one with
    /// a default before the `*`.
    func parseParameters(lambda: Bool) throws(Failure) -> Parameters {
        let closing: Token.Kind = lambda ? .colon : .rightParen
        if diagnose {
            let mark = index
            try diagnoseParameterList(lambda: lambda)
            index = mark
        }
        var parameters = Parameters()
        var section = 0
        var sawDefault = false
        var bareStar = false
        while try !check(closing) {
            let token = try peek()
            switch token.kind {
            case .slash:
                guard section == 0, parameters.positionalOnly.isEmpty, !parameters.regular.isEmpty else {
                    throw .noMatch
                }
                try advance()
                parameters.positionalOnly = parameters.regular
                parameters.regular = []
            case .star:
                guard section == 0 else { throw .noMatch }
                if diagnose { try diagnoseStar(lambda: lambda) }
                try advance()
                section = 1
                if try check(.comma) {
                    bareStar = true
                } else {
                    parameters.varPositional = try parseParameter(lambda: lambda, starAnnotation: !lambda)
                }
            case .doubleStar:
                guard section < 2 else { throw .noMatch }
                if diagnose { try diagnoseDoubleStar(lambda: lambda) }
                try advance()
                section = 2
                parameters.varKeyword = try parseParameter(lambda: lambda, starAnnotation: false)
            case .name:
                guard section < 2 else { throw .noMatch }
                var parameter = try parseParameter(lambda: lambda, starAnnotation: false)
                if let equal = try accept(.equal) {
                    if diagnose, try check(.rightParen, .comma) {
                        throw .error(error(at: equal, "expected default value expression"))
                    }
                    parameter.defaultValue = try parseExpression()
                    sawDefault = sawDefault || section == 0
                } else if section == 0 && sawDefault {
                    throw .noMatch
                }
                if section == 0 {
                    parameters.regular.append(parameter)
                } else {
                    parameters.keywordOnly.append(parameter)
                }
            default:
                throw .noMatch
            }
            guard try accept(.comma) != nil else { break }
        }
        if bareStar && parameters.keywordOnly.isEmpty { throw .noMatch }
        return parameters
    }

    /// `NAME [':' expression]` (a `*args` annotation may be starred).
    func parseParameter(lambda: Bool, starAnnotation: Bool) throws(Failure) -> Parameter {
        let name = try expect(.name)
        var annotation: Expr?
        if !lambda, try accept(.colon) != nil {
            if starAnnotation, try check(.star) {
                annotation = try parseStarExpression()
            } else {
                annotation = try parseExpression()
            }
        }
        return Parameter(name: try identifier(name), annotation: annotation, range: range(from: name.range.start))
    }

    // MARK: CPython's messages for malformed parameter lists

    /// CPython's `invalid_parameters` (and the lambda variant), tried before the parameters are parsed.
    func diagnoseParameterList(lambda: Bool) throws(Failure) {
        let start = index
        let scan = ParameterScan(parser: self, lambda: lambda)

        // A parameter without a default after one with a default.
        while try scan.noDefault() != nil {}
        var sawDefaults = try scan.slashWithDefault()
        if !sawDefaults { sawDefaults = try scan.withDefaultRun() > 0 }
        if sawDefaults, let bad = try scan.noDefault() {
            throw .error(error(at: bad, "non-default argument follows default argument"))
        }
        index = start

        // Parenthesised parameters.
        while try scan.noDefault() != nil {}
        if let open = try accept(.leftParen) {
            if lambda {
                var count = 0
                while try check(.name) {
                    try advance()
                    count += 1
                    guard try accept(.comma) != nil else { break }
                }
                if count > 0, let close = try accept(.rightParen) {
                    throw .error(error(
                        from: open.range, to: close.range, "Lambda expression parameters cannot be parenthesized"))
                }
            } else {
                var count = 0
                while try scan.noDefault(closing: .rightParen) != nil { count += 1 }
                _ = try accept(.comma)
                if count > 0, let close = try accept(.rightParen) {
                    throw .error(error(
                        from: open.range, to: close.range, "Function parameters cannot be parenthesized"))
                }
            }
        }
        index = start

        // A `/` first.
        if let slash = try accept(.slash), try check(.comma) {
            throw .error(error(at: slash, "at least one argument must precede /"))
        }
        index = start

        // Two `/`.
        var sawSlash = try scan.slashNoDefault()
        if !sawSlash { sawSlash = try scan.slashWithDefault() }
        if sawSlash {
            while try scan.maybeDefault() {}
            if let slash = try accept(.slash) {
                throw .error(error(at: slash, "/ may appear only once"))
            }
        }
        index = start

        // A `/` after the `*`.
        if try !scan.slashNoDefault() { _ = try scan.slashWithDefault() }
        while try scan.maybeDefault() {}
        if try accept(.star) != nil, try scan.commaOrNoDefault() {
            while try scan.maybeDefault() {}
            if let slash = try accept(.slash) {
                throw .error(error(at: slash, "/ must be ahead of *"))
            }
        }
        index = start

        // `/` directly followed by `*`.
        var count = 0
        while try scan.maybeDefault() { count += 1 }
        if count > 0, try accept(.slash) != nil, let star = try accept(.star) {
            throw .error(error(at: star, "expected comma between / and *"))
        }
        index = start
    }

    /// CPython's `invalid_star_etc` at a `*`.
    func diagnoseStar(lambda: Bool) throws(Failure) {
        let start = index
        defer { index = start }
        let scan = ParameterScan(parser: self, lambda: lambda)
        let closing: Token.Kind = lambda ? .colon : .rightParen
        let star = try advance()
        var bare = try check(closing)
        if !bare, try check(.comma) { bare = try [closing, .doubleStar].contains(kind(1)) }
        if bare {
            if try check(.comma) { try advance(); try advance() } else { try advance() }
            if lambda { throw .error(errorAtFurthest("named arguments must follow bare *")) }
            throw .error(error(at: star, "named arguments must follow bare *"))
        }
        index = start + 1
        if try check(.name) {
            try advance()
            if !lambda, try accept(.colon) != nil {
                _ = try attempt { () throws(Failure) -> Expr in try parseStarExpression() }
            }
            if let equal = try accept(.equal) {
                throw .error(error(at: equal, "var-positional argument cannot have default value"))
            }
        }
        index = start + 1
        if try scan.commaOrNoDefault() {
            while try scan.maybeDefault() {}
            if let second = try accept(.star), try scan.commaOrNoDefault() {
                throw .error(error(at: second, "* argument may appear only once"))
            }
        }
    }

    /// CPython's `invalid_kwds` at a `**`.
    func diagnoseDoubleStar(lambda: Bool) throws(Failure) {
        let start = index
        defer { index = start }
        try advance()
        guard try check(.name) else { return }
        try advance()
        if !lambda, try accept(.colon) != nil {
            _ = try attempt { () throws(Failure) -> Expr in try parseExpression() }
        }
        if let equal = try accept(.equal) {
            throw .error(error(at: equal, "var-keyword argument cannot have default value"))
        }
        guard try accept(.comma) != nil else { return }
        let next = try peek()
        if next.kind == .name {
            let parameter = try attempt { () throws(Failure) -> Parameter in
                try parseParameter(lambda: lambda, starAnnotation: false)
            }
            throw .error(error(at: parameter?.range ?? next.range, "arguments cannot follow var-keyword argument"))
        }
        if next.kind == .star || next.kind == .doubleStar || next.kind == .slash {
            throw .error(error(at: next, "arguments cannot follow var-keyword argument"))
        }
    }
}

/// Speculative matchers for CPython's parameter rules (`param_no_default`, `param_with_default`, ...), used to
/// find which malformed-parameter message CPython would give. Each consumes tokens only when it matches.
struct ParameterScan {
    let parser: Parser
    let lambda: Bool

    var closing: Token.Kind { lambda ? .colon : .rightParen }

    /// `param` then `,` or a closing token ahead; returns the parameter's range.
    func noDefault(closing override: Token.Kind? = nil) throws(Parser.Failure) -> SourceRange? {
        let mark = parser.index
        guard let range = try parameter(), try commaOrClosing(override ?? closing) else {
            parser.index = mark
            return nil
        }
        return range
    }

    /// `param default` then `,` or a closing token ahead.
    func withDefault() throws(Parser.Failure) -> Bool {
        let mark = parser.index
        guard try parameter() != nil, try defaultValue(), try commaOrClosing(closing) else {
            parser.index = mark
            return false
        }
        return true
    }

    /// `param default?` then `,` or a closing token ahead.
    func maybeDefault() throws(Parser.Failure) -> Bool {
        let mark = parser.index
        guard try parameter() != nil else { return false }
        _ = try defaultValue()
        guard try commaOrClosing(closing) else {
            parser.index = mark
            return false
        }
        return true
    }

    /// A consumed `,`, or the closing token ahead.
    func commaOrClosing(_ closing: Token.Kind) throws(Parser.Failure) -> Bool {
        if try parser.accept(.comma) != nil { return true }
        return try parser.check(closing)
    }

    /// `',' | param_no_default`.
    func commaOrNoDefault() throws(Parser.Failure) -> Bool {
        if try parser.accept(.comma) != nil { return true }
        return try noDefault() != nil
    }

    /// `param_with_default+`: how many matched.
    func withDefaultRun() throws(Parser.Failure) -> Int {
        var count = 0
        while try withDefault() { count += 1 }
        return count
    }

    /// `param_no_default+ '/' (',' | &closing)`.
    func slashNoDefault() throws(Parser.Failure) -> Bool {
        let mark = parser.index
        var count = 0
        while try noDefault() != nil { count += 1 }
        guard count > 0, try slash() else {
            parser.index = mark
            return false
        }
        return true
    }

    /// `param_no_default* param_with_default+ '/' (',' | &closing)`.
    func slashWithDefault() throws(Parser.Failure) -> Bool {
        let mark = parser.index
        while try noDefault() != nil {}
        guard try withDefaultRun() > 0, try slash() else {
            parser.index = mark
            return false
        }
        return true
    }

    func slash() throws(Parser.Failure) -> Bool {
        let mark = parser.index
        guard try parser.accept(.slash) != nil, try commaOrClosing(closing) else {
            parser.index = mark
            return false
        }
        return true
    }

    /// `NAME [':' expression]` without consuming what follows; nil if not there.
    func parameter() throws(Parser.Failure) -> SourceRange? {
        guard try parser.check(.name) else { return nil }
        let name = try parser.advance()
        if !lambda, try parser.check(.colon) {
            let mark = parser.index
            try parser.advance()
            if try parser.attempt({ () throws(Parser.Failure) -> Expr in
                try parser.parseExpression()
            }) == nil {
                parser.index = mark
            }
        }
        return parser.range(from: name.range.start)
    }

    /// `'=' expression`, consumed when it matches.
    func defaultValue() throws(Parser.Failure) -> Bool {
        let mark = parser.index
        guard try parser.accept(.equal) != nil,
              try parser.attempt({ () throws(Parser.Failure) -> Expr in
                  try parser.parseExpression()
              }) != nil
        else {
            parser.index = mark
            return false
        }
        return true
    }
}
