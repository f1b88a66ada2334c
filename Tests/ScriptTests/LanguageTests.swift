import Foundation
import XCTest

@testable import Script

/// Runs every annotated script in Fixtures/language: printed lines must match the `# expect: ` comments in order,
/// and an uncaught exception must match `# expect-error: `. Scripts in Fixtures/language/tracebacks must print
/// exactly the stderr CPython printed (the `.txt` beside each).
final class LanguageTests: XCTestCase {
    private static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/language")
    }

    private func scripts(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "py" && !$0.lastPathComponent.hasPrefix("verify_") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func testAnnotatedScripts() throws {
        let files = try scripts(in: Self.directory)
        XCTAssertGreaterThan(files.count, 5)
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            var expected: [String] = []
            var expectedError: String?
            for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
                if let range = line.range(of: "# expect: ") {
                    expected.append(String(line[range.upperBound...]))
                } else if line.hasSuffix("# expect: ") || line.hasSuffix("# expect:") {
                    expected.append("")
                } else if let range = line.range(of: "# expect-error: ") {
                    expectedError = String(line[range.upperBound...])
                }
            }
            var output = ""
            let interpreter = Interpreter { output += $0 }
            let outcome = interpreter.run(source: source, fileName: file.lastPathComponent)
            var printed = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if printed.last == "" { printed.removeLast() }
            let name = file.lastPathComponent
            for (index, line) in expected.enumerated() {
                guard index < printed.count else {
                    XCTFail("\(name): missing output line \(index + 1): expected \(line)")
                    break
                }
                XCTAssertEqual(printed[index], line, "\(name): output line \(index + 1)")
            }
            if printed.count > expected.count {
                XCTFail("\(name): unexpected output: \(printed[expected.count...].joined(separator: "\n"))")
            }
            switch outcome {
            case .success:
                XCTAssertNil(expectedError, "\(name): expected an exception")
            case .syntaxError(let error):
                XCTFail("\(name): \(error.formatted)")
            case .exception(let error, let traceback):
                guard let expectedError else {
                    XCTFail("\(name): uncaught \(traceback)")
                    continue
                }
                XCTAssertEqual(interpreter.exceptionLine(error.exception), expectedError, name)
            }
        }
    }

    func testTracebacksMatchCPython() throws {
        let directory = Self.directory.appendingPathComponent("tracebacks")
        let files = try scripts(in: directory)
        XCTAssertGreaterThan(files.count, 3)
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            let expected = try String(contentsOf: file.deletingPathExtension().appendingPathExtension("txt"),
                                      encoding: .utf8)
            var output = ""
            let interpreter = Interpreter { output += $0 }
            let outcome = interpreter.run(source: source, fileName: file.lastPathComponent)
            guard case .exception(_, let traceback) = outcome else {
                XCTFail("\(file.lastPathComponent): no exception")
                continue
            }
            XCTAssertEqual(traceback, expected, file.lastPathComponent)
        }
    }
}
