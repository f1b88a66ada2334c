extension Functional {
    /// The binary cross-entropy of logits (`F.binary_cross_entropy_with_logits`), computed stably as
    /// `(1 - target) * input - log_sigmoid(input) * (1 + (pos_weight - 1) * target)`, times `weight`.
    ///
    /// Input and target must have one shape; `weight` and `posWeight` (one weight per class, along the last
    /// dimension) broadcast to it. The result has the target's dtype, as PyTorch's in-place steps give it. One fused
    /// kernel forward and backward (`BinaryCrossEntropyWithLogitsBackward0`).
    public static func binaryCrossEntropyWithLogits(
        _ input: Tensor, _ target: Tensor, weight: Tensor? = nil, sizeAverage: Bool? = nil, reduce: Bool? = nil,
        reduction: String = "mean", posWeight: Tensor? = nil
    ) throws(TensorError) -> Tensor {
        let mode = try LossReduction(reduction, sizeAverage: sizeAverage, reduce: reduce)
        guard target.shape == input.shape else {
            throw .invalidValue(op: "binary_cross_entropy_with_logits", detail: "Target size "
                + "(\(pythonSize(target.shape))) must be the same as input size (\(pythonSize(input.shape)))")
        }
        let function = "binary_cross_entropy_with_logits"
        try refuseGradient(of: weight, argument: "weight", function: function)
        try refuseGradient(of: posWeight, argument: "pos_weight", function: function)
        let computeType = try checkLogitsOperands(input, target, weight: weight, posWeight: posWeight)
        let shape = input.shape
        // The operands, in the compute dtype, contiguous and (for the weights) expanded to the input's shape.
        func operand(_ tensor: Tensor) throws(TensorError) -> Tensor {
            let converted = try tensor.converted(to: computeType)
            return try (converted.shape == shape ? converted : try converted.expand(shape)).contiguousData()
        }
        let (x, y) = (try operand(input), try operand(target))
        let p = try posWeight.map(operand)
        let w = try weight.map(operand)
        let losses = try Tensor(uninitializedShape: shape, dtype: computeType)
        switch computeType {
        case .float32: LogitsKernel<Float>.forward(x, y, p, w, into: losses)
        case .float64: LogitsKernel<Double>.forward(x, y, p, w, into: losses)
        case .int64, .bool: break
        }
        let out = try GradMode.with(enabled: false) { () throws(TensorError) in
            try mode.apply(losses.converted(to: target.dtype))
        }
        let (inputType, targetType) = (input.dtype, target.dtype)
        let (inputNeedsGrad, targetNeedsGrad) = (input.requiresGrad, target.requiresGrad)
        let (hasPosWeight, hasWeight) = (p != nil, w != nil)
        let saving = [x, y] + [p, w].compactMap { $0 }
        out.recordGradient("BinaryCrossEntropyWithLogitsBackward0", inputs: [input, target], saving: saving) {
            grad, saved throws(TensorError) in
            let (x, y) = (saved[0], saved[1])
            let p = hasPosWeight ? saved[2] : nil
            let w = hasWeight ? saved[hasPosWeight ? 3 : 2] : nil
            let g = try grad.gradient(in: x.dtype)
            let gradients = LogitsGradient(x: x, y: y, posWeight: p, weight: w, grad: g, reduction: mode)
            return [
                inputNeedsGrad ? try gradients.input().gradient(in: inputType) : nil,
                targetNeedsGrad ? try gradients.target().gradient(in: targetType) : nil,
            ]
        }
        return out
    }

    /// Refuses the operands PyTorch's composite forward refuses, in its order, and returns the dtype to compute in.
    private static func checkLogitsOperands(
        _ input: Tensor, _ target: Tensor, weight: Tensor?, posWeight: Tensor?
    ) throws(TensorError) -> DType {
        guard input.dtype.isFloatingPoint else { throw .notImplemented(op: "log_sigmoid_cpu", dtype: input.dtype) }
        let shape = input.shape
        var computeType = DType.promote(input.dtype, target.dtype)
        if let posWeight {
            // `(pos_weight - 1) * target + 1`, then multiplied into the input-shaped `log_sigmoid(input)` in place.
            if posWeight.dtype == .bool { throw .boolSubtraction }
            let spread = try Shape.broadcast(posWeight.shape, target.shape)
            let combined = try Shape.broadcast(shape, spread)
            if combined != shape { throw .inPlaceShapeMismatch(output: shape, broadcast: combined) }
            computeType = DType.promote(computeType, posWeight.dtype)
        }
        // `(1 - target) * input` in place, in the target's dtype; PyTorch fills a tensor like the target with 1 and
        // subtracts, so a bool target is two bools.
        try Sub.checkNoBool(target, target)
        guard target.dtype.isFloatingPoint else { throw .cannotCastResult(result: input.dtype, output: target.dtype) }
        if let weight {
            let combined = try Shape.broadcast(shape, weight.shape)
            if combined != shape { throw .inPlaceShapeMismatch(output: shape, broadcast: combined) }
            computeType = DType.promote(computeType, weight.dtype)
        }
        return computeType.isFloatingPoint ? computeType : input.dtype
    }
}

/// The loops of the binary cross-entropy with logits, over contiguous operands of one shape, in PyTorch's order of
/// operations. `log_sigmoid(x)` is `min(x, 0) - log1p(exp(-|x|))`, which neither overflows nor loses small values.
enum LogitsKernel<T: TensorFloat> {
    @inline(__always)
    static func logSigmoid(_ x: T) -> T {
        Swift.min(x, 0) - T.log1p(T.exp(-Swift.abs(x)))
    }

