import FixtureSupport
import XCTest
@testable import Tensor

/// `nn.init` against PyTorch 2.13: after `manual_seed`, each function fills a fresh tensor bit for bit as PyTorch
/// does and leaves the generator where PyTorch leaves it; bad arguments raise PyTorch's errors.
final class InitTests: XCTestCase {
    func testInitFunctionsMatchPyTorchBitForBit() throws {
        for c in try LayersFixture.load().`init` {
            let label = "\(c.fn)(\(c.shape), \(c.dtype)) \(c.kw.keys.sorted()) seed \(c.seed)"
            Generator.default.manualSeed(c.seed)
            let tensor = try Tensor.empty(c.shape, dtype: try FixtureTensor.dtype(named: c.dtype))
            do {
                try InitTests.apply(c, to: tensor)
            } catch {
                if let expected = c.error { assertSameError(error, expected, label) } else {
                    XCTFail("\(label): \(error)")
                }
                continue
            }
            if let expected = c.error {
                XCTFail("\(label): expected \(expected.type): \(expected.message)")
                continue
            }
            guard let out = c.out else { continue }
            if let problem = CaseRunner.compare(tensor, out, tol: nil) { XCTFail("\(label): \(problem)") }
            let next = try Tensor.rand([1], dtype: .float64).item().doubleValue
            XCTAssertEqual(next, c.next, "\(label): the generator was left elsewhere")
        }
    }

    func testCalculateGain() throws {
        for c in try LayersFixture.load().gains {
            do {
                let gain = try Init.gain(c.name, param: c.param)
                XCTAssertEqual(gain, c.gain, c.name)
            } catch {
                if let expected = c.error { assertSameError(error, expected, c.name) } else {
                    XCTFail("\(c.name): \(error)")
                }
            }
        }
    }

    func testInitDoesNotRecordGradientsAndWorksOnParameters() throws {
        let weight = try Tensor.parameter(try Tensor.empty([3, 4]))
        try Init.kaimingUniform_(weight, a: 5.0.squareRoot())
        XCTAssertTrue(weight.isLeaf)
        XCTAssertTrue(weight.requiresGrad)
        XCTAssertEqual(weight.version, 1)
        let fans = try Init.fans(try Tensor.empty([5, 3, 2, 2]))
        XCTAssertEqual(fans.fanIn, 12)
        XCTAssertEqual(fans.fanOut, 20)
    }

    private static func apply(_ c: InitCase, to tensor: Tensor) throws {
        let args = FixtureValue.object(c.kw)
        let mode = args["mode"].stringValue ?? "fan_in"
        let nonlinearity = args["nonlinearity"].stringValue ?? "leaky_relu"
        switch c.fn {
        case "uniform_": try Init.uniform_(tensor, args["a"].doubleValue ?? 0, args["b"].doubleValue ?? 1)
        case "normal_": try Init.normal_(tensor, mean: args["mean"].doubleValue ?? 0, std: args["std"].doubleValue ?? 1)
        case "constant_": try Init.constant_(tensor, args["val"].doubleValue ?? 0)
        case "zeros_": try Init.zeros_(tensor)
        case "ones_": try Init.ones_(tensor)
        case "kaiming_uniform_":
            try Init.kaimingUniform_(tensor, a: args["a"].doubleValue ?? 0, mode: mode, nonlinearity: nonlinearity)
        case "kaiming_normal_":
            try Init.kaimingNormal_(tensor, a: args["a"].doubleValue ?? 0, mode: mode, nonlinearity: nonlinearity)
        case "xavier_uniform_": try Init.xavierUniform_(tensor, gain: args["gain"].doubleValue ?? 1)
        case "xavier_normal_": try Init.xavierNormal_(tensor, gain: args["gain"].doubleValue ?? 1)
        case "trunc_normal_":
            try Init.truncNormal_(tensor, mean: args["mean"].doubleValue ?? 0, std: args["std"].doubleValue ?? 1,
                                  a: args["a"].doubleValue ?? -2, b: args["b"].doubleValue ?? 2)
        default: throw FixtureError.missing("init function \(c.fn)")
        }
    }
}
