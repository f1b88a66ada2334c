import XCTest
@testable import Script

final class SyntaxErrorTests: XCTestCase {
    /// What went wrong for one case, or nil if Attend agrees with CPython.
    static func mismatch(_ testCase: ErrorCase) -> String? {
        let result: SyntaxError?
        do {
            _ = try Parser.parseModule(testCase.source)
            result = nil
        } catch {
            result = error
        }
        guard let expected = testCase.error else {
            // CPython compiles it: Attend must too, or refuse a feature it does not support.
            guard let result else { return nil }
            return result.message.contains("not supported") ? nil : "CPython compiles it; Attend: \(describe(result))"
        }
        guard let result else { return "CPython: \(expected.message); Attend compiles it" }
        let want = "\(expected.class) \(expected.message.debugDescription) \(expected.line ?? 0):\(expected.offset ?? 0)-\(expected.endLine ?? 0):\(expected.endOffset ?? 0)"
        let got = describe(result)
        if got != want { return "want \(want)\n     got  \(got)" }
        guard let text = expected.text else {
            // CPython's compile stage has no source text for a string (running a file shows the line); Attend
            // always shows the line.
            let line = SourceText(testCase.source).line(result.line)
            return result.text == line ? nil : "text: want the source line, got \(result.text.debugDescription)"
        }
        if text != result.text {
            return "text: want \(text.debugDescription) got \(result.text.debugDescription)"
        }
        if let formatted = expected.formatted, formatted != result.formatted {
            return "formatted:\n\(formatted)\n---\n\(result.formatted)"
        }
        return nil
    }

    static func describe(_ error: SyntaxError) -> String {
        "\(error.pythonName) \(error.message.debugDescription) \(error.line):\(error.offset)-\(error.endLine):\(error.endOffset)"
    }

    func check(group: String) throws -> (failures: Int, total: Int) {
        let cases = try loadSyntaxFixture("syntax_errors", as: [ErrorCase].self).filter { $0.group == group }
        var failures = 0
        for testCase in cases {
            if let problem = Self.mismatch(testCase) {
                failures += 1
                if failures <= 40 || ProcessInfo.processInfo.environment["SHOW_ALL"] != nil {
                    XCTFail("\(testCase.source.debugDescription)\n     \(problem)")
                }
            }
        }
        return (failures, cases.count)
    }

    func testCommonMistakesMatchCPython() throws {
        let (failures, total) = try check(group: "errors")
        XCTAssertGreaterThan(total, 500)
        XCTAssertEqual(failures, 0, "of \(total)")
    }

    func testMutatedSeedCellsMatchCPython() throws {
        let (failures, total) = try check(group: "mutations")
        XCTAssertGreaterThan(total, 700)
        XCTAssertEqual(failures, 0, "of \(total)")
    }
}
