extension Parser {
    /// A syntax error with CPython's 1-based offsets. Inside an f-string replacement field it is reported as CPython
    /// reports it from its f-string sub-parser: prefixed "f-string: ", relative to the "(expression)" text.
    func makeError(
        _ kind: SyntaxError.Kind, _ message: String, line: Int, offset: Int, endLine: Int, endOffset: Int
    ) -> SyntaxError {
        if let field = fieldContext {
            // CPython shifts only the first line's columns by the field's start, then subtracts it from all.
            return SyntaxError(
                kind: kind, message: "f-string: " + message, filename: source.filename, line: line,
                offset: offset - (line == field.startLine ? 0 : field.startColumn), endLine: endLine,
                endOffset: endOffset - (endLine == field.startLine || endOffset <= 0 ? 0 : field.startColumn),
                text: field.line(line))
        }
        let (text, length) = errorText(line: line)
        // CPython converts offsets against the shown text, clamping them to one past its end.
        return SyntaxError(
            kind: kind, message: message, filename: source.filename, line: line, offset: Swift.min(offset, length + 1),
            endLine: endLine, endOffset: endOffset > 0 ? Swift.min(endOffset, length + 1) : endOffset, text: text)
    }

    /// The source text CPython shows for an error on `line`: the tokenizer's whole line buffer when the error is on
    /// the line it is reading (a multi-line string or continuation included), else that line alone.
    /// Also returns the length CPython measures it with (its buffer keeps the final line break).
    func errorText(line: Int) -> (String, Int) {
        let state = tokens[Swift.min(furthest, tokens.count - 1)]
        guard line >= state.cursor.line else {
            let text = source.line(line)
            return (text, text.unicodeScalars.count)
        }
        let first = Swift.min(state.bufferLine, line)
        var text = (first...line).map { source.line($0) }.joined(separator: "\n")
        let length = text.unicodeScalars.count + 1
        while text.hasSuffix("\n") { text.removeLast() }
        return (text, length)
    }

    /// An error at a token (CPython's `RAISE_SYNTAX_ERROR_KNOWN_LOCATION`).
    func error(at token: Token, _ message: String, kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
        let positionless = token.kind == .indent || token.kind == .dedent || token.kind == .endMarker
            || token.kind == .error
        return makeError(
            kind, message, line: token.range.start.line, offset: positionless ? 0 : token.range.start.column + 1,
            endLine: token.range.end.line, endOffset: positionless ? 0 : token.range.end.column + 1)
    }

    /// An error covering a node (CPython's `RAISE_SYNTAX_ERROR_KNOWN_LOCATION` on an AST node).
    func error(at range: SourceRange, _ message: String) -> SyntaxError {
        makeError(
            .syntaxError, message, line: range.start.line, offset: range.start.column + 1, endLine: range.end.line,
            endOffset: range.end.column + 1)
    }

    /// An error from the start of one node to the end of another (`RAISE_SYNTAX_ERROR_KNOWN_RANGE`).
    func error(from start: SourceRange, to end: SourceRange, _ message: String) -> SyntaxError {
        makeError(
            .syntaxError, message, line: start.start.line, offset: start.start.column + 1, endLine: end.end.line,
            endOffset: end.end.column + 1)
    }

    /// An error from a node to where the tokenizer stands (`RAISE_SYNTAX_ERROR_STARTING_FROM`).
    func error(startingFrom start: SourceRange, _ message: String) -> SyntaxError {
        let cursor = tokens[furthest].cursor
        return makeError(
            .syntaxError, message, line: start.start.line, offset: start.start.column + 1, endLine: cursor.line,
            endOffset: cursor.column)
    }

    /// An error at the furthest token read (`RAISE_SYNTAX_ERROR` without a location). A token without a column
    /// (INDENT, DEDENT, the end) reports where the tokenizer stands.
    func errorAtFurthest(_ message: String, kind: SyntaxError.Kind = .syntaxError) -> SyntaxError {
        let token = tokens[furthest]
        if token.kind == .indent || token.kind == .dedent || token.kind == .endMarker || token.kind == .error {
            return makeError(
                kind, message, line: token.cursor.line, offset: token.cursor.column, endLine: token.cursor.line,
                endOffset: -1)
        }
        return makeError(
            kind, message, line: token.range.start.line, offset: token.range.start.column + 1,
            endLine: token.range.end.line, endOffset: token.range.end.column + 1)
    }

    /// "'(' was never closed" for an open bracket.
    func unclosedBracketError(_ open: (scalar: Unicode.Scalar, line: Int, column: Int)) -> SyntaxError {
        makeError(
            .syntaxError, "'\(open.scalar)' was never closed", line: open.line, offset: open.column + 1,
            endLine: open.line, endOffset: 0)
    }

    /// The error behind the tokenizer's error token, as CPython's `tokenizer_error` reports it.
    func tokenizerError(_ token: Token) -> SyntaxError {
        let line = token.cursor.line
        switch lexerFailure {
        case .error(let error)?:
            return error
        case .unclosedBracket(let opening, let openLine, let column)?:
            return unclosedBracketError((opening, openLine, column))
        case .endOfFileInContinuation?:
            if let open = failureBrackets.last { return unclosedBracketError(open) }
            return errorAtFurthest("unexpected EOF while parsing")
        case .inconsistentDedent?:
            return errorAtFurthest(
                "unindent does not match any outer indentation level", kind: .indentationError)
        case .tabsAndSpaces?:
            return makeError(
                .tabError, "inconsistent use of tabs and spaces in indentation", line: line, offset: 1,
                endLine: line, endOffset: 0)
        case .tooDeep?:
            return makeError(
                .indentationError, "too many levels of indentation", line: line, offset: 1, endLine: line,
                endOffset: 0)
        case .lineContinuation(let column)?:
            return makeError(
                .syntaxError, "unexpected character after line continuation character", line: line,
                offset: column + 1, endLine: line, endOffset: 0)
        case nil:
            return errorAtFurthest("invalid syntax")
        }
    }
}
