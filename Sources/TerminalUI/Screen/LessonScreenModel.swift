import Notebook
import Render

/// The lesson screen as data: the lesson being stepped through, the prompt, what was typed and what it gave, and
/// which overlay is open. It takes keys and gives the lines to draw; curses only draws them, so the screen's
/// behaviour is tested without a terminal.
public final class LessonScreenModel {
    /// What the screen shows over the lesson.
    public enum Overlay: Equatable, Sendable {
        /// Nothing: the lesson.
        case none
        /// The keys (F1 or `?`).
        case help
        /// The lesson list (F2), with the highlighted row.
        case lessons(selected: Int)
    }

    /// What the front end must do after a key.
    public enum Effect: Equatable, Sendable {
        /// Redraw.
        case none
        /// Leave the screen (Ctrl-D).
        case quit
        /// Open another lesson (chosen in the lesson list).
        case open(path: String)
    }

    /// One lesson in the lesson list.
    public struct LessonChoice: Equatable, Sendable {
        /// Its title.
        public var title: String
        /// Its file.
        public var path: String
        /// The learner's progress in it (`step 3/9`, `done` ...).
        public var summary: String

        /// A choice from its parts.
        public init(title: String, path: String, summary: String) {
            self.title = title
            self.path = path
            self.summary = summary
        }
    }

    /// The lines to draw, one per terminal row, and where the cursor goes.
    public struct Frame: Equatable, Sendable {
        /// Exactly `height` lines, none wider than `width`.
        public var lines: [StyledLine]
        /// The cursor's row.
        public var cursorRow: Int
        /// The cursor's column.
        public var cursorColumn: Int
    }

    /// Something shown under a step: what the learner typed and what it gave.
    enum Note {
        case input(String)
        case outputs([StepOutput])
        case feedback(Verdict)
        case message(String)
        case hint(number: Int, text: String)
        case solution(String)
        case candidates([String])
    }

    /// The smallest terminal the layout fits.
    public static let minimumSize = (width: 40, height: 12)
    /// The widest that prose and plots are drawn, so a wide window does not stretch them beyond reading.
    public static let maximumContentWidth = 100

    /// The keys, as F1 shows them.
    public static let keys = [
        "Enter          run the current step and move to the next (on an empty prompt)",
        "PgDn / PgUp    next / previous step without running",
        "text + Enter   run it in the lesson's namespace (at an exercise: your answer)",
        "line ending :  opens a block (... lines, indented for you); empty line runs it",
        "hint or F5     next hint at an exercise;  solution  shows it;  skip  moves on",
        "Up / Down      scroll the lesson (empty prompt); recall history (text typed)",
        "Shift-Up/Down  scroll the lesson;  Ctrl-P / Ctrl-N  history",
        "Left/Right Home/End Backspace Delete Ctrl-U  edit the prompt",
        "Tab            complete names and attributes",
        "F1 or ?        these keys;  F2  the lesson list;  Esc  close",
        "Ctrl-C         interrupt running code (or clear the prompt and open block)",
        "Ctrl-D         quit (progress is saved after every step)",
    ]

    /// The runner holding the lesson and its namespace.
    public let runner: LessonRunner
    /// The key progress is saved under (the file name without extension).
    public let key: String
    /// The learner's progress in this lesson, updated after every step.
    public private(set) var progress: LearnerProgress.LessonProgress
    /// The index of the step shown.
    public private(set) var current = 0
    /// The prompt.
    public private(set) var prompt = PromptLine()
    /// The open overlay.
    public private(set) var overlay = Overlay.none
    /// The lessons F2 lists.
    public var lessons: [LessonChoice]
    /// Wraps each run of code (a front end lets Ctrl-C interrupt it there); by default it just runs it.
    public var aroundRun: (() -> Void) -> Void = { $0() }
    /// Whether code is running (the hint line says Ctrl-C interrupts it).
    public private(set) var isRunning = false
    /// Called when running code prints, so a front end can redraw while it runs.
    public var onLiveOutput: (() -> Void)?
    /// What was typed at the prompt, oldest first (Up recalls it).
    public private(set) var history: [String]

