import FixtureSupport
import Foundation
import XCTest
@testable import Tensor

/// `Fixtures/indexing.json`, written by `generate_indexing.py`.
struct IndexingFixture: Decodable {
    let getitem: [SubscriptCase]
    let setitem: [SubscriptCase]
    let ops: [IndexingOpCase]
    let overlap: OverlapCase

    static let shared: IndexingFixture? = try? loadFixture("indexing")

    struct OverlapCase: Decodable {
        let error: IndexingError?
    }
}

/// An exception PyTorch raised: its class name and message.
struct IndexingError: Decodable {
    let type: String
    let message: String
}

/// A tensor argument: the stored base, a layout applied to it, and whether the base requires grad.
struct IndexingInput: Decodable {
    let t: FixtureTensor
    let layout: String?
    let grad: Bool

    /// The leaf (gradients are taken for it) and the argument made from it.
    func make() throws -> (leaf: Tensor, argument: Tensor) {
        let leaf = try t.leaf()
        if grad { try leaf.requiresGrad_() }
        return (leaf, try apply(leaf))
    }

    /// The layout applied to `tensor`, as the generator applies it.
    func apply(_ tensor: Tensor) throws -> Tensor {
        switch layout {
        case "t": return try tensor.transpose(-2, -1)
        case "step": return try tensor.slice(dim: -1, step: 2)
        case "expand": return try tensor.expand([40] + tensor.shape.dropFirst())
        default: return tensor
        }
    }
}

extension FixtureTensor {
    /// The tensor as a leaf of its own: not a view of the storage it was built in, as a fresh PyTorch tensor is not.
    func leaf() throws -> Tensor { try tensor().detach() }
}

/// One entry of a recorded subscript.
struct IndexingItem: Decodable {
    let int: Int?
    let slice: [Int?]?
    let none: Bool?
    let ellipsis: Bool?
    let bool: Bool?
    let tensor: FixtureTensor?

    func index() throws -> TensorIndex {
        if let int { return .int(int) }
        if let slice { return .slice(start: slice[0], end: slice[1], step: slice[2]) }
        if none != nil { return .newAxis }
        if ellipsis != nil { return .ellipsis }
        if let bool { return .bool(bool) }
        if let tensor { return .tensor(try tensor.tensor()) }
        throw FixtureError.missing("index item")
    }
}

/// A subscript, tuple or not.
struct IndexingSubscript: Decodable {
    let tuple: Bool
    let items: [IndexingItem]

    func get(_ tensor: Tensor) throws -> Tensor {
        let indices = try items.map { try $0.index() }
        return tuple ? try tensor.index(indices) : try tensor.index(indices[0])
    }

    func set(_ tensor: Tensor, _ value: Tensor) throws {
        let indices = try items.map { try $0.index() }
        if tuple { try tensor.indexPut_(indices, value: value) } else { try tensor.indexPut_(indices[0], value: value) }
    }
}

/// A value assigned by a subscript: a tensor argument or a Python number.
struct IndexingValue: Decodable {
    let tensor: IndexingInput?
    let number: FixtureNumber?
    let kind: String?

    func make() throws -> (leaf: Tensor?, value: Tensor) {
        if let tensor {
            let (leaf, value) = try tensor.make()
            return (leaf, value)
        }
        guard let number, let kind else { throw FixtureError.missing("value") }
        switch kind {
        case "bool": return (nil, Tensor.wrapping(.bool(number.double != 0)))
        case "int": return (nil, Tensor.wrapping(.int(Int64(number.double))))
        default: return (nil, Tensor.wrapping(.float(number.double)))
        }
    }
}

/// A recorded `x[index]` or `x[index] = value`.
struct SubscriptCase: Decodable {
    let name: String
    let input: IndexingInput
    let index: IndexingSubscript
    let value: IndexingValue?
    let through_mul: Bool?
    let out: FixtureTensor?
    let error: IndexingError?
    let grad_fn: String?
    let is_view: Bool?
    let grad: FixtureTensor?
    let value_grad: FixtureTensor?
}

/// A recorded operation call.
struct IndexingOpCase: Decodable {
    let name: String
    let op: String
    let inputs: [IndexingInput]
    let params: [String: FixtureValue]
    let fd: Bool
    let outputs: [FixtureTensor]?
    let grad_fns: [String?]?
    let grads: [FixtureTensor?]?
    let error: IndexingError?
    let backward_error: IndexingError?
}

/// The weights the generator multiplies an output by before summing it for backward: 0.5 + (i % 7) * 0.25.
func indexingWeights(like tensor: Tensor) throws -> Tensor {
    let values = (0..<tensor.count).map { 0.5 + Double($0 % 7) * 0.25 }
    return try Tensor(values, shape: tensor.shape).to(tensor.dtype)
}

/// A grad_fn name as PyTorch's `name()` gives it, without the `torch::autograd::` namespace.
func plainNodeName(_ name: String?) -> String? {
    name.map { $0.replacingOccurrences(of: "torch::autograd::", with: "") }
}

/// Asserts that `body` throws the recorded error: same message and same Python exception class.
func assertThrows<T>(
    _ expected: IndexingError, _ label: String, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> T
) {
    do {
        _ = try body()
        XCTFail("\(label): expected \(expected.type): \(expected.message)", file: file, line: line)
    } catch let error as TensorError {
        XCTAssertEqual(error.message, expected.message, label, file: file, line: line)
        XCTAssertEqual(error.kind.rawValue, expected.type, label, file: file, line: line)
    } catch {
        XCTFail("\(label): unexpected error \(error)", file: file, line: line)
    }
}
