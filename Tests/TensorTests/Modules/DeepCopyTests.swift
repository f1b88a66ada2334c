import FixtureSupport
import XCTest
@testable import Tensor

/// `copy.deepcopy` of modules as `generate_deepcopy.py` recorded it from PyTorch: every module kind, activations
/// given to Transformer layers as modules or strings, and what stays shared.
private struct DeepCopyFixture: Decodable {
    struct Kind: Decodable {
        let name: String
        let repr: String
        let keys: [String]
        let modules: [String]
        let requiresGrad: [Bool]
        let training: [Bool]

        enum CodingKeys: String, CodingKey {
            case name, repr, keys, modules, training
            case requiresGrad = "requires_grad"
        }
    }

    struct Activation: Decodable {
        let activation: String
        let copyModules: [String]
        let pair: Int
        let encoder: Int
        let encoderCopy: Int
        let encoderPair: Int
        let decoder: Int
        let decoderCopy: Int

        enum CodingKeys: String, CodingKey {
            case activation, pair, encoder, decoder
            case copyModules = "copy_modules"
            case encoderCopy = "encoder_copy"
            case encoderPair = "encoder_pair"
            case decoderCopy = "decoder_copy"
        }
    }

    struct Sharing: Decodable {
        let twiceModules: [String]
        let twiceSame: Bool
        let tiedParameters: [String]
        let tiedKeys: [String]
        let tiedSame: Bool

        enum CodingKeys: String, CodingKey {
            case twiceModules = "twice_modules"
            case twiceSame = "twice_same"
            case tiedParameters = "tied_parameters"
            case tiedKeys = "tied_keys"
            case tiedSame = "tied_same"
        }
    }

    let kinds: [Kind]
    let activations: [Activation]
    let sharing: Sharing
}

/// A module defined in a script that the interpreter has not made replicable.
private final class Scripted: Module {
    override var typeName: String { "Scripted" }
}

/// A script's `class Block(nn.Sequential)` that forgot to override `makeReplica`.
private final class Block: Sequential {}

/// A script's `class Stack(nn.Sequential)` that replicates itself, with a setting outside the registries.
private final class Stack: Sequential {
    let label: String

    init(_ modules: [Module], label: String) {
        self.label = label
        super.init(modules)
    }

    override func makeReplica() throws -> Module { Stack([], label: label) }
}

final class DeepCopyTests: XCTestCase {
    private static let fixture = Result { try loadFixture("deepcopy", as: DeepCopyFixture.self) }

