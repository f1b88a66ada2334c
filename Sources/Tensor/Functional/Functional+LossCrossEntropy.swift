extension Functional {
    /// The cross-entropy between logits and targets (`F.cross_entropy`): `log_softmax` over the class dimension
    /// (dim 1, or 0 for a 1-D input), then the negative log-likelihood.
    ///
    /// A target of the input's own shape holds class probabilities (floating point); any other target holds class
    /// indices, with `weight`, `ignoreIndex` and `reduction` as in `nllLoss`. `labelSmoothing` in [0, 1] mixes the
    /// targets with the uniform distribution, combined with the weights and ignored targets exactly as PyTorch does.
    public static func crossEntropy(
        _ input: Tensor, _ target: Tensor, weight: Tensor? = nil, sizeAverage: Bool? = nil, ignoreIndex: Int = -100,
        reduce: Bool? = nil, reduction: String = "mean", labelSmoothing: Double = 0
    ) throws(TensorError) -> Tensor {
        let mode = try LossReduction(reduction, sizeAverage: sizeAverage, reduce: reduce)
        if input.shape == target.shape {
            guard target.dtype.isFloatingPoint else {
                throw .invalidArgument(op: "cross_entropy", detail: "Expected floating point type for target with "
                    + "class probabilities, got \(target.dtype.scalarTypeName)")
            }
            guard ignoreIndex < 0 else {
                throw .invalidArgument(op: "cross_entropy", detail: "ignore_index is not supported for floating point "
                    + "target")
            }
            return try crossEntropyProbabilities(
                input, target, weight: weight, reduction: mode, labelSmoothing: labelSmoothing)
        }
        if labelSmoothing > 0 {
            try checkLabelSmoothing(labelSmoothing)
            return try crossEntropySmoothed(
                input, target, weight: weight, reduction: mode, ignoreIndex: ignoreIndex,
                labelSmoothing: labelSmoothing)
        }
        let logProbabilities = try input.logSoftmax(dim: input.rank == 1 ? 0 : 1, dtype: input.dtype)
        return try nllLossND(logProbabilities, target, weight: weight, reduction: mode, ignoreIndex: ignoreIndex)
    }

    private static func checkLabelSmoothing(_ labelSmoothing: Double) throws(TensorError) {
        guard labelSmoothing <= 1 else {
            throw .invalidArgument(op: "cross_entropy", detail: "label_smoothing must be between 0.0 and 1.0. Got: "
                + RandomChecks.describe(labelSmoothing))
        }
    }

    /// Cross-entropy against class probabilities: `-(log_softmax(input) * target * weight)` summed over classes;
    /// the mean divides by the number of samples (positions), not by the weights.
    private static func crossEntropyProbabilities(
        _ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: LossReduction, labelSmoothing: Double
    ) throws(TensorError) -> Tensor {
        let classDim = input.rank == 1 ? 0 : 1
        guard input.rank > 0 else {
            throw .invalidIndex(op: "cross_entropy", detail: "Dimension specified as 1 but tensor has no dimensions")
        }
        let classes = input.shape[classDim]
        if let weight, weight.rank != 1 || weight.count != classes {
            throw .invalidArgument(op: "cross_entropy", detail: "cross_entropy: weight tensor should be defined either "
                + "for all \(classes) classes or no classes but got weight tensor of shape: "
                + Shape.describe(weight.shape))
        }
        let logProbabilities = try input.logSoftmax(dim: classDim, dtype: input.dtype)
        var probabilities = target
        if labelSmoothing > 0 {
            try checkLabelSmoothing(labelSmoothing)
            probabilities = try addScalar(
                scaled(target, by: .float(1 - labelSmoothing)), .float(labelSmoothing / Double(classes)))
        }
        var products = try logProbabilities.mul(probabilities)
        if let weight {
            products = try products.mul(try weight.view(classShape(of: weight, rank: input.rank, classDim: classDim)))
        }
        switch reduction {
        case .none:
            return try products.sum(dims: [classDim]).neg()
        case .sum:
            return try products.sum().neg()
        case .mean:
            // An empty input has no samples to divide by: PyTorch fills the sum with NaN before negating it.
            guard input.count > 0 else { return try products.sum().fill_(.float(.nan)).neg() }
            return try scaled(try products.sum().neg(), by: .int(Int64(input.count / classes)), dividing: true)
        }
    }

    /// Cross-entropy of class indices with label smoothing: `(1 - s) * nll + s / C * smooth`, where `smooth` is the
    /// (weighted) sum of `-log_softmax` over classes, zero at ignored targets, and reduced as `nll` is (its weighted
    /// mean divides by the weights of the targets not ignored).
    private static func crossEntropySmoothed(
        _ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: LossReduction, ignoreIndex: Int,
        labelSmoothing: Double
    ) throws(TensorError) -> Tensor {
        let classDim = input.rank == 1 ? 0 : 1
        let logProbabilities = try input.logSoftmax(dim: classDim, dtype: input.dtype)
        let nll = try nllLossND(
            logProbabilities, target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
        let classes = input.shape[classDim]
        let ignored = try target.eq(Tensor.wrapping(.int(Int64(ignoreIndex))))
        let smooth: Tensor
        if let weight {
            let spread = try weight.view(classShape(of: weight, rank: input.rank, classDim: classDim))
            smooth = try logProbabilities.mul(spread).sum(dims: [classDim]).neg()
        } else {
            smooth = try logProbabilities.sum(dims: [classDim]).neg()
        }
        try smooth.maskedFill_(ignored, .float(0))
        let reduced: Tensor
        switch reduction {
        case .none:
            reduced = smooth
        case .sum:
            reduced = try smooth.sum()
        case .mean:
            if let weight {
                let kept = try target.maskedSelect(ignored.logicalNot()).flatten()
                reduced = try smooth.sum().div(try weight.gather(dim: 0, index: kept).sum())
            } else {
                reduced = try smooth.sum().div(try ignored.logicalNot().sum())
            }
        }
        return try scaled(nll, by: .float(1 - labelSmoothing))
            .add(scaled(reduced, by: .float(labelSmoothing / Double(classes))))
    }

    /// `[1, C, 1, ...]`: the shape that lines a class weight up with the class dimension of a rank-`rank` input.
    private static func classShape(of weight: Tensor, rank: Int, classDim: Int) -> [Int] {
        guard rank > 1 else { return weight.shape }
        var shape = [Int](repeating: 1, count: rank)
        shape[classDim] = weight.count
        return shape
    }

    /// `tensor + value` as PyTorch's C++ `Tensor + Scalar` records it (`AddBackward1`).
    private static func addScalar(_ tensor: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        let out = try GradMode.with(enabled: false) { () throws(TensorError) in try tensor.add(Tensor.wrapping(value)) }
        let inputType = tensor.dtype
        out.recordGradient("AddBackward1", inputs: [tensor]) { grad, _ throws(TensorError) in
            [try grad.gradient(in: inputType)]
        }
        return out
    }
}