    static func forward(_ input: Tensor, _ target: Tensor, _ posWeight: Tensor?, _ weight: Tensor?, into out: Tensor) {
        let (x, y, l) = (input.pointer(as: T.self), target.pointer(as: T.self), out.pointer(as: T.self))
        let p = posWeight?.pointer(as: T.self)
        let w = weight?.pointer(as: T.self)
        for i in 0..<out.count {
            var logSig = logSigmoid(x[i])
            if let p { logSig *= (p[i] - 1) * y[i] + 1 }
            var loss = (1 - y[i]) * x[i] - logSig
            if let w { loss *= w[i] }
            l[i] = loss
        }
    }

    /// `((pos_weight * t + 1 - t) * sigmoid(x) - pos_weight * t) * grad * weight / norm` (without pos_weight,
    /// `sigmoid(x) - t`); `grad` may hold a single element.
    static func inputGradient(
        _ input: Tensor, _ target: Tensor, _ posWeight: Tensor?, _ weight: Tensor?, _ grad: Tensor, norm: Int,
        into out: Tensor
    ) {
        let (x, y, r) = (input.pointer(as: T.self), target.pointer(as: T.self), out.pointer(as: T.self))
        let (p, w) = (posWeight?.pointer(as: T.self), weight?.pointer(as: T.self))
        let (g, gStride) = (grad.pointer(as: T.self), grad.count == 1 ? 0 : 1)
        let divisor = T(norm)
        for i in 0..<out.count {
            let sigmoid = 1 / (1 + T.exp(-x[i]))
            var value: T
            if let p {
                let scaled = p[i] * y[i]
                value = (scaled + 1 - y[i]) * sigmoid - scaled
            } else {
                value = sigmoid - y[i]
            }
            value *= g[i * gStride]
            if let w { value *= w[i] }
            r[i] = norm == 1 ? value : value / divisor
        }
    }

    /// `(log_sigmoid(-x) - log_sigmoid(x) * pos_weight) * grad * weight / norm` (without pos_weight, `-x`).
    static func targetGradient(
        _ input: Tensor, _ posWeight: Tensor?, _ weight: Tensor?, _ grad: Tensor, norm: Int, into out: Tensor
    ) {
        let (x, r) = (input.pointer(as: T.self), out.pointer(as: T.self))
        let (p, w) = (posWeight?.pointer(as: T.self), weight?.pointer(as: T.self))
        let (g, gStride) = (grad.pointer(as: T.self), grad.count == 1 ? 0 : 1)
        let divisor = T(norm)
        for i in 0..<out.count {
            var value = -x[i]
            if let p { value = logSigmoid(-x[i]) - logSigmoid(x[i]) * p[i] }
            value *= g[i * gStride]
            if let w { value *= w[i] }
            r[i] = norm == 1 ? value : value / divisor
        }
    }
}

/// The gradients of the binary cross-entropy with logits: the fused kernels, composed of differentiable ops when
/// the backward is itself recorded (`create_graph`).
private struct LogitsGradient {
    let x: Tensor
    let y: Tensor
    let posWeight: Tensor?
    let weight: Tensor?
    let grad: Tensor
    let reduction: LossReduction

    private var norm: Int { reduction == .mean ? x.count : 1 }

    func input() throws(TensorError) -> Tensor {
        if GradMode.isEnabled {
            let sigmoid = try x.sigmoid()
            var value: Tensor
            if let posWeight {
                let scaled = try posWeight.mul(y)
                value = try scaled.add(Tensor.wrapping(.int(1))).sub(y).mul(sigmoid).sub(scaled)
            } else {
                value = try sigmoid.sub(y)
            }
            return try finish(value)
        }
        let out = try Tensor(uninitializedShape: x.shape, dtype: x.dtype)
        let g = try grad.contiguousData()
        switch x.dtype {
        case .float32: LogitsKernel<Float>.inputGradient(x, y, posWeight, weight, g, norm: norm, into: out)
        case .float64: LogitsKernel<Double>.inputGradient(x, y, posWeight, weight, g, norm: norm, into: out)
        case .int64, .bool: break
        }
        return out
    }

    func target() throws(TensorError) -> Tensor {
        if GradMode.isEnabled {
            guard let posWeight else { return try finish(try x.neg()) }
            return try finish(try composedLogSigmoid(x.neg()).sub(composedLogSigmoid(x).mul(posWeight)))
        }
        let out = try Tensor(uninitializedShape: x.shape, dtype: x.dtype)
        let g = try grad.contiguousData()
        switch x.dtype {
        case .float32: LogitsKernel<Float>.targetGradient(x, posWeight, weight, g, norm: norm, into: out)
        case .float64: LogitsKernel<Double>.targetGradient(x, posWeight, weight, g, norm: norm, into: out)
        case .int64, .bool: break
        }
        return out
    }

    private func finish(_ value: Tensor) throws(TensorError) -> Tensor {
        var result = try value.mul(grad)
        if let weight { result = try result.mul(weight) }
        return norm == 1 ? result : try result.div(Tensor.wrapping(.int(Int64(norm))))
    }

    private func composedLogSigmoid(_ t: Tensor) throws(TensorError) -> Tensor {
        try t.clampMax(.int(0)).sub(t.abs().neg().exp().log1p())
    }
}
