import XCTest
@testable import Tensor

final class BLASSetupTests: XCTestCase {
    /// The core chosen for a CPU that OpenBLAS did not recognise follows the vector extensions it reports.
    func testBestCoreFollowsTheCPUFlags() {
        let avx2 = Set(["sse3", "avx", "avx2", "fma"])
        XCTAssertEqual(BLASSetup.bestCore(flags: avx2), "Haswell")
        XCTAssertEqual(BLASSetup.bestCore(flags: avx2.union(["avx512f", "avx512bw", "avx512dq", "avx512vl",
                                                              "avx512cd"])), "SkylakeX")
        // AVX-512 foundation alone (Knights Landing) is not what the SkylakeX kernels need.
        XCTAssertEqual(BLASSetup.bestCore(flags: avx2.union(["avx512f", "avx512cd"])), "Haswell")
        XCTAssertNil(BLASSetup.bestCore(flags: ["sse3", "avx"]))
        XCTAssertNil(BLASSetup.bestCore(flags: []))
    }

    /// Products on both sides of the threading threshold, one after the other, give exact small-integer results.
    func testProductsAcrossTheThreadingThresholdAreExact() throws {
        for n in [8, 300, 8, 256] {
            let a = try Tensor((0..<(n * n)).map { Float($0 % 7) }, shape: [n, n])
            let b = try Tensor((0..<(n * n)).map { Float($0 % 5) - 2 }, shape: [n, n])
            let product = try a.mm(b).doubles
            for (i, j) in [(0, 0), (n - 1, n - 1), (n / 2, 3)] {
                var expected = 0.0
                for p in 0..<n { expected += Double((i * n + p) % 7) * Double((p * n + j) % 5 - 2) }
                XCTAssertEqual(product[i * n + j], expected, "n \(n) at (\(i), \(j))")
            }
        }
        XCTAssertNotEqual(BLASSetup.coreName, "")
    }
}
