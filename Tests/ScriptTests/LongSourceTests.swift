import Foundation
import XCTest

@testable import Script

/// Long sources the fuzzer produced: they parse in time proportional to their length, and a Ctrl-C that comes while
/// one is parsing stops the program instead of being lost.
final class LongSourceTests: XCTestCase {
    /// An f-string of 20,000 replacement fields on one line: each field used to rescan the whole token for its line
    /// and column, so 50,000 fields took over a minute in a debug build and Ctrl-C could not stop it.
    func testAnFStringOfManyFieldsParsesInLinearTime() throws {
        let source = "x = f'" + String(repeating: "{1}", count: 20_000) + "'\nprint(len(x))\n"
        let start = Date()
        var output = ""
        let interpreter = Interpreter { output += $0 }
        guard case .success = interpreter.run(source: source) else { return XCTFail("the f-string did not run") }
        XCTAssertEqual(output, "20000\n")
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    /// A field after newlines in a triple-quoted f-string still reports its own line and column.
    func testAFieldAfterNewlinesPointsAtItsLine() {
        let interpreter = Interpreter { _ in }
        guard case .syntaxError(let error) = interpreter.run(source: "x = 1\ns = f'''a\n  b {x +} c'''\n") else {
            return XCTFail("no syntax error")
        }
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.text.trimmingCharacters(in: .whitespaces), "(x +)")
    }

    /// A Ctrl-C during the parse of a long source (seconds in a debug build) stops the parse and raises
    /// KeyboardInterrupt before the first statement runs. The parser used to run to its end, then the interrupt was
    /// dropped as stale and the program ran on.
    func testAnInterruptDuringTheParseStopsTheProgram() {
        let source = "print('ran')\nx = f'" + String(repeating: "{1}", count: 60_000) + "'\n"
        var output = ""
        let interpreter = Interpreter { output += $0 }
        nonisolated(unsafe) let target = interpreter
        let interrupted = Date().addingTimeInterval(0.1)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { target.interrupt() }
        let outcome = interpreter.run(source: source)
        XCTAssertLessThan(Date().timeIntervalSince(interrupted), 1)
        guard case .exception(let error, let traceback) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(error.typeName, "KeyboardInterrupt")
        XCTAssertTrue(traceback.hasSuffix("KeyboardInterrupt\n"), traceback)
        XCTAssertEqual(output, "")
        guard case .success = interpreter.run(source: "print('next')") else { return XCTFail("the next run failed") }
        XCTAssertEqual(output, "next\n")
    }

    /// A Ctrl-C while a source of a million tokens is still being tokenized (before the parser has read a statement)
    /// stops it: the tokenizer looks for one every few thousand tokens. A 35 MB script took 16 s to tokenize, deaf
    /// to Ctrl-C.
    func testAnInterruptDuringTokenizingStopsTheProgram() {
        let source = "print('ran')\nx = [" + String(repeating: "1, ", count: 600_000) + "]\n"
        var output = ""
        let interpreter = Interpreter { output += $0 }
        nonisolated(unsafe) let target = interpreter
        let interrupted = Date().addingTimeInterval(0.05)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { target.interrupt() }
        let outcome = interpreter.run(source: source)
        XCTAssertLessThan(Date().timeIntervalSince(interrupted), 1)
        guard case .exception(let error, _) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(error.typeName, "KeyboardInterrupt")
        XCTAssertEqual(output, "")
    }

    /// A source longer than the parser takes is refused with MemoryError naming both lengths, before it is
    /// tokenized: its tokens and tree (hundreds of bytes a character) could exhaust memory, a crash under a
    /// `ulimit -v`.
    func testASourceLongerThanTheLimitIsAMemoryError() {
        let limit = Parser.longestSource
        XCTAssertLessThanOrEqual(limit, 2 << 20)
        let source = "x = 1  # " + String(repeating: "a", count: limit) + "\n"
        let interpreter = Interpreter { _ in }
        guard case .syntaxError(let error) = interpreter.run(source: source) else { return XCTFail("it ran") }
        XCTAssertEqual(error.kind, .memoryError)
        XCTAssertEqual(error.formatted, "MemoryError: the source is \(source.count) characters long, and Attend "
                       + "parses at most \(limit)")
        // One of the limit's length is parsed as usual.
        let longest = "x = 1  # " + String(repeating: "a", count: limit - 12) + "\nx\n"
        XCTAssertEqual(longest.unicodeScalars.count, limit)
        guard case .success = interpreter.run(source: longest) else { return XCTFail("the longest source failed") }
    }

    /// Scripts without a `# %%` are told apart by one search, even with a NUL byte before a marker.
    func testCellMarkersAreFoundPastANulByte() {
        XCTAssertNil(CodeCell.split("print(1)\n# %\n"))
        XCTAssertEqual(CodeCell.split("x = '\u{0}'\n# %% second\nprint(2)\n")?.map(\.title), ["", "second"])
    }
}
