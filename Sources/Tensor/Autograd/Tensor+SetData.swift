extension Tensor {
    /// Points this tensor at `source`'s elements (its storage, shape and layout) while keeping its own identity,
    /// autograd flags and grad (`t.data = source`). Nothing is recorded; later reads see `source`'s storage.
    public func setData_(_ source: Tensor) throws(TensorError) {
        guard source.dtype == dtype else {
            if requiresGrad && !source.dtype.isFloatingPoint {
                throw .invalidArgument(op: "set_data", detail: "data set to a tensor that requires gradients must be "
                    + "floating point or complex dtype")
            }
            throw .invalidArgument(op: "set_data", detail: "t.data = x needs x of the tensor's dtype "
                + "(\(dtype.scalarTypeName)) in Attend, but x is \(source.dtype.scalarTypeName); use x.to(t.dtype)")
        }
        storage = source.storage
        shape = source.shape
        strides = source.strides
        offset = source.offset
    }
}
