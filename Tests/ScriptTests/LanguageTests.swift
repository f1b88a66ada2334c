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
        for file in files { try AnnotatedScript(contentsOf: file).check() }
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
