import Foundation

/// The `time` module: wall, monotonic, performance and process clocks, and a `sleep` that Ctrl-C interrupts.
enum TimeModule {
    /// The longest stretch `sleep` waits before looking at the interrupt flag again.
    private static let slice = 0.05

    /// A fresh `time` module; `sleep` polls `interpreter`'s interrupt flag.
    static func make(_ interpreter: Interpreter) -> ModuleObject {
        var module = LibraryModule("time")
        let clocks: [(String, clockid_t)] = [
            ("time", CLOCK_REALTIME), ("perf_counter", CLOCK_MONOTONIC), ("monotonic", CLOCK_MONOTONIC),
            ("process_time", CLOCK_PROCESS_CPUTIME_ID),
        ]
        for (name, clock) in clocks {
            nullary(&module, name) { .float(seconds(clock)) }
            nullary(&module, name + "_ns") { .int(nanoseconds(clock)) }
        }
        module.unary("sleep") { value in
            let duration: Double
            switch value {
            case .float(let x): duration = x
            case .tensor: duration = try LibraryModule.real(value)
            default: duration = Double(try LibraryModule.integer(value, interpreter))
            }
            if duration.isNaN { throw PythonError.valueError("Invalid value NaN (not a number)") }
            guard duration >= 0 else { throw PythonError.valueError("sleep length must be non-negative") }
            guard duration < Double(Int64.max) / 1e9 else {
                throw PythonError.overflowError("timestamp out of range for platform time_t")
            }
            try sleep(duration, interpreter)
            return .none
        }
        return module.make()
    }

    /// Sleeps in short slices so that `interpreter.interrupt()` stops it within one slice.
    private static func sleep(_ duration: Double, _ interpreter: Interpreter) throws {
        let deadline = seconds(CLOCK_MONOTONIC) + duration
        while true {
            try interpreter.checkInterrupt()
            let remaining = deadline - seconds(CLOCK_MONOTONIC)
            guard remaining > 0 else { return }
            Thread.sleep(forTimeInterval: min(remaining, slice))
        }
    }

    private static func nullary(_ module: inout LibraryModule, _ name: String, _ body: @escaping () -> Value) {
        module.define(name) { arguments in
            try LibraryModule.noKeywords(arguments, "time.\(name)()")
            guard arguments.positional.isEmpty else {
                throw PythonError.typeError("time.\(name)() takes no arguments (\(arguments.positional.count) given)")
            }
            return body()
        }
    }

    private static func timespec(_ clock: clockid_t) -> Foundation.timespec {
        var now = Foundation.timespec()
        // clock_gettime cannot fail for these clocks on Linux and macOS; a zero reading is the safe fallback.
        _ = clock_gettime(clock, &now)
        return now
    }

    private static func seconds(_ clock: clockid_t) -> Double {
        let now = timespec(clock)
        return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
    }

    private static func nanoseconds(_ clock: clockid_t) -> Int {
        let now = timespec(clock)
        return Int(now.tv_sec) &* 1_000_000_000 &+ Int(now.tv_nsec)
    }
}
