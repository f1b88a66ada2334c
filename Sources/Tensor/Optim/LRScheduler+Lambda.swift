/// Sets each group's rate to its initial rate times a function of the epoch (`lr_scheduler.LambdaLR`).
///
/// The functions may throw, so a script's Python lambda can raise through `step()`.
public final class LambdaLR: LRScheduler {
    /// One factor function per group.
    public let lrLambdas: [(Int) throws -> Double]

    /// A schedule with one function for every group; constructing it performs PyTorch's initial step.
    public convenience init(
        _ optimizer: Optimizer, lrLambda: @escaping (Int) throws -> Double, lastEpoch: Int = -1
    ) throws {
        try self.init(optimizer, lrLambdas: Array(repeating: lrLambda, count: optimizer.paramGroups.count),
                      lastEpoch: lastEpoch)
    }

    /// A schedule with a function per group, in group order.
    public init(_ optimizer: Optimizer, lrLambdas: [(Int) throws -> Double], lastEpoch: Int = -1) throws {
        guard lrLambdas.count == optimizer.paramGroups.count else {
            throw OptimizerError.invalidValue(source: "LambdaLR", detail: "Expected \(optimizer.paramGroups.count) "
                + "lr_lambdas, but got \(lrLambdas.count)")
        }
        self.lrLambdas = lrLambdas
        try super.init(optimizer, lastEpoch: lastEpoch)
    }

    public override func computeLR() throws -> [Scalar] {
        try LRScheduler.checkSameLength(lrLambdas.count, baseLRs.count, source: typeName)
        return try zip(lrLambdas, baseLRs).map { lambda, base in
            PythonArithmetic.multiply(base, .float(try lambda(lastEpoch)))
        }
    }
}
