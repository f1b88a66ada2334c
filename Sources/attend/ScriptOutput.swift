import Foundation
import TerminalUI

/// Where a script's text goes from the command line: standard output and standard error. On a terminal, control
/// characters and escape sequences are shown escaped (`\x1b`), so what a script prints is shown and never obeyed;
/// to a file or a pipe the text is written as the script wrote it, and `attend run --raw` passes it through always.
struct ScriptOutput: Sendable {
    /// Whether text goes to a terminal unescaped (`--raw`).
    let raw: Bool

    /// Output that escapes control characters on terminals.
    static let safe = ScriptOutput(raw: false)

    /// Writes printed text to standard output.
    func out(_ text: String) {
        write(text, to: .standardOutput, descriptor: STDOUT_FILENO)
    }

    /// Writes warnings, tracebacks and other text from the script to standard error.
    func err(_ text: String) {
        write(text, to: .standardError, descriptor: STDERR_FILENO)
    }

    private func write(_ text: String, to handle: FileHandle, descriptor: Int32) {
        let shown = raw || isatty(descriptor) == 0 ? text : TerminalText.visible(text)
        handle.write(Data(shown.utf8))
    }
}
