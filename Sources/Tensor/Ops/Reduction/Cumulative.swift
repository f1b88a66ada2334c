extension Tensor {
    /// Running sums along `dim`; integers and bools sum as int64 unless `dtype` says otherwise (`Tensor.cumsum`).
    public func cumsum(dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let d = try Shape.normalize(dim: dim, rank: rank)
        let input = try scanInput(dtype, op: "cumsum_out_cpu")
        let out = try Tensor(uninitializedShape: shape, dtype: input.dtype)
        Tensor.scanKernel(input, dim: d, product: false, reverse: false, into: out)
        guard out.dtype.isFloatingPoint else { return out }
        let inputType = self.dtype
        out.recordGradient("CumsumBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.reverseCumsum(dim: d).gradient(in: inputType)]
        }
        return out
    }

    /// Running products along `dim`; integers and bools multiply as int64 unless `dtype` says otherwise
    /// (`Tensor.cumprod`).
    public func cumprod(dim: Int, dtype: DType? = nil) throws(TensorError) -> Tensor {
        let d = try Shape.normalize(dim: dim, rank: rank)
        let input = try scanInput(dtype, op: "cumprod_out_cpu")
        let out = try Tensor(uninitializedShape: shape, dtype: input.dtype)
        Tensor.scanKernel(input, dim: d, product: true, reverse: false, into: out)
        guard out.dtype.isFloatingPoint else { return out }
        let inputType = self.dtype
        out.recordGradient("CumprodBackward0", inputs: [self], saving: [input, out]) {
            grad, saved throws(TensorError) in
            let (input, output) = (saved[0], saved[1])
            if try !input.containsZero() {
                // d out_k / d x_i = out_k / x_i for every k >= i.
                return [try grad.mul(output).reverseCumsum(dim: d).div(input).gradient(in: inputType)]
            }
            // NOTE: with zeros, out / x is 0 / 0; the exact kernel is taken as a constant, so gradients of this
            // gradient (create_graph) miss its own derivative.
            return [try Tensor.cumprodGradientWithZeros(grad, input: input, dim: d).gradient(in: inputType)]
        }
        return out
    }

    /// Running sums from the end of `dim` backwards: the gradient of `cumsum`, and differentiable in turn (PyTorch
    /// computes it as `flip(cumsum(flip(x)))`, hence the name).
    func reverseCumsum(dim: Int) throws(TensorError) -> Tensor {
        let input = try contiguousData()
        let out = try Tensor(uninitializedShape: shape, dtype: dtype)
        Tensor.scanKernel(input, dim: dim, product: false, reverse: true, into: out)
        out.recordGradient("FlipBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.cumsum(dim: dim)]
        }
        return out
    }

    /// The contiguous input of a scan in its result dtype, refusing a bool result as PyTorch does.
    private func scanInput(_ requested: DType?, op: String) throws(TensorError) -> Tensor {
        let outType = requested ?? (dtype.isFloatingPoint ? dtype : .int64)
        if outType == .bool { throw .notImplemented(op: op, dtype: .bool) }
        try checkDifferentiable(resultType: outType)
        return try converted(to: outType).contiguousData()
    }

    // NOTE: float32 scans accumulate in double and round each output, as PyTorch's CPU kernel does.
    /// Writes the running sums (or products) of the contiguous `input` along `dim` into `out` (same dtype),
    /// from the end when `reverse`.
    static func scanKernel(_ input: Tensor, dim: Int, product: Bool, reverse: Bool, into out: Tensor) {
        // An empty tensor may still claim sizes whose product overflows (`zeros(0, 2**62, 2**62)`): nothing to walk.
        guard input.count > 0 else { return }
        let layout = AxisLayout(shape: input.shape, dim: dim)
        switch (input.dtype, product) {
        case (.float32, false):
            scan(Float.self, input, layout, reverse, out, initial: 0.0) { (acc: Double, x: Float) in acc + Double(x) }
        case (.float32, true):
            scan(Float.self, input, layout, reverse, out, initial: 1.0) { (acc: Double, x: Float) in acc * Double(x) }
        case (.float64, false):
            scan(Double.self, input, layout, reverse, out, initial: 0.0) { (acc: Double, x: Double) in acc + x }
        case (.float64, true):
            scan(Double.self, input, layout, reverse, out, initial: 1.0) { (acc: Double, x: Double) in acc * x }
        case (.int64, false):
            let (src, dst) = (input.pointer(as: Int64.self), out.pointer(as: Int64.self))
            scanLoop(src, dst, layout, reverse, Int64(0), { (acc: Int64, x: Int64) in acc &+ x }, { $0 })
        case (.int64, true):
            let (src, dst) = (input.pointer(as: Int64.self), out.pointer(as: Int64.self))
            scanLoop(src, dst, layout, reverse, Int64(1), { (acc: Int64, x: Int64) in acc &* x }, { $0 })
        case (.bool, _):
            break  // Scans run in int64 or floating point.
        }
    }

    @inline(__always)
    private static func scan<T: TensorFloat>(
        _: T.Type, _ input: Tensor, _ layout: AxisLayout, _ reverse: Bool, _ out: Tensor,
        initial: Double, _ combine: (Double, T) -> Double
    ) {
        scanLoop(input.pointer(as: T.self), out.pointer(as: T.self), layout, reverse, initial, combine) { T($0) }
    }

    /// The scan itself: one accumulator per interleaved slice, walked along the dimension.
    @inline(__always)
    private static func scanLoop<T, Accumulator>(
        _ src: UnsafeMutablePointer<T>, _ dst: UnsafeMutablePointer<T>, _ layout: AxisLayout, _ reverse: Bool,
        _ initial: Accumulator, _ combine: (Accumulator, T) -> Accumulator, _ finish: (Accumulator) -> T
    ) {
        let (size, inner) = (layout.size, layout.inner)
        withUnsafeTemporaryAllocation(of: Accumulator.self, capacity: Swift.max(inner, 1)) { acc in
            for o in 0..<layout.outer {
                acc.initialize(repeating: initial)
                for step in 0..<size {
                    // Ctrl-C is looked at every few thousand rows: a long scan stops early, as other kernels do.
                    if step & 0xfff == 0 && Interruption.isRequested { return }
                    let k = reverse ? size - 1 - step : step
                    let row = layout.offset(outer: o, inner: 0, at: k)
                    for i in 0..<inner {
                        acc[i] = combine(acc[i], src[row + i])
                        dst[row + i] = finish(acc[i])
                    }
                }
            }
        }
    }

    /// The gradient of `cumprod` for a tensor with zeros, exactly.
    ///
    /// With the first zero of a slice at `z` (`z` = the slice's length if it has none): positions before it get `sum_{i<=k<z} g_k out_k / x_i` (nothing
    /// after `z` depends on them except through the zero); position `z` gets `sum_{k>=z} g_k prod_{j<=k, j!=z} x_j`;
    /// positions after it get 0, since every output that depends on them is multiplied by the zero.
    static func cumprodGradientWithZeros(_ grad: Tensor, input: Tensor, dim: Int) throws(TensorError) -> Tensor {
        let (g, x) = (try grad.contiguousData(), try input.contiguousData())
        let out = try Tensor(zerosShape: input.shape, dtype: input.dtype)
        let layout = AxisLayout(shape: input.shape, dim: dim)
        switch input.dtype {
        case .float32: cumprodGradient(Float.self, g, x, layout, into: out)
        case .float64: cumprodGradient(Double.self, g, x, layout, into: out)
        case .int64, .bool: break  // Only floating-point scans have gradients.
        }
        return out
    }

    private static func cumprodGradient<T: TensorFloat>(
        _: T.Type, _ grad: Tensor, _ input: Tensor, _ layout: AxisLayout, into out: Tensor
    ) {
        let (g, x, dst) = (grad.pointer(as: T.self), input.pointer(as: T.self), out.pointer(as: T.self))
        let (size, step) = (layout.size, layout.inner)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Swift.max(size, 1)) { outputs in
            for o in 0..<layout.outer {
                for i in 0..<layout.inner {
                    let base = layout.offset(outer: o, inner: i, at: 0)
                    var zero = 0
                    while zero < size && x[base + zero * step] != 0 { zero += 1 }
                    // Before the zero (everywhere, in a slice without one): a reverse running sum of g_k * out_k,
                    // divided by x_i.
                    var product = 1.0
                    for k in 0..<zero {
                        product *= Double(x[base + k * step])
                        outputs[k] = product
                    }
                    var running = 0.0
                    for k in stride(from: zero - 1, through: 0, by: -1) {
                        running += Double(g[base + k * step]) * outputs[k]
                        dst[base + k * step] = T(running / Double(x[base + k * step]))
                    }
                    guard zero < size else { continue }
                    // At the zero: the products that skip it.
                    var skipping = product
                    var total = Double(g[base + zero * step]) * skipping
                    for k in (zero + 1)..<Swift.max(zero + 1, size) {
                        skipping *= Double(x[base + k * step])
                        total += Double(g[base + k * step]) * skipping
                    }
                    dst[base + zero * step] = T(total)
                }
            }
        }
    }
}
