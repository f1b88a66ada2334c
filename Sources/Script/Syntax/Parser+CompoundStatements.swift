/// `if`, `while`, `for`, `with`, `try`, `def`, `class` (and the `async` and `match` forms Attend refuses), each
/// with CPython's checks for a missing colon or indented block.
extension Parser {
    /// `if`, with `elif` chains nested in `orElse`.
    func parseIf() throws(Failure) -> Stmt {
        let keyword = try advance()
        let test = try parseNamedExpression()
        let description = keyword.kind == .if ? "'if' statement" : "'elif' statement"
        let line = keyword.kind == .if ? test.range.start.line : keyword.range.start.line
        try expectBlockColon("\(description) on line \(line)")
        let body = try parseBlock()
        var orElse: [Stmt] = []
        if try check(.elif) {
            orElse = [try parseIf()]
        } else if try check(.else) {
            orElse = try parseElse()
        }
        return Stmt(.if(test: test, body: body, orElse: orElse), rangeToLastToken(from: keyword.range.start))
    }

    /// `else: block`, with CPython's forced colon.
    func parseElse() throws(Failure) -> [Stmt] {
        let keyword = try advance()
        if diagnose, try check(.colon) {
            index += 1
            defer { index -= 1 }
            try checkIndentedBlock("'else' statement on line \(keyword.range.start.line)")
        }
        try expectForced(.colon, ":")
        return try parseBlock()
    }

    /// `while test: block [else: block]`.
    func parseWhile() throws(Failure) -> Stmt {
        let keyword = try advance()
        let test = try parseNamedExpression()
        try expectBlockColon("'while' statement on line \(keyword.range.start.line)")
        let body = try parseBlock()
        let orElse = try check(.else) ? try parseElse() : []
        return Stmt(.while(test: test, body: body, orElse: orElse), rangeToLastToken(from: keyword.range.start))
    }

    /// `for targets in iterable: block [else: block]`.
    func parseFor() throws(Failure) -> Stmt {
        let keyword = try advance()
        let target = try parseForTarget()
        let iterable = try parseStarExpressions()
        try expectBlockColon("'for' statement on line \(keyword.range.start.line)")
        let body = try parseBlock()
        let orElse = try check(.else) ? try parseElse() : []
        return Stmt(
            .for(target: target, iterable: iterable, body: body, orElse: orElse),
            rangeToLastToken(from: keyword.range.start))
    }

    /// `with item, item: block`, including the parenthesised form.
    func parseWith() throws(Failure) -> Stmt {
        let keyword = try advance()
        var items: [WithItem]?
        if try check(.leftParen) {
            items = try attempt { () throws(Failure) -> [WithItem] in
                try advance()
                var list = [try parseWithItem()]
                while try accept(.comma) != nil {
                    if try check(.rightParen) { break }
                    list.append(try parseWithItem())
                }
                try expect(.rightParen)
                guard try check(.colon) else {
                    if diagnose, try check(.newline) { throw .error(errorAtFurthest("expected ':'")) }
                    throw .noMatch
                }
                return list
            }
        }
        if items == nil {
            var list = [try parseWithItem()]
            while try accept(.comma) != nil {
                list.append(try parseWithItem())
            }
            items = list
        }
        if diagnose, try !check(.colon) {
            try diagnoseWithColon(after: keyword)
        }
        try expectBlockColon("'with' statement on line \(keyword.range.start.line)")
        let body = try parseBlock()
        return Stmt(.with(items: items ?? [], body: body), rangeToLastToken(from: keyword.range.start))
    }

    /// CPython's `invalid_with_stmt`: items (parenthesised or not) then the end of the line: "expected ':'".
    func diagnoseWithColon(after keyword: Token) throws(Failure) {
        let mark = index
        defer { index = mark }
        guard let start = tokens.firstIndex(where: { $0.range.start == keyword.range.start }) else { return }
        for parenthesised in [false, true] {
            index = start + 1
            if parenthesised, try accept(.leftParen) == nil { continue }
            while true {
                let item = try attempt { () throws(Failure) -> Expr in
                    parenthesised ? try parseExpressions() : try parseExpression()
                }
                guard item != nil else { break }
                if try accept(.as) != nil {
                    _ = try attempt { () throws(Failure) -> Expr in try parseStarTarget() }
                }
                guard try accept(.comma) != nil else { break }
            }
            if parenthesised, try accept(.rightParen) == nil { continue }
            if try check(.newline) {
                throw .error(errorAtFurthest("expected ':'"))
            }
        }
    }

