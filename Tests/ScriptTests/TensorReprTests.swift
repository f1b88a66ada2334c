@testable import Script
import FixtureSupport
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

    func testRandn3x30WrapsWithContinuationIndent() throws {
        Generator.default.manualSeed(0)
        let text = TensorRepr.repr(try Tensor.randn([3, 30]))
        XCTAssertEqual(text, try PrintingFixture.load().seed.randn)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 12)
        XCTAssertTrue(lines[1].hasPrefix("          0.3223"), String(lines[1]))
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 })
    }

    func testSmallCasesReadAsPyTorchPrintsThem() throws {
        XCTAssertEqual(TensorRepr.repr(Tensor(.float(3.5))), "tensor(3.5000)")
        XCTAssertEqual(TensorRepr.repr(Tensor(.int(3))), "tensor(3)")
        XCTAssertEqual(TensorRepr.repr(Tensor(.float(2), dtype: .float64)), "tensor(2., dtype=torch.float64)")
        XCTAssertEqual(TensorRepr.repr(try Tensor([Float]())), "tensor([])")
        XCTAssertEqual(TensorRepr.repr(try Tensor.zeros([0, 3])), "tensor([], size=(0, 3))")
        XCTAssertEqual(TensorRepr.repr(try Tensor.zeros([0], dtype: .int64)), "tensor([], dtype=torch.int64)")
        XCTAssertEqual(TensorRepr.repr(try Tensor([true, false])), "tensor([ True, False])")
        XCTAssertEqual(TensorRepr.repr(try Tensor([Float(1e-5), 1])), "tensor([1.0000e-05, 1.0000e+00])")
        XCTAssertEqual(TensorRepr.repr(try Tensor([Float(-0.0), 1, .nan, -.infinity])),
                       "tensor([-0., 1., nan, -inf])")
        let parameter = try Tensor.parameter(try Tensor.ones([2]))
        XCTAssertEqual(TensorRepr.repr(parameter), "Parameter containing:\ntensor([1., 1.], requires_grad=True)")
        XCTAssertEqual(TensorRepr.plainRepr(parameter), "tensor([1., 1.], requires_grad=True)")
        let product = try parameter.mul(Tensor.wrapping(.int(2)))
        XCTAssertEqual(TensorRepr.repr(product), "tensor([2., 2.], grad_fn=<MulBackward0>)")
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

/// The two ways of gathering a summarised tensor's edge elements agree.
final class TensorSummaryTests: XCTestCase {
    func testEdgeViewsPickTheSameElementsAsIndexingAll() throws {
        let shapes: [[Int]] = [[2000], [40, 50], [7, 8, 30], [3, 3, 3, 3, 3, 3, 3], [1, 1001], [1001, 1], [13, 2, 40]]
        for shape in shapes {
            let count = shape.reduce(1, *)
            let tensor = try Tensor((0..<count).map { Int64($0) }, shape: shape)
            for edgeItems in [1, 2, 3, 5] {
                let options = PrintOptions(edgeItems: edgeItems)
                let summary = TensorRepr.summary(of: tensor, options: options)
                XCTAssertTrue(summary.summarize)
                XCTAssertEqual(summary.values, TensorRepr.gatherFromAll(tensor.scalars, summary: summary),
                               "\(shape) edge \(edgeItems)")
                let kept = shape.indices.map { summary.keptCount(dim: $0) }.reduce(1, *)
                XCTAssertEqual(summary.values.count, kept)
            }
        }
        // Through a transposed view too.
        let transposed = try Tensor((0..<2000).map { Int64($0) }, shape: [40, 50]).t()
        let summary = TensorRepr.summary(of: transposed, options: .default)
        XCTAssertEqual(summary.values, TensorRepr.gatherFromAll(transposed.scalars, summary: summary))
        XCTAssertEqual(summary.values.prefix(6), [.int(0), .int(50), .int(100), .int(1850), .int(1900), .int(1950)])
    }
}
