import Foundation
import Render
import Script

/// Where a session finds what its magics need beyond the interpreter.
public struct SessionContext: Sendable {
    /// The lessons folder `%lessons` lists (nil: none found).
    public var lessonsDirectory: URL?
    /// Where the learner's progress is kept, for `%lessons`.
    public var progress: ProgressStore?
    /// The front end's keys, listed by `%help` (one line each: `key  what it does`).
    public var keys: [String]

    /// A context from its parts.
    public init(lessonsDirectory: URL? = nil, progress: ProgressStore? = nil, keys: [String] = []) {
        self.lessonsDirectory = lessonsDirectory
        self.progress = progress
        self.keys = keys
    }
}

/// The core both front ends share: an interpreter, the inputs run in it and what they produced. `execute` runs one
/// input (statements, a `%magic` or an `x?` query) and returns its outputs as data, in order; each cell is appended
/// to the journal (when there is one) as soon as it ends.
public final class Session {
    /// The session's id (the journal's file name without `.jsonl`).
    public let id: String
    /// The interpreter whose namespace the session's code runs in.
    public let interpreter: Interpreter
    /// Where cells are appended (nil: kept in memory only, as for a headless `attend run --export`).
    public let journal: Journal?
    /// What magics need from outside.
    public var context: SessionContext
    /// The cells run so far, in order.
    public private(set) var cells: [SessionCell] = []
    /// Called with each output as it is produced (printed text in the pieces printed), so a front end can show a long
    /// loop's progress while it runs. Called on the interpreter's thread.
    public var onOutput: ((StepOutput) -> Void)?
    /// Problems writing the journal (the session goes on without it), oldest first.
    public private(set) var journalErrors: [String] = []
    /// How a figure is kept as text in the journal and exports.
    public var figureText: (Figure) -> String = { figure in
        FigureRenderer.render(figure, width: 80, options: RenderOptions(colors: .none, charset: .unicode))
            .map(\.text).joined(separator: "\n") + "\n"
    }
    /// Whether a figure still open when code ends is drawn then, as in Jupyter (true), or only on `plt.show()`, as
    /// in a plain Python prompt (false).
    public var drawsOpenFigures = true
    /// The names bound before the first input (`__name__` ...): `%who` hides them and `%reset` keeps them.
    let startupNames: Set<String>
    let collector = OutputCollector()

    /// A session running in `interpreter` (whose output, warning and figure handlers it takes over), journaling to
    /// `journal`.
    public init(id: String = SessionStore.newID(), interpreter: Interpreter, journal: Journal?,
                context: SessionContext = SessionContext()) {
        self.id = id
        self.interpreter = interpreter
        self.journal = journal
        self.context = context
        self.startupNames = Set(interpreter.globalNames)
        let collector = self.collector
        interpreter.output = { [weak self] text in
            collector.print(text)
            self?.onOutput?(.text(text))
        }
        interpreter.warningOutput = { [weak self] text in
            collector.warn(text)
            self?.onOutput?(.warning(text))
        }
        interpreter.showFigure = { [weak self] figure in
            collector.show(figure)
            self?.onOutput?(.figure(figure))
        }
    }

    /// What running one input produced.
    public struct Result {
        /// The outputs, in order (figures as figures, for drawing).
        public var outputs: [StepOutput]
        /// How it ended.
        public var status: RunStatus
        /// The cell as journaled.
        public var cell: SessionCell
    }

    /// Runs one input as the interactive prompt does: code echoes each top-level expression's value (`echo`), a
    /// `%magic` runs the magic, `x?` describes `x`.
    @discardableResult
    public func execute(_ text: String, echo: Interpreter.Echo = .everyExpression,
                        fileName: String = "<stdin>") -> Result {
        let input = SessionInput(text)
        return record(input: text, kind: input.cellKind) {
            switch input {
            case .code(let code):
                runCode(code, fileName: fileName, echo: echo)
            case .magic(let name, let argument):
                runMagic(name, argument)
            case .help(let expression):
                describe(expression)
            }
        }
    }

    /// Runs `code` as Python (no magics), as a notebook cell or a script whose code starts on line `firstLine` of
    /// `fileName` (for tracebacks): the cells of `attend run --export`.
    @discardableResult
    public func run(code: String, fileName: String, firstLine: Int = 1, echo: Interpreter.Echo) -> Result {
        record(input: code, kind: .code) { runCode(code, fileName: fileName, firstLine: firstLine, echo: echo) }
    }

    /// Records prose (a lesson's Markdown, a `# %% [markdown]` cell) as a cell of its own.
    public func addMarkdown(_ text: String) {
        let now = Date()
        append(SessionCell(number: cells.count + 1, kind: .markdown, input: text, outputs: [], started: now,
                           finished: now, status: .ok))
    }

    /// Journals code that ran outside the session's namespace, with what it gave: an exercise answer, checked in a
    /// copy of the lesson's namespace.
    public func addCode(_ code: String, outputs: [StepOutput], status: RunStatus, started: Date) {
        append(SessionCell(number: cells.count + 1, kind: .code, input: code, outputs: outputs.map(journalOutput),
                           started: started, finished: Date(), status: SessionCell.Status(status)))
    }

    /// Asks running code to stop with KeyboardInterrupt; safe from any thread.
    public func interrupt() {
        interpreter.interrupt()
    }

    /// Runs `body` (which reports through the collector and gives the status) and journals the cell.
    private func record(input: String, kind: SessionCell.Kind, _ body: () -> RunStatus) -> Result {
        _ = collector.take()
        let started = Date()
        let status = body()
        let outputs = collector.take()
        let cell = SessionCell(number: cells.count + 1, kind: kind, input: input,
                               outputs: outputs.map(journalOutput), started: started, finished: Date(),
                               status: SessionCell.Status(status))
        append(cell)
        return Result(outputs: outputs, status: status, cell: cell)
    }

    private func append(_ cell: SessionCell) {
        cells.append(cell)
        guard let journal else { return }
        do {
            try journal.append(cell)
        } catch {
            journalErrors.append("attend: the session journal could not be written: \(error)")
        }
    }

    /// Runs Python code, drawing a figure left open at the end as a notebook does.
    func runCode(_ code: String, fileName: String, firstLine: Int = 1, echo: Interpreter.Echo) -> RunStatus {
        let outcome = interpreter.run(source: code, fileName: fileName, firstLine: firstLine, echo: echo)
        if drawsOpenFigures { interpreter.flushFigures() }
        return report(outcome)
    }

    /// Adds text output (a magic's report) as if printed.
    func say(_ text: String) {
        collector.print(text)
        onOutput?(.text(text))
    }

    /// Adds an error output (a magic's usage error) and gives the failed status.
    func fail(_ text: String) -> RunStatus {
        let message = text.hasSuffix("\n") ? text : text + "\n"
        collector.outputs.append(.error(message))
        onOutput?(.error(message))
        return .failed
    }

    /// Records an interpreter outcome's error, if any, passing it on to the live handler.
    func report(_ outcome: Interpreter.Outcome) -> RunStatus {
        let before = collector.outputs.count
        let status = collector.record(outcome)
        if collector.outputs.count > before, let last = collector.outputs.last { onOutput?(last) }
        return status
    }

    private func journalOutput(_ output: StepOutput) -> SessionCell.Output {
        switch output {
        case .text(let text): return SessionCell.Output(.text, text)
        case .warning(let text): return SessionCell.Output(.warning, text)
        case .figure(let figure): return SessionCell.Output(.figure, figureText(figure))
        case .error(let text): return SessionCell.Output(.error, text)
        }
    }
}
