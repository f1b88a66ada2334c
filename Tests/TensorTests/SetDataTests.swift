import XCTest
@testable import Tensor

/// `t.data = x` as PyTorch does it: the tensor keeps its identity and autograd flags but reads x's storage.
final class SetDataTests: XCTestCase {
    func testSetDataSharesTheSourceStorageAndKeepsAutogradFlags() throws {
        let weight = try Tensor([1.0, 2.0, 3.0], shape: [3]).requiresGrad_(true)
        let replacement = try Tensor([7.0, 8.0, 9.0, 10.0], shape: [2, 2])
        try weight.setData_(replacement)
        XCTAssertEqual(weight.shape, [2, 2])
        XCTAssertEqual(weight.doubles, [7, 8, 9, 10])
        XCTAssertTrue(weight.requiresGrad)
        XCTAssertTrue(weight.isLeaf)
        // The storage is shared: writing through the source shows in the tensor.
        _ = try replacement.fill_(.int(0))
        XCTAssertEqual(weight.doubles, [0, 0, 0, 0])
    }

    func testSetDataOfAnUpdatedDetachedCopyKeepsTheUpdate() throws {
        let weight = try Tensor([1.0, 2.0], shape: [2]).requiresGrad_(true)
        // `p.data += -lr * p.grad`: the detached view is updated in place, then assigned back.
        let data = weight.detach()
        _ = try data.add_(try Tensor([0.5, -0.5], shape: [2]))
        try weight.setData_(data)
        XCTAssertEqual(weight.doubles, [1.5, 1.5])
    }

    func testSetDataRefusesIntegersForTensorsThatRequireGrad() throws {
        let weight = try Tensor([1.0], shape: [1]).requiresGrad_(true)
        XCTAssertThrowsError(try weight.setData_(Tensor([Int64(1)], shape: [1]))) { error in
            XCTAssertEqual((error as? TensorError)?.message, "data set to a tensor that requires gradients must be "
                + "floating point or complex dtype")
        }
    }

    func testSetDataMayChangeTheDtype() throws {
        let weight = try Tensor([1.5, 2.5], shape: [2]).requiresGrad_(true)
        try weight.setData_(try weight.detach().to(.float64))
        XCTAssertEqual(weight.dtype, .float64)
        XCTAssertEqual(weight.doubles, [1.5, 2.5])
        XCTAssertTrue(weight.requiresGrad)
        let counts = try Tensor([1.0], shape: [1])
        try counts.setData_(Tensor([Int64(4), 5], shape: [2]))
        XCTAssertEqual(counts.dtype, .int64)
    }
}
