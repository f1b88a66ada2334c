import Script
import Tensor
import XCTest

/// `repr(tensor)` against what PyTorch 2.13 printed for the same tensors and print options.
final class TensorReprTests: XCTestCase {
    func testEveryFixtureTensorPrintsAsPyTorch() throws {
        let cases = try PrintingFixture.load().tensors
        XCTAssertGreaterThan(cases.count, 500)
        var failures = 0
        for fixture in cases {
            let tensor = try fixture.tensor()
            let text = TensorRepr.repr(tensor, options: fixture.printOptions)
            if text != fixture.repr {
                failures += 1
                if failures <= 15 {
                    XCTFail("\(fixture.name):\n--- expected\n\(fixture.repr)\n--- actual\n\(text)")
                }
            }
        }
        XCTAssertEqual(failures, 0, "tensors printed differently")
    }
}

/// The seed notebook's projection cell, computed by the engine and printed: every character as in the notebook.
final class SeedPrintingTests: XCTestCase {
    func testSeedLogitsAndSoftmaxPrintAsInTheNotebook() throws {
        Generator.default.manualSeed(0)
        let hidden = try Tensor.randn([1, 16])
        let projection = try Linear(16, 8, bias: false)
        let logits = try projection(hidden)
        let probs = try logits.softmax(dim: -1)
        let seed = try PrintingFixture.load().seed
        XCTAssertEqual(TensorRepr.repr(logits), seed.logits)
        XCTAssertEqual(TensorRepr.repr(probs), seed.probs)
        XCTAssertEqual(TensorRepr.repr(hidden), seed.input)
        XCTAssertEqual(TensorRepr.repr(try XCTUnwrap(projection.parameter("weight"))), seed.weight)
        XCTAssertEqual(TensorRepr.size(logits.shape), seed.shape)
        XCTAssertEqual(TensorRepr.dtype(logits.dtype), seed.dtype)
        // As the notebook shows them, after `print("Logits:\n", logits)`.
        XCTAssertEqual(TensorRepr.repr(logits), """
            tensor([[-0.6512,  0.2615,  0.4667,  0.1221,  0.5225,  0.0916, -0.4690,  0.7660]],
                   grad_fn=<MmBackward0>)
            """)
        XCTAssertEqual(TensorRepr.repr(probs), """
            tensor([[0.0516, 0.1286, 0.1578, 0.1118, 0.1669, 0.1085, 0.0619, 0.2129]],
                   grad_fn=<SoftmaxBackward0>)
            """)
    }
}
