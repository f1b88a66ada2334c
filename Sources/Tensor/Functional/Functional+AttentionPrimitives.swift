extension Tensor {
    /// `self * factor` for a number given from C++ rather than Python (`mul.Scalar`, `MulBackward1`), as PyTorch's
    /// attention code scales the query and key.
    func scaledByScalar(_ factor: Double) throws(TensorError) -> Tensor {
        let out = try GradMode.with(enabled: false) { () throws(TensorError) in
            try mul(Tensor.wrapping(.float(factor)))
        }
        guard out.dtype.isFloatingPoint else { return out }
        out.recordGradient("MulBackward1", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.mul(Tensor.wrapping(.float(factor)))]
        }
        return out
    }

    /// Softmax along `dim` that gives zeros, not NaNs, for a slice whose every element is -inf (PyTorch's
    /// `_safe_softmax`, `SafeSoftmaxBackward0`), which scaled dot-product attention applies so that a query with
    /// every key masked attends to nothing.
    func safeSoftmax(dim: Int) throws(TensorError) -> Tensor {
        let d = try Shape.normalize(dim: dim, rank: rank)
        let out = try GradMode.with(enabled: false) { () throws(TensorError) in try softmax(dim: d).contiguous() }
        if out.count > 0 && out.dtype.isFloatingPoint {
            let input = try contiguousData()
            switch out.dtype {
            case .float32: Self.zeroMaskedSlices(input.pointer(as: Float.self), out.pointer(as: Float.self), d, shape)
            case .float64:
                Self.zeroMaskedSlices(input.pointer(as: Double.self), out.pointer(as: Double.self), d, shape)
            case .int64, .bool: break
            }
        }
        out.recordGradient("SafeSoftmaxBackward0", inputs: [self], saving: [out]) { grad, saved throws(TensorError) in
            [try Tensor.softmaxBackward(grad, output: saved[0], dim: d, log: false)]
        }
        return out
    }

    /// Zeroes the softmax of every slice along `dim` whose inputs are all -inf.
    private static func zeroMaskedSlices<T: TensorFloat>(
        _ x: UnsafeMutablePointer<T>, _ y: UnsafeMutablePointer<T>, _ dim: Int, _ shape: [Int]
    ) {
        let layout = AxisLayout(shape: shape, dim: dim)
        for o in 0..<layout.outer {
            for i in 0..<layout.inner {
                var allMasked = true
                for k in 0..<layout.size where x[layout.offset(outer: o, inner: i, at: k)] != -T.infinity {
                    allMasked = false
                    break
                }
                guard allMasked else { continue }
                for k in 0..<layout.size { y[layout.offset(outer: o, inner: i, at: k)] = 0 }
            }
        }
    }
}
