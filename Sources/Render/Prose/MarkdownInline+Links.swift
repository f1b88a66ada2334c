/// Links, images, autolinks, raw HTML, emphasis delimiters and character references.
extension MarkdownInline {
    /// A `[text](destination "title")` starting at the `[`.
    struct Link {
        var text: String
        var url: String
        var end: Int
    }

    /// The link whose `[` is at `index`, or nil when the brackets are not followed by a destination.
    func parseLink(_ chars: [Character], at index: Int) -> Link? {
        guard index < chars.count, chars[index] == "[" else { return nil }
        var level = 0
        var i = index
        var close: Int?
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                i += 2
                continue
            }
            if c == "`" {
                // Brackets inside code spans do not count.
                let run = runLengthOf(chars, at: i)
                if let end = nextRun(chars, of: run, from: i + run) { i = end + run; continue }
            }
            if c == "[" { level += 1 }
            if c == "]" {
                level -= 1
                if level == 0 {
                    close = i
                    break
                }
            }
            i += 1
        }
        guard let close, close + 1 < chars.count, chars[close + 1] == "(" else { return nil }
        var j = close + 2
        while j < chars.count && chars[j].isWhitespace { j += 1 }
        var url = ""
        if j < chars.count && chars[j] == "<" {
            j += 1
            while j < chars.count && chars[j] != ">" && chars[j] != "\n" {
                url.append(chars[j])
                j += 1
            }
            guard j < chars.count && chars[j] == ">" else { return nil }
            j += 1
        } else {
            var parentheses = 0
            while j < chars.count && !chars[j].isWhitespace {
                if chars[j] == "(" { parentheses += 1 }
                if chars[j] == ")" {
                    if parentheses == 0 { break }
                    parentheses -= 1
                }
                if chars[j] == "\\" && j + 1 < chars.count && chars[j + 1].isPunctuation { j += 1 }
                url.append(chars[j])
                j += 1
            }
        }
        while j < chars.count && chars[j].isWhitespace { j += 1 }
        if j < chars.count, let quote = ["\"", "'", "("].first(where: { $0 == chars[j] }) {
            let closing: Character = quote == "(" ? ")" : quote
            j += 1
            while j < chars.count && chars[j] != closing { j += 1 }
            j += 1
            while j < chars.count && chars[j].isWhitespace { j += 1 }
        }
        guard j < chars.count && chars[j] == ")" else { return nil }
        return Link(text: String(chars[(index + 1)..<close]), url: url, end: j + 1)
    }

    private func runLengthOf(_ chars: [Character], at index: Int) -> Int {
        var end = index
        while end < chars.count && chars[end] == chars[index] { end += 1 }
        return end - index
    }

    private func nextRun(_ chars: [Character], of length: Int, from start: Int) -> Int? {
        var i = start
        while i < chars.count {
            if chars[i] == "`" {
                let run = runLengthOf(chars, at: i)
                if run == length { return i }
                i += run
            } else {
                i += 1
            }
        }
        return nil
    }

    /// `<...>` at `index`: an autolink, `<br>`, `<img>`, a comment or another tag (dropped, its text kept).
    func angleBracket(_ chars: [Character], at index: Int, style: Style) -> ([ProseSegment], Int)? {
        let rest = chars[(index + 1)...]
        if rest.starts(with: Array("!--")) {
            var i = index + 4
            while i + 2 < chars.count && !(chars[i] == "-" && chars[i + 1] == "-" && chars[i + 2] == ">") { i += 1 }
            return ([], min(i + 3, chars.count))
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
    func emphasis(_ chars: [Character], at index: Int) -> ([Character], Style, Int)? {
        let mark = chars[index]
        let run = runLengthOf(chars, at: index)
        let after = index + run
        guard after < chars.count, !chars[after].isWhitespace else { return nil }
        if mark == "_" && index > 0 && (chars[index - 1].isLetter || chars[index - 1].isNumber) { return nil }
        if mark == "~" && run != 2 { return nil }
        let length = min(run, 3)
        guard let close = closer(of: mark, length: length, in: chars, from: after) else { return nil }
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

    /// A closing run of exactly `length` marks after a non-space (for `_`, not followed by a letter or digit);
    /// code spans and escapes are skipped.
    private func closer(of mark: Character, length: Int, in chars: [Character], from start: Int) -> Int? {
        var i = start
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                i += 2
                continue
            }
            if c == "`" {
                let run = runLengthOf(chars, at: i)
                if let end = nextRun(chars, of: run, from: i + run) { i = end + run; continue }
                i += run
                continue
            }
            if c == mark {
                let run = runLengthOf(chars, at: i)
                let flanking = i > start && !chars[i - 1].isWhitespace
                let next = i + run < chars.count ? chars[i + run] : " "
                let wordFollows = mark == "_" && (next.isLetter || next.isNumber)
                if run == length && flanking && !wordFollows { return i }
                i += run
                continue
            }
            i += 1
        }
        return nil
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
