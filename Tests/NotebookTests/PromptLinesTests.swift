import Foundation
import Notebook
import XCTest

/// `PromptLines` reads a prompt's lines one at a time and must agree with `PromptReadiness` on the whole pending text
/// after every line, while taking time in proportion to the input's length.
final class PromptLinesTests: XCTestCase {
    /// Every line of the language and torch test scripts, and of awkward inputs, gives what `PromptReadiness` gives.
    func testAgreesWithPromptReadinessLineByLine() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ScriptTests/Fixtures")
        var texts: [String] = [
            "(1,\n2\n)\nx = [\n1, 2,\n\n3]\n\nprint(x)\n",
            "f(\n  $\n)\n",
            "x = (\n'unterminated\n)\n",
            "x = (\n\"\"\"a\n)\n\"\"\")\n",
            "d = {\n  1: [\n (2,\n  3)],\n}\nif d:\n    print(d)\n\n",
            "(\n" + String(repeating: "(", count: 250) + "\n",
            "(\n1 \\\n+ 2)\n",
            "class C:\n    x = a\n    y = b\n  z = c\n    w = d\n\tv = e\n\n",
            "if a:\n    b = c \\\n    d\n    e = f\n    g = h)\n    i = j\n\n",
            "x = (1 +\n   # a comment )\n 2)\n%who\n",
            "s = '''\n(\n'''\n(\n]\n",
            "s = f\"\"\"{\nx\n}\"\"\"\nt = f'''a\n{1 +\n2 # c\n}\n'''\nu = \"\"\"\\\n\\\"\"\"\"\nv = '''$\n!\n'''\n",
        ]
        for folder in ["language", "torch"] {
            let directory = fixtures.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            where name.hasSuffix(".py") {
                texts.append(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
            }
        }
        XCTAssertGreaterThan(texts.count, 40)
        for text in texts {
            var lines = PromptLines()
            var pending = ""
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                pending += line + "\n"
                let expected = PromptReadiness(pending)
                let got = lines.add(line)
                XCTAssertEqual(got, expected, "line \(number + 1) of:\n\(text.prefix(300))")
                if got != expected { break }
                switch expected {
                case .incomplete: continue
                case .blank, .ready: pending = ""; lines = PromptLines()
                }
            }
        }
    }

    /// A bracket, a triple-quoted string or an indented block opened on the first of 20,000 lines keeps the input
    /// open, read in about a second rather than minutes.
    func testAnIndentedFirstLineIsReadyAtOnce() {
        // As at Python's prompt, `IndentationError: unexpected indent` is reported for the line itself.
        var lines = PromptLines()
        XCTAssertEqual(lines.add("    x = 1"), .ready("    x = 1\n"))
        XCTAssertEqual(PromptReadiness("\n  y = [1]\n"), .ready("\n  y = [1]\n"))
        XCTAssertEqual(PromptReadiness("if a:\n    y = [1]\n"), .incomplete, "inside a block, indentation is expected")
    }

    /// As at Python's prompt, an error of the tokenizer inside a block makes the block whole at the line that has it.
    func testATokenizerErrorInsideABlockIsReadyAtItsLine() {
        for (block, bad) in [("class C:\n    x = 1\n", "  z = 2"), ("if 1:\n        x = 1\n", "\ty = 2"),
                             ("if 1:\n", "    x = 1 \\ y")] {
            var lines = PromptLines()
            for line in block.split(separator: "\n") { XCTAssertEqual(lines.add(String(line)), .incomplete) }
            XCTAssertEqual(lines.add(bad), .ready(block + bad + "\n"))
        }
    }

    func testAnUnclosedBracketOrStringOverManyLinesReadsInLinearTime() {
        let cases = [("x = (", "    1 + value * 2,", ")"), ("s = \"\"\"", "text (", "\"\"\""),
                     ("class C:", "    value = other.attribute + x * y", "")]
        for (opening, body, closing) in cases {
            var lines = PromptLines()
            XCTAssertEqual(lines.add(opening), .incomplete)
            let start = Date()
            for _ in 0..<20_000 where lines.add(body) != .incomplete {
                return XCTFail("\(opening) did not stay open")
            }
            XCTAssertEqual(lines.add(closing), .ready(lines.pending))
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, opening)
        }
    }
}
