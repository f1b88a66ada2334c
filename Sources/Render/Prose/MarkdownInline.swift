/// Inline Markdown (CommonMark's emphasis, code spans, links, images, autolinks, raw HTML, escapes, hard breaks)
/// plus `$...$` math, turned into styled segments for the wrapper.
struct MarkdownInline {
    let options: RenderOptions

    /// The segments of a paragraph's text (lines joined by "\n").
    func segments(_ text: String, style: Style = .plain) -> [ProseSegment] {
        var output: [ProseSegment] = []
        parse(InlineScanner(Array(text)), style: style, into: &output, depth: 0)
        return output
    }

    /// The plain text of inline Markdown, for measuring and for places without styles.
    func plainText(_ text: String) -> String { plainText(text, depth: 0) }

    private func plainText(_ text: String, depth: Int) -> String {
        var output: [ProseSegment] = []
        parse(InlineScanner(Array(text)), style: .plain, into: &output, depth: depth)
        return output.map { segment -> String in
            switch segment {
            case .text(let line, _): return line.text
            case .lineBreak: return " "
            }
        }.joined()
    }

    // MARK: Parsing

    private static let maximumDepth = 16

    private func parse(_ scanner: InlineScanner, style: Style, into output: inout [ProseSegment], depth: Int) {
        let chars = scanner.chars
        var pending = ""
        func flush() {
            if !pending.isEmpty { output.append(.text(StyledLine(pending, style: style), breakable: true)) }
            pending = ""
        }
        func emit(_ segments: [ProseSegment]) {
            flush()
            output += segments
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "\\":
                if next == "\n" {
                    emit([.lineBreak])
                    i += 2
                } else if next == "(" || next == "[", let end = scanner.next(["\\", next == "(" ? ")" : "]"], from: i + 2) {
                    emit([math(String(chars[(i + 2)..<end]), style: style)])
                    i = end + 2
                } else if let next, next.isASCII && next.isPunctuation || next.isSymbol && next.isASCII {
                    pending.append(next)
                    i += 2
                } else {
                    pending.append(c)
                    i += 1
                }
            case " ":
                // A run of spaces is looked at once: two or more before a line break make a hard break.
                let run = scanner.runLength(at: i)
                if run >= 2 && i + run < chars.count && chars[i + run] == "\n" {
                    emit([.lineBreak])
                    i = skipLineEnd(chars, from: i)
                } else {
                    pending += String(repeating: " ", count: run)
                    i += run
                }
            case "\n":
                pending.append(" ")
                i += 1
            case "`":
                let run = scanner.runLength(at: i)
                if let end = scanner.codeRun(length: run, from: i + run) {
                    var code = String(chars[(i + run)..<end]).replacingOccurrences(of: "\n", with: " ")
                    if code.count > 2 && code.hasPrefix(" ") && code.hasSuffix(" ") && !code.allSatisfy({ $0 == " " }) {
                        code = String(code.dropFirst().dropLast())
                    }
                    emit([.text(StyledLine(code, style: ProseTheme.combine(style, ProseTheme.inlineCode)), breakable: code.count > 30)])
                    i = end + run
                } else {
                    pending += String(repeating: "`", count: run)
                    i += run
                }
            case "$":
                if let (source, end) = inlineMath(scanner, at: i) {
                    emit([math(source, style: style)])
                    i = end
                } else {
                    pending.append(c)
                    i += 1
                }
            case "!" where next == "[":
                if depth < Self.maximumDepth, let link = parseLink(scanner, at: i + 1) {
                    emit(image(alt: plainText(link.text, depth: depth + 1), url: link.url, style: style))
                    i = link.end
                } else {
                    pending.append(c)
                    i += 1
                }
            case "[":
                if let link = parseLink(scanner, at: i), depth < Self.maximumDepth {
                    flush()
                    parse(InlineScanner(Array(link.text)), style: ProseTheme.combine(style, ProseTheme.link), into: &output, depth: depth + 1)
                    if !link.url.isEmpty && link.url != plainText(link.text, depth: depth + 1) {
                        output.append(.text(StyledLine(" (" + link.url + ")", style: ProseTheme.combine(style, ProseTheme.address)), breakable: true))
                    }
                    i = link.end
                } else {
                    pending.append(c)
                    i += 1
                }
            case "<":
                if let (segments, end) = angleBracket(scanner, at: i, style: style) {
                    emit(segments)
                    i = end
                } else {
                    pending.append(c)
                    i += 1
                }
            case "*", "_", "~":
                if depth < Self.maximumDepth, let (inner, extra, end) = emphasis(scanner, at: i) {
                    flush()
                    parse(InlineScanner(inner), style: ProseTheme.combine(style, extra), into: &output, depth: depth + 1)
                    i = end
                } else {
                    let run = scanner.runLength(at: i)
                    pending += String(repeating: String(c), count: run)
                    i += run
                }
            case "&":
                if let (decoded, end) = entity(chars, at: i) {
                    pending += decoded
                    i = end
                } else {
                    pending.append(c)
                    i += 1
                }
            default:
                pending.append(c)
                i += 1
            }
        }
        flush()
    }

    /// A formula as one segment that stays on one line where it fits.
    private func math(_ source: String, style: Style) -> ProseSegment {
        .text(LaTeX.inlineLine(source, options: options, style: ProseTheme.combine(style, ProseTheme.math)), breakable: false)
    }

    private func image(alt: String, url: String, style: Style) -> [ProseSegment] {
        var segments: [ProseSegment] = [.text(StyledLine("[image: " + alt + "]", style: ProseTheme.combine(style, Style(italic: true))), breakable: true)]
        if !url.isEmpty {
            segments.append(.text(StyledLine(" (" + url + ")", style: ProseTheme.combine(style, ProseTheme.address)), breakable: true))
        }
        return segments
    }

    // MARK: Scanning helpers

    private func skipLineEnd(_ chars: [Character], from index: Int) -> Int {
        var i = index
        while i < chars.count && chars[i] == " " { i += 1 }
        if i < chars.count && chars[i] == "\n" { i += 1 }
        while i < chars.count && chars[i] == " " { i += 1 }
        return i
    }

    /// `$...$` or `$$...$$` at `index`: its source and the index after it. A single `$` opens only before a
    /// non-space and closes only after one and not before a digit, so prices like $5 stay text.
    private func inlineMath(_ scanner: InlineScanner, at index: Int) -> (String, Int)? {
        let chars = scanner.chars
        if index + 1 < chars.count && chars[index + 1] == "$" {
            guard let end = scanner.next(["$", "$"], from: index + 2) else { return nil }
            return (String(chars[(index + 2)..<end]), end + 2)
        }
        guard index + 1 < chars.count, !chars[index + 1].isWhitespace,
              let end = scanner.mathClose(openedAt: index) else { return nil }
        return (String(chars[(index + 1)..<end]), end + 1)
    }
}
