/// A workload written as a Python script both Attend and CPython with PyTorch run: the script sets up (untimed) and
/// defines `work()`, the call that is timed.
struct BenchScript: Sendable {
    /// The figure's name.
    let name: String
    /// The figure's unit.
    let unit: BenchUnit
    /// The script's text.
    let source: String
    /// Timed turns: each times `callsPerTurn` calls of `work()` back to back.
    let runs: Int
    /// Whether one untimed call comes first.
    let warmUp: Bool
    /// Floating-point operations one call does, when the figure is a rate (GFLOP/s) rather than a time.
    var flops: Double? = nil
    /// Calls of `work()` timed together in one turn, their mean taken as the turn's time. A call of a millisecond
    /// or less, timed alone after the other side's turn, mostly measures waking the cores (threads asleep, clocks
    /// down); a learner's loop calls it back to back, so short workloads are timed that way.
    var callsPerTurn = 1

    /// The figure's value from the median time of a call, in milliseconds.
    func value(medianMilliseconds: Double) -> Double {
        switch unit {
        case .milliseconds: return medianMilliseconds
        case .seconds: return medianMilliseconds / 1000
        case .gigaflops:
            guard let flops, medianMilliseconds > 0 else { return 0 }
            return flops / (medianMilliseconds * 1e6)
        case .megabytes: return 0
        }
    }

    /// The same workload with `calls` calls of `work()` timed together per turn.
    func timed(callsPerTurn calls: Int) -> BenchScript {
        var script = self
        script.callsPerTurn = max(calls, 1)
        return script
    }

    /// The file name the script is written under for a Python process (`gemm-256.py`).
    var fileName: String {
        String(name.map { $0.isLetter || $0.isNumber ? $0 : "-" }) + ".py"
    }

    /// The median of `times`, 0 when there are none.
    static func median(_ times: [Double]) -> Double {
        let sorted = times.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
