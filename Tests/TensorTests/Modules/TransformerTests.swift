import FixtureSupport
import XCTest
@testable import Tensor

/// `nn.Embedding` as the seed's MiniGPT uses it, for these tests only (the real module is another file's): a
/// `[vocab, d]` weight drawn with `normal_` at construction, looked up with `index_select`.
private final class EmbeddingStand: Module {
    init(_ count: Int, _ dimension: Int) throws {
        super.init()
        try registerParameter("weight", try Tensor.parameter(try Tensor.empty([count, dimension]).normal_()))
    }

    override var typeName: String { "Embedding" }

    override var extraDescription: String {
        guard let weight = parameter("weight") else { return "" }
        return "\(weight.shape[0]), \(weight.shape[1])"
    }

    override func forward(_ input: Tensor) throws -> Tensor {
        let weight = try requiredParameter("weight")
        return try weight.indexSelect(dim: 0, index: input.flatten()).view(input.shape + [weight.shape[1]])
    }
}

/// The seed document's `MiniGPT(nn.Module)`: embedding, a two-layer decoder over its own embeddings, a linear head.
private final class MiniGPT: Module {
    init(vocabSize: Int = 100, dModel: Int = 32, nhead: Int = 4, layers: Int = 2) throws {
        super.init()
        try registerModule("embed", try EmbeddingStand(vocabSize, dModel))
        let layer = try TransformerDecoderLayer(dModel: dModel, nhead: nhead, batchFirst: true)
        try registerModule("decoder", try TransformerDecoder(layer, numLayers: layers))
        try registerModule("out", try Linear(dModel, vocabSize))
    }

    override var typeName: String { "MiniGPT" }

    func run(_ x: Tensor, tgtMask: Tensor? = nil) throws -> Tensor {
        guard let embed = submodule("embed"), let decoder = submodule("decoder") as? TransformerDecoder,
              let out = submodule("out") else { throw FixtureError.missing("MiniGPT children") }
        let h = try embed(x)
        return try out(try decoder.forward(h, memory: h, tgtMask: tgtMask))
    }
}

/// A stand-in for `nn.GELU()` as a module activation: it prints as PyTorch's and applies exact GELU.
private final class GELUStand: Module, ReplicableModule {
    override var typeName: String { "GELU" }
    func makeReplica() throws -> Module { GELUStand() }
    override var extraDescription: String { "approximate='none'" }
    override func forward(_ input: Tensor) throws -> Tensor { try input.gelu() }
}

final class TransformerTests: XCTestCase {
    func testLayersAndStacksMatchPyTorch() throws {
        for c in try TransformerFixtures.shared.get().cases {
            Generator.default.manualSeed(c.seed)
            let module = try TransformerFixtures.build(c.kind, c.ctor)
            if let state = c.state { assertState(module, equals: state, c.name) }
            if c.mode == "eval" { module.eval() }
            var inputs: [String: Tensor] = [:]
            // Aliases name earlier inputs; resolve tensors first.
            for (name, reference) in c.inputs {
                if case .tensor(let input) = reference {
                    let isMask = name.hasSuffix("mask")
                    inputs[name] = try input.tensor(requiresGrad: !c.noGrad && !isMask && input.base.dtype != "bool")
                }
            }
            for (name, reference) in c.inputs {
                if case .alias(let other) = reference { inputs[name] = inputs[other] }
            }
            let out = c.noGrad
                ? try GradMode.with(enabled: false) { try TransformerFixtures.run(c.kind, module, inputs, c.kwargs) }
                : try TransformerFixtures.run(c.kind, module, inputs, c.kwargs)
            let (rtol, atol) = c.out.dtype == "float64" ? (1e-10, 1e-12) : (5e-5, 5e-6)
            assertTensor(out, equals: c.out, rtol: rtol, atol: atol, c.name)
            XCTAssertEqual(out.gradFn?.name, c.gradFn, "grad_fn of \(c.name)")
            guard let inputGrads = c.inputGrads else { continue }
            try fixtureLoss([out]).backward()
            for (name, expected) in inputGrads {
                assertTensor(inputs[name]?.grad, equals: expected, rtol: rtol, atol: atol, "grad \(name) of \(c.name)")
            }
            let parameters = Dictionary(uniqueKeysWithValues: module.namedParameters().map { ($0.name, $0.tensor) })
            for expected in c.paramGrads ?? [] {
                assertTensor(parameters[expected.name]?.grad, equals: expected.tensor, rtol: rtol, atol: atol,
                             "grad \(expected.name) of \(c.name)")
            }
        }
    }

