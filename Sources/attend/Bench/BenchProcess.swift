import Foundation

/// A child process `attend bench` starts and waits for, with its wall time and peak memory from `wait4`, so start-up
/// and peak memory are measured the same way for Attend and for Python.
struct BenchProcess {
    /// How a finished child ended.
    struct Ending {
        /// The exit status, or 128 + the signal number when a signal ended it (as a shell reports it).
        let status: Int32
        /// Wall time from spawn to reaped, in milliseconds.
        let milliseconds: Double
        /// The child's peak resident set size, in kilobytes (`ru_maxrss`).
        let peakKilobytes: Int
    }

    /// The program, a path or a name looked up in PATH.
    let executable: String
    /// The arguments after the program name.
    let arguments: [String]

    /// Runs the program with standard input closed to it and standard output and error written to the given files
    /// (discarded when nil) and waits for it. Throws `BenchError.cannotStart` when it cannot be started.
    func run(standardOutput: String? = nil, standardError: String? = nil) throws -> Ending {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC,
                                         0o644)
        posix_spawn_file_actions_addopen(&actions, 2, standardError ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC,
                                         0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let clock = ContinuousClock()
        let start = clock.now
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw BenchError.cannotStart(program: executable, reason: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else {
                throw BenchError.cannotStart(program: executable, reason: String(cString: strerror(errno)))
            }
        }
        let elapsed = (clock.now - start).components
        let signal = status & 0x7f
        return Ending(status: signal == 0 ? (status >> 8) & 0xff : 128 &+ signal,
                      milliseconds: Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15,
                      peakKilobytes: usage.ru_maxrss)
    }

    /// The last `lines` lines of a text file, for an error message (empty when unreadable).
    static func tail(of path: String, lines: Int = 12) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines)
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// What stops `attend bench`, each with the text a user reads.
enum BenchError: Error, CustomStringConvertible {
    /// A program could not be started (not found, not executable).
    case cannotStart(program: String, reason: String)
    /// A program ran and failed; `output` is the end of what it wrote to standard error.
    case programFailed(program: String, task: String, status: Int32, output: String)
    /// The Python driver's output is not the JSON it should print.
    case badDriverOutput(program: String, detail: String)
    /// A workload script raised an exception in Attend's interpreter.
    case scriptFailed(workload: String, traceback: String)
    /// The scratch folder for scripts could not be written.
    case scratch(reason: String)

    var description: String {
        switch self {
        case .cannotStart(let program, let reason):
            return "attend: cannot run '\(program)': \(reason)"
        case .programFailed(let program, let task, let status, let output):
            let detail = output.isEmpty ? "" : ":\n\(output)"
            return "attend: '\(program)' failed \(task) (exit status \(status))\(detail)"
        case .badDriverOutput(let program, let detail):
            return "attend: '\(program)' did not print the benchmark driver's figures: \(detail)"
        case .scriptFailed(let workload, let traceback):
            return "attend: the '\(workload)' workload failed:\n\(traceback)"
        case .scratch(let reason):
            return "attend: cannot write the benchmark scripts: \(reason)"
        }
    }
}
