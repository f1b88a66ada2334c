import FixtureSupport
import Foundation
import XCTest
@testable import Tensor

final class AttentionTests: XCTestCase {
    // MARK: F.scaled_dot_product_attention

    private func runSDPA(_ inputs: [Tensor?], _ args: [String: FixtureValue]) throws -> Tensor {
        guard let query = inputs[0], let key = inputs[1], let value = inputs[2] else {
            throw FixtureError.missing("q, k, v")
        }
        return try Functional.scaledDotProductAttention(
            query, key, value, attnMask: inputs[3], dropoutP: args.double("dropout_p") ?? 0,
            isCausal: args.bool("is_causal") ?? false, scale: args["scale"].flatMap { $0.doubleValue },
            enableGQA: args.bool("enable_gqa") ?? false)
    }

    func testScaledDotProductAttentionMatchesPyTorch() throws {
        let fixtures = try AttentionFixtures.shared.get()
        for c in fixtures.sdpa {
            let inputs = try zip(c.inputs, c.requires).map { input, requires in
                try input?.tensor(requiresGrad: requires)
            }
            let out = try runSDPA(inputs, c.args)
            let (rtol, atol) = attentionTolerance(c.out.dtype)
            assertTensor(out, equals: c.out, rtol: rtol, atol: atol, c.name)
            XCTAssertEqual(out.gradFn?.name, c.gradFn, "grad_fn of \(c.name)")
            guard let expectedGrads = c.grads else { continue }
            try fixtureLoss([out]).backward()
            for (index, (input, expected)) in zip(inputs, expectedGrads).enumerated() {
                guard let expected else { continue }
                assertTensor(input?.grad, equals: expected, rtol: rtol, atol: atol, "grad \(index) of \(c.name)")
            }
        }
    }

    func testScaledDotProductAttentionErrorsMatchPyTorch() throws {
        for c in try AttentionFixtures.shared.get().sdpaErrors {
            let inputs = try c.inputs.map { try $0?.tensor() }
            do {
                _ = try runSDPA(inputs, c.args)
                XCTFail("\(c.name): expected \(c.error.type): \(c.error.message)")
            } catch let error as TensorError {
                XCTAssertEqual(error.message, c.error.message, c.name)
                XCTAssertEqual(error.kind.rawValue, c.error.type, c.name)
            }
        }
    }

    /// The fused kernel's hand-written backward against central differences, through every feature it has.
    func testFusedBackwardMatchesFiniteDifferences() throws {
        func leaves(_ shapes: [[Int]], seed: Double) throws -> [Tensor] {
            try shapes.enumerated().map { index, shape in
                let count = shape.reduce(1, *)
                let values = (0..<count).map { sin(Double($0) * 1.3 + Double(index) * 0.7 + seed) * 1.5 }
                return try Tensor(values, shape: shape)
            }
        }
        let boolMask = try Tensor((0..<20).map { $0 % 3 != 1 ? 1.0 : 0.0 }, shape: [4, 5]).to(.bool)
        let floatMask = try Tensor((0..<20).map { cos(Double($0)) }, shape: [4, 5]).to(.float64)
        let configurations: [(String, [[Int]], Tensor?, Bool, Double?, Bool)] = [
            ("plain", [[2, 2, 4, 3], [2, 2, 5, 3], [2, 2, 5, 3]], nil, false, nil, false),
            ("bool mask", [[1, 2, 4, 3], [1, 2, 5, 3], [1, 2, 5, 3]], boolMask, false, nil, false),
            ("float mask causal", [[1, 2, 4, 3], [1, 2, 5, 3], [1, 2, 5, 3]], floatMask, true, 0.7, false),
            ("causal long", [[1, 1, 7, 2], [1, 1, 3, 2], [1, 1, 3, 2]], nil, true, nil, false),
            ("grouped heads", [[1, 4, 3, 2], [1, 2, 5, 2], [1, 2, 5, 2]], nil, false, nil, true),
        ]
        for (label, shapes, mask, causal, scale, gqa) in configurations {
            let inputs = try leaves(shapes, seed: Double(label.count))
            try assertGradientsMatchFiniteDifferences(inputs) { x in
                let out = try Functional.scaledDotProductAttention(
                    x[0], x[1], x[2], attnMask: mask, isCausal: causal, scale: scale, enableGQA: gqa)
                if GradMode.isEnabled {
                    XCTAssertEqual(out.gradFn?.name, "ScaledDotProductFlashAttentionForCpuBackward0", label)
                }
                return out
            }
        }
    }

