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
        let clock = ContinuousClock()
        let start = clock.now
        let pid = try spawn { actions in
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            Self.write(&actions, descriptor: 1, to: standardOutput ?? "/dev/null")
            Self.write(&actions, descriptor: 2, to: standardError ?? "/dev/null")
        }
        let ending = try wait(for: pid)
        return Ending(status: ending.status, milliseconds: BenchAttend.milliseconds(clock.now - start),
                      peakKilobytes: ending.peakKilobytes)
    }

    /// Starts the program with its standard streams as `streams` sets them up and gives its process id, without
    /// waiting. Throws `BenchError.cannotStart` when it cannot be started.
    func spawn(_ streams: (inout posix_spawn_file_actions_t) -> Void) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        streams(&actions)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw BenchError.cannotStart(program: executable, reason: String(cString: strerror(spawned)))
        }
        return pid
    }

    /// Waits for the child `pid` (started by `spawn`) to end: its status as a shell reports it and its peak
    /// memory; the wall time is left at 0 for the caller, who knows when it started.
    func wait(for pid: pid_t) throws -> Ending {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else {
                throw BenchError.cannotStart(program: executable, reason: String(cString: strerror(errno)))
            }
        }
        let signal = status & 0x7f
        return Ending(status: signal == 0 ? (status >> 8) & 0xff : 128 &+ signal, milliseconds: 0,
                      peakKilobytes: usage.ru_maxrss)
    }

    /// The last `lines` lines of a text file, for an error message (empty when unreadable).
    static func tail(of path: String, lines: Int = 12) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines)
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Sends the child's `descriptor` to the file at `path`, created or emptied.
    static func write(_ actions: inout posix_spawn_file_actions_t, descriptor: Int32, to path: String) {
        posix_spawn_file_actions_addopen(&actions, descriptor, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }
}
