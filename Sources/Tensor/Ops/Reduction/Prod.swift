extension Tensor {
    /// The product of all elements (`Tensor.prod()`); integers and bools multiply as int64.
    public func prod(dtype: DType? = nil) throws(TensorError) -> Tensor {
        try prod(dims: nil, keepdim: false, dtype: dtype, backwardName: "ProdBackward0")
    }

    /// The products along `dim` (`Tensor.prod(dim, keepdim)`).
    public func prod(dim: Int, keepdim: Bool = false, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try prod(dims: [dim], keepdim: keepdim, dtype: dtype, backwardName: "ProdBackward1")
    }

    private func prod(dims: [Int]?, keepdim: Bool, dtype requested: DType?, backwardName: String)
        throws(TensorError) -> Tensor
    {
        let (out, input, plan) = try accumulatingReduction(
            dims, keepdim: keepdim, dtype: requested, kernel: Tensor.prodKernel)
        guard out.dtype.isFloatingPoint else { return out }
        // The dim of a one-dimensional view of the input, for the full product.
        let (inputShape, inputType, keptDims) = (shape, dtype, plan.keepdimShape)
        let dim = plan.dims.count == 1 ? plan.dims[0] : nil
        out.recordGradient(backwardName, inputs: [self], saving: [input, out]) { grad, saved throws(TensorError) in
            let (input, result) = (saved[0], saved[1])
            if input.rank == 0 { return [try grad.gradient(in: inputType)] }
            let spread = try grad.reshape(keptDims)
            if try !input.containsZero() {
                return [try spread.mul(result.reshape(keptDims).div(input)).gradient(in: inputType)]
            }
            // NOTE: with a zero in a slice, result / input is 0 / 0; the product of the other elements is exact.
            // It is taken as a constant, so gradients of this gradient (create_graph) miss its own derivative.
            let others: Tensor
            if let dim {
                others = try Tensor.productOfOthers(input, dim: dim)
            } else {
                others = try Tensor.productOfOthers(input.reshape([-1]), dim: 0).reshape(inputShape)
            }
            return [try spread.mul(others).gradient(in: inputType)]
        }
        return out
    }

    // NOTE: float32 products accumulate in double like sums, so they can pass through values float32 cannot hold
    // (1e30 * 1e30 * 1e-30 gives 1e30, where PyTorch's float accumulator may give inf).
    /// Writes the product of each reduced group into `out` (same dtype as `input`).
    static func prodKernel(_ input: Tensor, plan: ReductionPlan, into out: Tensor) {
        switch input.dtype {
        case .float32:
            plan.run(input, into: out, initial: 1.0, combine: { (acc: inout Double, x: Float, _) in acc *= Double(x) },
                     finish: { Float($0) })
        case .float64:
            plan.run(input, into: out, initial: 1.0, combine: { (acc: inout Double, x: Double, _) in acc *= x },
                     finish: { $0 })
        case .int64:
            plan.run(input, into: out, initial: Int64(1), combine: { (acc: inout Int64, x: Int64, _) in acc &*= x },
                     finish: { $0 })
        case .bool:
            plan.run(input, into: out, initial: true, combine: { (acc: inout Bool, x: Bool, _) in acc = acc && x },
                     finish: { $0 })
        }
    }

    /// For each element, the product of the other elements of its slice along `dim`, from prefix and suffix
    /// products (no division, so zeros are handled exactly). Records nothing.
    static func productOfOthers(_ input: Tensor, dim: Int) throws(TensorError) -> Tensor {
        let source = try input.contiguousData()
        let out = try Tensor(uninitializedShape: input.shape, dtype: input.dtype)
        let layout = AxisLayout(shape: input.shape, dim: dim)
        switch input.dtype {
        case .float32: productOfOthers(Float.self, source, layout, into: out)
        case .float64: productOfOthers(Double.self, source, layout, into: out)
        case .int64, .bool: break  // Only floating-point products have gradients.
        }
        return out
    }

    private static func productOfOthers<T: TensorFloat>(
        _: T.Type, _ source: Tensor, _ layout: AxisLayout, into out: Tensor
    ) {
        let (src, dst) = (source.pointer(as: T.self), out.pointer(as: T.self))
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Swift.max(layout.size, 1)) { prefixes in
            for o in 0..<layout.outer {
                for i in 0..<layout.inner {
                    var prefix = 1.0
                    for k in 0..<layout.size {
                        prefixes[k] = prefix
                        prefix *= Double(src[layout.offset(outer: o, inner: i, at: k)])
                    }
                    var suffix = 1.0
                    for k in stride(from: layout.size - 1, through: 0, by: -1) {
                        let at = layout.offset(outer: o, inner: i, at: k)
                        dst[at] = T(prefixes[k] * suffix)
                        suffix *= Double(src[at])
                    }
                }
            }
        }
    }
}
