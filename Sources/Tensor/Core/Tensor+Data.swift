extension Tensor {
    /// Points this tensor at another tensor's data (`t.data = other`): storage, shape, strides and dtype are
    /// replaced while autograd identity (`requires_grad`, `grad`, being a parameter) stays. This is how a module's
    /// `to(dtype)` converts its parameters without replacing the objects an optimizer holds.
    ///
    /// A tensor that requires grad must stay floating point, as in PyTorch (which also lets a computed tensor be
    /// re-pointed; its history then describes the old values).
    public func setData(_ other: Tensor) throws(TensorError) {
        if requiresGrad && !other.dtype.isFloatingPoint {
            throw .invalidArgument(op: "set_data",
                                   detail: "data set to a tensor that requires gradients must be floating point or complex dtype")
        }
        storage = other.storage
        shape = other.shape
        strides = other.strides
        offset = other.offset
        dtype = other.dtype
        gradFnVersion = storage.version
    }
}