    /// Blocks of query rows: a problem larger than one block gives the same answer as the composed math path.
    func testFusedKernelBlocksAgreeWithComposedPath() throws {
        Generator.default.manualSeed(7)
        let q = try Tensor.randn([1, 2, 300, 8], dtype: .float64)
        let k = try Tensor.randn([1, 2, 1100, 8], dtype: .float64)
        let v = try Tensor.randn([1, 2, 1100, 5], dtype: .float64)
        for causal in [false, true] {
            let fused = try Functional.scaledDotProductAttention(q, k, v, isCausal: causal)
            // A 3-D view with grad recording takes the composed path.
            let (q3, k3, v3) = (try q.squeeze(0).detach(), try k.squeeze(0).detach(), try v.squeeze(0).detach())
            try q3.requiresGrad_()
            let composed = try Functional.scaledDotProductAttention(q3, k3, v3, isCausal: causal)
            XCTAssertEqual(composed.gradFn?.name, "UnsafeViewBackward0")
            assertClose(fused.doubles, composed.doubles, rtol: 1e-10, atol: 1e-12, "causal \(causal)")
        }
    }

    func testDoubleBackwardThroughFusedKernelFailsAsInPyTorch() throws {
        let q = try Tensor.ones([1, 1, 2, 2]).requiresGrad_()
        let k = try Tensor.ones([1, 1, 3, 2]).requiresGrad_()
        let v = try Tensor.ones([1, 1, 3, 2]).requiresGrad_()
        let out = try Functional.scaledDotProductAttention(q, k, v)
        try out.sum().backward(createGraph: true)
        XCTAssertEqual(q.grad?.gradFn?.name, "NotImplemented")
        let message = "derivative for aten::_scaled_dot_product_flash_attention_for_cpu_backward is not implemented"
        assertTensorError(message) {
            try q.grad?.sum().backward()
        }
    }

    /// Dropout inside attention: each weight zeroed with probability p, the rest scaled by 1/(1-p), so the output's
    /// mean over many draws is the dropout-free output.
    func testDropoutIsStatisticallyRight() throws {
        Generator.default.manualSeed(3)
        let q = try Tensor.randn([1, 1, 2, 4])
        let k = try Tensor.randn([1, 1, 6, 4])
        let v = try Tensor.ones([1, 1, 6, 1])
        // With v all ones, each output is the sum of the row's kept, rescaled weights.
        var total = 0.0
        var zeros = 0
        let draws = 4000
        for _ in 0..<draws {
            let out = try Functional.scaledDotProductAttention(q, k, v, dropoutP: 0.25)
            XCTAssertNil(out.gradFn)
            total += out.doubles.reduce(0, +)
            zeros += out.doubles.filter { $0 == 0 }.count
        }
        XCTAssertEqual(total / Double(2 * draws), 1, accuracy: 0.02)
        // A row is all zeros only when all six weights drop: 0.25^6 of the time.
        XCTAssertLessThan(zeros, 10)
        let withGrad = try Functional.scaledDotProductAttention(try q.requiresGrad_(), k, v, dropoutP: 0.25)
        XCTAssertEqual(withGrad.gradFn?.name, "UnsafeViewBackward0")
    }

    // MARK: nn.MultiheadAttention

