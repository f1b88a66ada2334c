extension Tensor {
    /// A tensor of the same values converted to `dtype`; `self` when the dtype already matches (PyTorch's `to`).
    public func to(_ dtype: DType, copy: Bool = false) throws(TensorError) -> Tensor {
        if dtype == self.dtype && !copy { return self }
        let out = try Tensor(uninitializedShape: shape, dtype: dtype)
        Cast.copy(self, into: out)
        if dtype.isFloatingPoint {
            out.recordGradient("ToCopyBackward0", inputs: [self]) { [sourceDType = self.dtype] grad, _ throws(TensorError) in
                [try grad.to(sourceDType)]
            }
        }
        return out
    }

    /// `to(.float32)`.
    public func float() throws(TensorError) -> Tensor { try to(.float32) }
    /// `to(.float64)`.
    public func double() throws(TensorError) -> Tensor { try to(.float64) }
    /// `to(.int64)`.
    public func long() throws(TensorError) -> Tensor { try to(.int64) }
    /// `to(.bool)`.
    public func bool() throws(TensorError) -> Tensor { try to(.bool) }

    /// A contiguous tensor with the same values: `self` if already contiguous.
    public func contiguous() throws(TensorError) -> Tensor {
        isContiguous ? self : try clone()
    }

    /// A copy with its own contiguous storage, differentiable (`CloneBackward0`).
    public func clone() throws(TensorError) -> Tensor {
        let out = try contiguousCopy()
        out.recordGradient("CloneBackward0", inputs: [self]) { grad, _ in [grad] }
        return out
    }

    /// A contiguous copy that records nothing.
    func contiguousCopy() throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: shape, dtype: dtype)
        Cast.copy(self, into: out)
        return out
    }

    /// Copies `source` (broadcast, converted) into this tensor's elements, writing through views (`Tensor.copy_`).
    @discardableResult
    public func copy_(_ source: Tensor) throws(TensorError) -> Tensor {
        try checkElementwiseInPlace(resultShape: try Shape.broadcast(shape, source.shape))
        Cast.copy(source, into: self)
        bumpVersion()
        let (sourceShape, sourceDType) = (source.shape, source.dtype)
        recordInPlace("CopyBackwards", inputs: [source]) { grad, _ throws(TensorError) in
            // The overwritten values get a zero gradient, as PyTorch's CopyBackwards gives them.
            [try Tensor.zeros(like: grad), try grad.sumToShape(sourceShape).to(sourceDType)]
        }
        return self
    }
}
