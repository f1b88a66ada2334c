import XCTest
@testable import Tensor

/// A model defined the way a script defines one: a Module subclass registering children by name.
private final class TwoLayer: Module {
    override init() {
        super.init()
    }

    override var typeName: String { "TwoLayer" }

    override func forward(_ input: Tensor) throws -> Tensor {
        guard let first = submodule("fc1"), let second = submodule("fc2") else { return input }
        return try second(first(input).relu())
    }
}

final class ModuleBaseTests: XCTestCase {
    func testSeedDocumentOutputLayerLogits() throws {
        // The seed's "Transformer output layer" cell: manual_seed(0); randn(1, 16); Linear(16, 8, bias=False).
        Generator.default.manualSeed(0)
        let hidden = try Tensor.randn([1, 16])
        let projection = try Linear(16, 8, bias: false)
        let logits = try projection(hidden)
        let printed = logits.doubles.map { ($0 * 10_000).rounded() / 10_000 }
        XCTAssertEqual(printed, [-0.6512, 0.2615, 0.4667, 0.1221, 0.5225, 0.0916, -0.4690, 0.7660])
        XCTAssertEqual(logits.gradFn?.name, "MmBackward0")
        let probabilities = try logits.softmax(dim: -1)
        XCTAssertEqual(probabilities.gradFn?.name, "SoftmaxBackward0")
        XCTAssertEqual(try probabilities.argmax(dim: -1).item(), .int(7))
    }

    func testModuleTreeRegistrationAndPrint() throws {
        let model = TwoLayer()
        try model.registerModule("fc1", try Linear(2, 3))
        try model.registerModule("fc2", try Linear(3, 1, bias: false))
        try model.registerBuffer("scale", try Tensor.ones([1]))
        XCTAssertEqual(model.description, """
            TwoLayer(
              (fc1): Linear(in_features=2, out_features=3, bias=True)
              (fc2): Linear(in_features=3, out_features=1, bias=False)
            )
            """)
        XCTAssertEqual(model.namedParameters().map(\.name), ["fc1.weight", "fc1.bias", "fc2.weight"])
        XCTAssertEqual(model.stateDict().map(\.name), ["scale", "fc1.weight", "fc1.bias", "fc2.weight"])
        XCTAssertEqual(model.modules().count, 3)
        model.eval()
        XCTAssertFalse(model.modules().contains { $0.training })
        let output = try model(try Tensor.ones([4, 2]))
        XCTAssertEqual(output.shape, [4, 1])
    }

    func testStateDictRoundTripAndErrors() throws {
        let source = try Linear(2, 3)
        let target = try Linear(2, 3)
        let keys = try target.loadStateDict(source.stateDict())
        XCTAssertEqual(keys.description, "<All keys matched successfully>")
        XCTAssertEqual(target.parameter("weight")?.doubles, source.parameter("weight")?.doubles)
        XCTAssertThrowsError(try target.loadStateDict([("weight", try Tensor.zeros([3, 3])), ("x", try Tensor.zeros([1]))])) {
            XCTAssertEqual(($0 as? ModuleError)?.message, """
                Error(s) in loading state_dict for Linear:
                \tMissing key(s) in state_dict: "bias". 
                \tUnexpected key(s) in state_dict: "x". 
                \tsize mismatch for weight: copying a param with shape torch.Size([3, 3]) from checkpoint, the shape \
                in current model is torch.Size([3, 2]).
                """)
        }
        XCTAssertThrowsError(try Module()(try Tensor.zeros([1]))) {
            XCTAssertEqual(($0 as? ModuleError)?.message, "Module [Module] is missing the required \"forward\" function")
            XCTAssertEqual(($0 as? ModuleError)?.kind, .notImplementedError)
        }
        XCTAssertThrowsError(try source.registerBuffer("weight", try Tensor.zeros([1]))) {
            XCTAssertEqual(($0 as? ModuleError)?.kind, .keyError)
        }
    }

    func testPythonFloatRepr() {
        let cases: [(Double, String)] = [
            (1e-5, "1e-05"), (0.0001, "0.0001"), (0.1, "0.1"), (100, "100.0"), (1e15, "1000000000000000.0"),
            (1e16, "1e+16"), (-2.5, "-2.5"), (0, "0.0"), (-0.0, "-0.0"), (1.0 / 3, "0.3333333333333333"),
            (123_456_789_012_345_680, "1.2345678901234568e+17"), (.leastNonzeroMagnitude, "5e-324"), (.infinity, "inf"),
        ]
        for (value, expected) in cases { XCTAssertEqual(value.pythonRepr, expected) }
    }
}
