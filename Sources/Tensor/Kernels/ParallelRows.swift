import Foundation

/// Rows of a kernel shared among the cores (`CoreWorkers`): the rows are cut into several chunks per core, and the
/// calling thread takes chunks too, so on a busy machine a worker that is not scheduled delays nothing (its chunks go
/// to whoever is free), unlike a fixed split that waits for every thread.
enum ParallelRows {
    /// The cores the process may run on.
    static let cores = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Below this many elements of work a single thread finishes sooner than waking others (tens of microseconds).
    static let minimumWork = 1 << 16

    /// Calls `body` with consecutive row ranges covering `0..<rows`, concurrently when `rows * work` elements are
    /// worth it, in `chunksPerCore` ranges per core (fewer when each chunk repeats set-up work, as a matrix product
    /// packing its right operand does). `body` must only write what its own rows own.
    static func forEach(rows: Int, elementsPerRow work: Int, chunksPerCore: Int = 4, _ body: (Range<Int>) -> Void) {
        guard rows > 0 else { return }
        let total = rows.multipliedReportingOverflow(by: Swift.max(work, 1))
        guard cores > 1, rows > 1, total.overflow || total.partialValue >= minimumWork else {
            body(0..<rows)
            return
        }
        let chunks = Swift.min(rows, Swift.max(1, chunksPerCore) * cores)
        let size = (rows + chunks - 1) / chunks
        CoreWorkers.shared.run(chunks: (rows + size - 1) / size) { chunk in
            if Interruption.isRequested { return }
            let start = chunk * size
            body(start..<Swift.min(rows, start + size))
        }
    }
}
