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
    /// in megabytes), by name.
    func processFigures(_ plan: BenchPlan, in scratch: BenchScratch) throws -> [String: Double] {
        var figures: [String: Double] = [:]
        var times: [Double] = []
        for _ in 0..<max(plan.startUpRuns, 1) {
            times.append(try run(BenchScratch.startUpFile, in: scratch).milliseconds)
        }
        figures[BenchPlan.startUpName] = BenchScript.median(times)
        let baseline = try run(BenchScratch.memoryFile(tokens: plan.memoryBaselineTokens), in: scratch).peakKilobytes
        for tokens in plan.memoryTokens {
            let peak = try run(BenchScratch.memoryFile(tokens: tokens), in: scratch).peakKilobytes
            figures[BenchPlan.memoryName(tokens: tokens)] = Double(max(peak - baseline, 0)) / 1024
        }
        return figures
    }

    /// The Python side's script workloads: runs the driver on the spec and gives its median milliseconds by name.
    func driverMedians(in scratch: BenchScratch) throws -> [String: Double] {
        let output = scratch.path("driver-output.json")
        let errors = scratch.path("stderr.txt")
        let process = BenchProcess(executable: program, arguments: leadingArguments
                                   + [scratch.path(BenchScratch.driverFile), scratch.path(BenchScratch.specFile)])
        let ending = try process.run(standardOutput: output, standardError: errors)
        guard ending.status == 0 else {
            throw BenchError.programFailed(program: program, task: "timing the workloads", status: ending.status,
                                           output: BenchProcess.tail(of: errors))
        }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").last.map(String.init) ?? ""
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let medians = object["medians"] as? [String: Any]
        else {
            throw BenchError.badDriverOutput(program: program, detail: "expected a JSON object with \"medians\", got "
                                             + (line.isEmpty ? "nothing" : "'\(line.prefix(200))'"))
        }
        var result: [String: Double] = [:]
        for (name, value) in medians {
            guard let number = value as? Double, number.isFinite, number >= 0 else {
                throw BenchError.badDriverOutput(program: program, detail: "'\(name)' is not a time in milliseconds")
            }
            result[name] = number
        }
        return result
    }
}
