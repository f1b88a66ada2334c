import FixtureSupport
import XCTest
@testable import Tensor

final class RecurrentTests: XCTestCase {
    private static let fixtures = Result { try loadFixture("recurrent", as: RecurrentFixtures.self) }

    private func fixtures() throws -> RecurrentFixtures { try Self.fixtures.get() }

    /// Runs a module on `input` from the given states, returning [output, h_n] or [output, h_n, c_n].
    private func run(_ module: RecurrentBase, _ input: Tensor, h0: Tensor?, c0: Tensor?) throws -> [Tensor] {
        switch module {
        case let lstm as LSTM:
            let result = try lstm(input, state: h0.flatMap { h in c0.map { (h, $0) } })
            return [result.output, result.state.h, result.state.c]
        case let gru as GRU:
            let result = try gru(input, hx: h0)
            return [result.output, result.hN]
        case let rnn as RNN:
            let result = try rnn(input, hx: h0)
            return [result.output, result.hN]
        default:
            throw FixtureError.missing("module kind")
        }
    }

    func testParametersAfterManualSeedAreBitIdentical() throws {
        for entry in try fixtures().`init` {
            Generator.default.manualSeed(entry.seed)
            let module = try entry.module.build()
            let named = module.namedParameters()
            XCTAssertEqual(named.map(\.name), entry.parameters.map(\.name), "\(entry.module.mode) seed \(entry.seed)")
            for (actual, expected) in zip(named, entry.parameters) {
                assertTensor(actual.tensor, equals: expected.value, rtol: 0, atol: 0, "\(actual.name)")
                XCTAssertTrue(actual.tensor.isParameter && actual.tensor.requiresGrad)
            }
        }
    }

    func testOutputsStatesAndGradientsMatchPyTorch() throws {
        for (index, entry) in try fixtures().forward.enumerated() {
            Generator.default.manualSeed(entry.seed)
            let module = try entry.module.build().eval()
            let base = try entry.base.tensor()
            var view = base
            switch entry.view {
            case "t": view = try base.transpose(0, 1)
            case "step": view = try base.slice(dim: 0, step: 2)
            default: break
            }
            let x = try view.detach().requiresGrad_()
            let h0 = try entry.h0.map { try $0.tensor().requiresGrad_() }
            let c0 = try entry.c0.map { try $0.tensor().requiresGrad_() }
            let outputs = try run(module, x, h0: h0, c0: c0)
            let label = "case \(index) \(entry.module.mode)"
            let double = x.dtype == .float64
            let (rtol, atol) = double ? (1e-12, 1e-14) : (1e-5, 1e-6)
            for (number, (actual, expected)) in zip(outputs, entry.outputs).enumerated() {
                assertTensor(actual, equals: expected, rtol: rtol, atol: atol, "\(label) output \(number)")
            }
            XCTAssertEqual(outputs.map { $0.gradFn?.name ?? "" }, entry.gradFns, label)
            XCTAssertEqual(outputs[0].strides, entry.outputStrides, label)
            try recurrentLoss(outputs).backward()
            assertTensor(x.grad, equals: try XCTUnwrap(entry.grads["input"]), rtol: rtol, atol: atol, "\(label) dx")
            if let h0 { assertTensor(h0.grad, equals: try XCTUnwrap(entry.grads["h0"]), rtol: rtol, atol: atol) }
            if let c0 { assertTensor(c0.grad, equals: try XCTUnwrap(entry.grads["c0"]), rtol: rtol, atol: atol) }
            for (name, parameter) in module.namedParameters() {
                assertTensor(parameter.grad, equals: try XCTUnwrap(entry.grads[name]), rtol: rtol, atol: atol,
                             "\(label) d\(name)")
            }
        }
    }