    /// The module `generate_deepcopy.py` builds under `name`.
    private func build(_ name: String) throws -> Module {
        let classWeights = try Tensor([1, 2, 0.5] as [Float], shape: [3])
        switch name {
        case "relu": return ReLU(inplace: true)
        case "gelu": return GELU(approximate: "tanh")
        case "tanh": return Tanh()
        case "sigmoid": return Sigmoid()
        case "silu": return SiLU(inplace: true)
        case "softmax": return Softmax(dim: -1)
        case "log_softmax": return LogSoftmax(dim: 1)
        case "identity": return Identity()
        case "dropout": return try Dropout(0.2)
        case "linear": return try Linear(3, 4, bias: false)
        case "layer_norm": return try LayerNorm([2, 3], eps: 1e-6)
        case "embedding": return try Embedding(5, 3, paddingIdx: 1, maxNorm: 2)
        case "conv1d": return try Conv1d(2, 4, 3, stride: 2, padding: 1, groups: 2, paddingMode: "reflect")
        case "rnn": return try RNN(3, 4, numLayers: 2, nonlinearity: "relu", bidirectional: true)
        case "gru": return try GRU(3, 4, numLayers: 2, batchFirst: true, dropout: 0.5)
        case "lstm": return try LSTM(3, 5, projSize: 2, dtype: .float64)
        case "sequential": return Sequential([try Linear(2, 3), ReLU(), try Linear(3, 1)])
        case "sequential_named": return try Sequential(named: [("a", try Linear(2, 2)), ("b", Tanh())])
        case "module_list": return ModuleList([try Linear(2, 2), try Linear(2, 2), ReLU()])
        case "module_dict": return try ModuleDict([("x", try Linear(2, 1)), ("y", Identity())])
        case "nll_loss": return try NLLLoss(weight: classWeights, ignoreIndex: 1, reduction: "sum")
        case "cross_entropy_loss": return try CrossEntropyLoss(weight: classWeights, labelSmoothing: 0.1)
        case "mse_loss": return MSELoss(reduction: "none")
        case "l1_loss": return L1Loss(reduction: "sum")
        case "smooth_l1_loss": return SmoothL1Loss(beta: 0.5)
        case "huber_loss": return HuberLoss(delta: 2)
        case "bce_loss": return try BCELoss(weight: classWeights)
        case "bce_with_logits_loss":
            return try BCEWithLogitsLoss(posWeight: try Tensor([1, 3, 0.5] as [Float], shape: [3]))
        case "kl_div_loss": return KLDivLoss(reduction: "batchmean", logTarget: true)
        case "multihead_attention": return try MultiheadAttention(4, 2, kdim: 3, vdim: 5)
        case "encoder_layer":
            return try TransformerEncoderLayer(dModel: 4, nhead: 2, dimFeedforward: 8, activation: .module(GELU()))
        case "decoder_layer":
            return try TransformerDecoderLayer(dModel: 4, nhead: 2, dimFeedforward: 8, normFirst: true)
        case "encoder":
            let layer = try TransformerEncoderLayer(dModel: 4, nhead: 2, dimFeedforward: 8, batchFirst: true)
            return try TransformerEncoder(layer, numLayers: 2, norm: try LayerNorm([4]), enableNestedTensor: false)
        case "decoder":
            return try TransformerDecoder(try TransformerDecoderLayer(dModel: 4, nhead: 2, dimFeedforward: 8),
                                          numLayers: 2)
        case "transformer":
            return try Transformer(dModel: 4, nhead: 2, numEncoderLayers: 1, numDecoderLayers: 1, dimFeedforward: 8)
        default: throw FixtureError.missing("kind \(name)")
        }
    }

    /// What the module computes on fixed inputs (drawn from a seeded generator), so that settings the printout does
    /// not show (a loss's `ignore_index`, an RNN's nonlinearity) are seen to be copied; nil for containers without a
    /// forward.
    private func probe(_ name: String, _ module: Module) throws -> Tensor? {
        Generator.default.manualSeed(1)
        let x = try Tensor.randn([2, 3])
        let classes = try Tensor([0, 1, 2, 1] as [Int64], shape: [4])
        switch module {
        case let loss as NLLLoss: return try loss(try Tensor.randn([4, 3]).logSoftmax(dim: 1), classes)
        case let loss as CrossEntropyLoss: return try loss(try Tensor.randn([4, 3]), classes)
        case let loss as BCELoss: return try loss(try x.sigmoid(), try Tensor.rand([2, 3]))
        case let loss as BCEWithLogitsLoss: return try loss(x, try Tensor.rand([2, 3]))
        case let loss as KLDivLoss:
            return try loss(try x.logSoftmax(dim: 1), try Tensor.randn([2, 3]).logSoftmax(dim: 1))
        case let loss as Loss: return try loss(x, try Tensor.randn([2, 3]))
        case let attention as MultiheadAttention:
            return try attention.forward(try Tensor.randn([3, 2, 4]), try Tensor.randn([5, 2, 3]),
                                         try Tensor.randn([5, 2, 5])).output
        case let layer as TransformerDecoderLayer:
            return try layer.forward(try Tensor.randn([3, 2, 4]), memory: try Tensor.randn([5, 2, 4]))
        case let decoder as TransformerDecoder:
            return try decoder.forward(try Tensor.randn([3, 2, 4]), memory: try Tensor.randn([5, 2, 4]))
        case let transformer as Transformer:
            return try transformer.forward(try Tensor.randn([5, 2, 4]), try Tensor.randn([3, 2, 4]))
        case is ModuleList, is ModuleDict: return nil
        default: break
        }
        switch name {
        case "linear": return try module(try Tensor.randn([2, 3]))
        case "layer_norm": return try module(try Tensor.randn([2, 2, 3]))
        case "embedding": return try module(try Tensor([0, 1, 4, 1] as [Int64], shape: [4]))
        case "conv1d": return try module(try Tensor.randn([1, 2, 6]))
        case "rnn": return try module(try Tensor.randn([5, 2, 3]))
        case "gru": return try module(try Tensor.randn([2, 5, 3]))
        case "lstm": return try module(try Tensor.randn([4, 1, 3], dtype: .float64))
        case "sequential", "sequential_named": return try module(try Tensor.randn([2, 2]))
        case "encoder_layer": return try module(try Tensor.randn([3, 2, 4]))
        case "encoder": return try module(try Tensor.randn([2, 3, 4]))
        default: return try module(x)
        }
    }

