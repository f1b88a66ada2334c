import XCTest
@testable import Tensor

final class ElementwiseTests: XCTestCase {
    func testBroadcastAddAndBackward() throws {
        let a = try Tensor([1, 2, 3] as [Float], shape: [3, 1]).requiresGrad_()
        let b = try Tensor([10, 20] as [Float], shape: [1, 2]).requiresGrad_()
        let c = try a.add(b)
        XCTAssertEqual(c.shape, [3, 2])
        XCTAssertEqual(c.doubles, [11, 21, 12, 22, 13, 23])
        XCTAssertEqual(c.gradFn?.name, "AddBackward0")
        try c.sum().backward()
        XCTAssertEqual(a.grad?.doubles, [2, 2, 2])
        XCTAssertEqual(b.grad?.doubles, [3, 3])
    }

    func testTransposeViewSharesStorageAndMatmul() throws {
        let m = try Tensor([1, 2, 3, 4, 5, 6] as [Float], shape: [2, 3])
        let t = try m.t()
        XCTAssertEqual(t.doubles, [1, 4, 2, 5, 3, 6])
        let p = try m.matmul(t)
        XCTAssertEqual(p.doubles, [14, 32, 32, 77])
        XCTAssertThrowsError(try m.matmul(m)) { error in
            XCTAssertEqual((error as? TensorError)?.message, "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)")
        }
    }
}
