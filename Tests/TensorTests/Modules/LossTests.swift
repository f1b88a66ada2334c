import FixtureSupport
import XCTest
@testable import Tensor

/// The losses against PyTorch 2.13 (`losses.json`) and against finite differences.
final class LossTests: XCTestCase {
    private func fixtures() throws -> LossFixtures { try LossFixtures.shared.get() }

    /// Float32 values may differ from PyTorch's in the last bits (sums accumulate differently, `exp` and `log` are
    /// not SLEEF's); float64 ones agree to far more digits, unless a float32 operand limited their precision.
    private func tolerance(_ expected: FixtureTensor, operands: [Tensor]) -> (rtol: Double, atol: Double) {
        let single = expected.dtype != "float64" || operands.contains { $0.dtype == .float32 }
        return single ? (2e-6, 2e-7) : (1e-10, 1e-12)
    }

    func testFixtureCasesMatchPyTorch() throws {
        let fixtures = try fixtures()
        XCTAssertGreaterThan(fixtures.cases.count, 300)
        for fixture in fixtures.cases {
            let label = fixture.label
            let (inputBase, input) = try fixtures.materialize(fixture.input)
            let (targetBase, target) = try fixtures.materialize(fixture.target)
            let out: Tensor
            do {
                out = try applyLoss(fixture.op, input, target, fixture.kw)
            } catch {
                XCTFail("\(label) threw \(error)")
                continue
            }
            let operands = [input, target] + (try ["weight", "pos_weight"].compactMap { try fixture.kw.tensor($0) })
            let (rtol, atol) = tolerance(fixture.out, operands: operands)
            assertTensor(out, equals: fixture.out, rtol: rtol, atol: atol, label)
            XCTAssertEqual(out.gradFn?.name, fixture.gradFn, label)
            guard out.requiresGrad else { continue }
            do {
                try out.mul(try lossFixtureWeights(out)).sum().backward()
            } catch {
                XCTFail("\(label) backward threw \(error)")
                continue
            }
            if let expected = fixture.gradInput {
                let (rtol, atol) = tolerance(expected, operands: operands)
                assertTensor(inputBase.grad, equals: expected, rtol: rtol, atol: atol, "grad input of \(label)")
            }
            if let expected = fixture.gradTarget {
                let (rtol, atol) = tolerance(expected, operands: operands)
                assertTensor(targetBase.grad, equals: expected, rtol: rtol, atol: atol, "grad target of \(label)")
            }
        }
    }

    /// The NLL loss follows PyTorch's CPU kernel step for step, cascade summation included, so its float32 results
    /// are PyTorch's bits.
    func testNLLLossIsBitExact() throws {
        let fixtures = try fixtures()
        var checked = 0
        for fixture in fixtures.cases where fixture.op == "nll_loss" {
            let (_, input) = try fixtures.materialize(fixture.input)
            let (_, target) = try fixtures.materialize(fixture.target)
            let out = try applyLoss(fixture.op, input, target, fixture.kw)
            // Python writes every NaN as "nan", so NaNs are compared as NaNs, everything else bit for bit.
            func bits(_ values: [Double]) -> [UInt64?] { values.map { $0.isNaN ? nil : $0.bitPattern } }
            XCTAssertEqual(bits(out.doubles), bits(fixture.out.values.map(\.double)), fixture.label)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50)
    }

    func testLargeSeededNLLReductionsAreBitExact() throws {
        for large in try fixtures().large {
            Generator.default.manualSeed(large.seed)
            let input = try Tensor.randn(large.shape)
            let classes = large.shape[1]
            let target = try Tensor.randint(high: Int64(classes), shape: [large.shape[0]] + large.shape.dropFirst(2))
            let flat = target.pointer(as: Int64.self)
            for i in stride(from: 0, to: target.count, by: 13) { flat[i] = -100 }
            let weight = large.weighted ? try Tensor.rand([classes]) : nil
            let out = try Functional.nllLoss(input, target, weight: weight, reduction: large.reduction)
            XCTAssertEqual(try out.item().doubleValue.bitPattern, large.out.double.bitPattern, "seed \(large.seed)")
        }
    }

