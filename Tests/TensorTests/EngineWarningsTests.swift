import Foundation
import XCTest
@testable import Tensor

/// Engine warnings wait on the thread whose op issued them, for that thread's host to show.
final class EngineWarningsTests: XCTestCase {
    func testAnImplicitSoftmaxDimensionIsQueuedOnceAndDrained() throws {
        _ = EngineWarnings.drain()
        _ = try Functional.softmax(Tensor([1.0, 2.0, 3.0], shape: [3]), dim: nil)
        XCTAssertFalse(EngineWarnings.isEmpty)
        XCTAssertEqual(EngineWarnings.drain(), ["Implicit dimension choice for softmax has been deprecated. Change the "
            + "call to include dim=X as an argument."])
        XCTAssertTrue(EngineWarnings.isEmpty)
        XCTAssertEqual(EngineWarnings.drain(), [])
    }

    func testAnotherThreadNeverSeesThisThreadsWarnings() {
        _ = EngineWarnings.drain()
        EngineWarnings.issue("left by this thread")
        nonisolated(unsafe) var seenElsewhere: [String]?
        nonisolated(unsafe) var issuedElsewhere = false
        let done = DispatchSemaphore(value: 0)
        Thread {
            seenElsewhere = EngineWarnings.drain()
            EngineWarnings.issue("left by the other thread")
            issuedElsewhere = !EngineWarnings.isEmpty
            done.signal()
        }.start()
        done.wait()
        XCTAssertEqual(seenElsewhere, [], "a host on another thread drains nothing of ours")
        XCTAssertTrue(issuedElsewhere)
        XCTAssertEqual(EngineWarnings.drain(), ["left by this thread"], "nor does its warning reach us")
    }
}
