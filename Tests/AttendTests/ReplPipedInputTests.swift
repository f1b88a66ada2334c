import Foundation
import XCTest

/// Input piped into `attend repl` is read a line at a time as Python's prompt reads it: a long block in linear total
/// time, an error of the tokenizer reported at the line that has it.
final class ReplPipedInputTests: XCTestCase {
    /// A 5,000-line function body of digits, brackets and strings. Checking the whole block after each line took
    /// 100 s for 1,500 lines in a debug build, so this size would take about twenty minutes; the bound below only
    /// stops such a run, and a linear read takes a few seconds.
    func testAFiveThousandLineFunctionIsReadAndCallable() throws {
        let binary = AttendBinary()
        defer { binary.cleanUp() }
        let count = 5000
        var input = "def f():\n    total = 0\n"
        for index in 0..<count {
            input += "    v\(index) = [1, (\(index), 2), \"s\(index)(\", 'q]']; total += len(v\(index)) + \(index)\n"
        }
        input += "    return total\n\nprint(f())\nprint(f.__name__)\n"
        let (process, stdin, stdout, stderr) = binary.process(["repl"])
        try process.run()
        let data = Data(input.utf8)
        let writer = Thread {
            stdin.fileHandleForWriting.write(data)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        final class Box: @unchecked Sendable { var data = Data() }
        let output = Box(), errors = Box()
        let outReader = Thread { output.data = stdout.fileHandleForReading.readDataToEndOfFile() }
        let errReader = Thread { errors.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        outReader.start()
        errReader.start()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            XCTFail("the block was still being read after 60 s")
        }
        process.waitUntilExit()
        while !outReader.isFinished || !errReader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        // Each line's list has four items, and the indices add up to count * (count - 1) / 2.
        let expected = 4 * count + count * (count - 1) / 2
        XCTAssertEqual(String(decoding: output.data, as: UTF8.self), "\(expected)\nf\n")
        XCTAssertEqual(String(decoding: errors.data, as: UTF8.self), "")
        XCTAssertEqual(process.terminationStatus, 0)
    }

    /// A bad dedent, tabs against spaces or a character after a continuation backslash inside a block is reported
    /// once its line is read, and the next line starts a new input (the block used to swallow it).
    func testATokenizerErrorInsideABlockEndsItAtThatLine() throws {
        let input = "class C:\n    x = 1\n  z = 2\nprint('a')\nif 1:\n        x = 1\n\ty = 2\nprint('b')\n"
            + "if 1:\n    x = 1 \\ y\nprint('c')\n"
        let binary = AttendBinary()
        defer { binary.cleanUp() }
        let result = try binary.run(["repl"], input: input)
        XCTAssertEqual(result.stdout, "a\nb\nc\n")
        XCTAssertTrue(result.stderr.contains("IndentationError: unindent does not match any outer indentation level"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("TabError: inconsistent use of tabs and spaces in indentation"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("SyntaxError: unexpected character after line continuation character"),
                      result.stderr)
    }
}
