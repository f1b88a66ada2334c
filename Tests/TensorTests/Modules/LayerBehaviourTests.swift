import XCTest
@testable import Tensor

/// Behaviour of the layers beyond single fixture values: dropout statistics, embedding padding, in-place
/// activations, grad_fn chains and the ordering of random draws.
final class LayerBehaviourTests: XCTestCase {
    override func setUp() {
        Generator.default.manualSeed(5)
    }

    func testDropoutRateAndScalingAreStatisticallyRight() throws {
        let count = 200_000
        for p in [0.1, 0.5, 0.8] {
            let input = try Tensor.ones([count])
            let output = try Functional.dropout(input, p: p)
            let values = output.doubles
            let zeros = values.filter { $0 == 0 }.count
            let kept = values.filter { $0 != 0 }
            // The zero count is binomial: allow five standard deviations.
            let sd = (Double(count) * p * (1 - p)).squareRoot()
            XCTAssertEqual(Double(zeros), Double(count) * p, accuracy: 5 * sd, "p=\(p)")
            let scale = Double(Float(1 / (1 - p)))
            XCTAssertTrue(kept.allSatisfy { abs($0 - scale) < 1e-6 }, "p=\(p): survivors are scaled by 1/(1-p)")
            XCTAssertEqual(try output.mean().item().doubleValue, 1, accuracy: 5 * sd / Double(count) / (1 - p) + 1e-3)
        }
    }

    func testDropoutModesAndEdges() throws {
        let x = try Tensor.randn([4, 5]).requiresGrad_()
        let layer = try Dropout(0.5)
        layer.eval()
        XCTAssertTrue(try layer(x) === x, "eval is the identity, the same tensor")
        layer.train()
        XCTAssertEqual(try layer(x).gradFn?.name, "MulBackward0")
        XCTAssertTrue(try Functional.dropout(x, p: 0) === x)
        let dropped = try Functional.dropout(x, p: 1)
        XCTAssertTrue(dropped.doubles.allSatisfy { $0 == 0 })
        // In place on a non-leaf: the same tensor comes back, rescaled or zeroed.
        let y = try x.mul(Tensor.wrapping(.int(2)))
        let z = try Functional.dropout(y, p: 0.5, inplace: true)
        XCTAssertTrue(z === y)
        XCTAssertEqual(z.gradFn?.name, "MulBackward0")
        try z.sum().backward()
        let grad = try XCTUnwrap(x.grad).doubles
        XCTAssertTrue(grad.allSatisfy { $0 == 0 || abs($0 - 4) < 1e-6 })
        XCTAssertThrowsError(try Dropout(1.5)) {
            XCTAssertEqual(ContainerTests.text($0), "ValueError: dropout probability has to be between 0 and 1, but "
                + "got 1.5")
        }
        XCTAssertEqual(try Dropout(0.25, inplace: true).description, "Dropout(p=0.25, inplace=True)")
    }

