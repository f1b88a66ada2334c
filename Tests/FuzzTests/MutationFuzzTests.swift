import Foundation
import XCTest

/// The mutation fuzzer: mutated scripts, lessons and REPL input run through the real `attend` binary must each end
/// in output or a Python error, never a signal, a trap or a hang that Ctrl-C cannot stop.
///
/// `ATTEND_FUZZ_SEED` picks the campaign (default: a fixed seed, so CI is reproducible) and `ATTEND_FUZZ_COUNT` the
/// number of scripts (lessons and REPL batches scale with it); failing inputs are saved in `ATTEND_FUZZ_SAVE`
/// (default: `attend-fuzz-failures` in the temporary folder).
final class MutationFuzzTests: XCTestCase {
    func testMutatedInputsNeverCrashOrHang() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["ATTEND_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_126
        let count = environment["ATTEND_FUZZ_COUNT"].flatMap { Int($0) } ?? 800
        let saveTo = environment["ATTEND_FUZZ_SAVE"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("attend-fuzz-failures")
        let corpus = FuzzCorpus.load()
        XCTAssertGreaterThan(corpus.scripts.count, 50, "the script seeds were not found")
        XCTAssertGreaterThan(corpus.lessons.count, 10, "the lessons were not found")
        print("attend fuzz: ATTEND_FUZZ_SEED=\(seed) ATTEND_FUZZ_COUNT=\(count), \(corpus.scripts.count) script "
              + "and \(corpus.lessons.count) lesson seeds")
        let campaign = FuzzCampaign(seed: seed, corpus: corpus, failureDirectory: saveTo)
        let start = Date()
        let failures = campaign.run(scripts: count, lessons: max(1, count / 16), batches: max(1, count / 40),
                                    batchSize: 8)
        print("attend fuzz: \(Int(Date().timeIntervalSince(start))) s\n" + campaign.summary())
        for failure in failures {
            XCTFail("""
                \(failure.frontEnd.rawValue): \(failure.verdict)
                input: \(failure.label)
                saved at: \(failure.savedAt)
                stderr ends: \(String(failure.stderrTail.suffix(400)).debugDescription)
                """)
        }
    }
}
