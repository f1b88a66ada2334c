import Foundation

/// One run of the built `attend` binary under a time limit: on time-out it gets SIGINT, as a learner's Ctrl-C, and
/// must then end promptly with KeyboardInterrupt.
struct FuzzProcess {
    /// How a run ended, as the fuzzer judges it.
    enum Verdict: Equatable {
        /// Ended by itself with an ordinary status (0, 1 for a Python error, 2 for an unreadable file, 130 for a
        /// KeyboardInterrupt the script raised).
        case finished(status: Int32)
        /// Ran past the time limit and ended with KeyboardInterrupt after SIGINT.
        case interrupted
        /// A crash or hang: the text says which.
        case failed(String)

        /// Whether the run is a failure.
        var isFailure: Bool {
            if case .failed = self { return true }
            return false
        }
    }

    /// What a run gave.
    struct Result {
        let verdict: Verdict
        let stderrTail: String
        let seconds: Double
        /// Standard output's last 4000 bytes when kept.
        var output = ""
    }

    /// The seconds the process has to end after SIGINT.
    static let interruptGrace = 3.0

    /// The executable, beside the test runner (`.build/debug/AttendPackageTests.xctest`).
    static var executable: URL {
        let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return runner.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("attend")
    }

    /// Arguments after `attend`.
    let arguments: [String]
    /// A file given as standard input (nil: /dev/null).
    let stdinFile: URL?
    /// Seconds before SIGINT.
    let timeLimit: Double
    /// The folder the run keeps its state and standard error in.
    let workDirectory: URL
    /// How many times SIGINT may be sent: 1 for a script, which must then exit; more for a REPL, which reads on
    /// after a KeyboardInterrupt as Python's does.
    var maxInterrupts = 1
    /// Whether standard output is kept (in `Result.output`) rather than discarded.
    var keepsOutput = false

    /// Runs the process to its end and judges it.
    func run() -> Result {
        let start = Date()
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = workDirectory.appendingPathComponent("state").path
        environment["ATTEND_MEMORY_LIMIT"] = "1G"
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.currentDirectoryURL = workDirectory
        let errorFile = workDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let outputFile = workDirectory.appendingPathComponent("stdout-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: errorFile)
            try? FileManager.default.removeItem(at: outputFile)
        }
        guard let errorHandle = try? FileHandle(forWritingTo: errorFile),
              let input = stdinFile.map({ try? FileHandle(forReadingFrom: $0) }) ?? FileHandle(forReadingAtPath: "/dev/null"),
              let output = FileHandle(forWritingAtPath: keepsOutput ? outputFile.path : "/dev/null") else {
            return Result(verdict: .failed("could not open the run's files"), stderrTail: "", seconds: 0)
        }
        defer {
            try? errorHandle.close()
            try? input.close()
            try? output.close()
        }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errorHandle
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        do {
            try process.run()
        } catch {
            return Result(verdict: .failed("could not start attend: \(error)"), stderrTail: "", seconds: 0)
        }
        var interrupts = 0
        var hung = false
        var lastInterruptAnswer: Double?
        while ended.wait(timeout: .now() + (interrupts == 0 ? timeLimit : 1.0)) == .timedOut {
            let sent = Date()
            if interrupts == maxInterrupts || !interruptAnswered(process, ended: ended, errors: errorFile) {
                hung = true
                kill(process.processIdentifier, SIGKILL)
                ended.wait()
                break
            }
            interrupts += 1
            lastInterruptAnswer = Date().timeIntervalSince(sent)
        }
        let tail = Self.tail(of: errorFile, bytes: 2000)
        let seconds = Date().timeIntervalSince(start)
        let status = process.terminationStatus
        let verdict: Verdict
        if hung {
            verdict = .failed("no exit and no KeyboardInterrupt within \(Self.interruptGrace) s of SIGINT number "
                + "\(interrupts + 1) (the first sent after \(timeLimit) s)")
        } else if process.terminationReason == .uncaughtSignal {
            verdict = .failed("killed by signal \(status) (\(String(cString: strsignal(status))))")
        } else if interrupts > 0 {
            // A script or lesson ends with 130 (a lesson prints its KeyboardInterrupt in its output), or with its
            // own status when it was ending anyway as the signal came (its own error raced the signal); the REPL
            // answered every SIGINT (interruptAnswered) and reads on to the end of its input.
            let racedItsEnd = (lastInterruptAnswer ?? .infinity) < 0.5 && status < 128
            verdict = status == 130 || racedItsEnd || (maxInterrupts > 1 && status < 128)
                ? .interrupted
                : .failed("after SIGINT (sent after \(timeLimit) s) exit status \(status) instead of KeyboardInterrupt's")
        } else if status >= 128 && status != 130 {
            verdict = .failed("exit status \(status)")
        } else {
            verdict = .finished(status: status)
        }
        return Result(verdict: verdict, stderrTail: tail, seconds: seconds,
                      output: keepsOutput ? Self.tail(of: outputFile, bytes: 4000) : "")
    }

    /// Sends SIGINT and waits up to the grace time for the process to end or to print a new KeyboardInterrupt.
    private func interruptAnswered(_ process: Process, ended: DispatchSemaphore, errors: URL) -> Bool {
        let before = Self.count(of: "KeyboardInterrupt", in: errors)
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(Self.interruptGrace)
        while Date() < deadline {
            if ended.wait(timeout: .now() + 0.05) == .success {
                ended.signal()
                return true
            }
            if maxInterrupts > 1 && Self.count(of: "KeyboardInterrupt", in: errors) > before { return true }
        }
        return false
    }

    /// How many times `word` occurs in a file.
    private static func count(of word: String, in file: URL) -> Int {
        guard let data = FileManager.default.contents(atPath: file.path) else { return 0 }
        return String(decoding: data, as: UTF8.self).components(separatedBy: word).count - 1
    }

    /// The last `bytes` bytes of a file, as text.
    private static func tail(of file: URL, bytes: UInt64) -> String {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return "" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > bytes ? size - bytes : 0)
        return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    }
}
