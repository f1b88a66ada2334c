import Foundation
import Notebook
import Render
import Script

/// The workloads only Attend has (no PyTorch counterpart): drawing a heatmap and running the lessons.
enum BenchNative {
    /// The median time of `runs` calls of `work`, in milliseconds, after one untimed call when `warmUp`.
    static func medianMilliseconds(runs: Int, warmUp: Bool, _ work: () throws -> Void) rethrows -> Double {
        if warmUp { try work() }
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<max(runs, 1) {
            let start = clock.now
            try work()
            times.append(BenchAttend.milliseconds(clock.now - start))
        }
        return BenchScript.median(times)
    }

    /// The name of the heatmap figure.
    static let heatmapName = "render heatmap 512x512 in 120 columns"

    /// A causal attention map of 512 tokens (upper triangle -inf) drawn with its colorbar in a 120x40 terminal:
    /// averaging, masking and half blocks all on the path. Milliseconds per drawing.
    static func heatmap(runs: Int, warmUp: Bool) -> BenchFigure {
        let size = 512
        var values = [Double](repeating: -.infinity, count: size * size)
        for row in 0..<size {
            for column in 0...row {
                values[row * size + column] = sin(Double(row) / 40) * cos(Double(column) / 30)
            }
        }
        let image = Image(values: values, rows: size, columns: size)
        var axes = Axes()
        axes.title = "attention"
        axes.colorbar = true
        let median = medianMilliseconds(runs: runs, warmUp: warmUp) {
            let lines = HeatmapRenderer.render(image, in: axes, width: 120, height: 40, options: .full)
            precondition(!lines.isEmpty, "the heatmap workload drew nothing")
        }
        return BenchFigure(name: heatmapName, unit: .milliseconds, attend: median)
    }

    /// The name of the lessons figure: all of them, or only the first.
    static func lessonsName(all: Bool) -> String { all ? "all lessons headless" : "first lesson headless" }

    /// Every lesson (or only the first) in the Lessons folder `attend lessons` reads, each run to the end in a fresh
    /// interpreter with its output rendered and discarded; seconds for them all. Nil (with a note on standard error)
    /// when there is no Lessons folder.
    static func lessons(runs: Int, all: Bool) throws -> BenchFigure? {
        let name = lessonsName(all: all)
        guard let directory = LessonCatalog.locate(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            executable: Bundle.main.executablePath ?? CommandLine.arguments.first)
        else {
            Console.error("attend: no Lessons folder found, so no '\(name)' figure "
                + "(set ATTEND_LESSONS to the folder holding the lessons)")
            return nil
        }
        let catalog: LessonCatalog
        do {
            catalog = try LessonCatalog(directory: directory)
        } catch {
            throw BenchError.scriptFailed(workload: name,
                                          traceback: "cannot read '\(directory.path)': \(error.localizedDescription)")
        }
        let median = try medianMilliseconds(runs: runs, warmUp: false) {
            for entry in all ? catalog.entries[...] : catalog.entries.prefix(1) {
                var messages = ""
                let status = LessonCommand.run(path: entry.path, check: false, options: .full, width: 100,
                                               output: { _ in }, errors: { messages += $0 })
                guard status == 0 else {
                    throw BenchError.scriptFailed(workload: name, traceback: "\(entry.path): \(messages)")
                }
            }
        }
        return BenchFigure(name: name, unit: .seconds, attend: median / 1000)
    }
}
