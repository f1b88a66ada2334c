/// Scales each group's rate by a factor that moves linearly from `startFactor` to `endFactor` over `totalIters`
/// epochs (`lr_scheduler.LinearLR`).
public final class LinearLR: LRScheduler {
    /// The factor at epoch 0.
    public let startFactor: Scalar
    /// The factor from epoch `totalIters` on.
    public let endFactor: Scalar
    /// How many epochs the factor takes to reach `endFactor`.
    public let totalIters: Int

    /// A linear warm-up (or decay); factors must lie in (0, 1] and [0, 1].
    public init(
        _ optimizer: Optimizer, startFactor: Scalar = .float(1.0 / 3), endFactor: Scalar = 1.0, totalIters: Int = 5,
        lastEpoch: Int = -1
    ) throws {
        if startFactor.doubleValue > 1 || startFactor.doubleValue <= 0 {
            throw OptimizerError.invalidValue(source: "LinearLR", detail: "Starting multiplicative factor expected to "
                + "be greater than 0 and less or equal to 1.")
        }
        if endFactor.doubleValue > 1 || endFactor.doubleValue < 0 {
            throw OptimizerError.invalidValue(source: "LinearLR", detail: "Ending multiplicative factor expected to be "
                + "between 0 and 1.")
        }
        self.startFactor = startFactor
        self.endFactor = endFactor
        self.totalIters = totalIters
        try super.init(optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [Scalar] {
        typealias P = PythonArithmetic
        let current = try currentLRs()
        if lastEpoch == 0 { return current.map { P.multiply($0, startFactor) } }
        if isInitial || lastEpoch > totalIters { return current }
        let span = P.subtract(endFactor, startFactor)
        let denominator = P.add(P.multiply(.int(Int64(totalIters)), startFactor),
                                P.multiply(.int(Int64(lastEpoch &- 1)), span))
        let factor = P.add(.float(1), try P.divide(span, denominator, source: typeName))
        return current.map { P.multiply($0, factor) }
    }

    public override func closedFormLR() throws -> [Scalar]? {
        typealias P = PythonArithmetic
        let progress = P.multiply(P.subtract(endFactor, startFactor), .int(Int64(Swift.min(totalIters, lastEpoch))))
        let factor = P.add(startFactor, try P.divide(progress, .int(Int64(totalIters)), source: typeName))
        return baseLRs.map { P.multiply($0, factor) }
    }
}
