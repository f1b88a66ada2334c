import Foundation
import Render
import Script
import ArgumentParser

/// The `attend` command: a terminal notebook for learning how transformers work.
@main
struct Attend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attend",
        abstract: "A terminal notebook for learning autoregressive models and transformers.",
        discussion: """
            Attend steps through lessons that run PyTorch-style Python on its own Swift tensor engine. \
            On a terminal, `attend` opens the lesson screen where you left off (the lesson list on first run) and \
            `attend open LESSON` opens one lesson; `attend run FILE` runs a script and `attend repl` reads statements \
            as Python's interactive mode does.
            """,
        version: "0.1.0",
        subcommands: [Open.self, Run.self, Repl.self, Sessions.self, Export.self, Bench.self,
                      Lessons.self]
    )

    /// Checks that the processor runs this build's engine and that the address space is large enough, then parses the
    /// command line and runs the command.
    static func main() {
        CPUFeatures.check()
        AddressSpace.check()
        main(nil)
    }

    /// On a terminal, the lesson screen where the learner left off; otherwise (a pipe, a file) the help.
    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            print(Attend.helpMessage())
            return
        }
        let screen = LessonScreens.make(options: RenderOptions.detect(
            environment: ProcessInfo.processInfo.environment, isTerminal: true))
        guard let (path, showList) = screen.defaultLesson() else {
            print(Attend.helpMessage())
            Console.error("attend: no lessons found (set ATTEND_LESSONS to the folder holding the lessons)")
            return
        }
        try LessonScreens.open(screen, path: path, showList: showList)
    }
}
