import FixtureSupport
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

    /// A module constructed after `manual_seed(seed)`, with the parameters PyTorch drew.
    struct ModuleInit: Decodable {
        let seed: UInt64
        let ctor: [String: FixtureValue]
        let state: [NamedTensor]
        let repr: String
        let namedParameters: [String]

        enum CodingKeys: String, CodingKey {
            case seed, ctor, state, repr
            case namedParameters = "named_parameters"
        }
    }

    /// An input given as a tensor, or as the name of an earlier input to pass the same tensor object again.
    enum InputReference: Decodable {
        case tensor(Input)
        case alias(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let name = try? container.decode(String.self) {
                self = .alias(name)
            } else {
                self = .tensor(try container.decode(Input.self))
            }
        }
    }

    struct MHACase: Decodable {
        let name: String
        let `init`: Int
        let inputs: [String: InputReference]
        let mode: String
        let noGrad: Bool
        let inputsRequireGrad: Bool
        let kwargs: [String: FixtureValue]
        let out: FixtureTensor
        let outGradFn: String?
        let weights: FixtureTensor?
        let weightsGradFn: String?
        let inputGrads: [String: FixtureTensor]?
        let paramGrads: [NamedTensor]?

        enum CodingKeys: String, CodingKey {
            case name, `init`, inputs, mode, kwargs, out, weights
            case noGrad = "no_grad"
            case inputsRequireGrad = "inputs_require_grad"
            case outGradFn = "out_grad_fn"
            case weightsGradFn = "weights_grad_fn"
            case inputGrads = "input_grads"
            case paramGrads = "param_grads"
        }
    }

    struct ShapeSpec: Decodable {
        let shape: [Int]
        let dtype: String

        /// A tensor of this shape and dtype with a simple pattern of values.
        func tensor() throws -> Tensor {
            try ShapeInput(base: .init(dtype: dtype, shape: shape), view: []).tensor()
        }
    }

    struct MHAError: Decodable {
        let name: String
        let ctor: [String: FixtureValue]
        let shapes: [ShapeSpec]
        let masks: [String: ShapeSpec]
        let kwargs: [String: FixtureValue]
        let error: Expected
    }

    struct SeedCells: Decodable {
        struct Multihead: Decodable {
            let Q: FixtureTensor, K: FixtureTensor, V: FixtureTensor
            let sdpaOut: FixtureTensor
            let out: FixtureTensor
            let weights: FixtureTensor
            let outGradFn: String
            let weightsGradFn: String

            enum CodingKeys: String, CodingKey {
                case Q, K, V, out, weights
                case sdpaOut = "sdpa_out"
                case outGradFn = "out_grad_fn"
                case weightsGradFn = "weights_grad_fn"
            }
        }

        struct CacheStep: Decodable {
            let x: FixtureTensor
            let out: FixtureTensor
            let weights: FixtureTensor
        }

        struct KVCache: Decodable {
            let steps: [CacheStep]
        }

        struct Parallel: Decodable {
            let x: FixtureTensor
            let rnnShapes: [[Int]]
            let out: FixtureTensor
            let weights: FixtureTensor

            enum CodingKeys: String, CodingKey {
                case x, out, weights
                case rnnShapes = "rnn_shapes"
            }
        }

        let multihead: Multihead
        let kvCache: KVCache
        let parallel: Parallel

        enum CodingKeys: String, CodingKey {
            case multihead, parallel
            case kvCache = "kv_cache"
        }
    }

    let sdpa: [SDPACase]
    let sdpaErrors: [SDPAError]
    let mhaInits: [ModuleInit]
    let mha: [MHACase]
    let mhaErrors: [MHAError]
    let seedCells: SeedCells
    let mhaFunctional: FunctionalCase

    /// A direct `F.multi_head_attention_forward` call with a static key and value.
    struct FunctionalCase: Decodable {
        let inputs: [String: FixtureTensor]
        let out: FixtureTensor
        let weights: FixtureTensor
        let grads: [String: FixtureTensor]
    }

    enum CodingKeys: String, CodingKey {
        case sdpa, mha
        case mhaFunctional = "mha_functional"
        case sdpaErrors = "sdpa_errors"
        case mhaInits = "mha_inits"
        case mhaErrors = "mha_errors"
        case seedCells = "seed_cells"
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

/// A `[name, tensor]` pair, as state dicts and named gradients are written.
struct NamedTensor: Decodable {
    let name: String
    let tensor: FixtureTensor

    init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        name = try container.decode(String.self)
        tensor = try container.decode(FixtureTensor.self)
    }
}

/// Asserts a module's state dict has the fixture's names, in order, and exactly its values.
func assertState(
    _ module: Module, equals expected: [NamedTensor], _ label: String, file: StaticString = #filePath,
    line: UInt = #line
) {
    let state = module.stateDict()
    XCTAssertEqual(state.map(\.name), expected.map(\.name), "state dict names of \(label)", file: file, line: line)
    for (actual, expected) in zip(state, expected) {
        assertExactly(actual.tensor, equals: expected.tensor, "\(expected.name) of \(label)", file: file, line: line)
    }
}

/// Asserts bit-equal values: float32 fixture values are written with 9 significant digits, which round back to the
/// exact float.
func assertExactly(
    _ actual: Tensor?, equals expected: FixtureTensor, _ label: String, file: StaticString = #filePath,
    line: UInt = #line
) {
    guard let actual else {
        XCTFail("missing tensor \(label)", file: file, line: line)
        return
    }
    XCTAssertEqual(actual.shape, expected.shape, "shape of \(label)", file: file, line: line)
    XCTAssertEqual(actual.dtype, try? FixtureTensor.dtype(named: expected.dtype), "dtype of \(label)", file: file,
                   line: line)
    let wanted = expected.values.map(\.double)
    let rounded = actual.dtype == .float32 ? wanted.map { Double(Float($0)) } : wanted
    let got = actual.doubles
    guard got.count == rounded.count else { return }
    guard let first = got.indices.first(where: { i in
        !(got[i] == rounded[i] || (got[i].isNaN && rounded[i].isNaN))
    }) else { return }
    XCTFail("element \(first): \(got[first]) != \(rounded[first]) in \(label)", file: file, line: line)
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
