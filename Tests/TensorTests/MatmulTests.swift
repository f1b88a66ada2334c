import XCTest
@testable import Tensor

/// Matrix products against PyTorch: 1-D/2-D/batched/broadcast operands, transposed and strided operands (BLAS's
/// transpose path and the copy path), float32/float64/int64, empty dimensions, grad_fn names and error messages.
final class MatmulTests: XCTestCase {
    static func apply(_ testCase: OpCase, _ args: [Tensor]) throws -> Tensor? {
        switch testCase.op {
        case "matmul": return try args[0].matmul(args[1])
        case "mm": return try args[0].mm(args[1])
        case "bmm": return try args[0].bmm(args[1])
        case "mv": return try args[0].mv(args[1])
        case "dot": return try args[0].dot(args[1])
        default: return nil
        }
    }

    func testMatrixProductFixtures() throws {
        let cases = try loadFixture("core_matmul", as: CaseFile.self).cases
        XCTAssertGreaterThan(cases.count, 100)
        CaseRunner.run(cases, Self.apply)
    }

    func testGradientsMatchFiniteDifferences() throws {
        func random(_ shape: [Int], seed: Int) throws -> Tensor {
            let count = shape.reduce(1, *)
            return try Tensor((0..<count).map { Double(($0 * 7 + seed * 13) % 11) / 4 - 1.2 }, shape: shape)
        }
        let pairs: [([Int], [Int])] = [
            ([3], [3]), ([2, 3], [3]), ([3], [3, 4]), ([2, 3], [3, 4]), ([2, 2, 3], [3, 4]), ([2, 2, 3], [3]),
            ([3], [2, 3, 4]), ([2, 3], [2, 3, 4]), ([2, 2, 3], [2, 3, 4]), ([2, 1, 2, 3], [3, 3, 2]),
        ]
        for (index, (a, b)) in pairs.enumerated() {
            try assertGradientsMatchFiniteDifferences([random(a, seed: index), random(b, seed: index + 1)]) {
                try $0[0].matmul($0[1])
            }
        }
        let x = try random([3, 2], seed: 3), y = try random([4, 3], seed: 4)
        try assertGradientsMatchFiniteDifferences([x, y]) { try $0[0].t().mm($0[1].t()) }
        try assertGradientsMatchFiniteDifferences([random([2, 3, 2], seed: 5), random([2, 2, 4], seed: 6)]) {
            try $0[0].bmm($0[1])
        }
        try assertGradientsMatchFiniteDifferences([random([2, 3], seed: 7), random([3], seed: 8)]) {
            try $0[0].mv($0[1])
        }
        try assertGradientsMatchFiniteDifferences([random([4], seed: 9), random([4], seed: 10)]) {
            try $0[0].dot($0[1])
        }
    }

    /// A product large enough to be split into bands across the cores (300 × 200 × 300 multiply-adds is above
    /// BLASSetup.parallelWork) gives every element, also through transposed and sliced operands and with a bias.
    func testProductsSplitAcrossCoresMatchTheSumsTheyStandFor() throws {
        XCTAssertGreaterThanOrEqual(300.0 * 200 * 300, BLASSetup.parallelWork)
        let a = try Tensor((0..<60_000).map { Float(($0 * 7) % 13) - 6 }, shape: [300, 200])
        let b = try Tensor((0..<60_000).map { Float(($0 * 5) % 11) - 5 }, shape: [200, 300])
        let (x, y) = (a.doubles, b.doubles)
        // Every seventh row of each result (the bands split rows, so each band is checked), summed in Double.
        let checkedRows = Array(stride(from: 0, to: 280, by: 7)) + [282]
        func expected(_ columns: Int, _ depth: Int, _ lhs: (Int, Int) -> Double, _ rhs: (Int, Int) -> Double)
            -> [Double] {
            checkedRows.flatMap { i in
                (0..<columns).map { j in (0..<depth).reduce(0) { $0 + lhs(i, $1) * rhs($1, j) } }
            }
        }
        func rowsOf(_ t: Tensor, width: Int) -> [Double] {
            let values = t.doubles
            return checkedRows.flatMap { values[($0 * width)..<($0 * width + width)] }
        }
        XCTAssertEqual(rowsOf(try a.matmul(b), width: 300),
                       expected(300, 200, { x[$0 * 200 + $1] }, { y[$0 * 300 + $1] }))
        // bᵀ aᵀ reads both operands transposed.
        XCTAssertEqual(rowsOf(try b.t().matmul(a.t()), width: 300),
                       expected(300, 200, { y[$1 * 300 + $0] }, { x[$1 * 200 + $0] }))
        // A slice of rows and a bias through addmm.
        let rows = try a.narrow(dim: 0, start: 17, length: 283)
        let bias = try Tensor((0..<300).map { Float($0) }, shape: [300])
        let plain = expected(300, 200, { x[($0 + 17) * 200 + $1] }, { y[$0 * 300 + $1] })
        XCTAssertEqual(rowsOf(try Tensor.addmm(bias, rows, b), width: 300),
                       plain.enumerated().map { $0.element + Double($0.offset % 300) })
    }
}
