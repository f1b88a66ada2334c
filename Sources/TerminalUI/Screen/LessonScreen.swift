import Foundation
import Notebook
import Render
import Script

/// `attend open` on a terminal: the lesson screen. It loads a lesson, resumes it where the learner left off, runs
/// the key loop on curses, and saves progress after every step. Each lesson opened is a session: its steps and what
/// the learner types are journaled (`attend export` writes them), and the prompt's history is shared with the REPL.
public final class LessonScreen {
    /// Where the lessons are (for the lesson list), if known.
    public let catalog: LessonCatalog?
    /// Where progress is saved.
    public let store: ProgressStore
    /// How to draw.
    public let options: RenderOptions
    /// Where each lesson's session is journaled (nil: not journaled).
    public let sessions: SessionStore?
    /// The prompt's history file (nil: history lasts one run).
    public let history: InputHistory?
    /// Problems to tell the learner after the screen closes (an unreadable progress file, a failed save).
    public private(set) var warnings: [String] = []

    /// A screen listing `catalog`'s lessons, saving progress to `store`, drawing with `options`, journaling to
    /// `sessions` and keeping the prompt's history in `history`.
    public init(catalog: LessonCatalog?, store: ProgressStore, options: RenderOptions, sessions: SessionStore? = nil,
                history: InputHistory? = nil) {
        self.catalog = catalog
        self.store = store
        self.options = options
        self.sessions = sessions
        self.history = history
    }

    /// The lesson to open when none is named: the one opened last, else the first (with the lesson list shown).
    public func defaultLesson() -> (path: String, showList: Bool)? {
        let progress = loadProgress()
        let entries = catalog?.entries ?? []
        if let last = progress.lastLesson, let entry = entries.first(where: { $0.key == last }) {
            return (entry.path, false)
        }
        return entries.first.map { ($0.path, true) }
    }

    /// Opens the lesson at `path` and runs the screen until Ctrl-D.
    public func run(path: String, showList: Bool = false) throws {
        let curses = try Curses(options: options)
        defer { curses.end() }
        var path = path
        var showList = showList
        installInterruptHandler()
        while true {
            let model: LessonScreenModel
            do {
                model = try makeModel(path: path)
            } catch {
                curses.end()
                throw error
            }
            var lastDrawn = ContinuousClock.now
            // The model holds these closures, so they must not hold it: each lesson's model goes when another opens.
            model.aroundRun = { [unowned model] body in
                let (width, height) = curses.size
                curses.draw(model.frame(width: width, height: height))
                lastDrawn = .now
                curses.withSignalKeys(body)
            }
            // Output is drawn as it comes, at most every 50 ms, so a long loop shows its progress.
            model.onLiveOutput = { [unowned model] in
                guard lastDrawn.duration(to: .now) > .milliseconds(50) else { return }
                let (width, height) = curses.size
                curses.draw(model.frame(width: width, height: height))
                lastDrawn = .now
            }
            if showList { _ = model.handle(.lessonList) }
            showList = false
            save(model)
            guard let next = loop(model, curses) else { return }
            path = next
        }
    }

    /// Handles keys until Ctrl-D (nil) or another lesson is chosen (its path).
    private func loop(_ model: LessonScreenModel, _ curses: Curses) -> String? {
        while true {
            let (width, height) = curses.size
            curses.draw(model.frame(width: width, height: height))
            switch curses.read() {
            case .ignored, .resize:
                continue
            case .key(let key):
                let before = model.progress
                let typed = model.history.count
                let effect = model.handle(key)
                if model.progress != before { save(model) }
                if model.history.count > typed, let line = model.history.last { remember(line) }
                switch effect {
                case .none: continue
                case .quit: return nil
                case .open(let path): return path
                }
            }
        }
    }

    private func makeModel(path: String) throws -> LessonScreenModel {
        let lesson = try LessonLoader.load(path: path)
        let key = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let interpreter = Interpreter { _ in }
        try TorchBinding.install(in: interpreter)
        let id = SessionStore.newID()
        let context = SessionContext(lessonsDirectory: catalog?.directory, progress: store,
                                     keys: LessonScreenModel.keys)
        let session = Session(id: id, interpreter: interpreter, journal: sessions?.journal(id: id), context: context)
        let runner = LessonRunner(lesson: lesson, session: session)
        let progress = loadProgress()
        let choices = (catalog?.entries ?? []).map { entry -> LessonScreenModel.LessonChoice in
            switch entry.lesson {
            case .success(let lesson):
                return .init(title: "\(entry.number). \(lesson.title)", path: entry.path,
                             summary: progress.summary(forLesson: entry.key, stepCount: lesson.steps.count))
            case .failure(let error):
                return .init(title: "\(entry.number). \(entry.key)", path: entry.path, summary: error.description)
            }
        }
        return LessonScreenModel(runner: runner, key: key, progress: progress.lessons[key] ?? .init(),
                                 options: options, lessons: choices, history: history?.load() ?? [],
                                 completer: { session.complete($0) })
    }

    /// The saved progress; an unreadable file is set aside (never overwritten) and a fresh start made.
    private func loadProgress() -> LearnerProgress {
        let (progress, warning) = store.loadOrSetAside()
        if let warning { warnings.append(warning) }
        return progress
    }

    private func save(_ model: LessonScreenModel) {
        var progress = loadProgress()
        progress.lessons[model.key] = model.progress
        progress.lastLesson = model.key
        do {
            try store.save(progress)
        } catch {
            if warnings.count < 5 { warnings.append("attend: can't save progress: \(error.localizedDescription)") }
        }
    }

    /// Adds a line typed at the prompt to the history file; a failure is told once, after the screen closes.
    private func remember(_ line: String) {
        do {
            try history?.append(line)
        } catch {
            let warning = "attend: can't save the prompt's history: \(error.localizedDescription)"
            if !warnings.contains(warning) { warnings.append(warning) }
        }
    }

    /// Ctrl-C while code runs (the terminal's signal keys are on then) raises KeyboardInterrupt in it.
    private func installInterruptHandler() {
        InterruptSignal.install()
    }
}
