extension Lexer {
    /// A string literal whose opening quote `quote` was just read (after any prefix letters, which start the token).
    /// Only the extent is found here, as CPython's tokenizer does; `StringLiteral` decodes escapes and f-strings.
    mutating func string(quote: Unicode.Scalar) -> Token.Kind {
        firstLine = lineNumber
        multiLineStart = lineStart
        var quoteSize = 1
        var endQuoteSize = 0
        var c = next()
        if c == quote {
            c = next()
            if c == quote {
                quoteSize = 3
            } else {
                endQuoteSize = 1
            }
        }
        if c != quote { backup(c) }
        while endQuoteSize != quoteSize {
            c = next()
            guard let ch = c, quoteSize == 3 || ch != "\n" else {
                // Report from the opening quote (the token's first character), on the line it started.
                let detectedAt = lineNumber
                pos = tokenStart + 1
                lineStart = multiLineStart
                lineNumber = firstLine
                if quoteSize == 3 {
                    unterminatedQuote = quote
                    return syntaxError("unterminated triple-quoted string literal (detected at line \(detectedAt))")
                }
                return syntaxError("unterminated string literal (detected at line \(detectedAt))")
            }
            if ch == quote {
                endQuoteSize += 1
            } else {
                endQuoteSize = 0
                if ch == "\\" { _ = next() }
            }
        }
        let start = SourceLocation(line: firstLine, column: tokenStart - multiLineStart, offset: tokenStart)
        let end = SourceLocation(line: lineNumber, column: pos - lineStart, offset: pos)
        tokens.append(Token(
            kind: .string, text: SourceText.string(scalars[tokenStart..<pos]),
            range: SourceRange(start: start, end: end), level: brackets.count, cursor: cursor,
            bufferLine: bufferLine))
        // After a string the line goes on as after a continuation backslash: tokens, with no indentation to measure.
        if notesResumables { lastResumable = (resumption(atLineStart: false), pos, tokens.count) }
        return .string
    }
}