    /// `expression ['as' star_target]`, the target followed by `,`, `)` or `:`.
    func parseWithItem() throws(Failure) -> WithItem {
        let context = try parseExpression()
        guard try check(.as) else { return WithItem(context: context, target: nil, range: context.range) }
        let asIndex = index
        try advance()
        if let target = try attempt({ () throws(Failure) -> Expr in try parseStarTarget() }),
           try [.comma, .rightParen, .colon].contains(kind()) {
            return WithItem(context: context, target: target, range: range(from: context.range.start))
        }
        if diagnose {
            index = asIndex + 1
            if let wrong = try attempt({ () throws(Failure) -> Expr in try parseExpression() }),
               try [.comma, .rightParen, .colon].contains(kind()),
               let bad = invalidTarget(wrong, .starTargets) {
                throw .error(error(at: bad.range, "cannot assign to \(expressionName(bad))"))
            }
        }
        index = asIndex
        return WithItem(context: context, target: nil, range: context.range)
    }

    /// `try` with `except`/`else`/`finally` clauses.
    func parseTry() throws(Failure) -> Stmt {
        let keyword = try advance()
        if diagnose, try check(.colon) {
            index += 1
            defer { index -= 1 }
            try checkIndentedBlock("'try' statement on line \(keyword.range.start.line)")
        }
        try expectForced(.colon, ":")
        let body = try parseBlock()
        if diagnose, try !check(.except), try !check(.finally) {
            throw .error(errorAtFurthest("expected 'except' or 'finally' block"))
        }
        var handlers: [ExceptHandler] = []
        while try check(.except) {
            handlers.append(try parseExceptHandler())
        }
        var orElse: [Stmt] = []
        var final: [Stmt] = []
        if handlers.isEmpty {
            guard try check(.finally) else { throw .noMatch }
            final = try parseFinally()
        } else {
            if try check(.else) { orElse = try parseElse() }
            if try check(.finally) { final = try parseFinally() }
        }
        return Stmt(
            .try(body: body, handlers: handlers, orElse: orElse, finally: final),
            rangeToLastToken(from: keyword.range.start))
    }

    /// `except [type [as name]]: block`.
    func parseExceptHandler() throws(Failure) -> ExceptHandler {
        let keyword = try advance()
        if let star = try accept(.star) {
            unsupported("except* is not supported", at: range(from: keyword, to: star))
            if diagnose, try check(.newline, .colon) {
                throw .error(errorAtFurthest("expected one or more exception types"))
            }
        }
        var type: Expr?
        var name: String?
        if try !check(.colon) {
            if diagnose, try check(.newline) {
                throw .error(errorAtFurthest("expected ':'"))
            }
            let exception = try parseExpression()
            type = exception
            if try accept(.as) != nil {
                name = try expect(.name).text
            }
            if diagnose, try !check(.colon) {
                try diagnoseExceptClause(exception)
            }
        }
        try expectBlockColon("'except' statement on line \(keyword.range.start.line)")
        let body = try parseBlock()
        return ExceptHandler(type: type, name: name, body: body, range: rangeToLastToken(from: keyword.range.start))
    }

    /// `except A, B:` and a missing colon after an exception type.
    func diagnoseExceptClause(_ exception: Expr) throws(Failure) {
        if try check(.comma) {
            let mark = index
            try advance()
            let matched = try attempt { () throws(Failure) -> Bool in
                _ = try parseExpressions()
                if try accept(.as) != nil { try expect(.name) }
                try expect(.colon)
                return true
            }
            if matched == true {
                throw .error(error(startingFrom: exception.range, "multiple exception types must be parenthesized"))
            }
            index = mark
        }
        if try check(.newline) {
            throw .error(errorAtFurthest("expected ':'"))
        }
    }

    /// `finally: block`.
    func parseFinally() throws(Failure) -> [Stmt] {
        let keyword = try advance()
        if diagnose, try check(.colon) {
            index += 1
            defer { index -= 1 }
            try checkIndentedBlock("'finally' statement on line \(keyword.range.start.line)")
        }
        try expectForced(.colon, ":")
        return try parseBlock()
    }

    /// Decorators, then a `def` or `class`.
    func parseDecorated() throws(Failure) -> Stmt {
        var decorators: [Expr] = []
        while try accept(.at) != nil {
            decorators.append(try parseNamedExpression())
            try expect(.newline)
        }
        switch try kind() {
        case .def:
            return try parseFunction(decorators: decorators)
        case .class:
            return try parseClass(decorators: decorators)
        case .async where try kind(1) == .def:
            let async = try advance()
            unsupported("async functions are not supported", at: range(from: async, to: async))
            return try parseFunction(decorators: decorators, isAsync: true)
        default:
            throw .noMatch
        }
    }

