import Foundation
import Render
import XCTest

/// Lines of 200,000 characters the fuzzer put in lessons render in time proportional to their length; each used to
/// take 15 s or more in a debug build, during which Ctrl-C could not stop the lesson.
final class MarkdownLongLineTests: XCTestCase {
    /// A word far wider than the page is cut into full lines: cutting used to sum the rest of the word again for
    /// every line.
    func testAWordOfTwoHundredThousandCharactersIsCutIntoFullLinesQuickly() {
        let word = String(repeating: "c", count: 200_000)
        let plain = RenderOptions(colors: .none, charset: .unicode)
        for markdown in [word, "# " + word, "A " + word + " z"] {
            let start = Date()
            let lines = MarkdownRenderer.render(markdown, width: 80, options: plain).map(\.text)
            XCTAssertLessThan(Date().timeIntervalSince(start), 5, String(markdown.prefix(4)))
            XCTAssertEqual(lines.joined().filter { $0 == "c" }.count, 200_000)
            XCTAssertTrue(lines.allSatisfy { $0.count <= 80 })
            XCTAssertGreaterThanOrEqual(lines.filter { $0.count == 80 }.count, 2_499, String(markdown.prefix(4)))
        }
    }

    /// Many `<` and no `>`: each `<` used to look for a `>` to the end of the paragraph.
    func testALineOfManyAngleBracketsRendersQuickly() {
        let line = "x = (" + String(repeating: "1 < ", count: 50_000) + "2)"
        let start = Date()
        let lines = MarkdownRenderer.render(line, width: 80, options: RenderOptions(colors: .none, charset: .unicode))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(lines.map(\.text).joined().filter { $0 == "<" }.count, 50_000)
        XCTAssertEqual(lines.first?.text.hasPrefix("x = (1 < 1 < "), true)
    }
}
