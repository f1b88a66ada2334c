import Foundation
import XCTest
@testable import Tensor

/// attention.json, written by generate_attention.py from PyTorch 2.13.
struct AttentionFixtures: Decodable {
    /// A tensor stored as a base and the view steps that made the input (`["transpose", a, b]`, `["step", dim, n]`,
    /// `["expand", shape]`).
    struct Input: Decodable {
        let base: FixtureTensor
        let view: [[FixtureValue]]

        /// The input as the generator viewed it, as a fresh leaf.
        func tensor(requiresGrad: Bool = false) throws -> Tensor {
            try AttentionFixtures.applyView(try base.tensor(), view, requiresGrad: requiresGrad)
        }
    }

    /// An input of an error case: only its dtype and shape were recorded.
    struct ShapeInput: Decodable {
        struct Base: Decodable {
            let dtype: String
            let shape: [Int]
        }

        let base: Base
        let view: [[FixtureValue]]

        /// A tensor of that dtype and shape, filled with a simple pattern, viewed as recorded.
        func tensor() throws -> Tensor {
            let dtype = try FixtureTensor.dtype(named: base.dtype)
            let count = base.shape.reduce(1, *)
            let values = (0..<count).map { Double($0 % 5) * 0.25 - 0.5 }
            let filled = try Tensor(values, shape: base.shape).to(dtype)
            return try AttentionFixtures.applyView(filled, view, requiresGrad: false)
        }
    }

    struct Expected: Decodable {
        let type: String
        let message: String
    }

    struct SDPACase: Decodable {
        let name: String
        let inputs: [Input?]
        let requires: [Bool]
        let args: [String: FixtureValue]
        let out: FixtureTensor
        let gradFn: String?
        let grads: [FixtureTensor?]?

        enum CodingKeys: String, CodingKey {
            case name, inputs, requires, args, out, grads
            case gradFn = "grad_fn"
        }
    }

    struct SDPAError: Decodable {
        let name: String
        let inputs: [ShapeInput?]
        let args: [String: FixtureValue]
        let error: Expected
    }

    let sdpa: [SDPACase]
    let sdpaErrors: [SDPAError]

    enum CodingKeys: String, CodingKey {
        case sdpa
        case sdpaErrors = "sdpa_errors"
    }

    static let shared: Result<AttentionFixtures, Error> = Result { try loadFixture("attention") }

    static func applyView(_ base: Tensor, _ steps: [[FixtureValue]], requiresGrad: Bool) throws -> Tensor {
        var x = base
        for step in steps {
            switch step.first?.string {
            case "transpose": x = try x.transpose(step[1].int, step[2].int)
            case "step": x = try x.slice(dim: step[1].int, step: step[2].int)
            case "expand": x = try x.expand(step[1].ints)
            default: throw FixtureError.missing("view step \(step)")
            }
        }
        x = x.detach()
        if requiresGrad { try x.requiresGrad_() }
        return x
    }
}

/// The weights the generator multiplies an output by before summing it into the loss.
func fixtureLossWeights(like t: Tensor) throws -> Tensor {
    try Tensor((0..<t.count).map { 0.5 + Double($0 % 7) * 0.25 }, shape: t.shape).to(t.dtype)
}

/// `sum(out * w)` over the given outputs, the loss the generator differentiates.
func fixtureLoss(_ outputs: [Tensor]) throws -> Tensor {
    var total: Tensor?
    for out in outputs where out.requiresGrad {
        let term = try out.mul(fixtureLossWeights(like: out)).sum()
        total = try total.map { try $0.add(term) } ?? term
    }
    guard let total else { throw FixtureError.missing("an output that requires grad") }
    return total
}

/// Tolerances for comparing with PyTorch: float32 results of different summation orders agree to a few ulps of the
/// largest intermediate.
func attentionTolerance(_ dtype: String) -> (rtol: Double, atol: Double) {
    dtype == "float64" ? (1e-10, 1e-12) : (2e-5, 2e-6)
}
