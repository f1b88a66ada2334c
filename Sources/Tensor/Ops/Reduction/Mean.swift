extension Tensor {
    /// The mean of all elements (`Tensor.mean()`); the input, or the requested dtype, must be floating point.
    public func mean(dtype: DType? = nil) throws(TensorError) -> Tensor {
        try mean(dims: [], keepdim: false, dtype: dtype, backwardName: "MeanBackward0")
    }

    /// The means over `dims`; an empty list means every dimension (`Tensor.mean(dim, keepdim)`).
    public func mean(dims: [Int], keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try mean(dims: dims, keepdim: keepdim, dtype: dtype, backwardName: "MeanBackward1")
    }

    private func mean(dims: [Int], keepdim: Bool, dtype requested: DType?, backwardName: String)
        throws(TensorError) -> Tensor
    {
        let outType = try meanType(requested)
        // The plan must walk the strides of the tensor the kernel reads: the converted copy, not this view.
        let input = try converted(to: outType)
        if dims.isEmpty && !keepdim && input.isContiguous, let out = try Tensor.meanOfAll(input) {
            let (inputShape, inputType, count) = (shape, dtype, input.count)
            guard GradMode.isEnabled && requiresGrad else { return out }
            out.recordGradient(backwardName, inputs: [self]) { grad, _ throws(TensorError) in
                let keptDims = [Int](repeating: 1, count: inputShape.count)
                let spread = try grad.expandReduced(keepdimShape: keptDims, to: inputShape)
                return [try spread.div(Tensor.wrapping(.int(Int64(count)))).gradient(in: inputType)]
            }
            return out
        }
        let plan = try input.reductionPlan(dims)
        let out = try Tensor(uninitializedShape: plan.outputShape(keepdim: keepdim), dtype: outType)
        Tensor.meanKernel(input, plan: plan, into: out)
        let (inputShape, inputType, keptDims, count) = (shape, dtype, plan.keepdimShape, plan.reducedCount)
        out.recordGradient(backwardName, inputs: [self]) { grad, _ throws(TensorError) in
            let spread = try grad.expandReduced(keepdimShape: keptDims, to: inputShape)
            return [try spread.div(Tensor.wrapping(.int(Int64(count)))).gradient(in: inputType)]
        }
        return out
    }

    /// The mean of every element of a contiguous floating-point tensor as a 0-d tensor, without planning a
    /// reduction (the small-tensor path); nil for other dtypes. It adds in memory order with a double accumulator,
    /// exactly as `meanKernel` does for a contiguous input, so both give the same bits.
    static func meanOfAll(_ input: Tensor) throws(TensorError) -> Tensor? {
        let count = input.count
        switch input.dtype {
        case .float32:
            let out = try Tensor(uninitializedShape: [], dtype: .float32)
            let src = input.pointer(as: Float.self)
            var sum = 0.0
            Interruption.forEachChunk(of: count) { range in for i in range { sum += Double(src[i]) } }
            out.pointer(as: Float.self).pointee = Float(sum) / Float(count)
            return out
        case .float64:
            let out = try Tensor(uninitializedShape: [], dtype: .float64)
            let src = input.pointer(as: Double.self)
            var sum = 0.0
            Interruption.forEachChunk(of: count) { range in for i in range { sum += src[i] } }
            out.pointer(as: Double.self).pointee = sum / Double(count)
            return out
        case .int64, .bool:
            return nil
        }
    }

    /// The dtype a mean is computed in, refusing integral inputs and requests as PyTorch does.
    private func meanType(_ requested: DType?) throws(TensorError) -> DType {
        let (which, type) = requested.map { ("Optional", $0) } ?? ("Input", dtype)
        guard type.isFloatingPoint else {
            throw .invalidArgument(op: "mean", detail: "mean(): could not infer output dtype. \(which) dtype must be "
                + "either a floating point or complex dtype. Got: \(type.scalarTypeName)")
        }
        return type
    }

    // NOTE: PyTorch rounds the sum to the output dtype and then divides, so we do too (dividing the double sum
    // first rounds differently more often). An empty reduction gives 0 / 0 = NaN, as in PyTorch.
    /// Writes the mean of each reduced group of a floating-point `input` into `out` (same dtype).
    static func meanKernel(_ input: Tensor, plan: ReductionPlan, into out: Tensor) {
        sumKernel(input, plan: plan, into: out)
        switch out.dtype {
        case .float32:
            let divisor = Float(plan.reducedCount)
            Elementwise.map(out, into: out) { (x: Float) in x / divisor }
        case .float64:
            let divisor = Double(plan.reducedCount)
            Elementwise.map(out, into: out) { (x: Double) in x / divisor }
        case .int64, .bool:
            break  // Means are only taken in floating point.
        }
    }
}
