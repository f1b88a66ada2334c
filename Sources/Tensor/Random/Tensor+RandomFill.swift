/// In-place sampling (`uniform_`, `normal_`, `random_`, `exponential_`): each draws one value per element, in the
/// order PyTorch's CPU kernels visit elements, from `generator` or `Generator.default`.
extension Tensor {
    /// Fills with samples from the uniform distribution on [from, to) (`Tensor.uniform_`).
    @discardableResult
    public func uniform_(from: Double = 0, to: Double = 1, generator: Generator? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(resultShape: shape)
        try checkNoInternalOverlap()
        try RandomChecks.uniform(from: from, to: to, dtype: dtype)
        let g = generator ?? .default
        switch dtype {
        case .float32:
            let (low, high) = (Float(from), Float(to))
            try writeSamples(Float.self) { out in
                for i in out.indices {
                    let value = g.uniformFloat(from: low, to: high)
                    // NOTE: rounding can land exactly on `to`; PyTorch maps that back to `from` to keep [from, to).
                    out[i] = value == high ? low : value
                }
            }
        case .float64:
            try writeSamples(Double.self) { out in
                for i in out.indices {
                    let value = g.uniformDouble(from: from, to: to)
                    out[i] = value == to ? from : value
                }
            }
        case .bool, .int64:
            throw .notImplemented(op: "check_uniform_bounds", dtype: dtype)
        }
        finishRandomFill("UniformBackward0")
        return self
    }

    /// Fills with samples from the normal distribution N(mean, std²) (`Tensor.normal_`).
    ///
    /// Contiguous tensors of 16 or more elements take PyTorch's block Box-Muller path; smaller or strided ones draw
    /// pairs serially, reusing the generator's cached second sample.
    @discardableResult
    public func normal_(mean: Double = 0, std: Double = 1, generator: Generator? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(resultShape: shape)
        try checkNoInternalOverlap()
        try RandomChecks.normal(std: std, dtype: dtype)
        let g = generator ?? .default
        let blocks = count >= Generator.normalBlockThreshold && isContiguous
        switch dtype {
        case .float32:
            if blocks {
                let out = UnsafeMutableBufferPointer(start: pointer(as: Float.self), count: count)
                g.fillNormalBlocks(out, mean: Float(mean), std: Float(std))
            } else {
                try writeSamples(Float.self) { out in
                    for i in out.indices { out[i] = Float(g.normalDouble(mean: mean, std: std)) }
                }
            }
        case .float64:
            if blocks {
                let out = UnsafeMutableBufferPointer(start: pointer(as: Double.self), count: count)
                g.fillNormalBlocks(out, mean: mean, std: std)
            } else {
                try writeSamples(Double.self) { out in
                    for i in out.indices { out[i] = g.normalDouble(mean: mean, std: std) }
                }
            }
        case .bool, .int64:
            throw .notImplemented(op: "normal_kernel_cpu", dtype: dtype)
        }
        finishRandomFill("NormalBackward0")
        return self
    }

    /// Fills with integers drawn uniformly from [from, to) (`Tensor.random_(from, to)`).
    @discardableResult
    public func random_(from: Int64, to: Int64, generator: Generator? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(resultShape: shape)
        try checkNoInternalOverlap()
        let (low, high) = try RandomChecks.randomRange(from: from, to: to, dtype: dtype)
        let g = generator ?? .default
        let range = UInt64(bitPattern: high &- low)
        // PyTorch switches to 64-bit draws for wide ranges, but never for bool.
        let wide = range >= 1 << 32 && dtype != .bool
        try writeSamples(Int64.self) { out in
            for i in out.indices { out[i] = g.uniformInt(range: range, base: low, wide: wide) }
        }
        finishRandomFill("RandomBackward0")
        return self
    }

    /// Fills with samples from the exponential distribution of rate `lambda` (`Tensor.exponential_`).
    @discardableResult
    public func exponential_(lambda: Double = 1, generator: Generator? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(resultShape: shape)
        try checkNoInternalOverlap()
        try RandomChecks.exponential(lambda: lambda, dtype: dtype)
        let g = generator ?? .default
        switch dtype {
        case .float32:
            try writeSamples(Float.self) { out in
                for i in out.indices { out[i] = Float(g.exponentialDouble(lambda: lambda)) }
            }
        case .float64:
            try writeSamples(Double.self) { out in
                for i in out.indices { out[i] = g.exponentialDouble(lambda: lambda) }
            }
        case .bool, .int64:
            break
        }
        finishRandomFill("ExponentialBackward0")
        return self
    }

    /// Runs `generate` on a buffer of `count` elements of type `T` in visiting order and stores them: straight into
    /// this tensor's memory when it is contiguous and of dtype `T`, through a cast and scatter otherwise.
    @inline(__always)
    func writeSamples<T: TensorElement>(
        _ type: T.Type, _ generate: (UnsafeMutableBufferPointer<T>) -> Void
    ) throws(TensorError) {
        if isContiguous && dtype == T.dtype {
            generate(UnsafeMutableBufferPointer(start: pointer(as: T.self), count: count))
            return
        }
        let samples = try Tensor(uninitializedShape: [count], dtype: T.dtype)
        generate(UnsafeMutableBufferPointer(start: samples.pointer(as: T.self), count: count))
        storeInIterationOrder(samples)
    }

    /// Marks the write and records a gradient of zero for the overwritten values, as PyTorch's `*Backward0` nodes of
    /// random fills do.
    func finishRandomFill(_ name: String) {
        bumpVersion()
        recordInPlace(name, inputs: []) { grad, _ throws(TensorError) in [try Tensor.zeros(like: grad)] }
    }
}
