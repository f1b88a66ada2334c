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
}
