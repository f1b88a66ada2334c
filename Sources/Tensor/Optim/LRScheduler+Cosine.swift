import Foundation

/// Anneals each group's rate along a cosine from its initial rate down to `etaMin` over `tMax` epochs, and back up
/// over the next `tMax` (`lr_scheduler.CosineAnnealingLR`).
///
/// Steps use PyTorch's recursive form, which scales the current rate by the ratio of consecutive cosine terms, so the
/// rates carry the same rounding as PyTorch's (and follow any change made to the rate between steps).
public final class CosineAnnealingLR: LRScheduler {
    /// Half the period, in epochs.
    public let tMax: Int
    /// The lowest rate.
    public let etaMin: Scalar

    /// A cosine schedule; constructing it performs PyTorch's initial step.
    public init(_ optimizer: Optimizer, tMax: Int, etaMin: Scalar = 0.0, lastEpoch: Int = -1) throws {
        self.tMax = tMax
        self.etaMin = etaMin
        try super.init(optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [Scalar] {
        typealias P = PythonArithmetic
        let source = typeName
        if isInitial { return try currentLRs() }
        let period = Double(tMax)
        if stepCount == 1 && lastEpoch > 0 {
            let angle = try P.divide(.float(Double(lastEpoch) * Double.pi), .int(Int64(tMax)), source: source)
            return try baseAndCurrentLRs().map { base, _ in try closedForm(base, angle: angle.doubleValue) }
        }
        if try P.modulo(lastEpoch &- 1 &- tMax, 2 &* tMax, source: source) == 0 {
            let angle = try P.divide(.float(Double.pi), .int(Int64(tMax)), source: source)
            let rise = Scalar.float(1 - Foundation.cos(angle.doubleValue))
            return try baseAndCurrentLRs().map { base, current throws(OptimizerError) in
                let step = try P.divide(P.multiply(P.subtract(base, etaMin), rise), .int(2), source: source)
                return P.add(current, step)
            }
        }
        guard period != 0 else { throw OptimizerError.zeroDivision(source: source, detail: "float division by zero") }
        let numerator = 1 + Foundation.cos(Double.pi * Double(lastEpoch) / period)
        let denominator = 1 + Foundation.cos(Double.pi * Double(lastEpoch &- 1) / period)
        let ratio = try P.divide(.float(numerator), .float(denominator), source: source)
        return try currentLRs().map { current in
            P.add(P.multiply(ratio, P.subtract(current, etaMin)), etaMin)
        }
    }

    public override func closedFormLR() throws -> [Scalar]? {
        let source = typeName
        let angle = try PythonArithmetic.divide(.float(Double.pi * Double(lastEpoch)), .int(Int64(tMax)),
                                                source: source)
        return try baseLRs.map { base throws(OptimizerError) in try closedForm(base, angle: angle.doubleValue) }
    }

    /// `eta_min + (base − eta_min)·(1 + cos(angle))/2`, in Python's order.
    private func closedForm(_ base: Scalar, angle: Double) throws(OptimizerError) -> Scalar {
        typealias P = PythonArithmetic
        let scaled = P.multiply(P.subtract(base, etaMin), .float(1 + Foundation.cos(angle)))
        return P.add(etaMin, try P.divide(scaled, .int(2), source: typeName))
    }
}
