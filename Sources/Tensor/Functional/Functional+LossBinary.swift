extension Functional {
    /// The binary cross-entropy of probabilities (`F.binary_cross_entropy`):
    /// `-weight * (target * log(input) + (1 - target) * log(1 - input))`, each log clamped at -100 as PyTorch
    /// clamps it, so a probability of exactly 0 or 1 gives a finite loss. Input and target must have one shape and
    /// dtype and lie in [0, 1]; `weight` broadcasts to the target's shape. One fused kernel forward and backward
    /// (`BinaryCrossEntropyBackward0`).
    public static func binaryCrossEntropy(
        _ input: Tensor, _ target: Tensor, weight: Tensor? = nil, sizeAverage: Bool? = nil, reduce: Bool? = nil,
        reduction: String = "mean"
    ) throws(TensorError) -> Tensor {
        let mode = try LossReduction(reduction, sizeAverage: sizeAverage, reduce: reduce)
        guard target.shape == input.shape else {
            throw .invalidValue(op: "binary_cross_entropy", detail: "Using a target size (\(pythonSize(target.shape))) "
                + "that is different to the input size (\(pythonSize(input.shape))) is deprecated. Please ensure they "
                + "have the same size.")
        }
        let expandedWeight = try weight.map { weight throws(TensorError) in
            try weight.expand(try broadcastShapes(target.shape, weight.shape))
        }
        try refuseGradient(of: weight, argument: "weight", function: "binary_cross_entropy")
        guard target.dtype == input.dtype else {
            throw .invalidArgument(op: "binary_cross_entropy", detail: "Found dtype \(target.dtype.scalarTypeName) but "
                + "expected \(input.dtype.scalarTypeName)")
        }
        guard input.dtype.isFloatingPoint else { throw .notImplemented(op: "binary_cross_entropy", dtype: input.dtype) }
        let x = try input.contiguousData()
        let y = try target.contiguousData()
        let losses = try Tensor(uninitializedShape: input.shape, dtype: input.dtype)
        switch input.dtype {
        case .float32: try BinaryCrossEntropyKernel<Float>.forward(x, y, into: losses)
        case .float64: try BinaryCrossEntropyKernel<Double>.forward(x, y, into: losses)
        case .int64, .bool: break
        }
        let out = try GradMode.with(enabled: false) { () throws(TensorError) in
            if let expandedWeight { try losses.mul_(expandedWeight) }
            return try mode.apply(losses)
        }
        let (inputNeedsGrad, targetNeedsGrad) = (input.requiresGrad, target.requiresGrad)
        let hasWeight = expandedWeight != nil
        let saving = [x, y] + (expandedWeight.map { [$0] } ?? [])
        out.recordGradient("BinaryCrossEntropyBackward0", inputs: [input, target], saving: saving) {
            grad, saved throws(TensorError) in
            let (x, y, weight) = (saved[0], saved[1], hasWeight ? saved[2] : nil)
            let g = try grad.gradient(in: x.dtype)
            return [
                inputNeedsGrad ? try BinaryCrossEntropyGradient.input(x, y, g, weight: weight, reduction: mode) : nil,
                targetNeedsGrad ? try BinaryCrossEntropyGradient.target(x, g, weight: weight, reduction: mode) : nil,
            ]
        }
        return out
    }

    /// The shape `torch.broadcast_shapes` gives two shapes, with its error: it walks the arguments in order and
    /// each of their dims from the last, naming the first dim that cannot broadcast to the shape built so far.
    static func broadcastShapes(_ shapes: [Int]...) throws(TensorError) -> [Int] {
        var common = [Int](repeating: 1, count: shapes.map(\.count).max() ?? 0)
        for (argument, shape) in shapes.enumerated() {
            for offset in stride(from: 1, through: shape.count, by: 1) {
                let (size, slot) = (shape[shape.count - offset], common.count - offset)
                if size == common[slot] { continue }
                if common[slot] == 1 { common[slot] = size }
                if size == 1 || size == common[slot] { continue }
                throw .invalidArgument(op: "broadcast_shapes", detail: "Attempting to broadcast a dimension of length "
                    + "\(size) at -\(offset)! Mismatching argument at index \(argument) had \(pythonSize(shape)); but "
                    + "expected shape should be broadcastable to \(Shape.describe(common))")
            }
        }
        return common
    }
}