    static func makeMultiheadAttention(_ ctor: [String: FixtureValue]) throws -> MultiheadAttention {
        try MultiheadAttention(
            ctor.int("embed_dim") ?? 0, ctor.int("num_heads") ?? 0, dropout: ctor.double("dropout") ?? 0,
            bias: ctor.bool("bias") ?? true, addBiasKV: ctor.bool("add_bias_kv") ?? false,
            addZeroAttn: ctor.bool("add_zero_attn") ?? false, kdim: ctor.int("kdim"), vdim: ctor.int("vdim"),
            batchFirst: ctor.bool("batch_first") ?? false, dtype: ctor["dtype"]?.dtype ?? .float32)
    }

    /// Seeded construction draws PyTorch's exact parameters, and the module prints as PyTorch prints it.
    func testMultiheadAttentionInitialisationIsBitIdentical() throws {
        for (index, spec) in try AttentionFixtures.shared.get().mhaInits.enumerated() {
            Generator.default.manualSeed(spec.seed)
            let module = try Self.makeMultiheadAttention(spec.ctor)
            assertState(module, equals: spec.state, "init \(index)")
            XCTAssertEqual(module.description, spec.repr)
            XCTAssertEqual(module.namedParameters().map(\.name), spec.namedParameters)
        }
    }

    func testMultiheadAttentionMatchesPyTorch() throws {
        let fixtures = try AttentionFixtures.shared.get()
        for c in fixtures.mha {
            let spec = fixtures.mhaInits[c.`init`]
            Generator.default.manualSeed(spec.seed)
            let module = try Self.makeMultiheadAttention(spec.ctor)
            if c.mode == "eval" { module.eval() }
            var made: [String: Tensor] = [:]
            for name in ["q", "k", "v"] {
                switch c.inputs[name] {
                case .tensor(let input)?: made[name] = try input.tensor(requiresGrad: c.inputsRequireGrad)
                case .alias(let other)?: made[name] = made[other]
                case nil: throw FixtureError.missing(name)
                }
            }
            func mask(_ name: String) throws -> Tensor? {
                if case .tensor(let input)? = c.inputs[name] { return try input.tensor() }
                return nil
            }
            guard let q = made["q"], let k = made["k"], let v = made["v"] else { throw FixtureError.missing("q k v") }
            let run = { () throws -> (output: Tensor, weights: Tensor?) in
                try module.forward(
                    q, k, v, keyPaddingMask: try mask("key_padding_mask"),
                    needWeights: c.kwargs.bool("need_weights") ?? true, attnMask: try mask("attn_mask"),
                    averageAttnWeights: c.kwargs.bool("average_attn_weights") ?? true,
                    isCausal: c.kwargs.bool("is_causal") ?? false)
            }
            let (out, weights) = c.noGrad ? try GradMode.with(enabled: false, run) : try run()
            let (rtol, atol) = attentionTolerance(c.out.dtype)
            assertTensor(out, equals: c.out, rtol: rtol, atol: atol, "output of \(c.name)")
            XCTAssertEqual(out.gradFn?.name, c.outGradFn, "grad_fn of \(c.name)")
            if let expected = c.weights {
                assertTensor(weights, equals: expected, rtol: rtol, atol: atol, "weights of \(c.name)")
                XCTAssertEqual(weights?.gradFn?.name, c.weightsGradFn, "weights grad_fn of \(c.name)")
            } else {
                XCTAssertNil(weights, c.name)
            }
            guard let inputGrads = c.inputGrads else { continue }
            try fixtureLoss([out] + (weights.map { [$0] } ?? [])).backward()
            for (name, expected) in inputGrads {
                assertTensor(made[name]?.grad, equals: expected, rtol: rtol, atol: atol, "grad \(name) of \(c.name)")
            }
            let parameters = Dictionary(uniqueKeysWithValues: module.namedParameters().map { ($0.name, $0.tensor) })
            for expected in c.paramGrads ?? [] {
                assertTensor(parameters[expected.name]?.grad, equals: expected.tensor, rtol: rtol, atol: atol,
                             "grad \(expected.name) of \(c.name)")
            }
        }
    }