    let options: RenderOptions
    let completer: (String) -> Completion
    var results: [Int: StepResult] = [:]
    var notes: [Int: [Note]] = [:]
    var exercises: [Int: ExerciseSession] = [:]
    var failureShown: Set<Int> = []
    var block: [String] = []
    var historyIndex: Int?
    var scroll = 0
    var anchor = Anchor.step
    var contentHeight = 1
    var drawings: [Int: StepDrawing] = [:]
    var live: LiveRun?

    /// A screen for the lesson `runner` runs, resuming at `progress` (the namespace is rebuilt by running the steps
    /// before the saved one), drawing with `options`, completing with `completer`, recalling `history`. Over a
    /// session, what running code prints is shown as it is printed.
    public init(runner: LessonRunner, key: String, progress: LearnerProgress.LessonProgress,
                options: RenderOptions, lessons: [LessonChoice] = [], history: [String] = [],
                completer: @escaping (String) -> Completion = { Completion(word: $0, candidates: []) }) {
        self.runner = runner
        self.key = key
        self.progress = progress
        self.options = options
        self.lessons = lessons
        self.history = history
        self.completer = completer
        let steps = runner.lesson.steps
        if let id = progress.step, let index = runner.lesson.index(ofStep: id) { current = index }
        let done = min(max(progress.stepsDone, 0), steps.count)
        for result in runner.run(upTo: done) { results[result.index] = result }
        if runner.nextStep < done {
            notes[current, default: []].append(.message("Rebuilding the namespace stopped at a failing step."))
        }
        runner.session?.onOutput = { [weak self] output in self?.receiveLive(output) }
    }

    /// The lesson.
    public var lesson: Lesson { runner.lesson }

    /// Handles one key.
    public func handle(_ key: ScreenKey) -> Effect {
        switch overlay {
        case .help:
            if key == .quit { return .quit }
            overlay = .none
            return .none
        case .lessons(let selected):
            return handleList(key, selected: selected)
        case .none:
            break
        }
        switch key {
        case .character(let character):
            prompt.insert(String(character))
            historyIndex = nil
        case .enter:
            return submit()
        case .backspace: prompt.backspace()
        case .delete: prompt.delete()
        case .left: prompt.move(by: -1)
        case .right: prompt.move(by: 1)
        case .home: prompt.home()
        case .end: prompt.end()
        case .up:
            if prompt.isEmpty && historyIndex == nil { scrollBy(-1) } else { recall(-1) }
        case .down:
            if prompt.isEmpty && historyIndex == nil { scrollBy(1) } else { recall(1) }
        case .historyPrevious: recall(-1)
        case .historyNext: recall(1)
        case .scrollUp: scrollBy(-1)
        case .scrollDown: scrollBy(1)
        case .pageUp: go(to: current - 1)
        case .pageDown: go(to: current + 1)
        case .tab: complete()
        case .help: overlay = .help
        case .lessonList:
            let index = lessons.firstIndex { $0.path == lesson.path } ?? 0
            overlay = .lessons(selected: index)
        case .escape: break
        case .interrupt:
            prompt.set("")
            block = []
            historyIndex = nil
        case .clearLine:
            prompt.set("")
            historyIndex = nil
        case .quit: return .quit
        case .hint: exerciseCommand("hint")
        }
        return .none
    }

    private func handleList(_ key: ScreenKey, selected: Int) -> Effect {
        switch key {
        case .up, .historyPrevious: overlay = .lessons(selected: max(selected - 1, 0))
        case .down, .historyNext: overlay = .lessons(selected: min(selected + 1, max(lessons.count - 1, 0)))
        case .enter:
            overlay = .none
            if selected >= 0, selected < lessons.count, lessons[selected].path != lesson.path {
                return .open(path: lessons[selected].path)
            }
        case .quit: return .quit
        case .escape, .lessonList, .help, .interrupt: overlay = .none
        default: break
        }
        return .none
    }

