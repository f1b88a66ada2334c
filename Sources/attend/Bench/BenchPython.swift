import Foundation

/// The Python side of the script workloads under `--compare`: one Python process running `BenchDriver`, kept for the
/// whole bench and spoken to over pipes, one JSON line per request and per reply, so that each of its timed calls
/// can come right after one of Attend's. Its standard error goes to a file of the scratch folder (nobody reads a
/// pipe while it runs), whose end is shown when it dies.
final class BenchPython {
    /// The Python program.
    let program: String
    /// The version of torch it imported.
    private(set) var torchVersion = ""
    private let pid: pid_t
    /// The write end of the driver's standard input.
    private let requests: Int32
    /// The read end of the driver's standard output.
    private let replies: Int32
    /// Read from `replies` but not yet split into lines.
    private var pending: [UInt8] = []
    /// The file holding the driver's standard error.
    private let errors: String
    private var ended = false
    /// The driver's exit status once it has been waited for.
    private var exitStatus: Int32?

    /// The longest reply line read; a traceback fits many times over, while endless output without a newline
    /// cannot fill memory.
    private static let longestLine = 1 << 20

    /// Starts the driver in `program` and waits for its ready line (it imports torch first). Throws
    /// `cannotStart` when the program cannot be run, `programFailed` with its standard error when it dies, and
    /// `badDriverOutput` when what it prints is not the ready line.
    init(program: String, in scratch: BenchScratch) throws {
        self.program = program
        errors = scratch.path("driver-stderr.txt")
        // A driver that dies must not take this process with it when a request is written to its closed pipe.
        signal(SIGPIPE, SIG_IGN)
        let input = try Self.makePipe(program: program)
        let output: (read: Int32, write: Int32)
        do {
            output = try Self.makePipe(program: program)
        } catch {
            Self.closeBoth(input)
            throw error
        }
        let errors = self.errors
        do {
            let driver = BenchProcess(executable: program, arguments: [scratch.path(BenchScratch.driverFile)])
            pid = try driver.spawn { actions in
                posix_spawn_file_actions_adddup2(&actions, input.read, 0)
                posix_spawn_file_actions_adddup2(&actions, output.write, 1)
                BenchProcess.write(&actions, descriptor: 2, to: errors)
            }
        } catch {
            Self.closeBoth(input)
            Self.closeBoth(output)
            throw error
        }
        close(input.read)
        close(output.write)
        requests = input.write
        replies = output.read
        let ready = try reply(to: nil, task: "starting the benchmark driver")
        guard ready["ready"] as? Bool == true, let version = ready["torch"] as? String else {
            throw fail(.badDriverOutput(program: program, detail: "expected its ready line with torch's version, got "
                                        + Self.quoted(ready)))
        }
        torchVersion = version
    }

    deinit { end() }

    /// Runs `script`'s file in a fresh namespace of the driver, with one untimed call of `work()` when the script
    /// asks for a warm-up.
    func setUp(_ script: BenchScript, in scratch: BenchScratch) throws {
        let request: [String: Any] = ["op": "setup", "name": script.name, "file": scratch.path(script.fileName),
                                      "warm_up": script.warmUp]
        let answer = try reply(to: request, task: "setting up '\(script.name)'")
        guard answer["ok"] as? Bool == true else {
            throw fail(.badDriverOutput(program: program, detail: "expected {\"ok\": true} after setting up '"
                                        + "\(script.name)', got \(Self.quoted(answer))"))
        }
    }

    /// The time of one turn of the set-up script in PyTorch: `script.callsPerTurn` calls of `work()` back to back,
    /// in milliseconds per call.
    func time(_ script: BenchScript) throws -> Double {
        let answer = try reply(to: ["op": "time", "name": script.name, "calls": script.callsPerTurn],
                               task: "timing '\(script.name)'")
        guard let milliseconds = answer["milliseconds"] as? Double, milliseconds.isFinite, milliseconds >= 0 else {
            throw fail(.badDriverOutput(program: program, detail: "expected a time in milliseconds for '"
                                        + "\(script.name)', got \(Self.quoted(answer))"))
        }
        return milliseconds
    }

    /// Ends the driver: closes its standard input (it returns at end of input) and waits for it.
    func end() {
        guard !ended else { return }
        ended = true
        close(requests)
        close(replies)
        exitStatus = try? BenchProcess(executable: program, arguments: []).wait(for: pid).status
    }

    /// Sends `request` (nothing when nil) and reads one reply: a JSON object that is not an error. Throws
    /// `pythonScriptFailed` for an error reply to a request, `programFailed` or `badDriverOutput` when the driver ends without
    /// replying, and `badDriverOutput` when the line is not a JSON object.
    private func reply(to request: [String: Any]?, task: String) throws -> [String: Any] {
        if let request {
            let data = try JSONSerialization.data(withJSONObject: request,
                                                  options: [.sortedKeys, .withoutEscapingSlashes])
            guard send(data + Data("\n".utf8)) else { throw died(task: task) }
        }
        guard let line = try readLine() else { throw died(task: task) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw fail(.badDriverOutput(program: program, detail: "expected a JSON object \(task), got "
                                        + (line.isEmpty ? "an empty line" : "'\(line.prefix(200))'")))
        }
        if let workload = request?["name"] as? String, let traceback = object["error"] as? String {
            throw BenchError.pythonScriptFailed(program: program, torch: torchVersion, workload: workload,
                                                traceback: traceback.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return object
    }

    /// Writes all of `data` to the driver's standard input; false when the driver no longer reads it.
    private func send(_ data: Data) -> Bool {
        var offset = 0
        while offset < data.count {
            let written = data[(data.startIndex + offset)...].withUnsafeBytes { bytes in
                write(requests, bytes.baseAddress, bytes.count)
            }
            if written < 0 {
                guard errno == EINTR else { return false }
                continue
            }
            offset += written
        }
        return true
    }

    /// The next line the driver prints, without its newline; nil at end of output.
    private func readLine() throws -> String? {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            guard pending.count < Self.longestLine else {
                throw fail(.badDriverOutput(program: program,
                                            detail: "a line of more than \(Self.longestLine) bytes"))
            }
            let count = chunk.withUnsafeMutableBytes { bytes in
                read(replies, bytes.baseAddress, bytes.count)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            pending += chunk.prefix(count)
        }
    }

    /// The error for a driver that stopped replying: it is reaped, and its exit status and the end of its standard
    /// error tell why; a driver that exited cleanly simply did not speak the protocol.
    private func died(task: String) -> BenchError {
        end()
        guard let exitStatus, exitStatus != 0 else {
            return .badDriverOutput(program: program, detail: "it ended without a reply \(task)")
        }
        return .programFailed(program: program, task: task, status: exitStatus,
                              output: BenchProcess.tail(of: errors))
    }

    /// `error`, after killing and reaping the driver, which broke the protocol and may not be reading any more.
    private func fail(_ error: BenchError) -> BenchError {
        if !ended { kill(pid, SIGKILL) }
        end()
        return error
    }

    /// A reply as quoted in an error message.
    private static func quoted(_ object: [String: Any]) -> String {
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return "'" + String(decoding: data ?? Data(), as: UTF8.self).prefix(200) + "'"
    }

    /// A new pipe whose ends are closed in child processes unless given to them explicitly.
    private static func makePipe(program: String) throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0, ends.count == 2 else {
            throw BenchError.cannotStart(program: program, reason: String(cString: strerror(errno)))
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// Closes both ends of a pipe.
    private static func closeBoth(_ ends: (read: Int32, write: Int32)) {
        close(ends.read)
        close(ends.write)
    }
}
