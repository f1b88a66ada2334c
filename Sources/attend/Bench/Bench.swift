import ArgumentParser
import Foundation

/// `attend bench`: times fixed workloads and prints one figure per workload (`name: value unit`), or a JSON object;
/// with `--compare PYTHON` the same workloads are also timed in that Python's PyTorch and each figure gets a ratio.
///
/// Numbers mean something only from a release build (`swift build -c release`). The workloads written in Python are
/// set up once, run once to warm up, then timed over several runs, and the median is reported.
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

            With --compare PYTHON, the workloads written in Python run in that Python with PyTorch too (a driver \
            and the scripts are written to a temporary folder) and each line reads \
            `name: attend unit (pytorch value unit, ratio Nx)`. The ratio is oriented so that above 1 means \
            Attend is better: PyTorch's time (or memory) over Attend's, or Attend's GFLOP/s over PyTorch's.
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

    /// Every figure of `plan`, in report order, with PyTorch's values when `compare` names a Python. The Python side
    /// runs first, so a missing or broken Python is reported before the long Attend runs.
    static func measure(_ plan: BenchPlan, compare: String?, in scratch: BenchScratch) throws -> [BenchFigure] {
        var pytorch: [String: Double] = [:]
        if let compare {
            let python = BenchSide(program: compare, leadingArguments: [])
            pytorch = try python.processFigures(plan, in: scratch)
            let medians = try python.driverMedians(in: scratch)
            for script in plan.scripts {
                guard let median = medians[script.name] else {
                    throw BenchError.badDriverOutput(program: compare, detail: "no time for '\(script.name)'")
                }
                pytorch[script.name] = script.value(medianMilliseconds: median)
            }
        }
        let processes = try BenchSide.attend.processFigures(plan, in: scratch)
        var figures = [BenchFigure(name: BenchPlan.startUpName, unit: .milliseconds,
                                   attend: processes[BenchPlan.startUpName] ?? 0)]
        for script in plan.scripts {
            let median = try BenchAttend.medianMilliseconds(script)
            figures.append(BenchFigure(name: script.name, unit: script.unit,
                                       attend: script.value(medianMilliseconds: median)))
        }
        let memory = plan.memoryTokens.map { tokens in
            let name = BenchPlan.memoryName(tokens: tokens)
            return BenchFigure(name: name, unit: .megabytes, attend: processes[name] ?? 0)
        }
        let afterAttention = (figures.lastIndex { $0.name.hasPrefix("attention ") } ?? figures.count - 1) + 1
        figures.insert(contentsOf: memory, at: afterAttention)
        figures.append(BenchNative.heatmap(runs: plan.heatmapRuns, warmUp: plan.warmUp))
        if let lessons = try BenchNative.lessons(runs: plan.lessonsRuns, all: plan.allLessons) {
            figures.append(lessons)
        }
        if compare != nil {
            for index in figures.indices { figures[index].pytorch = pytorch[figures[index].name] }
        }
        return figures
    }
}
