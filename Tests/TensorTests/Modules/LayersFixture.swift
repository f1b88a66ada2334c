import FixtureSupport
import Foundation
import XCTest
@testable import Tensor

/// `layers.json`, written by `generate_layers.py`.
struct LayersFixture: Decodable {
    let functional: [OpCase]
    let modules: [ModuleCase]
    let `init`: [InitCase]
    let gains: [GainCase]
    let texts: [String: String]

    /// Decoded once for all the suites that read it.
    static let shared: LayersFixture? = try? loadFixture("layers")

    static func load() throws -> LayersFixture {
        guard let shared else { return try loadFixture("layers") }
        return shared
    }
}

/// A named tensor: a module parameter or a gradient.
struct NamedFixtureTensor: Decodable {
    let name: String
    let t: FixtureTensor
}

/// A module built right after `manual_seed(seed)`: its parameters, printout, output and gradients.
struct ModuleCase: Decodable {
    let kind: String
    let args: [String: FixtureValue]
    let seed: Int
    let error: CaseError?
    let repr: String?
    let params: [NamedFixtureTensor]?
    let eval: Bool?
    let input: FixtureTensor?
    let forward_error: CaseError?
    let output: FixtureTensor?
    let tol: [Double]?
    let grad_fn: String?
    let grads: [NamedFixtureTensor]?

    var label: String {
        let fields = args.keys.sorted().map { "\($0)=\(args[$0].map(String.init(describing:)) ?? "")" }
        return "\(kind)(\(fields.joined(separator: ", "))) seed \(seed)"
    }
}

/// An `nn.init` function applied to a fresh tensor after `manual_seed(seed)`.
struct InitCase: Decodable {
    let fn: String
    let shape: [Int]
    let dtype: String
    let seed: Int
    let kw: [String: FixtureValue]
    let out: FixtureTensor?
    let next: Double?
    let error: CaseError?
}

/// `nn.init.calculate_gain(name, param)`.
struct GainCase: Decodable {
    let name: String
    let param: Double?
    let gain: Double?
    let error: CaseError?
}

extension FixtureNumber {
    /// The number as an integer, all 64 bits of an int kept.
    var exactInt: Int? {
        switch self {
        case .int(let value): return Int(value)
        case .bool(let value): return value ? 1 : 0
        case .float(let value): return Int(exactly: value)
        }
    }
}

extension OpCase {
    /// A keyword argument as an integer.
    func int(_ key: String) -> Int? {
        if case .number(let n)? = kw?[key] { return n.exactInt }
        return nil
    }

    /// A keyword argument as a float ("nan", "inf" and "-inf" included).
    func double(_ key: String) -> Double? {
        switch kw?[key] {
        case .number(let n)?: return n.double
        case .string(let s)?: return FixtureNumber(string: s)?.double
        default: return nil
        }
    }

    /// A keyword argument as a bool.
    func bool(_ key: String) -> Bool? {
        if case .number(let n)? = kw?[key] { return n.double != 0 }
        return nil
    }

    /// A keyword argument as a string.
    func string(_ key: String) -> String? {
        if case .string(let s)? = kw?[key] { return s }
        return nil
    }

    /// A keyword argument as a list of integers.
    func ints(_ key: String) -> [Int]? {
        if case .list(let l)? = kw?[key] { return l.compactMap(\.exactInt) }
        return nil
    }

    /// A keyword argument naming a dtype.
    func dtype(_ key: String) throws -> DType? {
        try string(key).map { try FixtureTensor.dtype(named: $0) }
    }
}

/// Compares a thrown error (a TensorError or a ModuleError) with what PyTorch raised.
func assertSameError(
    _ error: Error, _ expected: CaseError, _ label: String, file: StaticString = #filePath, line: UInt = #line
) {
    let (kind, message): (String, String)
    switch error {
    case let error as TensorError: (kind, message) = (error.kind.rawValue, error.message)
    case let error as ModuleError: (kind, message) = (error.kind.rawValue, error.message)
    default:
        XCTFail("\(label): unexpected error \(error)", file: file, line: line)
        return
    }
    if kind != expected.type || message != expected.message {
        XCTFail("\(label): error \(kind): \(message)\n  expected \(expected.type): \(expected.message)",
                file: file, line: line)
    }
}
