import XCTest
@testable import Tensor

/// Sequential, ModuleList and ModuleDict replaying the scenarios `generate_layers.py` ran in PyTorch: printouts,
/// indexing, slicing, insertion, deletion and PyTorch's errors.
final class ContainerTests: XCTestCase {
    private func expected(_ name: String) throws -> String {
        try XCTUnwrap(LayersFixture.load().texts[name], "no text \(name)")
    }

    /// Python's `f"{type(e).__name__}: {e}"` for an error thrown by a module or a tensor function.
    static func text(_ error: Error) -> String {
        switch error {
        case let error as ModuleError: return "\(error.kind.rawValue): \(error.message)"
        case let error as TensorError: return "\(error.kind.rawValue): \(error.message)"
        default: return "\(error)"
        }
    }

    /// Runs `body`, recording its error's text (PyTorch's scenarios catch and print them).
    private func caught(_ out: inout [String], _ body: () throws -> Void) {
        do {
            try body()
            out.append("no error")
        } catch {
            out.append(ContainerTests.text(error))
        }
    }

    private func linear(_ a: Int, _ b: Int) throws -> Linear { try Linear(a, b) }

    func testActivationAndLayerPrintouts() throws {
        let activations = Sequential([
            ReLU(), ReLU(inplace: true), GELU(), GELU(approximate: "tanh"), Tanh(), Sigmoid(), SiLU(),
            SiLU(inplace: true), Softmax(), Softmax(dim: -1), LogSoftmax(dim: 1), Identity(), try Dropout(),
            try Dropout(0.1, inplace: true),
        ])
        XCTAssertEqual(activations.description, try expected("activations"))
        let layers = ModuleList([
            try linear(2, 3), try Linear(2, 3, bias: false), try Embedding(5, 3),
            try Embedding(5, 3, paddingIdx: -1, maxNorm: 1.0, normType: 3.0, scaleGradByFreq: true, sparse: true),
            try Conv1d(3, 4, 3),
            try Conv1d(4, 4, 3, stride: 2, padding: 1, dilation: 2, groups: 2, bias: false, paddingMode: "reflect"),
            try Conv1d(3, 4, 3, padding: "same"), try Conv1d(3, 4, 3, padding: "valid"), try LayerNorm([4]),
            try LayerNorm([2, 3], eps: 1e-6, elementwiseAffine: false), try LayerNorm([3], bias: false),
        ])
        XCTAssertEqual(layers.description, try expected("layers"))
        XCTAssertEqual(GELU(approximate: "foo").description, try expected("gelu_foo_module"))
        var out: [String] = []
        caught(&out) { _ = try GELU(approximate: "foo")(try Tensor.ones([2])) }
        XCTAssertEqual(out, [try expected("gelu_foo_forward")])
    }

    func testSequential() throws {
        let s = Sequential([try linear(2, 3), ReLU(), try linear(3, 1)])
        var out = [s.description, try s.slice(PythonSlice(start: 1)).description,
                   try s.slice(PythonSlice(step: -1)).description, try XCTUnwrap(s.module(at: -1)).description,
                   String(s.count)]
        try s.append(Tanh())
        out.append(s.description)
        try s.remove(at: 0)
        out.append(s.description)
        try s.insert(0, GELU())
        try s.insert(-1, SiLU())
        out.append(s.description)
        out.append(try XCTUnwrap(s.pop(at: 1)).description)
        try s.extend([Sigmoid()])
        try s.setModule(Identity(), at: 0)
        out.append(s.description)
        let named = try Sequential(named: [("a", ReLU()), ("b", Tanh()), ("c", Sigmoid())])
        out += [named.description, try named.slice(PythonSlice(start: 1)).description]
        try named.remove(PythonSlice(step: 2))
        out.append(named.description)
        caught(&out) { _ = try s.module(at: 10) }
        caught(&out) { _ = try s.module(at: -11) }
        caught(&out) { try s.insert(20, ReLU()) }
        caught(&out) { _ = try s.slice(PythonSlice(step: 0)) }
        XCTAssertEqual(out.joined(separator: "\n"), try expected("sequential_ops"))
    }

    func testSequentialForwardChainsChildren() throws {
        Generator.default.manualSeed(3)
        let model = Sequential([try linear(4, 3), ReLU(), try linear(3, 2)])
        let x = try Tensor.randn([5, 4])
        let first = try XCTUnwrap(model.module(at: 0))
        let last = try XCTUnwrap(model.module(at: 2))
        let manual = try last(try first(x).relu())
        XCTAssertEqual(try model(x).doubles, manual.doubles)
        XCTAssertEqual(try Sequential()(x).doubles, x.doubles)
    }

