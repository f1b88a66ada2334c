@testable import Script
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

    /// Continuations in a line's indentation (after spaces, tabs, a form feed or nothing) and at its end, to be
    /// chained, and lines after them that go on indenting, hold text or are blank.
    static let continuations = [
        "\\", "    \\", "\t\\", "  \\", " \t\\", "\u{0C}\\", "        \\", "    x = 1 + \\", "        2",
        "        2 + \\", "    y = (\\", "    \\ z", "\\\t", "    pass", "\tpass", "", "    ", "    # c \\",
        "    s = '''\\", "    '''", "def g():", "    return \\",
    ]

    /// Byte order marks at a line's start, in its indentation, mid-line, in strings and comments, and alone.
    static let byteOrderMarks = [
        "\u{FEFF}", "\u{FEFF}x = 1", "    \u{FEFF}y = 2", "x = 1\u{FEFF}", "s = '\u{FEFF}'", "# \u{FEFF}",
        "t = '''\u{FEFF}", "\u{FEFF}\u{FEFF}", "\u{FEFF}if x:", "    \u{FEFF}", "\u{FEFF}\\", "\r\u{FEFF}",
    ]

    func testAgreesWithTheWholeTextAfterEveryLineOfRandomInput() {
        checkAgreement(fragments: Self.fragments, seed: 9, rounds: 4000, maxLines: 14)
    }

    /// Long chains of continuations, in the indentation or not, inside blocks and brackets.
    func testAgreesWithTheWholeTextAfterEveryLineOfContinuationChains() {
        checkAgreement(fragments: Self.continuations + Self.fragments.prefix(12), seed: 11, rounds: 2000,
                       maxLines: 30)
    }

    func testAgreesWithTheWholeTextAfterEveryLineWithByteOrderMarks() {
        checkAgreement(fragments: Self.fragments + Self.byteOrderMarks, seed: 13, rounds: 3000, maxLines: 12)
    }

    /// Lines given without their newline, which the next line continues (a carriage return at the end of one
    /// makes a single line break with the newline that follows).
    func testAgreesWithTheWholeTextWhenLinesComeWithoutNewlines() {
        checkAgreement(fragments: Self.fragments + Self.continuations + Self.byteOrderMarks, seed: 17, rounds: 3000,
                       maxLines: 14, withoutNewline: 4)
    }

    /// Feeds random lines of `fragments` (about one in `withoutNewline` without its newline, if given) and checks
    /// the answer after each against the whole text's.
    private func checkAgreement(fragments: [String], seed: UInt64, rounds: Int, maxLines: UInt64,
                                withoutNewline: UInt64? = nil) {
        var generator = SplitMix(seed: seed)
        for round in 0..<rounds {
            var input = InteractiveInput()
            var text = ""
            var lines: [String] = []
            let count = 1 + Int(generator.next() % maxLines)
            for number in 0..<count {
                var line = fragments[Int(generator.next() % UInt64(fragments.count))]
                if withoutNewline.map({ generator.next() % $0 != 0 }) ?? true { line += "\n" }
                text += line
                lines.append(line)
                let expected = Parser.needsMoreInput(text)
                guard input.needsMore(after: line) == expected else {
                    return XCTFail("round \(round), line \(number + 1): expected \(expected) after "
                                       + lines.map(\.debugDescription).joined(separator: ", "))
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

    /// A block of 5,000 lines of continuation chains, most of them in the indentation, and one whose lines follow
    /// a byte order mark: the tokenizer is given each line about once (each was read again with every line after
    /// it), and the block still needs its empty line.
    func testLongBlocksOfContinuationsAndByteOrderMarksAreTokenizedOnce() {
        var chain = ["def f():", "    total = 0"]
        for index in 0..<500 {
            chain += ["    total += \\", "        \(index)", "    \\", "\\", "\\", "    total += 1 + \\", "\\",
                      "        2"]
        }
        chain += Array(repeating: "    \\", count: 1000) + ["    return total"]
        var marked = ["def f():", "    total = len('\u{FEFF}')  # \u{FEFF}"]
        marked += (0..<5000).map { "    total += \($0 % 7)" } + ["    return total"]
        for lines in [chain, marked] {
            var input = InteractiveInput()
            for line in lines {
                XCTAssertTrue(input.needsMore(after: line + "\n"), line)
            }
            XCTAssertFalse(input.needsMore(after: "\n"))
            XCTAssertFalse(Parser.needsMoreInput(input.text))
            let length = input.text.unicodeScalars.count
            XCTAssertLessThanOrEqual(input.scalarsTokenized, 2 * length, "read \(input.scalarsTokenized) of \(length)")
        }
    }
}
