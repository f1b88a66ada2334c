extension Parser {
    /// Whether text typed at an interactive prompt needs more lines before it can run, as Python's interactive
    /// interpreter decides: the input ends inside brackets, a triple-quoted string or after a backslash; its last
    /// line opens a block (`if x:`); or it is inside an indented block that no empty line has closed yet.
    /// Complete input may still be invalid: parse it to find out.
    public static func needsMoreInput(_ text: String) -> Bool {
        readiness(text).needsMore
    }

    /// What leaves interactive input open at its end, when a line that cannot close it can be read alone.
    enum OpenConstruct: Sendable {
        /// Brackets (and nothing inside them).
        case brackets([Lexer.OpenBracket])
        /// A triple-quoted string, which only a quote or a backslash can affect.
        case tripleQuotedString
        /// An indented block with nothing else open; its last line began with this indentation.
        case indentedBlock(indent: Substring)
    }

    /// `needsMoreInput`, and the construct left open at the end of the text when that is why it needs more.
    static func readiness(_ text: String) -> (needsMore: Bool, open: OpenConstruct?) {
        let lexer = Lexer(text)
        switch lexer.failure {
        case .unclosedBracket?:
            return (true, .brackets(lexer.failureBrackets))
        case .error(let error)? where error.message.hasPrefix("unterminated triple-quoted string literal"):
            return (true, .tripleQuotedString)
        default:
            return (needsMoreInput(lexed: lexer, text), nil)
        }
    }

    private static func needsMoreInput(lexed lexer: Lexer, _ text: String) -> Bool {
        switch lexer.failure {
        case .unclosedBracket?, .endOfFileInContinuation?:
            return true
        case .error(let error)?:
            return error.message.hasPrefix("unterminated triple-quoted string literal")
        default:
            break
        }
        let meaningful = lexer.tokens.filter { ![.newline, .indent, .dedent, .endMarker].contains($0.kind) }
        guard let last = meaningful.last else { return false }
        if last.kind == .colon { return true }
        // Inside an indented block, only an empty line ends the input.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        let isBlank = { (line: Substring) in line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{0C}" } }
        guard let lastLine = lines.last else { return false }
        if isBlank(lastLine) { return false }
        // An indented first line is an error as it stands (unexpected indent), reported at once as Python does.
        if let first = lines.first(where: { !isBlank($0) }), first.first == " " || first.first == "\t" { return false }
        return lastLine.first == " " || lastLine.first == "\t"
    }
}

/// Interactive input read a line at a time, knowing after each line whether it needs more, as
/// `Parser.needsMoreInput` decides for the whole text. While a bracket or a triple-quoted string stays open only the
/// new line is read, so a pasted or piped file with an unclosed bracket or string near its top takes time in
/// proportion to its length rather than to its length squared.
public struct InteractiveInput: Sendable {
    /// The lines so far.
    public private(set) var text = ""
    /// How many lines so far.
    public private(set) var lineCount = 0
    private var open: Parser.OpenConstruct?

    /// No input yet.
    public init() {}

    /// Adds `line` (ending in a newline) and tells whether the input needs more lines.
    public mutating func needsMore(after line: String) -> Bool {
        text += line
        lineCount += 1
        switch open {
        case .brackets(let brackets)?:
            let lexer = Lexer(SourceText(line, filename: "<stdin>"), openBrackets: brackets)
            if case .unclosedBracket? = lexer.failure {
                open = .brackets(lexer.failureBrackets)
                return true
            }
        case .tripleQuotedString?:
            // The lexer reads an f-string whole too, so its braces do not matter here.
            if !line.unicodeScalars.contains(where: { $0 == "'" || $0 == "\"" || $0 == "\\" }) { return true }
        case .indentedBlock(let indent)?:
            // Another line of the block at the same indentation, made only of characters that can neither end the
            // block, change the indentation, nor make the tokenizer fail, keeps it open.
            if Self.continuesBlock(line, indent: indent) { return true }
        case nil:
            break
        }
        let (needsMore, construct) = Parser.readiness(text)
        open = construct
        if needsMore, construct == nil { open = .indentedBlock(indent: Self.indentation(of: line)) }
        return needsMore
    }

    private static func indentation(of line: String) -> Substring {
        line.prefix { $0 == " " || $0 == "\t" }
    }

    private static func continuesBlock(_ line: String, indent: Substring) -> Bool {
        guard !indent.isEmpty, indentation(of: line) == indent else { return false }
        let rest = line.dropFirst(indent.count).unicodeScalars.filter { $0 != "\n" }
        return !rest.isEmpty && rest.allSatisfy { scalar in
            (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x41 && scalar.value <= 0x5A)
                || " _.,=+-*/%:([{&|^~@".unicodeScalars.contains(scalar)
        }
    }
}
