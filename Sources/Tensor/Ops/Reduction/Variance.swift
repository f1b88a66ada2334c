import Foundation

extension Tensor {
    /// The variance over `dims` (nil or empty: every element), dividing the squared deviations by
    /// `max(0, N - correction)` (`Tensor.var(dim, correction=, keepdim)`).
    public func `var`(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try moments(dims: dims, correction: correction, keepdim: keepdim, root: false, op: "var", name: "VarBackward0")
    }

    /// The variance with Bessel's correction when `unbiased` (`Tensor.var(dim, unbiased, keepdim)`).
    public func `var`(dims: [Int]? = nil, unbiased: Bool, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try self.var(dims: dims, correction: unbiased ? 1 : 0, keepdim: keepdim)
    }

    /// The standard deviation over `dims`, the square root of `var` (`Tensor.std(dim, correction=, keepdim)`).
    public func std(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try moments(dims: dims, correction: correction, keepdim: keepdim, root: true, op: "std", name: "StdBackward0")
    }

    /// The standard deviation with Bessel's correction when `unbiased` (`Tensor.std(dim, unbiased, keepdim)`).
    public func std(dims: [Int]? = nil, unbiased: Bool, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try std(dims: dims, correction: unbiased ? 1 : 0, keepdim: keepdim)
    }

    /// The variance and the mean over `dims` (`torch.var_mean`).
    public func varMean(
        dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false
    ) throws(TensorError) -> (variance: Tensor, mean: Tensor) {
        let variance = try moments(
            dims: dims, correction: correction, keepdim: keepdim, root: false, op: "var_mean",
            name: "VarMeanBackward0")
        return (variance, try momentsMean(dims: dims, keepdim: keepdim, name: "VarMeanBackward0"))
    }

    /// The standard deviation and the mean over `dims` (`torch.std_mean`).
    public func stdMean(
        dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false
    ) throws(TensorError) -> (std: Tensor, mean: Tensor) {
        let std = try moments(
            dims: dims, correction: correction, keepdim: keepdim, root: true, op: "std_mean",
            name: "StdMeanBackward0")
        return (std, try momentsMean(dims: dims, keepdim: keepdim, name: "StdMeanBackward0"))
    }

    /// `var` or `std` (for `op`, which names it in dtype errors), recording the backward under `name`.
    private func moments(
        dims: [Int]?, correction: Double, keepdim: Bool, root: Bool, op: String, name: String
    ) throws(TensorError) -> Tensor {
        guard dtype.isFloatingPoint else {
            let subject = op.hasSuffix("_mean") ? op : "std and var"
            throw .invalidArgument(op: op, detail: "\(subject) only support floating point and complex dtypes")
        }
        let plan = try reductionPlan(dims)
        let out = try Tensor(uninitializedShape: plan.outputShape(keepdim: keepdim), dtype: dtype)
        let divisor = Swift.max(0, Double(plan.reducedCount) - correction)
        Tensor.varianceKernel(self, plan: plan, divisor: divisor, root: root, into: out)
        let (keptDims, reduced) = (plan.keepdimShape, plan.dims)
        out.recordGradient(name, inputs: [self], saving: root ? [self, out] : [self]) {
            grad, saved throws(TensorError) in
            var gradVariance = try grad.reshape(keptDims)
            if root {
                // d std = d var / (2 std); PyTorch sends nothing through a zero deviation.
                let std = try saved[1].reshape(keptDims)
                gradVariance = try gradVariance.div(std.mul(Tensor.wrapping(.int(2))))
                    .maskedFill(std.eq(Tensor.wrapping(.int(0))), .int(0))
            }
            let centered = try saved[0].sub(saved[0].mean(dims: reduced, keepdim: true))
            return [try gradVariance.mul(Tensor.wrapping(.float(2 / divisor))).mul(centered)]
        }
        return out
    }

    /// The mean half of `var_mean` and `std_mean`.
    private func momentsMean(dims: [Int]?, keepdim: Bool, name: String) throws(TensorError) -> Tensor {
        let plan = try reductionPlan(dims)
        let out = try Tensor(uninitializedShape: plan.outputShape(keepdim: keepdim), dtype: dtype)
        Tensor.meanKernel(self, plan: plan, into: out)
        let (inputShape, keptDims, count) = (shape, plan.keepdimShape, plan.reducedCount)
        out.recordGradient(name, inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.expandReduced(keepdimShape: keptDims, to: inputShape).div(Tensor.wrapping(.int(Int64(count))))]
        }
        return out
    }

    // NOTE: Welford's single pass in double: as accurate as two passes for float32 input, and it never subtracts
    // two large sums, so constant inputs give exactly zero.
    /// Writes the variance (or, with `root`, the standard deviation) of each reduced group into `out`.
    static func varianceKernel(_ input: Tensor, plan: ReductionPlan, divisor: Double, root: Bool, into out: Tensor) {
        switch input.dtype {
        case .float32:
            plan.run(input, into: out, initial: Welford(),
                     combine: { (w: inout Welford, x: Float, _) in w.add(Double(x)) },
                     finish: { Float($0.result(divisor: divisor, root: root)) })
        case .float64:
            plan.run(input, into: out, initial: Welford(),
                     combine: { (w: inout Welford, x: Double, _) in w.add(x) },
                     finish: { $0.result(divisor: divisor, root: root) })
        case .int64, .bool:
            break  // `moments` admits only floating-point inputs.
        }
    }
}

/// Running count, mean and sum of squared deviations (Welford's method).
struct Welford {
    var count: Double = 0
    var mean: Double = 0
    var squares: Double = 0

    @inline(__always)
    mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / count
        squares += delta * (x - mean)
    }

    /// The variance for a divisor (0 / 0 = NaN for an empty group), or its square root.
    @inline(__always)
    func result(divisor: Double, root: Bool) -> Double {
        let variance = squares / divisor
        return root ? variance.squareRoot() : variance
    }
}