    func testMultiheadAttentionErrorsMatchPyTorch() throws {
        for c in try AttentionFixtures.shared.get().mhaErrors {
            do {
                let module = try Self.makeMultiheadAttention(c.ctor)
                let inputs = try c.shapes.map { try $0.tensor() }
                guard inputs.count == 3 else { throw FixtureError.missing("three inputs for \(c.name)") }
                _ = try module.forward(
                    inputs[0], inputs[1], inputs[2], keyPaddingMask: try c.masks["key_padding_mask"]?.tensor(),
                    attnMask: try c.masks["attn_mask"]?.tensor(), isCausal: c.kwargs.bool("is_causal") ?? false)
                XCTFail("\(c.name): expected \(c.error.type): \(c.error.message)")
            } catch let error as ModuleError {
                XCTAssertEqual(error.message, c.error.message, c.name)
                XCTAssertEqual(error.kind.rawValue, c.error.type, c.name)
            } catch let error as TensorError {
                XCTAssertEqual(error.message, c.error.message, c.name)
                XCTAssertEqual(error.kind.rawValue, c.error.type, c.name)
            }
        }
        let module = try MultiheadAttention(8, 2)
        XCTAssertThrowsError(try module(try Tensor.zeros([3, 2, 8]))) {
            XCTAssertEqual(($0 as? ModuleError)?.message,
                           "MultiheadAttention.forward() missing 2 required positional arguments: 'key' and 'value'")
            XCTAssertEqual(($0 as? ModuleError)?.kind, .typeError)
        }
    }

    // MARK: The seed document's cells

    /// `torch.manual_seed(123)`, Q, K, V from randn, the hand-written attention, then
    /// `nn.MultiheadAttention(embed_dim=16, num_heads=4, batch_first=True)(Q, K, V)`.
    func testSeedDocumentMultiheadCell() throws {
        let cell = try AttentionFixtures.shared.get().seedCells.multihead
        Generator.default.manualSeed(123)
        let q = try Tensor.randn([2, 4, 16])
        let k = try Tensor.randn([2, 5, 16])
        let v = try Tensor.randn([2, 5, 16])
        assertExactly(q, equals: cell.Q, "Q")
        assertExactly(k, equals: cell.K, "K")
        assertExactly(v, equals: cell.V, "V")
        let scores = try q.matmul(k.transpose(-2, -1)).div(Tensor.wrapping(.float(16.0.squareRoot())))
        let manual = try scores.softmax(dim: -1).matmul(v)
        assertTensor(manual, equals: cell.sdpaOut, rtol: 2e-5, atol: 2e-6, "manual attention")
        let functional = try Functional.scaledDotProductAttention(q, k, v)
        assertTensor(functional, equals: cell.sdpaOut, rtol: 2e-5, atol: 2e-6, "F.scaled_dot_product_attention")
        let mha = try MultiheadAttention(16, 4, batchFirst: true)
        let (out, weights) = try mha.forward(q, k, v)
        XCTAssertEqual(out.shape, [2, 4, 16])
        XCTAssertEqual(weights?.shape, [2, 4, 5])
        assertTensor(out, equals: cell.out, rtol: 2e-5, atol: 2e-6, "mha_out")
        assertTensor(weights, equals: cell.weights, rtol: 2e-5, atol: 2e-6, "attn_weights")
        XCTAssertEqual(out.gradFn?.name, cell.outGradFn)
        XCTAssertEqual(weights?.gradFn?.name, cell.weightsGradFn)
    }

