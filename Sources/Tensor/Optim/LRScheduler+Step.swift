/// Multiplies each group's rate by `gamma` every `stepSize` epochs (`lr_scheduler.StepLR`).
public final class StepLR: LRScheduler {
    /// The period of the decay, in epochs.
    public let stepSize: Int
    /// The factor applied at each decay.
    public let gamma: Scalar

    /// A step schedule; constructing it performs PyTorch's initial step.
    public init(_ optimizer: Optimizer, stepSize: Int, gamma: Scalar = 0.1, lastEpoch: Int = -1) throws {
        self.stepSize = stepSize
        self.gamma = gamma
        try super.init(optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [Scalar] {
        let current = try currentLRs()
        if lastEpoch == 0 { return current }
        if try PythonArithmetic.modulo(lastEpoch, stepSize, source: typeName) != 0 { return current }
        return current.map { PythonArithmetic.multiply($0, gamma) }
    }

    public override func closedFormLR() throws -> [Scalar]? {
        let decays = try PythonArithmetic.floorDivide(lastEpoch, stepSize, source: typeName)
        return baseLRs.map { PythonArithmetic.multiply($0, PythonArithmetic.power(gamma, decays)) }
    }
}

/// Multiplies each group's rate by `gamma` at each milestone epoch, once per time the milestone is listed
/// (`lr_scheduler.MultiStepLR`).
public final class MultiStepLR: LRScheduler {
    /// The milestone epochs, as given.
    public let milestones: [Int]
    /// The factor applied at each milestone.
    public let gamma: Scalar

    /// A milestone schedule; constructing it performs PyTorch's initial step.
    public init(_ optimizer: Optimizer, milestones: [Int], gamma: Scalar = 0.1, lastEpoch: Int = -1) throws {
        self.milestones = milestones
        self.gamma = gamma
        try super.init(optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [Scalar] {
        let current = try currentLRs()
        let count = milestones.filter { $0 == lastEpoch }.count
        guard count > 0 else { return current }
        return current.map { PythonArithmetic.multiply($0, PythonArithmetic.power(gamma, count)) }
    }

    public override func closedFormLR() throws -> [Scalar]? {
        // `bisect_right` over the sorted milestones: how many are at or before this epoch.
        let passed = milestones.filter { $0 <= lastEpoch }.count
        return baseLRs.map { PythonArithmetic.multiply($0, PythonArithmetic.power(gamma, passed)) }
    }
}

/// Multiplies each group's rate by `gamma` every epoch (`lr_scheduler.ExponentialLR`).
public final class ExponentialLR: LRScheduler {
    /// The factor applied each epoch.
    public let gamma: Scalar

    /// An exponential schedule; constructing it performs PyTorch's initial step.
    public init(_ optimizer: Optimizer, gamma: Scalar, lastEpoch: Int = -1) throws {
        self.gamma = gamma
        try super.init(optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [Scalar] {
        let current = try currentLRs()
        // When resuming, the initial step must not move the rate one epoch ahead.
        if isInitial { return current }
        return current.map { PythonArithmetic.multiply($0, gamma) }
    }

    public override func closedFormLR() throws -> [Scalar]? {
        baseLRs.map { PythonArithmetic.multiply($0, PythonArithmetic.power(gamma, lastEpoch)) }
    }
}
