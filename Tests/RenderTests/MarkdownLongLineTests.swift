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

    /// Openers that never close, 200,000 characters of them on one line: each opener's look-ahead for its closer
    /// used to read to the end of the line (100 s for `**a *b _c`, 17 s for unclosed `$\frac{a}{b`); every mark
    /// stays as text.
    func testALineOfOpenersWithoutClosersRendersQuickly() {
        let pieces = ["**a *b _c ", "$\\frac{a}{b ", "[a ", "[[a] ", "[a](b", "[a](<b ", "[a](b \"c ", "`a ``b ```c ",
                      "<!-- a ", "$$a ", "\\(a ", "*a [b `c $d _e ~~f <g &h \\(i "]
        let plain = RenderOptions(colors: .none, charset: .unicode)
        for piece in pieces {
            let line = String(String(repeating: piece, count: 200_000 / piece.count + 1).prefix(200_000))
            let start = Date()
            let text = MarkdownRenderer.render(line, width: 80, options: plain).map(\.text).joined()
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, piece)
            XCTAssertEqual(text.filter { $0 == "a" }.count, line.filter { $0 == "a" }.count, piece)
        }
    }

    /// A line of 100,000 spaces between words: each space used to measure the rest of the run.
    func testALongRunOfSpacesRendersQuickly() {
        let start = Date()
        let lines = MarkdownRenderer.render("a" + String(repeating: " ", count: 100_000) + "b", width: 80,
                                            options: RenderOptions(colors: .none, charset: .unicode))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(lines.map(\.text), ["a b"])
    }

    /// `x^x^x^...`: each script used to nest the one before it a level deeper, and laying out 60,000 levels
    /// overflowed the stack (a segfault). Scripts of one kind now join in one row.
    func testAChainOfSixtyThousandScriptsRenders() {
        let formula = "$" + String(repeating: "x^", count: 60_000) + "y$"
        let lines = MarkdownRenderer.render(formula, width: 80, options: RenderOptions(colors: .none, charset: .unicode))
        XCTAssertFalse(lines.isEmpty)
        XCTAssertEqual(LaTeX.inlineLine("x^a^b", options: RenderOptions(colors: .none, charset: .unicode),
                                        style: .plain).text,
                       LaTeX.inlineLine("x^{ab}", options: RenderOptions(colors: .none, charset: .unicode),
                                        style: .plain).text)
    }

    /// A list nested 1,000 deep (1 MB of indentation): nesting past 24 levels is shown as text, and each level's
    /// lines are measured on their bytes rather than as Characters (6 s in a debug build before, 2,000 deep 23 s;
    /// now about 3 s and 12 s, in proportion to the text).
    func testAListNestedAThousandDeepRendersInBoundedTime() {
        let markdown = (0..<1_000).map { String(repeating: "  ", count: $0) + "- x\n" }.joined()
        let start = Date()
        let text = MarkdownRenderer.render(markdown, width: 80, options: RenderOptions(colors: .none, charset: .unicode))
            .map(\.text).joined()
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        XCTAssertEqual(text.filter { $0 == "x" }.count, 1_000)
    }
}
