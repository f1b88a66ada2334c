import XCTest

@testable import attend

/// The processor check a release build makes before running: which required flags a `/proc/cpuinfo` lacks.
final class CPUFeaturesTests: XCTestCase {
    func testAHaswellOrLaterProcessorHasEverything() {
        let info = """
            processor\t: 0
            model name\t: Intel(R) Xeon(R) Processor
            flags\t\t: fpu vme sse sse2 ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt avx f16c avx2 bmi1 bmi2 avx512f
            processor\t: 1
            """
        XCTAssertEqual(CPUFeatures.missing(cpuinfo: info), [])
    }

    func testAnOlderProcessorLacksAVX2AndFMA() {
        let info = "processor\t: 0\nflags\t\t: fpu sse sse2 ssse3 sse4_1 sse4_2 popcnt avx\n"
        XCTAssertEqual(CPUFeatures.missing(cpuinfo: info), ["avx2", "fma", "bmi1", "bmi2", "f16c", "movbe"])
    }

    func testNoFlagsLineMeansUnknown() {
        XCTAssertNil(CPUFeatures.missing(cpuinfo: "Processor\t: AArch64\nFeatures\t: fp asimd\n"))
    }

    func testThisMachineRunsTheBuild() throws {
        let info = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        #if arch(x86_64)
        XCTAssertEqual(CPUFeatures.missing(cpuinfo: info), [], "CI's machine must run release builds")
        #else
        XCTAssertNil(CPUFeatures.missing(cpuinfo: info), "other processors are not checked")
        #endif
    }
}
