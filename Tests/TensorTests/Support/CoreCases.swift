import FixtureSupport
import Foundation
import XCTest
@testable import Tensor

/// One recorded PyTorch call from `generate_core.py`: the op, its arguments, and what PyTorch returned or raised.
struct OpCase: Decodable {
    let op: String
    let args: [CaseArgument]
    let kw: [String: CaseValue]?
    let out: FixtureTensor?
    let error: CaseError?
    let grad_fn: String?
    let grads: [FixtureTensor?]?
    let backward_error: CaseError?
    let tol: [Double]?

    /// A short description for failure messages.
    var label: String {
        let kwText = kw.map { " " + $0.keys.sorted().map { "\($0)=\(kw?[$0].map(String.init(describing:)) ?? "")" }
            .joined(separator: ",") } ?? ""
        return "\(op)(\(args.map(\.label).joined(separator: ", ")))\(kwText)"
    }
}

/// The exception PyTorch raised.
struct CaseError: Decodable {
    let type: String
    let message: String
}

/// A keyword argument: a number, a list of numbers or a string.
enum CaseValue: Decodable, CustomStringConvertible {
    case number(FixtureNumber)
    case list([FixtureNumber])
    case string(String)

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(FixtureNumber.self) {
            self = .number(number)
        } else if let list = try? container.decode([FixtureNumber].self) {
            self = .list(list)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    var description: String {
        switch self {
        case .number(let n): return "\(n.scalar)"
        case .list(let l): return "\(l.map(\.scalar))"
        case .string(let s): return s
        }
    }

    /// The value as a Python number of the kind named by `kind` ("int", "float", "bool").
    func scalar(kind: CaseValue?) -> Scalar? {
        let number: FixtureNumber
        switch self {
        case .number(let n): number = n
        case .string(let s):
            guard let n = FixtureNumber(string: s) else { return nil }
            number = n
        case .list: return nil
        }
        guard case .string(let k)? = kind else { return number.scalar }
        return Scalar(number.scalar, kind: k)
    }
}

extension FixtureNumber {
    init?(string: String) {
        switch string {
        case "nan": self = .float(.nan)
        case "inf": self = .float(.infinity)
        case "-inf": self = .float(-.infinity)
        case "-0.0": self = .float(-0.0)
        default: return nil
        }
    }
}

extension Scalar {
    /// `value` as the Python type `kind` ("int", "float", "bool"), since JSON does not keep `2.0` apart from `2`.
    init(_ value: Scalar, kind: String) {
        switch kind {
        case "int": self = .int(Int64(scalar: value))
        case "bool": self = .bool(value.isNonZero)
        default: self = .float(value.doubleValue)
        }
    }
}

/// An argument: a tensor (a base, optionally viewed) or a wrapped Python number.
struct CaseArgument: Decodable {
    let t: FixtureTensor?
    let v: String?
    let rg: Bool?
    let shape: [Int]?
    let w: FixtureNumber?
    let wt: String?

    var label: String {
        if let w, let wt { return "\(wt) \(w.scalar)" }
        guard let t else { return "?" }
        return "\(t.dtype)\(t.shape)\(v.map { ".\($0)" } ?? "")\(rg == true ? "(rg)" : "")"
    }

    /// The tensor this argument stands for, and the leaf whose gradient the fixture reports (if it requires grad).
    func make() throws -> (value: Tensor, leaf: Tensor?) {
        if let w, let wt { return (Tensor.wrapping(Scalar(w.scalar, kind: wt)), nil) }
        guard let t else { throw FixtureError.missing("argument") }
        let base = try t.tensor()
        if rg == true { try base.requiresGrad_() }
        let value: Tensor
        switch v {
        case "t": value = try base.transpose(-2, -1)
        case "s": value = try base.slice(dim: -1, step: 2)
        case "e": value = try base.expand(shape ?? base.shape)
        default: value = base
        }
        return (value, rg == true ? base : nil)
    }
}

/// Runs recorded cases against the engine and reports every mismatch.
enum CaseRunner {
    /// Runs each case through `apply`, which maps the op name and arguments to an engine call (nil: op unknown).
    static func run(
        _ cases: [OpCase], file: StaticString = #filePath, line: UInt = #line,
        _ apply: (OpCase, [Tensor]) throws -> Tensor?
    ) {
        var failures = 0
        for testCase in cases {
            if let problem = check(testCase, apply) {
                failures += 1
                if failures <= 60 { XCTFail("\(testCase.label): \(problem)", file: file, line: line) }
            }
        }
        if failures > 60 { XCTFail("\(failures) failing cases in all", file: file, line: line) }
    }

