/// Reads LaTeX math source into `MathNode`s. Never fails: unknown commands become their names, unbalanced braces
/// are closed at the end, stray `}` and `&` are dropped.
struct MathParser {
    private let characters: [Character]
    private var position = 0
    /// Nesting depth of groups, bounded so that hostile input cannot exhaust the stack.
    private var depth = 0
    private static let maximumDepth = 64

    init(_ source: String) { characters = Array(source) }

    /// The whole formula as one row.
    static func parse(_ source: String) -> MathNode {
        var parser = MathParser(source)
        var nodes: [MathNode] = []
        while true {
            nodes += parser.parseRow(until: nil)
            guard parser.current != nil else { break }
            // A \right without its \left: drop it and its delimiter.
            _ = parser.readCommandName()
            _ = parser.readDelimiter()
        }
        return .row(nodes)
    }

    private var current: Character? { position < characters.count ? characters[position] : nil }

    private mutating func skipSpaces() {
        while let c = current, c.isWhitespace { position += 1 }
    }

    /// Atoms up to `terminator` (consumed) or the end. `\right` also ends a row; it is left for the caller.
    private mutating func parseRow(until terminator: Character?) -> [MathNode] {
        var nodes: [MathNode] = []
        while true {
            skipSpaces()
            guard let c = current else { return nodes }
            if c == terminator {
                position += 1
                return nodes
            }
            if c == "}" {
                position += 1  // a stray closing brace
                continue
            }
            if c == "\\" && peekCommand() == "right" { return nodes }
            if c == "^" || c == "_" {
                // A script with nothing before it attaches to an empty nucleus.
                nodes.append(parseScripts(on: .row([])))
                continue
            }
            guard let atom = parseAtom() else { continue }
            nodes.append(parseScripts(on: atom))
        }
    }

    /// Subscripts, superscripts and primes following `base`. A second script of the same kind joins the first
    /// (`x^a^b` as `x^{ab}`) in one flat row, so a long chain of scripts stays one level deep for the layout.
    private mutating func parseScripts(on base: MathNode) -> MathNode {
        var subs: [MathNode] = []
        var sups: [MathNode] = []
        var primes = ""
        while true {
            skipSpaces()
            guard let c = current else { break }
            if c == "'" {
                position += 1
                primes += "′"
            } else if c == "^" || c == "_" {
                position += 1
                let argument = parseArgument() ?? .row([])
                if c == "^" { sups.append(argument) } else { subs.append(argument) }
            } else {
                break
            }
        }
        if !primes.isEmpty {
            sups.insert(.symbol(MathGlyph(primes, ascii: String(repeating: "'", count: primes.count)), .ordinary), at: 0)
        }
        if subs.isEmpty && sups.isEmpty { return base }
        return .scripts(base: base, sub: Self.joined(subs), sup: Self.joined(sups))
    }

    /// Several scripts of one kind as one node: itself alone, or a row.
    private static func joined(_ scripts: [MathNode]) -> MathNode? {
        scripts.count > 1 ? .row(scripts) : scripts.first
    }

    /// The name of the control word at the cursor, without consuming it.
    private func peekCommand() -> String? {
        var copy = self
        return copy.readCommandName()
    }

    /// Consumes `\name` (letters) or `\c` (one other character) and returns the name.
    private mutating func readCommandName() -> String? {
        guard current == "\\" else { return nil }
        position += 1
        guard let c = current else { return "" }
        if c.isASCII && c.isLetter {
            var name = ""
            while let l = current, l.isASCII && l.isLetter {
                name.append(l)
                position += 1
            }
            if current == "*" && (name == "operatorname") { position += 1 }
            return name
        }
        position += 1
        return String(c)
    }

    /// A script or command argument: a `{...}` group, one command, or one character.
    private mutating func parseArgument() -> MathNode? {
        skipSpaces()
        guard let c = current else { return nil }
        // Arguments nest through commands (`\frac\frac\frac...`) as well as braces: the same bound applies.
        guard depth < Self.maximumDepth else {
            position = characters.count
            return nil
        }
        depth += 1
        defer { depth -= 1 }
        if c == "{" {
            position += 1
            return parseGroupBody()
        }
        if c == "\\" { return parseAtom() }
        position += 1
        return Self.character(c)
    }

    /// The row inside a group whose `{` was consumed, depth-limited.
    private mutating func parseGroupBody() -> MathNode {
        guard depth < Self.maximumDepth else {
            skipGroup()
            return .row([])
        }
        depth += 1
        defer { depth -= 1 }
        return .row(parseRow(until: "}"))
    }

    /// Skips to the `}` that closes the group just opened.
    private mutating func skipGroup() {
        var level = 1
        while let c = current, level > 0 {
            position += 1
            if c == "\\" { position += 1 } else if c == "{" { level += 1 } else if c == "}" { level -= 1 }
        }
    }

    /// The raw text of a `{...}` argument (for `\text`), or one character.
    private mutating func parseRawArgument() -> String {
        skipSpaces()
        guard current == "{" else {
            guard let c = current else { return "" }
            position += 1
            return String(c)
        }
        position += 1
        var text = ""
        var level = 1
        while let c = current {
            position += 1
            if c == "\\", let next = current {
                position += 1
                text.append(next)  // \{ \} \$ \_ in text mode
                continue
            }
            if c == "{" { level += 1; continue }
            if c == "}" {
                level -= 1
                if level == 0 { break }
                continue
            }
            if c == "$" { continue }
            text.append(c)
        }
        return text
    }