    /// Key/value-cache decoding: a query of length 1 against a cache that grows by one token a step.
    func testSeedDocumentKeyValueCacheCell() throws {
        let steps = try AttentionFixtures.shared.get().seedCells.kvCache.steps
        Generator.default.manualSeed(0)
        let mha = try MultiheadAttention(16, 2, batchFirst: true)
        var cacheK: Tensor?
        var cacheV: Tensor?
        for (t, step) in steps.enumerated() {
            let x = try Tensor.randn([1, 1, 16])
            assertExactly(x, equals: step.x, "x_\(t)")
            cacheK = try cacheK.map { try Tensor.cat([$0, x], dim: 1) } ?? x
            cacheV = try cacheV.map { try Tensor.cat([$0, x], dim: 1) } ?? x
            guard let keys = cacheK, let values = cacheV else { return }
            let (out, weights) = try mha.forward(x, keys, values)
            XCTAssertEqual(keys.shape[1], t + 1)
            XCTAssertEqual(out.shape, [1, 1, 16])
            assertTensor(out, equals: step.out, rtol: 2e-5, atol: 2e-6, "step \(t) output")
            assertTensor(weights, equals: step.weights, rtol: 2e-5, atol: 2e-6, "step \(t) weights")
        }
    }

    /// The "sequential RNN vs parallel attention" cell: the RNN's initialisation is drawn first (as `nn.RNN(8, 8)`
    /// draws it), then `nn.MultiheadAttention(8, 2, batch_first=True)(x, x, x)`.
    func testSeedDocumentParallelAttentionCell() throws {
        let cell = try AttentionFixtures.shared.get().seedCells.parallel
        Generator.default.manualSeed(42)
        let x = try Tensor.randn([1, 6, 8])
        assertExactly(x, equals: cell.x, "x")
        let bound = 1 / 8.0.squareRoot()
        for shape in cell.rnnShapes { _ = try Tensor.empty(shape).uniform_(from: -bound, to: bound) }
        let mha = try MultiheadAttention(8, 2, batchFirst: true)
        let (out, weights) = try mha.forward(x, x, x)
        XCTAssertEqual(weights?.shape, [1, 6, 6])
        assertTensor(out, equals: cell.out, rtol: 2e-5, atol: 2e-6, "attn_out")
        assertTensor(weights, equals: cell.weights, rtol: 2e-5, atol: 2e-6, "attn_weights")
    }

    // MARK: Graphs that never run backward

    /// An output saved by its own node (softmax, exp, the fused kernel) must not keep itself alive: evaluating a
    /// model with gradients on, as the seed's timing cell does, frees each forward's graph.
    func testGraphsThatNeverRunBackwardAreFreed() throws {
        Generator.default.manualSeed(0)
        let mha = try MultiheadAttention(16, 2, batchFirst: true)
        let x = try Tensor.randn([2, 24, 16])
        let steps: [(String, () throws -> Void)] = [
            ("mha weights", { _ = try mha.forward(x, x, x) }),
            ("mha fused", { _ = try mha.forward(x, x, x, needWeights: false) }),
            ("exp", { _ = try x.detach().requiresGrad_().exp() }),
            ("sigmoid_ on a view", { _ = try x.detach().requiresGrad_().mul(x).select(dim: 0, index: 1).sigmoid_() }),
        ]
        for (label, step) in steps {
            let before = MemoryBudget.shared.live
            for _ in 0..<3 { try step() }
            XCTAssertEqual(MemoryBudget.shared.live, before, label)
        }
    }

    /// Saved outputs come back with their history when the backward itself is recorded.
    func testSecondOrderGradientsThroughSavedOutputs() throws {
        let values = [0.5, -1.0, 2.0]
        let x = try Tensor(values, shape: [3]).requiresGrad_()
        try x.exp().sum().backward(createGraph: true)
        guard let first = x.grad else { return XCTFail("no gradient") }
        x.grad = nil
        try first.sum().backward()
        assertClose(x.grad?.doubles ?? [], values.map { Foundation.exp($0) }, rtol: 1e-12, atol: 0)
        let y = try Tensor(values, shape: [3]).requiresGrad_()
        let s = try y.softmax(dim: 0)
        try s.select(dim: 0, index: 0).backward(createGraph: true)
        guard let grad = y.grad else { return XCTFail("no gradient") }
        y.grad = nil
        try grad.select(dim: 0, index: 0).backward()
        // d²s₀/dy₀² = s₀(1 - s₀)(1 - 2s₀).
        let s0 = s.doubles[0]
        XCTAssertEqual(y.grad?.doubles[0] ?? 0, s0 * (1 - s0) * (1 - 2 * s0), accuracy: 1e-12)
    }

