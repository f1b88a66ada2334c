import FixtureSupport
import XCTest
@testable import Tensor

/// gather, scatter, index_select, index_add, index_put, masked_select, nonzero, one_hot, sort, topk and
/// take_along_dim against PyTorch 2.13's recorded results, and their gradients against finite differences.
final class IndexingOpsTests: XCTestCase {
    private func cases() throws -> [IndexingOpCase] {
        try XCTUnwrap(IndexingFixture.shared, "indexing.json did not load").ops
    }

    /// Calls the op a case names, as the generator called it.
    private func run(_ c: IndexingOpCase, _ a: [Tensor]) throws -> [Tensor] {
        let p = c.params
        let dim = p["dim"]?.intValue ?? -1
        switch c.op {
        case "gather":
            return [try a[0].gather(dim: dim, index: a[1])]
        case "scatter":
            return [try a[0].scatter(dim: dim, index: a[1], src: a[2], reduce: p["reduce"]?.stringValue)]
        case "scatter_value":
            return [try a[0].scatter(dim: dim, index: a[1], value: try XCTUnwrap(p["value"]?.scalarValue),
                                     reduce: p["reduce"]?.stringValue)]
        case "scatter_":
            return [try a[0].clone().scatter_(dim: dim, index: a[1], src: a[2])]
        case "scatter_value_":
            return [try a[0].clone().scatter_(dim: dim, index: a[1], value: try XCTUnwrap(p["value"]?.scalarValue))]
        case "scatter_leaf":
            return [try a[0].scatter_(dim: dim, index: a[1], src: a[2])]
        case "scatter_add":
            return [try a[0].scatterAdd(dim: dim, index: a[1], src: a[2])]
        case "scatter_add_":
            return [try a[0].clone().scatterAdd_(dim: dim, index: a[1], src: a[2])]
        case "index_select":
            return [try a[0].indexSelect(dim: dim, index: a[1])]
        case "index_add":
            return [try a[0].indexAdd(dim: dim, index: a[1], source: a[2], alpha: p["alpha"]?.scalarValue ?? .int(1))]
        case "index_add_":
            return [try a[0].clone().indexAdd_(dim: dim, index: a[1], source: a[2],
                                               alpha: p["alpha"]?.scalarValue ?? .int(1))]
        case "index_put_":
            return [try a[0].clone().indexPut_(tensors: Array(a[2...]), values: a[1],
                                               accumulate: p["accumulate"]?.boolValue ?? false)]
        case "index_put":
            return [try a[0].indexPut(tensors: Array(a[2...]), values: a[1],
                                      accumulate: p["accumulate"]?.boolValue ?? false)]
        case "index_put_leaf":
            return [try a[0].indexPut_(tensors: [a[2]], values: a[1])]
        case "masked_select":
            return [try a[0].maskedSelect(a[1])]
        case "nonzero":
            return [try a[0].nonzero()]
        case "nonzero_tuple":
            return try a[0].nonzeroAsTuple()
        case "one_hot":
            return [try a[0].oneHot(numClasses: p["num_classes"]?.intValue ?? -1)]
        case "sort":
            let (values, indices) = try a[0].sort(dim: dim, descending: p["descending"]?.boolValue ?? false,
                                                  stable: p["stable"]?.boolValue)
            return [values, indices]
        case "argsort":
            return [try a[0].argsort(dim: dim, descending: p["descending"]?.boolValue ?? false,
                                     stable: p["stable"]?.boolValue ?? false)]
        case "msort":
            return [try a[0].msort()]
        case "topk":
            let (values, indices) = try a[0].topk(
                try XCTUnwrap(p["k"]?.intValue), dim: dim, largest: p["largest"]?.boolValue ?? true,
                sorted: p["sorted"]?.boolValue ?? true)
            return [values, indices]
        case "take_along_dim":
            return [try a[0].takeAlongDim(a[1], dim: p["dim"]?.intValue)]
        default:
            throw FixtureError.missing("op \(c.op)")
        }
    }

    func testOpsMatchPyTorch() throws {
        let cases = try cases()
        XCTAssertGreaterThan(cases.count, 300)
        for c in cases {
            let made = try c.inputs.map { try $0.make() }
            let arguments = made.map(\.argument)
            if let error = c.error {
                assertThrows(error, c.name) { try run(c, arguments) }
                continue
            }
            let outputs: [Tensor]
            do {
                outputs = try run(c, arguments)
            } catch {
                XCTFail("\(c.name): \(error)")
                continue
            }
            let expected = try XCTUnwrap(c.outputs, c.name)
            XCTAssertEqual(outputs.count, expected.count, c.name)
            for (actual, wanted) in zip(outputs, expected) { assertTensor(actual, equals: wanted, c.name) }
            XCTAssertEqual(outputs.map { plainNodeName($0.gradFn?.name) }, (c.grad_fns ?? []).map(plainNodeName),
                           "\(c.name): grad_fn")
            guard c.grads != nil || c.backward_error != nil else { continue }
            let loss = try outputs[0].mul(try indexingWeights(like: outputs[0])).sum()
            if let error = c.backward_error {
                assertThrows(error, "\(c.name) backward") { try loss.backward() }
                continue
            }
            try loss.backward()
            for (i, grad) in (c.grads ?? []).enumerated() {
                guard let grad else { continue }
                assertTensor(made[i].leaf.grad, equals: grad, "\(c.name): grad of input \(i)")
            }
        }
    }