    // MARK: Steps

    /// The exercise at the current step, if any.
    var currentExercise: Exercise? {
        guard current >= 0, current < lesson.steps.count,
              case .exercise(let exercise) = lesson.steps[current].content else { return nil }
        return exercise
    }

    /// Whether the exercise at the current step still waits for an answer.
    var exerciseIsOpen: Bool {
        guard let exercise = currentExercise else { return false }
        if let saved = progress.exercises[exercise.id], saved != .open { return false }
        return !(exercises[current]?.isFinished ?? false)
    }

    /// Runs the steps not yet run, in order, up to and including `index`, showing each one's output as it comes.
    private func catchUp(through index: Int) {
        guard runner.nextStep <= index else { return }
        running {
            while runner.nextStep <= index {
                live = LiveRun(step: runner.nextStep)
                guard let result = runner.runNext() else { break }
                results[result.index] = result
            }
            live = nil
        }
    }

    /// Runs `body` (code typed at the prompt), showing what it prints as it prints it.
    private func runTyped(_ body: () -> Void) {
        running {
            live = LiveRun(step: nil)
            body()
            live = nil
        }
    }

    /// Runs `body` inside the front end's `aroundRun`, marked as running.
    private func running(_ body: () -> Void) {
        isRunning = true
        aroundRun(body)
        isRunning = false
    }

    private func go(to index: Int) {
        guard index >= 0, index < lesson.steps.count, index != current else { return }
        current = index
        anchor = .step
        saveStep()
    }

    private func submit() -> Effect {
        let text = prompt.text
        prompt.set("")
        historyIndex = nil
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !block.isEmpty {
            // In a block, a blank line ends it, as at Python's prompt.
            if trimmed.isEmpty {
                let code = block.joined(separator: "\n")
                block = []
                return run(code)
            }
            if history.last != text { history.append(text) }
            continueBlock(with: text)
            return .none
        }
        if trimmed.isEmpty { return enterOnEmptyPrompt() }
        if history.last != text { history.append(text) }
        if trimmed == "?" {
            overlay = .help
            return .none
        }
        if currentExercise != nil, ["hint", "solution", "skip"].contains(trimmed) {
            exerciseCommand(trimmed)
            return .none
        }
        if PromptReadiness(text + "\n") == .incomplete {
            continueBlock(with: text)
            return .none
        }
        return run(text)
    }

    /// Adds a line to the open block and starts the next one indented as Python expects: as the line was, one level
    /// deeper after a `:`.
    private func continueBlock(with line: String) {
        block.append(line)
        anchor = .bottom
        guard PromptReadiness(block.joined(separator: "\n") + "\n") == .incomplete else {
            let code = block.joined(separator: "\n")
            block = []
            _ = run(code)
            return
        }
        let indent = String(line.prefix { $0 == " " || $0 == "\t" })
        let opens = line.trimmingCharacters(in: .whitespaces).hasSuffix(":")
        prompt.set(indent + (opens ? "    " : ""))
    }

    /// Runs typed code (or checks it as the answer at an open exercise) and notes what it gave.
    private func run(_ text: String) -> Effect {
        catchUp(through: current - 1)
        anchor = .bottom
        notes[current, default: []].append(.input(text))
        if let exercise = currentExercise, exerciseIsOpen {
            var result: CheckResult?
            runTyped { result = runner.check(text, for: exercise) }
            guard let result else { return .none }
            if !result.outputs.isEmpty { notes[current, default: []].append(.outputs(result.outputs)) }
            notes[current, default: []].append(.feedback(result.verdict))
            var session = exercises[current] ?? ExerciseSession(exercise: exercise)
            switch session.record(result.verdict) {
            case .solved:
                notes[current, default: []].append(.message("Press Enter for the next step."))
            case .missed(let remaining):
                let answers = remaining == 1 ? "answer shows" : "answers show"
                notes[current, default: []].append(.message(
                    "\(remaining) more wrong \(answers) the solution; type hint for a hint."))
            case .revealed(let solution):
                notes[current, default: []].append(.solution(solution))
            case .notCounted, .finished:
                break
            }
            exercises[current] = session
            progress.exercises[exercise.id] = session.state
            saveStep()
            return .none
        }
        var ran: (outputs: [StepOutput], status: RunStatus) = ([], .success)
        runTyped { ran = runner.execute(text) }
        if !ran.outputs.isEmpty { notes[current, default: []].append(.outputs(ran.outputs)) }
        return .none
    }

