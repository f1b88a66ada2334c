/// Bernoulli sampling (`bernoulli_` with a scalar or a tensor of probabilities, and `torch.bernoulli`).
///
/// PyTorch's pip CPU build has no MKL random streams compiled in, so every form draws from the generator itself:
/// a scalar `p` compares one 53-bit uniform per element, a float32 probability tensor one 24-bit uniform, a
/// float64 one a 53-bit uniform.
extension Tensor {
    /// Sets each element to 1 with probability `p`, else 0 (`Tensor.bernoulli_(p)`).
    @discardableResult
    public func bernoulli_(p: Double = 0.5, generator: Generator? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(resultShape: shape)
        try checkNoInternalOverlap()
        try RandomChecks.bernoulli(p: p)
        let g = generator ?? .default
        try writeSamples(Bool.self) { out in
            for i in out.indices { out[i] = g.bernoulliDouble(p) }
        }
        finishRandomFill("BernoulliBackward2")
        return self
    }

    /// Sets each element to 1 with the probability at the same position of `p`, broadcast to this tensor's shape
    /// (`Tensor.bernoulli_(p)` with a tensor).
    @discardableResult
    public func bernoulli_(p: Tensor, generator: Generator? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(resultShape: shape)
        try checkNoInternalOverlap()
        guard p.dtype.isFloatingPoint else { throw .notImplemented(op: "bernoulli_tensor_cpu_p_", dtype: p.dtype) }
        _ = try p.detach().expand(shape)
        let probabilities = try p.valuesInIterationOrder(ofShape: shape, strides: strides)
        let g = generator ?? .default
        let samples = try Tensor(uninitializedShape: [count], dtype: .bool)
        let out = samples.pointer(as: Bool.self)
        switch p.dtype {
        case .float32:
            let source = probabilities.pointer(as: Float.self)
            for i in 0..<count {
                let chance = source[i]
                guard chance >= 0 && chance <= 1 else {
                    throw .invalidArgument(op: "bernoulli_", detail: RandomChecks.bernoulliTensorMessage)
                }
                out[i] = g.bernoulliFloat(chance)
            }
        case .float64:
            let source = probabilities.pointer(as: Double.self)
            for i in 0..<count {
                let chance = source[i]
                guard chance >= 0 && chance <= 1 else {
                    throw .invalidArgument(op: "bernoulli_", detail: RandomChecks.bernoulliTensorMessage)
                }
                out[i] = g.bernoulliDouble(chance)
            }
        case .bool, .int64:
            break
        }
        storeInIterationOrder(samples)
        bumpVersion()
        let (pShape, pDType) = (p.shape, p.dtype)
        recordInPlace("BernoulliBackward1", inputs: [p]) { grad, _ throws(TensorError) in
            [try Tensor.zeros(like: grad), try Tensor.zeros(pShape, dtype: pDType)]
        }
        return self
    }

    /// A tensor of 0s and 1s where each element is 1 with the probability this tensor holds there
    /// (`torch.bernoulli(input)`).
    public func bernoulli(generator: Generator? = nil) throws(TensorError) -> Tensor {
        let out = try emptyPreservingLayout()
        try out.bernoulli_(p: detach(), generator: generator)
        out.recordGradient("BernoulliBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try Tensor.zeros(like: grad)]
        }
        return out
    }

    /// A tensor shaped like this one whose elements are 1 with probability `p` (`torch.bernoulli(input, p)`).
    public func bernoulli(p: Double, generator: Generator? = nil) throws(TensorError) -> Tensor {
        try emptyPreservingLayout().bernoulli_(p: p, generator: generator)
    }
}
