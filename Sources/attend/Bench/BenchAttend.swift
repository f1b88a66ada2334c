import Foundation
import Script

/// Attend's side of a script workload: the script runs in a fresh interpreter with torch installed (as `attend run`
/// makes one), then `work()` is called from Swift, one timed turn at a time.
final class BenchAttend {
    /// The workload.
    let script: BenchScript
    private let interpreter: Interpreter
    private let work: Value
    /// Whether `work()` has been called yet.
    private var called = false

    /// Runs the script in a fresh interpreter, then calls `work()` once untimed when the script asks for a warm-up.
    init(_ script: BenchScript) throws {
        self.script = script
        interpreter = Interpreter { _ in }
        do {
            try TorchBinding.install(in: interpreter)
        } catch {
            throw BenchError.scriptFailed(workload: script.name, traceback: "cannot install torch: \(error)")
        }
        try Self.check(interpreter.run(source: script.source, fileName: script.fileName), workload: script.name)
        guard let work = interpreter.global("work") else {
            throw BenchError.scriptFailed(workload: script.name, traceback: "the script defines no work()")
        }
        self.work = work
        if script.warmUp { _ = try timeTurn() }
    }

    /// The time of one turn: `script.callsPerTurn` calls of `work()` back to back, in milliseconds per call.
    func timeTurn() throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        var calls = script.callsPerTurn
        if !called {
            // The first call goes through the interpreter's own entry point, so a failure comes with its traceback.
            called = true
            try Self.check(interpreter.run(source: "work()\n", fileName: "<bench>"), workload: script.name)
            calls -= 1
        }
        for _ in 0..<max(calls, 0) {
            do {
                _ = try interpreter.call(work, Arguments())
            } catch let error as PythonError {
                let message = (try? interpreter.str(.instance(error.exception))) ?? ""
                throw BenchError.scriptFailed(workload: script.name, traceback: "\(error.typeName): \(message)")
            }
        }
        return Self.milliseconds(clock.now - start) / Double(script.callsPerTurn)
    }

    /// A duration in milliseconds.
    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    private static func check(_ outcome: Interpreter.Outcome, workload: String) throws {
        switch outcome {
        case .success:
            return
        case .syntaxError(let error):
            throw BenchError.scriptFailed(workload: workload, traceback: error.formatted)
        case .exception(_, let traceback):
            throw BenchError.scriptFailed(workload: workload, traceback: traceback)
        }
    }
}