    /// One nucleus: a character, a group, or a command with its arguments.
    private mutating func parseAtom() -> MathNode? {
        guard let c = current else { return nil }
        if c == "{" {
            position += 1
            return parseGroupBody()
        }
        if c == "\\" {
            guard let name = readCommandName() else { return nil }
            return command(name)
        }
        position += 1
        if c.isNumber && c.isASCII {
            var number = String(c)
            while let d = current, (d.isASCII && d.isNumber) || (d == "." && nextIsDigit()) {
                number.append(d)
                position += 1
            }
            return .symbol(MathGlyph(number), .ordinary)
        }
        return Self.character(c)
    }

    private func nextIsDigit() -> Bool {
        let next = position + 1
        return next < characters.count && characters[next].isASCII && characters[next].isNumber
    }

    /// An ordinary source character with its TeX class (`-` becomes a minus sign).
    private static func character(_ c: Character) -> MathNode? {
        switch c {
        case "+", "*": return .symbol(MathGlyph(String(c)), .binary)
        case "-", "−": return .symbol(MathGlyph("−", ascii: "-"), .binary)
        case "=", "<", ">", ":": return .symbol(MathGlyph(String(c)), .relation)
        case "(", "[": return .symbol(MathGlyph(String(c)), .open)
        case ")", "]": return .symbol(MathGlyph(String(c)), .close)
        case ",", ";": return .symbol(MathGlyph(String(c)), .punctuation)
        case "~": return .space(1, negative: false)
        case "&": return .space(1, negative: false)
        case "$", "#": return nil
        case "…": return .symbol(MathGlyph("…", ascii: "..."), .ordinary)
        default:
            if c.isASCII { return .symbol(MathGlyph(String(c)), .ordinary) }
            return .symbol(MathGlyph(String(c), ascii: asciiFallback(c)), .ordinary)
        }
    }

    /// A non-ASCII character typed straight into a formula, spelled in ASCII.
    private static func asciiFallback(_ c: Character) -> String {
        for glyph in MathCommand.greek.values where glyph.unicode == String(c) { return glyph.ascii }
        for entry in MathCommand.symbols.values where entry.0 == String(c) { return entry.1 }
        return "?"
    }

    /// The node for `\name`, consuming its arguments.
    private mutating func command(_ name: String) -> MathNode? {
        guard let meaning = MathCommand.named(name) else {
            // Unknown: shown as an upright name, like an operator (`\softmax` reads "softmax").
            return name.isEmpty ? nil : .function(name, limits: false)
        }
        switch meaning {
        case .symbol(let glyph, let kind):
            return .symbol(glyph, kind)
        case .bigOperator(let glyph, let limits):
            return .bigOperator(glyph, limits: limits)
        case .function(let limits):
            return .function(name, limits: limits)
        case .operatorName:
            let text = parseRawArgument()
            return .function(text, limits: true)
        case .font(let font):
            return .font(font, parseArgument() ?? .row([]))
        case .text:
            return .text(parseRawArgument())
        case .accent(let accent):
            return .accent(parseArgument() ?? .row([]), accent)
        case .fraction(let rule):
            let numerator = parseArgument() ?? .row([])
            let denominator = parseArgument() ?? .row([])
            return .fraction(numerator, denominator, rule: rule)
        case .root:
            var index: MathNode?
            skipSpaces()
            if current == "[" {
                position += 1
                index = .row(parseRow(until: "]"))
            }
            return .root(parseArgument() ?? .row([]), index: index)
        case .space(let columns, let negative):
            return .space(columns, negative: negative)
        case .left:
            return parseFenced()
        case .right:
            _ = readDelimiter()  // a \right without \left
            return nil
        case .ignored:
            return nil
        case .ignoredWithArgument:
            _ = parseRawArgument()
            return nil
        case .environment:
            _ = parseRawArgument()
            return nil
        case .negation:
            guard let next = parseArgument() else { return nil }
            if case .symbol(let glyph, let kind) = next {
                if glyph.unicode == "=" { return .symbol(MathGlyph("≠", ascii: "!="), .relation) }
                if glyph.unicode == "∈" { return .symbol(MathGlyph("∉", ascii: "not in"), .relation) }
                return .symbol(MathGlyph(glyph.unicode + "\u{338}", ascii: "not " + glyph.ascii), kind)
            }
            return next
        }
    }

    /// `\left X body \right Y` after `\left` was read.
    private mutating func parseFenced() -> MathNode {
        let left = readDelimiter()
        guard depth < Self.maximumDepth else { return .row([]) }
        depth += 1
        let body = parseRow(until: nil)
        depth -= 1
        var right = MathGlyph("")
        if peekCommand() == "right" {
            _ = readCommandName()
            right = readDelimiter()
        }
        return .fenced(left: left, .row(body), right: right)
    }

    /// The delimiter after `\left` / `\right`: a character, `.` (none), or a command such as `\{` or `\langle`.
    private mutating func readDelimiter() -> MathGlyph {
        skipSpaces()
        guard let c = current else { return MathGlyph("") }
        if c == "\\" {
            guard let name = readCommandName() else { return MathGlyph("") }
            if case .symbol(let glyph, _) = MathCommand.named(name) { return glyph }
            return MathGlyph("")
        }
        position += 1
        if c == "." { return MathGlyph("") }
        return MathGlyph(String(c))
    }
}
