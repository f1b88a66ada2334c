import FixtureSupport
import XCTest
@testable import Tensor

/// The contents of `losses.json` (written by `generate_losses.py`).
struct LossFixtures: Decodable {
    /// An input or target: a stored base tensor, how it is viewed, and whether the base requires grad.
    struct Operand: Decodable {
        let base: String
        let view: String?
        let grad: Bool
    }

    struct Case: Decodable {
        let op: String
        let input: Operand
        let target: Operand
        let kw: [String: LossArgument]
        let out: FixtureTensor
        let gradFn: String?
        let gradInput: FixtureTensor?
        let gradTarget: FixtureTensor?

        enum CodingKeys: String, CodingKey {
            case op, input, target, kw, out
            case gradFn = "grad_fn"
            case gradInput = "grad_input"
            case gradTarget = "grad_target"
        }

        var label: String {
            let arguments = kw.keys.sorted().map { "\($0)=\(kw[$0].map(String.init(describing:)) ?? "")" }
            return "\(op)(\(input.base)\(input.view.map { ".\($0)" } ?? ""), \(target.base)"
                + "\(target.view.map { ".\($0)" } ?? ""), \(arguments.joined(separator: ", ")))"
        }
    }

    struct Expected: Decodable {
        let type: String
        let message: String
    }

    struct ErrorCase: Decodable {
        let op: String
        let input: Operand
        let target: Operand
        let kw: [String: LossArgument]
        let error: Expected
        let backward: Bool?
    }

    struct Chain: Decodable {
        let op: String
        let input: Operand
        let target: Operand
        let kw: [String: LossArgument]
        let chain: String
    }

    struct Seed: Decodable {
        let seed: UInt64
        let logits: FixtureTensor
        let target: FixtureTensor
        let nll: Double
        let printed: String
        let gradFn: String
        let grad: FixtureTensor

        enum CodingKeys: String, CodingKey {
            case seed, logits, target, nll, printed, grad
            case gradFn = "grad_fn"
        }
    }

    struct Large: Decodable {
        let seed: UInt64
        let shape: [Int]
        let weighted: Bool
        let reduction: String
        let out: FixtureNumber
    }

    struct ModuleCase: Decodable {
        let name: String
        let kw: [String: LossArgument]
        let repr: String
        let reduction: String
        let stateDict: [String]
        let buffers: [String]
        let input: Operand
        let target: Operand
        let out: FixtureTensor
        let gradFn: String
        let gradInput: FixtureTensor

        enum CodingKeys: String, CodingKey {
            case name, kw, repr, reduction, buffers, input, target, out
            case stateDict = "state_dict"
            case gradFn = "grad_fn"
            case gradInput = "grad_input"
        }
    }

    struct ModuleError_: Decodable {
        let name: String
        let kw: [String: LossArgument]
        let error: Expected
    }

    let tensors: [String: FixtureTensor]
    let cases: [Case]
    let errors: [ErrorCase]
    let chains: [Chain]
    let seeds: [Seed]
    let large: [Large]
    let modules: [ModuleCase]
    let moduleErrors: [ModuleError_]

    enum CodingKeys: String, CodingKey {
        case tensors, cases, errors, chains, seeds, large, modules
        case moduleErrors = "module_errors"
    }

    static let shared: Result<LossFixtures, Error> = Result { try loadFixture("losses") }

    /// The operand as the generator made it: a fresh base leaf (requiring grad if asked) and its view.
    func materialize(_ operand: Operand) throws -> (base: Tensor, view: Tensor) {
        guard let stored = tensors[operand.base] else { throw FixtureError.missing(operand.base) }
        let base = try stored.tensor().detach()
        if operand.grad { try base.requiresGrad_() }
        switch operand.view {
        case "T": return (base, try base.transpose(-1, -2))
        case "step": return (base, try base.slice(dim: -1, step: 2))
        default: return (base, base)
        }
    }
}

/// A keyword argument of a loss: a tensor (weights, which may require grad) or a plain value.
enum LossArgument: Decodable, CustomStringConvertible {
    case tensor(FixtureTensor, requiresGrad: Bool)
    case value(FixtureValue)

    private struct GradFlag: Decodable {
        let requiresGrad: Bool?

        enum CodingKeys: String, CodingKey {
            case requiresGrad = "requires_grad"
        }
    }

    init(from decoder: Decoder) throws {
        if let tensor = try? FixtureTensor(from: decoder) {
            self = .tensor(tensor, requiresGrad: (try? GradFlag(from: decoder))?.requiresGrad ?? false)
        } else {
            self = .value(try FixtureValue(from: decoder))
        }
    }

    var description: String {
        switch self {
        case .tensor(let t, let requiresGrad): return "tensor\(t.shape)\(requiresGrad ? "(grad)" : "")"
        case .value(let v): return "\(v)"
        }
    }

    func tensor() throws -> Tensor? {
        guard case .tensor(let t, let requiresGrad) = self else { return nil }
        let tensor = try t.tensor().detach()
        return requiresGrad ? try tensor.requiresGrad_() : tensor
    }

    var value: FixtureValue {
        if case .value(let v) = self { return v }
        return .null
    }
}

