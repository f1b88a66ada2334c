import Foundation

/// Reading each kind of block from the current line on.
extension MarkdownBlockParser {
    /// The block starting at the current (non-blank) line; advances past it.
    mutating func nextBlock(_ line: String) -> MarkdownBlock? {
        if Self.indentation(line) >= 4 { return indentedCode() }
        if let (mark, count, info) = Self.fence(line) { return fencedCode(mark: mark, count: count, info: info, indent: Self.indentation(line)) }
        let text = Self.stripped(line)
        if text.hasPrefix("$$") && !Self.continuesAfterClosingDollars(text) { return displayMath(opening: "$$", closing: "$$") }
        if text.hasPrefix("\\[") { return displayMath(opening: "\\[", closing: "\\]") }
        if let (level, title) = Self.heading(line) {
            index += 1
            return .heading(level: level, text: title)
        }
        if Self.isRule(line) {
            index += 1
            return .rule
        }
        if text.hasPrefix(">") { return quote() }
        if Self.listMarker(line) != nil { return list() }
        if line.contains("|") && index + 1 < lines.count && Self.isTableDelimiter(lines[index + 1]) { return table() }
        return paragraph()
    }

    /// Whether text follows a formula closed on its own line (`$$x$$ is the loss`): then the line is a paragraph
    /// with inline math, and nothing is dropped.
    static func continuesAfterClosingDollars(_ text: String) -> Bool {
        guard let close = text.dropFirst(2).range(of: "$$") else { return false }
        return !text[close.upperBound...].allSatisfy(\.isWhitespace)
    }

    private mutating func indentedCode() -> MarkdownBlock {
        var code: [String] = []
        while index < lines.count && (Self.isBlank(lines[index]) || Self.indentation(lines[index]) >= 4) {
            code.append(Self.dedent(lines[index], by: 4))
            index += 1
        }
        while let last = code.last, Self.isBlank(last) { code.removeLast() }
        return .code(info: "", text: code.joined(separator: "\n"))
    }

    private mutating func fencedCode(mark: Character, count: Int, info: String, indent: Int) -> MarkdownBlock {
        index += 1
        var code: [String] = []
        while index < lines.count {
            let line = lines[index]
            index += 1
            let text = Self.stripped(line)
            if Self.indentation(line) < 4 && text.prefix(while: { $0 == mark }).count >= count
                && text.drop(while: { $0 == mark }).allSatisfy(\.isWhitespace) {
                break
            }
            code.append(Self.dedent(line, by: indent))
        }
        return .code(info: info, text: code.joined(separator: "\n"))
    }

    /// `$$ ... $$` on one line or spread over several; text after the closing `$$` is dropped.
    private mutating func displayMath(opening: String, closing: String) -> MarkdownBlock {
        var rest = String(Self.stripped(lines[index]).dropFirst(opening.count))
        index += 1
        var source: [String] = []
        while true {
            if let range = rest.range(of: closing) {
                source.append(String(rest[..<range.lowerBound]))
                break
            }
            source.append(rest)
            guard index < lines.count else { break }
            rest = lines[index]
            index += 1
        }
        return .math(source.joined(separator: "\n"))
    }

    private mutating func quote() -> MarkdownBlock {
        var inner: [String] = []
        while index < lines.count {
            let line = lines[index]
            let text = Self.stripped(line)
            if text.hasPrefix(">") {
                var content = text.dropFirst()
                if content.first == " " { content = content.dropFirst() }
                inner.append(String(content))
            } else if !Self.isBlank(line) && !inner.isEmpty && !Self.isBlank(inner[inner.count - 1]) && !interruptsParagraph(line) {
                inner.append(line)  // lazy continuation of the quoted paragraph
            } else {
                break
            }
            index += 1
        }
        return .quote(nested(inner))
    }

    private func nested(_ inner: [String]) -> [MarkdownBlock] {
        guard depth < Self.maximumNesting else { return [.paragraph(inner.joined(separator: "\n"))] }
        var parser = MarkdownBlockParser(lines: inner, depth: depth + 1)
        return parser.blocks()
    }

    private static var maximumNesting: Int { 24 }

    private mutating func list() -> MarkdownBlock {
        guard let first = Self.listMarker(lines[index]) else { return paragraph() }
        var items: [[MarkdownBlock]] = []
        var loose = false
        var sawBlankBetweenItems = false
        let baseIndent = Self.indentation(lines[index])
        while index < lines.count, let marker = Self.listMarker(lines[index]), marker.ordered == first.ordered,
              marker.mark == first.mark, Self.indentation(lines[index]) < marker.content,
              Self.indentation(lines[index]) <= baseIndent + 3 {
            if sawBlankBetweenItems { loose = true }
            // The marker and the spaces around it are ASCII: cut on bytes.
            let bytes = lines[index].utf8
            let contentStart = bytes.index(bytes.startIndex, offsetBy: marker.content, limitedBy: bytes.endIndex)
            var content = [String(Substring(bytes[(contentStart ?? bytes.endIndex)...]))]
            index += 1
            var blankPending = false
            while index < lines.count {
                let line = lines[index]
                if Self.isBlank(line) {
                    blankPending = true
                    content.append("")
                    index += 1
                    continue
                }
                if Self.indentation(line) >= marker.content {
                    content.append(Self.dedent(line, by: marker.content))
                    index += 1
                    blankPending = false
                    continue
                }
                if !blankPending && !interruptsParagraph(line) && Self.listMarker(line) == nil {
                    content.append(Self.stripped(line))  // lazy continuation
                    index += 1
                    continue
                }
                break
            }
            // Trailing blank lines belong between items, not to the item.
            var trailing = 0
            while let last = content.last, Self.isBlank(last) {
                content.removeLast()
                trailing += 1
            }
            sawBlankBetweenItems = trailing > 0
            items.append(nested(content))
        }
        return .list(ordered: first.ordered, start: first.number, items: items, loose: loose)
    }

    private mutating func table() -> MarkdownBlock {
        let header = MarkdownTable.cells(of: lines[index])
        let alignments = MarkdownTable.cells(of: lines[index + 1]).map { cell -> TableAlignment in
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            return left && right ? .center : right ? .right : .left
        }
        index += 2
        var rows: [[String]] = []
        while index < lines.count && !Self.isBlank(lines[index]) && lines[index].contains("|") {
            rows.append(MarkdownTable.cells(of: lines[index]))
            index += 1
        }
        return .table(header: header, alignments: alignments, rows: rows)
    }

    private mutating func paragraph() -> MarkdownBlock {
        var text: [String] = [Self.stripped(lines[index])]
        index += 1
        while index < lines.count {
            let line = lines[index]
            if Self.isBlank(line) { break }
            // Setext headings: a paragraph underlined with = or -.
            let marks = line.trimmingCharacters(in: .whitespaces)
            if !marks.isEmpty && Self.indentation(line) < 4 && (marks.allSatisfy { $0 == "=" } || marks.allSatisfy { $0 == "-" }) {
                index += 1
                return .heading(level: marks.first == "=" ? 1 : 2, text: text.joined(separator: "\n").trimmingCharacters(in: .whitespaces))
            }
            if interruptsParagraph(line) { break }
            if line.contains("|") && index + 1 < lines.count && Self.isTableDelimiter(lines[index + 1]) { break }
            text.append(Self.stripped(line))
            index += 1
        }
        var joined = text.joined(separator: "\n")
        while joined.last == " " { joined.removeLast() }
        return .paragraph(joined)
    }
}