    func testFixtureErrorsMatchPyTorch() throws {
        let fixtures = try fixtures()
        for fixture in fixtures.errors {
            let label = "\(fixture.op) \(fixture.kw) -> \(fixture.error.message)"
            let (_, input) = try fixtures.materialize(fixture.input)
            let (_, target) = try fixtures.materialize(fixture.target)
            do {
                let out = try applyLoss(fixture.op, input, target, fixture.kw)
                guard fixture.backward == true else {
                    XCTFail("expected \(label)")
                    continue
                }
                try out.sum().backward()
                XCTFail("expected backward error \(label)")
            } catch let error as TensorError {
                XCTAssertEqual(error.message, fixture.error.message, label)
                XCTAssertEqual(error.kind.rawValue, fixture.error.type, label)
            }
        }
    }

    /// The nodes each loss records, four levels deep: composite losses are composed of the ops PyTorch composes
    /// them of, with its C++ `Tensor * Scalar` names (`MulBackward1`, `DivBackward1`) where it multiplies by numbers.
    func testAutogradGraphsMatchPyTorch() throws {
        let fixtures = try fixtures()
        for fixture in fixtures.chains {
            let (_, input) = try fixtures.materialize(fixture.input)
            let (_, target) = try fixtures.materialize(fixture.target)
            let out = try applyLoss(fixture.op, input, target, fixture.kw)
            XCTAssertEqual(describeGraph(out.gradFn, depth: 4), fixture.chain, "\(fixture.op) \(fixture.kw)")
        }
    }

    /// The seed document's first cell: `log_softmax`, then `nll_loss` of the flattened batch, `.item()` printed.
    func testSeedDocumentNegativeLogLikelihood() throws {
        for seed in try fixtures().seeds {
            Generator.default.manualSeed(seed.seed)
            let logits = try Tensor.randn([2, 5, 10]).requiresGrad_()
            let target = try Tensor.randint(high: 10, shape: [2, 5])
            assertTensor(logits, equals: seed.logits, rtol: 0, atol: 0, "logits of seed \(seed.seed)")
            assertTensor(target, equals: seed.target, rtol: 0, atol: 0, "target of seed \(seed.seed)")
            let logProbs = try logits.logSoftmax(dim: -1)
            let nll = try Functional.nllLoss(logProbs.reshape([-1, 10]), target.reshape([-1]), reduction: "mean")
            XCTAssertEqual(nll.gradFn?.name, seed.gradFn)
            let value = try nll.item().doubleValue
            // `.item()` of a float32 loss is that float widened: agree to float32 precision with what Python printed.
            XCTAssertEqual(Float(value), Float(seed.nll), accuracy: 2 * Float(seed.nll).ulp, "seed \(seed.seed)")
            XCTAssertEqual(value.pythonRepr, seed.printed, "seed \(seed.seed)")
            try nll.backward()
            assertTensor(logits.grad, equals: seed.grad, rtol: 1e-5, atol: 1e-7, "grad of seed \(seed.seed)")
        }
    }

    func testModulesMatchPyTorch() throws {
        let fixtures = try fixtures()
        for fixture in fixtures.modules {
            let module = try makeLossModule(fixture.name, fixture.kw)
            XCTAssertEqual(module.description, fixture.repr)
            XCTAssertEqual(module.typeName, fixture.name)
            XCTAssertEqual(module.reduction, fixture.reduction, fixture.name)
            XCTAssertEqual(module.stateDict().map(\.name), fixture.stateDict, fixture.name)
            XCTAssertEqual(module.bufferSlots.entries.map(\.name), fixture.buffers, fixture.name)
            let (inputBase, input) = try fixtures.materialize(fixture.input)
            let (_, target) = try fixtures.materialize(fixture.target)
            let out = try module(input, target)
            assertTensor(out, equals: fixture.out, rtol: 2e-5, atol: 1e-6, fixture.name)
            XCTAssertEqual(out.gradFn?.name, fixture.gradFn, fixture.name)
            try out.mul(try lossFixtureWeights(out)).sum().backward()
            assertTensor(inputBase.grad, equals: fixture.gradInput, rtol: 2e-5, atol: 1e-6, fixture.name)
        }
    }

