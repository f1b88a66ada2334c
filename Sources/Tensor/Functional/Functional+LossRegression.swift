extension Functional {
    /// The squared error `(input - target)^2`, reduced (`F.mse_loss`). Shapes broadcast (PyTorch also warns); with
    /// `weight` (of the input's shape) each error is weighted and the mean divides by the sum of the weights.
    public static func mseLoss(
        _ input: Tensor, _ target: Tensor, sizeAverage: Bool? = nil, reduce: Bool? = nil, reduction: String = "mean",
        weight: Tensor? = nil
    ) throws(TensorError) -> Tensor {
        let name = LossReduction.name(reduction, sizeAverage: sizeAverage, reduce: reduce)
        let (x, y) = try broadcastPair(input, target)
        if let weight {
            return try weightedLoss(try x.sub(y).pow(.int(2)), weight: weight, input: input, reduction: name)
        }
        return try PointwiseLoss.mse.apply(x, y, reduction: try LossReduction(name))
    }

    /// The absolute error `|input - target|`, reduced (`F.l1_loss`); composed of `sub`, `abs` and the reduction, as
    /// in PyTorch. Shapes broadcast; `weight` as in `mseLoss`.
    public static func l1Loss(
        _ input: Tensor, _ target: Tensor, sizeAverage: Bool? = nil, reduce: Bool? = nil, reduction: String = "mean",
        weight: Tensor? = nil
    ) throws(TensorError) -> Tensor {
        let name = LossReduction.name(reduction, sizeAverage: sizeAverage, reduce: reduce)
        let (x, y) = try broadcastPair(input, target)
        if let weight {
            return try weightedLoss(try x.sub(y).abs(), weight: weight, input: input, reduction: name)
        }
        return try LossReduction(name).apply(try x.sub(y).abs())
    }

    /// The smooth L1 loss: `0.5 * d^2 / beta` where `|d| < beta`, `|d| - 0.5 * beta` elsewhere, reduced
    /// (`F.smooth_l1_loss`); `beta == 0` is the L1 loss. Shapes broadcast.
    public static func smoothL1Loss(
        _ input: Tensor, _ target: Tensor, sizeAverage: Bool? = nil, reduce: Bool? = nil, reduction: String = "mean",
        beta: Double = 1
    ) throws(TensorError) -> Tensor {
        let name = LossReduction.name(reduction, sizeAverage: sizeAverage, reduce: reduce)
        let (x, y) = try broadcastPair(input, target)
        let mode = try LossReduction(name)
        if beta == 0 { return try mode.apply(try x.sub(y).abs()) }
        guard beta >= 0 else {
            throw .invalidArgument(op: "smooth_l1_loss", detail: "smooth_l1_loss does not support negative values for "
                + "beta.")
        }
        return try PointwiseLoss.smoothL1(beta: beta).apply(x, y, reduction: mode)
    }

    /// The Huber loss: `0.5 * d^2` where `|d| < delta`, `delta * (|d| - 0.5 * delta)` elsewhere, reduced
    /// (`F.huber_loss`); the result has the input's dtype. Shapes broadcast; with `weight` (of the input's shape)
    /// each loss is weighted before the reduction.
    public static func huberLoss(
        _ input: Tensor, _ target: Tensor, reduction: String = "mean", delta: Double = 1, weight: Tensor? = nil
    ) throws(TensorError) -> Tensor {
        let (x, y) = try broadcastPair(input, target)
        guard let weight else {
            return try PointwiseLoss.huber(delta: delta).apply(x, y, reduction: try LossReduction(reduction))
        }
        guard weight.shape == input.shape else {
            throw .invalidValue(op: "huber_loss", detail: "Weights and input must have the same size.")
        }
        let weighted = try PointwiseLoss.huber(delta: delta).apply(x, y, reduction: .none).mul(weight)
        switch reduction {
        case "none": return weighted
        case "sum": return try weighted.sum()
        case "mean": return try weighted.mean()
        default: throw invalidReductionMode(reduction)
        }
    }

    /// The weighted form of `mse_loss` and `l1_loss`, written in Python in PyTorch: the mean divides by the sum of
    /// the weights, and only the three plain names are accepted.
    private static func weightedLoss(
        _ errors: Tensor, weight: Tensor, input: Tensor, reduction: String
    ) throws(TensorError) -> Tensor {
        guard weight.shape == input.shape else {
            throw .invalidValue(op: "loss", detail: "Weights and input must have the same size.")
        }
        let weighted = try errors.mul(weight)
        switch reduction {
        case "none": return weighted
        case "sum": return try weighted.sum()
        case "mean": return try weighted.sum().div(try weight.sum())
        default: throw invalidReductionMode(reduction)
        }
    }

    private static func invalidReductionMode(_ reduction: String) -> TensorError {
        .invalidValue(op: "loss", detail: "Invalid reduction mode: \(reduction). Expected one of 'none', 'mean', "
            + "'sum'.")
    }
}
