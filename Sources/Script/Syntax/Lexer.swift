import Tensor

/// Turns source text into tokens exactly as CPython 3.11's tokenizer does: the same token boundaries and positions,
/// INDENT/DEDENT from tabs and spaces, implicit line joining inside brackets, backslash continuations, and the same
/// errors at the same places.
///
/// The lexer runs to the end eagerly. When CPython's tokenizer would fail, the token list ends with an `.error`
/// token and `failure` says why; the parser raises it only if it reads that far, as CPython's lazy tokenizer would.
public struct Lexer {
    /// Why tokenizing stopped before the end of the input.
    public enum Failure: Sendable, Equatable {
        /// The tokenizer raised this error itself (an unterminated string, a bad number, a stray bracket ...).
        case error(SyntaxError)
        /// The input ended inside brackets: "'(' was never closed" once the parser reaches it.
        case unclosedBracket(opening: Unicode.Scalar, line: Int, column: Int)
        /// The input ended right after a backslash continuation.
        case endOfFileInContinuation
        /// A dedent to a column no enclosing block uses.
        case inconsistentDedent
        /// Tabs and spaces disagree about the indentation.
        case tabsAndSpaces
        /// More than 100 levels of indentation.
        case tooDeep
        /// Something other than a newline follows a continuation backslash; `column` is CPython's 0-based column.
        case lineContinuation(column: Int)
    }

    /// The tokens, ending with `.endMarker` or, on failure, `.error`.
    public internal(set) var tokens: [Token] = []
    /// Why the tokens end in `.error`, if they do.
    public internal(set) var failure: Failure?
    /// The brackets open when the tokenizer failed, innermost last.
    var failureBrackets: [(scalar: Unicode.Scalar, line: Int, column: Int)] = []
    /// Where the input ran out, when it did between tokens (at a line's start, or after a continuation backslash):
    /// the state from which more lines can be tokenized as if they had been there all along.
    var resumptionAtEnd: Resumption?
    /// The quote of the triple-quoted string the input ended inside, if it did.
    var unterminatedQuote: Unicode.Scalar?
    /// Whether to note `lastResumable` (interactive input read a line at a time).
    var notesResumables = false
    /// The state at the last point from which tokenizing could resume (a line's start, the end of a string), its
    /// offset, and how many tokens came before it.
    var lastResumable: (state: Resumption, offset: Int, tokenCount: Int)?
    /// The indentation a resumed run goes on measuring at its start (see `Resumption.indentation`).
    var resumedIndentation: PartialIndentation?

    let source: SourceText
    let scalars: [Unicode.Scalar]

    // The reading position, mirroring CPython's `cur`, `line_start`, `inp` and `lineno`.
    var pos = 0
    var lineStart = 0
    var lineEnd = 0
    var lineNumber = 0
    var reachedEnd = false

    // Where the current token starts, and for strings, the line it started on.
    var tokenStart = 0
    /// Whether a token is being read (CPython's `tok->start` is set): lines read meanwhile extend the buffer that
    /// CPython quotes in errors instead of replacing it.
    var tokenInProgress = false
    /// The first line of CPython's line buffer (`tok->buf`): normally the current line, but a multi-line string or
    /// a backslash continuation keeps the lines they span.
    var bufferLine = 1
    /// The offset where that buffer starts.
    var bufferStart = 0
    var firstLine = 1
    var multiLineStart = 0

    // Indentation and bracket state.
    var atBeginningOfLine = true
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    var pendingIndents = 0
    var brackets: [(scalar: Unicode.Scalar, line: Int, column: Int)] = []

    static let maxIndent = 100
    static let maxLevel = 200
    static let tabSize = 8

    /// Tokenizes `source` completely.
    public init(_ source: SourceText) {
        self.source = source
        self.scalars = source.scalars
        self.lineNumber = source.firstLine - 1
        run()
    }

    /// Tokenizes `text` completely.
    public init(_ text: String, filename: String = "<string>") {
        self.init(SourceText(text, filename: filename))
    }

    /// A bracket left open: the character, and its line and column.
    typealias OpenBracket = (scalar: Unicode.Scalar, line: Int, column: Int)

    /// CPython's lexer state for a sub-source that starts at a given line (f-string replacement fields).
    init(_ source: SourceText, firstLine: Int) {
        self.source = source
        self.scalars = source.scalars
        self.lineNumber = firstLine - 1
        run()
    }

    mutating func run() {
        var count = 0
        while true {
            let kind = nextToken()
            if kind == .endMarker || kind == .error { return }
            count &+= 1
            // A source of millions of tokens takes seconds: Ctrl-C stops it (the parser then raises
            // KeyboardInterrupt, seeing the same request).
            if count % 4096 == 0 && Interruption.isRequested {
                fail(.error(SyntaxError(kind: .keyboardInterrupt, message: "", filename: source.filename,
                                        line: 0, offset: 0, text: "")))
                return
            }
        }
    }

    // MARK: Reading characters