    func testEmbeddingPaddingRowIsZeroAndGetsNoGradient() throws {
        let embedding = try Embedding(6, 3, paddingIdx: -2)
        XCTAssertEqual(embedding.paddingIdx, 4)
        let weight = try embedding.requiredParameter("weight")
        XCTAssertEqual(try weight.select(dim: 0, index: 4).doubles, [0, 0, 0])
        XCTAssertTrue(weight.isLeaf && weight.requiresGrad)
        let out = try embedding(try Tensor([4, 1, 4] as [Int64], shape: [3]))
        XCTAssertEqual(out.gradFn?.name, "EmbeddingBackward0")
        try out.sum().backward()
        XCTAssertEqual(try XCTUnwrap(weight.grad).doubles,
                       [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertThrowsError(try embedding(try Tensor([6] as [Int64], shape: [1]))) {
            XCTAssertEqual(ContainerTests.text($0), "IndexError: index out of range in self")
        }
        XCTAssertThrowsError(try embedding(try Tensor([-1] as [Int64], shape: [1]))) {
            XCTAssertEqual(ContainerTests.text($0), "IndexError: index out of range in self")
        }
        XCTAssertThrowsError(try Embedding(5, 3, paddingIdx: 5)) {
            XCTAssertEqual(ContainerTests.text($0), "AssertionError: Padding_idx must be within num_embeddings")
        }
    }

    func testEmbeddingFromPretrainedSharesTheTableAndFreezes() throws {
        let table = try Tensor.ones([2, 3])
        let frozen = try Embedding.fromPretrained(table)
        let weight = try frozen.requiredParameter("weight")
        XCTAssertFalse(weight.requiresGrad)
        XCTAssertTrue(weight.storage === table.storage)
        XCTAssertEqual(frozen.description, "Embedding(2, 3)")
        let trainable = try Embedding.fromPretrained(table, freeze: false, paddingIdx: 0)
        XCTAssertTrue(try trainable.requiredParameter("weight").requiresGrad)
        XCTAssertEqual(try trainable.requiredParameter("weight").doubles, [1, 1, 1, 1, 1, 1], "padding row kept")
        XCTAssertThrowsError(try Embedding.fromPretrained(try Tensor.ones([3]))) {
            XCTAssertEqual(ContainerTests.text($0),
                           "AssertionError: Embeddings parameter is expected to be 2-dimensional")
        }
    }

    func testEmbeddingMaxNormRenormalisesTheWeightInPlace() throws {
        let weight = try Tensor([3, 4, 0.3, 0.4, 6, 8] as [Float], shape: [3, 2]).requiresGrad_()
        let out = try Functional.embedding(try Tensor([0, 2, 0] as [Int64], shape: [3]), weight: weight, maxNorm: 1)
        XCTAssertEqual(weight.version, 1, "rows rescaled in one in-place write")
        assertClose(weight.doubles, [0.6, 0.8, 0.3, 0.4, 0.6, 0.8], rtol: 1e-6)
        assertClose(out.doubles, [0.6, 0.8, 0.6, 0.8, 0.6, 0.8], rtol: 1e-6)
    }

    func testConv1dGradFnChains() throws {
        let x = try Tensor.randn([3, 8]).requiresGrad_()
        let conv = try Conv1d(3, 2, 4, padding: "same")
        let y = try conv(x)
        XCTAssertEqual(y.shape, [2, 8])
        XCTAssertEqual(y.gradFn?.name, "SqueezeBackward1")
        let convolution = try XCTUnwrap(y.gradFn?.nextFunctions.first ?? nil)
        XCTAssertEqual(convolution.name, "ConvolutionBackward0")
        XCTAssertEqual(convolution.nextFunctions.first??.name, "ConstantPadNdBackward0")
        let reflect = try Conv1d(3, 2, 3, padding: 1, paddingMode: "reflect")
        let z = try reflect(try Tensor.randn([1, 3, 5]).requiresGrad_())
        XCTAssertEqual(z.gradFn?.nextFunctions.first??.name, "ReflectionPad1DBackward0")
    }

    func testInPlaceActivationsAndIdentity() throws {
        let x = try Tensor([-1, 2] as [Float], shape: [2]).requiresGrad_()
        let y = try x.mul(Tensor.wrapping(.int(1)))
        let relu = try ReLU(inplace: true)(y)
        XCTAssertTrue(relu === y)
        XCTAssertEqual(relu.gradFn?.name, "ReluBackward0")
        let silu = try SiLU(inplace: true)(try x.mul(Tensor.wrapping(.int(1))))
        XCTAssertEqual(silu.gradFn?.name, "SiluBackward0")
        try silu.sum().backward()
        assertClose(try XCTUnwrap(x.grad).doubles, [0.07232948392629623, 1.0907843112945557], rtol: 1e-6)
        XCTAssertThrowsError(try SiLU(inplace: true)(x)) {
            XCTAssertEqual(ContainerTests.text($0),
                           "RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.")
        }
        XCTAssertTrue(try Identity()(x) === x)
        XCTAssertEqual(try Softmax()(try Tensor.ones([2, 3, 4])).doubles.first, 0.5)
    }

    func testLinearDrawsLikePyTorchAtSeveralSeeds() throws {
        // Printed by PyTorch 2.13: torch.manual_seed(s); nn.Linear(3, 2).weight[0, 0].item(), then .bias[1].
        for (seed, weight, bias) in [(0, -0.004322517663240433, 0.45777493715286255),
                                     (1, 0.2974873483181, 0.2937234044075012)] {
            Generator.default.manualSeed(seed)
            let linear = try Linear(3, 2)
            XCTAssertEqual(try linear.requiredParameter("weight").doubles[0], weight, "seed \(seed)")
            XCTAssertEqual(try XCTUnwrap(linear.parameter("bias")).doubles[1], bias, "seed \(seed)")
        }
    }
}

extension LayerBehaviourTests {
    /// The grad_fn names from `tensor` back, following the first input that is not a leaf.
    private func chain(_ tensor: Tensor) -> String {
        var names: [String] = []
        var node = tensor.gradFn
        while let current = node {
            names.append(current.name)
            node = current.nextFunctions.compactMap { $0 }.first { $0.name != "AccumulateGrad" }
        }
        return names.joined(separator: " <- ")
    }

    func testLinearTakesPyTorchsRouteForEveryLayout() throws {
        let expected = try XCTUnwrap(LayersFixture.load().texts["linear_chains"])
        var lines: [String] = []
        let layouts: [(String, [Int], String?)] = [
            ("1d", [3], nil), ("2d", [5, 3], nil), ("2d_t", [3, 5], "t"), ("3d", [2, 5, 3], nil),
            ("3d_t", [2, 3, 5], "t"), ("3d_s", [2, 5, 6], "s"), ("4d", [2, 2, 5, 3], nil), ("4d_t", [2, 2, 3, 5], "t"),
            ("5d", [1, 2, 2, 2, 3], nil),
        ]
        for (name, shape, view) in layouts {
            for bias in [true, false] {
                for requiresGrad in [true, false] {
                    var x = try Tensor.zeros(shape)
                    if requiresGrad { try x.requiresGrad_() }
                    if view == "t" { x = try x.transpose(-2, -1) }
                    if view == "s" { x = try x.slice(dim: -1, step: 2) }
                    let y = try Functional.linear(x, weight: try Tensor.zeros([4, 3]).requiresGrad_(),
                                                  bias: bias ? try Tensor.zeros([4]).requiresGrad_() : nil)
                    lines.append("\(name) bias=\(bias ? "True" : "False") rg=\(requiresGrad ? "True" : "False"): "
                        + chain(y))
                }
            }
        }
        XCTAssertEqual(lines, expected.components(separatedBy: "\n"))
    }
}
