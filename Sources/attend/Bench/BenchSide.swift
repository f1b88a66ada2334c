import Foundation

/// A program that runs a script file as its whole process, `attend run FILE` or `PYTHON FILE`: one side of the
/// comparison, whose start-up and peak memory are measured from outside in the same way for both.
struct BenchSide {
    /// The program: this attend executable, or the Python given to `--compare`.
    let program: String
    /// Arguments before the script's path (`run` for attend).
    let leadingArguments: [String]

    /// Attend's side: this very executable.
    static var attend: BenchSide {
        BenchSide(program: Bundle.main.executablePath ?? "/proc/self/exe", leadingArguments: ["run"])
    }

    /// Runs one script file of `scratch` as a whole process, failing with the end of its standard error when it
    /// exits with a non-zero status.
    func run(_ file: String, in scratch: BenchScratch) throws -> BenchProcess.Ending {
        let errors = scratch.path("stderr.txt")
        let process = BenchProcess(executable: program, arguments: leadingArguments + [scratch.path(file)])
        let ending = try process.run(standardError: errors)
        guard ending.status == 0 else {
            throw BenchError.programFailed(program: program, task: "running \(file)", status: ending.status,
                                           output: BenchProcess.tail(of: errors))
        }
        return ending
    }

    /// The start-up figure (median milliseconds of whole runs of the two-line script) and the peak-memory figures
    /// (peak resident memory of a process doing one attention forward, less that of one doing it on a few tokens,
    /// in megabytes) of each of `sides`, by name, in the order of `sides`. The sides take turns, one process each,
    /// so a moment when the machine runs slow falls on both alike.
    static func processFigures(_ plan: BenchPlan, sides: [BenchSide],
                               in scratch: BenchScratch) throws -> [[String: Double]] {
        var times = [[Double]](repeating: [], count: sides.count)
        for _ in 0..<max(plan.startUpRuns, 1) {
            for (index, side) in sides.enumerated() {
                times[index].append(try side.run(BenchScratch.startUpFile, in: scratch).milliseconds)
            }
        }
        var figures = times.map { [BenchPlan.startUpName: BenchScript.median($0)] }
        let baselineFile = BenchScratch.memoryFile(tokens: plan.memoryBaselineTokens)
        let baselines = try sides.map { try $0.run(baselineFile, in: scratch).peakKilobytes }
        for tokens in plan.memoryTokens {
            for (index, side) in sides.enumerated() {
                let peak = try side.run(BenchScratch.memoryFile(tokens: tokens), in: scratch).peakKilobytes
                figures[index][BenchPlan.memoryName(tokens: tokens)] = Double(max(peak - baselines[index], 0)) / 1024
            }
        }
        return figures
    }
}
