import FixtureSupport
import Foundation
import XCTest
import Script
import Tensor

/// The decoded `Fixtures/printing.json`, loaded once.
enum PrintingFixture {
    static let shared: Result<PrintingCases, Error> = Result {
        guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw FixtureError.missing("Fixtures directory")
        }
        let data = try Data(contentsOf: directory.appendingPathComponent("printing.json"))
        return try JSONDecoder().decode(PrintingCases.self, from: data)
    }

    static func load() throws -> PrintingCases { try shared.get() }
}

/// Everything the generator writes.
struct PrintingCases: Decodable {
    let tensors: [TensorCase]
    let seed: SeedCase
}

/// The seed notebook's projection cell as PyTorch printed it.
struct SeedCase: Decodable {
    let randn: String
    let logits: String
    let probs: String
    let weight: String
    let input: String
    let shape: String
    let dtype: String
    let argmax: Int
}

/// The dtype a fixture names.
func fixtureDType(named name: String) throws -> DType { try FixtureTensor.dtype(named: name) }

/// The generator's 32-bit LCG, repeated exactly: the same integers, and the same double arithmetic for floats.
struct LCGSpec: Decodable {
    let count: Int
    let shape: [Int]
    let dtype: String
    let seed: UInt64
    let scale: Double?
    let offset: Double?
    let modulus: UInt64?
    let overrides: [[FixtureNumber]]?

    func tensor() throws -> Tensor {
        let type = try fixtureDType(named: dtype)
        var state = seed & 0xFFFF_FFFF
        var values: [Scalar] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            state = (1_664_525 &* state &+ 1_013_904_223) & 0xFFFF_FFFF
            switch type {
            case .bool: values.append(.bool(state >> 31 == 1))
            case .int64: values.append(.int(Int64(state % (modulus ?? 1)) + Int64(offset ?? 0)))
            case .float32, .float64:
                values.append(.float(Double(state) / 4_294_967_296.0 * (scale ?? 1) + (offset ?? 0)))
            }
        }
        for pair in overrides ?? [] {
            guard pair.count == 2, case .int(let index) = pair[0] else { throw FixtureError.badNumber("override") }
            values[Int(index)] = pair[1].scalar
        }
        return try Tensor(nested: .list(values.map { .scalar($0) }), dtype: type).reshape(shape)
    }
}

/// An op of the generator's list, as JSON: a name then arguments.
enum OpArgument: Decodable {
    case int(Int)
    case ints([Int])
    case string(String)

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode([Int].self) {
            self = .ints(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }
}

/// One tensor case: how to build it, which ops to apply, which print options to set, and what PyTorch printed.
struct TensorCase: Decodable {
    let name: String
    let dtype: String?
    let shape: [Int]?
    let values: [FixtureNumber]?
    let gen: LCGSpec?
    let ops: [[OpArgument]]?
    let options: [OptionsCall]?
    let repr: String

    struct OptionsCall: Decodable {
        let precision: Int?
        let threshold: FixtureNumber?
        let edgeitems: Int?
        let linewidth: Int?
        let profile: String?
        let sci_mode: Bool?
    }

    /// The options after applying every `set_printoptions` call to the defaults.
    var printOptions: PrintOptions {
        var options = PrintOptions.default
        for call in self.options ?? [] {
            options.set(precision: call.precision, threshold: call.threshold?.scalar.doubleValue, edgeItems: call.edgeitems,
                        lineWidth: call.linewidth, profile: call.profile, sciMode: call.sci_mode)
        }
        return options
    }

    /// The tensor, built and transformed as the generator did.
    func tensor() throws -> Tensor {
        var tensor: Tensor
        if let gen {
            tensor = try gen.tensor()
        } else {
            guard let dtype, let shape, let values else { throw FixtureError.missing("values of \(name)") }
            let type = try fixtureDType(named: dtype)
            tensor = try Tensor(nested: .list(values.map { .scalar($0.scalar) }), dtype: type).reshape(shape)
        }
        for op in ops ?? [] { tensor = try apply(op, to: tensor) }
        return tensor
    }

    private func apply(_ op: [OpArgument], to t: Tensor) throws -> Tensor {
        guard case .string(let name) = op.first else { throw FixtureError.unknownOp("\(op)") }
        func int(_ i: Int) throws -> Int {
            guard op.count > i, case .int(let value) = op[i] else { throw FixtureError.unknownOp(name) }
            return value
        }
        func ints(_ i: Int) throws -> [Int] {
            guard op.count > i, case .ints(let value) = op[i] else { throw FixtureError.unknownOp(name) }
            return value
        }
        switch name {
        case "requires_grad": return try t.requiresGrad_()
        case "parameter": return try Tensor.parameter(t)
        case "mul1": return try t.mul(Tensor.wrapping(.int(1)))
        case "add0": return try t.add(Tensor.wrapping(.int(0)))
        case "neg": return try t.neg()
        case "relu": return try t.relu()
        case "abs": return try t.abs()
        case "clone": return try t.clone()
        case "view": return try t.view(try ints(1))
        case "t": return try t.t()
        case "transpose": return try t.transpose(try int(1), try int(2))
        case "permute": return try t.permute(try ints(1))
        case "unsqueeze": return try t.unsqueeze(try int(1))
        case "expand": return try t.expand(try ints(1))
        case "narrow": return try t.narrow(dim: try int(1), start: try int(2), length: try int(3))
        case "select": return try t.select(dim: try int(1), index: try int(2))
        case "double": return try t.double()
        case "float": return try t.float()
        case "detach": return t.detach()
        case "cat": return try Tensor.cat([t, t], dim: try int(1))
        case "stack": return try Tensor.stack([t, t], dim: try int(1))
        case "mm_eye": return try t.mm(try Tensor.eye(t.shape[1], dtype: t.dtype))
        default: throw FixtureError.unknownOp(name)
        }
    }
}