    /// Every differentiable float64 case, checked against central finite differences as well as against PyTorch.
    func testOpGradientsMatchFiniteDifferences() throws {
        var checked = 0
        for c in try cases() where c.error == nil && c.backward_error == nil && c.grads != nil && c.fd {
            let specs = c.inputs
            let differentiable = specs.indices.filter { specs[$0].grad && specs[$0].t.dtype == "float64" }
            guard !differentiable.isEmpty, differentiable.count == specs.filter(\.grad).count else { continue }
            let leaves = try differentiable.map { try specs[$0].t.leaf() }
            let constants = try specs.map { try $0.t.tensor() }
            try assertGradientsMatchFiniteDifferences(leaves) { inputs in
                var arguments: [Tensor] = []
                for (i, spec) in specs.enumerated() {
                    let base = differentiable.firstIndex(of: i).map { inputs[$0] } ?? constants[i]
                    arguments.append(try spec.apply(base))
                }
                return try self.run(c, arguments)[0]
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 40)
    }

    // MARK: - Behaviour beyond the fixtures

    func testSortOfLongRowsOrdersEveryElement() throws {
        // Long rows of many ties exercise every partition step; the order must be a permutation that sorts, and the
        // stable variant must keep equal values in their original order.
        let n = 600
        var values = [Double](repeating: 0, count: n)
        for i in 0..<n { values[i] = Double((i * 7919) % 13) }
        let x = try Tensor(values)
        let (sorted, indices) = try x.sort()
        let positions = indices.elements(as: Int64.self).map(Int.init)
        XCTAssertEqual(sorted.doubles, values.sorted())
        XCTAssertEqual(Set(positions).count, n)
        XCTAssertEqual(positions.map { values[$0] }, values.sorted())
        let (stableSorted, stableIndices) = try x.sort(stable: true)
        XCTAssertEqual(stableSorted.doubles, values.sorted())
        let stable = stableIndices.elements(as: Int64.self).map(Int.init)
        for k in 1..<n where values[stable[k]] == values[stable[k - 1]] { XCTAssertLessThan(stable[k - 1], stable[k]) }
    }

    func testIntroSortAlgorithmsAgainstReferenceOrders() throws {
        // Values whose ties and NaNs make every partition step visible; the expected orders are what libstdc++'s
        // std::sort / nth_element / partial_sort produce (checked against PyTorch in the fixtures).
        let x = try Tensor([3, 1, 3, Double.nan, 2, 1, 3, -0.0, 0, .infinity, -.infinity])
        XCTAssertEqual(try x.sort().indices.doubles, [10, 7, 8, 1, 5, 4, 0, 2, 6, 9, 3])
        XCTAssertEqual(try x.sort(descending: true).indices.doubles, [3, 9, 0, 2, 6, 4, 1, 5, 7, 8, 10])
        XCTAssertEqual(try x.topk(4).indices.doubles, [3, 9, 6, 2])
        XCTAssertEqual(try x.topk(5, largest: false, sorted: false).indices.doubles, [5, 10, 8, 7, 1])
    }

    func testMaskedSelectAndNonzeroOnViews() throws {
        let x = try Tensor.arange(.int(12)).reshape([3, 4]).t()
        let mask = try x.gt(Tensor.wrapping(.int(5)))
        XCTAssertEqual(try x.maskedSelect(mask).doubles, [8, 9, 6, 10, 7, 11])
        XCTAssertEqual(try mask.nonzero().doubles, [0, 2, 1, 2, 2, 1, 2, 2, 3, 1, 3, 2])
        XCTAssertEqual(try mask.nonzeroAsTuple().map(\.doubles), [[0, 1, 2, 2, 3, 3], [2, 2, 1, 2, 1, 2]])
    }

    func testScatterWithReduceIsNotDifferentiable() throws {
        let x = try Tensor.zeros([3], dtype: .float64).requiresGrad_()
        let out = try x.scatter(dim: 0, index: try Tensor([Int64(0)]), value: .float(1), reduce: "add")
        XCTAssertEqual(out.gradFn?.name, "NotImplemented")
        assertTensorError("derivative for aten::scatter is not implemented") { try out.sum().backward() }
    }
}
