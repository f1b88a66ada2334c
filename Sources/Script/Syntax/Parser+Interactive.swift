extension Parser {
    /// Whether text typed at an interactive prompt needs more lines before it can run, as Python's interactive
    /// interpreter decides: the input ends inside brackets, a triple-quoted string or after a backslash; its last
    /// line opens a block (`if x:`); or it is inside an indented block that no empty line has closed yet.
    /// Complete input may still be invalid: parse it to find out.
    public static func needsMoreInput(_ text: String) -> Bool {
        let lexer = Lexer(text)
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
        return lastLine.first == " " || lastLine.first == "\t"
    }
}
