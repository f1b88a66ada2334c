extension Tensor {
    /// Whether every element is nonzero (NaN counts as nonzero), as a 0-d bool tensor (`Tensor.all()`).
    public func all() throws(TensorError) -> Tensor { try truth(dims: nil, keepdim: false, every: true) }

    /// Whether every element over `dims` is nonzero; an empty list reduces nothing, as in PyTorch
    /// (`Tensor.all(dim, keepdim)`).
    public func all(dims: [Int], keepdim: Bool = false) throws(TensorError) -> Tensor {
        try truth(dims: dims, keepdim: keepdim, every: true)
    }

    /// Whether any element is nonzero (NaN counts as nonzero), as a 0-d bool tensor (`Tensor.any()`).
    public func any() throws(TensorError) -> Tensor { try truth(dims: nil, keepdim: false, every: false) }

    /// Whether any element over `dims` is nonzero; an empty list reduces nothing, as in PyTorch
    /// (`Tensor.any(dim, keepdim)`).
    public func any(dims: [Int], keepdim: Bool = false) throws(TensorError) -> Tensor {
        try truth(dims: dims, keepdim: keepdim, every: false)
    }

    private func truth(dims: [Int]?, keepdim: Bool, every: Bool) throws(TensorError) -> Tensor {
        let plan = try reductionPlan(dims)
        if let dims, dims.isEmpty {
            let out = try Tensor(uninitializedShape: shape, dtype: .bool)
            Cast.copy(self, into: out)
            return out
        }
        let out = try Tensor(uninitializedShape: plan.outputShape(keepdim: keepdim), dtype: .bool)
        switch dtype {
        case .float32: Tensor.truthKernel(Float(0), self, plan: plan, every: every, into: out)
        case .float64: Tensor.truthKernel(Double(0), self, plan: plan, every: every, into: out)
        case .int64: Tensor.truthKernel(Int64(0), self, plan: plan, every: every, into: out)
        case .bool: Tensor.truthKernel(false, self, plan: plan, every: every, into: out)
        }
        return out
    }

    private static func truthKernel<T: TensorElement>(
        _ zero: T, _ input: Tensor, plan: ReductionPlan, every: Bool, into out: Tensor
    ) {
        if every {
            plan.run(input, into: out, initial: true,
                     combine: { (acc: inout Bool, x: T, _) in if x == zero { acc = false } }, finish: { $0 })
        } else {
            plan.run(input, into: out, initial: false,
                     combine: { (acc: inout Bool, x: T, _) in if x != zero { acc = true } }, finish: { $0 })
        }
    }

    /// The number of nonzero elements over `dims` (nil or empty: every element), as int64
    /// (`torch.count_nonzero`).
    public func countNonzero(dims: [Int]? = nil) throws(TensorError) -> Tensor {
        let plan = try reductionPlan(dims)
        let out = try Tensor(uninitializedShape: plan.keptShape, dtype: .int64)
        switch dtype {
        case .float32: Tensor.countKernel(Float(0), self, plan: plan, into: out)
        case .float64: Tensor.countKernel(Double(0), self, plan: plan, into: out)
        case .int64: Tensor.countKernel(Int64(0), self, plan: plan, into: out)
        case .bool: Tensor.countKernel(false, self, plan: plan, into: out)
        }
        return out
    }

    private static func countKernel<T: TensorElement>(
        _ zero: T, _ input: Tensor, plan: ReductionPlan, into out: Tensor
    ) {
        plan.run(input, into: out, initial: Int64(0),
                 combine: { (n: inout Int64, x: T, _) in if x != zero { n += 1 } }, finish: { $0 })
    }
}
