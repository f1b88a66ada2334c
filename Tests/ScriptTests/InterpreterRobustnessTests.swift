import XCTest

@testable import Script
import Tensor

/// Programs that push on the interpreter's limits must end in a Python exception, never a crash or hang.
final class InterpreterRobustnessTests: XCTestCase {
    private func exceptionLine(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        let interpreter = Interpreter { _ in }
        switch interpreter.run(source: source) {
        case .success: return nil
        case .syntaxError(let error): return "SyntaxError: \(error.message)"
        case .exception(let error, _): return interpreter.exceptionLine(error.exception)
        }
    }

    func testLimitsRaiseInsteadOfTrapping() {
        let cases: [(String, String?)] = [
            ("def f(): return f()\nf()", "RecursionError: maximum recursion depth exceeded"),
            ("class A:\n    def __repr__(self): return repr(self)\nrepr(A())",
             "RecursionError: maximum recursion depth exceeded"),
            ("x = -9223372036854775807 - 1\nx // -1", "OverflowError"),
            ("abs(-9223372036854775807 - 1)", "OverflowError"),
            ("-(-9223372036854775807 - 1)", "OverflowError"),
            ("1 << 64", "OverflowError"),
            ("int(1e300)", "OverflowError"),
            ("int('99999999999999999999')", "OverflowError"),
            ("'a' * 10**12", "MemoryError"),
            ("[0] * 10**12", "MemoryError"),
            ("list(range(10**12))", "MemoryError"),
            ("def gen():\n    yield 1\n    yield 2\nfor i in range(500):\n    g = gen()\n    next(g)\nprint(next(g))", nil),
            ("def gen():\n    yield 1\n    yield 2\nkeep = []\nfor i in range(100):\n    g = gen()\n    next(g)\n"
                + "    keep.append(g)", "RuntimeError: too many suspended generators"),
            ("def deep(n):\n    yield from deep(n + 1)\nlist(deep(0))", "RecursionError"),
            ("def f(n):\n    return f(n + 1)\ndef gen():\n    yield f(0)\nnext(gen())", "RecursionError"),
            ("def gen():\n    yield 1\n    raise StopIteration\nlist(gen())", "RuntimeError: generator raised StopIteration"),
            ("s = 'ab'\nwhile True:\n    s += s", "MemoryError"),
            ("l = [1]\nwhile True:\n    l += l", "MemoryError"),
            ("sorted(range(10**12))", "MemoryError"),
            ("range(-9223372036854775807 - 1, 9223372036854775807)[5]", nil),
            ("len(range(0, 10, 0))", "ValueError: range() arg 3 must not be zero"),
            ("[1, 2][::0]", "ValueError: slice step cannot be zero"),
            ("x = [1]\nx[-9223372036854775807 - 1]", "IndexError: list index out of range"),
            ("'abc'[1:-9223372036854775807 - 1:-9223372036854775807 - 1]", nil),
            ("float('nan') < 1", nil),
            ("10 ** -400", nil),
            ("2.0 ** 10000", "OverflowError"),
            ("0 ** -1", "ZeroDivisionError: 0.0 cannot be raised to a negative power"),
            ("1 % 0", "ZeroDivisionError: integer division or modulo by zero"),
            ("1.0 // 0", "ZeroDivisionError: float floor division by zero"),
            ("chr(-1)", "ValueError: chr() arg not in range(0x110000)"),
            ("import torch", "ModuleNotFoundError: No module named 'torch'"),
            ("raise 5", "TypeError: exceptions must derive from BaseException"),
            ("raise", "RuntimeError: No active exception to reraise"),
            ("t = ()\nfor i in range(3000):\n    t = (t,)\nrepr(t)", "RecursionError"),
            ("a = []\nfor i in range(3000):\n    a = [a]\nb = []\nfor i in range(3000):\n    b = [b]\na == b",
             "RecursionError"),
            ("t = ()\nfor i in range(3000):\n    t = (t,)\n{t: 1}", "RecursionError"),
            ("1 < 1e300 < 9.25e18 > 5", nil),
            ("d = {}\nfor k in d: pass\nd = {1: 1}\nfor k in d: d[k + 1] = 0",
             "RuntimeError: dictionary changed size during iteration"),
        ]
        for (source, expected) in cases {
            let result = exceptionLine(source)
            if let expected {
                XCTAssertTrue(result?.hasPrefix(expected) == true, "\(source): \(result ?? "no exception")")
            } else {
                XCTAssertNil(result, source)
            }
        }
    }

    func testStateCarriesAcrossRuns() {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        _ = interpreter.run(source: "x = 41")
        _ = interpreter.run(source: "print(x + 1)")
        XCTAssertEqual(output, "42\n")
    }
}

