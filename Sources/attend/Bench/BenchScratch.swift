import Foundation

/// The temporary folder holding the workload scripts as files, for the processes `attend bench` starts (Attend's own
/// start-up and memory figures, and everything on the Python side). Removed when the bench ends.
struct BenchScratch {
    /// The folder.
    let directory: URL

    /// The start-up script's file name.
    static let startUpFile = "start-up.py"
    /// The Python driver's file name.
    static let driverFile = "driver.py"

    /// A new folder holding every script `plan` needs and the driver.
    init(plan: BenchPlan) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("attend-bench-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try write(BenchScript.startUpSource, to: Self.startUpFile)
            for tokens in [plan.memoryBaselineTokens] + plan.memoryTokens {
                try write(BenchScript.attentionOnce(tokens: tokens), to: Self.memoryFile(tokens: tokens))
            }
            for script in plan.scripts {
                try write(script.source, to: script.fileName)
            }
            try write(BenchDriver.source, to: Self.driverFile)
        } catch let error as BenchError {
            throw error
        } catch {
            throw BenchError.scratch(reason: error.localizedDescription)
        }
    }

    /// The file running one attention forward over `tokens` tokens.
    static func memoryFile(tokens: Int) -> String { "attention-once-\(tokens).py" }

    /// The full path of a file in the folder.
    func path(_ file: String) -> String { directory.appendingPathComponent(file).path }

    /// Deletes the folder (a failure leaves it behind in the temporary directory; nothing else depends on it).
    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ text: String, to file: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(file))
    }
}
