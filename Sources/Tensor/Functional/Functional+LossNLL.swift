extension Functional {
    /// The negative log-likelihood loss of class indices under log-probabilities (`F.nll_loss`).
    ///
    /// `input` is `(C)`, `(N, C)` or `(N, C, d1, ...)` log-probabilities and `target` the class of each sample
    /// (`()`, `(N)` or `(N, d1, ...)`, int64). Each loss is `-weight[t] * input[t]`; targets equal to `ignoreIndex`
    /// contribute nothing. `"mean"` divides the sum by the total weight of the targets not ignored, so a batch with
    /// every target ignored gives NaN, as in PyTorch. A fused kernel with a hand-written backward
    /// (`NllLossBackward0`, or `NllLoss2DBackward0` for inputs of 3 or more dimensions).
    public static func nllLoss(
        _ input: Tensor, _ target: Tensor, weight: Tensor? = nil, sizeAverage: Bool? = nil, ignoreIndex: Int = -100,
        reduce: Bool? = nil, reduction: String = "mean"
    ) throws(TensorError) -> Tensor {
        let mode = try LossReduction(reduction, sizeAverage: sizeAverage, reduce: reduce)
        return try nllLossND(input, target, weight: weight, reduction: mode, ignoreIndex: ignoreIndex)
    }

    /// PyTorch's `nll_loss_nd`: 1-D and 2-D inputs go to `nll_loss`, 4-D ones to `nll_loss2d`, and any other rank
    /// is viewed as `(N, C, 1, -1)` for `nll_loss2d` and its unreduced result viewed back.
    static func nllLossND(
        _ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: LossReduction, ignoreIndex: Int
    ) throws(TensorError) -> Tensor {
        guard input.rank >= 1 else {
            throw .invalidValue(op: "nll_loss", detail: "Expected 1 or more dimensions (got \(input.rank))")
        }
        // NOTE: PyTorch reads a 0-d target's batch size as 0.
        let targetBatch = target.rank == 0 ? 0 : target.shape[0]
        if input.rank != 1 && input.shape[0] != targetBatch {
            throw .invalidValue(op: "nll_loss", detail: "Expected input batch_size (\(input.shape[0])) to match "
                + "target batch_size (\(targetBatch)).")
        }
        switch input.rank {
        case 1, 2:
            return try nllLossFlat(input, target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
        case 4:
            return try nllLossSpatial(input, target, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
        default:
            let (batch, classes) = (input.shape[0], input.shape[1])
            let outputShape = [batch] + input.shape.dropFirst(2)
            guard target.rank >= 1 else {
                throw .invalidArgument(op: "nll_loss", detail: "ArrayRef: invalid slice, N = 1; size = 0")
            }
            guard Array(target.shape.dropFirst()) == Array(input.shape.dropFirst(2)) else {
                throw .invalidArgument(op: "nll_loss", detail: "Expected target size \(Shape.describe(outputShape)), "
                    + "got \(Shape.describe(target.shape))")
            }
            let flatInput = try input.contiguous()
                .view(input.count > 0 ? [batch, classes, 1, -1] : [batch, classes, 0, 0])
            let flatTarget = try target.contiguous().view(target.count > 0 ? [batch, 1, -1] : [batch, 0, 0])
            let out = try nllLossSpatial(
                flatInput, flatTarget, weight: weight, reduction: reduction, ignoreIndex: ignoreIndex)
            return reduction == .none ? try out.view(outputShape) : out
        }
    }

    /// `nll_loss` of a `(C)` or `(N, C)` input, with PyTorch's checks in its order.
    private static func nllLossFlat(
        _ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: LossReduction, ignoreIndex: Int
    ) throws(TensorError) -> Tensor {
        try refuseGradient(of: weight, argument: "weight", function: "nll_loss_forward")
        guard target.rank <= 1 else {
            throw .invalidArgument(op: "nll_loss", detail: "0D or 1D target tensor expected, multi-target not "
                + "supported")
        }
        try checkClassTarget(target)
        if input.rank == 1 && target.rank == 1 && target.shape[0] != 1 {
            throw .invalidValue(op: "nll_loss", detail: "For 1D input, 1D target must have size 1, but got target "
                + "size: \(target.shape[0])")
        }
        if input.rank != 1 {
            guard target.rank == 1 else {
                throw .invalidIndex(op: "nll_loss", detail: "Dimension specified as 0 but tensor has no dimensions")
            }
            guard input.shape[0] == target.shape[0] else {
                throw .invalidArgument(op: "nll_loss", detail: "size mismatch (got input: "
                    + "\(Shape.describe(input.shape)), target: \(Shape.describe(target.shape)))")
            }
        }
        let classes = input.shape[input.rank - 1]
        if let weight, weight.rank != 1 || weight.count != classes {
            throw .invalidArgument(op: "nll_loss", detail: "weight tensor should be defined either for all \(classes) "
                + "classes or no classes but got weight tensor of shape: \(Shape.describe(weight.shape))")
        }
        let layout = NLLLayout(batch: input.rank == 1 ? 1 : input.shape[0], classes: classes, map: 1)
        let perSample = reduction == .none && input.rank == 2
        return try NLLLossCall(
            input: input, target: target, weight: weight, layout: layout, ignoreIndex: ignoreIndex,
            reduction: reduction, unreducedShape: perSample ? [layout.batch] : nil, kernelName: "nll_loss_out_frame",
            backwardName: "NllLossBackward0"
        ).run()
    }

    /// `nll_loss2d` of an `(N, C, H, W)` input and `(N, H, W)` target, with PyTorch's checks in its order.
    private static func nllLossSpatial(
        _ input: Tensor, _ target: Tensor, weight: Tensor?, reduction: LossReduction, ignoreIndex: Int
    ) throws(TensorError) -> Tensor {
        try refuseGradient(of: weight, argument: "weight", function: "nll_loss2d_forward")
        guard target.rank == 3 else {
            throw .invalidArgument(op: "nll_loss2d", detail: "only batches of spatial targets supported (3D tensors) "
                + "but got targets of dimension: \(target.rank)")
        }
        try checkClassTarget(target)
        if let weight, weight.count != input.shape[1] {
            throw .invalidArgument(op: "nll_loss2d", detail: "weight tensor should be defined either for all or no "
                + "classes")
        }
        guard input.shape[0] == target.shape[0] && Array(input.shape[2...]) == Array(target.shape[1...]) else {
            throw .invalidArgument(op: "nll_loss2d", detail: "size mismatch (got input: "
                + "\(Shape.describe(input.shape)) , target: \(Shape.describe(target.shape))")
        }
        let layout = NLLLayout(batch: input.shape[0], classes: input.shape[1], map: input.shape[2] * input.shape[3])
        return try NLLLossCall(
            input: input, target: target, weight: weight, layout: layout, ignoreIndex: ignoreIndex,
            reduction: reduction, unreducedShape: reduction == .none ? target.shape : nil,
            kernelName: "nll_loss2d_forward_out_frame", backwardName: "NllLoss2DBackward0"
        ).run()
    }

    /// Refuses class targets that are not int64, as `nll_loss` does (it also takes uint8, which Attend lacks).
    private static func checkClassTarget(_ target: Tensor) throws(TensorError) {
        guard target.dtype == .int64 else {
            throw .invalidArgument(op: "nll_loss", detail: "expected target dtype to be Long or Byte, but got "
                + target.dtype.scalarTypeName)
        }
    }
}

/// One `nll_loss` call once its shapes are checked: the dtype checks, the fused kernel, and its backward.
private struct NLLLossCall {
    let input: Tensor
    let target: Tensor
    let weight: Tensor?
    let layout: NLLLayout
    let ignoreIndex: Int
    let reduction: LossReduction
    /// The output shape when each position keeps its own loss; nil when the losses are summed (a reduction, or a
    /// 1-D input, whose single loss PyTorch computes on the summing path).
    let unreducedShape: [Int]?
    let kernelName: String
    let backwardName: String

    func run() throws(TensorError) -> Tensor {
        guard input.dtype.isFloatingPoint else { throw .notImplemented(op: kernelName, dtype: input.dtype) }
        if let weight, weight.dtype != input.dtype {
            throw .dtypeMismatch(op: kernelName, expected: input.dtype, found: weight.dtype)
        }
        let x = try input.contiguousData()
        let t = try target.contiguousData()
        let w = try weight?.contiguousData()
        let ignore = Int64(ignoreIndex)
        let out: Tensor
        var totalWeight = 0.0
        if let unreducedShape {
            out = try Tensor(uninitializedShape: unreducedShape, dtype: input.dtype)
            switch input.dtype {
            case .float32: try NLLKernel<Float>.unreduced(x, t, w, layout, ignore, into: out)
            case .float64: try NLLKernel<Double>.unreduced(x, t, w, layout, ignore, into: out)
            case .int64, .bool: break
            }
        } else {
            out = try Tensor(uninitializedShape: [], dtype: input.dtype)
            switch input.dtype {
            case .float32: totalWeight = try NLLKernel<Float>.summed(x, t, w, layout, ignore, reduction, into: out)
            case .float64: totalWeight = try NLLKernel<Double>.summed(x, t, w, layout, ignore, reduction, into: out)
            case .int64, .bool: break
            }
        }
        record(out, target: t, weight: w, totalWeight: totalWeight)
        return out
    }

    private func record(_ out: Tensor, target: Tensor, weight: Tensor?, totalWeight: Double) {
        let (layout, ignore, reduction) = (layout, Int64(ignoreIndex), reduction)
        let (inputShape, dtype, unreduced) = (input.shape, input.dtype, unreducedShape != nil)
        let hasWeight = weight != nil
        // PyTorch computes a 1-D input against a one-element 1-D target, but its backward refuses the pair.
        let refusal: TensorError? = input.rank == 1 && self.target.rank == 1
            ? .invalidArgument(op: "nll_loss_backward", detail: "size mismatch (got input: "
                + "\(Shape.describe(input.shape)), target: \(Shape.describe(self.target.shape)))")
            : nil
        out.recordGradient(backwardName, inputs: [input], saving: [target] + (weight.map { [$0] } ?? [])) {
            grad, saved throws(TensorError) in
            if let refusal { throw refusal }
            let (target, weight) = (saved[0], hasWeight ? saved[1] : nil)
            let gradInput = try Tensor(zerosShape: inputShape, dtype: dtype)
            // Recording the backward (create_graph): the gradient is linear in `grad`, so scatter the coefficients
            // for a unit gradient and multiply, which autograd can differentiate.
            let recording = GradMode.isEnabled
            let seed = recording
                ? try Tensor.ones(unreduced ? grad.shape : [], dtype: dtype)
                : try grad.converted(to: dtype).contiguousData()
            switch dtype {
            case .float32:
                NLLKernel<Float>.backward(seed, target, weight, layout, ignore, reduction, unreduced: unreduced,
                                          totalWeight: totalWeight, into: gradInput)
            case .float64:
                NLLKernel<Double>.backward(seed, target, weight, layout, ignore, reduction, unreduced: unreduced,
                                           totalWeight: totalWeight, into: gradInput)
            case .int64, .bool: break
            }
            guard recording else { return [gradInput] }
            let spread = unreduced
                ? try grad.reshape([layout.batch, 1] + Array(inputShape.dropFirst(2))) : grad
            return [try gradInput.mul(spread)]
        }
    }
}
