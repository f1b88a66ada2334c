import XCTest
@testable import Tensor

/// A model defined as a script would: children, a `None` child, nested containers.
private final class Holder: Module {
    override init() {
        super.init()
    }

    override var typeName: String { "Holder" }

    static func make() throws -> Holder {
        let holder = Holder()
        try holder.registerModule("first", try Linear(2, 2))
        try holder.registerModule("gap", nil)
        try holder.registerModule("blocks", ModuleList([
            Sequential([try Linear(2, 2), try Dropout(0.2)]), Sequential([try Linear(2, 2), try Dropout(0.2)]),
        ]))
        try holder.registerModule("heads", try ModuleDict([("x", try Linear(2, 1)), ("y", Identity())]))
        try holder.registerModule("tail", Sequential())
        return holder
    }
}

/// A module with buffers of each kind and a direct parameter, as in PyTorch's docs.
private final class Buffered: Module {
    override init() {
        super.init()
    }

    override var typeName: String { "B" }

    static func make() throws -> Buffered {
        let module = Buffered()
        try module.registerBuffer("r", try Tensor.ones([2]))
        try module.registerBuffer("np", try Tensor.ones([2]), persistent: false)
        try module.registerBuffer("none", nil)
        try module.registerModule("lin", try Linear(1, 1))
        try module.registerParameter("p", try Tensor.parameter(try Tensor.ones([1])))
        return module
    }
}

/// The Module base: traversal orders, sharing, state dicts, modes and gradients, checked against PyTorch.
final class ModuleFeatureTests: XCTestCase {
    func testNestedTreePrintsNoneChildrenAndGroupsRepeats() throws {
        let expected = try XCTUnwrap(LayersFixture.load().texts["nested_tree"])
        XCTAssertEqual(try Holder.make().description, expected)
    }

    func testPrintedTypeNameReplacesTheTypeNameInTheTree() throws {
        let linear = try Linear(2, 3)
        let model = try Sequential([linear, Tanh()])
        linear.printedTypeName = "Scaled"
        XCTAssertEqual(model.description, """
            Sequential(
              (0): Scaled(in_features=2, out_features=3, bias=True)
              (1): Tanh()
            )
            """)
        XCTAssertEqual(linear.typeName, "Linear")
    }

    func testLoadStateDictErrorsAndPartialCopies() throws {
        var out: [String] = []
        let linear = try Linear(2, 3)
        let bad: [(name: String, tensor: Tensor)] = [
            ("weight", try Tensor.zeros([3, 3])), ("x", try Tensor.zeros([1])), ("y", try Tensor.zeros([1])),
        ]
        for strict in [true, false] {
            XCTAssertThrowsError(try linear.loadStateDict(bad, strict: strict)) { out.append(ContainerTests.text($0)) }
        }
        out.append(try linear.loadStateDict([("weight", try Tensor.ones([3, 2]))], strict: false).description)
        out.append(try linear.loadStateDict([
            ("weight", try Tensor.ones([3, 2])), ("bias", try Tensor.ones([3])), ("extra", try Tensor.ones([1])),
        ], strict: false).description)
        let model = Sequential([try Linear(2, 2), try Linear(2, 2)])
        XCTAssertThrowsError(try model.loadStateDict([
            ("z", try Tensor.zeros([1])), ("0.weight", try Tensor.zeros([2, 2])), ("1.bias", try Tensor.zeros([3])),
            ("2.x", try Tensor.zeros([1])), ("0.q", try Tensor.zeros([1])),
        ])) { out.append(ContainerTests.text($0)) }
        let first = try XCTUnwrap(model.module(at: 0))
        out.append(try first.requiredParameter("weight").abs().sum().item().doubleValue == 0 ? "True" : "False")
        XCTAssertEqual(out.joined(separator: "\n"), try XCTUnwrap(LayersFixture.load().texts["state_dict_errors"]))
    }

    func testStateDictOrderBuffersAndKeepVars() throws {
        let module = try Buffered.make()
        XCTAssertEqual(module.stateDict().map(\.name), ["p", "r", "lin.weight", "lin.bias"])
        XCTAssertEqual(module.namedBuffers().map(\.name), ["r", "np"])
        XCTAssertEqual(module.namedParameters().map(\.name), ["p", "lin.weight", "lin.bias"])
        XCTAssertEqual(module.stateDict(prefix: "m.").map(\.name), ["m.p", "m.r", "m.lin.weight", "m.lin.bias"])
        let parameter = try XCTUnwrap(module.parameter("p"))
        let kept = try XCTUnwrap(module.stateDict(keepVars: true).first?.tensor)
        XCTAssertTrue(kept === parameter)
        let detached = try XCTUnwrap(module.stateDict().first?.tensor)
        XCTAssertFalse(detached === parameter)
        XCTAssertFalse(detached.requiresGrad)
        XCTAssertEqual(try module.loadStateDict([
            ("r", try Tensor.zeros([2])), ("lin.weight", try Tensor.zeros([1, 1])), ("lin.bias", try Tensor.zeros([1])),
            ("p", try Tensor.zeros([1])),
        ]).description, "<All keys matched successfully>")
        XCTAssertThrowsError(try module.loadStateDict([
            ("r", try Tensor.zeros([2])), ("lin.weight", try Tensor.zeros([1, 1])), ("lin.bias", try Tensor.zeros([1])),
            ("p", try Tensor.zeros([1])), ("np", try Tensor.zeros([2])),
        ])) {
            XCTAssertEqual(ContainerTests.text($0), "RuntimeError: Error(s) in loading state_dict for B:\n\t"
                + "Unexpected key(s) in state_dict: \"np\". ")
        }
        XCTAssertEqual(try XCTUnwrap(module.buffer("r")).doubles, [0, 0])
        XCTAssertEqual(try XCTUnwrap(module.buffer("np")).doubles, [1, 1])
        // A load converts to the model's dtype and keeps the parameter a leaf that requires grad.
        let linear = try Linear(2, 3)
        try linear.loadStateDict([("weight", try Tensor.ones([3, 2], dtype: .float64)),
                                  ("bias", try Tensor.ones([3], dtype: .int64))])
        let weight = try linear.requiredParameter("weight")
        XCTAssertEqual(weight.dtype, .float32)
        XCTAssertTrue(weight.isLeaf && weight.requiresGrad)
        XCTAssertEqual(try XCTUnwrap(linear.parameter("bias")).doubles, [1, 1, 1])
    }

