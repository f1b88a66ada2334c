import ArgumentParser
import Foundation
import Notebook
import Script

/// `attend run FILE`: runs a Python script like `python3 FILE`, printing a traceback on stderr and exiting with
/// status 1 when an exception escapes. A file split into cells by `# %%` lines runs cell by cell as a notebook's
/// "Run All" does: each cell's last expression is shown, and the first error stops the run. A lesson (`.md`) or
/// Jupyter notebook (`.ipynb`) is rendered and run step by step (`RunLesson`).
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Python script (or - for standard input).",
        discussion: """
            A script split into cells by `# %%` lines (as in Jupytext and VS Code) runs as a notebook: \
            each cell's final expression is echoed unless it ends with `;`, a figure left open is drawn when \
            its cell ends, and an error stops the run. A plain script draws figures on plt.show(). A lesson \
            (.md) or Jupyter notebook (.ipynb) prints rendered: prose, code, outputs and plots.
            """)

    @Argument(help: "The script, lesson (.md) or notebook (.ipynb) to run, or - to read a script from standard input.")
    var file: String

    @Flag(help: "For a lesson: also check every exercise's answer, failing if one does not pass.")
    var check = false

    @Option(name: .customLong("export"),
            help: "Also write the run (code and outputs) to this .md, .py or .ipynb file.")
    var exportPath: String?

    @Flag(help: ArgumentHelp("Pass the control characters and escape sequences a script prints to the terminal.",
                             discussion: "By default a terminal shows them escaped (\\x1b); files and pipes get "
                                 + "them as printed either way."))
    var raw = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        if let exportPath, ExportFormat(url: URL(fileURLWithPath: exportPath)) == nil {
            Console.error("attend: \(ExportError.unknownFormat(path: exportPath))")
            throw ExitCode(2)
        }
        if LessonCommand.isLesson(path: file) {
            if let exportPath {
                try RunExport.runLesson(path: file, exportPath: exportPath, display: display)
                return
            }
            let status = try RunLesson.run(path: file, check: check, display: display)
            if status != 0 { throw ExitCode(status) }
            return
        }
        if check {
            Console.error("attend: --check applies to lessons (.md) and notebooks (.ipynb), not to '\(file)'")
            throw ExitCode(2)
        }
        let source: String
        let fileName: String
        if file == "-" {
            source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            fileName = "<stdin>"
        } else {
            do {
                source = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                Console.error("attend: can't open file '\(file)': \(error.localizedDescription)")
                throw ExitCode(2)
            }
            fileName = file
        }
        if let exportPath {
            try RunExport.run(source: source, fileName: fileName, exportPath: exportPath, display: display,
                              output: ScriptOutput(raw: raw))
            return
        }
        let output = ScriptOutput(raw: raw)
        let interpreter = try Console.makeInterpreter(display: display, output: output)
        let outcomes: [Interpreter.Outcome]
        if let cells = CodeCell.split(source) {
            var results: [Interpreter.Outcome] = []
            for cell in cells where cell.kind == .code {
                let outcome = interpreter.run(source: cell.text, fileName: fileName, firstLine: cell.firstLine,
                                              echo: cell.suppressesEcho ? .none : .lastExpression)
                results.append(outcome)
                // As Jupyter's inline backend does, a figure still open when a cell ends is drawn then.
                interpreter.flushFigures()
                if case .success = outcome { continue }
                break
            }
            outcomes = results
        } else {
            outcomes = [interpreter.run(source: source, fileName: fileName)]
        }
        for outcome in outcomes {
            let status = Console.report(outcome, output: output)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
