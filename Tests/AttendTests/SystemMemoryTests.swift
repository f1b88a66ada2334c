import Foundation
import XCTest

/// An allocation the system refuses while still under Attend's own limit (here a `ulimit` on address space) is a
/// MemoryError the script can catch, and the run goes on; it used to end the process.
final class SystemMemoryTests: XCTestCase {
    /// `attend run SCRIPT` under `ulimit -v kilobytes` with `ATTEND_MEMORY_LIMIT=8G`: its status and output (it is
    /// stopped after 60 s, so a hang fails rather than blocks the suite).
    private func runLimited(_ script: String, kilobytes: Int) throws
        -> (status: Int32, output: String, errors: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attend-ulimit-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("script.py")
        try Data(script.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(kilobytes) && exec \"$0\" run \"$1\"",
                             AttendBinary.executable.path, file.path]
        var environment = ProcessInfo.processInfo.environment
        environment["ATTEND_MEMORY_LIMIT"] = "8G"
        environment["XDG_STATE_HOME"] = folder.path
        process.environment = environment
        let (stdout, stderr) = (Pipe(), Pipe())
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if process.isRunning { process.terminate() } }
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output, errors)
    }

    func testRefusedAllocationIsAMemoryErrorAndTheRunGoesOn() throws {
        // 3 GB of address space: room for the interpreter's stacks, not for the 4 GB tensor.
        let (status, output, errors) = try runLimited("""
            import torch
            try:
                x = torch.zeros(2**30)
            except MemoryError as error:
                print("MemoryError:", error)
            print(torch.ones(3).sum())

            """, kilobytes: 3_000_000)
        XCTAssertEqual(status, 0, errors)
        XCTAssertEqual(output, """
            MemoryError: can't allocate memory: you tried to allocate 4294967296 bytes, and the system refused them
            tensor(3.)

            """)
    }

    /// Below the interpreter's 1 GB stack the run takes a stack sized to the limit, and generators' stacks too; it
    /// used to wait forever for a thread that never started, overflow the smaller stack on deep recursion, or wait
    /// forever in OpenBLAS for a product's buffer.
    func testAddressSpaceBelowTheInterpretersStackStillRuns() throws {
        let negations = String(repeating: "-", count: 900)
        let (status, output, errors) = try runLimited("""
            import torch
            def depth(n):
                return 0 if n == 0 else 1 + depth(n - 1)
            print(depth(300))
            def nested(n):
                return 0 if n == 0 else \(negations)nested(n - 1)
            try:
                nested(900)
            except RecursionError as error:
                print("RecursionError:", error)
            def forever(n):
                return forever(n + 1)
            def deep():
                try:
                    forever(0)
                except RecursionError as error:
                    yield "in a generator: " + str(error)
            print(next(deep()))
            def pair(i):
                yield i
                yield i
            live = [pair(i) for i in range(16)]
            print(sum(next(g) + next(g) for g in live))
            a = torch.ones(1024, 1024)
            print((a @ a)[0, :3])

            """, kilobytes: 1_258_291)
        XCTAssertEqual(status, 0, errors)
        XCTAssertEqual(output, """
            300
            RecursionError: maximum recursion depth exceeded
            in a generator: maximum recursion depth exceeded
            240
            tensor([1024., 1024., 1024.])

            """)
    }

    /// Under the least address space Attend runs in, it says so and exits at once (OpenBLAS would wait forever for
    /// its buffers, and its start-up thread would keep the process from exiting).
    func testBelowTheMinimumAddressSpaceSaysSoAndExits() throws {
        let (status, output, errors) = try runLimited("print('never')\n", kilobytes: 400_000)
        XCTAssertEqual(status, 1)
        XCTAssertEqual(output, "")
        XCTAssertEqual(errors, "attend: needs at least 1024 MB of address space, and the limit here (ulimit -v) is "
                       + "390 MB\n")
    }
}