    /// Every tensor a module tree holds: parameters, then buffers.
    private func tensors(_ module: Module) -> [(name: String, tensor: Tensor)] {
        module.namedParameters() + module.namedBuffers()
    }

    /// Every module kind: the copy prints, names, flags and state-dict keys as PyTorch's copy does, has the same
    /// types and values in new storage, computes the same, draws nothing, and shares nothing with the original.
    func testEveryModuleKindCopiesAsPyTorch() throws {
        let fixture = try Self.fixture.get()
        XCTAssertEqual(fixture.kinds.count, 35)
        for kind in fixture.kinds {
            let name = kind.name
            Generator.default.manualSeed(0)
            let original = try build(name)
            try original.parameters().first?.requiresGrad_(false)
            original.modules().last?.eval()
            let stateBefore = Generator.default.state
            let copy = try original.deepCopy()
            XCTAssertEqual(Generator.default.state, stateBefore, "generator state after copying \(name)")

            XCTAssertEqual(copy.description, kind.repr, name)
            XCTAssertEqual(copy.description, original.description, name)
            XCTAssertEqual(copy.stateDict().map(\.name), kind.keys, name)
            XCTAssertEqual(copy.namedModules().map(\.name), kind.modules, name)
            XCTAssertEqual(copy.namedParameters().map(\.tensor.requiresGrad), kind.requiresGrad, name)
            XCTAssertEqual(copy.namedModules().map(\.module.training), kind.training, name)
            for (mine, theirs) in zip(original.modules(), copy.modules()) {
                XCTAssertTrue(type(of: mine) == type(of: theirs), "\(name): \(mine.typeName)")
                XCTAssertEqual(mine.nonPersistentBuffers, theirs.nonPersistentBuffers, name)
            }
            let originalModules = Set(original.modules().map(ObjectIdentifier.init))
            XCTAssertFalse(copy.modules().contains { originalModules.contains(ObjectIdentifier($0)) }, name)

            let originalTensors = tensors(original)
            let copiedTensors = tensors(copy)
            XCTAssertEqual(copiedTensors.map(\.name), originalTensors.map(\.name), name)
            let originalStorages = Set(originalTensors.map { ObjectIdentifier($0.tensor.storage) })
            for ((tensorName, mine), (_, theirs)) in zip(originalTensors, copiedTensors) {
                let label = "\(name).\(tensorName)"
                XCTAssertFalse(originalStorages.contains(ObjectIdentifier(theirs.storage)), label)
                XCTAssertEqual(theirs.dtype, mine.dtype, label)
                XCTAssertEqual(theirs.shape, mine.shape, label)
                XCTAssertEqual(theirs.doubles, mine.doubles, label)
                XCTAssertEqual(theirs.isParameter, mine.isParameter, label)
                XCTAssertEqual(theirs.requiresGrad, mine.requiresGrad, label)
            }

            original.eval()
            copy.eval()
            let expected = try GradMode.with(enabled: false) { try probe(name, original) }
            let actual = try GradMode.with(enabled: false) { try probe(name, copy) }
            XCTAssertEqual(actual?.doubles, expected?.doubles, "\(name) computes as the original")
            XCTAssertEqual(expected == nil, ["module_list", "module_dict"].contains(name), name)

            // Writing to the copy leaves the original alone.
            let before = originalTensors.map(\.tensor.doubles)
            try GradMode.with(enabled: false) {
                for (_, tensor) in copiedTensors where tensor.dtype.isFloatingPoint { _ = try tensor.fill_(.float(7)) }
            }
            XCTAssertEqual(originalTensors.map(\.tensor.doubles), before, name)
        }
    }

