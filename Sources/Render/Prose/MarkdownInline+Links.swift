/// Links, images, autolinks, raw HTML, emphasis delimiters and character references.
extension MarkdownInline {
    /// A `[text](destination "title")` starting at the `[`.
    struct Link {
        var text: String
        var url: String
        var end: Int
    }

    /// The link whose `[` is at `index`, or nil when the brackets are not followed by a destination.
    func parseLink(_ scanner: InlineScanner, at index: Int) -> Link? {
        let chars = scanner.chars
        guard index < chars.count, chars[index] == "[" else { return nil }
        let close = scanner.linkClose(at: index)
        guard let close, close + 1 < chars.count, chars[close + 1] == "(" else { return nil }
        var j = close + 2
        while j < chars.count && chars[j].isWhitespace { j += 1 }
        // The destination is read only once the link is known to close: a failed link costs no more than its
        // look-aheads.
        let destination: Range<Int>
        let angled = j < chars.count && chars[j] == "<"
        if angled {
            let end = scanner.next([">"], from: j + 1) ?? chars.count
            guard end < chars.count, scanner.next(["\n"], from: j + 1).map({ $0 > end }) ?? true else { return nil }
            destination = (j + 1)..<end
            j = end + 1
        } else {
            destination = j..<scanner.destinationEnd(from: j)
            j = destination.upperBound
        }
        while j < chars.count && chars[j].isWhitespace { j += 1 }
        if j < chars.count, let quote = ["\"", "'", "("].first(where: { $0 == chars[j] }) {
            let closing: Character = quote == "(" ? ")" : quote
            j = (scanner.next([closing], from: j + 1) ?? chars.count) + 1
            while j < chars.count && chars[j].isWhitespace { j += 1 }
        }
        guard j < chars.count && chars[j] == ")" else { return nil }
        var url = ""
        var k = destination.lowerBound
        while k < destination.upperBound {
            if !angled && chars[k] == "\\" && k + 1 < destination.upperBound && chars[k + 1].isPunctuation { k += 1 }
            url.append(chars[k])
            k += 1
        }
        return Link(text: String(chars[(index + 1)..<close]), url: url, end: j + 1)
    }

    /// `<...>` at `index`: an autolink, `<br>`, `<img>`, a comment or another tag (dropped, its text kept).
    func angleBracket(_ scanner: InlineScanner, at index: Int, style: Style) -> ([ProseSegment], Int)? {
        let chars = scanner.chars
        let rest = chars[(index + 1)...]
        if rest.starts(with: Array("!--")) {
            // A comment needs its `-->`; without one, the `<!--` is text.
            guard let end = scanner.next(Array("-->"), from: index + 4) else { return nil }
            return ([], end + 3)
        }
        // A tag or autolink holds no `<`: looking for its `>` stops at the next one, so a line of many `<` and no
        // `>` is read once rather than once per `<`.
        var close = index + 1
        while close < chars.count && chars[close] != ">" {
            if chars[close] == "<" { return nil }
            close += 1
        }
        guard close < chars.count else { return nil }
        let inside = String(chars[(index + 1)..<close])
        guard let first = inside.first else { return nil }
        // Autolink: a scheme and no spaces, or an e-mail address.
        if !inside.contains(" ") && !inside.contains("\n") && (inside.contains("://") || inside.hasPrefix("mailto:")
            || (inside.contains("@") && !inside.hasPrefix("/"))) {
            let shown = inside.hasPrefix("mailto:") ? String(inside.dropFirst(7)) : inside
            return ([.text(StyledLine(shown, style: ProseTheme.combine(style, ProseTheme.link)), breakable: true)], close + 1)
        }
        guard first.isLetter || first == "/" else { return nil }
        let name = String(inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
        // Only HTML's own tags are markup; `List<T>` or `<query>` in prose are words.
        guard Self.htmlTags.contains(name) else { return nil }
        switch name {
        case "br":
            return ([.lineBreak], close + 1)
        case "img":
            let alt = attribute("alt", in: inside) ?? ""
            let source = attribute("src", in: inside) ?? ""
            var segments: [ProseSegment] = [.text(StyledLine("[image: " + alt + "]", style: ProseTheme.combine(style, Style(italic: true))), breakable: true)]
            if !source.isEmpty {
                segments.append(.text(StyledLine(" (" + source + ")", style: ProseTheme.combine(style, ProseTheme.address)), breakable: true))
            }
            return (segments, close + 1)
        default:
            return ([], close + 1)
        }
    }

    static let htmlTags: Set<String> = [
        "a", "abbr", "b", "big", "blockquote", "br", "center", "cite", "code", "dd", "del", "details", "div", "dl",
        "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol",
        "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var", "figure", "figcaption", "video", "source",
    ]

    /// The value of `name="..."` (or single quotes) inside a tag.
    private func attribute(_ name: String, in tag: String) -> String? {
        let chars = Array(tag)
        let key = Array(name + "=")
        var i = 0
        while i + key.count < chars.count {
            let before = i == 0 ? " " : chars[i - 1]
            if before.isWhitespace && Array(chars[i..<(i + key.count)]).map({ Character($0.lowercased()) }) == key {
                var j = i + key.count
                let quote = chars[j]
                if quote == "\"" || quote == "'" {
                    j += 1
                    var value = ""
                    while j < chars.count && chars[j] != quote {
                        value.append(chars[j])
                        j += 1
                    }
                    return value
                }
                return String(chars[j...].prefix { !$0.isWhitespace && $0 != "/" })
            }
            i += 1
        }
        return nil
    }

    /// Emphasis opening at `index`: the inner characters, the style it adds, and the index after the closer.
    /// `*`/`_` once italic, twice bold, three times both; `~~` struck (shown dim). `_` does not open or close inside
    /// a word, so snake_case names stay as they are.
    func emphasis(_ scanner: InlineScanner, at index: Int) -> ([Character], Style, Int)? {
        let chars = scanner.chars
        let mark = chars[index]
        let run = scanner.runLength(at: index)
        let after = index + run
        guard after < chars.count, !chars[after].isWhitespace else { return nil }
        if mark == "_" && index > 0 && (chars[index - 1].isLetter || chars[index - 1].isNumber) { return nil }
        if mark == "~" && run != 2 { return nil }
        let length = min(run, 3)
        guard let close = scanner.emphasisCloser(of: mark, length: length, from: after) else { return nil }
        let style: Style
        switch (mark, length) {
        case ("~", _): style = Style(dim: true)
        case (_, 1): style = Style(italic: true)
        case (_, 2): style = Style(bold: true)
        default: style = Style(bold: true, italic: true)
        }
        // Extra opening marks beyond three stay literal inside.
        let inner = Array(repeating: mark, count: run - length) + Array(chars[after..<close])
        return (inner, style, close + length)
    }

    /// An HTML character reference (`&amp;`, `&#39;`, `&#x2192;`) and the index after it.
    func entity(_ chars: [Character], at index: Int) -> (String, Int)? {
        guard let semicolon = chars[index...].prefix(10).firstIndex(of: ";") else { return nil }
        let name = String(chars[(index + 1)..<semicolon])
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
                                       "copy": "©", "mdash": "—", "ndash": "–", "hellip": "…", "rarr": "→", "larr": "←",
                                       "times": "×", "le": "≤", "ge": "≥", "ne": "≠"]
        if let value = named[name] { return (value, semicolon + 1) }
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            if let value, value > 0, let scalar = Unicode.Scalar(value) { return (String(Character(scalar)), semicolon + 1) }
        }
        return nil
    }
}
