extension Tensor {
    /// `exp(x) / sum(exp(x))` along `dim`, computed stably by subtracting the slice's maximum first; with `dtype`,
    /// the input is converted before computing (`torch.softmax`, `F.softmax`).
    public func softmax(dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try softmax(dim: dim, dtype: dtype, log: false)
    }

    /// `x - log(sum(exp(x)))` along `dim`, computed stably; with `dtype`, the input is converted before computing
    /// (`torch.log_softmax`, `F.log_softmax`).
    public func logSoftmax(dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try softmax(dim: dim, dtype: dtype, log: true)
    }

    /// The dim `F.softmax` and friends pick when none is given (deprecated in PyTorch): 0 for tensors of 0, 1 or 3
    /// dimensions, else 1.
    public var implicitSoftmaxDim: Int { [0, 1, 3].contains(rank) ? 0 : 1 }

    private func softmax(dim: Int, dtype requested: DType?, log: Bool) throws(TensorError) -> Tensor {
        let d = try Shape.normalize(dim: dim, rank: rank)
        let input = try requested.map { type throws(TensorError) in try to(type) } ?? self
        // PyTorch picks its kernel by whether `dim` is the last one; the names show in its dtype errors, and the two
        // kernels round differently (see SoftmaxKernel).
        let lastDim = d == Swift.max(rank, 1) - 1
        if input.count > 0 && !input.dtype.isFloatingPoint {
            let kernel = (log ? "log_softmax" : "softmax") + (lastDim ? "_lastdim_kernel_impl" : "_kernel_impl")
            throw .notImplemented(op: kernel, dtype: input.dtype)
        }
        let out = try Tensor(uninitializedShape: shape, dtype: input.dtype, stridesFrom: self)
        if out.count > 0 {
            SoftmaxKernel.forward(try input.contiguousData(), into: out, dim: d, log: log, lastDim: lastDim)
        }
        guard GradMode.isEnabled && input.requiresGrad else { return out }
        out.recordGradient(log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", inputs: [input], saving: [out]) {
            grad, saved throws(TensorError) in
            [try Tensor.softmaxBackward(grad, output: saved[0], dim: d, log: log)]
        }
        return out
    }

    /// The gradient of softmax (`y * (g - sum(g * y))`) or log-softmax (`g - exp(y) * sum(g)`) from the output `y`.
    ///
    /// A fused kernel computes it, unless the backward pass is itself being recorded (`create_graph`): then it is
    /// composed of differentiable ops.
    static func softmaxBackward(_ grad: Tensor, output: Tensor, dim: Int, log: Bool) throws(TensorError) -> Tensor {
        if GradMode.isEnabled {
            if log {
                return try grad.sub(output.exp().mul(grad.sum(dims: [dim], keepdim: true)))
            }
            return try output.mul(grad.sub(grad.mul(output).sum(dims: [dim], keepdim: true)))
        }
        let gradInput = try Tensor(uninitializedShape: output.shape, dtype: output.dtype)
        if gradInput.count > 0 {
            SoftmaxKernel.backward(
                try grad.converted(to: output.dtype).contiguousData(), output: try output.contiguousData(),
                into: gradInput, dim: dim, log: log)
        }
        return gradInput
    }
}
