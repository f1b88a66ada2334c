import AttentionRows
import Foundation
import XCTest

/// The row passes at both widths against plain scalar arithmetic: the same values (within the exponential's ulp
/// or two), every ragged tail length, and NaN and masked rows as softmax treats them.
final class RowKernelsTests: XCTestCase {
    /// The passes at one width, as the engine calls them.
    private struct Width {
        let name: String
        let maximum: (UnsafeMutablePointer<Float>, Int) -> Float
        let exponentiate: (UnsafeMutablePointer<Float>, Int, Float) -> Float
        let normalize: (UnsafeMutablePointer<Float>, Int, Float, UnsafeMutablePointer<Float>, AveragingStage,
                        Float) -> Void
    }

    private let widths = [
        Width(name: "8 lanes",
              maximum: { RowKernels.maximum($0, $1, as: SIMD8<Float>.self) },
              exponentiate: { RowKernels.exponentiate($0, $1, subtracting: $2, as: SIMD8<Float>.self) },
              normalize: { RowKernels.normalize($0, $1, by: $2, into: $3, $4, divisor: $5, as: SIMD8<Float>.self) }),
        Width(name: "16 lanes", maximum: WideRows.maximum, exponentiate: WideRows.exponentiate,
              normalize: { WideRows.normalize($0, $1, by: $2, into: $3, $4, divisor: $5) }),
    ]

    func testExponentialIsWithinTwoUlpsOfTheCLibraryAtBothWidths() {
        var worst8 = 0, worst16 = 0
        var x: Float = -87.3
        while x <= 0 {
            var lanes = SIMD16<Float>()
            for lane in 0..<16 { lanes[lane] = x + Float(lane) * 1e-3 }
            let wide = RowKernels.exp(lanes)
            let low = RowKernels.exp(lanes.lowHalf)
            for lane in 0..<16 {
                let expected = Foundation.expf(lanes[lane])
                worst16 = max(worst16, Int(abs(Int64(wide[lane].bitPattern) - Int64(expected.bitPattern))))
                if lane < 8 {
                    worst8 = max(worst8, Int(abs(Int64(low[lane].bitPattern) - Int64(expected.bitPattern))))
                }
            }
            x += 0.0137
        }
        XCTAssertLessThanOrEqual(worst8, 2)
        XCTAssertLessThanOrEqual(worst16, 2)
        let special = RowKernels.exp(SIMD16<Float>(0, -0.0, -.infinity, .nan, -100, -87.5, -1e-30, -1,
                                                   0, 0, 0, 0, 0, 0, 0, 0))
        XCTAssertEqual(special[0], 1)
        XCTAssertEqual(special[2], 0)
        XCTAssertTrue(special[3].isNaN)
        XCTAssertEqual(special[4], 0)
        XCTAssertEqual(special[6], 1)
    }

    func testEveryTailLengthMatchesScalarArithmetic() {
        for width in widths {
            for count in 0...41 {
                let scores = (0..<count).map { Float(($0 * 37) % 23) * 0.25 - 3 }
                var row = scores
                let largest = row.withUnsafeMutableBufferPointer { width.maximum($0.baseAddress!, count) }
                XCTAssertEqual(largest, scores.max() ?? -.infinity, "\(width.name), \(count)")
                guard count > 0 else { continue }
                let sum = row.withUnsafeMutableBufferPointer { width.exponentiate($0.baseAddress!, count, largest) }
                let expected = scores.map { Foundation.expf($0 - largest) }
                XCTAssertEqual(sum, expected.reduce(0, +), accuracy: 1e-5 * Float(count), "\(width.name), \(count)")
                for (got, want) in zip(row, expected) { XCTAssertEqual(got, want, accuracy: want * 3e-7) }
                // Three heads folded into an average: first takes, middle adds, last adds and divides.
                var averaged = [Float](repeating: 99, count: count)
                for stage in [AveragingStage.first, .middle, .last] {
                    var probabilities = row
                    probabilities.withUnsafeMutableBufferPointer { p in
                        averaged.withUnsafeMutableBufferPointer { a in
                            width.normalize(p.baseAddress!, count, 1 / sum, a.baseAddress!, stage, 3)
                        }
                    }
                    XCTAssertEqual(probabilities, row.map { $0 * (1 / sum) }, "\(width.name), \(count)")
                }
                let probabilities = row.map { $0 * (1 / sum) }
                XCTAssertEqual(averaged, probabilities.map { ($0 + $0 + $0) / 3 }, "\(width.name), \(count)")
            }
        }
    }

    func testMaximumPassesOverNaNUnlessOnlyMaskedKeysAreBesideIt() {
        for width in widths {
            var mixed: [Float] = [1, .nan, 3, 2] + [Float](repeating: -1, count: 30) + [5]
            XCTAssertEqual(width.maximum(&mixed, mixed.count), 5, width.name)
            var masked = [Float](repeating: -.infinity, count: 33)
            XCTAssertEqual(width.maximum(&masked, masked.count), -.infinity, width.name)
            masked[17] = .nan
            XCTAssertTrue(width.maximum(&masked, masked.count).isNaN, width.name)
        }
    }
}
