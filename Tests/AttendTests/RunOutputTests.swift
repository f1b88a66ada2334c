import Foundation
import XCTest

/// What `attend run` does with the control characters a script prints: a terminal shows them escaped (never obeys
/// them), `--raw` passes them through, and a pipe gets them as printed.
final class RunOutputTests: XCTestCase {
    private var binary: AttendBinary!
    private var terminal: TmuxTerminal!
    private var script: URL!

    override func setUpWithError() throws {
        binary = AttendBinary(environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        terminal = TmuxTerminal(binary: binary, pane: "run-output")
        script = binary.stateHome.appendingPathComponent("escapes.py")
        try FileManager.default.createDirectory(at: binary.stateHome, withIntermediateDirectories: true)
        try """
            print('title\\x1b]0;pwned\\x07|clear\\x1b[2J|bell\\x07|tab\\tend')
            raise ValueError('red\\x1b[31m')
            """.write(to: script, atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        terminal.stop()
        binary.cleanUp()
    }

    func testATerminalShowsControlCharactersEscaped() throws {
        try terminal.start("'\(AttendBinary.executable.path)' run '\(script.path)'; echo exit=$?; sleep 30")
        let screen = try terminal.waitFor("the escaped output") { $0.contains("exit=") }
        XCTAssertTrue(screen.contains("title\\x1b]0;pwned\\x07|clear\\x1b[2J|bell\\x07|tab"), screen)
        XCTAssertTrue(screen.contains("ValueError: red\\x1b[31m"), "tracebacks are escaped too: \(screen)")
        XCTAssertTrue(screen.contains("exit=1"), screen)
    }

    func testRawPassesThemThrough() throws {
        try terminal.start("'\(AttendBinary.executable.path)' run --raw '\(script.path)'; echo exit=$?; sleep 30")
        let screen = try terminal.waitFor("the program's end") { $0.contains("exit=") }
        XCTAssertFalse(screen.contains("pwned") || screen.contains("\\x07"), "the terminal took the title: \(screen)")
        XCTAssertTrue(screen.contains("|bell|tab"), "the rest is shown: \(screen)")
    }

    func testAPipeGetsTheBytesAsPrinted() throws {
        let result = try binary.run(["run", script.path])
        XCTAssertEqual(result.stdout, "title\u{1b}]0;pwned\u{07}|clear\u{1b}[2J|bell\u{07}|tab\tend\n")
        XCTAssertTrue(result.stderr.hasSuffix("ValueError: red\u{1b}[31m\n"), result.stderr)
    }
}
