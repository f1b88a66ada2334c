import Foundation
import Script
import Tensor

/// Runs a lesson's steps in order in one interpreter (torch installed), as a notebook's kernel does, and checks
/// exercise answers in copies of its namespace. It returns data; it prints nothing.
public final class LessonRunner {
    /// The lesson being run.
    public let lesson: Lesson
    /// The interpreter holding the lesson's namespace.
    public let interpreter: Interpreter
    /// The session that journals the steps run and the inputs typed, when the runner runs over one.
    public let session: Session?
    /// How many steps have run: the index of the next one.
    public private(set) var nextStep = 0
    /// Where the interpreter's text, warnings and figures go (figures from namespace copies too: pyplot's figure
    /// manager belongs to this interpreter).
    let collector: OutputCollector

    /// A runner with a fresh interpreter with the torch binding installed.
    public convenience init(lesson: Lesson) throws {
        let interpreter = Interpreter { _ in }
        try TorchBinding.install(in: interpreter)
        self.init(lesson: lesson, interpreter: interpreter)
    }

    /// A runner using `interpreter`, whose printed text, warnings and figures it collects from now on.
    public init(lesson: Lesson, interpreter: Interpreter) {
        self.lesson = lesson
        self.interpreter = interpreter
        self.session = nil
        let collector = OutputCollector()
        self.collector = collector
        interpreter.output = { collector.print($0) }
        interpreter.showFigure = { collector.show($0) }
        interpreter.warningOutput = { collector.warn($0) }
    }

    /// A runner over `session`: each step is journaled as it runs (its prose as Markdown, its code with its
    /// outputs, an exercise as its prompt), and typed input goes through the session, magics and `x?` included.
    public init(lesson: Lesson, session: Session) {
        self.lesson = lesson
        self.interpreter = session.interpreter
        self.session = session
        self.collector = session.collector
    }

    /// Whether every step has run.
    public var isFinished: Bool { nextStep >= lesson.steps.count }

    /// Runs the next step, or returns nil when the lesson is finished. A code cell echoes its last expression, as a
    /// notebook does; prose and exercises run nothing (an exercise's answer never enters the namespace).
    public func runNext() -> StepResult? {
        guard nextStep < lesson.steps.count else { return nil }
        let index = nextStep
        let step = lesson.steps[index]
        nextStep += 1
        let prose = step.prose.trimmingCharacters(in: .whitespacesAndNewlines)
        if !prose.isEmpty { session?.addMarkdown(prose) }
        switch step.content {
        case .prose:
            return StepResult(index: index, stepID: step.id, outputs: [], status: .success)
        case .exercise(let exercise):
            session?.addMarkdown("**Exercise.** " + exercise.prompt)
            return StepResult(index: index, stepID: step.id, outputs: [], status: .success)
        case .code(let block):
            let (outputs, status) = execute(block)
            return StepResult(index: index, stepID: step.id, outputs: outputs, status: status)
        }
    }

    /// Runs steps until (not including) `index`, stopping at the first failure; gives the results so far. A screen
    /// resuming at a saved step rebuilds the namespace this way.
    public func run(upTo index: Int) -> [StepResult] {
        var results: [StepResult] = []
        while nextStep < min(index, lesson.steps.count), let result = runNext() {
            results.append(result)
            if result.status != .success { break }
        }
        return results
    }

    /// Runs what the learner typed in the lesson's namespace (echoing its last expression), as at a notebook prompt;
    /// over a session, `%magics` and `x?` work too and the input is journaled.
    public func execute(_ source: String, fileName: String = "<input>") -> (outputs: [StepOutput], status: RunStatus) {
        if let session {
            let result = session.execute(source, echo: Self.echo(for: source), fileName: fileName)
            return (result.outputs, result.status)
        }
        return execute(CodeBlock(code: source, fileName: fileName, firstLine: 1))
    }

    /// Asks running code to stop with KeyboardInterrupt; safe from any thread.
    public func interrupt() {
        interpreter.interrupt()
    }

    private func execute(_ block: CodeBlock) -> (outputs: [StepOutput], status: RunStatus) {
        if let session {
            let result = session.run(code: block.code, fileName: block.fileName, firstLine: block.firstLine,
                                     echo: Self.echo(for: block.code))
            return (result.outputs, result.status)
        }
        _ = collector.take()
        let outcome = interpreter.run(source: block.code, fileName: block.fileName, firstLine: block.firstLine,
                                      echo: Self.echo(for: block.code))
        // As Jupyter's inline backend does, a figure still open when a cell ends is drawn then.
        interpreter.flushFigures()
        let status = collector.record(outcome)
        return (collector.take(), status)
    }

    /// How a cell echoes: its last expression, unless a `;` ends it.
    public static func echo(for code: String) -> Interpreter.Echo {
        suppressesEcho(code) ? .none : .lastExpression
    }

    /// Whether the last statement ends in `;`, which hides its value in Jupyter.
    public static func suppressesEcho(_ code: String) -> Bool {
        let last = code.split(separator: "\n").last { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        return last?.trimmingCharacters(in: .whitespaces).hasSuffix(";") ?? false
    }
}
