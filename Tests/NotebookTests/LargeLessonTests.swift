import Notebook
import XCTest

/// Lessons far bigger than any written by hand still load, run and report errors at the right line: a cell
/// repeated thousands of times gets distinct step ids, and an error deep in the file names its own line (a cell's
/// code is parsed from its first line on, not padded with the lines before it).
final class LargeLessonTests: XCTestCase {
    func testThousandsOfRepeatedCellsGetDistinctIDsAndErrorsTheirLine() throws {
        let repeats = 3000
        let cell = "Prose.\n\n```python\nx = 1\n```\n\n"
        let text = "# Big\n\n" + String(repeating: cell, count: repeats) + "```python\ny = (x +\n    nope)\n```\n"
        let lesson = try MarkdownLesson.parse(text, path: "big.md")
        XCTAssertEqual(lesson.steps.count, repeats + 1)
        XCTAssertEqual(Set(lesson.steps.map(\.id)).count, repeats + 1, "every step has its own id")
        XCTAssertEqual(lesson.steps[2].id, lesson.steps[0].id + "-3")

        let runner = try LessonRunner(lesson: lesson)
        let results = runner.run(upTo: lesson.steps.count)
        XCTAssertEqual(results.count, repeats + 1)
        guard case .error(let traceback)? = results.last?.outputs.last else {
            return XCTFail("the last step fails: \(String(describing: results.last?.status))")
        }
        let line = 2 + repeats * 6 + 3  // past the title and the cells: the fence, `y = (x +`, then `nope)`
        XCTAssertTrue(traceback.contains("File \"big.md\", line \(line), in <module>\n    nope)\n    ^^^^\n"), traceback)
        XCTAssertTrue(traceback.hasSuffix("NameError: name 'nope' is not defined\n"), traceback)
    }
}