    func testModuleErrorsMatchPyTorch() throws {
        let input = try Tensor.randn([3, 4])
        for fixture in try fixtures().moduleErrors {
            let module = try makeLossModule(fixture.name, fixture.kw)
            XCTAssertThrowsError(fixture.kw.isEmpty ? try module(input) : try module(input, input)) { error in
                let (message, kind) = (error as? ModuleError).map { ($0.message, $0.kind) }
                    ?? (error as? TensorError).map { ($0.message, $0.kind) } ?? ("\(error)", .runtimeError)
                XCTAssertEqual(message, fixture.error.message)
                XCTAssertEqual(kind.rawValue, fixture.error.type)
            }
        }
    }

    /// Class weights may require grad under `no_grad`; the tensors a backward needs are checked for in-place
    /// writes, with PyTorch's message.
    func testWeightsUnderNoGradAndSavedTensorVersions() throws {
        let logits = try Tensor.randn([4, 5]).requiresGrad_()
        let target = try Tensor([1, 0, 4, 2] as [Int64])
        let weight = try Tensor.ones([5]).requiresGrad_()
        XCTAssertNoThrow(try GradMode.with(enabled: false) {
            _ = try Functional.nllLoss(logits, target, weight: weight)
            _ = try Functional.binaryCrossEntropyWithLogits(logits, logits.sigmoid(), posWeight: weight)
        })
        let loss = try Functional.nllLoss(logits, target)
        try target.select(dim: 0, index: 0).fill_(.int(3))
        assertTensorError("one of the variables needed for gradient computation has been modified by an inplace "
            + "operation: [torch.LongTensor [4]] is at version 1; expected version 0 instead. Hint: enable anomaly "
            + "detection to find the operation that failed to compute its gradient, with "
            + "torch.autograd.set_detect_anomaly(True, check_nan=False).") { try loss.backward() }
        let probabilities = try Tensor((0..<20).map { 0.05 + Double($0) * 0.045 }, shape: [4, 5]).float()
            .requiresGrad_()
        let bce = try Functional.binaryCrossEntropy(probabilities, try Tensor.rand([4, 5]))
        try GradMode.with(enabled: false) { _ = try probabilities.mul_(Tensor.wrapping(.float(0.5))) }
        assertTensorError("one of the variables needed for gradient computation has been modified by an inplace "
            + "operation: [torch.FloatTensor [4, 5]] is at version 1; expected version 0 instead. Hint: enable anomaly "
            + "detection to find the operation that failed to compute its gradient, with "
            + "torch.autograd.set_detect_anomaly(True, check_nan=False).") { try bce.backward() }
    }

    /// Odd arguments are thrown as errors (or computed), never trapped on.
    func testOddArgumentsDoNotTrap() throws {
        let logits = try Tensor.randn([4, 5])
        let extremes = try Tensor([Int64.min, Int64.max, 0, -100] as [Int64])
        let calls: [() throws -> Tensor] = [
            { try Functional.nllLoss(logits, extremes) },
            { try Functional.nllLoss(logits, extremes, ignoreIndex: Int.min, reduction: "none") },
            { try Functional.crossEntropy(logits, extremes, labelSmoothing: 0.5) },
            { try Functional.nllLoss(try Tensor.zeros([4, 0]), try Tensor.full([4], .int(-100), dtype: .int64)) },
            { try Functional.crossEntropy(try Tensor.zeros([4, 0]), try Tensor.full([4], .int(-100), dtype: .int64),
                                          labelSmoothing: 0.5) },
            { try Functional.crossEntropy(try Tensor.zeros([0, 0]), try Tensor.zeros([0, 0]), labelSmoothing: 0.5) },
            { try Functional.nllLoss(try Tensor.zeros([2, 3, 0, 4]), try Tensor.zeros([2, 0, 4], dtype: .int64)) },
            { try Functional.nllLoss(logits, try Tensor([1, 2, 3, 4] as [Int64]), weight: try Tensor.zeros([0])) },
            { try Functional.crossEntropy(logits, try Tensor.rand([4, 5]), weight: try Tensor.zeros([])) },
            { try Functional.binaryCrossEntropy(try Tensor.zeros([]), try Tensor.zeros([]),
                                                weight: try Tensor.ones([7])) },
            { try Functional.binaryCrossEntropyWithLogits(logits, logits, posWeight: try Tensor.ones([1, 1, 1, 5])) },
            { try Functional.huberLoss(logits, logits, delta: .nan) },
            { try Functional.smoothL1Loss(logits, logits, beta: .nan) },
            { try Functional.klDiv(try Tensor.zeros([]), try Tensor.zeros([]), reduction: "batchmean") },
        ]
        for call in calls {
            do {
                _ = try call()
            } catch is TensorError {
                continue
            }
        }
    }

