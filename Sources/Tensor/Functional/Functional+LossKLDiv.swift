extension Functional {
    /// The Kullback-Leibler divergence of `target` from the distribution whose log-probabilities are `input`
    /// (`F.kl_div`): `target * (log(target) - input)` per element (`exp(target) * (target - input)` with
    /// `logTarget`), composed of engine ops as in PyTorch. `"batchmean"` divides the sum by the batch size (the
    /// first dimension), the true KL divergence; `"mean"` divides by the number of elements.
    public static func klDiv(
        _ input: Tensor, _ target: Tensor, sizeAverage: Bool? = nil, reduce: Bool? = nil, reduction: String = "mean",
        logTarget: Bool = false
    ) throws(TensorError) -> Tensor {
        let mode: LossReduction
        if sizeAverage != nil || reduce != nil {
            mode = try LossReduction(reduction, sizeAverage: sizeAverage, reduce: reduce)
        } else {
            mode = reduction == "batchmean" ? .sum : try LossReduction(reduction)
        }
        if !input.dtype.isFloatingPoint || !target.dtype.isFloatingPoint {
            throw .invalidArgument(op: "kl_div", detail: "kl_div: Integral inputs not supported.")
        }
        let pointwise = logTarget
            ? try target.exp().mul(target.sub(input))
            : try xlogy(target, target).sub(target.mul(input))
        let reduced = try mode.apply(pointwise)
        guard reduction == "batchmean" && input.rank != 0 else { return reduced }
        return try reduced.div(Tensor.wrapping(.int(Int64(input.shape[0]))))
    }

    /// `x * log(y)`, 0 where `x` is 0 (and NaN where `y` is), as `torch.xlogy`, recording `XlogyBackward0`. Only
    /// `kl_div` needs it, for `target * log(target)` with `0 * log(0) = 0`.
    static func xlogy(_ x: Tensor, _ y: Tensor) throws(TensorError) -> Tensor {
        let computeType = DType.promote(x.dtype, y.dtype)
        let out = try Tensor(uninitializedShape: try Shape.broadcast(x.shape, y.shape), dtype: computeType)
        let (a, b) = (try x.converted(to: computeType), try y.converted(to: computeType))
        switch computeType {
        case .float32: Elementwise.map(a, b, into: out) { (p: Float, q: Float) in xlogy(p, q) }
        case .float64: Elementwise.map(a, b, into: out) { (p: Double, q: Double) in xlogy(p, q) }
        case .int64, .bool: break
        }
        let (shapeX, shapeY, typeX, typeY) = (x.shape, y.shape, x.dtype, y.dtype)
        out.recordGradient("XlogyBackward0", inputs: [x, y], saving: [x, y]) { grad, saved throws(TensorError) in
            let (x, y) = (saved[0], saved[1])
            // d/dx is log(y), taken as 0 where x == 0 and y <= 0; d/dy is x / y.
            let zero = Tensor.wrapping(.float(0))
            let undefined = try x.eq(zero).logicalAnd(y.le(zero))
            let gradX = try xlogy(grad, y).maskedFill(undefined, .float(0))
            let gradY = try grad.mul(x).div(y)
            return [
                try gradX.reduced(toShape: shapeX, dtype: typeX), try gradY.reduced(toShape: shapeY, dtype: typeY),
            ]
        }
        return out
    }

    @inline(__always)
    private static func xlogy<T: TensorFloat>(_ x: T, _ y: T) -> T {
        if y.isNaN { return .nan }
        if x == 0 { return 0 }
        return x * T.log(y)
    }
}
