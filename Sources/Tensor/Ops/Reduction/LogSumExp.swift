extension Tensor {
    /// `log(sum(exp(x)))` over `dims`, computed without overflow by factoring out the largest element; integers and
    /// bools are computed in the default float dtype (`torch.logsumexp`).
    public func logsumexp(dims: [Int], keepdim: Bool = false) throws(TensorError) -> Tensor {
        let plan = try reductionPlan(dims)
        if dims.isEmpty && !keepdim && rank > 0 {
            // PyTorch reduces everything for an empty dim list but then fails to write its 0-d result.
            throw .inPlaceShapeMismatch(output: [], broadcast: plan.keepdimShape)
        }
        let input = try converted(to: dtype.isFloatingPoint ? dtype : .defaultFloat)
        let rows = try input.reductionRows(plan)
        let out = try Tensor(uninitializedShape: plan.outputShape(keepdim: keepdim), dtype: input.dtype)
        switch input.dtype {
        case .float32: Tensor.logsumexpRows(Float.self, rows, length: plan.reducedCount, into: out)
        case .float64: Tensor.logsumexpRows(Double.self, rows, length: plan.reducedCount, into: out)
        case .int64, .bool: break  // Converted to floating point above.
        }
        let keptDims = plan.keepdimShape
        out.recordGradient("LogsumexpBackward0", inputs: [self], saving: [self, out]) {
            grad, saved throws(TensorError) in
            [try grad.reshape(keptDims).mul(saved[0].sub(saved[1].reshape(keptDims)).exp())]
        }
        return out
    }

    /// This tensor's elements with the reduced dimensions moved last and made contiguous, so each reduced group is
    /// one row of `plan.reducedCount` elements, rows in the order of the output. Records nothing.
    func reductionRows(_ plan: ReductionPlan) throws(TensorError) -> Tensor {
        // A 0-d tensor reduced over its dim 0 has no dimension to move.
        let order = (0..<rank).filter { !plan.dims.contains($0) } + plan.dims.filter { $0 < rank }
        let moved = makeView(shape: order.map { shape[$0] }, strides: order.map { strides[$0] }, offset: offset)
        return try moved.contiguousData()
    }

    // NOTE: as in PyTorch, exp(x - max) is taken in the element type and the log of the rounded sum is added back
    // to the max; an infinite max is replaced by 0 so that all -inf gives -inf and any +inf gives +inf. The sum
    // accumulates in double.
    private static func logsumexpRows<T: TensorFloat>(_: T.Type, _ rows: Tensor, length: Int, into out: Tensor) {
        let (src, dst) = (rows.pointer(as: T.self), out.pointer(as: T.self))
        for row in 0..<out.count {
            let x = src + row * length
            var largest = -T.infinity
            for k in 0..<length where x[k].isNaN || x[k] > largest { largest = x[k] }
            if largest.isInfinite { largest = 0 }
            var sum = 0.0
            for k in 0..<length { sum += Double(T.exp(x[k] - largest)) }
            dst[row] = T.log(T(sum)) + largest
        }
    }
}
