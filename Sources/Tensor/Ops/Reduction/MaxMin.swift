extension Tensor {
    /// The largest element as a 0-d tensor; NaN if any element is NaN (`Tensor.max()`).
    public func max() throws(TensorError) -> Tensor { try extremum(isMax: true) }

    /// The smallest element as a 0-d tensor; NaN if any element is NaN (`Tensor.min()`).
    public func min() throws(TensorError) -> Tensor { try extremum(isMax: false) }

    /// The largest elements along `dim` and the first position of each (NaN counts as largest)
    /// (`Tensor.max(dim, keepdim)`).
    public func max(dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try extremum(dim: dim, keepdim: keepdim, isMax: true)
    }

    /// The smallest elements along `dim` and the first position of each (NaN counts as smallest)
    /// (`Tensor.min(dim, keepdim)`).
    public func min(dim: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try extremum(dim: dim, keepdim: keepdim, isMax: false)
    }

    /// The largest elements over `dims` (empty: every dimension); ties share the gradient (`Tensor.amax`).
    public func amax(dims: [Int] = [], keepdim: Bool = false) throws(TensorError) -> Tensor {
        try extremum(dims: dims, keepdim: keepdim, isMax: true)
    }

    /// The smallest elements over `dims` (empty: every dimension); ties share the gradient (`Tensor.amin`).
    public func amin(dims: [Int] = [], keepdim: Bool = false) throws(TensorError) -> Tensor {
        try extremum(dims: dims, keepdim: keepdim, isMax: false)
    }

    /// `max()` or `min()`: the gradient is shared evenly by every element equal to the result (every NaN, when the
    /// result is NaN).
    private func extremum(isMax: Bool) throws(TensorError) -> Tensor {
        let op = isMax ? "max" : "min"
        try checkReducible(op, dims: nil)
        let out = try Tensor(uninitializedShape: [], dtype: dtype)
        Tensor.extremumKernel(self, plan: try reductionPlan(nil), isMax: isMax, into: out)
        out.recordGradient(isMax ? "MaxBackward1" : "MinBackward1", inputs: [self], saving: [self, out]) {
            grad, saved throws(TensorError) in
            let (input, result) = (saved[0], saved[1])
            let mask = try result.item().doubleValue.isNaN ? input.isnan() : input.eq(result)
            return [try Tensor.where(mask, grad.div(mask.sum()), Tensor.wrapping(.int(0)))]
        }
        return out
    }

    /// `amax` or `amin`: the gradient of each output is split among the inputs equal to it.
    private func extremum(dims: [Int], keepdim: Bool, isMax: Bool) throws(TensorError) -> Tensor {
        let op = isMax ? "amax" : "amin"
        let plan = try reductionPlan(dims)
        try checkReducible(op, dims: dims, namesRawDim: true)
        let out = try Tensor(uninitializedShape: plan.outputShape(keepdim: keepdim), dtype: dtype)
        Tensor.extremumKernel(self, plan: plan, isMax: isMax, into: out)
        let (keptDims, reduced) = (plan.keepdimShape, plan.dims)
        out.recordGradient(isMax ? "AmaxBackward0" : "AminBackward0", inputs: [self], saving: [self, out]) {
            grad, saved throws(TensorError) in
            // A NaN result equals nothing, so its count is 0 and the gradient NaN, as in PyTorch.
            let mask = try saved[0].eq(saved[1].reshape(keptDims))
            let count = try mask.sum(dims: reduced, keepdim: true)
            return [try grad.reshape(keptDims).div(count).mul(mask)]
        }
        return out
    }

    /// `max(dim)` or `min(dim)`: values and indices, with the gradient going only to the chosen position.
    private func extremum(
        dim: Int, keepdim: Bool, isMax: Bool
    ) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let d = try Shape.normalize(dim: dim, rank: rank)
        try checkReducible(isMax ? "max" : "min", dims: [d])
        let plan = try reductionPlan([d])
        let indices = try Tensor(uninitializedShape: plan.outputShape(keepdim: keepdim), dtype: .int64)
        Tensor.positionKernel(self, plan: plan, isMax: isMax, into: indices)
        let values = try gathering(indices, along: d, keptShape: plan.keepdimShape)
            .reshape(plan.outputShape(keepdim: keepdim)).detach()
        let (inputShape, keptDims) = (shape, plan.keepdimShape)
        values.recordGradient(isMax ? "MaxBackward0" : "MinBackward0", inputs: [self], saving: [indices]) {
            grad, saved throws(TensorError) in
            let chosen = try Tensor.oneHot(positions: saved[0].reshape(keptDims), shape: inputShape, dim: d)
            return [try Tensor.where(chosen, grad.reshape(keptDims), Tensor.wrapping(.int(0)))]
        }
        return (values, indices)
    }

    /// The index of the largest element along `dim`, or of the flattened tensor when `dim` is nil; the first one on
    /// ties, and the first NaN if there is one (`Tensor.argmax`).
    public func argmax(dim: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try position(dim: dim, keepdim: keepdim, isMax: true)
    }

    /// The index of the smallest element along `dim`, or of the flattened tensor when `dim` is nil; the first one on
    /// ties, and the first NaN if there is one (`Tensor.argmin`).
    public func argmin(dim: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try position(dim: dim, keepdim: keepdim, isMax: false)
    }

    private func position(dim: Int?, keepdim: Bool, isMax: Bool) throws(TensorError) -> Tensor {
        let op = isMax ? "argmax" : "argmin"
        let dims = dim.map { [$0] }
        let plan = try reductionPlan(dims)
        if dtype == .bool {
            throw .invalidArgument(op: op, detail: "\(op)(): does not support bool input")
        }
        try checkReducible(op, dims: dims, argReduction: true)
        // Without a dim, keepdim keeps every dimension as size 1.
        let out = try Tensor(uninitializedShape: plan.outputShape(keepdim: keepdim), dtype: .int64)
        Tensor.positionKernel(self, plan: plan, isMax: isMax, into: out)
        return out
    }
}
