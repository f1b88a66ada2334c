import Foundation
import Notebook
import Script
import XCTest

/// A lesson run over a session, as the lesson screen runs it: every step, typed input, magic and exercise answer is
/// journaled, and what code prints reaches the session's live handler as it is printed.
final class LessonRunnerSessionTests: XCTestCase {
    private let text = """
        # Journaled

        Some prose.

        ```python
        import torch
        x = torch.arange(3)
        x + 1
        ```

        ```exercise
        id: double
        prompt: Give `x` doubled.
        answer: x * 2
        ```
        """

    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("runner-session-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The text of each output (`print` calls each arrive as one piece).
    private func printed(_ outputs: [StepOutput]) -> [String] {
        outputs.map { output in
            switch output {
            case .text(let text): return text
            case .warning(let text): return "warning: " + text
            case .error(let text): return "error: " + text
            case .figure: return "figure"
            }
        }
    }

    private func makeRunner() throws -> (LessonRunner, Journal) {
        let interpreter = Interpreter { _ in }
        try TorchBinding.install(in: interpreter)
        let journal = Journal(file: directory.appendingPathComponent("s.jsonl"))
        let session = Session(id: "s", interpreter: interpreter, journal: journal)
        let lesson = try MarkdownLesson.parse(text, path: "01-journaled.md")
        return (LessonRunner(lesson: lesson, session: session), journal)
    }

    func testStepsInputsMagicsAndAnswersAreJournaled() throws {
        let (runner, journal) = try makeRunner()
        XCTAssertEqual(printed(runner.runNext()?.outputs ?? []), ["tensor([1, 2, 3])\n"])
        let who = runner.execute("%who")
        XCTAssertEqual(printed(who.outputs), ["torch\tx\n"], "magics work at the lesson prompt")
        _ = runner.runNext()
        let exercise = try XCTUnwrap(runner.lesson.exercises.first)
        XCTAssertEqual(runner.check("x * 3", for: exercise).verdict == .correct, false)
        XCTAssertEqual(runner.check("x * 2", for: exercise).verdict, .correct)
        _ = runner.check("x.nope", for: exercise)

        let cells = try journal.read().cells
        XCTAssertEqual(cells.map(\.kind), [.markdown, .code, .magic, .markdown, .code, .code, .code])
        XCTAssertEqual(cells.map(\.input), ["# Journaled\n\nSome prose.", "import torch\nx = torch.arange(3)\nx + 1",
                                            "%who", "**Exercise.** Give `x` doubled.", "x * 3", "x * 2", "x.nope"])
        XCTAssertEqual(cells[1].outputs, [SessionCell.Output(.text, "tensor([1, 2, 3])\n")])
        XCTAssertEqual(cells.map(\.status), [.ok, .ok, .ok, .ok, .ok, .ok, .error])
        XCTAssertTrue(cells[6].outputs.last?.text.hasSuffix(
            "AttributeError: 'Tensor' object has no attribute 'nope'\n") ?? false, "\(cells[6].outputs)")
        XCTAssertEqual(runner.interpreter.globalNames.filter { !$0.hasPrefix("__") }, ["torch", "x"],
                       "answers ran in copies of the namespace")
    }

    func testPrintedTextReachesTheLiveHandlerAsItIsPrinted() throws {
        let (runner, _) = try makeRunner()
        var pieces: [StepOutput] = []
        runner.session?.onOutput = { pieces.append($0) }
        _ = runner.execute("for i in range(3): print('tick', i)")
        XCTAssertEqual(printed(pieces), ["tick 0\n", "tick 1\n", "tick 2\n"])
    }
}
