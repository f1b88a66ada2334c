import FixtureSupport
import XCTest
@testable import Tensor

/// The fused averaged-weights attention (no gradient recorded) against the composed path (a query that requires
/// grad), through several blocks of query rows, masks of every kind, and both float types.
final class AveragedAttentionTests: XCTestCase {
    private struct Case {
        let label: String
        let module: MultiheadAttention
        let query: Tensor, key: Tensor, value: Tensor
        var padding: Tensor? = nil
        var mask: Tensor? = nil
    }

    /// Runs the case through both paths and compares output and averaged weights.
    private func assertPathsAgree(_ c: Case, rtol: Double, atol: Double) throws {
        let run = { (query: Tensor) throws -> (output: Tensor, weights: Tensor?) in
            try c.module.forward(query, c.key, c.value, keyPaddingMask: c.padding, attnMask: c.mask)
        }
        let fused = try GradMode.with(enabled: false) { try run(c.query) }
        let composed = try run(try c.query.detach().requiresGrad_())
        XCTAssertNotNil(composed.output.gradFn, c.label)
        XCTAssertNil(fused.output.gradFn, c.label)
        XCTAssertEqual(fused.output.shape, composed.output.shape, c.label)
        XCTAssertEqual(fused.weights?.shape, composed.weights?.shape, c.label)
        assertClose(fused.output.doubles, composed.output.doubles, rtol: rtol, atol: atol, "output of \(c.label)")
        assertClose(fused.weights?.doubles ?? [], composed.weights?.doubles ?? [], rtol: rtol, atol: atol,
                    "weights of \(c.label)")
    }

    func testSelfAttentionOverManyBlocksMatchesComposedPath() throws {
        Generator.default.manualSeed(5)
        for dtype in [DType.float32, .float64] {
            let module = try MultiheadAttention(8, 2, dtype: dtype)
            let x = try Tensor.randn([70, 2, 8], dtype: dtype)
            let (rtol, atol) = dtype == .float32 ? (1e-4, 1e-6) : (1e-10, 1e-13)
            try assertPathsAgree(Case(label: "self \(dtype)", module: module, query: x, key: x, value: x),
                                 rtol: rtol, atol: atol)
        }
        // So many keys that 150 queries span several blocks, the last one ragged.
        let module = try MultiheadAttention(8, 2)
        let memory = try Tensor.randn([8192, 1, 8])
        let x = try Tensor.randn([150, 1, 8])
        XCTAssertLessThan(AveragedAttentionKernel<Float>.blockRows(queries: 150, keys: 8192), 150)
        try assertPathsAgree(Case(label: "cross over blocks", module: module, query: x, key: memory, value: memory),
                             rtol: 1e-4, atol: 1e-6)
    }

    func testMasksAndUnbatchedInputsMatchComposedPath() throws {
        Generator.default.manualSeed(9)
        let module = try MultiheadAttention(8, 2, addBiasKV: true, kdim: 6, vdim: 5, dtype: .float64)
        let q = try Tensor.randn([7, 3, 8], dtype: .float64)
        let k = try Tensor.randn([9, 3, 6], dtype: .float64)
        let v = try Tensor.randn([9, 3, 5], dtype: .float64)
        let padding = try Tensor((0..<27).map { $0 % 4 == 1 }, shape: [3, 9])
        let causal = try Tensor((0..<63).map { $0 % 9 > $0 / 9 }, shape: [7, 9])
        let floatMask = try Tensor.randn([6, 7, 9], dtype: .float64)
        try assertPathsAgree(Case(label: "padding and bool mask", module: module, query: q, key: k, value: v,
                                  padding: padding, mask: causal), rtol: 1e-10, atol: 1e-13)
        try assertPathsAgree(Case(label: "per-head float mask", module: module, query: q, key: k, value: v,
                                  mask: floatMask), rtol: 1e-10, atol: 1e-13)
        try assertPathsAgree(Case(label: "padding alone", module: module, query: q, key: k, value: v,
                                  padding: padding), rtol: 1e-10, atol: 1e-13)
        let single = try MultiheadAttention(8, 4, addZeroAttn: true, dtype: .float64)
        let x = try Tensor.randn([5, 8], dtype: .float64)
        try assertPathsAgree(Case(label: "unbatched zero attention", module: single, query: x, key: x, value: x),
                             rtol: 1e-10, atol: 1e-13)
    }

    /// A query whose every key is masked gets NaN weights and output on both paths, as in PyTorch.
    func testFullyMaskedQueryGivesNaNAsComposedPath() throws {
        Generator.default.manualSeed(1)
        let module = try MultiheadAttention(4, 2)
        let x = try Tensor.randn([3, 1, 4])
        let mask = try Tensor([false, false, false, true, true, true, false, true, false], shape: [3, 3])
        try assertPathsAgree(Case(label: "masked row", module: module, query: x, key: x, value: x, mask: mask),
                             rtol: 1e-5, atol: 1e-6)
        let (_, weights) = try GradMode.with(enabled: false) { try module.forward(x, x, x, attnMask: mask) }
        let row = Array(weights?.doubles[3..<6] ?? [])
        XCTAssertEqual(row.count, 3)
        XCTAssertTrue(row.allSatisfy(\.isNaN))
    }

    /// A NaN among a query's scores makes that query's weights and output NaN on both paths, also when every other
    /// key of the row is masked (which alone would read as a fully masked row), and leaves other queries alone.
    func testNaNScoreSpreadsOverItsRowAsComposedPath() throws {
        Generator.default.manualSeed(2)
        let module = try MultiheadAttention(4, 1)
        let x = try Tensor.randn([3, 1, 4])
        let mask = try Tensor([0, 0, 0, 0, 0, 0, -Float.infinity, 0, -.infinity] as [Float], shape: [3, 3])
        try mask.select(dim: 0, index: 1).select(dim: 0, index: 0).fill_(.float(.nan))
        try mask.select(dim: 0, index: 2).select(dim: 0, index: 1).fill_(.float(.nan))
        let (_, fused) = try GradMode.with(enabled: false) { try module.forward(x, x, x, attnMask: mask) }
        let (_, composed) = try module.forward(try x.detach().requiresGrad_(), x, x, attnMask: mask)
        let (f, c) = (fused?.doubles ?? [], composed?.doubles ?? [])
        XCTAssertEqual(f.count, 9)
        XCTAssertEqual(f[0..<3].filter(\.isNaN).count, 0, "the first query has no NaN")
        XCTAssertTrue(f[3..<9].allSatisfy(\.isNaN), "\(f)")
        XCTAssertTrue(c[3..<9].allSatisfy(\.isNaN), "\(c)")
        assertClose(Array(f[0..<3]), Array(c[0..<3]), rtol: 1e-5, atol: 1e-6, "first row")
    }
}
