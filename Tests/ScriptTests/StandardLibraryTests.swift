import Foundation
import XCTest

@testable import Script

/// The standard-library modules belong to every interpreter, and `time.sleep` yields to Ctrl-C.
final class StandardLibraryTests: XCTestCase {
    func testBareInterpreterImportsMathTimeAndRandom() {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        let outcome = interpreter.run(source: """
            import math, time, random
            from math import sqrt
            random.seed(0)
            print(sqrt(16), time.time() > 0, random.random())
            """)
        guard case .success = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(output, "4.0 True 0.8444218515250481\n")
    }

    func testInterruptStopsALongSleepWithinASlice() {
        let interpreter = Interpreter { _ in }
        nonisolated(unsafe) let target = interpreter
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { target.interrupt() }
        let start = Date()
        let outcome = interpreter.run(source: "import time\ntime.sleep(30)\n")
        let elapsed = Date().timeIntervalSince(start)
        guard case .exception(let error, let traceback) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(error.typeName, "KeyboardInterrupt")
        XCTAssertTrue(traceback.contains("time.sleep(30)"), traceback)
        XCTAssertLessThan(elapsed, 2, "sleep kept going after the interrupt")
    }
}
