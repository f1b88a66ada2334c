import ArgumentParser
import Foundation
import Notebook
import Script
import TerminalUI

/// `attend repl`: Python's interactive mode. Statements are read one at a time (a compound statement ends at a
/// blank line), expression values are echoed as their repr, and an error prints its traceback and reading goes on.
/// On a terminal it edits lines with libedit (history, Tab completion); every input is journaled either way.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read statements and echo expression values, as Python's interactive mode does.",
        discussion: """
            On a terminal: line editing, history (saved in $XDG_STATE_HOME/attend/history), Tab completion, \
            IPython-style magics (%help lists them) and x? to describe x. Every input and its outputs are \
            journaled in $XDG_STATE_HOME/attend/sessions (see attend sessions, attend export).
            """)

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let session = try Console.makeSession(display: display, journaled: true)
        if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            let repl = TerminalRepl(session: session,
                                    history: InputHistory(environment: ProcessInfo.processInfo.environment),
                                    options: display.renderOptions, width: Console.terminalWidth)
            do {
                try repl.run()
            } catch {
                Console.error("attend: \(error)")
                throw ExitCode(1)
            }
            return
        }
        // A plain Python prompt draws figures on plt.show() only.
        session.drawsOpenFigures = false
        let prompting = isatty(STDIN_FILENO) == 1
        var lines = PromptLines()
        while true {
            if prompting { prompt(lines.pending.isEmpty ? ">>> " : "... ") }
            guard let line = readLine(strippingNewline: true) else { break }
            let readiness = lines.add(line)
            if Interpreter.takeInterruptRequest() {
                // Ctrl-C while the prompt read a long block: the lines so far are dropped, as Python's prompt does.
                FileHandle.standardError.write(Data("KeyboardInterrupt\n".utf8))
                lines = PromptLines()
                continue
            }
            switch readiness {
            case .incomplete, .blank:
                continue
            case .ready(let input):
                lines = PromptLines()
                session.execute(input)
            }
        }
        // At the end of input an open block runs as it stands, as Python does.
        if PromptReadiness(lines.pending) != .blank { session.execute(lines.pending) }
        if prompting { prompt("\n") }
        for error in session.journalErrors.prefix(1) { Console.error(error) }
    }

    private func prompt(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
