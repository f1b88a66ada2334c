/// Interactive input read a line at a time, knowing after each line whether it needs more, as
/// `Parser.needsMoreInput` decides for the whole text, in time proportional to the input's length: the tokenizer
/// keeps its state (open blocks and brackets, a line's indentation up to a continuation backslash) between lines
/// and reads each line once, except that the lines of a triple-quoted string are read again when it ends.
public struct InteractiveInput: Sendable {
    /// The lines so far.
    public private(set) var text = ""
    /// How many lines so far.
    public private(set) var lineCount = 0
    /// The tokenizer's state after the lines tokenized for good, where `unread` starts.
    private var resumption = Lexer.Resumption.start
    /// The lines since `resumption`: a triple-quoted string spans them.
    private var unread = ""
    /// The text after the last newline, given without one: the next line continues it.
    private var unfinishedLine = ""
    /// The quote of the triple-quoted string `unread` ends inside.
    private var openQuote: Unicode.Scalar?
    /// Set once the tokenizer stopped at an error that no line can mend: the input is whole (and invalid).
    private var failed = false
    /// Whether the last token so far is a colon; nil before any token.
    private var lastTokenIsColon: Bool?
    private var shape = PromptLineShape()
    /// The answer for the text so far.
    private var lastAnswer = false
    /// How many characters the tokenizer was given in all, so tests can tell that reading stays linear.
    private(set) var scalarsTokenized = 0

    /// No input yet.
    public init() {}

    /// Adds `line` (ending in a newline) and tells whether the input needs more lines. Text without a final newline
    /// is answered for as the whole text would be, and read again with the line that completes it.
    public mutating func needsMore(after line: String) -> Bool {
        // The tokenizer drops a byte order mark only at the start of the input: elsewhere it is a character (an
        // invalid one outside strings and comments), and text tokenized after a resumption keeps it.
        var lexed = line
        if text.isEmpty, line.unicodeScalars.first == "\u{FEFF}" {
            lexed = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst()))
        }
        text += line
        lineCount += 1
        shape.add(text: line)
        if failed { return false }
        if line.unicodeScalars.last == "\n" {
            let whole = unfinishedLine + lexed
            unfinishedLine = ""
            lastAnswer = read(whole)
        } else if !lexed.isEmpty {
            unfinishedLine += lexed
            lastAnswer = needsMoreWithUnfinishedLine()
        }
        // Text with nothing for the tokenizer (empty, or a byte order mark that starts the input) keeps the answer:
        // a tokenizer resumed on no text cannot tell that its state was taken after a continuation backslash.
        return lastAnswer
    }

    /// Tokenizes `line`, which ends in a newline, after the lines before it, keeping the state at its end.
    private mutating func read(_ line: String) -> Bool {
        unread += line
        if let quote = openQuote, !Self.closesString(line, quote: quote) { return true }
        openQuote = nil
        let lexer = tokenize(unread)
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
            // Out of input between tokens or in a line's indentation after a continuation backslash, where input
            // ending in a newline always runs out: what was read is tokenized for good.
            guard let next = lexer.resumptionAtEnd else {
                scalarsTokenized += text.unicodeScalars.count
                return lexer.failure != nil || Parser.needsMoreInput(text)
            }
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

    /// Whether the input needs more lines as it stands, ending in `unfinishedLine`; nothing is kept, since the next
    /// text continues that line (the tokenizer ends it with a newline of its own, and a carriage return at its
    /// end makes one line break with a newline that follows).
    private mutating func needsMoreWithUnfinishedLine() -> Bool {
        if let quote = openQuote, !Self.closesString(unfinishedLine, quote: quote) { return true }
        let lexer = tokenize(unread + unfinishedLine)
        if lexer.unterminatedQuote != nil { return true }
        if let failure = lexer.failure { return Parser.failureNeedsMoreInput(failure) }
        let last = lexer.tokens.last(where: \.kind.isMeaningful).map { $0.kind == .colon } ?? lastTokenIsColon
        return Parser.needsMoreInput(lastTokenIsColon: last, shape: shape)
    }

    /// Tokenizes `source` as the text that follows the input tokenized for good.
    private mutating func tokenize(_ source: String) -> Lexer {
        let lexer = Lexer(SourceText(source, filename: "<stdin>", startsInput: false), resuming: resumption)
        scalarsTokenized += lexer.scalars.count
        return lexer
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