    /// PyTorch's `named_modules()` counts around deep copies of Transformer layers: an activation given as a module
    /// is copied with its layer (never shared with the original), one given as a string is no module at all.
    func testTransformerActivationCountsMatchPyTorch() throws {
        let fixture = try Self.fixture.get()
        XCTAssertEqual(fixture.activations.map(\.activation), ["relu", "gelu", "ReLU", "GELU"])
        for row in fixture.activations {
            func activation() -> TransformerActivation {
                switch row.activation {
                case "relu": return .relu
                case "gelu": return .gelu
                case "ReLU": return .module(ReLU())
                default: return .module(GELU())
                }
            }
            let label = row.activation
            Generator.default.manualSeed(0)
            let layer = try TransformerEncoderLayer(dModel: 4, nhead: 2, dimFeedforward: 8, activation: activation())
            let copy = try layer.deepCopy()
            XCTAssertEqual(copy.namedModules().map(\.name), row.copyModules, label)
            XCTAssertEqual(Sequential([layer, copy]).namedModules().count, row.pair, label)
            if let mine = layer.submodule("activation") {
                XCTAssertFalse(mine === copy.submodule("activation"), label)
            }
            let encoder = try TransformerEncoder(layer, numLayers: 3, enableNestedTensor: false)
            XCTAssertEqual(encoder.namedModules().count, row.encoder, label)
            XCTAssertEqual(try encoder.deepCopy().namedModules().count, row.encoderCopy, label)
            XCTAssertEqual(Sequential([encoder, try encoder.deepCopy()]).namedModules().count, row.encoderPair, label)
            let decoderLayer = try TransformerDecoderLayer(dModel: 4, nhead: 2, dimFeedforward: 8,
                                                           activation: activation())
            let decoder = try TransformerDecoder(decoderLayer, numLayers: 2)
            XCTAssertEqual(decoder.namedModules().count, row.decoder, label)
            XCTAssertEqual(try decoder.deepCopy().namedModules().count, row.decoderCopy, label)
        }
    }

