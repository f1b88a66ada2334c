import XCTest
@testable import Tensor

/// `clip_grad_norm_` and `clip_grad_value_` against Fixtures/clip_grad.json (written by generate_clip_grad.py).
final class ClipGradTests: XCTestCase {
    /// The fixture's parameters, with their gradients where they have one.
    private func parameters(_ items: [FixtureValue]) throws -> [Tensor] {
        try items.map { item in
            let param = try OptimFixture.tensor(item["data"]).requiresGrad_()
            if !item["grad"].isNull { param.grad = try OptimFixture.tensor(item["grad"]) }
            return param
        }
    }

    /// Every parameter's gradient matches the fixture's, within `ulps` units in the last place.
    private func assertGradients(_ params: [Tensor], _ expected: [FixtureValue], ulps allowed: Int64, _ label: String) {
        XCTAssertEqual(params.count, expected.count, label)
        for (index, (param, item)) in zip(params, expected).enumerated() {
            guard !item["grad"].isNull else {
                XCTAssertNil(param.grad, "\(label) param \(index)")
                continue
            }
            guard let grad = param.grad, let want = try? OptimFixture.tensor(item["grad"]) else {
                XCTFail("\(label) param \(index): missing gradient")
                continue
            }
            XCTAssertEqual(grad.dtype, want.dtype, label)
            XCTAssertEqual(grad.shape, want.shape, label)
            // A NaN norm scales every gradient to NaN, as in PyTorch.
            let worst = zip(grad.doubles, want.doubles).map { a, b in
                a.isNaN && b.isNaN ? 0 : OptimFixture.ulps(a, b, dtype: grad.dtype)
            }.max() ?? 0
            XCTAssertLessThanOrEqual(worst, allowed, "\(label) param \(index): \(worst) ulps")
        }
    }

    func testClipGradNormMatchesPyTorch() throws {
        for (index, testCase) in try loadFixture("clip_grad", as: FixtureValue.self)["norm"].array.enumerated() {
            let spec = testCase["spec"]
            let label = "norm case \(index)"
            let params = try parameters(testCase["before"].array)
            let normType: Scalar
            switch spec["norm_type"] {
            case .string("inf"): normType = .float(.infinity)
            case .string("-inf"): normType = .float(-.infinity)
            default: normType = .float(spec["norm_type"].double)
            }
            let errorIfNonfinite = spec["error_if_nonfinite"].boolValue ?? false
            do {
                let total = try ClipGrad.clipGradNorm_(params, maxNorm: spec["max_norm"].double, normType: normType,
                                                       errorIfNonfinite: errorIfNonfinite)
                XCTAssertTrue(testCase["error"].isNull, "\(label): expected \(testCase["error"])")
                let want = try OptimFixture.tensor(testCase["total"])
                XCTAssertEqual(total.dtype, want.dtype, label)
                XCTAssertEqual(total.shape, [], label)
                let ulps = OptimFixture.ulps(try total.item().doubleValue, try want.item().doubleValue,
                                             dtype: total.dtype)
                XCTAssertTrue(ulps <= 2 || (total.doubles[0].isNaN && want.doubles[0].isNaN), "\(label): \(ulps) ulps")
                // The scale factor inherits the norm's rounding: a couple of ulps either way.
                assertGradients(params, testCase["after"].array, ulps: 4, label)
            } catch let error as TensorError {
                XCTAssertEqual(error.kind.rawValue, testCase["error"]["type"].string, label)
                XCTAssertEqual(error.message, testCase["error"]["message"].string, label)
                // A refused clip leaves the gradients alone.
                assertGradients(params, testCase["before"].array, ulps: 0, label)
            }
        }
    }

    func testClipGradValueMatchesPyTorch() throws {
        for (index, testCase) in try loadFixture("clip_grad", as: FixtureValue.self)["value"].array.enumerated() {
            let params = try parameters(testCase["before"].array)
            try ClipGrad.clipGradValue_(params, clipValue: testCase["spec"]["clip_value"].double)
            assertGradients(params, testCase["after"].array, ulps: 0, "value case \(index)")
        }
    }

    func testClipGradNormDoesNotRecordGradients() throws {
        let param = try Tensor.ones([3]).requiresGrad_()
        param.grad = try Tensor.full([3], .float(4))
        let total = try ClipGrad.clipGradNorm_([param], maxNorm: 1)
        XCTAssertFalse(total.requiresGrad)
        XCTAssertNil(total.gradFn)
        XCTAssertFalse(param.grad?.requiresGrad ?? true)
    }
}