    func testModuleList() throws {
        let ml = ModuleList([try linear(2, 2), try linear(2, 2), ReLU(), try linear(2, 2), try linear(2, 2),
                             try linear(2, 2)])
        var out = [ml.description, try XCTUnwrap(ml.module(at: -1)).description,
                   try ml.slice(PythonSlice(start: 1, stop: 3)).description,
                   try ml.slice(PythonSlice(step: 2)).description, String(ml.count)]
        try ml.insert(1, Tanh())
        out.append(ml.description)
        try ml.append(try linear(2, 2))
        try ml.extend([ReLU(), ReLU()])
        out.append(ml.description)
        try ml.remove(at: 0)
        try ml.remove(PythonSlice(start: -2))
        out.append(ml.description)
        out.append(try XCTUnwrap(ml.pop(at: 0)).description)
        try ml.setModule(GELU(), at: 0)
        out.append(ml.description)
        caught(&out) { _ = try ml.module(at: 20) }
        caught(&out) { _ = try ml.module(at: -20) }
        caught(&out) { try ml.insert(-1, ReLU()) }
        out.append(ml.description)
        let ml2 = ModuleList([ReLU()])
        try ml2.insert(5, Tanh())
        out.append(ml2.description)
        caught(&out) { _ = try ml2.module(at: 1) }
        out.append(ModuleList().description)
        let nested = ModuleList([
            Sequential([try linear(1, 1), ReLU()]), Sequential([try linear(1, 1), ReLU()]),
            ModuleList([Tanh(), Tanh()]),
        ])
        out.append(nested.description)
        XCTAssertEqual(out.joined(separator: "\n"), try expected("module_list_ops"))
    }

    func testModuleListIterationAndRegistration() throws {
        let layers = ModuleList([try linear(2, 2), Tanh(), try linear(2, 2)])
        XCTAssertEqual(layers.map(\.typeName), ["Linear", "Tanh", "Linear"])
        XCTAssertEqual(layers.namedParameters().map(\.name), ["0.weight", "0.bias", "2.weight", "2.bias"])
        XCTAssertThrowsError(try layers(try Tensor.ones([2]))) {
            XCTAssertEqual(ContainerTests.text($0),
                           "NotImplementedError: Module [ModuleList] is missing the required \"forward\" function")
        }
    }

    func testModuleDict() throws {
        let md = try ModuleDict([("b", ReLU()), ("a", try linear(1, 2))])
        var out = [md.description, md.keys.joined(separator: ","), md.contains("a") ? "True" : "False",
                   md.contains("z") ? "True" : "False", String(md.count)]
        try md.setModule(Tanh(), forKey: "c")
        try md.setModule(GELU(), forKey: "b")
        out.append(md.description)
        out.append(try XCTUnwrap(md.pop("a")).description)
        try md.update([("d", ReLU()), ("c", Sigmoid())])
        out.append(md.description)
        caught(&out) { _ = try md.module(forKey: "z") }
        caught(&out) { _ = try md.pop("z") }
        caught(&out) { _ = try ModuleDict([("x.y", ReLU())]) }
        caught(&out) { _ = try ModuleDict([("", ReLU())]) }
        md.clear()
        out.append(md.description)
        XCTAssertEqual(out.joined(separator: "\n"), try expected("module_dict_ops"))
    }

    func testPythonSlicePositions() throws {
        XCTAssertEqual(try PythonSlice().positions(count: 4), [0, 1, 2, 3])
        XCTAssertEqual(try PythonSlice(step: -1).positions(count: 4), [3, 2, 1, 0])
        XCTAssertEqual(try PythonSlice(start: -2).positions(count: 4), [2, 3])
        XCTAssertEqual(try PythonSlice(start: 10, stop: -10, step: -3).positions(count: 5), [4, 1])
        XCTAssertEqual(try PythonSlice(start: -10, stop: 10, step: 2).positions(count: 5), [0, 2, 4])
        XCTAssertEqual(try PythonSlice(start: 3, stop: 1).positions(count: 5), [])
        XCTAssertEqual(try PythonSlice(start: Int.min, stop: Int.max, step: Int.max).positions(count: 3), [0])
    }
}