    /// A module registered twice and parameters tied across modules stay one module and one parameter in the copy,
    /// as in PyTorch, and the copy shares none of them with the original.
    func testSharedModulesAndTiedParametersStayShared() throws {
        let sharing = try Self.fixture.get().sharing
        let relu = ReLU()
        let twice = try Sequential([relu, relu, try Linear(2, 2)]).deepCopy()
        XCTAssertEqual(twice.namedModules().map(\.name), sharing.twiceModules)
        let first = try XCTUnwrap(twice as? Sequential).module(at: 0)
        let second = try XCTUnwrap(twice as? Sequential).module(at: 1)
        XCTAssertEqual(first === second, sharing.twiceSame)
        XCTAssertFalse(first === relu)

        let embedding = try Embedding(3, 3)
        let linear = try Linear(3, 3)
        try linear.registerParameter("weight", embedding.parameter("weight"))
        let tied = try Sequential([embedding, linear]).deepCopy()
        XCTAssertEqual(tied.namedParameters().map(\.name), sharing.tiedParameters)
        XCTAssertEqual(tied.stateDict().map(\.name), sharing.tiedKeys)
        let copiedEmbedding = try XCTUnwrap(tied.submodule("0"))
        let copiedLinear = try XCTUnwrap(tied.submodule("1"))
        XCTAssertEqual(copiedEmbedding.parameter("weight") === copiedLinear.parameter("weight"), sharing.tiedSame)
        XCTAssertFalse(copiedEmbedding.parameter("weight") === embedding.parameter("weight"))
        // Training the copy's tied weight moves both of its users and neither of the original's.
        let weight = try XCTUnwrap(copiedLinear.parameter("weight"))
        try GradMode.with(enabled: false) { _ = try weight.fill_(.float(3)) }
        XCTAssertEqual(copiedEmbedding.parameter("weight")?.doubles, Array(repeating: 3, count: 9))
        XCTAssertNotEqual(embedding.parameter("weight")?.doubles, Array(repeating: 3, count: 9))
    }

    /// Tensors as PyTorch's `__deepcopy__` copies them: a parameter without its gradient and with dense strides kept;
    /// a buffer with its `requires_grad` and gradient; buffers viewing one storage still view one (new) storage at
    /// the same offsets and strides; a buffer computed with autograd refused.
    func testTensorsCopyAsPyTorchDoes() throws {
        let module = try Linear(2, 3)
        try module(try Tensor.ones([1, 2])).sum().backward()
        XCTAssertNotNil(module.parameter("weight")?.grad)
        let base = try Tensor([0, 1, 2, 3, 4, 5] as [Float], shape: [2, 3])
        try module.registerBuffer("a", base)
        try module.registerBuffer("b", try base.t().slice(dim: 0, start: 1, end: 3))
        let tracked = try Tensor.ones([2]).requiresGrad_()
        tracked.grad = try Tensor.full([2], .float(0.5))
        try module.registerBuffer("tracked", tracked)
        try module.registerParameter("transposed", try Tensor.parameter(try Tensor.randn([3, 2]).t()))

        let copy = try module.deepCopy()
        XCTAssertNil(copy.parameter("weight")?.grad)
        let a = try XCTUnwrap(copy.buffer("a"))
        let b = try XCTUnwrap(copy.buffer("b"))
        XCTAssertTrue(a.storage === b.storage)
        XCTAssertFalse(a.storage === base.storage)
        XCTAssertEqual(b.strides, [1, 3])
        XCTAssertEqual(b.offset, 1)
        XCTAssertEqual(b.doubles, [1, 4, 2, 5])
        try a.fill_(.float(7))
        XCTAssertEqual(b.doubles, [7, 7, 7, 7])
        XCTAssertEqual(module.buffer("b")?.doubles, [1, 4, 2, 5])
        let copiedTracked = try XCTUnwrap(copy.buffer("tracked"))
        XCTAssertTrue(copiedTracked.requiresGrad)
        XCTAssertEqual(copiedTracked.grad?.doubles, [0.5, 0.5])
        XCTAssertFalse(copiedTracked.grad === tracked.grad)
        XCTAssertEqual(copy.parameter("transposed")?.strides, [1, 2])
        XCTAssertEqual(copy.parameter("transposed")?.doubles, module.parameter("transposed")?.doubles)

        try module.registerBuffer("computed", try tracked.mul(Tensor.wrapping(.int(2))))
        XCTAssertThrowsError(try module.deepCopy()) { error in
            XCTAssertEqual((error as? ModuleError)?.kind, .runtimeError)
            XCTAssertEqual((error as? ModuleError)?.message, "Only Tensors created explicitly by the user (graph "
                + "leaves) support the deepcopy protocol at the moment.  If you were attempting to deepcopy a module, "
                + "this may be because of a torch.nn.utils.weight_norm usage, see "
                + "https://github.com/pytorch/pytorch/pull/103001")
        }
    }

