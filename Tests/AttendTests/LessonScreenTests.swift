import Foundation
import XCTest

/// `attend open` on a real terminal (tmux): Enter through a lesson to a heatmap, evaluate at the prompt, see a
/// Python error and keep going, Ctrl-C out of a loop, quit with Ctrl-D, resume at the same step and answer there.
final class LessonScreenTests: XCTestCase {
    private var binary: AttendBinary!
    private var terminal: TmuxTerminal!

    override func setUp() {
        let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/screen-lessons").path
        binary = AttendBinary(environment: ["ATTEND_LESSONS": lessons, "TERM": "xterm-256color",
                                            "LANG": "C.UTF-8", "LC_ALL": nil, "NO_COLOR": nil])
        terminal = TmuxTerminal(binary: binary, pane: "lesson")
    }

    override func tearDown() {
        terminal.stop()
        binary.cleanUp()
    }

    private func command(_ arguments: String) -> String {
        let environment = binary.environment
        let keep = ["XDG_STATE_HOME", "ATTEND_LESSONS", "TERM", "LANG", "HOME", "PATH"]
        let assignments = keep.compactMap { name in environment[name].map { "\(name)='\($0)'" } }
        return "env -i " + assignments.joined(separator: " ") + " '\(AttendBinary.executable.path)' " + arguments
    }

    func testOpenStepEvaluateQuitAndResume() throws {
        try terminal.start(command("open heatmaps"))
        try terminal.waitFor("the first step") { $0.contains("Heatmaps on screen") && $0.contains("step 1/4") }

        // Enter runs a step and moves to the next, the output kept in view: press it until the heatmap is on screen.
        try terminal.send("Enter")
        try terminal.waitFor("the first cell's value, and step 2") { text in
            text.contains("torch.Size([3, 4])") && text.contains("Now draw it as a heatmap")
                && text.contains("step 2/4")
        }
        try terminal.send("Enter")
        try terminal.waitFor("the heatmap's title and colour bar labels above the exercise", timeout: 10) { text in
            text.contains("  weights") && text.contains(" 11") && text.contains("  0 1 2 3")
                && text.contains("Exercise total") && text.contains("step 3/4")
        }

        // Back at the heatmap's step, typed code runs in the lesson's namespace.
        try terminal.send("PPage")
        try terminal.waitFor("step 2") { $0.contains("step 2/4") }
        try terminal.send("-l", "w.sum() * 2")
        try terminal.send("Enter")
        try terminal.waitFor("the value") { $0.contains(">>> w.sum() * 2\ntensor(132.)") }

        try terminal.send("-l", "undefined_name + 1")
        try terminal.send("Enter")
        try terminal.waitFor("a Python error") { $0.contains("NameError: name 'undefined_name' is not defined") }
        try terminal.send("-l", "w[0]")
        try terminal.send("Enter")
        try terminal.waitFor("it keeps going") { $0.contains("tensor([0., 1., 2., 3.])") }

        try terminal.send("-l", "for i in range(1000000): print('tick', i)")
        try terminal.send("Enter")
        try terminal.waitFor("output while the loop runs") { text in
            text.contains("running… Ctrl-C interrupts") && text.contains("tick ")
        }
        try terminal.send("C-c")
        try terminal.waitFor("KeyboardInterrupt, the screen kept") { text in
            text.contains("KeyboardInterrupt") && text.contains("step 2/4") && text.contains("F1 keys")
        }

        try terminal.send("Enter")
        try terminal.waitFor("the exercise") { $0.contains("Exercise total") && $0.contains("step 3/4") }
        try terminal.send("C-d")
        XCTAssertTrue(try terminal.waitForExit(), "Ctrl-D quits")

        let progress = try String(contentsOf: binary.stateHome.appendingPathComponent("attend/progress.json"),
                                  encoding: .utf8)
        XCTAssertTrue(progress.contains("\"step\" : \"total\""), progress)

        // The screen's session was journaled: its export holds the steps run and what was typed.
        let notebook = binary.stateHome.appendingPathComponent("screen.md").path
        XCTAssertEqual(try binary.run(["export", notebook]).status, 0)
        let exported = try String(contentsOfFile: notebook, encoding: .utf8)
        XCTAssertTrue(exported.contains("Now draw it as a heatmap."), exported)
        XCTAssertTrue(exported.contains("w.sum() * 2\n```\n\n```text\ntensor(132.)"), exported)

        // `attend` alone resumes the last lesson at the saved step, its namespace rebuilt; Ctrl-P recalls what was
        // typed last time.
        try terminal.start(command(""))
        try terminal.waitFor("the saved step") { $0.contains("Exercise total") && $0.contains("step 3/4") }
        try terminal.send("C-p")
        try terminal.waitFor("the history of the last run") { $0.contains("answer> for i in range(1000000)") }
        try terminal.send("C-u")
        try terminal.send("-l", "w.sum()")
        try terminal.send("Enter")
        try terminal.waitFor("the answer checked in the rebuilt namespace") { $0.contains("Correct.") }
        try terminal.send("C-d")
        XCTAssertTrue(try terminal.waitForExit(), "Ctrl-D quits")
    }

    func testOpenNeedsAKnownLessonAndATerminal() throws {
        let unknown = try binary.run(["open", "no-such-lesson"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stderr, "attend: no lesson 'no-such-lesson' (attend lessons lists them)\n")
        let piped = try binary.run(["open", "2"])
        XCTAssertEqual(piped.status, 2)
        XCTAssertTrue(piped.stderr.contains("the lesson screen needs a terminal"), piped.stderr)
        let help = try binary.run([])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("attend open LESSON"), "attend off a terminal prints its help")
    }
}
