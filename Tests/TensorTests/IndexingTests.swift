import XCTest
@testable import Tensor

/// Python subscripts, read and written, against PyTorch 2.13's recorded results.
final class IndexingTests: XCTestCase {
    private func fixture() throws -> IndexingFixture {
        try XCTUnwrap(IndexingFixture.shared, "indexing.json did not load")
    }

    func testGetItemMatchesPyTorch() throws {
        let cases = try fixture().getitem
        XCTAssertGreaterThan(cases.count, 100)
        for c in cases {
            let (leaf, x) = try c.input.make()
            if let error = c.error {
                assertThrows(error, c.name) { try c.index.get(x) }
                continue
            }
            let out: Tensor
            do {
                out = try c.index.get(x)
            } catch {
                XCTFail("\(c.name): \(error)")
                continue
            }
            guard let expected = c.out else { continue }
            assertTensor(out, equals: expected, c.name)
            XCTAssertEqual(plainNodeName(out.gradFn?.name), plainNodeName(c.grad_fn), c.name)
            XCTAssertEqual(out.isView, c.is_view, "\(c.name): is a view")
            guard c.input.grad else { continue }
            try out.mul(try indexingWeights(like: out)).sum().backward()
            if let grad = c.grad { assertTensor(leaf.grad, equals: grad, c.name) }
        }
    }

    func testSetItemMatchesPyTorch() throws {
        let cases = try fixture().setitem
        XCTAssertGreaterThan(cases.count, 50)
        for c in cases {
            let leaf = try c.input.t.leaf()
            if c.input.grad { try leaf.requiresGrad_() }
            let target: Tensor
            if c.through_mul ?? true {
                target = try c.input.apply(c.input.grad ? try leaf.mul(Tensor.wrapping(.int(1))) : try leaf.clone())
            } else {
                target = try c.input.apply(leaf)
            }
            guard let valueSpec = c.value else { continue }
            let (valueLeaf, value) = try valueSpec.make()
            if let error = c.error {
                assertThrows(error, c.name) { try c.index.set(target, value) }
                continue
            }
            do {
                try c.index.set(target, value)
            } catch {
                XCTFail("\(c.name): \(error)")
                continue
            }
            guard let expected = c.out else { continue }
            assertTensor(target, equals: expected, c.name)
            // NOTE: PyTorch regenerates the grad_fn of every other view of a base written in place (here the
            // transposed target, written through a view of it); the engine does not yet, so writes through views are
            // compared by value only.
            guard c.input.layout == nil else { continue }
            XCTAssertEqual(plainNodeName(target.gradFn?.name), plainNodeName(c.grad_fn), c.name)
            guard target.requiresGrad else { continue }
            try target.mul(try indexingWeights(like: target)).sum().backward()
            if let grad = c.grad { assertTensor(leaf.grad, equals: grad, "\(c.name): target grad") }
            if let grad = c.value_grad { assertTensor(valueLeaf?.grad, equals: grad, "\(c.name): value grad") }
        }
    }

    func testOverlappingIndexPutIsRefused() throws {
        let expected = try XCTUnwrap(try fixture().overlap.error)
        let y = try Tensor.arange(.float(6))
        assertThrows(expected, "overlap") {
            let head = try y.index(.slice(start: 0, end: 3, step: nil))
            try y.indexPut_(.tensor(try Tensor([Int64(1), 2, 3])), value: head)
        }
    }

    // MARK: - Views and writes

    func testBasicSubscriptsAreViewsThatWriteThrough() throws {
        let x = try Tensor.arange(.int(12)).reshape([3, 4])
        let row = try x.index(1)
        try row.fill_(.int(0))
        XCTAssertEqual(x.doubles, [0, 1, 2, 3, 0, 0, 0, 0, 8, 9, 10, 11])
        let column = try x.index([.all, .int(-1)])
        XCTAssertEqual(column.doubles, [3, 0, 11])
        XCTAssertTrue(column.storage === x.storage)
        let copy = try x.index([.all, .tensor(try Tensor([Int64(0), 2]))])
        XCTAssertFalse(copy.storage === x.storage)
    }

    func testSetItemWritesThroughViewsOfTheTarget() throws {
        let x = try Tensor.zeros([3, 4])
        let view = try x.index(.slice(start: 1, end: nil, step: nil))
        try view.indexPut_([.all, .tensor(try Tensor([Int64(0), 3]))], value: Tensor.wrapping(.float(2)))
        try view.indexPut_(.int(0), value: Tensor.wrapping(.int(7)))
        XCTAssertEqual(x.doubles, [0, 0, 0, 0, 7, 7, 7, 7, 2, 0, 0, 2])
    }

    func testAdvancedIndexingWithDimensionsSeparatedBySlices() throws {
        let x = try Tensor.arange(.int(24)).reshape([2, 3, 4])
        let i = try Tensor([Int64(0), 1])
        let j = try Tensor([Int64(1), 3])
        // Separated advanced indices move to the front of the result.
        let separated = try x.index([.tensor(i), .all, .tensor(j)])
        XCTAssertEqual(separated.shape, [2, 3])
        XCTAssertEqual(separated.doubles, [1, 5, 9, 15, 19, 23])
        // Adjacent ones stay where they are.
        let adjacent = try x.index([.all, .tensor(i), .tensor(j)])
        XCTAssertEqual(adjacent.shape, [2, 2])
        XCTAssertEqual(adjacent.doubles, [1, 7, 13, 19])
    }

