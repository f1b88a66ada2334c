import XCTest

@testable import Script
import Tensor

/// Scripts reach no file, process, network or environment: each way a PyTorch notebook would reach them ends in the
/// error CPython would give for a missing name or module, with the reason after it.
final class SandboxTests: XCTestCase {
    private func exceptionLine(_ source: String) throws -> String? {
        let interpreter = Interpreter { _ in }
        try TorchBinding.install(in: interpreter)
        switch interpreter.run(source: source) {
        case .success: return nil
        case .syntaxError(let error): return "SyntaxError: \(error.message)"
        case .exception(let error, _): return interpreter.exceptionLine(error.exception)
        }
    }

    func testModulesThatReachOutsideAreMissingAndSayWhy() throws {
        let files = "(Attend runs scripts without access to files, the environment or the system)"
        let cases: [(String, String)] = [
            ("import os", "ModuleNotFoundError: No module named 'os' \(files)"),
            ("import os.path", "ModuleNotFoundError: No module named 'os' \(files)"),
            ("from sys import argv", "ModuleNotFoundError: No module named 'sys' \(files)"),
            ("import pathlib", "ModuleNotFoundError: No module named 'pathlib' \(files)"),
            ("import pickle", "ModuleNotFoundError: No module named 'pickle' \(files)"),
            ("import subprocess",
             "ModuleNotFoundError: No module named 'subprocess' "
                + "(Attend runs scripts without starting processes or threads)"),
            ("import socket",
             "ModuleNotFoundError: No module named 'socket' (Attend runs scripts without network access)"),
            ("from urllib.request import urlopen",
             "ModuleNotFoundError: No module named 'urllib' (Attend runs scripts without network access)"),
            ("import importlib",
             "ModuleNotFoundError: No module named 'importlib' "
                + "(Attend runs scripts without access to the interpreter's internals)"),
            ("import nosuch.sub", "ModuleNotFoundError: No module named 'nosuch'"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(try exceptionLine(source), expected, source)
        }
    }

    func testBuiltinsThatReachOutsideAreUndefinedAndSayWhy() throws {
        let strings = "(Attend runs scripts without running code built from strings or reaching into namespaces)"
        let cases: [(String, String)] = [
            ("open('notes.txt', 'w')",
             "NameError: name 'open' is not defined (Attend runs scripts without access to files)"),
            ("eval('1 + 1')", "NameError: name 'eval' is not defined \(strings)"),
            ("exec('x = 1')", "NameError: name 'exec' is not defined \(strings)"),
            ("compile('1', 'f', 'eval')", "NameError: name 'compile' is not defined \(strings)"),
            ("__import__('os')", "NameError: name '__import__' is not defined \(strings)"),
            ("globals()['__builtins__']", "NameError: name 'globals' is not defined \(strings)"),
            ("input('name? ')",
             "NameError: name 'input' is not defined (Attend runs scripts without reading from the terminal)"),
            ("exit()", "NameError: name 'exit' is not defined (an Attend script ends after its last line)"),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(try exceptionLine(source), expected, source)
        }
    }

    func testTorchHasNoSaveOrLoad() throws {
        let reason = "(Attend runs scripts without access to files or the network)"
        XCTAssertEqual(try exceptionLine("import torch\ntorch.save(torch.ones(2), 'w.pt')"),
                       "AttributeError: module 'torch' has no attribute 'save' \(reason)")
        XCTAssertEqual(try exceptionLine("import torch\ntorch.load('w.pt')"),
                       "AttributeError: module 'torch' has no attribute 'load' \(reason)")
        XCTAssertEqual(try exceptionLine("import torch\ntorch.sve"),
                       "AttributeError: module 'torch' has no attribute 'sve'")
    }

    func testBuiltinsCannotBeReachedThroughObjects() throws {
        // The ways CPython code escapes a restricted namespace find nothing here.
        XCTAssertEqual(try exceptionLine("(1).__class__.__subclasses__"),
                       "AttributeError: type object 'int' has no attribute '__subclasses__'")
        XCTAssertNotNil(try exceptionLine("print.__self__.open"))
        XCTAssertNotNil(try exceptionLine("(lambda: 0).__globals__['__builtins__']"))
    }
}
