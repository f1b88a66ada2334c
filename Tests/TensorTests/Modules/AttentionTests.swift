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
        assertTensorError("derivative for aten::_scaled_dot_product_flash_attention_for_cpu_backward is not implemented") {
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
}
