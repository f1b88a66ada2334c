import FixtureSupport
import XCTest
@testable import Tensor

/// The seed document's toy autoregressive model, built from Attend's modules exactly as the script builds it from
/// PyTorch's: an embedding, a batch-first GRU and a linear read-out, registered in that order.
private final class ToyARModel: Module {
    init(vocabSize: Int, hiddenDim: Int = 16) throws {
        super.init()
        try registerModule("embed", try Embedding(vocabSize, hiddenDim))
        try registerModule("rnn", try GRU(hiddenDim, hiddenDim, batchFirst: true))
        try registerModule("fc", try Linear(hiddenDim, vocabSize))
    }

    override var typeName: String { "ToyARModel" }

    override func forward(_ input: Tensor) throws -> Tensor {
        guard let embed = submodule("embed"), let rnn = submodule("rnn") as? GRU, let fc = submodule("fc") else {
            throw ModuleError.missingForward(module: typeName)
        }
        let (out, _) = try rnn(try embed(input), hx: nil)
        return try fc(out)
    }
}

/// Training runs compared step by step with PyTorch's printed losses (Fixtures/training.json).
final class TrainingTests: XCTestCase {
    private struct Run: Decodable {
        let seed: Int
        let optimizer: String
        let sequence: FixtureTensor
        let losses: [Double]
        let final_fc_weight: FixtureTensor
    }

    private struct Runs: Decodable { let runs: [Run] }

    func testToyAutoregressiveModelTrainsLikePyTorch() throws {
        let runs = try loadFixture("training", as: Runs.self).runs
        XCTAssertEqual(runs.count, 2)
        for run in runs {
            Generator.default.manualSeed(run.seed)
            let vocabSize = 10
            let model = try ToyARModel(vocabSize: vocabSize)
            let sequence = try run.sequence.tensor()
            let optimizer: Optimizer = run.optimizer == "adam"
                ? try Adam(model.parameters(), lr: 0.01)
                : try SGD(model.parameters(), lr: 0.5, momentum: 0.9)
            let inputs = try sequence.slice(dim: 1, end: -1)
            let targets = try sequence.slice(dim: 1, start: 1).reshape([-1])
            var losses: [Double] = []
            for _ in run.losses {
                let logits = try model(inputs)
                let loss = try Functional.crossEntropy(logits.reshape([-1, vocabSize]), targets)
                try optimizer.zeroGrad()
                try loss.backward()
                try optimizer.step()
                losses.append(try loss.item().doubleValue)
            }
            // Printed precision: Python shows the float32 loss as a double; ~1e-6 relative tracks it through training.
            assertClose(losses, run.losses, rtol: 2e-5, atol: 1e-6, "\(run.optimizer) losses")
            assertTensor(model.submodule("fc")?.parameter("weight"), equals: run.final_fc_weight, rtol: 1e-4,
                         atol: 1e-5, "final read-out weights")
        }
    }
}
