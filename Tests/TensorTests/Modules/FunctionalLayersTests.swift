import XCTest
@testable import Tensor

/// `torch.nn.functional` against PyTorch 2.13: outputs, grad_fns, gradients and errors from `layers.json`.
final class FunctionalLayersTests: XCTestCase {
    private func run(_ ops: Set<String>, file: StaticString = #filePath, line: UInt = #line) throws {
        let cases = try LayersFixture.load().functional.filter { ops.contains($0.op) }
        XCTAssertFalse(cases.isEmpty, "no cases for \(ops)", file: file, line: line)
        CaseRunner.run(cases, file: file, line: line, FunctionalLayersTests.apply)
    }

    func testActivations() throws {
        try run(["relu", "gelu", "silu", "tanh", "sigmoid", "softplus"])
    }

    func testSoftmaxAndLogSoftmaxWithExplicitAndImplicitDims() throws {
        try run(["softmax", "log_softmax"])
    }

    func testOneHot() throws {
        try run(["one_hot"])
    }

    func testEmbedding() throws {
        try run(["embedding"])
    }

    func testPadConstantReflectReplicateCircular() throws {
        try run(["pad"])
    }

    func testConv1d() throws {
        try run(["conv1d"])
    }

    func testLinearRoutesGradFnsAndErrors() throws {
        try run(["linear"])
    }

    func testLayerNorm() throws {
        try run(["layer_norm"])
    }

    func testDropoutDeterministicCases() throws {
        try run(["dropout"])
    }

    /// Maps a fixture case to the engine call.
    static func apply(_ c: OpCase, _ args: [Tensor]) throws -> Tensor? {
        let x = args[0]
        switch c.op {
        case "relu": return try Functional.relu(x)
        case "gelu": return try Functional.gelu(x, approximate: c.string("approximate") ?? "none")
        case "silu": return try Functional.silu(x)
        case "tanh": return try Functional.tanh(x)
        case "sigmoid": return try Functional.sigmoid(x)
        case "softplus":
            return try Functional.softplus(x, beta: c.double("beta") ?? 1, threshold: c.double("threshold") ?? 20)
        case "softmax": return try Functional.softmax(x, dim: c.int("dim"), dtype: c.dtype("dtype"))
        case "log_softmax": return try Functional.logSoftmax(x, dim: c.int("dim"), dtype: c.dtype("dtype"))
        case "one_hot": return try Functional.oneHot(x, numClasses: c.int("num_classes") ?? -1)
        case "embedding":
            return try Functional.embedding(
                x, weight: args[1], paddingIdx: c.int("padding_idx"), maxNorm: c.double("max_norm"),
                normType: c.double("norm_type") ?? 2, scaleGradByFreq: c.bool("scale_grad_by_freq") ?? false)
        case "pad":
            return try Functional.pad(x, c.ints("pad") ?? [], mode: c.string("mode") ?? "constant",
                                      value: c.double("value"))
        case "conv1d":
            let bias = args.count > 2 ? args[2] : nil
            let (stride, dilation, groups) = (c.int("stride") ?? 1, c.int("dilation") ?? 1, c.int("groups") ?? 1)
            if let padding = c.string("padding") {
                return try Functional.conv1d(x, weight: args[1], bias: bias, stride: stride, padding: padding,
                                             dilation: dilation, groups: groups)
            }
            return try Functional.conv1d(x, weight: args[1], bias: bias, stride: stride,
                                         padding: .explicit(c.int("padding") ?? 0), dilation: dilation, groups: groups)
        case "linear":
            return try Functional.linear(x, weight: args[1], bias: args.count > 2 ? args[2] : nil)
        case "layer_norm":
            let affine = c.string("affine") ?? "both"
            let weight = affine == "both" || affine == "weight" ? args[1] : nil
            let bias = affine == "both" || affine == "bias" ? args[args.count - 1] : nil
            return try Functional.layerNorm(x, normalizedShape: c.ints("normalized_shape") ?? [], weight: weight,
                                            bias: bias, eps: c.double("eps") ?? 1e-5)
        case "dropout":
            return try Functional.dropout(x, p: c.double("p") ?? 0.5, training: c.bool("training") ?? true,
                                          inplace: c.bool("inplace") ?? false)
        default:
            return nil
        }
    }
}