    func testHandWrittenBackwardMatchesFiniteDifferences() throws {
        let modules: [(RecurrentBase, [Int], Bool)] = [
            (try RNN(3, 4, numLayers: 2, bidirectional: true, dtype: .float64), [4, 2, 3], false),
            (try RNN(3, 4, nonlinearity: "relu", batchFirst: true, dtype: .float64), [2, 4, 3], false),
            (try GRU(3, 4, numLayers: 2, bidirectional: true, dtype: .float64), [4, 2, 3], false),
            (try GRU(3, 4, bias: false, batchFirst: true, dtype: .float64), [2, 3, 3], false),
            (try LSTM(3, 4, numLayers: 2, bidirectional: true, dtype: .float64), [3, 2, 3], true),
            (try LSTM(3, 5, batchFirst: true, bidirectional: true, projSize: 2, dtype: .float64), [2, 3, 3], true),
        ]
        for (module, shape, lstm) in modules {
            Generator.default.manualSeed(3)
            let x = try Tensor.randn(shape, dtype: .float64)
            let states = module.numLayers * module.numDirections
            let batch = shape[module.batchFirst ? 0 : 1]
            let h0 = try Tensor.randn([states, batch, module.outputSize], dtype: .float64)
            let c0 = try Tensor.randn([states, batch, module.hiddenSize], dtype: .float64)
            let parameters = module.parameters()
            let inputs = [x, h0] + (lstm ? [c0] : []) + parameters
            try assertGradientsMatchFiniteDifferences(inputs, rtol: 1e-5, atol: 1e-7) { values in
                let outputs = try self.run(module, values[0], h0: values[1], c0: lstm ? values[2] : nil)
                return try Tensor.cat(outputs.map { try $0.flatten() })
            }
        }
    }

    func testSeedDocumentToyModelLogitsAndLoss() throws {
        for entry in try fixtures().toy {
            Generator.default.manualSeed(entry.seed)
            let x = try Tensor.randint(high: 10, shape: [2, 6])
            XCTAssertEqual(x.doubles, try entry.x.tensor().doubles)
            // Embedding(10, 16): a normal_-initialised table, looked up with index_select.
            let table = try Tensor.parameter(try Tensor.empty([10, 16]))
            try Init.normal_(table)
            let rnn = try GRU(16, 16, batchFirst: true)
            let fc = try Linear(16, 10)
            let prefix = try x.slice(dim: 1, end: -1)
            let embedded = try table.indexSelect(dim: 0, index: prefix.reshape([-1])).view([2, 5, 16])
            let (out, _) = try rnn(embedded, hx: nil)
            XCTAssertEqual(out.gradFn?.name, entry.outGradFn)
            let logits = try fc(out)
            assertTensor(logits, equals: entry.logits, rtol: 1e-5, atol: 1e-6, "seed \(entry.seed)")
            let logProbs = try logits.logSoftmax(dim: -1).reshape([-1, 10])
            let target = try x.slice(dim: 1, start: 1).reshape([-1, 1])
            let nll = try logProbs.gather(dim: 1, index: target).mean().neg()
            XCTAssertEqual(try nll.item().doubleValue, entry.nll, accuracy: 1e-6)
            try nll.backward()
            assertTensor(rnn.parameter("weight_hh_l0")?.grad, equals: entry.weightHHGrad, rtol: 1e-5, atol: 1e-6)
        }
    }

    func testErrorsMatchPyTorch() throws {
        for entry in try fixtures().errors {
            let label = "\(entry.module.mode) \(entry.input?.shape ?? []) -> \(entry.error.message)"
            do {
                let module = try entry.module.build()
                guard let shaped = entry.input else {
                    XCTFail("constructed: \(label)")
                    continue
                }
                func make(_ shaped: RecurrentFixtures.Shaped?) throws -> Tensor? {
                    guard let shaped else { return nil }
                    let dtype = try FixtureTensor.dtype(named: shaped.dtype ?? "float32")
                    return try Tensor.zeros(shaped.shape, dtype: dtype)
                }
                _ = try run(module, try XCTUnwrap(make(shaped)), h0: try make(entry.h), c0: try make(entry.c))
                XCTFail("no error: \(label)")
            } catch let error as ModuleError {
                XCTAssertEqual(error.message, entry.error.message, label)
                XCTAssertEqual(error.kind.rawValue, entry.error.type, label)
            } catch let error as TensorError {
                XCTAssertEqual(error.message, entry.error.message, label)
                XCTAssertEqual(error.kind.rawValue, entry.error.type, label)
            }
        }
    }

    func testPrintedModulesParameterNamesAndWarnings() throws {
        for entry in try fixtures().reprs {
            let module = try entry.module.build()
            XCTAssertEqual(module.description, entry.repr)
            XCTAssertEqual(module.namedParameters().map(\.name), entry.names)
            XCTAssertEqual(module.constructionWarning.map { [$0] } ?? [], entry.warnings, entry.repr)
        }
        XCTAssertEqual(try RNN(4, 8, nonlinearity: "relu").nonlinearity, "relu")
        let lstm = try LSTM(2, 3, numLayers: 2, bidirectional: true, projSize: 1)
        XCTAssertEqual(lstm.allWeights.map { $0.map(\.shape) },
                       Array(repeating: [[12, 2], [12, 1], [12], [12], [1, 3]], count: 4))
    }
}
