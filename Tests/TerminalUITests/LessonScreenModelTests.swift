import Notebook
import Render
import Script
import TerminalUI
import XCTest

/// The lesson screen driven by keys without a terminal: stepping with Enter and PageDown, the prompt running code
/// and checking exercise answers, hints, history, scrolling, overlays, resuming and the too-small message.
final class LessonScreenModelTests: XCTestCase {
    private let text = """
        # Screen test

        Some prose.

        ```python
        import torch
        x = torch.arange(4)
        x * 2
        ```

        ```exercise
        id: double
        prompt: Give `x` doubled.
        answer: x * 2
        hint: multiply by 2.
        hint: `x * 2`.
        ```

        The end.
        """

    /// A screen over `text` (another lesson than the usual one, or the usual one with a prompt history).
    private func model(of text: String, path: String, history: [String] = []) throws -> LessonScreenModel {
        let lesson = try MarkdownLesson.parse(text, path: path)
        let key = String(path.dropLast(3))
        return LessonScreenModel(runner: try LessonRunner(lesson: lesson), key: key, progress: .init(),
                                 options: .plainASCII, history: history)
    }

    private func model(progress: LearnerProgress.LessonProgress = .init()) throws -> LessonScreenModel {
        let lesson = try MarkdownLesson.parse(text, path: "01-screen.md")
        let runner = try LessonRunner(lesson: lesson)
        return LessonScreenModel(runner: runner, key: "01-screen", progress: progress, options: .plainASCII,
                                 completer: { line in
                                     let word = String(line.split(separator: " ").last ?? "")
                                     return Completion(word: word, candidates: ["torch", "total"].filter {
                                         $0.hasPrefix(word) })
                                 })
    }

    private func screen(_ model: LessonScreenModel, width: Int = 60, height: Int = 20) -> [String] {
        model.frame(width: width, height: height).lines.map(\.text)
    }

    private func type(_ text: String, into model: LessonScreenModel) {
        for character in text { _ = model.handle(.character(character)) }
    }

    func testLayoutHasStatusContentHintAndPrompt() throws {
        let model = try model()
        let lines = screen(model)
        XCTAssertEqual(lines.count, 20)
        XCTAssertTrue(lines[0].hasPrefix(" Screen test"), lines[0])
        XCTAssertTrue(lines[0].hasSuffix("step 1/3 "), lines[0])
        XCTAssertTrue(lines.contains("Some prose."), "\(lines)")
        XCTAssertTrue(lines.contains("| x * 2"), "\(lines)")
        XCTAssertTrue(lines[18].contains("F1 keys"), lines[18])
        XCTAssertEqual(lines[19], "> ")
        XCTAssertTrue(lines.allSatisfy { $0.count <= 60 })
    }