    func testAccumulatingIndexPutAddsRepeatedPositions() throws {
        let x = try Tensor.zeros([4], dtype: .float64)
        let positions = try Tensor([Int64(1), 1, 3, -1])
        try x.indexPut_(tensors: [positions], values: try Tensor([1.0, 2, 3, 4]), accumulate: true)
        XCTAssertEqual(x.doubles, [0, 3, 0, 7])
        try x.indexPut_(tensors: [positions], values: try Tensor([1.0, 2, 3, 4]))
        XCTAssertEqual(x.doubles, [0, 2, 0, 4])
    }

    func testAdvancedIndexingGradientsMatchFiniteDifferences() throws {
        let x = try Tensor((0..<24).map { sin(Double($0)) }, shape: [2, 3, 4])
        let rows = try Tensor([Int64(1), 0, 1])
        let mask = try Tensor([true, false, true, true], shape: [4])
        try assertGradientsMatchFiniteDifferences([x]) { inputs in
            try inputs[0].index([.tensor(rows), .all, .tensor(try Tensor([Int64(3), 0, 3]))])
        }
        try assertGradientsMatchFiniteDifferences([x]) { inputs in
            try inputs[0].index([.int(1), .newAxis, .all, .tensor(mask)])
        }
        try assertGradientsMatchFiniteDifferences([x]) { inputs in
            try inputs[0].index([
                .slice(start: nil, end: nil, step: 2), .ellipsis, .slice(start: 1, end: -1, step: nil),
            ])
        }
    }

    func testSetItemGradientsMatchFiniteDifferences() throws {
        let x = try Tensor((0..<12).map { cos(Double($0)) }, shape: [3, 4])
        let v = try Tensor([0.5, -1.5, 2.5, 1.0], shape: [1, 4])
        let rows = try Tensor([Int64(2), 0])
        try assertGradientsMatchFiniteDifferences([x, v]) { inputs in
            let target = try inputs[0].mul(inputs[0])
            try target.indexPut_([.tensor(rows)], value: try inputs[1].mul(Tensor.wrapping(.int(3))))
            return target
        }
        try assertGradientsMatchFiniteDifferences([x, v]) { inputs in
            let target = try inputs[0].add(Tensor.wrapping(.float(0.5)))
            try target.indexPut_([.int(1)], value: inputs[1])
            let tail = try inputs[1].index([.int(0), .slice(start: 1, end: nil, step: nil)])
            try target.indexPut_([.all, .int(0)], value: tail)
            return target
        }
        try assertGradientsMatchFiniteDifferences([x, v]) { inputs in
            try inputs[0].indexPut(tensors: [rows, nil], values: inputs[1], accumulate: true)
        }
    }

    func testSlicingEdgeCases() throws {
        let x = try Tensor.arange(.int(10))
        XCTAssertEqual(try x.index(.slice(start: -3, end: nil, step: nil)).doubles, [7, 8, 9])
        XCTAssertEqual(try x.index(.slice(start: -100, end: 2, step: nil)).doubles, [0, 1])
        XCTAssertEqual(try x.index(.slice(start: 8, end: 3, step: nil)).shape, [0])
        XCTAssertEqual(try x.index(.slice(start: 1, end: nil, step: 4)).doubles, [1, 5, 9])
        XCTAssertEqual(try x.index(.slice(start: nil, end: nil, step: Int.max)).doubles, [0])
        XCTAssertEqual(try x.index(.slice(start: Int.min, end: Int.max, step: nil)).count, 10)
        XCTAssertEqual(try x.index(.slice(start: Int.max, end: nil, step: nil)).count, 0)
        assertTensorError("step must be greater than zero") { try x.index(.slice(start: nil, end: nil, step: -1)) }
        assertTensorError("slice step cannot be zero") { try x.index(.slice(start: nil, end: nil, step: 0)) }
        assertTensorError("index -11 is out of bounds for dimension 0 with size 10") { try x.index(-11) }
        assertTensorError("index 9223372036854775807 is out of bounds for dimension 0 with size 10") {
            try x.index(.int(Int.max))
        }
        assertTensorError("index -9223372036854775808 is out of bounds for dimension 0 with size 10") {
            try x.index(.int(Int.min))
        }
        XCTAssertEqual((try? x.select(dim: 0, index: -1))?.doubles, [9])
        assertTensorError("select(): index 10 out of range for tensor of size [10] at dimension 0") {
            try x.select(dim: 0, index: 10)
        }
        assertTensorError("select() cannot be applied to a 0-dim tensor.") {
            try Tensor(.float(1)).select(dim: 0, index: 0)
        }
        assertTensorError("slice() cannot be applied to a 0-dim tensor.") { try Tensor(.float(1)).slice(dim: 0) }
        assertTensorError("start out of range (expected to be in range of [-10, 10], but got 11)") {
            try x.narrow(dim: 0, start: 11, length: 0)
        }
        XCTAssertEqual(try x.narrow(dim: 0, start: -3, length: 2).doubles, [7, 8])
    }
}
