import Foundation

/// Splits Markdown into blocks, following CommonMark where lessons need it (ATX and setext headings, fences, block
/// quotes, nested lists by indentation, GFM pipe tables) plus `$$` display math.
struct MarkdownBlockParser {
    let lines: [String]
    var index = 0
    /// Nesting depth of quotes and lists, bounded so that hostile input cannot exhaust the stack.
    let depth: Int

    init(lines: [String], depth: Int = 0) {
        self.lines = lines
        self.depth = depth
    }

    /// The blocks of `markdown`.
    static func parse(_ markdown: String) -> [MarkdownBlock] {
        let normalized = markdown.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: "    ")
        var parser = MarkdownBlockParser(lines: normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        return parser.blocks()
    }

    private static let maximumDepth = 24

    mutating func blocks() -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        while index < lines.count {
            let line = lines[index]
            if Self.isBlank(line) {
                index += 1
                continue
            }
            if let block = nextBlock(line) { result.append(block) }
        }
        return result
    }

    // MARK: Line classification

    // Lines are looked at many times over (once per level of a nested list or quote), so leading spaces are
    // counted and cut on the UTF-8 bytes, not as Characters.

    static func isBlank(_ line: String) -> Bool {
        var asciiOnly = true
        for byte in line.utf8 {
            if byte >= 0x80 { asciiOnly = false; break }
            if !(byte == 0x20 || (0x09...0x0D).contains(byte)) { return false }
        }
        return asciiOnly || line.allSatisfy(\.isWhitespace)
    }

    static func indentation(_ line: String) -> Int {
        var count = 0
        for byte in line.utf8 {
            guard byte == 0x20 else { break }
            count += 1
        }
        return count
    }

    static func stripped(_ line: String) -> String { dedent(line, by: Int.max) }

    /// Removes up to `count` leading spaces.
    static func dedent(_ line: String, by count: Int) -> String {
        let spaces = min(count, indentation(line))
        guard spaces > 0 else { return line }
        let bytes = line.utf8
        return String(Substring(bytes[bytes.index(bytes.startIndex, offsetBy: spaces)...]))
    }

    static func heading(_ line: String) -> (Int, String)? {
        guard indentation(line) < 4 else { return nil }
        let text = stripped(line)
        let hashes = text.prefix { $0 == "#" }.count
        guard hashes >= 1 && hashes <= 6 else { return nil }
        let rest = text.dropFirst(hashes)
        // CommonMark wants a space after the hashes; "##Title" (which notebooks accept) is taken too, "#tag" is not.
        guard rest.isEmpty || rest.first == " " || hashes >= 2 else { return nil }
        var title = rest.trimmingCharacters(in: .whitespaces)
        let closing = title.reversed().prefix { $0 == "#" }.count
        if closing > 0 && (closing == title.count || title.dropLast(closing).last == " ") {
            title = String(title.dropLast(closing)).trimmingCharacters(in: .whitespaces)
        }
        return (hashes, title)
    }

    static func isRule(_ line: String) -> Bool {
        guard indentation(line) < 4 else { return false }
        let marks = line.filter { !$0.isWhitespace }
        guard let first = marks.first, "-*_".contains(first), marks.count >= 3 else { return false }
        return marks.allSatisfy { $0 == first }
    }

    static func fence(_ line: String) -> (Character, Int, String)? {
        guard indentation(line) < 4 else { return nil }
        let text = stripped(line)
        guard let mark = text.first, mark == "`" || mark == "~" else { return nil }
        let count = text.prefix { $0 == mark }.count
        guard count >= 3 else { return nil }
        let info = text.dropFirst(count).trimmingCharacters(in: .whitespaces)
        if mark == "`" && info.contains("`") { return nil }
        return (mark, count, String(info.split(separator: " ").first ?? ""))
    }

    /// A list marker: whether ordered, its number, the marker character, and the column the content starts at.
    static func listMarker(_ line: String) -> (ordered: Bool, number: Int, mark: Character, content: Int)? {
        let indent = indentation(line)
        let text = Array(stripped(line))
        guard let first = text.first else { return nil }
        var markerLength = 0
        var ordered = false
        var number = 0
        var mark = first
        if "-*+".contains(first) {
            markerLength = 1
        } else if first.isASCII && first.isNumber {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            guard digits.count <= 9, digits.count < text.count, ".)".contains(text[digits.count]) else { return nil }
            number = Int(String(digits)) ?? 0
            mark = text[digits.count]
            markerLength = digits.count + 1
            ordered = true
        } else {
            return nil
        }
        guard markerLength == text.count || text[markerLength] == " " else { return nil }
        let spaces = text.dropFirst(markerLength).prefix { $0 == " " }.count
        let gap = markerLength == text.count || spaces > 4 ? 1 : spaces
        return (ordered, number, mark, indent + markerLength + gap)
    }

    static func isTableDelimiter(_ line: String) -> Bool {
        let cells = MarkdownTable.cells(of: line)
        guard !cells.isEmpty, line.contains("-") else { return false }
        return cells.allSatisfy { cell in
            let core = cell.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
            return !core.isEmpty && core.allSatisfy { $0 == "-" } && cell.count >= 1
        } && (line.contains("|") || cells.count > 1)
    }

    /// Whether `line` begins a block that ends a paragraph.
    func interruptsParagraph(_ line: String) -> Bool {
        if Self.heading(line) != nil || Self.isRule(line) || Self.fence(line) != nil { return true }
        let text = Self.stripped(line)
        if text.hasPrefix(">") || text.hasPrefix("\\[") { return true }
        if text.hasPrefix("$$") && !Self.continuesAfterClosingDollars(text) { return true }
        if let marker = Self.listMarker(line), !Self.isBlank(String(text.dropFirst(1))) {
            return !marker.ordered || marker.number == 1
        }
        return false
    }
}
