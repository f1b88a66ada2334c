import Foundation
import Script

/// Attend's side of a script workload: the script runs in a fresh interpreter with torch installed (as `attend run`
/// makes one), then `work()` is called from Swift and each call timed.
enum BenchAttend {
    /// The median time of a call of the script's `work()`, in milliseconds, after one untimed call when the script
    /// asks for a warm-up.
    static func medianMilliseconds(_ script: BenchScript) throws -> Double {
        let interpreter = Interpreter { _ in }
        do {
            try TorchBinding.install(in: interpreter)
        } catch {
            throw BenchError.scriptFailed(workload: script.name, traceback: "cannot install torch: \(error)")
        }
        try check(interpreter.run(source: script.source, fileName: script.fileName), workload: script.name)
        guard let work = interpreter.global("work") else {
            throw BenchError.scriptFailed(workload: script.name, traceback: "the script defines no work()")
        }
        // The first call goes through the interpreter's own entry point, so a failure comes with its traceback.
        var times: [Double] = []
        let clock = ContinuousClock()
        let first = clock.now
        try check(interpreter.run(source: "work()\n", fileName: "<bench>"), workload: script.name)
        if !script.warmUp { times.append(milliseconds(clock.now - first)) }
        while times.count < max(script.runs, 1) {
            let start = clock.now
            do {
                _ = try interpreter.call(work, Arguments())
            } catch let error as PythonError {
                let message = (try? interpreter.str(.instance(error.exception))) ?? ""
                throw BenchError.scriptFailed(workload: script.name, traceback: "\(error.typeName): \(message)")
            }
            times.append(milliseconds(clock.now - start))
        }
        return BenchScript.median(times)
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