/// The interactive echo and engine-error conversion.
final class InterpreterEntryPointTests: XCTestCase {
    func testInteractiveEchoesExpressionValues() {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        let outcome = interpreter.runInteractive(source: "x = 2\nx + 1\nNone\nprint('p')\n'text'\n_ * 2\n")
        guard case .success = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(output, "3\np\n'text'\n'texttext'\n")
    }

    func testEngineErrorsBecomeTheirPythonClass() {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        let error = TensorError.invalidArgument(op: "boom", detail: "bad input")
        interpreter.builtins["boom"] = .builtin(BuiltinFunction("boom") { _, _ in throw error })
        let source = "try:\n    boom()\nexcept \(error.kind.rawValue) as e:\n    print(type(e).__name__, e)\n"
        guard case .success = interpreter.run(source: source) else { return XCTFail("not caught") }
        XCTAssertEqual(output, "\(error.kind.rawValue) \(error.message)\n")
    }
}

/// `interrupt()` stops an endless loop with KeyboardInterrupt.
final class InterpreterInterruptTests: XCTestCase {
    func testInterruptStopsAnEndlessLoop() {
        let interpreter = Interpreter { _ in }
        nonisolated(unsafe) let target = interpreter
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { target.interrupt() }
        let outcome = interpreter.run(source: "n = 0\nwhile True:\n    n += 1\n")
        guard case .exception(let error, let traceback) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(error.typeName, "KeyboardInterrupt")
        XCTAssertTrue(traceback.hasSuffix("KeyboardInterrupt\n"), traceback)
    }
}

/// Ctrl-C stops loops that call nothing Python-level: comprehensions, and builtins consuming an iterator
/// (`sum`, `any`, `list(zip(...))`). They used to run on for 2**62 items.
final class InterpreterInterruptedIterationTests: XCTestCase {
    func testInterruptStopsComprehensionsAndBuiltinsOverHugeRanges() {
        let loops = ["x = [n for n in range(2**62)]", "x = {n: n for n in range(2**62)}", "x = sum(range(2**62))",
                     "x = any(n < 0 for n in range(2**62))", "x = list(zip(range(2**62), range(2**62)))",
                     "x = list(enumerate(range(2**62)))", "x = min(iter(range(2**62)))"]
        for loop in loops {
            let interpreter = Interpreter { _ in }
            nonisolated(unsafe) let target = interpreter
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { target.interrupt() }
            let start = Date()
            let outcome = interpreter.run(source: loop + "\n")
            XCTAssertLessThan(Date().timeIntervalSince(start), 5, loop)
            guard case .exception(let error, _) = outcome else { XCTFail("\(loop): \(outcome)"); continue }
            XCTAssertEqual(error.typeName, "KeyboardInterrupt", loop)
        }
    }
}

/// A Ctrl-C that lands between programs (after one finished, before the next started) stops neither.
final class InterpreterStaleInterruptTests: XCTestCase {
    func testAnInterruptBetweenProgramsIsDropped() {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        interpreter.interrupt()
        guard case .success = interpreter.run(source: "for i in range(3):\n    print(i)\n") else {
            return XCTFail("a stale interrupt stopped the next program")
        }
        XCTAssertEqual(output, "0\n1\n2\n")
    }
}

/// Modules registered by bindings are importable in every form the lessons use.
final class InterpreterImportTests: XCTestCase {
    func testImportForms() {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        var loads = 0
        let functional = ModuleObject(name: "torch.nn.functional", attributes: ["relu": .str("relu-fn")])
        let nn = ModuleObject(name: "torch.nn", attributes: ["Linear": .str("linear-class")])
        let torch = ModuleObject(name: "torch", attributes: ["nn": .module(nn)])
        interpreter.modules["torch"] = {
            loads += 1
            return torch
        }
        interpreter.modules["torch.nn"] = { nn }
        interpreter.modules["torch.nn.functional"] = { functional }
        let source = """
            import torch
            import torch.nn as nn
            import torch.nn.functional as F
            from torch.nn import functional as G, Linear
            print(torch.nn.Linear, nn.Linear, F.relu, G.relu, Linear, torch.__name__)
            try:
                from torch import missing
            except ImportError as e:
                print(type(e).__name__, e)
            """
        guard case .success = interpreter.run(source: source) else { return XCTFail(output) }
        XCTAssertEqual(output, """
            linear-class linear-class relu-fn relu-fn linear-class torch
            ImportError cannot import name 'missing' from 'torch' (unknown location)

            """)
        XCTAssertEqual(loads, 1)
    }
}
