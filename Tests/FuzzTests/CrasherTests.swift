import Foundation
import XCTest

/// Every input the fuzzers found crashing or hanging Attend, kept in `Fixtures/crashers`: each must now end in
/// output or a Python error. A `.py` file runs with `attend run`, a `.md` file as a lesson, a `.repl` file through
/// `attend repl` on standard input; its `expect:` comment line names text its output or errors must contain.
final class CrasherTests: XCTestCase {
    func testCrashersEndInOutputOrPythonError() throws {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures/crashers", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertFalse(names.isEmpty, "no crashers found in \(folder.path)")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("attend-crashers-\(UUID())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        for name in names {
            let file = folder.appendingPathComponent(name)
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let expected = try XCTUnwrap(Self.expectation(in: text), "\(name) has no expect: line")
            let isRepl = name.hasSuffix(".repl")
            let process = FuzzProcess(arguments: isRepl ? ["repl"] : ["run", file.path],
                                      stdinFile: isRepl ? file : nil, timeLimit: 5, workDirectory: work,
                                      maxInterrupts: isRepl ? 3 : 1, keepsOutput: true)
            let result = process.run()
            XCTAssertFalse(result.verdict.isFailure, "\(name): \(result.verdict)\n\(result.stderrTail)")
            XCTAssertTrue((result.output + result.stderrTail).contains(expected),
                          "\(name): expected \(expected) in\n\(result.output.suffix(800))\n\(result.stderrTail)")
        }
    }

    /// The text after `expect: ` on the file's first line that has it (in a `#` or `<!-- -->` comment).
    static func expectation(in text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let range = line.range(of: "expect: ") else { continue }
            var rest = String(line[range.upperBound...])
            if rest.hasSuffix(" -->") { rest.removeLast(4) }
            return rest
        }
        return nil
    }
}
