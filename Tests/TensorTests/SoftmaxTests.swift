import FixtureSupport
import XCTest
@testable import Tensor

final class SoftmaxTests: XCTestCase {
    private static let softmaxOps: Set<String> = ["softmax", "log_softmax"]

    func testFixtureCasesMatchPyTorch() throws {
        try checkFixtureCases(where: { Self.softmaxOps.contains($0) })
    }

    func testFixtureErrorsMatchPyTorch() throws {
        try checkFixtureErrors(where: { Self.softmaxOps.contains($0) })
    }

    /// The seed document's cell: `F.softmax(logits, dim=-1)` of its 8 logits, printed to 4 places, and the argmax.
    func testSeedDocumentLogits() throws {
        let seed = try ReductionFixtures.shared.get().seed
        let logits = try seed.logits.tensor()
        let probs = try logits.softmax(dim: -1)
        XCTAssertEqual(probs.shape, [1, 8])
        // Within one ulp of PyTorch's bits (one of the eight is one ulp off, from `exp`).
        assertTensor(probs, equals: seed.probs, rtol: 1.2e-7, atol: 0)
        let printed = probs.doubles.map { ($0 * 10_000).rounded() / 10_000 }
        XCTAssertEqual(printed, [0.0516, 0.1286, 0.1578, 0.1118, 0.1669, 0.1085, 0.0619, 0.2129])
        assertTensor(try logits.logSoftmax(dim: -1), equals: seed.logProbs, rtol: 0, atol: 0)
        XCTAssertEqual(try probs.argmax(dim: -1).item(), .int(seed.argmax))
        XCTAssertEqual(try logits.argmax(dim: -1).item(), .int(7))
    }

    /// float32 softmax against PyTorch's bits, over rows of many lengths, along the last dim (the vectorised kernel)
    /// and along the first (the sequential one). Measured: 95% of elements identical, the rest one ulp apart except
    /// a handful at two, and log-softmax at three where `x - max` and `log(sum)` nearly cancel.
    func testFloat32MatchesPyTorchWithinThreeUlps() throws {
        var histogram = [Int](repeating: 0, count: 4)
        for rows in try ReductionFixtures.shared.get().precision {
            let x = try rows.input.tensor()
            let results: [(Tensor, FixtureTensor)] = [
                (try x.softmax(dim: -1), rows.softmaxLast), (try x.logSoftmax(dim: -1), rows.logSoftmaxLast),
                (try x.softmax(dim: 0), rows.softmaxFirst), (try x.logSoftmax(dim: 0), rows.logSoftmaxFirst),
            ]
            for (actual, expected) in results {
                for (a, e) in zip(actual.elements(as: Float.self), expected.values.map({ Float($0.double) })) {
                    let ulps = Self.ulpDistance(a, e)
                    histogram[Swift.min(ulps, 3)] += 1
                    XCTAssertLessThanOrEqual(ulps, 3, "\(a) vs PyTorch \(e) in a row of \(x.shape)")
                }
            }
        }
        let total = histogram.reduce(0, +)
        // The exact share is the point of following PyTorch's order of operations; it falls if that order drifts.
        XCTAssertGreaterThan(Double(histogram[0]) / Double(total), 0.9, "ulp histogram \(histogram)")
        print("float32 softmax vs PyTorch, elements 0/1/2/3+ ulp apart:", histogram)
    }

    private static func ulpDistance(_ a: Float, _ b: Float) -> Int {
        if a == b { return 0 }
        func ordered(_ x: Float) -> Int64 {
            let bits = Int64(Int32(bitPattern: x.bitPattern))
            return bits < 0 ? Int64(Int32.min) - bits : bits
        }
        return Int(Swift.min(Swift.abs(ordered(a) - ordered(b)), Int64(Int.max)))
    }

    func testBackwardMatchesFiniteDifferences() throws {
        let base = try Tensor((0..<24).map { sin(Double($0) * 1.7) * 3 }, shape: [2, 3, 4])
        for dim in [-1, 0, 1] {
            for log in [false, true] {
                let x = try base.clone().detach()
                try assertGradientsMatchFiniteDifferences([x]) { inputs in
                    log ? try inputs[0].logSoftmax(dim: dim) : try inputs[0].softmax(dim: dim)
                }
                // A transposed (non-contiguous) input.
                let y = try base.transpose(0, 2).detach()
                try assertGradientsMatchFiniteDifferences([y]) { inputs in
                    log ? try inputs[0].logSoftmax(dim: dim) : try inputs[0].softmax(dim: dim)
                }
            }
        }
    }