extension Dictionary where Key == String, Value == LossArgument {
    var reduction: String { self["reduction"]?.value.stringValue ?? "mean" }
    func tensor(_ key: String) throws -> Tensor? { try self[key]?.tensor() }
    func bool(_ key: String) -> Bool? { self[key]?.value.boolValue }
    func int(_ key: String) -> Int? { self[key]?.value.intValue }
    func double(_ key: String) -> Double? { self[key]?.value.doubleValue }
}

/// Calls the loss a fixture names, with its keyword arguments.
func applyLoss(_ op: String, _ x: Tensor, _ t: Tensor, _ kw: [String: LossArgument]) throws -> Tensor {
    let (sizeAverage, reduce) = (kw.bool("size_average"), kw.bool("reduce"))
    let weight = try kw.tensor("weight")
    switch op {
    case "nll_loss":
        return try Functional.nllLoss(x, t, weight: weight, sizeAverage: sizeAverage,
                                      ignoreIndex: kw.int("ignore_index") ?? -100, reduce: reduce,
                                      reduction: kw.reduction)
    case "cross_entropy":
        return try Functional.crossEntropy(x, t, weight: weight, sizeAverage: sizeAverage,
                                           ignoreIndex: kw.int("ignore_index") ?? -100, reduce: reduce,
                                           reduction: kw.reduction, labelSmoothing: kw.double("label_smoothing") ?? 0)
    case "mse_loss":
        return try Functional.mseLoss(x, t, sizeAverage: sizeAverage, reduce: reduce, reduction: kw.reduction,
                                      weight: weight)
    case "l1_loss":
        return try Functional.l1Loss(x, t, sizeAverage: sizeAverage, reduce: reduce, reduction: kw.reduction,
                                     weight: weight)
    case "smooth_l1_loss":
        return try Functional.smoothL1Loss(x, t, sizeAverage: sizeAverage, reduce: reduce, reduction: kw.reduction,
                                           beta: kw.double("beta") ?? 1)
    case "huber_loss":
        return try Functional.huberLoss(x, t, reduction: kw.reduction, delta: kw.double("delta") ?? 1, weight: weight)
    case "binary_cross_entropy":
        return try Functional.binaryCrossEntropy(x, t, weight: weight, sizeAverage: sizeAverage, reduce: reduce,
                                                 reduction: kw.reduction)
    case "binary_cross_entropy_with_logits":
        return try Functional.binaryCrossEntropyWithLogits(x, t, weight: weight, sizeAverage: sizeAverage,
                                                           reduce: reduce, reduction: kw.reduction,
                                                           posWeight: kw.tensor("pos_weight"))
    case "kl_div":
        return try Functional.klDiv(x, t, sizeAverage: sizeAverage, reduce: reduce, reduction: kw.reduction,
                                    logTarget: kw.bool("log_target") ?? false)
    default:
        throw FixtureError.missing(op)
    }
}

/// Makes the loss module a fixture names, with its constructor arguments.
func makeLossModule(_ name: String, _ kw: [String: LossArgument]) throws -> Loss {
    let reduction = kw.reduction
    let (sizeAverage, reduce) = (kw.bool("size_average"), kw.bool("reduce"))
    let weight = try kw.tensor("weight")
    switch name {
    case "NLLLoss":
        return try NLLLoss(weight: weight, sizeAverage: sizeAverage, ignoreIndex: kw.int("ignore_index") ?? -100,
                           reduce: reduce, reduction: reduction)
    case "CrossEntropyLoss":
        return try CrossEntropyLoss(weight: weight, sizeAverage: sizeAverage,
                                    ignoreIndex: kw.int("ignore_index") ?? -100, reduce: reduce, reduction: reduction,
                                    labelSmoothing: kw.double("label_smoothing") ?? 0)
    case "MSELoss": return MSELoss(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
    case "L1Loss": return L1Loss(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
    case "SmoothL1Loss":
        return SmoothL1Loss(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction,
                            beta: kw.double("beta") ?? 1)
    case "HuberLoss": return HuberLoss(reduction: reduction, delta: kw.double("delta") ?? 1)
    case "BCELoss": return try BCELoss(weight: weight, sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
    case "BCEWithLogitsLoss":
        return try BCEWithLogitsLoss(weight: weight, sizeAverage: sizeAverage, reduce: reduce, reduction: reduction,
                                     posWeight: kw.tensor("pos_weight"))
    case "KLDivLoss":
        return KLDivLoss(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction,
                         logTarget: kw.bool("log_target") ?? false)
    default:
        throw FixtureError.missing(name)
    }
}

/// The uneven weights the generator multiplies outputs by before summing and differentiating.
func lossFixtureWeights(_ tensor: Tensor) throws -> Tensor {
    try Tensor((0..<tensor.count).map { 0.5 + Double($0 % 7) * 0.25 }, shape: tensor.shape).to(tensor.dtype)
}

/// A grad_fn and what it leads to, `depth` levels deep, written as the generator writes it:
/// `Name(input, input)`, with `None` where an input needs no gradient.
func describeGraph(_ node: Node?, depth: Int) -> String {
    guard let node else { return "None" }
    if depth == 0 || node.nextFunctions.isEmpty { return node.name }
    return node.name + "(" + node.nextFunctions.map { describeGraph($0, depth: depth - 1) }.joined(separator: ",") + ")"
}