    /// The kernel's vectorised `exp` against the C library's over the range softmax feeds it (x ≤ 0): within two
    /// ulps where the result is normal, zero below, NaN for NaN.
    func testVectorisedExponentialIsAccurate() throws {
        var worst = 0
        var x: Float = -87.3
        while x <= 0 {
            var lanes = SIMD8<Float>()
            for lane in 0..<8 { lanes[lane] = x + Float(lane) * 1e-3 }
            let result = AttentionExp.exp(lanes)
            for lane in 0..<8 {
                let expected = Foundation.expf(lanes[lane])
                let ulps = Int(abs(Int64(result[lane].bitPattern) - Int64(expected.bitPattern)))
                worst = max(worst, ulps)
            }
            x += 0.0137
        }
        XCTAssertLessThanOrEqual(worst, 2)
        let special = AttentionExp.exp(SIMD8<Float>(0, -0.0, -.infinity, .nan, -100, -87.5, -1e-30, -1))
        XCTAssertEqual(special[0], 1)
        XCTAssertEqual(special[1], 1)
        XCTAssertEqual(special[2], 0)
        XCTAssertTrue(special[3].isNaN)
        XCTAssertEqual(special[4], 0)
        XCTAssertEqual(special[5], 0)
        XCTAssertEqual(special[6], 1)
        XCTAssertEqual(special[7], Foundation.expf(-1), accuracy: 1e-7)
        var row: [Float] = (0..<21).map { -Float($0) * 0.5 }
        let sum = row.withUnsafeMutableBufferPointer { AttentionExp.exponentiate($0.baseAddress!, 21, subtracting: 1) }
        let expected = (0..<21).map { Foundation.expf(-Float($0) * 0.5 - 1) }
        XCTAssertEqual(sum, expected.reduce(0, +), accuracy: 1e-6)
        for (a, e) in zip(row, expected) { XCTAssertEqual(a, e, accuracy: e * 3e-7) }
        // The maximum passes over a NaN (the exponentials' sum spreads it), unless nothing but -inf is beside it.
        var withNaN: [Float] = [1, .nan, 3, 2, 0, 0, 0, 0, 0, 5] + Array(repeating: -1, count: 20)
        XCTAssertEqual(AttentionExp.maximum(&withNaN, 30), 5)
        var maskedAndNaN: [Float] = Array(repeating: -.infinity, count: 19) + [.nan]
        XCTAssertTrue(AttentionExp.maximum(&maskedAndNaN, 20).isNaN)
        var masked: [Float] = Array(repeating: -.infinity, count: 9)
        XCTAssertEqual(AttentionExp.maximum(&masked, 9), -.infinity)
        var plain: [Float] = [1, -3, 3, 2, 0, 0, 0, 0, 0, 5, 4]
        XCTAssertEqual(AttentionExp.maximum(&plain, 11), 5)
    }

    // MARK: Primitives with hand-written backwards

