import Notebook
import Render

extension LessonScreenModel {
    /// The screen for a terminal of `width` x `height`: a status line, the lesson content, a key hint line and the
    /// prompt; or one line saying the terminal is too small.
    public func frame(width: Int, height: Int) -> Frame {
        let width = max(width, 1), height = max(height, 1)
        guard width >= Self.minimumSize.width, height >= Self.minimumSize.height else {
            let message = StyledLine("terminal too small (need \(Self.minimumSize.width)x\(Self.minimumSize.height))")
            var lines = [message.truncated(to: width)]
            lines += Array(repeating: StyledLine(), count: height - 1)
            return Frame(lines: lines, cursorRow: 0, cursorColumn: 0)
        }
        contentHeight = height - 3
        let body: [StyledLine]
        var currentStart = 0
        switch overlay {
        case .none: (body, currentStart) = transcript(width: min(width, Self.maximumContentWidth))
        case .help: body = helpLines()
        case .lessons(let selected): body = lessonListLines(selected: selected, width: width)
        }
        let bottom = max(body.count - contentHeight, 0)
        switch anchor {
        case .step: scroll = min(bottom, currentStart)
        case .bottom: scroll = bottom
        case .manual: scroll = min(scroll, bottom)
        }
        // Scrolling back down to the end follows new output again, as a terminal does.
        if anchor == .manual && scroll == bottom && overlay == .none { anchor = .bottom }
        var lines = [statusLine(width: width)]
        let shown = body.dropFirst(overlay == .none ? scroll : 0).prefix(contentHeight)
        lines += shown.map { $0.truncated(to: width) }
        lines += Array(repeating: StyledLine(), count: contentHeight - shown.count)
        lines.append(hintLine(width: width, above: overlay == .none && scroll > 0,
                              below: overlay == .none && scroll < bottom))
        let (prompt, column) = promptLine(width: width)
        lines.append(prompt)
        return Frame(lines: lines, cursorRow: height - 1, cursorColumn: column)
    }

    private func helpLines() -> [StyledLine] {
        [StyledLine("Keys", style: .bold), StyledLine()] + Self.keys.map { StyledLine("  " + $0) }
            + [StyledLine(), StyledLine("Any key closes this.", style: .dim)]
    }

    private func lessonListLines(selected: Int, width: Int) -> [StyledLine] {
        var lines = [StyledLine("Lessons (Up/Down, Enter opens, Esc closes)", style: .bold), StyledLine()]
        if lessons.isEmpty { lines.append(StyledLine("No lessons found.")) }
        for (index, choice) in lessons.enumerated() {
            let mark = index == selected ? "> " : "  "
            let text = mark + choice.title + "  (" + choice.summary + ")"
            guard index == selected else {
                lines.append(StyledLine(text))
                continue
            }
            lines.append(StyledLine(text, style: barStyle).truncated(to: width).padded(to: width, style: barStyle))
        }
        return lines
    }

    /// The status bar's and the selected row's look: inverse colours, or underlined bold without colour.
    var barStyle: Style {
        options.hasColor ? Style(foreground: .black, background: .white, bold: true)
            : Style(bold: true, underline: true)
    }

    private func statusLine(width: Int) -> StyledLine {
        let style = barStyle
        let count = lesson.steps.count
        let right = " step \(min(current + 1, max(count, 1)))/\(count) "
        let room = max(width - TextWidth.of(right) - 1, 1)
        var line = StyledLine(" " + lesson.title, style: style).truncated(to: room)
        line = line.padded(to: width - TextWidth.of(right), style: style)
        line.append(right, style: style)
        return line
    }

    private func hintLine(width: Int, above: Bool, below: Bool) -> StyledLine {
        let keys: String
        if isRunning {
            keys = "running… Ctrl-C interrupts"
        } else if overlay != .none {
            keys = "Esc close · Ctrl-D quit"
        } else if !block.isEmpty {
            keys = "an empty line runs the block · Ctrl-C drops it"
        } else if exerciseIsOpen {
            keys = "answer at the prompt · hint · solution · skip · F1 keys · Ctrl-D quit"
        } else {
            keys = "Enter run/next · PgUp/PgDn steps · F1 keys · F2 lessons · Ctrl-D quit"
        }
        let ascii = options.charset == .ascii
        let scrolling = below ? (ascii ? "v more (Down) · " : "▼ more (Down) · ")
            : above ? (ascii ? "^ earlier (Up) · " : "▲ earlier (Up) · ") : ""
        return StyledLine(scrolling + keys, style: .dim).truncated(to: width)
    }

    /// The prompt line and the cursor's column, scrolled sideways so the cursor stays visible.
    private func promptLine(width: Int) -> (StyledLine, Int) {
        let marker = !block.isEmpty ? "... " : exerciseIsOpen ? "answer> " : "> "
        let characters = prompt.characters
        let cursor = min(prompt.cursor, characters.count)
        let room = max(width - marker.count - 1, 1)
        var start = 0
        var before = characters[0..<cursor].reduce(0) { $0 + TextWidth.of($1) }
        while before > room, start < cursor {
            before -= TextWidth.of(characters[start])
            start += 1
        }
        var line = StyledLine(marker, style: .bold)
        line.append(TerminalText.visible(String(characters[start...])))
        return (line.truncated(to: width, ellipsis: ""), marker.count + before)
    }
}
