import Foundation
import XCTest

/// `attend bench` as a script consuming its figures sees it: one `name: value unit` line per workload, or the same
/// figures as a JSON object, and with `--compare PYTHON` PyTorch's value and the ratio beside each. `--quick` keeps
/// the runs few; the figures' size is not checked (a test is no benchmark). The comparison runs against a fake
/// Python, a shell script answering the driver's requests as the real driver does, so no PyTorch is needed.
final class BenchCommandTests: XCTestCase {
    /// The figures `--quick` reports, in order.
    private static let quickNames = [
        "start-up", "small-op loop 200 iterations", "kv-cache decoding 50 steps", "gru training step",
        "attention 256 tokens", "attention 256 tokens peak memory", "gemm 256", "gemm 1024",
        "render heatmap 512x512 in 120 columns", "first lesson headless",
    ]
    /// The figures timed by the Python driver (the rest are whole processes, or Attend's own).
    private static let driverNames = [
        "small-op loop 200 iterations", "kv-cache decoding 50 steps", "gru training step", "attention 256 tokens",
        "gemm 256", "gemm 1024",
    ]

    /// The built `attend` executable, beside the test bundle.
    private static var executable: URL {
        let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return runner.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("attend")
    }

    /// Standard output, standard error and exit status of `attend bench` with `arguments`.
    private func bench(_ arguments: [String]) throws -> (output: String, errors: String, status: Int32) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["bench"] + arguments
        let folder = try temporaryFolder()
        let errorFile = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return (String(decoding: data, as: UTF8.self), errors, process.terminationStatus)
    }

    /// A fresh folder removed after the test.
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("attend-bench-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    /// An executable shell script standing in for Python: `body` runs with the script's arguments.
    private func fakePython(_ body: String) throws -> String {
        let file = try temporaryFolder().appendingPathComponent("python")
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file.path
    }

    /// A fake Python that runs any script successfully and, given the driver, speaks its protocol: a ready line,
    /// then for each request line to the end of its input, `onSetUp` or `onTime` (shell code printing one reply),
    /// after appending the request to `log` with the time it came when a log is given.
    private func fakeDriver(onTime: String, onSetUp: String = #"echo '{"ok": true}'"#,
                            log: URL? = nil) throws -> String {
        let logging = log.map { #"echo "$(date +%s.%N) $line" >> '\#($0.path)'"# } ?? ":"
        return try fakePython("""
            case "$1" in
              *driver.py)
                echo '{"ready": true, "torch": "fake"}'
                while read -r line; do
                  \(logging)
                  case "$line" in
                    *'"op":"setup"'*) \(onSetUp) ;;
                    *) \(onTime) ;;
                  esac
                done ;;
              *) exit 0 ;;
            esac
            """)
    }

    /// A fake Python whose driver sets up every workload and reports `milliseconds` for every timed call.
    private func fakeTorch(milliseconds: Double, log: URL? = nil) throws -> String {
        try fakeDriver(onTime: "echo '{\"milliseconds\": \(milliseconds)}'", log: log)
    }

    /// Runs `attend bench --quick --compare python`, which must fail with exit status 1 before printing any figure
    /// and say every one of `messages` on standard error.
    private func assertCompareFails(_ python: String, saying messages: [String],
                                    file: StaticString = #filePath, line: UInt = #line) throws {
        let (output, errors, status) = try bench(["--quick", "--compare", python])
        XCTAssertEqual(status, 1, errors, file: file, line: line)
        XCTAssertEqual(output, "", file: file, line: line)
        for message in messages {
            XCTAssertTrue(errors.contains(message), "no \(message) in: \(errors)", file: file, line: line)
        }
    }

    func testQuickRunPrintsOneFigurePerLine() throws {
        let (output, _, status) = try bench(["--quick"])
        XCTAssertEqual(status, 0)
        let lines = output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.map { $0.components(separatedBy: ": ").first ?? "" }, Self.quickNames, output)
        let figure = try NSRegularExpression(pattern: #"^[a-z0-9 x-]+: [0-9]+(\.[0-9]+)? (ms|s|MB|GFLOP/s)$"#)
        for line in lines {
            let range = NSRange(line.startIndex..., in: line)
            XCTAssertNotNil(figure.firstMatch(in: line, range: range), "not `name: value unit`: \(line)")
        }
    }

    func testJSONHoldsTheSameFigures() throws {
        let (output, _, status) = try bench(["--quick", "--json"])
        XCTAssertEqual(status, 0)
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        let figures = try XCTUnwrap(object as? [String: [String: Any]], output)
        XCTAssertEqual(Set(figures.keys), Set(Self.quickNames))
        let heatmap = try XCTUnwrap(figures["render heatmap 512x512 in 120 columns"], output)
        XCTAssertEqual(heatmap["unit"] as? String, "ms")
        XCTAssertGreaterThan(try XCTUnwrap(heatmap["value"] as? Double), 0)
        XCTAssertEqual(figures["gemm 1024"]?["unit"] as? String, "GFLOP/s")
        XCTAssertEqual(figures["attention 256 tokens peak memory"]?["unit"] as? String, "MB")
        XCTAssertEqual(figures["first lesson headless"]?["unit"] as? String, "s")
        XCTAssertNil(figures["gemm 256"]?["pytorch"], "no PyTorch value without --compare")
    }

    func testCompareGivesPyTorchsValueAndARatioWhereAboveOneMeansAttendIsBetter() throws {
        let python = try fakeTorch(milliseconds: 2)
        let (output, errors, status) = try bench(["--quick", "--json", "--compare", python])
        XCTAssertEqual(status, 0, errors)
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        let figures = try XCTUnwrap(object as? [String: [String: Any]], output)
        // A time: PyTorch's over Attend's.
        let training = try XCTUnwrap(figures["gru training step"])
        XCTAssertEqual(training["pytorch"] as? Double, 2)
        let trainingTime = try XCTUnwrap(training["value"] as? Double)
        XCTAssertEqual(try XCTUnwrap(training["ratio"] as? Double), 2 / trainingTime,
                       accuracy: 0.02 * 2 / trainingTime)
        // A rate: 2 * 256³ operations in 2 ms is 16.8 GFLOP/s; Attend's over PyTorch's.
        let gemm = try XCTUnwrap(figures["gemm 256"])
        XCTAssertEqual(gemm["pytorch"] as? Double, 16.8)
        let rate = try XCTUnwrap(gemm["value"] as? Double)
        XCTAssertEqual(try XCTUnwrap(gemm["ratio"] as? Double), rate / 16.8, accuracy: 0.02 * rate / 16.8)
        // The fake Python's processes take next to no memory: a value, but no ratio against nothing.
        let memory = try XCTUnwrap(figures["attention 256 tokens peak memory"])
        XCTAssertNotNil(memory["pytorch"])
        XCTAssertNotNil(figures["start-up"]?["pytorch"])
        // Attend's own figures have no PyTorch side.
        XCTAssertNil(figures["render heatmap 512x512 in 120 columns"]?["pytorch"])
        XCTAssertNil(figures["first lesson headless"]?["ratio"])
    }

    func testCompareLinesShowPyTorchAndTheRatio() throws {
        let python = try fakeTorch(milliseconds: 1000)
        let (output, errors, status) = try bench(["--quick", "--compare", python])
        XCTAssertEqual(status, 0, errors)
        let lines = output.split(separator: "\n").map(String.init)
        let training = try XCTUnwrap(lines.first { $0.hasPrefix("gru training step: ") }, output)
        let pattern = try NSRegularExpression(
            pattern: #"^gru training step: [0-9.]+ ms \(pytorch 1000 ms, ratio [0-9.]+x\)$"#)
        XCTAssertNotNil(pattern.firstMatch(in: training, range: NSRange(training.startIndex..., in: training)),
                        training)
        let heatmap = try XCTUnwrap(lines.first { $0.hasPrefix("render heatmap") }, output)
        XCTAssertFalse(heatmap.contains("pytorch"), heatmap)
    }

    func testMissingPythonIsReportedNotCrashed() throws {
        let (output, errors, status) = try bench(["--quick", "--compare", "/nonexistent/python3"])
        XCTAssertEqual(status, 2)
        XCTAssertEqual(output, "")
        XCTAssertTrue(errors.contains("attend: cannot run '/nonexistent/python3'"), errors)
    }

    func testFailingPythonShowsWhatItSaid() throws {
        let python = try fakePython("echo \"ModuleNotFoundError: No module named 'torch'\" >&2; exit 1")
        try assertCompareFails(python, saying: ["failed running start-up.py (exit status 1)",
                                                "No module named 'torch'"])
    }

    func testDriverOutputThatIsNotItsProtocolIsReported() throws {
        let python = try fakePython("""
            case "$1" in
              *driver.py) echo 'hello' ;;
              *) exit 0 ;;
            esac
            """)
        try assertCompareFails(python, saying: ["does not answer as the benchmark driver should", "'hello'"])
    }

    func testAWorkloadFailingInPythonShowsItsTraceback() throws {
        let failure = #"printf '%s\n' '{"error": "Traceback (most recent call last):\nRuntimeError: no MKL\n"}'"#
        let python = try fakeDriver(onTime: failure, onSetUp: failure)
        try assertCompareFails(python, saying: [
            "the 'small-op loop 200 iterations' workload failed in '\(python)' (torch fake):",
            "Traceback (most recent call last):\nRuntimeError: no MKL",
        ])
    }

    func testPythonDyingMidwayShowsWhatItSaid() throws {
        let python = try fakeDriver(onTime: "echo 'Fatal Python error: Segmentation fault' >&2; exit 139")
        try assertCompareFails(python, saying: ["failed timing 'small-op loop 200 iterations' (exit status 139)",
                                                "Fatal Python error: Segmentation fault"])
    }

    /// The fake driver logs each request with the time it came; each workload must be set up once and then timed
    /// run by run, and between two of Python's timed calls Attend must have made one of its own: the time from the
    /// first to the last of three Python calls holds two Attend calls, so it is at least Attend's median.
    func testCompareAlternatesAttendAndPythonCallByCall() throws {
        let log = try temporaryFolder().appendingPathComponent("requests.log")
        let python = try fakeTorch(milliseconds: 1, log: log)
        let (output, errors, status) = try bench(["--quick", "--runs", "3", "--json", "--compare", python])
        XCTAssertEqual(status, 0, errors)
        let figures = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8))
                                    as? [String: [String: Any]], output)
        let requests = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            let object = try JSONSerialization.jsonObject(with: Data((parts.last ?? "").utf8)) as? [String: Any]
            return (time: Double(parts.first ?? "") ?? 0, op: object?["op"] as? String ?? "",
                    name: object?["name"] as? String ?? "", calls: object?["calls"] as? Int)
        }
        let expected = Self.driverNames.flatMap { name in
            [("setup", name), ("time", name), ("time", name), ("time", name)]
        }
        XCTAssertEqual(requests.map { "\($0.op) \($0.name)" }, expected.map { "\($0.0) \($0.1)" })
        // Workloads of a millisecond or less are timed several calls to a turn (two in a quick run).
        let callsPerTurn = Dictionary(requests.filter { $0.op == "time" }.map { ($0.name, $0.calls) }) { $1 }
        XCTAssertEqual(callsPerTurn, ["small-op loop 200 iterations": 2, "kv-cache decoding 50 steps": 1,
                                      "gru training step": 2, "attention 256 tokens": 2, "gemm 256": 2,
                                      "gemm 1024": 2])
        // The slowest workload in Attend shows the turns most clearly (the fake's own replies take a few ms).
        let slowest = try XCTUnwrap(Self.driverNames.filter { figures[$0]?["unit"] as? String == "ms" }
            .max { (figures[$0]?["value"] as? Double ?? 0) < (figures[$1]?["value"] as? Double ?? 0) })
        let attendMedian = try XCTUnwrap(figures[slowest]?["value"] as? Double) / 1000
        let times = requests.filter { $0.op == "time" && $0.name == slowest }.map(\.time)
        XCTAssertEqual(times.count, 3)
        XCTAssertGreaterThanOrEqual((times.last ?? 0) - (times.first ?? 0), attendMedian * 0.99,
                                    "Python's calls of '\(slowest)' came without Attend's between them")
    }

    func testRunsMustBePositive() throws {
        XCTAssertEqual(try bench(["--runs", "0"]).status, 64, "a usage error, as argument parser reports it")
    }
}
