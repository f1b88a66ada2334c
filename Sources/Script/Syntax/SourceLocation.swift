/// A point in a source text: 1-based line, 0-based column and offset, both counted in Unicode scalars (characters
/// as Python counts them), after newlines are normalised to `\n`.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 0-based column within the line, in characters.
    public var column: Int
    /// The 0-based offset from the start of the source, in characters.
    public var offset: Int

    /// A location from its parts.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Orders by offset (line and column follow from it within one source).
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, with the column 0-based as in Python's `ast`.
    public var description: String { "\(line):\(column)" }
}

/// A half-open span of source text, from `start` up to (not including) `end`.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    /// The first character of the span.
    public var start: SourceLocation
    /// The location just past the last character of the span.
    public var end: SourceLocation

    /// A range from its two ends.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    /// Whether `other` lies within this range.
    public func contains(_ other: SourceRange) -> Bool {
        start <= other.start && other.end <= end
    }

    /// `line:column-line:column`.
    public var description: String { "\(start)-\(end)" }
}

/// Source text prepared for lexing: newlines normalised as CPython does (`\r\n` and `\r` become `\n`), a final
/// newline added, and a leading byte-order mark dropped; characters are Unicode scalars.
public struct SourceText: Sendable {
    /// The file name reported in errors (`<stdin>`, `<string>`, a path).
    public let filename: String
    /// The normalised characters.
    public let scalars: [Unicode.Scalar]
    /// Offsets at which each line starts; `lineStarts[0]` is line `firstLine`.
    public let lineStarts: [Int]
    /// The number of the text's first line in its file (a notebook cell's code starts on its own line).
    public let firstLine: Int

    /// Prepares `text`, whose first line is line `firstLine` of `filename`, for lexing.
    public init(_ text: String, filename: String = "<string>", firstLine: Int = 1) {
        self.init(text, filename: filename, firstLine: firstLine, startsInput: true)
    }

    /// Prepares `text` for lexing; a byte-order mark at its start is dropped only if `startsInput` (text that
    /// continues earlier input keeps it, and the tokenizer reads it as the invalid character it is there).
    init(_ text: String, filename: String, firstLine: Int = 1, startsInput: Bool) {
        self.filename = filename
        self.firstLine = Swift.max(firstLine, 1)
        // The standard library's whole-array operations and a loop over raw memory: a script of tens of megabytes
        // is ready in a second, even in a debug build.
        var scalars = Array(text.unicodeScalars)
        if scalars.contains("\r") { scalars = Self.unixLineEnds(scalars) }
        if startsInput, scalars.first == "\u{FEFF}" {
            scalars.removeFirst()
        }
        if let last = scalars.last, last != "\n" {
            scalars.append("\n")
        }
        self.scalars = scalars
        self.lineStarts = scalars.withUnsafeBufferPointer { buffer in
            var starts = [0]
            for index in buffer.indices.dropLast() where buffer[index] == "\n" { starts.append(index + 1) }
            return starts
        }
    }

    /// `scalars` with each `\r\n` and lone `\r` as `\n`.
    private static func unixLineEnds(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var previousWasCR = false
        for scalar in scalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.append(scalar)
        }
        return result
    }

    /// The number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The text of line `number` of the file without its newline, or "" outside the text.
    public func line(_ number: Int) -> String {
        let index = number &- firstLine
        guard index >= 0, index < lineStarts.count else { return "" }
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : scalars.count
        if end > start, scalars[end - 1] == "\n" { end -= 1 }
        return Self.string(scalars[start..<end])
    }

    /// The characters of `range` as a string.
    public func text(_ range: SourceRange) -> String {
        let lower = Swift.max(0, Swift.min(range.start.offset, scalars.count))
        let upper = Swift.max(lower, Swift.min(range.end.offset, scalars.count))
        return Self.string(scalars[lower..<upper])
    }

    /// The location of a character offset.
    public func location(ofOffset offset: Int) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return SourceLocation(line: low + firstLine, column: offset - lineStarts[low], offset: offset)
    }

    static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
