import Foundation
import Render
import XCTest

/// A word far wider than the page (a lesson line of 200,000 characters the fuzzer made) is cut into full lines in
/// time proportional to its length: cutting used to sum the rest of the word again for every line, 15 s for one
/// heading in a debug build, during which Ctrl-C could not stop the lesson.
final class MarkdownLongWordTests: XCTestCase {
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
}