    /// `def name(params) [-> annotation]: block`.
    func parseFunction(decorators: [Expr], isAsync: Bool = false) throws(Failure) -> Stmt {
        let keyword = try advance()
        let name = try identifier(try expect(.name))
        try expectForced(.leftParen, "(")
        let parameters = try parseParameters(lambda: false)
        try expect(.rightParen)
        // An annotation that does not parse leaves `->` for the forced colon to report, as in CPython.
        let returns = try attempt { () throws(Failure) -> Expr? in
            guard try accept(.arrow) != nil else { return nil }
            return try parseExpression()
        } ?? nil
        if diagnose, try check(.colon) {
            index += 1
            defer { index -= 1 }
            try checkIndentedBlock("function definition on line \(keyword.range.start.line)")
        }
        try expectForced(.colon, ":")
        let body = try within(isAsync ? .asyncFunction : .function) { () throws(Failure) -> [Stmt] in
            try parseBlock()
        }
        let function = FunctionDef(
            name: name, parameters: parameters, body: body, decorators: decorators, returns: returns)
        return Stmt(.functionDef(function), rangeToLastToken(from: keyword.range.start))
    }

    /// `class name[(bases)]: block`.
    func parseClass(decorators: [Expr]) throws(Failure) -> Stmt {
        let keyword = try advance()
        let name = try identifier(try expect(.name))
        var bases: [Expr] = []
        if let open = try accept(.leftParen) {
            let (arguments, keywords) = try parseCallArguments(open: open, allowGenerator: false)
            bases = arguments
            if let first = keywords.first {
                unsupported("class keyword arguments such as metaclass= are not supported", at: first.range)
            }
        }
        if diagnose, try check(.newline) {
            throw .error(errorAtFurthest("expected ':'"))
        }
        try expect(.colon)
        try checkIndentedBlock("class definition on line \(keyword.range.start.line)")
        let body = try within(.classBody) { () throws(Failure) -> [Stmt] in try parseBlock() }
        let definition = ClassDef(name: name, bases: bases, body: body, decorators: decorators)
        return Stmt(.classDef(definition), rangeToLastToken(from: keyword.range.start))
    }

    /// `async def`, `async for`, `async with`: parsed, then refused as unsupported.
    func parseAsync() throws(Failure) -> Stmt {
        let async = try advance()
        switch try kind() {
        case .def:
            unsupported("async functions are not supported", at: range(from: async, to: async))
            var statement = try parseFunction(decorators: [], isAsync: true)
            statement.range.start = async.range.start
            return statement
        case .for:
            var statement = try parseFor()
            statement.range.start = async.range.start
            requireAsync(
                "'async for' outside async function", unsupported: "async for is not supported", at: statement.range)
            return statement
        case .with:
            var statement = try parseWith()
            statement.range.start = async.range.start
            requireAsync(
                "'async with' outside async function", unsupported: "async with is not supported",
                at: statement.range)
            return statement
        default:
            throw .noMatch
        }
    }

    /// A `match` statement (a soft keyword): recognised by `match subject: NEWLINE INDENT`, skipped, and refused as
    /// unsupported. Returns nil when `match` is just a name.
    func parseMatchStatement() throws(Failure) -> Stmt? {
        let mark = index
        let keyword = try advance()
        let subject = try attemptWithoutDiagnostics { () throws(Failure) -> Expr in
            let first = try parseStarNamedExpression()
            if try check(.comma) {
                _ = try parseStarNamedExpressionsTail(first)
            }
            return first
        }
        guard subject != nil, try check(.colon), try kind(1) == .newline, try kind(2) == .indent else {
            index = mark
            return nil
        }
        index += 3
        var depth = 1
        while depth > 0 {
            switch try advance().kind {
            case .indent: depth += 1
            case .dedent: depth -= 1
            case .endMarker: depth = 0
            default: break
            }
        }
        let statementRange = rangeToLastToken(from: keyword.range.start)
        unsupported("match statements are not supported", at: range(from: keyword, to: keyword))
        return Stmt(.pass, statementRange)
    }
}

extension Parser {
    /// The target of a `for` statement or comprehension clause and the `in` after it. When it does not parse, the
    /// diagnosis pass names what cannot be assigned to ("cannot assign to function call"), as CPython does.
    func parseForTarget() throws(Failure) -> Expr {
        let targetStart = index
        let target = try attempt { () throws(Failure) -> Expr in try parseStarTargets() }
        guard let target, try check(.in) else {
            if diagnose {
                index = targetStart
                if let bad = try attempt({ () throws(Failure) -> Expr in
                    try parseStarExpressions()
                }).flatMap({ invalidTarget($0, .forTarget) }) {
                    throw .error(error(at: bad.range, "cannot assign to \(expressionName(bad))"))
                }
            }
            throw .noMatch
        }
        try advance()
        return target
    }
}
