import Notebook
import Script
import XCTest

/// What Tab offers: names, modules after `import`, attributes and tensor methods after `x.`, magics after `%`.
final class CompletionTests: XCTestCase {
    private func makeSession() throws -> Session {
        let interpreter = Interpreter { _ in }
        try TorchBinding.install(in: interpreter)
        return Session(id: "test", interpreter: interpreter, journal: nil)
    }

    func testNamesBuiltinsAndKeywords() throws {
        let session = try makeSession()
        session.execute("import torch\ntotal = 0\n")
        XCTAssertEqual(session.complete("tor").candidates, ["torch"])
        XCTAssertEqual(session.complete("x = to").candidates, ["torch", "total"])
        XCTAssertEqual(session.complete("pri").candidates, ["print"])
        XCTAssertEqual(session.complete("whi").candidates, ["while"])
        XCTAssertEqual(session.complete("x = to").word, "to")
    }

    func testModulesAfterImport() throws {
        let session = try makeSession()
        let completion = session.complete("import torch.n")
        XCTAssertEqual(completion.word, "torch.n")
        XCTAssertTrue(completion.candidates.contains("torch.nn"), "\(completion.candidates)")
        XCTAssertTrue(completion.candidates.contains("torch.nn.functional"), "\(completion.candidates)")
        XCTAssertTrue(session.complete("from ma").candidates.contains("math"))
    }

    func testNamesAfterFromImport() throws {
        let session = try makeSession()
        XCTAssertEqual(session.complete("from math import sq").candidates, ["sqrt"])
        XCTAssertEqual(session.complete("from math import pi, sq").word, "sq")
        XCTAssertEqual(session.complete("from math import (pi, sq").candidates, ["sqrt"])
        let functional = session.complete("from torch.nn.functional import soft").candidates
        XCTAssertTrue(functional.contains("softmax") && functional.contains("softplus"), "\(functional)")
        XCTAssertTrue(session.complete("from torch import ").candidates.contains("zeros"))
        XCTAssertEqual(session.complete("from nosuchmodule import a").candidates, [], "no module: nothing offered")
        let bound = session.interpreter.globalNames
        XCTAssertFalse(bound.contains("math") || bound.contains("sqrt"), "completing binds nothing: \(bound)")
    }

    func testTensorMethodsAndModuleAttributes() throws {
        let session = try makeSession()
        session.execute("import torch\nt = torch.ones(2)\n")
        let methods = session.complete("t.so").candidates
        XCTAssertEqual(methods, ["softmax", "sort"])
        XCTAssertTrue(session.complete("t.").candidates.contains("requires_grad"))
        XCTAssertTrue(session.complete("torch.zer").candidates.contains("zeros"))
        XCTAssertEqual(session.complete("torch.zeros_l").commonPrefix, "zeros_like")
    }

    func testInstanceAttributesAndPrivateNamesOnlyWhenAsked() throws {
        let session = try makeSession()
        session.execute("class A:\n    def method(self): pass\n\na = A()\na.value = 1\na._secret = 2\n")
        XCTAssertEqual(session.complete("a.").candidates.filter { !$0.hasPrefix("__") }, ["method", "value"])
        XCTAssertEqual(session.complete("a._s").candidates, ["_secret"])
    }

    func testMagicsAndNothingForUnknownObjects() throws {
        let session = try makeSession()
        XCTAssertEqual(session.complete("%ti").candidates, ["%time", "%timeit"])
        XCTAssertEqual(session.complete("nothing.ab").candidates, [])
        XCTAssertEqual(session.complete("3.1").candidates, [])
    }
}
