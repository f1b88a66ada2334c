/// Interactive input read a line at a time, knowing after each line whether it needs more, as
/// `Parser.needsMoreInput` decides for the whole text, in time proportional to the input's length: the tokenizer
/// keeps its state (open blocks and brackets) between lines and reads each line once, except that the lines of a
/// triple-quoted string or of a continuation in a line's indentation are read again when it ends.
public struct InteractiveInput: Sendable {
    /// The lines so far.
    public private(set) var text = ""
    /// How many lines so far.
    public private(set) var lineCount = 0
    /// The tokenizer's state after the lines tokenized for good, where `unread` starts.
    private var resumption = Lexer.Resumption.start
    /// The lines since `resumption`: a triple-quoted string or a continuation in the indentation spans them.
    private var unread = ""
    /// The quote of the triple-quoted string `unread` ends inside.
    private var openQuote: Unicode.Scalar?
    /// Set once the tokenizer stopped at an error that no line can mend: the input is whole (and invalid).
    private var failed = false
    /// Whether the last token so far is a colon; nil before any token.
    private var lastTokenIsColon: Bool?
    private var shape = PromptLineShape()
    /// Set when the text holds what the tokenizer would read differently line by line (a byte order mark, dropped
    /// only at the start of input, or a line without a newline): the whole text is checked after each line.
    private var checksWholeText = false

    /// No input yet.
    public init() {}

    /// Adds `line` (ending in a newline) and tells whether the input needs more lines.
    public mutating func needsMore(after line: String) -> Bool {
        text += line
        lineCount += 1
        if checksWholeText || line.unicodeScalars.last != "\n" || line.unicodeScalars.contains("\u{FEFF}") {
            checksWholeText = true
            return Parser.needsMoreInput(text)
        }
        shape.add(text: line)
        if failed { return false }
        unread += line
        if let quote = openQuote, !Self.closesString(line, quote: quote) { return true }
        openQuote = nil
        let lexer = Lexer(SourceText(unread, filename: "<stdin>"), resuming: resumption)
        // The input ended inside a triple-quoted string: its lines are read again once a line closes it, from the
        // last point before it where tokenizing can resume (offsets in `unread` are the tokenizer's where no
        // carriage return joins or splits lines).
        if let quote = lexer.unterminatedQuote {
            openQuote = quote
            if let start = lexer.lastResumable, start.offset > 0, !unread.unicodeScalars.contains("\r") {
                resumption = start.state
                if let last = lexer.tokens.prefix(start.tokenCount).last(where: \.kind.isMeaningful) {
                    lastTokenIsColon = last.kind == .colon
                }
                unread = String(String.UnicodeScalarView(unread.unicodeScalars.dropFirst(start.offset)))
            }
            return true
        }
        switch lexer.failure {
        case nil, .unclosedBracket?, .endOfFileInContinuation?:
            // Out of input between tokens: what was read is tokenized for good. Only a continuation backslash in
            // a line's indentation leaves the tokenizer without such a state, and its lines are read again.
            guard let next = lexer.resumptionAtEnd else { return lexer.failure != nil || Parser.needsMoreInput(text) }
            resumption = next
            unread = ""
            if let last = lexer.tokens.last(where: \.kind.isMeaningful) {
                lastTokenIsColon = last.kind == .colon
            }
            if lexer.failure != nil { return true }
            return Parser.needsMoreInput(lastTokenIsColon: lastTokenIsColon, shape: shape)
        case let failure?:
            failed = true
            return Parser.failureNeedsMoreInput(failure)
        }
    }

    /// Whether `line`, read inside a triple-quoted string opened with `quote`, holds the closing quotes, as the
    /// tokenizer scans a string: a backslash escapes the next character, and the newline before the line resets
    /// any run of quotes.
    private static func closesString(_ line: String, quote: Unicode.Scalar) -> Bool {
        var run = 0
        var escaped = false
        for scalar in line.unicodeScalars {
            if escaped {
                escaped = false
            } else if scalar == quote {
                run += 1
                if run == 3 { return true }
            } else {
                run = 0
                escaped = scalar == "\\"
            }
        }
        return false
    }
}
