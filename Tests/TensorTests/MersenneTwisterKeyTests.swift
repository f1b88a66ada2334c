import XCTest
@testable import Tensor

/// `MersenneTwister(key:)` is `init_by_array`, the seeding CPython's `random.seed(n)` uses on the 32-bit words of
/// `|n|`, least significant first. Expected words come from CPython 3.11:
/// `random.seed(n); [random.getrandbits(32) for _ in range(k)]`.
final class MersenneTwisterKeyTests: XCTestCase {
    private func draws(_ key: [UInt32], skip: Int = 0, count: Int) -> [UInt32] {
        var engine = MersenneTwister(key: key)
        for _ in 0..<skip { _ = engine.next32() }
        return (0..<count).map { _ in engine.next32() }
    }

    func testReferenceKeyMatchesCPython() {
        // n = 0x456 << 96 | 0x345 << 64 | 0x234 << 32 | 0x123, the key of the reference implementation's own test.
        XCTAssertEqual(draws([0x123, 0x234, 0x345, 0x456], count: 5),
                       [1_067_595_299, 955_945_823, 477_289_528, 4_107_218_783, 4_228_976_476])
    }

    func testZeroAndTwoWordSeedsMatchCPython() {
        // random.seed(0) seeds with the one-word key [0]; an empty key means the same.
        XCTAssertEqual(draws([0], count: 3), [3_626_764_237, 1_654_615_998, 3_255_389_356])
        XCTAssertEqual(draws([], count: 3), draws([0], count: 3))
        // random.seed(2**64 - 1).
        XCTAssertEqual(draws([0xFFFF_FFFF, 0xFFFF_FFFF], count: 3), [93_740_670, 1_068_495_656, 1_452_108_352])
    }

    func testDrawsPastTheFirstTwistMatchCPython() {
        // random.seed(5), then the 701st word: the state has been regenerated once.
        XCTAssertEqual(draws([5], skip: 700, count: 1), [2_773_421_110])
    }
}
