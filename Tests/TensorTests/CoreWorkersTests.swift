import Foundation
import Synchronization
import XCTest
@testable import Tensor

/// The engine's parallel loops run every chunk exactly once, however loops follow, nest or overlap.
final class CoreWorkersTests: XCTestCase {
    /// Runs `chunks` chunks and returns how many times each ran.
    private static func counts(chunks: Int, nested: Bool = false) -> [Int] {
        let ran = Mutex(Array(repeating: 0, count: chunks))
        CoreWorkers.shared.run(chunks: chunks) { chunk in
            if nested {
                // A loop inside a loop runs on the thread that reached it.
                let inner = Atomic<Int>(0)
                CoreWorkers.shared.run(chunks: 3) { _ in inner.add(1, ordering: .relaxed) }
                XCTAssertEqual(inner.load(ordering: .relaxed), 3)
            }
            ran.withLock { $0[chunk] += 1 }
        }
        return ran.withLock { $0 }
    }

    /// Each worker keeps to a CPU of its own among those the process may use, leaving the first to the caller, so
    /// the scheduler cannot put a woken worker on the caller's core.
    func testEachWorkerKeepsToACoreOfItsOwn() {
        _ = Self.counts(chunks: 4)
        let allowed = CoreWorkers.allowedCPUs()
        XCTAssertFalse(allowed.isEmpty, "Linux always says which CPUs a process may use")
        let pinned = CoreWorkers.shared.workerCPUs
        XCTAssertEqual(pinned.count, ParallelRows.cores - 1)
        XCTAssertTrue(Set(pinned).isSubset(of: allowed), "\(pinned) not within \(allowed)")
        if pinned.count < allowed.count {
            XCTAssertEqual(Set(pinned).count, pinned.count, "two workers share a CPU: \(pinned)")
            XCTAssertFalse(pinned.contains(allowed[0]), "a worker took the caller's CPU: \(pinned)")
        }
    }

    func testEveryChunkRunsOnceInLoopsOfEverySize() {
        for chunks in [0, 1, 2, 3, 7, 64, 1_000] {
            XCTAssertEqual(Self.counts(chunks: chunks), Array(repeating: 1, count: chunks), "\(chunks) chunks")
        }
    }

    func testThousandsOfLoopsInARowLoseNoChunk() {
        for round in 0..<5_000 {
            let chunks = 2 + round % 9
            let result = Self.counts(chunks: chunks)
            if result != Array(repeating: 1, count: chunks) {
                XCTFail("round \(round): \(result)")
                return
            }
        }
    }

    func testLoopsStartedAfterTheWorkersSleepStillRun() {
        XCTAssertEqual(Self.counts(chunks: 4), [1, 1, 1, 1])
        usleep(20_000)  // past the workers' spinning: they are woken
        XCTAssertEqual(Self.counts(chunks: 4), [1, 1, 1, 1])
    }

    func testNestedLoopsRunSerially() {
        XCTAssertEqual(Self.counts(chunks: 8, nested: true), Array(repeating: 1, count: 8))
    }

    func testLoopsFromSeveralThreadsAtOnce() {
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for round in 0..<500 where Self.counts(chunks: 2 + round % 5) != Array(repeating: 1, count: 2 + round % 5) {
                failures.add(1, ordering: .relaxed)
            }
        }
        XCTAssertEqual(failures.load(ordering: .relaxed), 0)
    }

    func testParallelRowsCoverEveryRowOnce() {
        let rows = 10_007
        let seen = Mutex(Array(repeating: 0, count: rows))
        ParallelRows.forEach(rows: rows, elementsPerRow: 1_000) { range in
            seen.withLock { for row in range { $0[row] += 1 } }
        }
        XCTAssertEqual(seen.withLock { $0 }, Array(repeating: 1, count: rows))
    }
}