    /// A plain `Module` copies; a module that cannot replicate itself is refused wherever it sits in the tree, as is
    /// a subclass of a container that would replicate as its parent class; a subclass that overrides `makeReplica`
    /// copies with its own type and settings.
    func testModulesThatCannotReplicateAreRefused() throws {
        let plain = Module()
        try plain.registerModule("inner", try Linear(2, 2))
        let plainCopy = try plain.deepCopy()
        XCTAssertTrue(type(of: plainCopy) == Module.self)
        XCTAssertEqual(plainCopy.description, plain.description)

        for tree in [Scripted(), Sequential([ReLU(), Scripted()])] as [Module] {
            XCTAssertThrowsError(try tree.deepCopy()) { error in
                XCTAssertEqual((error as? ModuleError)?.kind, .typeError)
                XCTAssertEqual((error as? ModuleError)?.message, "cannot deepcopy 'Scripted' object: Scripted does not "
                    + "conform to ReplicableModule")
            }
        }
        XCTAssertThrowsError(try Block([ReLU()]).deepCopy()) { error in
            XCTAssertEqual((error as? ModuleError)?.message, "cannot deepcopy 'Block' object: Block does not override "
                + "makeReplica(), which made a Sequential")
        }
        let stack = Stack([Tanh(), try Linear(2, 2)], label: "top")
        let stackCopy = try XCTUnwrap(try stack.deepCopy() as? Stack)
        XCTAssertEqual(stackCopy.label, "top")
        XCTAssertEqual(stackCopy.description, stack.description)
        XCTAssertEqual(try stackCopy(try Tensor.ones([1, 2])).doubles, try stack(try Tensor.ones([1, 2])).doubles)
    }

    /// A Transformer stack's `layers` is a real `ModuleList` of independent copies, and a `None` or missing layer
    /// fails as PyTorch's forward does.
    func testTransformerStacksHoldModuleLists() throws {
        Generator.default.manualSeed(0)
        let layer = try TransformerEncoderLayer(dModel: 4, nhead: 2, dimFeedforward: 8)
        let encoder = try TransformerEncoder(layer, numLayers: 2, enableNestedTensor: false)
        let layers = try XCTUnwrap(encoder.submodule("layers") as? ModuleList)
        XCTAssertEqual(layers.count, 2)
        XCTAssertFalse(layers.values[0] === layers.values[1])
        XCTAssertFalse(layers.values[0] === layer)
        XCTAssertEqual(encoder.stateDict().first?.name, "layers.0.self_attn.in_proj_weight")
        let x = try Tensor.randn([3, 2, 4])

        func message(_ body: () throws -> Tensor) -> String {
            do {
                _ = try body()
                return "no error"
            } catch {
                return ContainerTests.text(error)
            }
        }
        try layers.setModule(nil, at: 1)
        XCTAssertEqual(message { try encoder(x) }, "TypeError: 'NoneType' object is not callable")
        try layers.setModule(nil, at: 0)
        XCTAssertEqual(message { try encoder(x) }, "AttributeError: 'NoneType' object has no attribute 'self_attn'")
        let decoder = try TransformerDecoder(try TransformerDecoderLayer(dModel: 4, nhead: 2, dimFeedforward: 8),
                                             numLayers: 2)
        try XCTUnwrap(decoder.submodule("layers") as? ModuleList).setModule(nil, at: 1)
        XCTAssertEqual(message { try decoder.forward(x, memory: x) }, "TypeError: 'NoneType' object is not callable")
        let empty = try TransformerEncoder(layer, numLayers: 0, enableNestedTensor: false)
        XCTAssertEqual(message { try empty(x) }, "IndexError: index 0 is out of range")
    }
}
