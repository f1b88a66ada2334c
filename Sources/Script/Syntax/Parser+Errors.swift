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
        let (text, measured) = errorText(line: line)
        return SyntaxError(
            kind: kind, message: message, filename: source.filename, line: line,
            offset: characterOffset(offset, on: line, in: measured), endLine: endLine,
            endOffset: endOffset > 0 ? characterOffset(endOffset, on: endLine, in: measured) : endOffset, text: text)
    }

    /// CPython's `_PyPegen_byte_offset_to_character_offset`: a 1-based offset on `line`, taken as UTF-8 bytes and
    /// counted as characters of the error text (which starts on an earlier line when the tokenizer's buffer does),
    /// clamped to one past its end. For an error text that is the line itself this changes nothing but the clamp.
    func characterOffset(_ offset: Int, on line: Int, in text: String) -> Int {
        guard offset > 0 else { return offset }
        let prefix = source.line(line).unicodeScalars.prefix(offset - 1)
        let byteOffset = prefix.reduce(0) { $0 + UTF8.width($1) } + 1
        let bytes = Array(text.utf8)
        if byteOffset > bytes.count { return text.unicodeScalars.count + 1 }
        var characters = 0
        var position = 0
        while position < byteOffset {
            let lead = bytes[position]
            let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            position += width
            characters += 1
        }
        return characters
    }

    /// The source text CPython shows for an error on `line`: the tokenizer's whole line buffer when the error is on
    /// the line it is reading (a multi-line string or continuation included), else that line alone. Also returns
    /// the text as CPython measures offsets against it (its buffer keeps the final line break).
    func errorText(line: Int) -> (String, String) {
        let state = tokens[Swift.min(furthest, tokens.count - 1)]
        guard line >= state.cursor.line else {
            let text = source.line(line)
            return (text, text)
        }
        let first = Swift.min(state.bufferLine, line)
        var text = (first...line).map { source.line($0) }.joined(separator: "\n")
        let measured = text + "\n"
        while text.hasSuffix("\n") { text.removeLast() }
        return (text, measured)
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
            // The column counts from the start of the tokenizer's buffer, which is also where the text starts.
            var error = makeError(
                .syntaxError, "unexpected character after line continuation character", line: line, offset: 1,
                endLine: line, endOffset: 0)
            if fieldContext == nil { error.offset = column + 1 }
            return error
        case nil:
            return errorAtFurthest("invalid syntax")
        }
    }
}
