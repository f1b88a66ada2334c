import FixtureSupport
import Foundation
import XCTest
@testable import Tensor

/// transformer.json, written by generate_attention.py from PyTorch 2.13.
struct TransformerFixtures: Decodable {
    struct Case: Decodable {
        let name: String
        let kind: String
        let ctor: [String: FixtureValue]
        let seed: UInt64
        let mode: String
        let noGrad: Bool
        let state: [NamedTensor]?
        let inputs: [String: AttentionFixtures.InputReference]
        let kwargs: [String: FixtureValue]
        let out: FixtureTensor
        let gradFn: String?
        let inputGrads: [String: FixtureTensor]?
        let paramGrads: [NamedTensor]?

        enum CodingKeys: String, CodingKey {
            case name, kind, ctor, seed, mode, state, inputs, kwargs, out
            case noGrad = "no_grad"
            case gradFn = "grad_fn"
            case inputGrads = "input_grads"
            case paramGrads = "param_grads"
        }
    }

    struct ErrorCase: Decodable {
        let name: String
        let kind: String
        let ctor: [String: FixtureValue]
        let inputs: [String: AttentionFixtures.ShapeSpec]
        let kwargs: [String: FixtureValue]
        let error: AttentionFixtures.Expected
    }

    struct MiniGPT: Decodable {
        let seed: UInt64
        let x: FixtureTensor
        let logits: FixtureTensor
        let probsShape: [Int]
        let predicted: Int
        let causalLogits: FixtureTensor
        let repr: String

        enum CodingKeys: String, CodingKey {
            case seed, x, logits, predicted, repr
            case probsShape = "probs_shape"
            case causalLogits = "causal_logits"
        }
    }

    let cases: [Case]
    let errors: [ErrorCase]
    let reprs: [String: String]
    let minigpt: [MiniGPT]
    let masks: [String: FixtureTensor]

    static let shared: Result<TransformerFixtures, Error> = Result { try loadFixture("transformer") }

    /// A layer's constructor arguments.
    static func layerArguments(_ c: [String: FixtureValue]) throws -> LayerArguments {
        LayerArguments(
            dModel: c.int("d_model") ?? 0, nhead: c.int("nhead") ?? 0, dimFeedforward: c.int("dim_feedforward") ?? 2048,
            dropout: c.double("dropout") ?? 0.1,
            activation: try TransformerActivation(c["activation"]?.stringValue ?? "relu"),
            layerNormEps: c.double("layer_norm_eps") ?? 1e-5, batchFirst: c.bool("batch_first") ?? false,
            normFirst: c.bool("norm_first") ?? false, bias: c.bool("bias") ?? true,
            dtype: c["dtype"]?.dtype ?? .float32)
    }

    struct LayerArguments {
        let dModel: Int, nhead: Int, dimFeedforward: Int, dropout: Double
        let activation: TransformerActivation
        let layerNormEps: Double, batchFirst: Bool, normFirst: Bool, bias: Bool
        let dtype: DType

        func encoderLayer() throws -> TransformerEncoderLayer {
            try TransformerEncoderLayer(
                dModel: dModel, nhead: nhead, dimFeedforward: dimFeedforward, dropout: dropout, activation: activation,
                layerNormEps: layerNormEps, batchFirst: batchFirst, normFirst: normFirst, bias: bias, dtype: dtype)
        }

        func decoderLayer() throws -> TransformerDecoderLayer {
            try TransformerDecoderLayer(
                dModel: dModel, nhead: nhead, dimFeedforward: dimFeedforward, dropout: dropout, activation: activation,
                layerNormEps: layerNormEps, batchFirst: batchFirst, normFirst: normFirst, bias: bias, dtype: dtype)
        }
    }

