import Foundation
import Notebook
import Render
import Script

extension Console {
    /// A session on a fresh interpreter (see `makeInterpreter`), journaled under the state directory when
    /// `journaled`, whose outputs are written as they come: text to standard output, warnings and errors to standard
    /// error, figures drawn, exactly as the interpreter alone wrote them.
    static func makeSession(display: DisplayOptions, journaled: Bool, output writer: ScriptOutput = .safe) throws
        -> Session {
        let environment = ProcessInfo.processInfo.environment
        let interpreter = try makeInterpreter(display: display, output: writer)
        let store = SessionStore(environment: environment)
        let id = SessionStore.newID()
        let context = SessionContext(
            lessonsDirectory: LessonCatalog.locate(
                environment: environment, currentDirectory: FileManager.default.currentDirectoryPath,
                executable: Bundle.main.executablePath ?? CommandLine.arguments.first),
            progress: ProgressStore(directory: ProgressStore.defaultDirectory(environment: environment)))
        let session = Session(id: id, interpreter: interpreter, journal: journaled ? store.journal(id: id) : nil,
                              context: context)
        let options = display.renderOptions
        session.onOutput = { output in
            switch output {
            case .text(let text):
                writer.out(text)
            case .warning(let text), .error(let text):
                writer.err(text)
            case .figure(let figure):
                let lines = FigureRenderer.render(figure, width: terminalWidth(), options: options)
                FileHandle.standardOutput.write(Data(ANSIWriter(depth: options.colors).write(lines).utf8))
            }
        }
        return session
    }
}