    func testModulesReadTheirSettingsAtCallTime() throws {
        let loss = try CrossEntropyLoss()
        let logits = try Tensor([0.5, -1, 2, 0.25, 0, 1] as [Float], shape: [2, 3])
        let target = try Tensor([2, 0] as [Int64])
        let mean = try loss(logits, target).item().doubleValue
        loss.reduction = "sum"
        XCTAssertEqual(try loss(logits, target).item().doubleValue, 2 * mean, accuracy: 1e-6)
        loss.reduction = "bogus"
        assertTensorError("bogus is not a valid value for reduction") { try loss(logits, target) }
        let weighted = try NLLLoss(weight: try Tensor([1, 1, 1] as [Float]))
        try weighted.loadStateDict([("weight", try Tensor([0, 0, 2] as [Float]))])
        let loaded = try weighted(logits, target)
        XCTAssertEqual(try loaded.item().doubleValue, -2, accuracy: 1e-6)
    }
}

/// The hand-written backwards against central finite differences in float64.
final class LossGradientTests: XCTestCase {
    private func normal(_ shape: [Int], scale: Double = 1, seed: UInt64) throws -> Tensor {
        Generator.default.manualSeed(seed)
        return try Tensor.randn(shape, dtype: .float64).mul(Tensor.wrapping(.float(scale))).detach()
    }

    private func uniform(_ shape: [Int], low: Double, high: Double, seed: UInt64) throws -> Tensor {
        Generator.default.manualSeed(seed)
        return try Tensor.rand(shape, dtype: .float64).mul(Tensor.wrapping(.float(high - low)))
            .add(Tensor.wrapping(.float(low))).detach()
    }

    func testNLLLossGradients() throws {
        let target = try Tensor([1, 0, -100, 4, 1] as [Int64])
        let weight = try Tensor([0.5, 1.5, 1, 2, 0.75] as [Double])
        for reduction in ["none", "mean", "sum"] {
            try assertGradientsMatchFiniteDifferences([try normal([5, 5], seed: 1)]) {
                try Functional.nllLoss($0[0], target, weight: weight, reduction: reduction)
            }
            let spatialTarget = try Tensor([0, 2, 1, -100, 2, 2, 1, 0, 0, 1, 2, 1] as [Int64], shape: [2, 3, 2])
            try assertGradientsMatchFiniteDifferences([try normal([2, 3, 3, 2], seed: 2)]) {
                try Functional.nllLoss($0[0], spatialTarget, weight: try Tensor([1, 2, 0.5] as [Double]),
                                       reduction: reduction)
            }
            try assertGradientsMatchFiniteDifferences([try normal([2, 3, 4], seed: 3)]) {
                try Functional.nllLoss($0[0], try Tensor([0, 2, 1, 1, 2, 0, 1, 2] as [Int64], shape: [2, 4]),
                                       ignoreIndex: 1, reduction: reduction)
            }
        }
    }

    func testCrossEntropyGradients() throws {
        let target = try Tensor([1, 0, -100, 4] as [Int64])
        let weight = try Tensor([0.5, 1.5, 1, 2, 0.75] as [Double])
        for reduction in ["none", "mean", "sum"] {
            for smoothing in [0, 0.2] {
                try assertGradientsMatchFiniteDifferences([try normal([4, 5], seed: 4)]) {
                    try Functional.crossEntropy($0[0], target, weight: weight, reduction: reduction,
                                                labelSmoothing: smoothing)
                }
            }
            let logits = try normal([2, 4, 3], seed: 5)
            let probabilities = try uniform([2, 4, 3], low: 0, high: 1, seed: 6)
            try assertGradientsMatchFiniteDifferences([logits, probabilities]) {
                try Functional.crossEntropy($0[0], $0[1], weight: try Tensor([1, 2, 0.5, 1.5] as [Double]),
                                            reduction: reduction, labelSmoothing: 0.1)
            }
        }
    }