    func testSharedModulesAndTiedParametersCountOnce() throws {
        let shared = try Linear(2, 2)
        let model = Sequential([shared, ReLU(), shared])
        XCTAssertEqual(model.namedParameters().map(\.name), ["0.weight", "0.bias"])
        XCTAssertEqual(model.namedModules().map(\.name), ["", "0", "1"])
        XCTAssertEqual(model.parameters().count, 2)
        XCTAssertEqual(model.stateDict().map(\.name), ["0.weight", "0.bias", "2.weight", "2.bias"])
        XCTAssertEqual(model.namedParameters(removeDuplicate: false).map(\.name),
                       ["0.weight", "0.bias", "2.weight", "2.bias"])
        XCTAssertEqual(model.namedModules(removeDuplicate: false).map(\.name), ["", "0", "1", "2"])
        let a = try Linear(2, 2)
        let c = try Linear(2, 2)
        try c.registerParameter("weight", try a.requiredParameter("weight"))
        let tied = Sequential([a, c])
        XCTAssertEqual(tied.namedParameters().map(\.name), ["0.weight", "0.bias", "1.bias"])
        XCTAssertEqual(tied.stateDict().map(\.name), ["0.weight", "0.bias", "1.weight", "1.bias"])
        // Both uses of a tied weight accumulate into the one gradient.
        let x = try Tensor.ones([1, 2])
        try tied(x).sum().backward()
        let grad = try XCTUnwrap(a.requiredParameter("weight").grad)
        XCTAssertEqual(grad.shape, [2, 2])
    }

    func testApplyTrainEvalAndZeroGrad() throws {
        var order: [String] = []
        let model = Sequential([try Linear(1, 1), Sequential([ReLU(), Tanh()])])
        model.apply { order.append($0.typeName) }
        XCTAssertEqual(order, ["Linear", "ReLU", "Tanh", "Sequential", "Sequential"])
        model.eval()
        XCTAssertEqual(model.modules().map(\.training), [false, false, false, false, false])
        try XCTUnwrap(model.module(at: 1)).train()
        XCTAssertEqual(model.modules().map(\.training), [false, false, true, true, true])

        let linear = try Linear(2, 1)
        try linear(try Tensor.ones([2])).sum().backward()
        let weight = try linear.requiredParameter("weight")
        let grad = try XCTUnwrap(weight.grad)
        try linear.zeroGrad(setToNone: false)
        XCTAssertTrue(weight.grad === grad)
        XCTAssertEqual(weight.grad?.doubles, [0, 0])
        try linear.zeroGrad()
        XCTAssertNil(weight.grad)
        try linear.requiresGrad_(false)
        XCTAssertFalse(weight.requiresGrad)
    }

    func testRegistrationErrors() throws {
        let module = Module()
        try module.registerModule("child", ReLU())
        for (body, expected) in [
            ({ try module.registerParameter("a.b", nil) }, "KeyError: 'parameter name can\\'t contain \".\"'"),
            ({ try module.registerBuffer("", nil) }, "KeyError: 'buffer name can\\'t be empty string \"\"'"),
            ({ try module.registerModule("x.y", nil) }, "KeyError: 'module name can\\'t contain \".\", got: x.y'"),
            ({ try module.registerParameter("child", nil) }, "KeyError: \"attribute 'child' already exists\""),
            ({ try module.registerParameter("w", try Tensor.ones([1])) },
             "TypeError: cannot assign 'torch.FloatTensor' object to parameter 'w' (torch.nn.Parameter or None "
                + "required)"),
        ] as [(() throws -> Void, String)] {
            XCTAssertThrowsError(try body()) { XCTAssertEqual(ContainerTests.text($0), expected) }
        }
        // The KeyError's argument is the bare text; the message above is its repr.
        XCTAssertThrowsError(try module.registerParameter("child", nil)) {
            XCTAssertEqual(($0 as? ModuleError)?.keyErrorArgument, "attribute 'child' already exists")
        }
        XCTAssertNil(ModuleError.invalidValue(module: "Dropout", detail: "p").keyErrorArgument)
        XCTAssertEqual(try module.submodule(path: "child").typeName, "ReLU")
        XCTAssertThrowsError(try module.submodule(path: "child.x")) {
            XCTAssertEqual(ContainerTests.text($0), "AttributeError: ReLU has no attribute `x`")
        }
    }
}