    func testErrorsMatchPyTorch() throws {
        for c in try TransformerFixtures.shared.get().errors {
            do {
                let module = try TransformerFixtures.build(c.kind, c.ctor)
                let inputs = try c.inputs.mapValues { try $0.tensor() }
                _ = try TransformerFixtures.run(c.kind, module, inputs, c.kwargs)
                XCTFail("\(c.name): expected \(c.error.type): \(c.error.message)")
            } catch let error as ModuleError {
                XCTAssertEqual(error.message, c.error.message, c.name)
                XCTAssertEqual(error.kind.rawValue, c.error.type, c.name)
            } catch let error as TensorError {
                XCTAssertEqual(error.message, c.error.message, c.name)
                XCTAssertEqual(error.kind.rawValue, c.error.type, c.name)
            }
        }
    }

    func testPrintedModulesMatchPyTorch() throws {
        let reprs = try TransformerFixtures.shared.get().reprs
        XCTAssertEqual(try TransformerDecoderLayer(dModel: 32, nhead: 4, batchFirst: true).description,
                       reprs["decoder_layer"])
        let encoder = try TransformerEncoder(try TransformerEncoderLayer(dModel: 8, nhead: 2, dimFeedforward: 16),
                                             numLayers: 3, norm: try LayerNorm([8]))
        XCTAssertEqual(encoder.description, reprs["encoder"])
        let geluLayer = try TransformerEncoderLayer(dModel: 8, nhead: 2, dimFeedforward: 16,
                                                    activation: .module(GELUStand()))
        XCTAssertEqual(geluLayer.description, reprs["encoder_gelu_module"])
        XCTAssertEqual(try Transformer(dModel: 16, nhead: 2, numEncoderLayers: 1, numDecoderLayers: 2,
                                       dimFeedforward: 32, batchFirst: true).description, reprs["transformer"])
        XCTAssertEqual(try Transformer(dModel: 8, nhead: 2, numEncoderLayers: 1, numDecoderLayers: 1,
                                       dimFeedforward: 16, bias: false).description, reprs["transformer_no_bias"])
    }

    func testSquareSubsequentMask() throws {
        let masks = try TransformerFixtures.shared.get().masks
        guard let square4 = masks["square_4"], let square3 = masks["square_3_double"] else {
            throw FixtureError.missing("masks")
        }
        assertExactly(try Transformer.generateSquareSubsequentMask(4), equals: square4, "mask 4")
        assertExactly(try Transformer.generateSquareSubsequentMask(3, dtype: .float64), equals: square3, "mask 3")
    }

    /// The seed document's MiniGPT cell, seeded, in eval mode: PyTorch's logits, distribution shape and prediction,
    /// with and without a causal target mask.
    func testSeedDocumentMiniGPTCell() throws {
        for cell in try TransformerFixtures.shared.get().minigpt {
            Generator.default.manualSeed(cell.seed)
            let model = try MiniGPT()
            let x = try Tensor.randint(low: 0, high: 100, shape: [1, 6])
            assertExactly(x, equals: cell.x, "x of seed \(cell.seed)")
            XCTAssertEqual(model.description, cell.repr)
            model.eval()
            let logits = try model.run(x)
            let probs = try logits.softmax(dim: -1)
            XCTAssertEqual(probs.shape, cell.probsShape)
            assertTensor(logits, equals: cell.logits, rtol: 5e-5, atol: 5e-6, "logits of seed \(cell.seed)")
            let last = try probs.select(dim: 1, index: 5)
            XCTAssertEqual(try last.argmax(dim: -1).item(), .int(Int64(cell.predicted)))
            let causal = try model.run(x, tgtMask: try Transformer.generateSquareSubsequentMask(6))
            assertTensor(causal, equals: cell.causalLogits, rtol: 5e-5, atol: 5e-6, "causal logits of \(cell.seed)")
        }
    }

    /// Dropout inside the layers in training mode: deterministic at p = 0 and equal to eval mode; at p > 0 the
    /// output changes from draw to draw but keeps its shape.
    func testTrainingModeDropout() throws {
        Generator.default.manualSeed(0)
        let quiet = try TransformerEncoderLayer(dModel: 8, nhead: 2, dimFeedforward: 16, dropout: 0)
        let x = try Tensor.randn([4, 2, 8])
        let trained = try quiet.forward(x)
        quiet.eval()
        assertClose(trained.doubles, try quiet.forward(x).doubles, rtol: 1e-6, atol: 1e-7)
        let noisy = try TransformerEncoderLayer(dModel: 8, nhead: 2, dimFeedforward: 16, dropout: 0.5)
        let first = try noisy.forward(x)
        let second = try noisy.forward(x)
        XCTAssertEqual(first.shape, [4, 2, 8])
        XCTAssertNotEqual(first.doubles, second.doubles)
    }
}