    private func enterOnEmptyPrompt() -> Effect {
        guard current < lesson.steps.count else { return .none }
        if exerciseIsOpen {
            let reminder = "Type your answer at the prompt, or hint, solution or skip."
            // Pressing Enter again does not pile up the same reminder.
            if case .message(reminder)? = notes[current]?.last { return .none }
            notes[current, default: []].append(.message(reminder))
            anchor = .bottom
            return .none
        }
        catchUp(through: current)
        // A cell that failed or was interrupted keeps the learner at it, to read the error; Enter again moves on.
        if let result = results[current], result.status != .success, !failureShown.contains(current) {
            failureShown.insert(current)
            anchor = .bottom
            saveStep()
            return .none
        }
        if current + 1 < lesson.steps.count {
            go(to: current + 1)
        } else {
            progress.finished = true
            let end = "End of the lesson. F2 lists the lessons; Ctrl-D quits."
            if case .message(end)? = notes[current]?.last {} else { notes[current, default: []].append(.message(end)) }
            anchor = .bottom
            saveStep()
        }
        return .none
    }

    private func exerciseCommand(_ word: String) {
        guard let exercise = currentExercise else { return }
        var session = exercises[current] ?? ExerciseSession(exercise: exercise)
        anchor = .bottom
        switch word {
        case "hint":
            if let hint = session.nextHint() {
                notes[current, default: []].append(.hint(number: session.hintsShown, text: hint))
                progress.hintsUsed = (progress.hintsUsed ?? [:]).merging([exercise.id: session.hintsShown]) { $1 }
            } else {
                notes[current, default: []].append(.message("No more hints: type solution to see the answer."))
            }
        case "solution":
            notes[current, default: []].append(.solution(session.reveal()))
        default:
            session.skip()
            notes[current, default: []].append(.message("Skipped. Press Enter for the next step."))
        }
        exercises[current] = session
        progress.exercises[exercise.id] = session.state
        saveStep()
    }

    private func saveStep() {
        guard current >= 0, current < lesson.steps.count else { return }
        progress.step = lesson.steps[current].id
        progress.stepsDone = max(runner.nextStep, 0)
        if runner.isFinished && current == lesson.steps.count - 1 && !exerciseIsOpen { progress.finished = true }
    }

    // MARK: Prompt

    private func recall(_ direction: Int) {
        guard !history.isEmpty else { return }
        let index = (historyIndex ?? history.count) + direction
        if index >= history.count {
            historyIndex = nil
            prompt.set("")
            return
        }
        let clamped = max(index, 0)
        historyIndex = clamped
        prompt.set(history[clamped])
    }

    private func complete() {
        let before = prompt.beforeCursor
        if before.allSatisfy({ $0 == " " }) {
            prompt.insert("    ")
            return
        }
        let completion = completer(before)
        guard !completion.candidates.isEmpty else { return }
        let common = completion.commonPrefix
        if completion.candidates.count == 1 || common.count > completion.word.count {
            prompt.insert(String(common.dropFirst(completion.word.count)))
        } else {
            notes[current, default: []].append(.candidates(Array(completion.candidates.prefix(200))))
            anchor = .bottom
        }
    }

    private func scrollBy(_ delta: Int) {
        scroll = max(scroll + delta, 0)
        anchor = .manual
    }
}
