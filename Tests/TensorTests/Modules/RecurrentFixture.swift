import FixtureSupport
import XCTest
@testable import Tensor

/// recurrent.json, written by generate_recurrent.py from PyTorch 2.13.
struct RecurrentFixtures: Decodable {
    /// A module as the generator builds it: class, positional sizes, keyword arguments.
    struct Spec: Decodable {
        let mode: String
        let args: [Int]
        let kwargs: FixtureValue

        /// The module this spec describes, built with Attend's constructors.
        func build() throws -> RecurrentBase {
            let (input, hidden) = (args[0], args[1])
            let layers = kwargs["num_layers"].intValue ?? 1
            let bias = kwargs["bias"].boolValue ?? true
            let batchFirst = kwargs["batch_first"].boolValue ?? false
            let dropout = kwargs["dropout"].doubleValue ?? 0
            let bidirectional = kwargs["bidirectional"].boolValue ?? false
            let dtype = kwargs["dtype"].isNull ? DType.float32 : kwargs["dtype"].dtype
            switch mode {
            case "RNN":
                let nonlinearity = kwargs["nonlinearity"].stringValue ?? "tanh"
                return try RNN(input, hidden, numLayers: layers, nonlinearity: nonlinearity, bias: bias,
                               batchFirst: batchFirst, dropout: dropout, bidirectional: bidirectional, dtype: dtype)
            case "GRU":
                return try GRU(input, hidden, numLayers: layers, bias: bias, batchFirst: batchFirst, dropout: dropout,
                               bidirectional: bidirectional, dtype: dtype)
            default:
                return try LSTM(input, hidden, numLayers: layers, bias: bias, batchFirst: batchFirst, dropout: dropout,
                                bidirectional: bidirectional, projSize: kwargs["proj_size"].intValue ?? 0,
                                dtype: dtype)
            }
        }
    }

    struct Named: Decodable {
        let name: String
        let value: FixtureTensor
    }

    struct InitCase: Decodable {
        let seed: UInt64
        let module: Spec
        let parameters: [Named]
    }

    struct ForwardCase: Decodable {
        let seed: UInt64
        let module: Spec
        let base: FixtureTensor
        let view: String?
        let h0: FixtureTensor?
        let c0: FixtureTensor?
        let outputs: [FixtureTensor]
        let gradFns: [String]
        let outputStrides: [Int]
        let grads: [String: FixtureTensor]

        enum CodingKeys: String, CodingKey {
            case seed, module, base, view, h0, c0, outputs, grads
            case gradFns = "grad_fns"
            case outputStrides = "output_strides"
        }
    }

    struct Toy: Decodable {
        let seed: UInt64
        let x: FixtureTensor
        let logits: FixtureTensor
        let nll: Double
        let outGradFn: String
        let weightHHGrad: FixtureTensor

        enum CodingKeys: String, CodingKey {
            case seed, x, logits, nll
            case outGradFn = "out_grad_fn"
            case weightHHGrad = "weight_hh_grad"
        }
    }

    struct Shaped: Decodable {
        let shape: [Int]
        let dtype: String?
    }

    struct Expected: Decodable {
        let type: String
        let message: String
    }

    struct ErrorCase: Decodable {
        let module: Spec
        let input: Shaped?
        let h: Shaped?
        let c: Shaped?
        let error: Expected
    }

    struct Repr: Decodable {
        let module: Spec
        let repr: String
        let names: [String]
        let warnings: [String]
    }

    let `init`: [InitCase]
    let forward: [ForwardCase]
    let toy: [Toy]
    let errors: [ErrorCase]
    let reprs: [Repr]
}

/// The weights the generator multiplies each output by: 0.5 + (i % 7) * 0.25 in row-major order.
func recurrentLossWeights(like tensor: Tensor) throws -> Tensor {
    try Tensor((0..<tensor.count).map { 0.5 + Double($0 % 7) * 0.25 }, shape: tensor.shape).to(tensor.dtype)
}

/// `sum(t * w)` over every tensor, as the generator's loss.
func recurrentLoss(_ tensors: [Tensor]) throws -> Tensor {
    var total: Tensor?
    for tensor in tensors {
        let term = try tensor.mul(recurrentLossWeights(like: tensor)).sum()
        total = try total.map { try $0.add(term) } ?? term
    }
    guard let total else { throw FixtureError.missing("loss terms") }
    return total
}
