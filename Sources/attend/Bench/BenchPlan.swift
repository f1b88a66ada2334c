/// What one `attend bench` run measures, and how often: the full set, or with `--quick` the same workloads smaller
/// and run once, so a debug build gets through them in seconds.
struct BenchPlan {
    /// The workloads written as Python scripts, timed in-process in Attend and by the driver in Python.
    var scripts: [BenchScript]
    /// Processes started per side for the start-up figure.
    var startUpRuns: Int
    /// Token counts whose attention forward's peak memory is measured.
    var memoryTokens: [Int]
    /// The token count whose process's peak memory is subtracted (the interpreter, torch and the module).
    var memoryBaselineTokens = 16
    /// Timed drawings of the heatmap.
    var heatmapRuns: Int
    /// Timed runs through the lessons.
    var lessonsRuns: Int
    /// Whether every lesson runs, or only the first (a debug build takes a minute for them all).
    var allLessons: Bool
    /// Whether in-process workloads get an untimed first run.
    var warmUp: Bool

    /// The plan for `--quick` or not, with every run count replaced by `runs` when given.
    static func make(quick: Bool, runs: Int?) -> BenchPlan {
        let warmUp = !quick
        func count(_ full: Int) -> Int { runs ?? (quick ? 1 : full) }
        // Each turn lasts about 10 ms or more in a release build (see `BenchScript.callsPerTurn`).
        func calls(_ full: Int) -> Int { quick ? min(full, 2) : full }
        let attentionRuns = [256: 20, 1024: 10, 2048: 5, 4096: 3]
        let attentionCalls = [256: 10, 1024: 2]
        let lengths = quick ? [256] : [256, 1024, 2048, 4096]
        var scripts = [
            BenchScript.smallOps(iterations: quick ? 200 : 1000, runs: count(20), warmUp: warmUp)
                .timed(callsPerTurn: calls(3)),
            BenchScript.kvCache(steps: quick ? 50 : 400, runs: count(5), warmUp: warmUp),
            BenchScript.gruTraining(runs: count(20), warmUp: warmUp).timed(callsPerTurn: calls(3)),
        ]
        scripts += lengths.map {
            BenchScript.attention(tokens: $0, runs: count(attentionRuns[$0] ?? 3), warmUp: warmUp)
                .timed(callsPerTurn: calls(attentionCalls[$0] ?? 1))
        }
        scripts += [BenchScript.gemm(size: 256, runs: count(20), warmUp: warmUp).timed(callsPerTurn: calls(50)),
                    BenchScript.gemm(size: 1024, runs: count(10), warmUp: warmUp).timed(callsPerTurn: calls(2))]
        return BenchPlan(scripts: scripts, startUpRuns: count(5), memoryTokens: quick ? [256] : [2048, 4096],
                         heatmapRuns: count(50), lessonsRuns: count(3), allLessons: !quick,
                         warmUp: warmUp)
    }

    /// The name of the start-up figure.
    static let startUpName = "start-up"

    /// The name of the peak-memory figure at `tokens` tokens.
    static func memoryName(tokens: Int) -> String { "attention \(tokens) tokens peak memory" }
}
