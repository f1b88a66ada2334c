/// Gradient clipping (`torch.nn.utils.clip_grad_norm_` and `clip_grad_value_`), composed from tensor primitives as
/// PyTorch composes it, so the norms and scaled gradients round as PyTorch's do.
///
/// Both run without recording gradients and touch only parameters whose `grad` is set.
public enum ClipGrad {
    /// The norm of all the gradients taken together (`torch.nn.utils.get_total_norm`): the `normType`-norm of the
    /// per-gradient norms; a zero-dimensional float32 zero when there are no gradients.
    public static func totalNorm(
        _ grads: [Tensor], normType: Scalar = 2.0, errorIfNonfinite: Bool = false
    ) throws(TensorError) -> Tensor {
        let ord = normType.doubleValue
        return try GradMode.with(enabled: false) { () throws(TensorError) in
            guard !grads.isEmpty else { return Tensor(.float(0), dtype: .float32) }
            let norms = try grads.map { grad throws(TensorError) in try grad.vectorNorm(ord: ord) }
            let total = try Tensor.stack(norms).vectorNorm(ord: ord)
            if errorIfNonfinite {
                let nonfinite = try total.isnan().logicalOr(total.isinf()).item()
                if case .bool(true) = nonfinite {
                    throw .invalidArgument(op: "clip_grad_norm_", detail: "The total norm of order "
                        + "\(normType.pythonDescription) for gradients from `parameters` is non-finite, "
                        + "so it cannot be clipped. To disable this error and scale the gradients by the non-finite "
                        + "norm anyway, set `error_if_nonfinite=False`")
                }
            }
            return total
        }
    }

    /// Scales every gradient in place so that together their `normType`-norm is at most `maxNorm`
    /// (`clip_grad_norm_`); returns the norm measured before scaling. The factor `maxNorm / (norm + 1e-6)`, capped at
    /// one, multiplies the gradients even when it is one, as in PyTorch.
    @discardableResult
    public static func clipGradNorm_(
        _ parameters: [Tensor], maxNorm: Double, normType: Scalar = 2.0, errorIfNonfinite: Bool = false
    ) throws(TensorError) -> Tensor {
        let grads = parameters.compactMap(\.grad)
        let total = try totalNorm(grads, normType: normType, errorIfNonfinite: errorIfNonfinite)
        guard !grads.isEmpty else { return total }
        try GradMode.with(enabled: false) { () throws(TensorError) in
            // `max_norm / t` is PyTorch's reflected division: the reciprocal times the number.
            let coefficient = try total.add(Tensor.wrapping(.float(1e-6))).reciprocal()
                .mul(Tensor.wrapping(.float(maxNorm))).clamp(max: .float(1))
            for grad in grads { _ = try grad.mul_(coefficient) }
        }
        return total
    }

    /// Clamps every gradient in place to `[-clipValue, clipValue]` (`clip_grad_value_`).
    public static func clipGradValue_(_ parameters: [Tensor], clipValue: Double) throws(TensorError) {
        try GradMode.with(enabled: false) { () throws(TensorError) in
            for grad in parameters.compactMap(\.grad) {
                _ = try grad.clamp_(min: .float(-clipValue), max: .float(clipValue))
            }
        }
    }
}
