/// A Python `SyntaxError` (or its subclasses `IndentationError` and `TabError`) with everything CPython 3.11 records
/// for it: the message, the 1-based line and character offset of the problem, where it ends, and the source line the
/// caret is drawn under.
public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Which Python exception class the error is.
    public enum Kind: String, Sendable, Equatable {
        case syntaxError = "SyntaxError"
        case indentationError = "IndentationError"
        case tabError = "TabError"
        /// Not a syntax error: CPython raises `RecursionError` when a program nests too deeply to compile.
        case recursionError = "RecursionError"
        /// Not a syntax error: Ctrl-C came while the source was being parsed.
        case keyboardInterrupt = "KeyboardInterrupt"
        /// Not a syntax error: the source is too long for its tokens to fit in the memory Attend allows.
        case memoryError = "MemoryError"
    }

    /// The exception class.
    public var kind: Kind
    /// The message (`msg`), e.g. "invalid syntax" or "expected ':'".
    public var message: String
    /// The file name, e.g. `<stdin>`.
    public var filename: String
    /// The 1-based line number (`lineno`).
    public var line: Int
    /// The 1-based character offset on `line` (`offset`).
    public var offset: Int
    /// The 1-based line where the problem ends (`end_lineno`).
    public var endLine: Int
    /// The 1-based offset just past the problem (`end_offset`); CPython uses 0 or -1 for "unknown".
    public var endOffset: Int
    /// The source line shown under the message (`text`), without its line break.
    public var text: String

    /// An error from its parts.
    public init(
        kind: Kind = .syntaxError, message: String, filename: String = "<string>", line: Int, offset: Int,
        endLine: Int? = nil, endOffset: Int? = nil, text: String
    ) {
        self.kind = kind
        self.message = message
        self.filename = filename
        self.line = line
        self.offset = offset
        self.endLine = endLine ?? line
        self.endOffset = endOffset ?? offset
        self.text = text
    }

    /// The Python class name: `SyntaxError`, `IndentationError` or `TabError`.
    public var pythonName: String { kind.rawValue }

    /// The error as Python prints it at the end of a traceback: the file and line, the source line with a caret
    /// under the problem, and `Class: message`.
    public var formatted: String {
        if kind == .recursionError || kind == .memoryError { return "\(pythonName): \(message)" }
        if kind == .keyboardInterrupt { return pythonName }
        var lines = ["  File \"\(filename)\", line \(line)"]
        let rtext = text.hasSuffix("\n") ? String(text.dropLast()) : text
        let ltext = String(rtext.drop(while: { $0 == " " || $0 == "\n" || $0 == "\u{0C}" }))
        let spaces = rtext.count - ltext.count
        lines.append("    " + ltext)
        var end = (endOffset == 0) ? offset : endOffset
        if offset == end || end == -1 {
            end = offset + 1
        }
        let column = offset - 1 - spaces
        let endColumn = end - 1 - spaces
        if column >= 0 {
            // Tabs and other whitespace are kept so the caret lines up under them.
            let lead = ltext.prefix(column).map { $0.isWhitespace ? String($0) : " " }.joined()
            lines.append("    " + lead + String(repeating: "^", count: Swift.max(0, endColumn - column)))
        }
        lines.append("\(pythonName): \(message)")
        return lines.joined(separator: "\n")
    }

    /// `message (file, line N)`, as `str()` of the exception shows it.
    public var description: String { "\(message) (\(filename), line \(line))" }
}