    func testRegressionLossGradients() throws {
        for reduction in ["none", "mean", "sum"] {
            let x = try normal([3, 4], seed: 7)
            let y = try normal([4], seed: 8)
            try assertGradientsMatchFiniteDifferences([x, y]) {
                try Functional.mseLoss($0[0], $0[1], reduction: reduction)
            }
            try assertGradientsMatchFiniteDifferences([x, y]) {
                try Functional.l1Loss($0[0], $0[1], reduction: reduction)
            }
            // Scaled so that no difference sits near the kinks at +-beta and +-delta.
            try assertGradientsMatchFiniteDifferences([x, y]) {
                try Functional.smoothL1Loss($0[0], $0[1], reduction: reduction, beta: 0.8)
            }
            try assertGradientsMatchFiniteDifferences([x, y]) {
                try Functional.huberLoss($0[0], $0[1], reduction: reduction, delta: 0.9)
            }
        }
    }

    func testBinaryCrossEntropyGradients() throws {
        for reduction in ["none", "mean", "sum"] {
            let p = try uniform([3, 4], low: 0.05, high: 0.95, seed: 9)
            let t = try uniform([3, 4], low: 0, high: 1, seed: 10)
            try assertGradientsMatchFiniteDifferences([p, t]) {
                try Functional.binaryCrossEntropy($0[0], $0[1], weight: try Tensor([1, 2, 0.5, 3] as [Double]),
                                                  reduction: reduction)
            }
            let logits = try normal([3, 4], scale: 3, seed: 11)
            try assertGradientsMatchFiniteDifferences([logits, t]) {
                try Functional.binaryCrossEntropyWithLogits(
                    $0[0], $0[1], weight: try Tensor([0.5, 1, 2] as [Double], shape: [3, 1]), reduction: reduction,
                    posWeight: try Tensor([1, 2, 0.5, 3] as [Double]))
            }
            try assertGradientsMatchFiniteDifferences([logits, t]) {
                try Functional.binaryCrossEntropyWithLogits($0[0], $0[1], reduction: reduction)
            }
        }
    }

    func testKLDivergenceGradients() throws {
        let input = try normal([3, 4], seed: 12).logSoftmax(dim: 1).detach()
        let target = try uniform([3, 4], low: 0.1, high: 1, seed: 13)
        for reduction in ["none", "mean", "sum", "batchmean"] {
            try assertGradientsMatchFiniteDifferences([input, target]) {
                try Functional.klDiv($0[0], $0[1], reduction: reduction)
            }
            try assertGradientsMatchFiniteDifferences([input, target]) {
                try Functional.klDiv($0[0], $0[1], reduction: reduction, logTarget: true)
            }
        }
    }

    /// With `create_graph`, the hand-written backwards are composed of differentiable ops, so gradients of
    /// gradients work.
    func testSecondOrderGradients() throws {
        let losses: [(Tensor) throws -> Tensor] = [
            { try Functional.crossEntropy($0, try Tensor([1, 0, -100, 2] as [Int64]), labelSmoothing: 0.1) },
            { try Functional.nllLoss($0.logSoftmax(dim: 1), try Tensor([1, 0, 3, 2] as [Int64]), reduction: "none") },
            { try Functional.mseLoss($0, try Tensor.zeros([4, 4], dtype: .float64)) },
            { try Functional.smoothL1Loss($0, try Tensor.zeros([4, 4], dtype: .float64), beta: 2) },
            { try Functional.binaryCrossEntropy($0.sigmoid(), try Tensor.full([4, 4], .float(0.3), dtype: .float64)) },
            { try Functional.binaryCrossEntropyWithLogits(
                $0, try Tensor.full([4, 4], .float(0.3), dtype: .float64),
                posWeight: try Tensor([1, 2, 3, 0.5] as [Double])) },
        ]
        for loss in losses {
            let x = try normal([4, 4], seed: 14)
            try assertGradientsMatchFiniteDifferences([x]) { inputs in
                try GradMode.with(enabled: true) {
                    let first = try SoftmaxTests.gradient(of: loss(inputs[0]).sum(), withRespectTo: inputs[0])
                    return try first.mul(first)
                }
            }
        }
    }
}
