import ArgumentParser
import Foundation

/// `attend bench`: times fixed workloads and prints one figure per workload (`name: value unit`), or a JSON object;
/// with `--compare PYTHON` the same workloads are also timed in that Python's PyTorch and each figure gets a ratio.
///
/// Numbers mean something only from a release build (`swift build -c release`). The workloads written in Python are
/// set up once, run once to warm up, then timed over several runs, and the median is reported. Compared, Attend and
/// Python take turns run by run, so the machine's drifting speed falls on both alike.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time Attend's fixed workloads (build with -c release for meaningful numbers).",
        discussion: """
            Figures: start-up (a whole process running a two-line script), a loop of small tensor ops, \
            KV-cache decoding, a GRU training step with Adam, nn.MultiheadAttention forward at several lengths \
            and its peak memory, square float32 GEMM, drawing a heatmap, running every lesson. Each timed figure \
            is the median of several runs after one warm-up run. Start-up and peak memory are measured on whole \
            processes (`attend run FILE`, and with --compare `PYTHON FILE`): wall time, and the peak resident \
            memory (wait4) of a process doing one attention forward less that of one doing it on 16 tokens.

            With --compare PYTHON, the workloads written in Python run in that Python with PyTorch too: one \
            Python process (a driver written to a temporary folder) sets each workload up as Attend does, and \
            the two sides take turns, one timed turn in Attend then one in PyTorch, so a moment when the machine \
            runs slow falls on both; each side's median is reported. A turn is one call of the workload, or for \
            the short ones (a millisecond or less) several back to back, their mean taken, as a loop would call \
            them. Each turn starts 50 ms after the other \
            side's, once PyTorch's OpenMP threads have stopped spinning. The whole processes alternate likewise. \
            Each line reads `name: attend unit (pytorch value unit, ratio Nx)`. The ratio is oriented so that \
            above 1 means Attend is better: PyTorch's time (or memory) over Attend's, or Attend's GFLOP/s over \
            PyTorch's.
            """)

    @Flag(help: "Print the figures as one JSON object: each name holds value and unit (and pytorch and ratio).")
    var json = false

    @Flag(help: "Run each workload once, smaller where sensible, to check that the benchmarks run.")
    var quick = false

    @Option(help: "Timed runs per workload (default: a count chosen per workload, or 1 with --quick).")
    var runs: Int?

    @Option(help: ArgumentHelp("Also time the workloads in this Python, which must have PyTorch installed.",
                               valueName: "PYTHON"))
    var compare: String?

    func validate() throws {
        if let runs, runs < 1 { throw ValidationError("--runs must be at least 1.") }
        if let compare, compare.isEmpty { throw ValidationError("--compare needs the path of a Python.") }
    }

    func run() throws {
        let plan = BenchPlan.make(quick: quick, runs: runs)
        let figures: [BenchFigure]
        do {
            let scratch = try BenchScratch(plan: plan)
            defer { scratch.remove() }
            figures = try Self.measure(plan, compare: compare, in: scratch)
        } catch let error as BenchError {
            Console.error(error.description)
            if case .cannotStart = error { throw ExitCode(2) }
            throw ExitCode(1)
        }
        if json {
            print(try BenchFigure.json(figures))
        } else {
            for figure in figures { print(figure.line) }
        }
    }

    /// Every figure of `plan`, in report order, with PyTorch's values when `compare` names a Python. The machine's
    /// speed drifts within seconds, so the sides take turns: one Attend process then one Python process for
    /// start-up and peak memory, and for each script workload one timed turn in Attend then one in Python.
    static func measure(_ plan: BenchPlan, compare: String?, in scratch: BenchScratch) throws -> [BenchFigure] {
        let sides = [BenchSide.attend] + (compare.map { [BenchSide(program: $0, leadingArguments: [])] } ?? [])
        let processes = try BenchSide.processFigures(plan, sides: sides, in: scratch)
        let attendProcesses = processes.first ?? [:]
        let pythonProcesses = processes.dropFirst().first
        let python = try compare.map { try BenchPython(program: $0, in: scratch) }
        defer { python?.end() }
        var figures = [BenchFigure(name: BenchPlan.startUpName, unit: .milliseconds,
                                   attend: attendProcesses[BenchPlan.startUpName] ?? 0,
                                   pytorch: pythonProcesses?[BenchPlan.startUpName])]
        for script in plan.scripts {
            let medians = try timeInTurns(script, python: python, in: scratch)
            figures.append(BenchFigure(name: script.name, unit: script.unit,
                                       attend: script.value(medianMilliseconds: medians.attend),
                                       pytorch: medians.python.map { script.value(medianMilliseconds: $0) }))
        }
        let memory = plan.memoryTokens.map { tokens in
            let name = BenchPlan.memoryName(tokens: tokens)
            return BenchFigure(name: name, unit: .megabytes, attend: attendProcesses[name] ?? 0,
                               pytorch: pythonProcesses?[name])
        }
        let afterAttention = (figures.lastIndex { $0.name.hasPrefix("attention ") } ?? figures.count - 1) + 1
        figures.insert(contentsOf: memory, at: afterAttention)
        figures.append(BenchNative.heatmap(runs: plan.heatmapRuns, warmUp: plan.warmUp))
        if let lessons = try BenchNative.lessons(runs: plan.lessonsRuns, all: plan.allLessons) {
            figures.append(lessons)
        }
        return figures
    }

    /// The median milliseconds of a call of `script`'s `work()` in Attend and, when given, in `python`: both set
    /// the script up (and warm it up when it asks), then they take turns, one timed turn each, for its run count,
    /// each turn on cores the other side has left idle.
    static func timeInTurns(_ script: BenchScript, python: BenchPython?,
                            in scratch: BenchScratch) throws -> (attend: Double, python: Double?) {
        let attend = try BenchAttend(script)
        try python?.setUp(script, in: scratch)
        var attendTimes: [Double] = []
        var pythonTimes: [Double] = []
        for _ in 0..<max(script.runs, 1) {
            if python != nil { settle() }
            attendTimes.append(try attend.timeTurn())
            if let python {
                settle()
                pythonTimes.append(try python.time(script))
            }
        }
        return (BenchScript.median(attendTimes), python.map { _ in BenchScript.median(pythonTimes) })
    }

    /// Waits before a side's turn until the other side's threads are idle: PyTorch's OpenMP workers spin for a while
    /// after each parallel region (libgomp's default spin count, milliseconds), and a turn taken meanwhile would share
    /// its cores with them.
    static func settle() {
        Thread.sleep(forTimeInterval: 0.05)
    }
}
