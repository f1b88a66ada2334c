import Foundation
import Script
import Tensor
import XCTest

/// An interpreter and what its programs made are freed when the host lets go of it (after `shutDown` when values
/// refer to each other), so a process that runs many programs one after another (the fuzzer's interpreter target)
/// does not grow.
final class InterpreterLifetimeTests: XCTestCase {
    /// Programs whose functions, classes, closures, exceptions and imported modules refer to the interpreter.
    static let programs = [
        "x = 1\n",
        "def f(n):\n    return n if n < 2 else f(n - 1)\nf(5)\n",
        "class A:\n    def m(self):\n        return self\na = A()\nb = a.m()\n",
        "def outer():\n    y = [1]\n    def inner():\n        return y\n    return inner\ng = outer()\n",
        "def gen():\n    yield 1\nit = gen()\n",
        "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    saved = e\n",
        "import math\nimport random\nimport warnings\nwarnings.warn('w')\nr = random.random() + math.prod([2, 3])\n"
            + "rng = random.Random(1)\nv = rng.randint(1, 6)\n",
        "import torch\nimport torch.nn as nn\nt = torch.ones(3, requires_grad=True)\n(t * 2).sum().backward()\n"
            + "m = nn.Linear(2, 2)\nopt = torch.optim.SGD(m.parameters(), lr=0.1)\n",
        "import matplotlib.pyplot as plt\nplt.plot([1, 2])\n",
        "def f():\n    raise ValueError('x')\nf()\n",
    ]

    func testAnInterpreterIsFreedAfterEachProgram() throws {
        for program in Self.programs {
            weak var freed = try Self.run(program).interpreter
            XCTAssertTrue(Self.waitUntil { freed == nil }, program)
        }
    }

    /// A suspended generator (its thread holds the interpreter) and a function that refers to the namespace it was
    /// defined in (which holds a large tensor) are freed by `shutDown`, the generator's `finally` block run.
    func testShutDownFreesSuspendedGeneratorsAndTheNamespace() throws {
        let before = MemoryBudget.shared.live
        let program = """
            import torch
            big = torch.zeros(1_000_000)
            def keep():
                return big
            def gen():
                try:
                    yield 1
                    yield 2
                finally:
                    print('closed')
            it = gen()
            next(it)
            """
        weak var freed: Interpreter?
        do {
            let (interpreter, output) = try Self.run(program)
            XCTAssertGreaterThanOrEqual(MemoryBudget.shared.live - before, 4_000_000)
            interpreter.shutDown()
            XCTAssertEqual(output.text, "closed\n")
            XCTAssertNil(interpreter.global("big"))
            XCTAssertEqual(interpreter.globalNames, ["__name__"])
            freed = interpreter
        }
        XCTAssertTrue(Self.waitUntil { freed == nil }, "the interpreter is still held")
        XCTAssertEqual(MemoryBudget.shared.live, before, "the tensor is still held")
    }

    /// Printed text, collected.
    final class Output: @unchecked Sendable {
        var text = ""
    }

    /// Runs `program` in a fresh interpreter with torch installed; gives the interpreter and what it printed.
    private static func run(_ program: String) throws -> (interpreter: Interpreter, output: Output) {
        let output = Output()
        let interpreter = Interpreter { output.text += $0 }
        interpreter.warningOutput = { _ in }
        try TorchBinding.install(in: interpreter)
        _ = interpreter.run(source: program, fileName: "<test>")
        return (interpreter, output)
    }

    /// Whether `condition` holds within five seconds: a run's thread lets go of the interpreter as it ends.
    private static func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while !condition() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }
}