    func testEnterRunsTheStepAndMovesOnKeepingItsOutputInView() throws {
        let model = try model()
        _ = model.handle(.enter)
        XCTAssertEqual(model.current, 1)
        let lines = screen(model)
        XCTAssertTrue(lines[0].hasSuffix("step 2/3 "))
        XCTAssertTrue(lines.contains("tensor([0, 2, 4, 6])"), "the step just run stays above: \(lines)")
        XCTAssertTrue(lines.contains("Exercise double"), "\(lines)")
        let rule = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("-- 2 ---") }, "\(lines)")
        XCTAssertLessThan(try XCTUnwrap(lines.firstIndex(of: "tensor([0, 2, 4, 6])")), rule)
        XCTAssertEqual(model.progress.step, "double")
        XCTAssertEqual(model.progress.stepsDone, 1)
    }

    func testAFailingStepKeepsTheLearnerThereOnce() throws {
        let model = try model(of: """
            # Failing

            ```python
            1 / 0
            ```

            After.
            """, path: "02-failing.md")
        _ = model.handle(.enter)
        XCTAssertEqual(model.current, 0, "the error is read where it happened")
        XCTAssertTrue(screen(model).contains("ZeroDivisionError: division by zero"), "\(screen(model))")
        _ = model.handle(.enter)
        XCTAssertEqual(model.current, 1, "Enter again moves on")
        XCTAssertTrue(screen(model).contains("After."))
    }

    func testATallStepShowsItsTopAndScrollsBack() throws {
        let prose = (1...15).map { "Line \($0) of prose." }.joined(separator: "\n\n")
        let model = try model(of: """
            # Tall

            ```python
            print('first output')
            ```

            \(prose)

            ```python
            2 + 2
            ```
            """, path: "03-tall.md")
        _ = model.handle(.enter)
        var lines = screen(model, height: 12)
        XCTAssertTrue(lines[1].hasPrefix("-- 2 ---"), "a step taller than the screen starts at its top: \(lines)")
        XCTAssertEqual(lines[2], "Line 1 of prose.")
        XCTAssertTrue(lines[10].contains("more (Down)"), lines[10])
        _ = model.handle(.up)
        lines = screen(model, height: 12)
        XCTAssertEqual(lines[1], "first output", "Up scrolls back to the step before: \(lines)")
        XCTAssertTrue(lines[2].hasPrefix("-- 2 ---"), lines[2])
        XCTAssertTrue(lines[10].contains("more (Down)"), lines[10])
    }

    func testPageDownMovesWithoutRunningAndEnterCatchesUp() throws {
        let model = try model()
        _ = model.handle(.pageDown)
        _ = model.handle(.pageDown)
        XCTAssertEqual(model.current, 2)
        XCTAssertEqual(model.runner.nextStep, 0)
        _ = model.handle(.pageUp)
        XCTAssertEqual(model.current, 1)
        type("x + 1", into: model)
        _ = model.handle(.enter)
        // The steps before the exercise ran first, so `x` exists; the input is checked as the answer.
        XCTAssertTrue(screen(model).contains("Not quite."), "\(screen(model))")
    }

    func testTypedCodeRunsAndAnErrorKeepsGoing() throws {
        let model = try model()
        _ = model.handle(.enter)
        type("nope + 1", into: model)
        _ = model.handle(.enter)
        type("print('a\\x1b[2Jb')", into: model)
        _ = model.handle(.enter)
        let lines = screen(model, height: 30)
        XCTAssertTrue(lines.contains(">>> nope + 1"), "\(lines)")
        XCTAssertTrue(lines.contains("NameError: name 'nope' is not defined"), "\(lines)")
        XCTAssertTrue(lines.contains("a\\x1b[2Jb"), "printed escape sequences are shown escaped: \(lines)")
    }

    func testExerciseHintsMissesAndSolve() throws {
        let model = try model()
        _ = model.handle(.enter)
        _ = model.handle(.enter)
        XCTAssertEqual(screen(model)[19], "answer> ")
        _ = model.handle(.enter)
        _ = model.handle(.enter)
        XCTAssertEqual(model.current, 1, "Enter does not pass an open exercise")
        XCTAssertEqual(screen(model).filter { $0.hasPrefix("Type your answer at the prompt") }.count, 1)
        type("hint", into: model)
        _ = model.handle(.enter)
        _ = model.handle(.hint)
        var lines = screen(model, height: 30)
        XCTAssertTrue(lines.contains("Hint 1:") && lines.contains("Hint 2:"), "\(lines)")
        XCTAssertEqual(model.progress.hintsUsed, ["double": 2])
        type("x * 3", into: model)
        _ = model.handle(.enter)
        lines = screen(model, height: 30)
        XCTAssertTrue(lines.contains { $0.hasPrefix("2 more wrong answers show the solution") }, "\(lines)")
        type("x * 2", into: model)
        _ = model.handle(.enter)
        XCTAssertTrue(screen(model, height: 30).contains("Correct."))
        XCTAssertEqual(model.progress.exercises["double"], .solved)
        _ = model.handle(.enter)
        XCTAssertEqual(model.current, 2)
        _ = model.handle(.enter)
        XCTAssertTrue(model.progress.finished)
    }

    func testSkipAndSolution() throws {
        let model = try model()
        _ = model.handle(.pageDown)
        type("solution", into: model)
        _ = model.handle(.enter)
        XCTAssertTrue(screen(model).contains("| x * 2"))
        XCTAssertEqual(model.progress.exercises["double"], .revealed)
        _ = model.handle(.enter)
        XCTAssertEqual(model.current, 2)
    }

    func testHistoryRecallAndLineEditing() throws {
        let model = try model()
        type("1 + 1", into: model)
        _ = model.handle(.enter)
        type("2 + 2", into: model)
        _ = model.handle(.enter)
        _ = model.handle(.historyPrevious)
        XCTAssertEqual(model.prompt.text, "2 + 2")
        _ = model.handle(.up)
        XCTAssertEqual(model.prompt.text, "1 + 1")
        _ = model.handle(.down)
        XCTAssertEqual(model.prompt.text, "2 + 2")
        _ = model.handle(.home)
        _ = model.handle(.delete)
        _ = model.handle(.character("3"))
        _ = model.handle(.end)
        _ = model.handle(.backspace)
        _ = model.handle(.character("5"))
        XCTAssertEqual(model.prompt.text, "3 + 5")
        let frame = model.frame(width: 60, height: 20)
        XCTAssertEqual(frame.cursorRow, 19)
        XCTAssertEqual(frame.cursorColumn, 2 + 5)
        _ = model.handle(.interrupt)
        XCTAssertEqual(model.prompt.text, "")
    }

    func testBlocksContinueUntilABlankLine() throws {
        let model = try model()
        _ = model.handle(.pageDown)
        _ = model.handle(.pageDown)
        type("def double(v):", into: model)
        _ = model.handle(.enter)
        XCTAssertEqual(model.prompt.text, "    ", "the body is indented for the learner")
        XCTAssertEqual(screen(model)[19], "...     ")
        type("total = v * 2", into: model)
        _ = model.handle(.enter)
        XCTAssertEqual(model.prompt.text, "    ")
        type("return total", into: model)
        _ = model.handle(.enter)
        _ = model.handle(.enter)
        XCTAssertEqual(screen(model)[19], "> ", "a blank line ran the block")
        type("double(21)", into: model)
        _ = model.handle(.enter)
        let lines = screen(model)
        XCTAssertTrue(lines.contains(">>> def double(v):") && lines.contains("...     return total"), "\(lines)")
        XCTAssertEqual(Array(lines.suffix(4).prefix(2)), [">>> double(21)", "42"])
        XCTAssertEqual(model.current, 2, "Enter ending a block does not move to the next step")

        type("for i in range(3):", into: model)
        _ = model.handle(.enter)
        _ = model.handle(.interrupt)
        XCTAssertEqual(screen(model)[19], "> ", "Ctrl-C drops the open block")
        XCTAssertFalse(screen(model).contains(">>> for i in range(3):"))
    }

    func testTabCompletes() throws {
        let model = try model()
        type("import to", into: model)
        _ = model.handle(.tab)
        XCTAssertEqual(model.prompt.text, "import to")
        XCTAssertTrue(screen(model).contains("torch  total"), "several candidates are listed")
        type("r", into: model)
        _ = model.handle(.tab)
        XCTAssertEqual(model.prompt.text, "import torch")
    }

    func testScrollingLongOutput() throws {
        let model = try model()
        _ = model.handle(.pageDown)
        _ = model.handle(.pageDown)
        type("for i in range(40): print('line', i)", into: model)
        _ = model.handle(.enter)
        var lines = screen(model)
        XCTAssertEqual(lines[17], "line 39", "new output follows the bottom")
        _ = model.handle(.up)
        _ = model.handle(.scrollUp)
        lines = screen(model)
        XCTAssertEqual(lines[17], "line 37")
        XCTAssertTrue(lines[18].contains("more (Down)"), lines[18])
        _ = model.handle(.scrollDown)
        _ = model.handle(.down)
        type("print('new')", into: model)
        _ = model.handle(.enter)
        XCTAssertEqual(screen(model)[17], "new", "back at the end, new output is followed again")
    }

    func testOutputIsShownWhileCodeRuns() throws {
        let interpreter = Interpreter { _ in }
        try TorchBinding.install(in: interpreter)
        let session = Session(id: "live", interpreter: interpreter, journal: nil)
        let runner = LessonRunner(lesson: try MarkdownLesson.parse(text, path: "01-screen.md"), session: session)
        let model = LessonScreenModel(runner: runner, key: "01-screen", progress: .init(), options: .plainASCII)
        var seen: [[String]] = []
        model.onLiveOutput = { seen.append(self.screen(model)) }
        type("for i in range(3): print('tick', i)", into: model)
        _ = model.handle(.enter)
        XCTAssertEqual(seen.count, 3, "one redraw per print")
        XCTAssertTrue(seen[0].contains("tick 0") && !seen[0].contains("tick 1"), "\(seen[0])")
        XCTAssertTrue(seen[0].contains(">>> for i in range(3): print('tick', i)"), "the input shows while it runs")
        XCTAssertTrue(seen[0][18].contains("running"), seen[0][18])
        XCTAssertEqual(screen(model).filter { $0.hasPrefix("tick") }, ["tick 0", "tick 1", "tick 2"],
                       "once finished, the output is shown once")
    }

    func testHistoryFromEarlierRunsIsRecalled() throws {
        let model = try model(of: text, path: "01-screen.md", history: ["x.shape", "x * 2"])
        _ = model.handle(.historyPrevious)
        XCTAssertEqual(model.prompt.text, "x * 2")
        _ = model.handle(.historyPrevious)
        XCTAssertEqual(model.prompt.text, "x.shape")
        _ = model.handle(.enter)
        XCTAssertEqual(model.history, ["x.shape", "x * 2", "x.shape"])
    }

    func testHelpAndLessonListOverlays() throws {
        let model = try model()
        model.lessons = [.init(title: "1. Screen test", path: "01-screen.md", summary: "not started"),
                         .init(title: "2. Other", path: "02-other.md", summary: "done")]
        type("?", into: model)
        _ = model.handle(.enter)
        XCTAssertEqual(model.overlay, .help)
        XCTAssertTrue(screen(model).contains { $0.contains("Ctrl-D         quit") })
        _ = model.handle(.escape)
        XCTAssertEqual(model.overlay, .none)
        _ = model.handle(.lessonList)
        XCTAssertEqual(model.overlay, .lessons(selected: 0))
        _ = model.handle(.down)
        XCTAssertTrue(screen(model).contains { $0.hasPrefix("> 2. Other  (done)") })
        XCTAssertEqual(model.handle(.enter), .open(path: "02-other.md"))
        XCTAssertEqual(model.handle(.quit), .quit)
    }

    func testResumeRebuildsTheNamespace() throws {
        let model = try model(progress: .init(step: "double", stepsDone: 1))
        XCTAssertEqual(model.current, 1)
        XCTAssertEqual(model.runner.nextStep, 1)
        type("x * 2", into: model)
        _ = model.handle(.enter)
        XCTAssertTrue(screen(model).contains("Correct."), "\(screen(model))")
    }

    func testTooSmallTerminal() throws {
        let model = try model()
        let lines = screen(model, width: 39, height: 20)
        XCTAssertEqual(lines.count, 20)
        XCTAssertEqual(lines[0], "terminal too small (need 40x12)")
        XCTAssertEqual(screen(model, width: 80, height: 11)[0], "terminal too small (need 40x12)")
        XCTAssertEqual(screen(model, width: 3, height: 1), ["te…"])
    }
}
