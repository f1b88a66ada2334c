import Foundation
import XCTest

@testable import Script

/// The torch binding against real PyTorch: annotated scripts in Fixtures/torch (expectations printed by PyTorch 2.13,
/// see generate_torch.py) and seed-document cells whose stdout must equal PyTorch's (seed_outputs.json).
final class TorchBindingTests: XCTestCase {
    private static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    private func run(_ source: String, fileName: String) throws -> (output: String, Interpreter, Interpreter.Outcome) {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        try TorchBinding.install(in: interpreter)
        let outcome = interpreter.run(source: source, fileName: fileName)
        return (output, interpreter, outcome)
    }

    func testAnnotatedScriptsMatchPyTorch() throws {
        let directory = Self.fixtures.appendingPathComponent("torch")
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "py" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertGreaterThanOrEqual(files.count, 2)
        for file in files {
            try AnnotatedScript(contentsOf: file).check { try TorchBinding.install(in: $0) }
        }
    }

    /// Every code cell of the seed document, run in order in one interpreter as a notebook kernel runs them, prints
    /// what PyTorch printed for it. Not compared digit for digit: wall-clock timings (cell 8 measures them), and the
    /// values of cell 0, which draws from an unseeded generator (PyTorch's own output changes from run to run); its
    /// text around the numbers must still match.
    func testSeedCellsPrintWhatPyTorchPrinted() throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("seed_outputs.json"))
        let expected = try JSONDecoder().decode([String: String].self, from: data)
        let cells = try FileManager.default.contentsOfDirectory(
            at: Self.fixtures.appendingPathComponent("seed_cells"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "py" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertEqual(cells.count, 11)
        XCTAssertEqual(Set(expected.keys), Set(cells.map(\.lastPathComponent)))
        var output = ""
        let interpreter = Interpreter { output += $0 }
        try TorchBinding.install(in: interpreter)
        for url in cells {
            let cell = url.lastPathComponent
            output = ""
            let source = try String(contentsOf: url, encoding: .utf8)
            let outcome = interpreter.run(source: source, fileName: cell, echo: .lastExpression)
            if case .exception(_, let traceback) = outcome { XCTFail("\(cell): \(traceback)") }
            if case .syntaxError(let error) = outcome { XCTFail("\(cell): \(error.formatted)") }
            if cell == "cell_00.py" {
                XCTAssertEqual(Self.maskingNumbers(output), Self.maskingNumbers(expected[cell] ?? ""), cell)
            } else {
                XCTAssertEqual(Self.maskingTimings(output), Self.maskingTimings(expected[cell] ?? ""), cell)
            }
        }
    }

    /// The text with every number replaced by `<n>`.
    private static func maskingNumbers(_ text: String) -> String {
        text.replacingOccurrences(of: #"-?[0-9]+(\.[0-9]+)?(e[+-][0-9]+)?"#, with: "<n>", options: .regularExpression)
    }

    /// The text with every `Time = 12.34 ms` reading replaced by `Time = <t> ms`.
    private static func maskingTimings(_ text: String) -> String {
        text.replacingOccurrences(of: #"Time = [0-9]+\.[0-9]{2} ms"#, with: "Time = <t> ms", options: .regularExpression)
    }

    func testInteractiveEchoShowsPyTorchReprs() throws {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        try TorchBinding.install(in: interpreter)
        let source = "import torch\nx = torch.arange(4).reshape(2, 2)\nx\nx.shape\nx.dtype\nx.sum().item()\nx.float().mean()\n"
        guard case .success = interpreter.runInteractive(source: source) else { return XCTFail(output) }
        // What `python -i` echoes for the same lines with PyTorch 2.13.
        XCTAssertEqual(output, "tensor([[0, 1],\n        [2, 3]])\ntorch.Size([2, 2])\ntorch.int64\n6\ntensor(1.5000)\n")
    }

    func testUnknownAttributesAndBadArgumentsAreTypeErrors() throws {
        let cases: [(String, String)] = [
            ("import torch\ntorch.zeros(2).frobnicate", "AttributeError: 'Tensor' object has no attribute 'frobnicate'"),
            ("import torch\ntorch.zeros(2).transpose(0)",
             "TypeError: transpose() missing 1 required positional arguments: \"dim1\""),
            ("import torch\ntorch.zeros(2).transpose()",
             "TypeError: transpose() missing 2 required positional argument: \"dim0\", \"dim1\""),
            ("import torch\ntorch.zeros(2).transpose(0, 1, 2)",
             "TypeError: transpose() takes 2 positional arguments but 3 were given"),
            ("import torch\ntorch.zeros(2, bogus=1)", "TypeError: zeros() got an unexpected keyword argument 'bogus'"),
            ("import torch\nlen(torch.tensor(1.0))", "TypeError: len() of a 0-d tensor"),
            ("import torch\ntorch.zeros(2)[0, 0]",
             "IndexError: too many indices for tensor of dimension 1"),
            ("import math\nmath.log(0)", "ValueError: math domain error"),
            ("import torch\nif torch.zeros(2): pass",
             "RuntimeError: Boolean value of Tensor with more than one value is ambiguous"),
        ]
        for (source, message) in cases {
            let (_, interpreter, outcome) = try run(source, fileName: "<case>")
            guard case .exception(let error, _) = outcome else {
                XCTFail("no exception: \(source)")
                continue
            }
            XCTAssertEqual(interpreter.exceptionLine(error.exception), message, source)
        }
    }
}