    /// Builds a module of `kind`, drawing from the default generator in the generator script's order.
    static func build(_ kind: String, _ ctor: [String: FixtureValue]) throws -> Module {
        switch kind {
        case "encoder_layer": return try layerArguments(ctor).encoderLayer()
        case "decoder_layer": return try layerArguments(ctor).decoderLayer()
        case "encoder", "decoder":
            let arguments = try layerArguments(ctor["layer"]?.object ?? [:])
            let layer: Module = kind == "encoder" ? try arguments.encoderLayer() : try arguments.decoderLayer()
            let norm = ctor.bool("norm") == true ? try LayerNorm([arguments.dModel]) : nil
            let count = ctor.int("num_layers") ?? 1
            return kind == "encoder" ? try TransformerEncoder(layer, numLayers: count, norm: norm)
                : try TransformerDecoder(layer, numLayers: count, norm: norm)
        case "transformer":
            return try Transformer(
                dModel: ctor.int("d_model") ?? 512, nhead: ctor.int("nhead") ?? 8,
                numEncoderLayers: ctor.int("num_encoder_layers") ?? 6,
                numDecoderLayers: ctor.int("num_decoder_layers") ?? 6,
                dimFeedforward: ctor.int("dim_feedforward") ?? 2048, dropout: ctor.double("dropout") ?? 0.1,
                batchFirst: ctor.bool("batch_first") ?? false, normFirst: ctor.bool("norm_first") ?? false,
                bias: ctor.bool("bias") ?? true)
        default:
            throw FixtureError.missing("module kind \(kind)")
        }
    }

    /// Calls a module of `kind` the way the generator called it.
    static func run(_ kind: String, _ module: Module, _ inputs: [String: Tensor], _ kwargs: [String: FixtureValue])
        throws -> Tensor
    {
        func input(_ name: String) throws -> Tensor {
            guard let tensor = inputs[name] else { throw FixtureError.missing(name) }
            return tensor
        }
        switch (kind, module) {
        case ("encoder_layer", let layer as TransformerEncoderLayer):
            return try layer.forward(try input("src"), srcMask: inputs["src_mask"],
                                     srcKeyPaddingMask: inputs["src_key_padding_mask"],
                                     isCausal: kwargs.bool("is_causal") ?? false)
        case ("decoder_layer", let layer as TransformerDecoderLayer):
            return try layer.forward(
                try input("tgt"), memory: try input("memory"), tgtMask: inputs["tgt_mask"],
                memoryMask: inputs["memory_mask"], tgtKeyPaddingMask: inputs["tgt_key_padding_mask"],
                memoryKeyPaddingMask: inputs["memory_key_padding_mask"],
                tgtIsCausal: kwargs.bool("tgt_is_causal") ?? false,
                memoryIsCausal: kwargs.bool("memory_is_causal") ?? false)
        case ("encoder", let encoder as TransformerEncoder):
            return try encoder.forward(try input("src"), mask: inputs["mask"],
                                       srcKeyPaddingMask: inputs["src_key_padding_mask"],
                                       isCausal: kwargs.bool("is_causal"))
        case ("decoder", let decoder as TransformerDecoder):
            return try decoder.forward(
                try input("tgt"), memory: try input("memory"), tgtMask: inputs["tgt_mask"],
                memoryMask: inputs["memory_mask"], tgtKeyPaddingMask: inputs["tgt_key_padding_mask"],
                memoryKeyPaddingMask: inputs["memory_key_padding_mask"], tgtIsCausal: kwargs.bool("tgt_is_causal"))
        case ("transformer", let transformer as Transformer):
            return try transformer.forward(
                try input("src"), try input("tgt"), srcMask: inputs["src_mask"], tgtMask: inputs["tgt_mask"],
                memoryMask: inputs["memory_mask"], srcKeyPaddingMask: inputs["src_key_padding_mask"],
                tgtKeyPaddingMask: inputs["tgt_key_padding_mask"],
                memoryKeyPaddingMask: inputs["memory_key_padding_mask"])
        default:
            throw FixtureError.missing("a \(kind) module")
        }
    }
}
