import Foundation
import XCTest

/// Ctrl-C while `attend repl` reads a long block from a pipe drops the lines read so far and goes on, as Python's
/// prompt does, instead of reading on until the block ends.
final class ReplInterruptTests: XCTestCase {
    func testCtrlCStopsReadingALongBlock() throws {
        let binary = AttendBinary()
        defer { binary.cleanUp() }
        // A class body whose end has not arrived when Ctrl-C comes: the REPL is reading the block or waiting for
        // more of it, and drops it at the next line either way.
        var input = "class A:\n"
        for index in 0..<3000 { input += "    v\(index) = [1, 2, \"x\"]\n" }
        // Lines of the block still to come; the signal reaches the REPL a moment after it is sent.
        let rest = (0..<10).map { "    w\($0) = 1\n" }.joined() + "\nprint('after')\n"
        let (process, stdin, stdout, stderr) = binary.process(["repl"])
        try process.run()
        let data = Data(input.utf8)
        let interruptSent = DispatchSemaphore(value: 0)
        let writer = Thread {
            stdin.fileHandleForWriting.write(data)
            interruptSent.wait()
            stdin.fileHandleForWriting.write(Data(rest.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        Thread.sleep(forTimeInterval: 1)
        let interrupted = Date()
        process.interrupt()
        Thread.sleep(forTimeInterval: 0.3)
        interruptSent.signal()
        // Both streams are drained at once, so neither pipe fills while the other is read.
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let reader = Thread { errors.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        let err = String(decoding: errors.data, as: UTF8.self)
        XCTAssertLessThan(Date().timeIntervalSince(interrupted), 20, "the rest of the input is read line by line")
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(err.hasPrefix("KeyboardInterrupt\n"), String(err.prefix(300)))
        XCTAssertTrue(err.contains("IndentationError: unexpected indent"), "the block's later lines stand alone")
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "after\n")
    }
}
