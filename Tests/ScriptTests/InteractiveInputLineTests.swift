import Script
import XCTest

/// `InteractiveInput` keeps the tokenizer's state between lines, and must answer after every line exactly as
/// `Parser.needsMoreInput` does for the whole text so far, whatever the lines hold.
final class InteractiveInputLineTests: XCTestCase {
    /// Lines that open and close what spans lines: blocks, brackets, strings, continuations, and the errors that
    /// stop the tokenizer (bad dedents, tabs against spaces, stray brackets, a backslash before text).
    static let fragments = [
        "if x:", "def f(a,", "    y = (1,", "    return [", "\t", "\tz = 1", "  w = 2", "        v = {",
        ")", "]", "}", "))", "x = 1", "", "   ", "# comment", "    # indented comment", "s = '''", "'''",
        "t = \"\"\"a", "b \" c \"\" d", "\\\"\"\"", "e\"\"\")", "u = f'''{", "1 + 2}'''", "\\", "    \\",
        "x = 1 + \\", "\\ y", "'unterminated", "q = '''a\\", "b'''", "class C:", "    pass", "else:", "  ",
        "x = 0x", "1_", "(", "[1,", "    \"\"\"doc", "    more 'quotes' \"here\"", "\"\"\"", "\u{0C}x = 3",
        "é = (", "a $ b", "    for i in range(3):", "        print(i)", "lambda: (", "x = \"\"\"\"",
        "x = \"\"\"a\"\"\" + \"\"\"b", "c\"\"\" + '''d", "e''' + \"\"\"f", "x = 1\r", "if y:\r", "    z = 2\r",
        "\r", "a = 1\rb = 2", "\'\'\'\r", "    w = (\r1)", " \r  v = 3",
    ]

    func testAgreesWithTheWholeTextAfterEveryLineOfRandomInput() {
        var generator = SplitMix(seed: 9)
        for round in 0..<4000 {
            var input = InteractiveInput()
            var text = ""
            let count = 1 + Int(generator.next() % 14)
            for number in 0..<count {
                let fragments = Self.fragments
                let line = fragments[Int(generator.next() % UInt64(fragments.count))]
                text += line + "\n"
                let expected = Parser.needsMoreInput(text)
                guard input.needsMore(after: line + "\n") == expected else {
                    return XCTFail("round \(round), line \(number + 1): expected \(expected) for\n\(text)")
                }
            }
            XCTAssertEqual(input.text, text)
        }
    }

    /// Carriage returns (a line break to the tokenizer; with the newline after them, one character) and byte order
    /// marks (dropped only at the start of input) give the answers of the whole text too.
    func testCarriageReturnsAndByteOrderMarksAgreeWithTheWholeText() {
        let texts = [["if x:", "    y = 1\r", "    z = 2", ""], ["x = (", "\u{FEFF}1)", "y = 2"],
                     ["\u{FEFF}if a:", "  b", ""], ["s = '''\r", "'''\r"]]
        for lines in texts {
            var input = InteractiveInput()
            var text = ""
            for line in lines {
                text += line + "\n"
                XCTAssertEqual(input.needsMore(after: line + "\n"), Parser.needsMoreInput(text), text.debugDescription)
            }
        }
    }

    /// Lines that each close a triple-quoted string and open another keep the input open, as one long string would.
    func testAChainOfStringsOverManyLinesStaysOpen() {
        var input = InteractiveInput()
        XCTAssertTrue(input.needsMore(after: "parts = (\"\"\"a\n"))
        for index in 0..<3000 {
            XCTAssertTrue(input.needsMore(after: "\(index)\"\"\", \"\"\"(\"quoted\")\n"))
        }
        XCTAssertTrue(input.needsMore(after: "end\"\"\",\n"))
        XCTAssertFalse(input.needsMore(after: ")\n"))
        XCTAssertFalse(Parser.needsMoreInput(input.text))
    }

    /// A string opened at the top of a long block whose lines all hold its quote character, escapes and brackets
    /// stays open line after line, and the block after it still needs its empty line.
    func testALongStringWithQuotesInEveryLineStaysOpen() {
        var input = InteractiveInput()
        XCTAssertTrue(input.needsMore(after: "def f():\n"))
        XCTAssertTrue(input.needsMore(after: "    s = \"\"\"\n"))
        for index in 0..<3000 {
            XCTAssertTrue(input.needsMore(after: "    \"\(index)\" (\\\"\") [\"\"]\n"))
        }
        XCTAssertTrue(input.needsMore(after: "    \"\"\"\n"))
        XCTAssertTrue(input.needsMore(after: "    return s\n"))
        XCTAssertFalse(input.needsMore(after: "\n"))
        XCTAssertEqual(input.lineCount, 3005)
    }
}