    func testPrimitiveBackwardsMatchFiniteDifferences() throws {
        func values(_ shape: [Int], _ seed: Double) throws -> Tensor {
            let count = shape.reduce(1, *)
            return try Tensor((0..<count).map { sin(Double($0) * 0.9 + seed) }, shape: shape)
        }
        // baddbmm with a broadcast input.
        try assertGradientsMatchFiniteDifferences(
            [try values([1, 3, 4], 0.1), try values([2, 3, 5], 0.2), try values([2, 5, 4], 0.3)]) { x in
            let out = try Tensor.baddbmm(x[0], x[1], x[2])
            if GradMode.isEnabled { XCTAssertEqual(out.gradFn?.name, "BaddbmmBackward0") }
            return out
        }
        // Safe softmax, with a slice that is all -inf (zero output, zero gradient).
        let masked = try Tensor([0, 0, 0, -Double.infinity, -.infinity, -.infinity, 0, -.infinity, 0], shape: [3, 3])
        try assertGradientsMatchFiniteDifferences([try values([3, 3], 0.4)]) { x in
            let out = try x[0].add(masked).safeSoftmax(dim: -1)
            if GradMode.isEnabled { XCTAssertEqual(out.gradFn?.name, "SafeSoftmaxBackward0") }
            return out
        }
        try assertGradientsMatchFiniteDifferences([try values([2, 3], 0.5)]) { x in
            let out = try x[0].scaledByScalar(-0.7)
            if GradMode.isEnabled { XCTAssertEqual(out.gradFn?.name, "MulBackward1") }
            return out
        }
        // The composed path end to end, with a mask that needs a gradient.
        try assertGradientsMatchFiniteDifferences(
            [try values([2, 3, 4], 0.6), try values([2, 5, 4], 0.7), try values([2, 5, 3], 0.8),
             try values([3, 5], 0.9)]) { x in
            let out = try Functional.scaledDotProductAttention(x[0], x[1], x[2], attnMask: x[3])
            if GradMode.isEnabled { XCTAssertEqual(out.gradFn?.name, "UnsafeViewBackward0") }
            return out
        }
    }

    /// Multi-head attention composed of primitives, in float64, with every mask kind and bias key/value.
    func testMultiheadAttentionMatchesFiniteDifferences() throws {
        Generator.default.manualSeed(11)
        let module = try MultiheadAttention(4, 2, addBiasKV: true, kdim: 3, vdim: 5, dtype: .float64)
        let q = try Tensor.randn([3, 2, 4], dtype: .float64)
        let k = try Tensor.randn([4, 2, 3], dtype: .float64)
        let v = try Tensor.randn([4, 2, 5], dtype: .float64)
        let padding = try Tensor([false, true, false, false, false, false, false, true], shape: [2, 4])
        let mask = try Tensor.randn([3, 4], dtype: .float64)
        for needWeights in [true, false] {
            try assertGradientsMatchFiniteDifferences([q, k, v] + module.parameters().map { $0.detach() }) { x in
                let (out, weights) = try Self.functionalMHA(module, x, padding: padding, mask: mask,
                                                            needWeights: needWeights)
                return try weights.map { try out.sum().add($0.sum()) } ?? out
            }
        }
    }

    /// The module's computation through `F.multi_head_attention_forward` with explicit parameter tensors, so the
    /// finite-difference check can perturb them.
    private static func functionalMHA(
        _ module: MultiheadAttention, _ x: [Tensor], padding: Tensor, mask: Tensor, needWeights: Bool
    ) throws -> (Tensor, Tensor?) {
        let names = module.namedParameters().map(\.name)
        let parameter = { (name: String) -> Tensor? in names.firstIndex(of: name).map { x[3 + $0] } }
        guard let outWeight = parameter("out_proj.weight") else { throw FixtureError.missing("out_proj.weight") }
        return try Functional.multiHeadAttentionForward(
            query: x[0], key: x[1], value: x[2], embedDimToCheck: 4, numHeads: 2, inProjWeight: nil,
            inProjBias: parameter("in_proj_bias"), biasK: parameter("bias_k"), biasV: parameter("bias_v"),
            addZeroAttn: false, dropoutP: 0, outProjWeight: outWeight, outProjBias: parameter("out_proj.bias"),
            keyPaddingMask: padding, needWeights: needWeights, attnMask: mask, useSeparateProjWeight: true,
            qProjWeight: parameter("q_proj_weight"), kProjWeight: parameter("k_proj_weight"),
            vProjWeight: parameter("v_proj_weight"))
    }

