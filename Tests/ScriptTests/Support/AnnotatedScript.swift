import XCTest

@testable import Script

/// A test script annotated as in Crafting Interpreters: `# expect: text` lines give the printed lines in order
/// (`# expect:` alone an empty one), and `# expect-error: Type: message` the uncaught exception's last line.
struct AnnotatedScript {
    let name: String
    let source: String
    let expected: [String]
    let expectedError: String?

    init(contentsOf file: URL) throws {
        name = file.lastPathComponent
        source = try String(contentsOf: file, encoding: .utf8)
        var expected: [String] = []
        var expectedError: String?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if let range = line.range(of: "# expect: ") {
                expected.append(String(line[range.upperBound...]))
            } else if line.hasSuffix("# expect:") {
                expected.append("")
            } else if let range = line.range(of: "# expect-error: ") {
                expectedError = String(line[range.upperBound...])
            }
        }
        self.expected = expected
        self.expectedError = expectedError
    }

    /// Runs the script in a fresh interpreter (prepared by `setUp`) and asserts its output and exception.
    func check(setUp: (Interpreter) throws -> Void = { _ in }) throws {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        try setUp(interpreter)
        let outcome = interpreter.run(source: source, fileName: name)
        var printed = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if printed.last == "" { printed.removeLast() }
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
            guard let expectedError else { return XCTFail("\(name): uncaught \(traceback)") }
            XCTAssertEqual(interpreter.exceptionLine(error.exception), expectedError, name)
        }
    }
}
