import FixtureSupport
import XCTest
@testable import Tensor

/// Modules built after `manual_seed` against PyTorch 2.13: bit-identical parameters, printouts, outputs and the
/// gradients of a weighted sum with respect to the input and every parameter.
final class LayerModuleTests: XCTestCase {
    private func run(_ kinds: Set<String>, file: StaticString = #filePath, line: UInt = #line) throws {
        let cases = try LayersFixture.load().modules.filter { kinds.contains($0.kind) }
        XCTAssertFalse(cases.isEmpty, file: file, line: line)
        for testCase in cases { check(testCase, file: file, line: line) }
    }

    func testLinear() throws { try run(["Linear"]) }
    func testEmbedding() throws { try run(["Embedding"]) }
    func testConv1d() throws { try run(["Conv1d"]) }
    func testLayerNorm() throws { try run(["LayerNorm"]) }
    func testDropout() throws { try run(["Dropout"]) }
    func testSequentialOfLayersAndActivations() throws { try run(["MLP"]) }

    private func check(_ c: ModuleCase, file: StaticString, line: UInt) {
        Generator.default.manualSeed(c.seed)
        let module: Module
        do {
            module = try LayerModuleTests.build(c.kind, c.args)
        } catch {
            if let expected = c.error { assertSameError(error, expected, c.label, file: file, line: line) } else {
                XCTFail("\(c.label): \(error)", file: file, line: line)
            }
            return
        }
        if let expected = c.error {
            XCTFail("\(c.label): expected \(expected.type): \(expected.message)", file: file, line: line)
            return
        }
        XCTAssertEqual(module.description, c.repr, c.label, file: file, line: line)
        let parameters = module.namedParameters()
        XCTAssertEqual(parameters.map(\.name), c.params?.map(\.name), c.label, file: file, line: line)
        for (actual, expected) in zip(parameters, c.params ?? []) {
            if let problem = CaseRunner.compare(actual.tensor, expected.t, tol: nil) {
                XCTFail("\(c.label) \(expected.name): \(problem)", file: file, line: line)
            }
        }
        guard let inputFixture = c.input else { return }
        if c.eval == true { module.eval() }
        do {
            let input = try inputFixture.tensor()
            if input.dtype.isFloatingPoint { try input.requiresGrad_() }
            let output: Tensor
            do {
                output = try module(input)
            } catch {
                if let expected = c.forward_error { assertSameError(error, expected, c.label, file: file, line: line) }
                else { XCTFail("\(c.label): forward failed: \(error)", file: file, line: line) }
                return
            }
            if let expected = c.forward_error {
                XCTFail("\(c.label): expected \(expected.type): \(expected.message)", file: file, line: line)
                return
            }
            guard let expectedOutput = c.output else { return XCTFail("\(c.label): no output", file: file, line: line) }
            if let problem = CaseRunner.compare(output, expectedOutput, tol: c.tol) {
                XCTFail("\(c.label) output: \(problem)", file: file, line: line)
            }
            XCTAssertEqual(output.gradFn?.name, c.grad_fn, c.label, file: file, line: line)
            guard let grads = c.grads else { return }
            try output.backward(gradient: try CaseRunner.weights(like: output))
            let tol = (c.tol ?? [1e-5, 1e-6]).map { $0 * 4 }
            for expected in grads {
                let actual = expected.name == "input" ? input.grad
                    : parameters.first { $0.name == expected.name }?.tensor.grad
                if let problem = CaseRunner.compare(actual, expected.t, tol: tol) {
                    XCTFail("\(c.label) grad of \(expected.name): \(problem)", file: file, line: line)
                }
            }
        } catch {
            XCTFail("\(c.label): \(error)", file: file, line: line)
        }
    }

    /// The module a fixture describes, with PyTorch's keyword arguments.
    static func build(_ kind: String, _ fields: [String: FixtureValue]) throws -> Module {
        let args = FixtureValue.object(fields)
        let dtype = args["dtype"].isNull ? DType.defaultFloat : args["dtype"].dtype
        func int(_ key: String) -> Int? { args[key].intValue }
        func double(_ key: String) -> Double? { args[key].doubleValue }
        func bool(_ key: String, _ fallback: Bool) -> Bool { args[key].boolValue ?? fallback }
        switch kind {
        case "Linear":
            return try Linear(int("in_features") ?? 0, int("out_features") ?? 0, bias: bool("bias", true),
                              dtype: dtype)
        case "Embedding":
            return try Embedding(
                int("num_embeddings") ?? 0, int("embedding_dim") ?? 0, paddingIdx: int("padding_idx"),
                maxNorm: double("max_norm"), normType: double("norm_type") ?? 2,
                scaleGradByFreq: bool("scale_grad_by_freq", false), sparse: bool("sparse", false), dtype: dtype)
        case "Conv1d":
            let (inChannels, outChannels, kernel) = (int("in_channels") ?? 0, int("out_channels") ?? 0,
                                                     int("kernel_size") ?? 0)
            let (stride, dilation, groups) = (int("stride") ?? 1, int("dilation") ?? 1, int("groups") ?? 1)
            let mode = args["padding_mode"].stringValue ?? "zeros"
            if let padding = args["padding"].stringValue {
                return try Conv1d(inChannels, outChannels, kernel, stride: stride, padding: padding,
                                  dilation: dilation, groups: groups, bias: bool("bias", true), paddingMode: mode,
                                  dtype: dtype)
            }
            return try Conv1d(inChannels, outChannels, kernel, stride: stride, padding: .explicit(int("padding") ?? 0),
                              dilation: dilation, groups: groups, bias: bool("bias", true), paddingMode: mode,
                              dtype: dtype)
        case "LayerNorm":
            let shape = args["normalized_shape"].intValue.map { [$0] } ?? args["normalized_shape"].ints
            return try LayerNorm(shape, eps: double("eps") ?? 1e-5, elementwiseAffine: bool("elementwise_affine", true),
                                 bias: bool("bias", true), dtype: dtype)
        case "Dropout":
            return try Dropout(double("p") ?? 0.5)
        case "MLP":
            let activation: Module
            switch args["activation"].string {
            case "ReLU": activation = ReLU()
            case "GELU": activation = GELU()
            case "GELUtanh": activation = GELU(approximate: "tanh")
            case "SiLU": activation = SiLU()
            case "Tanh": activation = Tanh()
            case "Sigmoid": activation = Sigmoid()
            default: activation = Identity()
            }
            let (inp, hidden, out) = (int("inp") ?? 0, int("hidden") ?? 0, int("out") ?? 0)
            return Sequential([
                try Linear(inp, hidden, dtype: dtype), activation, try Linear(hidden, out, dtype: dtype),
                try LayerNorm([out], dtype: dtype), bool("softmax", false) ? Softmax(dim: -1) : Identity(),
            ])
        default:
            throw FixtureError.missing("module kind \(kind)")
        }
    }
}