    /// The next character, reading the next line when the current one is used up; nil at the end of input.
    mutating func next() -> Unicode.Scalar? {
        if pos != lineEnd {
            pos += 1
            return scalars[pos - 1]
        }
        if reachedEnd || lineEnd >= scalars.count {
            reachedEnd = true
            return nil
        }
        lineNumber += 1
        if !tokenInProgress {
            bufferLine = lineNumber
            bufferStart = lineEnd
        }
        lineStart = lineEnd
        var end = lineStart
        while end < scalars.count {
            end += 1
            if scalars[end - 1] == "\n" { break }
        }
        lineEnd = end
        pos = lineStart + 1
        return scalars[lineStart]
    }

    /// Steps back over `c` (nothing for the end of input).
    mutating func backup(_ c: Unicode.Scalar?) {
        if c != nil, pos > 0 { pos -= 1 }
    }

    /// The column of an offset on the current line.
    func column(_ offset: Int) -> Int { offset - lineStart }

    var cursor: SourceLocation {
        SourceLocation(line: lineNumber, column: pos - lineStart, offset: pos)
    }

    // MARK: Emitting

    @discardableResult
    mutating func emit(_ kind: Token.Kind, from start: Int, to end: Int) -> Token.Kind {
        let startLocation = SourceLocation(line: lineNumber, column: start - lineStart, offset: start)
        let endLocation = SourceLocation(line: lineNumber, column: end - lineStart, offset: end)
        let text = SourceText.string(scalars[start..<Swift.max(start, end)])
        tokens.append(Token(
            kind: kind, text: text, range: SourceRange(start: startLocation, end: endLocation),
            level: brackets.count, cursor: cursor, bufferLine: bufferLine))
        return kind
    }

    /// A token without a column of its own (INDENT, DEDENT, ENDMARKER), placed at the reading position.
    @discardableResult
    mutating func emitPositionless(_ kind: Token.Kind) -> Token.Kind {
        let here = cursor
        tokens.append(Token(
            kind: kind, text: "", range: SourceRange(start: here, end: here), level: brackets.count, cursor: here,
            bufferLine: bufferLine))
        return kind
    }

    /// Stops with `failure`, ending the tokens with an `.error` token at the reading position.
    @discardableResult
    mutating func fail(_ failure: Failure) -> Token.Kind {
        self.failure = failure
        failureBrackets = brackets
        return emitPositionless(.error)
    }

    /// CPython's `syntaxerror()`: the error points at the reading position unless told otherwise.
    @discardableResult
    mutating func syntaxError(_ message: String, offset: Int? = nil, endOffset: Int? = nil) -> Token.Kind {
        let here = pos - lineStart
        let text = currentLineText()
        let start = offset ?? here
        return fail(.error(SyntaxError(
            message: message, filename: source.filename, line: lineNumber, offset: start,
            endOffset: endOffset ?? start, text: text)))
    }

    /// The current line from its start up to its newline.
    func currentLineText() -> String {
        var end = lineStart
        while end < scalars.count, scalars[end] != "\n" { end += 1 }
        return SourceText.string(scalars[lineStart..<end])
    }

    // MARK: The main loop

    /// Reads one token (CPython's `tok_get`) and returns its kind.
    mutating func nextToken() -> Token.Kind {
        var blankLine = false
        nextLine: while true {
            blankLine = false
            tokenInProgress = false
            if atBeginningOfLine {
                if let kind = measureIndentation(&blankLine) { return kind }
            }
            tokenStart = pos
            if pendingIndents != 0 {
                if pendingIndents < 0 {
                    pendingIndents += 1
                    return emitPositionless(.dedent)
                }
                pendingIndents -= 1
                return emitPositionless(.indent)
            }
            again: while true {
                tokenInProgress = false
                var c = next()
                while c == " " || c == "\t" || c == "\u{0C}" { c = next() }
                tokenStart = pos - 1
                tokenInProgress = true
                if c == "#" {
                    while let ch = c, ch != "\n" { c = next() }
                }
                guard let c else {
                    if !brackets.isEmpty, let open = brackets.last {
                        return fail(.unclosedBracket(opening: open.scalar, line: open.line, column: open.column))
                    }
                    return emitPositionless(.endMarker)
                }
                if Self.isIdentifierStart(c) {
                    return identifierOrString(c)
                }
                if c == "\n" {
                    atBeginningOfLine = true
                    if blankLine || !brackets.isEmpty { continue nextLine }
                    // The NEWLINE token starts at any comment before the line break, as in CPython.
                    return emit(.newline, from: tokenStart, to: pos - 1)
                }
                if c == "." {
                    let c2 = next()
                    if let d = c2, Self.isDigit(d) {
                        return fraction(d)
                    } else if c2 == "." {
                        let c3 = next()
                        if c3 == "." {
                            return emit(.ellipsis, from: tokenStart, to: pos)
                        }
                        backup(c3)
                        backup(".")
                    } else {
                        backup(c2)
                    }
                    return emit(.dot, from: tokenStart, to: pos)
                }
                if Self.isDigit(c) {
                    return number(c)
                }
                if c == "'" || c == "\"" {
                    return string(quote: c)
                }
                if c == "\\" {
                    if let failed = continuationLine() {
                        if failure == .endOfFileInContinuation { resumptionAtEnd = resumption(atLineStart: false) }
                        return failed
                    }
                    continue again
                }
                return operatorToken(c)
            }
        }
    }

