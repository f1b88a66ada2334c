/// The mean squared error (`nn.MSELoss`).
public final class MSELoss: Loss {
    /// A mean squared error of the same reduction, for `deepCopy`.
    public override func makeReplica() throws -> Module { MSELoss(reduction: reduction) }

    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.mseLoss(input, target, reduction: reduction)
    }
}

/// The mean absolute error (`nn.L1Loss`).
public final class L1Loss: Loss {
    /// A mean absolute error of the same reduction, for `deepCopy`.
    public override func makeReplica() throws -> Module { L1Loss(reduction: reduction) }

    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.l1Loss(input, target, reduction: reduction)
    }
}

/// The smooth L1 loss: squared below `beta`, absolute above (`nn.SmoothL1Loss`).
public final class SmoothL1Loss: Loss {
    /// Where the loss changes from squared to absolute.
    public var beta: Double

    /// A smooth L1 loss with PyTorch's arguments and defaults.
    public init(sizeAverage: Bool? = nil, reduce: Bool? = nil, reduction: String = "mean", beta: Double = 1) {
        self.beta = beta
        super.init(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
    }

    /// A smooth L1 loss of the same configuration, for `deepCopy`.
    public override func makeReplica() throws -> Module { SmoothL1Loss(reduction: reduction, beta: beta) }

    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.smoothL1Loss(input, target, reduction: reduction, beta: beta)
    }
}

/// The Huber loss: squared below `delta`, linear above (`nn.HuberLoss`).
public final class HuberLoss: Loss {
    /// Where the loss changes from squared to linear.
    public var delta: Double

    /// A Huber loss with PyTorch's arguments and defaults.
    public init(reduction: String = "mean", delta: Double = 1) {
        self.delta = delta
        super.init(reduction: reduction)
    }

    /// A Huber loss of the same configuration, for `deepCopy`.
    public override func makeReplica() throws -> Module { HuberLoss(reduction: reduction, delta: delta) }

    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.huberLoss(input, target, reduction: reduction, delta: delta)
    }
}

/// The Kullback-Leibler divergence (`nn.KLDivLoss`); `reduction` may also be `"batchmean"`.
public final class KLDivLoss: Loss {
    /// Whether the target holds log-probabilities.
    public var logTarget: Bool

    /// A KL divergence loss with PyTorch's arguments and defaults.
    public init(sizeAverage: Bool? = nil, reduce: Bool? = nil, reduction: String = "mean", logTarget: Bool = false) {
        self.logTarget = logTarget
        super.init(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
    }

    /// A KL divergence loss of the same configuration, for `deepCopy`.
    public override func makeReplica() throws -> Module { KLDivLoss(reduction: reduction, logTarget: logTarget) }

    public override func forward(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        try Functional.klDiv(input, target, reduction: reduction, logTarget: logTarget)
    }
}
