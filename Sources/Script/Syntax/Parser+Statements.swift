extension Parser {
    // MARK: Files and blocks

    /// `file: [statements] ENDMARKER`.
    func parseFile() throws(Failure) -> [Stmt] {
        var body: [Stmt] = []
        while try !check(.endMarker) {
            body += try parseStatement()
        }
        return body
    }

    /// `eval: expressions NEWLINE* ENDMARKER`.
    func parseEvalInput() throws(Failure) -> Expr {
        let expression = try parseExpressions()
        while try accept(.newline) != nil {}
        try expect(.endMarker)
        return expression
    }

    /// One statement; a line of `;`-separated simple statements gives several.
    func parseStatement() throws(Failure) -> [Stmt] {
        try enter()
        defer { leave() }
        let token = try peek()
        switch token.kind {
        case .def, .at:
            return [try parseDecorated()]
        case .if:
            return [try parseIf()]
        case .class:
            return [try parseClass(decorators: [])]
        case .with:
            return [try parseWith()]
        case .for:
            return [try parseFor()]
        case .try:
            return [try parseTry()]
        case .while:
            return [try parseWhile()]
        case .async:
            return [try parseAsync()]
        case .name where token.text == "match":
            if let skipped = try parseMatchStatement() { return [skipped] }
            return try parseSimpleStatements()
        default:
            return try parseSimpleStatements()
        }
    }

    /// `block: NEWLINE INDENT statements DEDENT | simple_stmts`.
    func parseBlock() throws(Failure) -> [Stmt] {
        guard try accept(.newline) != nil else {
            return try parseSimpleStatements()
        }
        guard try check(.indent) else {
            if diagnose {
                throw .error(errorAtFurthest("expected an indented block", kind: .indentationError))
            }
            throw .noMatch
        }
        try advance()
        var body: [Stmt] = []
        repeat {
            body += try parseStatement()
        } while try !check(.dedent)
        try advance()
        return body
    }

    /// CPython's `invalid_*_stmt` checks for a block header: a missing colon (when the line ends), and a missing
    /// indented block after the colon. Returns once the colon is consumed.
    func expectBlockColon(_ description: String) throws(Failure) {
        guard try check(.colon) else {
            if diagnose, try check(.newline) {
                throw .error(errorAtFurthest("expected ':'"))
            }
            throw .noMatch
        }
        try advance()
        try checkIndentedBlock(description)
    }

    /// After a block's colon: "expected an indented block after ..." when the next line is not indented.
    func checkIndentedBlock(_ description: String) throws(Failure) {
        if diagnose, try check(.newline), try kind(1) != .indent {
            throw .error(errorAtFurthest("expected an indented block after \(description)", kind: .indentationError))
        }
    }

    /// The range from `start` to the end of the last token consumed that is not NEWLINE, INDENT or DEDENT (where
    /// CPython ends every node).
    func rangeToLastToken(from start: SourceLocation) -> SourceRange {
        var position = index - 1
        while position > 0 {
            let kind = tokens[position].kind
            if kind != .newline && kind != .indent && kind != .dedent && kind != .endMarker { break }
            position -= 1
        }
        return SourceRange(start: start, end: tokens[Swift.max(0, position)].range.end)
    }

    // MARK: Compound statements

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
                    try parenthesised ? try parseExpressions() : try parseExpression()
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
        guard try check(.as) else { return WithItem(context: context, target: nil) }
        let asIndex = index
        try advance()
        if let target = try attempt({ () throws(Failure) -> Expr in try parseStarTarget() }),
           try [.comma, .rightParen, .colon].contains(kind()) {
            return WithItem(context: context, target: target)
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
        return WithItem(context: context, target: nil)
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

    // MARK: Simple statements

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`.
    func parseSimpleStatements() throws(Failure) -> [Stmt] {
        var statements = [try parseSimpleStatement()]
        while try accept(.semicolon) != nil {
            if try check(.newline) { break }
            statements.append(try parseSimpleStatement())
        }
        try expect(.newline)
        return statements
    }

    /// One simple statement.
    func parseSimpleStatement() throws(Failure) -> Stmt {
        let token = try peek()
        switch token.kind {
        case .return:
            try advance()
            let value = try canStartExpression() ? try parseStarExpressions() : nil
            return Stmt(.return(value), range(from: token.range.start))
        case .import:
            return try parseImport()
        case .from:
            return try parseFromImport()
        case .raise:
            try advance()
            guard try canStartExpression(starred: false) else {
                return Stmt(.raise(exception: nil, cause: nil), token.range)
            }
            let exception = try parseExpression()
            let cause = try accept(.from) != nil ? try parseExpression() : nil
            return Stmt(.raise(exception: exception, cause: cause), range(from: token.range.start))
        case .pass:
            try advance()
            return Stmt(.pass, token.range)
        case .break:
            try advance()
            return Stmt(.break, token.range)
        case .continue:
            try advance()
            return Stmt(.continue, token.range)
        case .del:
            return try parseDelete()
        case .assert:
            try advance()
            let test = try parseExpression()
            let message = try accept(.comma) != nil ? try parseExpression() : nil
            return Stmt(.assert(test: test, message: message), range(from: token.range.start))
        case .global, .nonlocal:
            try advance()
            var names = [try identifier(try expect(.name))]
            while try accept(.comma) != nil {
                names.append(try identifier(try expect(.name)))
            }
            let kind: Stmt.Kind = token.kind == .global ? .global(names) : .nonlocal(names)
            return Stmt(kind, range(from: token.range.start))
        default:
            return try parseExpressionStatement()
        }
    }

    /// An expression statement, an assignment (chained), an augmented assignment or an annotated assignment.
    func parseExpressionStatement() throws(Failure) -> Stmt {
        let start = index
        let first = try peek()
        let head = try check(.yield) ? try parseYieldExpression() : try parseStarExpressions()
        let next = try kind()
        if next == .colon {
            return try parseAnnotatedAssignment(head, start: start)
        }
        if next == .equal {
            return try parseAssignment(head, start: start)
        }
        if let op = next.augmentedOperator {
            guard isSingleTarget(head) else {
                if diagnose { try diagnoseAssignment(start: start) }
                throw .noMatch
            }
            try advance()
            let value = try check(.yield) ? try parseYieldExpression() : try parseStarExpressions()
            return Stmt(.augmentedAssign(target: head, op: op, value: value), range(from: first.range.start))
        }
        // CPython tries its `invalid_assignment` rules before reading a statement as an expression.
        if diagnose, try !check(.newline, .semicolon) {
            try diagnoseAssignment(start: start)
        }
        return Stmt(.expression(head), range(from: first.range.start))
    }

    /// `target: annotation [= value]`.
    func parseAnnotatedAssignment(_ target: Expr, start: Int) throws(Failure) -> Stmt {
        let first = tokens[start]
        guard isSingleTarget(target) else {
            if diagnose { try diagnoseAssignment(start: start) }
            throw .noMatch
        }
        let isSimple: Bool
        if case .name = target.kind, first.kind == .name {
            isSimple = true
        } else {
            isSimple = false
        }
        try advance()
        let annotation = try parseExpression()
        var value: Expr?
        if try accept(.equal) != nil {
            value = try check(.yield) ? try parseYieldExpression() : try parseStarExpressions()
        }
        return Stmt(
            .annotatedAssign(target: target, annotation: annotation, value: value, isSimple: isSimple),
            range(from: first.range.start))
    }

    /// `target = target = value`.
    func parseAssignment(_ head: Expr, start: Int) throws(Failure) -> Stmt {
        var targets: [Expr] = []
        var current = head
        while try check(.equal) {
            guard isStarTarget(current) else {
                if diagnose { try diagnoseAssignment(start: start) }
                throw .noMatch
            }
            targets.append(current)
            try advance()
            current = try check(.yield) ? try parseYieldExpression() : try parseStarExpressions()
        }
        return Stmt(.assign(targets: targets, value: current), range(from: tokens[start].range.start))
    }

    /// `del targets`.
    func parseDelete() throws(Failure) -> Stmt {
        let keyword = try advance()
        let start = index
        if let targets = try attempt({ () throws(Failure) -> [Expr] in try parseDeleteTargets() }),
           try check(.semicolon, .newline) {
            return Stmt(.delete(targets), range(from: keyword.range.start))
        }
        if diagnose {
            index = start
            if let bad = try attempt({ () throws(Failure) -> Expr in try parseStarExpressions() })
                .flatMap({ invalidTarget($0, .deleteTargets) }) {
                throw .error(error(at: bad.range, "cannot delete \(expressionName(bad))"))
            }
        }
        throw .noMatch
    }

    /// `','.del_target+ [',']`.
    func parseDeleteTargets() throws(Failure) -> [Expr] {
        var targets = [try parseDeleteTarget()]
        while try accept(.comma) != nil {
            guard let target = try attempt({ () throws(Failure) -> Expr in try parseDeleteTarget() }) else { break }
            targets.append(target)
        }
        return targets
    }

    func parseDeleteTarget() throws(Failure) -> Expr {
        let target = try parsePrimary()
        guard isDeleteTarget(target) else { throw .noMatch }
        return target
    }

    // MARK: Imports

    /// `import a.b as c, d`.
    func parseImport() throws(Failure) -> Stmt {
        let keyword = try advance()
        var names: [ImportAlias] = []
        repeat {
            let start = try peek().range.start
            let name = try parseDottedName()
            var alias: String?
            if try accept(.as) != nil {
                alias = try identifier(try expect(.name))
            }
            names.append(ImportAlias(name: name, asName: alias, range: range(from: start)))
        } while try accept(.comma) != nil
        return Stmt(.import(names), range(from: keyword.range.start))
    }

    /// `from module import names`; relative imports parse but are refused.
    func parseFromImport() throws(Failure) -> Stmt {
        let keyword = try advance()
        var dots = 0
        var dotsRange: SourceRange?
        while try check(.dot, .ellipsis) {
            let dot = try advance()
            dots += dot.kind == .dot ? 1 : 3
            dotsRange = dotsRange.map { $0.union(dot.range) } ?? dot.range
        }
        var module = ""
        var hasModule = dots == 0
        if !hasModule { hasModule = try check(.name) }
        if hasModule {
            module = try parseDottedName()
        }
        try expect(.import)
        if let dotsRange {
            unsupported("relative imports are not supported", at: dotsRange)
        }
        var names: [ImportAlias] = []
        if let star = try accept(.star) {
            names = [ImportAlias(name: "*", asName: nil, range: star.range)]
        } else if try accept(.leftParen) != nil {
            names = try parseImportNames()
            _ = try accept(.comma)
            try expect(.rightParen)
        } else {
            names = try parseImportNames()
            if try check(.comma) {
                if diagnose, try kind(1) == .newline {
                    try advance()
                    try advance()
                    throw .error(errorAtFurthest("trailing comma not allowed without surrounding parentheses"))
                }
                throw .noMatch
            }
        }
        return Stmt(.importFrom(module: module, names: names), range(from: keyword.range.start))
    }

    /// `','.import_from_as_name+`.
    func parseImportNames() throws(Failure) -> [ImportAlias] {
        var names: [ImportAlias] = []
        repeat {
            guard try check(.name) else {
                if names.isEmpty { throw .noMatch }
                index -= 1
                break
            }
            let name = try advance()
            var alias: String?
            if try accept(.as) != nil {
                alias = try identifier(try expect(.name))
            }
            names.append(ImportAlias(name: try identifier(name), asName: alias, range: range(from: name.range.start)))
        } while try accept(.comma) != nil
        return names
    }

    /// `NAME ('.' NAME)*`.
    func parseDottedName() throws(Failure) -> String {
        var name = try identifier(try expect(.name))
        while try check(.dot) {
            try advance()
            name += "." + (try identifier(try expect(.name)))
        }
        return name
    }
}
