extension Tensor {
    /// Points this tensor at `source`'s elements (its storage, shape, layout and dtype) while keeping its own
    /// identity, autograd flags and grad (`t.data = source`). Nothing is recorded; later reads see `source`'s
    /// storage. This is also how a module's `to(dtype)` converts its parameters without replacing the objects an
    /// optimizer holds. A tensor that requires grad must stay floating point, as in PyTorch.
    public func setData_(_ source: Tensor) throws(TensorError) {
        if requiresGrad && !source.dtype.isFloatingPoint {
            throw .invalidArgument(op: "set_data", detail: "data set to a tensor that requires gradients must be "
                + "floating point or complex dtype")
        }
        storage = source.storage
        shape = source.shape
        strides = source.strides
        offset = source.offset
        dtype = source.dtype
        gradFnVersion = storage.version
    }
}
