import XCTest
@testable import Tensor

/// Copies within one dtype take block moves for rows read in order, fills for broadcast rows, and an element loop
/// otherwise: every path must give the values the view shows, in every dtype.
final class CopyTests: XCTestCase {
    private func grid(_ rows: Int, _ columns: Int, dtype: DType) throws -> Tensor {
        let values = (0..<(rows * columns)).map { Double($0 % 7 == 3 ? 0 : $0) }
        return try Tensor(values.map { Float($0) }, shape: [rows, columns]).to(dtype)
    }

    func testColumnSliceBroadcastRowAndTransposeCopyTheirValuesInEveryDType() throws {
        for dtype in [DType.float32, .float64, .int64, .bool] {
            let m = try grid(6, 8, dtype: dtype)
            let expected = m.doubles
            let slice = try m.narrow(dim: 1, start: 2, length: 3)
            XCTAssertEqual(try slice.contiguous().doubles,
                           (0..<6).flatMap { row in (2..<5).map { expected[row * 8 + $0] } }, "\(dtype)")
            let row = try m.select(dim: 0, index: 1)
            XCTAssertEqual(try row.expand([4, 8]).contiguous().doubles,
                           Array((0..<4).map { _ in Array(expected[8..<16]) }.joined()), "\(dtype)")
            let column = try m.narrow(dim: 1, start: 5, length: 1)
            XCTAssertEqual(try column.expand([6, 8]).contiguous().doubles,
                           (0..<6).flatMap { row in Array(repeating: expected[row * 8 + 5], count: 8) }, "\(dtype)")
            XCTAssertEqual(try m.t().contiguous().doubles,
                           (0..<8).flatMap { column in (0..<6).map { expected[$0 * 8 + column] } }, "\(dtype)")
        }
    }

    func testCopyIntoATransposedViewWritesThroughIt() throws {
        let destination = try Tensor.zeros([3, 4], dtype: .float32)
        let source = try grid(4, 3, dtype: .float32)
        try destination.t().copy_(source)
        XCTAssertEqual(destination.doubles, try source.t().contiguous().doubles)
    }

    func testLinearBiasIsAddedToEveryRowOfALongBatch() throws {
        let input = try Tensor.ones([300, 1, 4], dtype: .float32)
        let weight = try Tensor.zeros([5, 4], dtype: .float32)
        let bias = try Tensor([1, 2, 3, 4, 5] as [Float], shape: [5])
        let out = try Functional.linear(input, weight: weight, bias: bias)
        XCTAssertEqual(out.shape, [300, 1, 5])
        XCTAssertEqual(out.doubles, Array(repeating: [1, 2, 3, 4, 5] as [Double], count: 300).flatMap { $0 })
    }
}
