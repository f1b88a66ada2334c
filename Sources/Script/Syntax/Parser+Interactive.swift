extension Parser {
    /// Whether text typed at an interactive prompt needs more lines before it can run, as Python's interactive
    /// interpreter decides: the input ends inside brackets, a triple-quoted string or after a backslash; its last
    /// line opens a block (`if x:`); or it is inside an indented block that no empty line has closed yet.
    /// Complete input may still be invalid: parse it to find out.
    public static func needsMoreInput(_ text: String) -> Bool {
        let lexer = Lexer(text)
        if let failure = lexer.failure { return failureNeedsMoreInput(failure) }
        var shape = PromptLineShape()
        shape.add(text: text)
        let last = lexer.tokens.last { $0.kind.isMeaningful }
        return needsMoreInput(lastTokenIsColon: last.map { $0.kind == .colon }, shape: shape)
    }

    /// Whether input whose tokenizing stopped with `failure` needs more lines: it does when it ran out inside
    /// brackets, a triple-quoted string or a continuation; any other error of the tokenizer (a bad dedent, tabs
    /// against spaces, a character after a continuation backslash) is reported at once, as Python's prompt does.
    static func failureNeedsMoreInput(_ failure: Lexer.Failure) -> Bool {
        switch failure {
        case .unclosedBracket, .endOfFileInContinuation:
            return true
        case .error(let error):
            return error.message.hasPrefix("unterminated triple-quoted string literal")
        case .inconsistentDedent, .tabsAndSpaces, .tooDeep, .lineContinuation:
            return false
        }
    }

    /// Whether input that tokenized completely needs more lines, from whether its last token (nil: it has none) is
    /// the colon that opens a block and from the shape of its lines.
    static func needsMoreInput(lastTokenIsColon: Bool?, shape: PromptLineShape) -> Bool {
        guard let lastTokenIsColon else { return false }
        return lastTokenIsColon || shape.isInsideIndentedBlock
    }
}

/// What the lines of interactive input say about an indented block: inside one, only an empty line ends the input.
struct PromptLineShape: Sendable {
    /// Whether the first line that is not blank is indented; nil before there is one.
    private var firstTextIndented: Bool?
    /// The last line so far.
    private var lastLine: Substring?
    /// The last line when no newline ended it (the text ended without one, or in `\r\n`, which is one character
    /// and so no line break here): text added next continues it.
    private var unfinished = ""

    /// Adds `text`, the lines that follow the text added before.
    mutating func add(text: String) {
        let joined = unfinished + text
        var lines = joined.split(separator: "\n", omittingEmptySubsequences: false)
        if joined.hasSuffix("\n") {
            lines.removeLast()
            unfinished = ""
        } else {
            unfinished = String(lines.last ?? "")
        }
        for line in lines { add(line) }
    }

    /// Adds a line (without its newline).
    private mutating func add(_ line: Substring) {
        if firstTextIndented == nil, !Self.isBlank(line) { firstTextIndented = Self.isIndented(line) }
        lastLine = line
    }

    /// Whether the last line is a line of an indented block, so the input waits for an empty line.
    var isInsideIndentedBlock: Bool {
        guard let lastLine, !Self.isBlank(lastLine) else { return false }
        // An indented first line is an error as it stands (unexpected indent), reported at once as Python does.
        if firstTextIndented == true { return false }
        return Self.isIndented(lastLine)
    }

    private static func isBlank(_ line: Substring) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
    }

    private static func isIndented(_ line: Substring) -> Bool {
        line.first == " " || line.first == "\t"
    }
}

extension Token.Kind {
    /// Whether the token is one a reader sees, rather than layout (NEWLINE, INDENT, DEDENT), the end or an error.
    var isMeaningful: Bool {
        switch self {
        case .newline, .indent, .dedent, .endMarker, .error: return false
        default: return true
        }
    }
}