/// The binary cross-entropy loops over contiguous tensors of one shape, in PyTorch's order of operations.
enum BinaryCrossEntropyKernel<T: TensorFloat> {
    /// Each element's loss, refusing inputs and targets outside [0, 1] (NaN included) at the first offending
    /// element, input before target.
    static func forward(_ input: Tensor, _ target: Tensor, into out: Tensor) throws(TensorError) {
        let (x, y, l) = (input.pointer(as: T.self), target.pointer(as: T.self), out.pointer(as: T.self))
        for i in 0..<out.count {
            let (p, t) = (x[i], y[i])
            guard p >= 0 && p <= 1 else {
                throw .invalidArgument(op: "binary_cross_entropy", detail: "all elements of input should be between "
                    + "0 and 1")
            }
            guard t >= 0 && t <= 1 else {
                throw .invalidArgument(op: "binary_cross_entropy", detail: "all elements of target should be between "
                    + "0 and 1")
            }
            l[i] = (t - 1) * Swift.max(T.log1p(-p), -100) - t * Swift.max(T.log(p), -100)
        }
    }

    /// `grad * (input - target) / max((1 - input) * input, 1e-12)` for each element; `grad` may be 0-d.
    static func inputGradient(_ input: Tensor, _ target: Tensor, _ grad: Tensor, into out: Tensor) {
        let epsilon = T(1e-12)
        Elementwise.map(grad, input, target, into: out) { (g: T, p: T, t: T) in
            g * (p - t) / Swift.max((1 - p) * p, epsilon)
        }
    }

    /// `-log(input / (1 - input)) * grad` for each element; `grad` may be 0-d.
    static func targetGradient(_ input: Tensor, _ grad: Tensor, into out: Tensor) {
        Elementwise.map(input, grad, into: out) { (p: T, g: T) in -T.log(p / (1 - p)) * g }
    }
}

/// The gradients of the binary cross-entropy: a fused kernel, composed of differentiable ops when the backward is
/// itself recorded (`create_graph`). The weight multiplies and a mean divides afterwards, in place as in PyTorch.
private enum BinaryCrossEntropyGradient {
    static func input(
        _ x: Tensor, _ y: Tensor, _ grad: Tensor, weight: Tensor?, reduction: LossReduction
    ) throws(TensorError) -> Tensor {
        var result: Tensor
        if GradMode.isEnabled {
            let denominator = try Tensor.wrapping(.int(1)).sub(x).mul(x).clamp(min: .float(1e-12))
            result = try grad.mul(x.sub(y)).div(denominator)
        } else {
            result = try Tensor(uninitializedShape: x.shape, dtype: x.dtype)
            switch x.dtype {
            case .float32: BinaryCrossEntropyKernel<Float>.inputGradient(x, y, grad, into: result)
            case .float64: BinaryCrossEntropyKernel<Double>.inputGradient(x, y, grad, into: result)
            case .int64, .bool: break
            }
        }
        return try finish(result, weight: weight, reduction: reduction)
    }

    static func target(
        _ x: Tensor, _ grad: Tensor, weight: Tensor?, reduction: LossReduction
    ) throws(TensorError) -> Tensor {
        var result: Tensor
        if GradMode.isEnabled {
            result = try x.div(Tensor.wrapping(.int(1)).sub(x)).log().neg().mul(grad)
        } else {
            result = try Tensor(uninitializedShape: x.shape, dtype: x.dtype)
            switch x.dtype {
            case .float32: BinaryCrossEntropyKernel<Float>.targetGradient(x, grad, into: result)
            case .float64: BinaryCrossEntropyKernel<Double>.targetGradient(x, grad, into: result)
            case .int64, .bool: break
            }
        }
        return try finish(result, weight: weight, reduction: reduction)
    }

    private static func finish(
        _ gradient: Tensor, weight: Tensor?, reduction: LossReduction
    ) throws(TensorError) -> Tensor {
        var result = gradient
        let recording = GradMode.isEnabled
        if let weight { result = recording ? try result.mul(weight) : try result.mul_(weight) }
        if reduction == .mean {
            let count = Tensor.wrapping(.int(Int64(result.count)))
            result = recording ? try result.div(count) : try result.div_(count)
        }
        return result
    }
}