    /// With `create_graph`, the gradient is built from differentiable ops, so its own gradient is right too.
    func testSecondOrderGradientMatchesFiniteDifferences() throws {
        let base = try Tensor([0.3, -1.2, 2.0, 0.7, 0.1, -0.4], shape: [2, 3])
        let probe = try Tensor([1.0, 2.0, 0.5, -1.0, 0.25, 3.0], shape: [2, 3])
        for log in [false, true] {
            let x = try base.clone().detach()
            try assertGradientsMatchFiniteDifferences([x]) { inputs in
                // The finite-difference probes run with grad mode off; the inner gradient needs it on.
                try GradMode.with(enabled: true) {
                    let y = log ? try inputs[0].logSoftmax(dim: 1) : try inputs[0].softmax(dim: 1)
                    let first = try Self.gradient(of: y.mul(probe).sum(), withRespectTo: inputs[0])
                    return try first.mul(first)
                }
            }
        }
    }

    /// d(output) / d(input) with the backward recorded (`torch.autograd.grad(..., create_graph=True)`), leaving
    /// `input.grad` as it was.
    static func gradient(of output: Tensor, withRespectTo input: Tensor) throws -> Tensor {
        let saved = input.grad
        defer { input.grad = saved }
        input.grad = nil
        try output.backward(createGraph: true)
        return try input.grad ?? Tensor.zeros(like: input)
    }

    func testLastDimFastPathAgreesWithGeneralKernel() throws {
        // The same values along the last dim of a contiguous tensor and along dim 0 of its transpose.
        let x = try Tensor((0..<60).map { Float(sin(Double($0)) * 4) }, shape: [3, 20])
        let viaLast = try x.softmax(dim: -1)
        let viaFirst = try x.t().contiguous().softmax(dim: 0).t()
        assertClose(viaLast.doubles, viaFirst.doubles, rtol: 1e-6, atol: 1e-8)
        let sums = try viaLast.sum(dims: [-1]).doubles
        assertClose(sums, [1, 1, 1], rtol: 1e-6, atol: 0)
    }

    func testExtremeValuesStayFinite() throws {
        let x = try Tensor([1000, 0, -1000, 1e30, 1e30, -1e30] as [Float], shape: [2, 3])
        XCTAssertEqual(try x.softmax(dim: 1).doubles, [1, 0, 0, 0.5, 0.5, 0])
        let logs = try x.logSoftmax(dim: 1).doubles
        XCTAssertEqual(logs[0], 0)
        XCTAssertEqual(logs[2], -2000)
        XCTAssertEqual(try Tensor(.float(3)).softmax(dim: 0).item(), .float(1))
    }

    func testGradFnNamesAndDTypeArgument() throws {
        let x = try Tensor([1, 2, 3] as [Float]).requiresGrad_()
        let y = try x.softmax(dim: 0, dtype: .float64)
        XCTAssertEqual(y.dtype, .float64)
        XCTAssertEqual(y.gradFn?.name, "SoftmaxBackward0")
        XCTAssertEqual(y.gradFn?.nextFunctions.first??.name, "ToCopyBackward0")
        try y.sum().backward()
        XCTAssertEqual(x.grad?.dtype, .float32)
        XCTAssertEqual(try x.logSoftmax(dim: -1).gradFn?.name, "LogSoftmaxBackward0")
        XCTAssertEqual(x.implicitSoftmaxDim, 0)
        XCTAssertEqual(try Tensor.zeros([2, 3]).implicitSoftmaxDim, 1)
    }

    func testSoftmaxOfInPlaceModifiedOutputRefusesBackward() throws {
        let x = try Tensor([1, 2, 3] as [Float]).requiresGrad_()
        let y = try x.softmax(dim: 0)
        try y.mul_(Tensor.wrapping(.int(2)))
        XCTAssertThrowsError(try y.sum().backward())
    }
}
