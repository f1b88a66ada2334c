/// The base of the loss modules (`nn.modules.loss._Loss`): a module called with an input and a target, holding
/// how the per-element losses are reduced.
///
/// Loss modules print with empty parentheses (`MSELoss()`), as in PyTorch. Their `reduction` is checked when the
/// loss is computed, so a bad name is a `ValueError` from the call, not from the constructor.
open class Loss: Module, ReplicableModule {
    /// `"none"`, `"mean"` or `"sum"`.
    public var reduction: String

    /// A loss reducing by `reduction`, or by what the legacy `size_average` / `reduce` flags say when either is given.
    public init(sizeAverage: Bool? = nil, reduce: Bool? = nil, reduction: String = "mean") {
        self.reduction = LossReduction.name(reduction, sizeAverage: sizeAverage, reduce: reduce)
        super.init()
    }

    /// A loss of the same reduction, for `deepCopy`. Declared here, not in an extension, so that each loss can
    /// override it to make its own type.
    open func makeReplica() throws -> Module { Loss(reduction: reduction) }

    /// Computes the loss of `input` against `target`; each loss overrides it.
    open func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        throw ModuleError.missingForward(module: typeName)
    }

    /// Runs `forward(input, target)` (calling a loss module in Python).
    public func callAsFunction(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try forward(input, target)
    }

    /// A loss needs a target: called with the input alone it raises Python's `TypeError`.
    open override func forward(_ input: Tensor) throws -> Tensor {
        throw ModuleError.tensor(.invalidType(op: "forward", detail: "\(typeName).forward() missing 1 required "
            + "positional argument: 'target'"))
    }
}

/// A loss with a per-class `weight` buffer (`nn.modules.loss._WeightedLoss`), registered even when nil, as PyTorch
/// registers `None`.
open class WeightedLoss: Loss {
    /// A loss weighting classes by `weight`, reducing as `Loss` does.
    public init(
        weight: Tensor? = nil, sizeAverage: Bool? = nil, reduce: Bool? = nil, reduction: String = "mean"
    ) throws {
        super.init(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
        try registerBuffer("weight", weight)
    }

    /// A weighted loss of the same reduction, for `deepCopy`, which copies the weight buffer.
    open override func makeReplica() throws -> Module { try WeightedLoss(reduction: reduction) }

    /// The class weights, read from the buffer so a loaded state dict is seen.
    public var weight: Tensor? { buffer("weight") }
}

/// The negative log-likelihood loss of class indices under log-probabilities (`nn.NLLLoss`).
public final class NLLLoss: WeightedLoss {
    /// The target value that contributes no loss and no gradient.
    public var ignoreIndex: Int

    /// An NLL loss with PyTorch's arguments and defaults.
    public init(
        weight: Tensor? = nil, sizeAverage: Bool? = nil, ignoreIndex: Int = -100, reduce: Bool? = nil,
        reduction: String = "mean"
    ) throws {
        self.ignoreIndex = ignoreIndex
        try super.init(weight: weight, sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
    }

    /// An NLL loss of the same configuration, for `deepCopy`.
    public override func makeReplica() throws -> Module {
        try NLLLoss(ignoreIndex: ignoreIndex, reduction: reduction)
    }

    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.nllLoss(input, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
    }
}

/// The cross-entropy between logits and class indices or probabilities (`nn.CrossEntropyLoss`).
public final class CrossEntropyLoss: WeightedLoss {
    /// The target value that contributes no loss and no gradient (class-index targets only).
    public var ignoreIndex: Int
    /// How much of the target is replaced by the uniform distribution, in [0, 1].
    public var labelSmoothing: Double

    /// A cross-entropy loss with PyTorch's arguments and defaults.
    public init(
        weight: Tensor? = nil, sizeAverage: Bool? = nil, ignoreIndex: Int = -100, reduce: Bool? = nil,
        reduction: String = "mean", labelSmoothing: Double = 0
    ) throws {
        self.ignoreIndex = ignoreIndex
        self.labelSmoothing = labelSmoothing
        try super.init(weight: weight, sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
    }

    /// A cross-entropy loss of the same configuration, for `deepCopy`.
    public override func makeReplica() throws -> Module {
        try CrossEntropyLoss(ignoreIndex: ignoreIndex, reduction: reduction, labelSmoothing: labelSmoothing)
    }

    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.crossEntropy(input, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction,
                                    labelSmoothing: labelSmoothing)
    }
}

/// The binary cross-entropy of probabilities (`nn.BCELoss`).
public final class BCELoss: WeightedLoss {
    /// A binary cross-entropy of the same reduction, for `deepCopy`.
    public override func makeReplica() throws -> Module { try BCELoss(reduction: reduction) }

    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.binaryCrossEntropy(input, target, weight: weight, reduction: reduction)
    }
}

/// The binary cross-entropy of logits, computed stably (`nn.BCEWithLogitsLoss`). `weight` and `posWeight` are
/// buffers, both registered even when nil.
public final class BCEWithLogitsLoss: Loss {
    /// A binary cross-entropy with logits, with PyTorch's arguments and defaults.
    public init(
        weight: Tensor? = nil, sizeAverage: Bool? = nil, reduce: Bool? = nil, reduction: String = "mean",
        posWeight: Tensor? = nil
    ) throws {
        super.init(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
        try registerBuffer("weight", weight)
        try registerBuffer("pos_weight", posWeight)
    }

    /// A binary cross-entropy with logits of the same reduction, for `deepCopy`, which copies the buffers.
    public override func makeReplica() throws -> Module { try BCEWithLogitsLoss(reduction: reduction) }

    /// The per-element weights.
    public var weight: Tensor? { buffer("weight") }
    /// The weights of positive examples, per class.
    public var posWeight: Tensor? { buffer("pos_weight") }

    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.binaryCrossEntropyWithLogits(input, target, weight: weight, reduction: reduction,
                                                    posWeight: posWeight)
    }
}
