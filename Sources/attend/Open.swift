import ArgumentParser
import Foundation
import Notebook
import Render
import TerminalUI

/// `attend open LESSON`: the lesson screen on a terminal, resuming where the learner left off.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open a lesson on the lesson screen.",
        discussion: """
            LESSON is a path, a lesson number (5) or part of a lesson's name (attention). Enter runs a step and moves on, \
            PageDown/PageUp move between steps, F1 lists the keys, F2 the lessons, Ctrl-D quits. Progress is saved \
            in $XDG_STATE_HOME/attend/progress.json after every step.
            """)

    @Argument(help: "A lesson file, number or name.")
    var lesson: String

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let screen = LessonScreens.make(options: display.renderOptions)
        guard let path = LessonScreens.resolve(lesson, catalog: screen.catalog) else {
            Console.error("attend: no lesson '\(lesson)' (attend lessons lists them)")
            throw ExitCode(2)
        }
        try LessonScreens.open(screen, path: path, showList: false)
    }
}

/// What `attend open` and `attend` on a terminal share.
enum LessonScreens {
    /// A screen over the located lessons folder and the default progress store.
    static func make(options: RenderOptions) -> LessonScreen {
        let environment = ProcessInfo.processInfo.environment
        let directory = LessonCatalog.locate(environment: environment,
                                             currentDirectory: FileManager.default.currentDirectoryPath,
                                             executable: Bundle.main.executablePath ?? CommandLine.arguments.first)
        let catalog = directory.flatMap { try? LessonCatalog(directory: $0) }
        return LessonScreen(catalog: catalog,
                            store: ProgressStore(directory: ProgressStore.defaultDirectory(environment: environment)),
                            options: options, sessions: SessionStore(environment: environment),
                            history: InputHistory(environment: environment))
    }

    /// The file for `name`: an existing path, a lesson number, or the first lesson whose file name or title
    /// contains it (ignoring case).
    static func resolve(_ name: String, catalog: LessonCatalog?) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory), !isDirectory.boolValue {
            return name
        }
        let entries = catalog?.entries ?? []
        if let number = Int(name) { return entries.first { $0.number == number }?.path }
        let wanted = name.lowercased()
        return entries.first { entry in
            if entry.key.lowercased().contains(wanted) { return true }
            if case .success(let lesson) = entry.lesson { return lesson.title.lowercased().contains(wanted) }
            return false
        }?.path
    }

    /// Runs the screen (on a terminal only), then prints its warnings.
    static func open(_ screen: LessonScreen, path: String, showList: Bool) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Console.error("attend: the lesson screen needs a terminal (attend run LESSON.md runs a lesson headless)")
            throw ExitCode(2)
        }
        defer { screen.warnings.forEach(Console.error) }
        do {
            try screen.run(path: path, showList: showList)
        } catch {
            Console.error("attend: \(error)")
            throw ExitCode(1)
        }
    }
}
