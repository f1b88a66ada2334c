import XCTest
@testable import Tensor

/// Random operations refuse bad arguments with the messages PyTorch 2.13 printed for the same calls
/// (`errors` in `Fixtures/random.json`).
final class RandomErrorTests: XCTestCase {
    private typealias Call = () throws(TensorError) -> Void

    private static func values(_ xs: [Float]) throws(TensorError) -> Tensor { try Tensor(xs) }

    private let calls: [(String, Call)] = [
        ("randint_equal", { () throws(TensorError) in _ = try Tensor.randint(low: 5, high: 5, shape: [3]) }),
        ("randint_reversed", { () throws(TensorError) in _ = try Tensor.randint(low: 5, high: 3, shape: [3]) }),
        ("randint_bool_range", { () throws(TensorError) in
            _ = try Tensor.randint(low: 0, high: 3, shape: [3], dtype: .bool) }),
        ("randint_bool_from", { () throws(TensorError) in
            _ = try Tensor.randint(low: -1, high: 1, shape: [3], dtype: .bool) }),
        ("rand_negative", { () throws(TensorError) in _ = try Tensor.rand([2, -3]) }),
        ("rand_int64", { () throws(TensorError) in _ = try Tensor.rand([3], dtype: .int64) }),
        ("randn_int64", { () throws(TensorError) in _ = try Tensor.randn([3], dtype: .int64) }),
        ("randperm_negative", { () throws(TensorError) in _ = try Tensor.randperm(-1) }),
        ("randperm_bool", { () throws(TensorError) in _ = try Tensor.randperm(3, dtype: .bool) }),
        ("randperm_float_large", { () throws(TensorError) in _ = try Tensor.randperm(1 << 24 + 2, dtype: .float32) }),
        ("uniform_reversed", { () throws(TensorError) in _ = try Tensor.empty([3]).uniform_(from: 5, to: 3) }),
        ("uniform_inf", { () throws(TensorError) in _ = try Tensor.empty([3]).uniform_(from: 0, to: .infinity) }),
        ("uniform_span", { () throws(TensorError) in _ = try Tensor.empty([3]).uniform_(from: -3e38, to: 3e38) }),
        ("uniform_int64", { () throws(TensorError) in _ = try Tensor.empty([3], dtype: .int64).uniform_() }),
        ("normal_negative_std", { () throws(TensorError) in _ = try Tensor.empty([3]).normal_(mean: 0, std: -1) }),
        ("normal_nan_std", { () throws(TensorError) in _ = try Tensor.empty([3]).normal_(mean: 0, std: .nan) }),
        ("normal_int64", { () throws(TensorError) in _ = try Tensor.empty([3], dtype: .int64).normal_() }),
        ("exponential_zero", { () throws(TensorError) in _ = try Tensor.empty([3]).exponential_(lambda: 0) }),
        ("exponential_negative", { () throws(TensorError) in _ = try Tensor.empty([3]).exponential_(lambda: -1.5) }),
        ("exponential_int64", { () throws(TensorError) in _ = try Tensor.empty([3], dtype: .int64).exponential_() }),
        ("bernoulli_p_high", { () throws(TensorError) in _ = try Tensor.empty([3]).bernoulli_(p: 1.5) }),
        ("bernoulli_p_negative", { () throws(TensorError) in _ = try Tensor.empty([3]).bernoulli_(p: -0.1) }),
        ("bernoulli_tensor_high", { () throws(TensorError) in _ = try values([0.5, 1.5]).bernoulli() }),
        ("bernoulli_tensor_nan", { () throws(TensorError) in _ = try values([.nan]).bernoulli() }),
        ("bernoulli_tensor_int64", { () throws(TensorError) in _ = try Tensor([0, 1] as [Int64]).bernoulli() }),
        ("bernoulli_broadcast", { () throws(TensorError) in
            _ = try Tensor.empty([3]).bernoulli_(p: try Tensor.rand([4])) }),
        ("expanded_write", { () throws(TensorError) in _ = try Tensor.zeros([3]).expand([2, 3]).uniform_() }),
        ("multinomial_negative", { () throws(TensorError) in
            _ = try values([0.5, -0.1, 0.6]).multinomial(numSamples: 1) }),
        ("multinomial_negative_replacement", { () throws(TensorError) in
            _ = try values([0.5, -0.1, 0.6]).multinomial(numSamples: 2, replacement: true) }),
        ("multinomial_inf", { () throws(TensorError) in _ = try values([0.5, .infinity]).multinomial(numSamples: 1) }),
        ("multinomial_inf_replacement", { () throws(TensorError) in
            _ = try values([0.5, .infinity]).multinomial(numSamples: 2, replacement: true) }),
        ("multinomial_nan", { () throws(TensorError) in _ = try values([0.5, .nan]).multinomial(numSamples: 1) }),
        ("multinomial_nan_replacement", { () throws(TensorError) in
            _ = try values([0.5, .nan]).multinomial(numSamples: 2, replacement: true) }),
        ("multinomial_zero_sum", { () throws(TensorError) in _ = try values([0, 0]).multinomial(numSamples: 1) }),
        ("multinomial_zero_sum_replacement", { () throws(TensorError) in
            _ = try values([0, 0]).multinomial(numSamples: 2, replacement: true) }),
        ("multinomial_zero_row", { () throws(TensorError) in
            _ = try Tensor([0, 0, 1, 1] as [Float], shape: [2, 2]).multinomial(numSamples: 1) }),
        ("multinomial_too_many", { () throws(TensorError) in _ = try values([0.5, 0.5]).multinomial(numSamples: 3) }),
        ("multinomial_zero_samples", { () throws(TensorError) in
            _ = try values([0.5, 0.5]).multinomial(numSamples: 0) }),
        ("multinomial_3d", { () throws(TensorError) in _ = try Tensor.ones([2, 2, 2]).multinomial(numSamples: 1) }),
        ("multinomial_0d", { () throws(TensorError) in _ = try Tensor(.float(1)).multinomial(numSamples: 1) }),
        ("multinomial_empty", { () throws(TensorError) in
            _ = try Tensor.zeros([0]).multinomial(numSamples: 1, replacement: true) }),
        ("multinomial_int64", { () throws(TensorError) in
            _ = try Tensor([1, 2] as [Int64]).multinomial(numSamples: 1) }),
        ("set_state_size", { () throws(TensorError) in try Generator().setState([UInt8](repeating: 0, count: 10)) }),
        ("set_state_invalid", { () throws(TensorError) in
            try Generator().setState([UInt8](repeating: 0, count: Generator.stateByteCount)) }),
    ]

    func testMessagesMatchPyTorch() throws {
        let expected = try FixtureValue.loadRandom()["errors"].object
        XCTAssertEqual(Set(calls.map(\.0)), Set(expected.keys), "every PyTorch error in the fixture has a call here")
        for (name, call) in calls {
            let want = expected[name] ?? .null
            do {
                try call()
                XCTFail("\(name) did not throw")
            } catch {
                XCTAssertEqual(error.message, want["message"].string, name)
                // Attend reports PyTorch's NotImplementedError as a RuntimeError (TensorError.notImplemented).
                if want["kind"].string != "NotImplementedError" {
                    XCTAssertEqual(error.kind.rawValue, want["kind"].string, name)
                }
            }
        }
    }

    func testFailedDrawsLeaveTensorsUntouched() throws {
        let target = try Tensor.zeros([2])
        XCTAssertThrowsError(try target.bernoulli_(p: try Tensor([0.5, 2] as [Float])))
        XCTAssertEqual(target.doubles, [0, 0])
    }
}
