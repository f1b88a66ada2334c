/// The elementwise regression losses PyTorch computes with fused kernels (`mse_loss`, `smooth_l1_loss`,
/// `huber_loss`): the forward and the hand-written backward of each, declared together.
///
/// Operands are already broadcast to one shape. They compute in their promoted dtype, which must be floating point;
/// the Huber loss then converts to the input's dtype, as PyTorch writes it into a tensor like the input.
enum PointwiseLoss {
    case mse
    case smoothL1(beta: Double)
    case huber(delta: Double)

    private var kernelName: String {
        switch self {
        case .mse: return "mse_cpu"
        case .smoothL1: return "smooth_l1_cpu"
        case .huber: return "huber_cpu"
        }
    }

    private var backwardName: String {
        switch self {
        case .mse: return "MseLossBackward0"
        case .smoothL1: return "SmoothL1LossBackward0"
        case .huber: return "HuberLossBackward0"
        }
    }

    /// The reduced loss of `input` against `target` (same shape), recording one node for both.
    func apply(_ input: Tensor, _ target: Tensor, reduction: LossReduction) throws(TensorError) -> Tensor {
        if case .huber(let delta) = self, !(delta > 0) {
            throw .invalidArgument(op: "huber_loss", detail: "huber_loss does not support non-positive values for "
                + "delta.")
        }
        let computeType = DType.promote(input.dtype, target.dtype)
        var outputType = computeType
        if case .huber = self {
            outputType = input.dtype
            guard DType.canCast(from: computeType, to: outputType) else {
                throw .cannotCastResult(result: computeType, output: outputType)
            }
        }
        guard computeType.isFloatingPoint else { throw .notImplemented(op: kernelName, dtype: computeType) }
        let x = try input.converted(to: computeType)
        let y = try target.converted(to: computeType)
        let losses = try Tensor(uninitializedShape: input.shape, dtype: computeType)
        switch computeType {
        case .float32: forwardKernel(x, y, into: losses, as: Float.self)
        case .float64: forwardKernel(x, y, into: losses, as: Double.self)
        case .int64, .bool: break
        }
        let out = try GradMode.with(enabled: false) { () throws(TensorError) in
            try reduction.apply(losses.converted(to: outputType))
        }
        let loss = self
        let (inputType, targetType, count) = (input.dtype, target.dtype, input.count)
        let (inputNeedsGrad, targetNeedsGrad) = (input.requiresGrad, target.requiresGrad)
        // PyTorch's Huber backward wants both operands in one dtype, though its forward promotes them.
        let refusal: TensorError? = {
            guard case .huber = self, inputType != targetType else { return nil }
            return .invalidArgument(op: "huber_loss_backward", detail: "Found dtype \(targetType.scalarTypeName) but "
                + "expected \(inputType.scalarTypeName)")
        }()
        out.recordGradient(backwardName, inputs: [input, target], saving: [x, y]) { grad, saved throws(TensorError) in
            if let refusal { throw refusal }
            let norm = reduction == .mean ? 1 / Double(count) : 1
            let g = try grad.gradient(in: computeType)
            return [
                inputNeedsGrad ? try loss.backward(saved[0], saved[1], g, norm: norm).gradient(in: inputType) : nil,
                targetNeedsGrad ? try loss.backward(saved[1], saved[0], g, norm: norm).gradient(in: targetType) : nil,
            ]
        }
        return out
    }

    /// Writes each element's loss, in PyTorch's order of operations.
    private func forwardKernel<T: TensorFloat>(_ x: Tensor, _ y: Tensor, into out: Tensor, as _: T.Type) {
        switch self {
        case .mse:
            Elementwise.map(x, y, into: out) { (a: T, b: T) -> T in
                let d = a - b
                return d * d
            }
        case .smoothL1(let beta):
            let beta = T(beta)
            Elementwise.map(x, y, into: out) { (a: T, b: T) -> T in
                let z = Swift.abs(a - b)
                return z < beta ? 0.5 * z * z / beta : z - 0.5 * beta
            }
        case .huber(let delta):
            let delta = T(delta)
            Elementwise.map(x, y, into: out) { (a: T, b: T) -> T in
                let z = Swift.abs(a - b)
                return z < delta ? 0.5 * z * z : delta * (z - 0.5 * delta)
            }
        }
    }

    /// The gradient with respect to `a` of the loss of `a` against `b` (the target's gradient swaps them), scaled by
    /// `grad` and by `norm` (1 / count for a mean).
    ///
    /// A fused kernel, unless the backward is itself being recorded (`create_graph`): then it is composed of
    /// differentiable ops.
    private func backward(_ a: Tensor, _ b: Tensor, _ grad: Tensor, norm: Double) throws(TensorError) -> Tensor {
        if GradMode.isEnabled { return try composedBackward(a, b, grad, norm: norm) }
        let out = try Tensor(uninitializedShape: a.shape, dtype: a.dtype)
        switch a.dtype {
        case .float32: derivativeKernel(a, b, grad, norm: norm, into: out, as: Float.self)
        case .float64: derivativeKernel(a, b, grad, norm: norm, into: out, as: Double.self)
        case .int64, .bool: break
        }
        return out
    }

    /// Writes each element's gradient, in PyTorch's order of operations; `grad` may hold a single element.
    private func derivativeKernel<T: TensorFloat>(
        _ a: Tensor, _ b: Tensor, _ grad: Tensor, norm: Double, into out: Tensor, as _: T.Type
    ) {
        switch self {
        case .mse:
            let scale = T(2 * norm)
            Elementwise.map(a, b, grad, into: out) { (x: T, y: T, g: T) -> T in scale * (x - y) * g }
        case .smoothL1(let beta):
            let (norm, beta) = (T(norm), T(beta))
            Elementwise.map(a, b, grad, into: out) { (x: T, y: T, g: T) -> T in
                let d = x - y
                if d <= -beta { return -norm * g }
                if d >= beta { return norm * g }
                return norm * d * g / beta
            }
        case .huber(let delta):
            let (norm, delta) = (T(norm), T(delta))
            Elementwise.map(a, b, grad, into: out) { (x: T, y: T, g: T) -> T in
                let d = x - y
                if d <= -delta { return -norm * g * delta }
                if d >= delta { return norm * g * delta }
                return norm * d * g
            }
        }
    }

    private func composedBackward(
        _ a: Tensor, _ b: Tensor, _ grad: Tensor, norm: Double
    ) throws(TensorError) -> Tensor {
        let d = try a.sub(b)
        switch self {
        case .mse:
            return try d.mul(Tensor.wrapping(.float(2 * norm))).mul(grad)
        case .smoothL1(let beta):
            let slope = try d.div(Tensor.wrapping(.float(beta))).clamp(min: .float(-1), max: .float(1))
            return try slope.mul(Tensor.wrapping(.float(norm))).mul(grad)
        case .huber(let delta):
            let clipped = try d.clamp(min: .float(-delta), max: .float(delta))
            return try clipped.mul(Tensor.wrapping(.float(norm))).mul(grad)
        }
    }
}
