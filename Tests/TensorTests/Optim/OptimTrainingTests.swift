import FixtureSupport
import XCTest
@testable import Tensor

/// Fifty steps of training a small model, compared step by step with PyTorch.
final class OptimTrainingTests: XCTestCase {
    /// Linear(4, 8) -> tanh -> LayerNorm(8) -> Linear(8, 3), as the fixture's `nn.ModuleDict` holds it.
    private struct Model {
        let first: Linear
        let norm: LayerNorm
        let second: Linear

        init(dtype: DType) throws {
            first = try Linear(4, 8, dtype: dtype)
            norm = try LayerNorm([8], dtype: dtype)
            second = try Linear(8, 3, dtype: dtype)
        }

        var namedParameters: [(name: String, tensor: Tensor)] {
            first.namedParameters(prefix: "l1") + norm.namedParameters(prefix: "ln")
                + second.namedParameters(prefix: "l2")
        }

        func callAsFunction(_ x: Tensor) throws -> Tensor {
            try second(norm(first(x).tanh()))
        }
    }

    private func loss(_ kind: String, _ prediction: Tensor, y: Tensor, targets: Tensor) throws -> Tensor {
        switch kind {
        case "mse": return try prediction.sub(y).pow(2).mean()
        case "neg_mse": return try prediction.sub(y).pow(2).mean().neg()
        default: return try prediction.logSoftmax(dim: 1).gather(dim: 1, index: targets.unsqueeze(1)).mean().neg()
        }
    }

    func testSeededModelStartsFromPyTorchsParameters() throws {
        let fixture = try OptimFixture.load()["training"].array[0]
        Generator.default.manualSeed(0)
        let model = try Model(dtype: .float32)
        for (name, tensor) in model.namedParameters {
            try OptimFixture.assertTensor(tensor, fixture["initial"][name], rtol: 0, atol: 0, name)
        }
    }

    func testFiftyStepsMatchPyTorchsLosses() throws {
        let fixture = try OptimFixture.load()
        let data = fixture["data"]
        var worstLoss = 0.0
        for testCase in fixture["training"].array {
            let name = testCase["name"].string
            let dtype = try FixtureTensor.dtype(named: testCase["dtype"].string)
            let model = try Model(dtype: dtype)
            try GradMode.with(enabled: false) { () throws in
                for (parameterName, tensor) in model.namedParameters {
                    try tensor.copy_(try OptimFixture.tensor(testCase["initial"][parameterName]))
                }
            }
            let x = try OptimFixture.tensor(data["x"]).to(dtype)
            let y = try OptimFixture.tensor(data["y"]).to(dtype)
            let targets = try OptimFixture.tensor(data["targets"])

            let spec = testCase["optimizer"]
            let parameters = model.namedParameters.map(\.tensor)
            var groups = [ParamGroup(params: parameters)]
            if case .array(let groupOptions) = spec["groups"] {
                // Group 0: the first layer with its own options; group 1: the rest with the defaults.
                groups = [ParamGroup(params: Array(parameters[0..<2]), options: OptimFixture.options(groupOptions[0])),
                          ParamGroup(params: Array(parameters[2...]), options: OptimFixture.options(groupOptions[1]))]
            }
            let optimizer = try OptimFixture.optimizer(spec["optimizer"].string, kwargs: spec["kwargs"],
                                                       groups: groups)
            let scheduler = testCase["scheduler"].isNull
                ? nil : try OptimFixture.scheduler(testCase["scheduler"], optimizer: optimizer)

            var losses: [Double] = []
            for step in 0..<50 {
                try optimizer.zeroGrad()
                let value = try loss(testCase["loss"].string, try model(x), y: y, targets: targets)
                try value.backward()
                let rates = try optimizer.paramGroups.map { try XCTUnwrap($0["lr"]?.scalar) }
                OptimFixture.assertNumbers(rates, testCase["lrs"].array[step], "\(name) lr at step \(step)")
                try optimizer.step()
                try scheduler?.step()
                losses.append(try value.item().doubleValue)
            }
            let expected = testCase["losses"].doubles
            let relative = zip(losses, expected).map { Swift.abs($0 - $1) / Swift.max(Swift.abs($1), 1e-30) }
            let worst = relative.max() ?? 0
            worstLoss = Swift.max(worstLoss, worst)
            // Float32 losses printed by PyTorch carry about seven significant digits.
            XCTAssertLessThan(worst, dtype == .float32 ? 2e-6 : 1e-12, "\(name): losses differ by \(worst)")
            for (parameterName, tensor) in model.namedParameters {
                try OptimFixture.assertTensor(tensor, testCase["final"][parameterName],
                                              rtol: dtype == .float32 ? 2e-5 : 1e-10,
                                              atol: dtype == .float32 ? 2e-6 : 1e-12, "\(name) \(parameterName)")
            }
            XCTAssertEqual(optimizer.description, testCase["repr"].string, name)
        }
        print("optim training: worst relative loss difference \(worstLoss)")
    }
}
