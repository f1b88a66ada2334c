extension Tensor {
    /// The raw view of `length` positions from `start`, `step` apart, along `dim`: no autograd, no view bookkeeping.
    /// Kernels use it to write one input's block of a result, and backward passes to cut a gradient's block out.
    func region(dim: Int, start: Int, length: Int, step: Int = 1) -> Tensor {
        var (newShape, newStrides) = (shape, strides)
        newShape[dim] = length
        newStrides[dim] = strides[dim] * step
        return Tensor(storage: storage, shape: newShape, strides: newStrides, offset: offset + start * strides[dim],
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
    ///
    /// When the gradient itself is being differentiated (`create_graph`), the result records `name`, whose backward
    /// cuts the same part out of its incoming gradient, as PyTorch's `SliceBackwardBackward0` and friends do.
    static func gradient(
        _ grad: Tensor, scatteredInto inputShape: [Int], name: String, part: @escaping (Tensor) -> Tensor
    ) throws(TensorError) -> Tensor {
        let full = try Tensor.zeros(inputShape, dtype: grad.dtype)
        Cast.copy(grad, into: part(full))
        full.recordGradient(name, inputs: [grad]) { outer, _ throws(TensorError) in
            [try part(outer).contiguousCopy()]
        }
        return full
    }
}