    /// After a backslash: the line break it escapes, and the start of the next line (CPython's
    /// `tok_continuation_line`). Returns a kind only when it failed.
    mutating func continuationLine() -> Token.Kind? {
        let c2 = next()
        if c2 != "\n" {
            // CPython counts this column from the start of its line buffer, which a string spanning lines extends.
            return fail(.lineContinuation(column: pos - bufferStart - 1))
        }
        let c3 = next()
        if c3 == nil {
            pos = lineEnd
            return fail(.endOfFileInContinuation)
        }
        backup(c3)
        return nil
    }

    /// Two- and three-character operators, brackets (tracking nesting), and single characters.
    mutating func operatorToken(_ c: Unicode.Scalar) -> Token.Kind {
        let c2 = next()
        if let c2, let two = Token.Kind.twoChars(c, c2) {
            let c3 = next()
            if let c3, let three = Token.Kind.threeChars(c, c2, c3) {
                return emit(three, from: tokenStart, to: pos)
            }
            backup(c3)
            return emit(two, from: tokenStart, to: pos)
        }
        backup(c2)
        switch c {
        case "(", "[", "{":
            if brackets.count >= Self.maxLevel {
                return syntaxError("too many nested parentheses")
            }
            brackets.append((c, lineNumber, tokenStart - lineStart))
        case ")", "]", "}":
            guard let opening = brackets.popLast() else {
                return syntaxError("unmatched '\(c)'")
            }
            let matches = (opening.scalar == "(" && c == ")") || (opening.scalar == "[" && c == "]")
                || (opening.scalar == "{" && c == "}")
            if !matches {
                if opening.line != lineNumber {
                    return syntaxError(
                        "closing parenthesis '\(c)' does not match opening parenthesis '\(opening.scalar)' "
                            + "on line \(opening.line)")
                }
                return syntaxError(
                    "closing parenthesis '\(c)' does not match opening parenthesis '\(opening.scalar)'")
            }
        default:
            break
        }
        if !Self.isPrintable(c) {
            return syntaxError("invalid non-printable character U+\(Self.hex(c))")
        }
        return emit(Token.Kind.oneChar(c), from: tokenStart, to: pos)
    }

    // MARK: Identifiers

    /// A name, a keyword, or a string with a prefix (`r"..."`, `f'...'`, `b"..."`).
    mutating func identifierOrString(_ first: Unicode.Scalar) -> Token.Kind {
        var c: Unicode.Scalar? = first
        var sawB = false, sawR = false, sawU = false, sawF = false
        while let ch = c {
            if !(sawB || sawU || sawF) && (ch == "b" || ch == "B") {
                sawB = true
            } else if !(sawB || sawU || sawR || sawF) && (ch == "u" || ch == "U") {
                sawU = true
            } else if !(sawR || sawU) && (ch == "r" || ch == "R") {
                sawR = true
            } else if !(sawF || sawB || sawU) && (ch == "f" || ch == "F") {
                sawF = true
            } else {
                break
            }
            c = next()
            if c == "\"" || c == "'", let quote = c {
                return string(quote: quote)
            }
        }
        var nonASCII = false
        while let ch = c, Self.isIdentifierChar(ch) {
            if ch.value >= 128 { nonASCII = true }
            c = next()
        }
        backup(c)
        if nonASCII, let kind = verifyIdentifier() {
            return kind
        }
        let text = SourceText.string(scalars[tokenStart..<pos])
        return emit(Token.Kind.keywords[text] ?? .name, from: tokenStart, to: pos)
    }

    /// Checks a name with non-ASCII characters against PEP 3131; returns `.error` if it is not an identifier.
    mutating func verifyIdentifier() -> Token.Kind? {
        let name = scalars[tokenStart..<pos]
        var index = 0
        for scalar in name {
            let ok = index == 0
                ? (scalar == "_" || scalar.properties.isXIDStart)
                : scalar.properties.isXIDContinue
            if !ok {
                if index + 1 < name.count {
                    pos = tokenStart + index + 1
                }
                if Self.isPrintable(scalar) {
                    return syntaxError("invalid character '\(Character(scalar))' (U+\(Self.hex(scalar)))")
                }
                return syntaxError("invalid non-printable character U+\(Self.hex(scalar))")
            }
            index += 1
        }
        return nil
    }

    // MARK: Character classes

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" || c.value >= 128
    }

    static func isIdentifierChar(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || isDigit(c)
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func isHexDigit(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || (c >= "a" && c <= "f") || (c >= "A" && c <= "F")
    }

    /// Python's `str.isprintable()` for one character: not a control, format, surrogate, private-use, unassigned
    /// or separator character, except the ASCII space.
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        if c == " " { return true }
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
             .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// At least four upper-case hex digits, as `%04X`.
    static func hex(_ c: Unicode.Scalar) -> String {
        let digits = String(c.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}