    /// The first disagreement with PyTorch in one case, or nil.
    static func check(_ testCase: OpCase, _ apply: (OpCase, [Tensor]) throws -> Tensor?) -> String? {
        let made: [(value: Tensor, leaf: Tensor?)]
        do { made = try testCase.args.map { try $0.make() } } catch { return "could not build arguments: \(error)" }
        let result: Tensor
        do {
            guard let value = try apply(testCase, made.map(\.value)) else { return "unknown op" }
            result = value
        } catch let error as TensorError {
            guard let expected = testCase.error else { return "unexpected error \(error)" }
            return compare(error, expected)
        } catch {
            return "unexpected error \(error)"
        }
        if let expected = testCase.error {
            return "expected \(expected.type): \(expected.message), got \(result.dtype.name) \(result.shape)"
        }
        guard let expected = testCase.out else { return "fixture has neither out nor error" }
        if let problem = compare(result, expected, tol: testCase.tol) { return "output: \(problem)" }
        if result.gradFn?.name != testCase.grad_fn {
            return "grad_fn \(result.gradFn?.name ?? "nil") != \(testCase.grad_fn ?? "nil")"
        }
        guard testCase.grads != nil || testCase.backward_error != nil else { return nil }
        do {
            let weights = try CaseRunner.weights(like: result)
            try result.backward(gradient: weights)
        } catch let error as TensorError {
            guard let expected = testCase.backward_error else { return "backward failed: \(error)" }
            return compare(error, expected)
        } catch {
            return "backward failed: \(error)"
        }
        if let expected = testCase.backward_error { return "expected backward error \(expected.message)" }
        for (index, (made, grad)) in zip(made, testCase.grads ?? []).enumerated() {
            guard let grad else { continue }
            // Gradients come from formulas whose rounding may differ from PyTorch's (and saturating ones such as
            // 1 - tanh² magnify an ulp of the forward), so they get a looser floor than the forward.
            let floor = grad.dtype == "float32" ? [4e-6, 1e-7] : [1e-9, 1e-300]
            let forward = testCase.tol ?? [0, 0]
            let gradTol = [Swift.max(forward[0] * 4, floor[0]), Swift.max(forward[1] * 4, floor[1])]
            if let problem = compare(made.leaf?.grad, grad, tol: gradTol) {
                return "grad of argument \(index): \(problem)"
            }
        }
        return nil
    }

    /// The backward seed the generator uses: `0.5 + (i % 7) * 0.25`, in the output's dtype and shape.
    static func weights(like out: Tensor) throws -> Tensor {
        let values = (0..<out.count).map { 0.5 + Double($0 % 7) * 0.25 }
        return try Tensor(values, shape: out.shape).to(out.dtype)
    }

    static func compare(_ error: TensorError, _ expected: CaseError) -> String? {
        if error.message != expected.message || error.kind.rawValue != expected.type {
            return "error \(error.kind.rawValue): \(error.message)\n  expected \(expected.type): \(expected.message)"
        }
        return nil
    }

    /// Compares dtype, shape and values: bit for bit (NaN with NaN, -0.0 apart from 0.0) without a tolerance.
    static func compare(_ actual: Tensor?, _ expected: FixtureTensor, tol: [Double]?) -> String? {
        guard let actual else { return "missing" }
        if actual.dtype != (try? FixtureTensor.dtype(named: expected.dtype)) {
            return "dtype \(actual.dtype.name) != \(expected.dtype)"
        }
        if actual.shape != expected.shape { return "shape \(actual.shape) != \(expected.shape)" }
        let values = actual.doubles
        for (i, (a, e)) in zip(values, expected.values.map(\.double)).enumerated() {
            if a.isNaN && e.isNaN { continue }
            if let tol {
                if a == e { continue }
                if a.isNaN || e.isNaN || Swift.abs(a - e) > tol[1] + tol[0] * Swift.abs(e) {
                    return "element \(i): \(a) != \(e) (got \(values), expected \(expected.values.map(\.double)))"
                }
            } else if a.bitPattern != e.bitPattern {
                return "element \(i): \(a) != \(e) exactly (got \(values), expected \(expected.values.map(\.double)))"
            }
        }
        return nil
    }
}
