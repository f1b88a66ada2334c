import Notebook
import Render

extension LessonScreenModel {
    /// Where the view sits on the transcript when the learner has not scrolled by hand.
    enum Anchor: Equatable {
        /// The current step in full at the bottom, with as much of the steps before it as fits above (its top at
        /// the top when it is taller than the screen): after moving to a step.
        case step
        /// The end of the transcript: after new output.
        case bottom
        /// Where the learner scrolled.
        case manual
    }

    /// What a step's drawing depends on besides the width, so it is drawn again only when one of them changes.
    struct StepDrawing {
        var width: Int
        var hasResult: Bool
        var noteCount: Int
        var exerciseState: ExerciseSession.State?
        var lines: [StyledLine]

        func matches(_ other: StepDrawing) -> Bool {
            width == other.width && hasResult == other.hasResult && noteCount == other.noteCount
                && exerciseState == other.exerciseState
        }
    }

    /// The code running now and what it has printed so far, drawn while it runs.
    struct LiveRun {
        /// The step whose cell runs, or nil for input typed at the prompt.
        var step: Int?
        /// The outputs so far, printed text merged.
        var outputs: [StepOutput] = []
    }

    /// The lesson from its first step through the current one, as a notebook shows it: each step under a rule
    /// with its number, its outputs and what was typed at it below it. Gives the lines and where the current step's
    /// rule is.
    func transcript(width: Int) -> (lines: [StyledLine], currentStart: Int) {
        guard current >= 0, current < lesson.steps.count else {
            return ([StyledLine("This lesson has no steps.")], 0)
        }
        var lines: [StyledLine] = []
        var currentStart = 0
        for index in 0...current {
            if index == current { currentStart = lines.count }
            lines.append(rule(for: index, width: width))
            lines += drawing(of: index, width: width)
            if let live, live.step == nil, index == current {
                lines += live.outputs.flatMap { OutputRenderer.render($0, width: width, options: options) }
            }
        }
        if !block.isEmpty { lines += render(.input(block.joined(separator: "\n")), width: width) }
        return (lines, currentStart)
    }

    /// The step's prose, code and outputs, with its exercise state and notes; cached between frames.
    private func drawing(of index: Int, width: Int) -> [StyledLine] {
        let step = lesson.steps[index]
        if let live, live.step == index, results[index] == nil {
            let partial = StepResult(index: index, stepID: step.id, outputs: live.outputs, status: .success)
            return LessonRenderer.render(step, result: partial, width: width, options: options)
        }
        var state: ExerciseSession.State?
        if case .exercise(let exercise) = step.content { state = progress.exercises[exercise.id] }
        let notes = notes[index] ?? []
        var drawing = StepDrawing(width: width, hasResult: results[index] != nil, noteCount: notes.count,
                                  exerciseState: state, lines: [])
        if let cached = drawings[index], cached.matches(drawing) { return cached.lines }
        drawing.lines = LessonRenderer.render(step, result: results[index], width: width, options: options)
        if let state, state != .open { drawing.lines.append(StyledLine("(\(state.rawValue))", style: .dim)) }
        for note in notes { drawing.lines += render(note, width: width) }
        drawings[index] = drawing
        return drawing.lines
    }

    /// A rule above each step, with its number: the current step's stands out.
    private func rule(for index: Int, width: Int) -> StyledLine {
        let line = options.charset == .ascii ? "-" : "─"
        let label = "\(line)\(line) \(index + 1) "
        let text = label + String(repeating: line, count: max(width - label.count, 0))
        guard index == current else { return StyledLine(text, style: .dim) }
        return StyledLine(text, style: options.hasColor ? Style(foreground: .cyan, bold: true) : .bold)
    }

    /// Adds output from the code running now (in the pieces it is printed in).
    func receiveLive(_ output: StepOutput) {
        guard var run = live else { return }
        if case .text(let text) = output, case .text(let previous)? = run.outputs.last {
            run.outputs[run.outputs.count - 1] = .text(previous + text)
        } else {
            run.outputs.append(output)
        }
        live = run
        onLiveOutput?()
    }

    private func render(_ note: Note, width: Int) -> [StyledLine] {
        let accent = options.hasColor ? Style(foreground: .cyan, bold: true) : .bold
        switch note {
        case .input(let text):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.enumerated().map { index, line in
                var styled = StyledLine(index == 0 ? ">>> " : "... ", style: accent)
                styled.append(TerminalText.visible(String(line)))
                return styled
            }
        case .outputs(let outputs):
            return outputs.flatMap { OutputRenderer.render($0, width: width, options: options) }
        case .feedback(let verdict):
            return FeedbackRenderer.render(verdict, width: width, options: options)
        case .message(let text):
            return wrap(TerminalText.visible(text), width: width).map { StyledLine($0, style: .dim) }
        case .hint(let number, let text):
            var lines = [StyledLine("Hint \(number):", style: accent)]
            lines += MarkdownRenderer.render(text, width: width, options: options)
            return lines
        case .candidates(let names):
            return TerminalText.columns(names, width: width).map { StyledLine(TerminalText.visible($0), style: .dim) }
        case .solution(let code):
            return [StyledLine("Solution:", style: accent)] + OutputRenderer.code(code, options: options)
        }
    }

    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines
    }
}
