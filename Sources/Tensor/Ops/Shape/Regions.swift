extension Tensor {
    /// The raw view of `length` positions from `start` along `dim`: no autograd, no view bookkeeping. Kernels use it to
    /// write one input's block of a result, and backward passes to cut a gradient's block out.
    func region(dim: Int, start: Int, length: Int) -> Tensor {
        var newShape = shape
        newShape[dim] = length
        return Tensor(storage: storage, shape: newShape, strides: strides, offset: offset + start * strides[dim],
                      dtype: dtype)
    }

    /// The raw view of position `index` along `dim`, with that dimension removed (no autograd).
    func region(dim: Int, index: Int) -> Tensor {
        var (newShape, newStrides) = (shape, strides)
        newShape.remove(at: dim)
        newStrides.remove(at: dim)
        return Tensor(storage: storage, shape: newShape, strides: newStrides, offset: offset + index * strides[dim],
                      dtype: dtype)
    }

    /// The raw view with other geometry over the same storage (no autograd).
    func region(shape: [Int], strides: [Int], offset: Int) -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, offset: offset, dtype: dtype)
    }

    /// The backward of an op whose output is part of its input: zeros shaped like the input, with `grad` written into
    /// the part `part` cuts out of them.
    static func gradient(
        _ grad: Tensor, scatteredInto inputShape: [Int], part: (Tensor) -> Tensor
    ) throws(TensorError) -> Tensor {
        let full = try Tensor.zeros(inputShape, dtype: grad.dtype)
        Cast.copy(grad, into: part(full))
        return full
    }
}
