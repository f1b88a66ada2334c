import Foundation
import Notebook
import Render
import Script

/// `attend repl` on a terminal: Python's interactive prompt with libedit line editing, persistent history, Tab
/// completion, magics and `x?`, every cell journaled by the session.
public final class TerminalRepl {
    /// The keys `%help` lists for this front end.
    public static let keys = [
        "Enter     run the input (a block ends at a blank line)",
        "Tab       complete names, modules after import, attributes after x.",
        "Up/Down   recall earlier lines",
        "Ctrl-C    discard the line, or interrupt running code (KeyboardInterrupt)",
        "Ctrl-D    exit (on an empty line)",
    ]

    private let session: Session
    private let history: InputHistory
    private let options: RenderOptions
    private let width: () -> Int

    /// A prompt running inputs in `session`, saving lines to `history`, drawing figures with `options` at the
    /// width `width` gives.
    public init(session: Session, history: InputHistory, options: RenderOptions, width: @escaping () -> Int) {
        self.session = session
        self.history = history
        self.options = options
        self.width = width
        var context = session.context
        context.keys = Self.keys
        session.context = context
    }

    /// Reads and runs inputs until Ctrl-D.
    public func run() throws {
        let session = self.session
        let width = self.width
        // libedit reads and draws multibyte characters only under the user's locale (a Swift program starts in "C").
        setlocale(LC_CTYPE, "")
        let editor = try LineEditor(program: "attend", completer: { line in
            let completion = session.complete(line)
            return (completion.word, completion.candidates)
        }, listCandidates: { candidates in
            let lines = TerminalText.columns(candidates, width: width())
            Self.write("\n" + lines.joined(separator: "\n") + "\n", to: .standardOutput)
        })
        for line in history.load() { editor.addHistory(line) }
        // Ctrl-C while code runs (the terminal is in normal mode then) raises KeyboardInterrupt in it.
        InterruptSignal.install()
        session.onOutput = { [options, width] output in Self.show(output, options: options, width: width()) }
        var pending = PromptLines()
        var warnedJournal = 0
        while true {
            let readiness: PromptReadiness
            switch editor.read(prompt: pending.pending.isEmpty ? ">>> " : "... ") {
            case .endOfFile:
                Self.write("\n", to: .standardOutput)
                return
            case .interrupted:
                pending = PromptLines()
                Self.write("\nKeyboardInterrupt\n", to: .standardOutput)
                continue
            case .line(let line):
                if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    editor.addHistory(line)
                    _ = try? history.append(line)
                }
                readiness = pending.add(line)
            }
            guard case .ready(let input) = readiness else { continue }
            pending = PromptLines()
            session.execute(input)
            for error in session.journalErrors.dropFirst(warnedJournal) { Self.write(error + "\n", to: .standardError) }
            warnedJournal = session.journalErrors.count
        }
    }

    /// Writes one output as it arrives: text to standard output and errors and warnings to standard error, with
    /// control characters shown escaped; figures drawn.
    static func show(_ output: StepOutput, options: RenderOptions, width: Int) {
        switch output {
        case .text(let text):
            write(TerminalText.visible(text), to: .standardOutput)
        case .warning(let text), .error(let text):
            write(TerminalText.visible(text), to: .standardError)
        case .figure(let figure):
            // At the prompt a figure fits the window, so it is seen whole without scrolling back.
            var size = winsize()
            let rows = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_row > 0 ? Int(size.ws_row) : nil
            let lines = FigureRenderer.render(figure, width: width, maxHeight: rows.map { $0 - 2 }, options: options)
            write(ANSIWriter(depth: options.colors).write(lines), to: .standardOutput)
        }
    }

    static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
