import Foundation
import XCTest

/// Input piped into `attend repl` is read a line at a time as Python's prompt reads it: a long block in linear total
/// time, an error of the tokenizer reported at the line that has it.
final class ReplPipedInputTests: XCTestCase {
    /// A 5,000-line function body of digits, brackets and strings.
    func testAFiveThousandLineFunctionIsReadAndCallable() throws {
        let count = 5000
        var input = "def f():\n    total = 0\n"
        for index in 0..<count {
            input += "    v\(index) = [1, (\(index), 2), \"s\(index)(\", 'q]']; total += len(v\(index)) + \(index)\n"
        }
        input += "    return total\n\nprint(f())\nprint(f.__name__)\n"
        // Each line's list has four items, and the indices add up to count * (count - 1) / 2.
        try checkPipedBlock(input, prints: "\(4 * count + count * (count - 1) / 2)\nf\n")
    }

    /// A 5,000-line function body of backslash continuations, chained, at the ends of lines and in the indentation
    /// (whose lines were read again with every line after them: 11 s in a debug build).
    func testAFiveThousandLineBlockOfContinuationChainsIsReadAndCallable() throws {
        var input = "def f():\n    total = 0\n"
        for index in 0..<400 {
            input += "    total += \\\n        \(index)\n    \\\n\\\n\\\n    total += 1 + \\\n\\\n        2\n"
        }
        input += String(repeating: "    \\\n", count: 1800) + "    total += 1\n    return total\n\nprint(f())\n"
        // Each group adds its index and 3; the chain's line adds 1.
        let total: Int = 400 * 399 / 2 + 400 * 3 + 1
        try checkPipedBlock(input, prints: "\(total)\n")
    }

    /// A 5,000-line function after a line holding byte order marks in a string and a comment (the whole block was
    /// checked after each line once one appeared: 80 s in a debug build).
    func testAFiveThousandLineBlockAfterAByteOrderMarkIsReadAndCallable() throws {
        var input = "def f():\n    total = len('\u{FEFF}')  # \u{FEFF}\n"
        for index in 0..<5000 {
            input += "    total += \(index % 7)\n"
        }
        input += "    return total\n\nprint(f())\n"
        let total = (0..<5000).reduce(1) { sum, index in sum + index % 7 }
        try checkPipedBlock(input, prints: "\(total)\n")
    }

    /// Pipes `input` into `attend repl` and checks what it printed. Checking the whole block after each line took
    /// 100 s for 1,500 lines in a debug build, so 5,000 lines would take about twenty minutes; the bound below only
    /// stops such a run, and a linear read takes a few seconds.
    private func checkPipedBlock(_ input: String, prints expected: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        let binary = AttendBinary()
        defer { binary.cleanUp() }
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
            XCTFail("the block was still being read after 60 s", file: file, line: line)
        }
        process.waitUntilExit()
        while !outReader.isFinished || !errReader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(String(decoding: output.data, as: UTF8.self), expected, file: file, line: line)
        XCTAssertEqual(String(decoding: errors.data, as: UTF8.self), "", file: file, line: line)
        XCTAssertEqual(process.terminationStatus, 0, file: file, line: line)
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
