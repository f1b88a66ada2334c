import XCTest
@testable import Tensor

/// Kernels that run long on big tensors stop when Ctrl-C has been requested, so KeyboardInterrupt comes promptly.
final class InterruptionTests: XCTestCase {
    /// The attention weights' softmax (multi-head attention's L x S rows) looks at the flag per row: a request made
    /// before it starts leaves every row as it was. It used to run every row, seconds in a debug build at L = 1024,
    /// which the fuzzer found as a script that Ctrl-C could not stop within 3 s.
    func testAttentionWeightsSoftmaxStopsWhenInterrupted() throws {
        let scores = try Tensor(zerosShape: [2, 3, 4], dtype: .float32)
        Interruption.request()
        defer { Interruption.clear() }
        _ = try scores.attentionWeightsSoftmax()
        XCTAssertEqual(scores.pointer(as: Float.self)[0], 0)
        Interruption.clear()
        _ = try scores.attentionWeightsSoftmax()
        XCTAssertEqual(scores.pointer(as: Float.self)[0], 0.25)
        XCTAssertEqual(scores.pointer(as: Float.self)[23], 0.25)
    }
}
