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

extension Tensor {
    /// Softmax over the last dimension of freshly computed attention scores (`SoftmaxBackward0`), through the fused
    /// kernel's vectorised rows: in place when nothing is recorded, so the weights cost no second L × S buffer. A row
    /// of -inf gives NaN, as `softmax` does.
    func attentionWeightsSoftmax() throws(TensorError) -> Tensor {
        guard dtype.isFloatingPoint, rank >= 1, isContiguous, count > 0 else { return try softmax(dim: -1) }
        let recording = GradMode.isEnabled && requiresGrad
        let out = recording ? try Tensor(uninitializedShape: shape, dtype: dtype) : self
        if recording { Cast.copy(self, into: out) }
        let width = shape[rank - 1]
        switch dtype {
        case .float32: Self.softmaxRows(out.pointer(as: Float.self), rows: count / width, width: width)
        case .float64: Self.softmaxRows(out.pointer(as: Double.self), rows: count / width, width: width)
        case .int64, .bool: break
        }
        if recording {
            let dim = rank - 1
            out.recordGradient("SoftmaxBackward0", inputs: [self], saving: [out]) { grad, saved throws(TensorError) in
                [try Tensor.softmaxBackward(grad, output: saved[0], dim: dim, log: false)]
            }
        } else {
            bumpVersion()
        }
        return out
    }

    private static func softmaxRows<T: AttentionElement>(_ data: UnsafeMutablePointer<T>, rows: Int, width: Int) {
        // A row is at most a few thousand elements; looking at the flag per row keeps Ctrl-C prompt on L x S weights.
        for row in 0..<rows {
            if Interruption.isRequested { return }
            _ = AttentionKernel<T>.softmaxInPlace(data + row * width, width, nanIfMasked: true)
        }
    }

    /// The mean over dimension 1 of `[N, heads, L, S]` weights, summed head by head into one `[N, L, S]` buffer
    /// (unrecorded: for inference, where `mean` would accumulate through a buffer of doubles as large again).
    func averagingHeads() throws(TensorError) -> Tensor {
        guard rank == 4, isContiguous, dtype.isFloatingPoint, !(GradMode.isEnabled && requiresGrad) else {
            return try mean(dims: [1])
        }
        let (batch, heads, plane) = (shape[0], shape[1], shape[2] * shape[3])
        let out = try Tensor(zerosShape: [batch, shape[2], shape[3]], dtype: dtype)
        switch dtype {
        case .float32: Self.averageHeads(pointer(as: Float.self), out.pointer(as: Float.self), batch, heads, plane)
        case .float64: Self.averageHeads(pointer(as: Double.self), out.pointer(as: Double.self), batch, heads, plane)
        case .int64, .bool: break
        }
        return out
    }

    private static func averageHeads<T: TensorFloat>(
        _ x: UnsafeMutablePointer<T>, _ y: UnsafeMutablePointer<T>, _ batch: Int, _ heads: Int, _ plane: Int
    ) {
        for b in 0..<batch {
            let target = y + b * plane
            for h in 0..<heads {
                let source = x + (b * heads + h) * plane
                for j in 0..<plane { target[j] += source[j] }
            }
            let divisor = T(heads)
            for j in 0..<plane { target[j] /= divisor }
        }
    }
}
