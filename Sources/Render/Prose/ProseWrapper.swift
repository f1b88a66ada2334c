/// A piece of inline content for the wrapper: styled text, or a forced line break.
enum ProseSegment: Equatable, Sendable {
    /// Text; `breakable` false keeps it on one line where it fits (inline code, formulas).
    case text(StyledLine, breakable: Bool)
    case lineBreak
}

/// Fills lines up to a width, breaking between words; a word wider than a whole line is cut by columns.
/// Widths are terminal columns (`TextWidth`), so emoji and CJK count two.
enum ProseWrapper {
    private enum Token {
        case word([Cell])
        case space(Cell)
        case lineBreak
    }

    /// `segments` in lines of at most `width` columns; the first line starts with `firstIndent`, the rest with
    /// `indent`. Runs of spaces collapse to one; spaces at the start and end of a line are dropped.
    static func wrap(_ segments: [ProseSegment], width: Int, firstIndent: StyledLine = StyledLine(),
                     indent: StyledLine = StyledLine()) -> [StyledLine] {
        var lines: [StyledLine] = []
        var line = firstIndent
        var hasContent = false
        var pendingSpace: Cell?

        func finish() {
            lines.append(line)
            line = indent
            hasContent = false
            pendingSpace = nil
        }

        for token in tokens(segments) {
            switch token {
            case .lineBreak:
                finish()
            case .space(let cell):
                if hasContent { pendingSpace = cell }
            case .word(let cells):
                var remainingWidth = cells.reduce(0) { $0 + $1.width }
                let spaceWidth = pendingSpace == nil ? 0 : 1
                if hasContent && line.width + spaceWidth + remainingWidth > width {
                    finish()
                }
                if let space = pendingSpace, hasContent { line.cells.append(space) }
                pendingSpace = nil
                // Too wide even for an empty line: cut it, filling each line. An index and a running width (rather
                // than removing cut cells and summing the rest again) keep a word of 200,000 characters linear.
                var start = 0
                while line.width + remainingWidth > width && start < cells.count {
                    var taken = 0
                    let room = width - line.width
                    var used = 0
                    while start + taken < cells.count && used + cells[start + taken].width <= room {
                        used += cells[start + taken].width
                        taken += 1
                    }
                    if taken == 0 && !hasContent {
                        taken = 1  // a wide character in a one-column line: place it anyway
                        used = cells[start].width
                    }
                    line.cells.append(contentsOf: cells[start..<(start + taken)])
                    start += taken
                    remainingWidth -= used
                    if start < cells.count || taken == 0 { finish() } else { hasContent = true }
                }
                if start < cells.count {
                    line.cells.append(contentsOf: cells[start...])
                    hasContent = true
                }
            }
        }
        if hasContent || lines.isEmpty || line.width > indent.width { lines.append(line) }
        return lines
    }

    /// The width of the widest word: the narrowest a column can be without cutting words.
    static func longestWord(_ segments: [ProseSegment]) -> Int {
        var widest = 0
        for case .word(let cells) in tokens(segments) { widest = max(widest, cells.reduce(0) { $0 + $1.width }) }
        return widest
    }

    /// Words, spaces and breaks; unbreakable text is one word with its spaces inside.
    private static func tokens(_ segments: [ProseSegment]) -> [Token] {
        var tokens: [Token] = []
        var word: [Cell] = []
        func flush() {
            if !word.isEmpty { tokens.append(.word(word)) }
            word = []
        }
        for segment in segments {
            switch segment {
            case .lineBreak:
                flush()
                tokens.append(.lineBreak)
            case .text(let text, let breakable):
                for cell in text.cells {
                    if breakable && cell.text.allSatisfy(\.isWhitespace) {
                        flush()
                        tokens.append(.space(Cell(" ", style: cell.style)))
                    } else {
                        word.append(cell)
                    }
                }
            }
        }
        flush()
        return tokens
    }
}