    /// Dropout on the attention weights while training: the averaged weights still sum to one in expectation,
    /// change from call to call, and vanish in eval mode.
    func testMultiheadAttentionDropoutWhileTraining() throws {
        Generator.default.manualSeed(2)
        let module = try MultiheadAttention(8, 2, dropout: 0.4, batchFirst: true)
        let x = try Tensor.randn([2, 6, 8])
        var total = 0.0
        var outputs: [[Double]] = []
        for _ in 0..<200 {
            let (out, weights) = try module.forward(x, x, x)
            total += try weights?.sum().item().doubleValue ?? 0
            outputs.append(out.doubles)
        }
        // 2 batches × 6 queries, each row summing to 1 in expectation.
        XCTAssertEqual(total / 200 / 12, 1, accuracy: 0.03)
        XCTAssertNotEqual(outputs[0], outputs[1])
        let (fused, _) = try module.forward(x, x, x, needWeights: false)
        XCTAssertEqual(fused.shape, [2, 6, 8])
        module.eval()
        let (first, weights) = try module.forward(x, x, x)
        let (second, _) = try module.forward(x, x, x)
        XCTAssertEqual(first.doubles, second.doubles)
        assertClose(try weights?.sum(dims: [-1]).doubles ?? [], [Double](repeating: 1, count: 12), rtol: 1e-6)
    }

    func testFunctionalMultiheadAttentionWithStaticKeyValueMatchesPyTorch() throws {
        let c = try AttentionFixtures.shared.get().mhaFunctional
        var x: [String: Tensor] = [:]
        for (name, tensor) in c.inputs {
            let value = try tensor.tensor()
            x[name] = value.dtype.isFloatingPoint ? try value.requiresGrad_() : value
        }
        func input(_ name: String) throws -> Tensor {
            guard let tensor = x[name] else { throw FixtureError.missing(name) }
            return tensor
        }
        let query = try input("query")
        let (out, weights) = try Functional.multiHeadAttentionForward(
            query: query, key: query, value: query, embedDimToCheck: 4, numHeads: 2,
            inProjWeight: try input("in_proj_weight"), inProjBias: try input("in_proj_bias"), biasK: nil, biasV: nil,
            addZeroAttn: false, dropoutP: 0, outProjWeight: try input("out_proj_weight"),
            outProjBias: try input("out_proj_bias"), training: false, keyPaddingMask: try input("key_padding_mask"),
            staticKeyValue: .init(key: try input("static_k"), value: try input("static_v")))
        assertTensor(out, equals: c.out, rtol: 2e-5, atol: 2e-6, "output")
        assertTensor(weights, equals: c.weights, rtol: 2e-5, atol: 2e-6, "weights")
        try fixtureLoss([out] + (weights.map { [$0] } ?? [])).backward()
        for (name, expected) in c.grads {
            assertTensor(x[name]?.grad, equals: expected, rtol: 2e-5, atol: 2e-6, "grad of \(name)")
        }
        XCTAssertThrowsError(try Functional.multiHeadAttentionForward(
            query: query, key: query, value: query, embedDimToCheck: 4, numHeads: 2,
            inProjWeight: try input("in_proj_weight"), inProjBias: nil, biasK: try Tensor.zeros([1, 1, 4]),
            biasV: try Tensor.zeros([1, 1, 4]), addZeroAttn: false, dropoutP: 0,
            outProjWeight: try input("out_proj_weight"), outProjBias: nil,
            staticKeyValue: .init(key: try input("static_k")))) {
            XCTAssertEqual(($0 as? TensorError)?.message, "bias cannot be added to static key.")
            XCTAssertEqual(($0 as? TensorError)?.kind, .assertionError)
        }
    }
}
