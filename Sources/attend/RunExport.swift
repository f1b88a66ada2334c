import ArgumentParser
import Foundation
import Notebook
import Script

/// `attend run FILE --export OUT`: a headless run whose cells (and outputs, printed as usual) are also written to
/// OUT. A `# %%` script exports cell by cell, a plain script as one cell, a lesson step by step (prose as Markdown).
/// The first error stops the run, as Jupyter's "Run All" stops; what ran until then is exported.
enum RunExport {
    /// Runs a script and exports it.
    static func run(source: String, fileName: String, exportPath: String, display: DisplayOptions,
                    output: ScriptOutput) throws {
        let session = try Console.makeSession(display: display, journaled: false, output: output)
        var status = RunStatus.success
        if let cells = CodeCell.split(source) {
            for cell in cells {
                switch cell.kind {
                case .markdown:
                    session.addMarkdown(prose(fromComments: cell.text))
                case .code:
                    status = session.run(code: cell.text, fileName: fileName, firstLine: cell.firstLine,
                                         echo: cell.suppressesEcho ? .none : .lastExpression).status
                }
                if status != .success { break }
            }
        } else {
            session.drawsOpenFigures = false
            status = session.run(code: source, fileName: fileName, echo: .none).status
        }
        try finish(session, status: status, exportPath: exportPath)
    }

    /// Runs a lesson's steps and exports them: prose as Markdown cells, code cells with their outputs, exercises as
    /// their prompts.
    static func runLesson(path: String, exportPath: String, display: DisplayOptions) throws {
        let lesson: Lesson
        do {
            lesson = try LessonLoader.load(path: path)
        } catch {
            Console.error("attend: \(error)")
            throw ExitCode(1)
        }
        let session = try Console.makeSession(display: display, journaled: false)
        let runner = LessonRunner(lesson: lesson, session: session)
        var status = RunStatus.success
        while status == .success, let result = runner.runNext() { status = result.status }
        try finish(session, status: status, exportPath: exportPath)
    }

    private static func finish(_ session: Session, status: RunStatus, exportPath: String) throws {
        do {
            try SessionExporter.export(session.cells, to: URL(fileURLWithPath: exportPath))
        } catch {
            Console.error("attend: \(error)")
            throw ExitCode(1)
        }
        switch status {
        case .success: return
        case .failed: throw ExitCode(1)
        case .interrupted: throw ExitCode(130)
        }
    }

    /// The prose of a `# %% [markdown]` cell: its comment lines without `# `.
    static func prose(fromComments text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("# ") { return String(line.dropFirst(2)) }
            if line.hasPrefix("#") { return String(line.dropFirst()) }
            return String(line)
        }.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }
}
