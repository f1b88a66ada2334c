/// The fused softmax and log-softmax kernels over contiguous tensors, following PyTorch's CPU kernels step for step
/// so that float32 results agree to the last bit or two.
///
/// Both take the slice's maximum (NaN if the slice holds one), then `exp(x - max)` in the element type. PyTorch has
/// two kernels, chosen by whether `dim` is the last dimension:
/// - last dim: the exponentials are summed the way a 512-bit vector reduction sums them (`vectorSum`), softmax
///   multiplies by the reciprocal of the sum, and log-softmax subtracts `max` and then `log(sum)`;
/// - any other dim: each slice is summed left to right in the element type and softmax divides by the sum.
///
/// NOTE: unlike `sum`, these sums stay in the element type, because PyTorch's do and copying its order of operations
/// is what makes the bits agree (double accumulation rounds differently in about a third of the rows). The
/// remaining differences come from `exp` and `log`: PyTorch uses SLEEF's vectorised versions, we use the C library's,
/// and about 1% of float32 exponentials differ by one ulp. Against PyTorch 2.13 on an AVX-512 machine, 95% of
/// float32 softmax and log-softmax elements are bit-identical, the rest one ulp apart but for 0.2% at two or three
/// (log-softmax where `x - max` and `log(sum)` nearly cancel); see SoftmaxTests. PyTorch itself sums in 8 lanes on
/// AVX2 machines, so its own last bits vary between machines.
enum SoftmaxKernel {
    /// Writes softmax (or log-softmax) of the contiguous `input` along `dim` into the contiguous `out`.
    static func forward(_ input: Tensor, into out: Tensor, dim: Int, log: Bool, lastDim: Bool) {
        let layout = AxisLayout(shape: input.shape, dim: dim)
        switch input.dtype {
        case .float32:
            forward(input.pointer(as: Float.self), out.pointer(as: Float.self), layout, log: log, lastDim: lastDim)
        case .float64:
            forward(input.pointer(as: Double.self), out.pointer(as: Double.self), layout, log: log, lastDim: lastDim)
        case .int64, .bool:
            break  // Refused before the kernel runs.
        }
    }

    private static func forward<T: TensorFloat>(
        _ src: UnsafeMutablePointer<T>, _ dst: UnsafeMutablePointer<T>, _ layout: AxisLayout, log: Bool, lastDim: Bool
    ) {
        if lastDim {
            for row in 0..<layout.outer {
                lastDimRow(src + row * layout.size, dst + row * layout.size, layout.size, log: log)
            }
        } else {
            for o in 0..<layout.outer {
                let start = layout.offset(outer: o, inner: 0, at: 0)
                strided(src + start, dst + start, size: layout.size, inner: layout.inner, log: log)
            }
        }
    }

    /// One contiguous slice, as PyTorch's last-dim kernel computes it.
    @inline(__always)
    private static func lastDimRow<T: TensorFloat>(
        _ x: UnsafeMutablePointer<T>, _ y: UnsafeMutablePointer<T>, _ n: Int, log: Bool
    ) {
        var largest = x[0]
        for k in 1..<Swift.max(n, 1) where x[k].isNaN || x[k] > largest { largest = x[k] }
        // The exponentials go into `y` first (log-softmax overwrites them), so they can be summed in PyTorch's order.
        for k in 0..<n { y[k] = T.exp(x[k] - largest) }
        let sum = vectorSum(y, n)
        if log {
            let logSum = T.log(sum)
            for k in 0..<n { y[k] = x[k] - largest - logSum }
        } else {
            let scale = 1 / sum
            for k in 0..<n { y[k] *= scale }
        }
    }

    /// A sum in the order of PyTorch's vectorised `reduce_all` on a 512-bit machine: fewer elements than one vector
    /// are added left to right; otherwise each lane of the vector sums every `width`-th element, and the lanes are
    /// folded pairwise for floats (lane i with i + 8, then i + 4, i + 2, i + 1) and left to right for doubles.
    @inline(__always)
    static func vectorSum<T: TensorFloat>(_ x: UnsafeMutablePointer<T>, _ n: Int) -> T {
        let width = 64 / MemoryLayout<T>.size
        guard n >= width else {
            var sum: T = 0
            for k in 0..<n { sum = k == 0 ? x[0] : sum + x[k] }
            return sum
        }
        return withUnsafeTemporaryAllocation(of: T.self, capacity: width) { lanes in
            for j in 0..<width { lanes[j] = x[j] }
            var k = width
            while k < n {
                lanes[k & (width - 1)] += x[k]
                k += 1
            }
            if MemoryLayout<T>.size == MemoryLayout<Float>.size {
                var half = width / 2
                while half > 0 {
                    for i in 0..<half { lanes[i] += lanes[i + half] }
                    half /= 2
                }
                return lanes[0]
            }
            var sum = lanes[0]
            for j in 1..<width { sum += lanes[j] }
            return sum
        }
    }

    /// `inner` interleaved slices of `size` elements, as PyTorch's other-dim kernel computes them: sequential sums in
    /// the element type and a division. The running max and sum of each slice sit in scratch space.
    private static func strided<T: TensorFloat>(
        _ x: UnsafeMutablePointer<T>, _ y: UnsafeMutablePointer<T>, size: Int, inner: Int, log: Bool
    ) {
        withUnsafeTemporaryAllocation(of: T.self, capacity: inner) { largest in
            withUnsafeTemporaryAllocation(of: T.self, capacity: inner) { sum in
                for i in 0..<inner {
                    largest[i] = x[i]
                    sum[i] = 0
                }
                for k in 1..<Swift.max(size, 1) {
                    let row = x + k * inner
                    for i in 0..<inner where row[i].isNaN || row[i] > largest[i] { largest[i] = row[i] }
                }
                for k in 0..<size {
                    let (row, out) = (x + k * inner, y + k * inner)
                    for i in 0..<inner {
                        let e = T.exp(row[i] - largest[i])
                        if !log { out[i] = e }
                        sum[i] += e
                    }
                }
                if log {
                    for i in 0..<inner { sum[i] = T.log(sum[i]) }
                    for k in 0..<size {
                        let (row, out) = (x + k * inner, y + k * inner)
                        for i in 0..<inner { out[i] = row[i] - largest[i] - sum[i] }
                    }
                } else {
                    for k in 0..<size {
                        let out = y + k * inner
                        for i in 0..<inner { out[i] /= sum[i] }
                    }
                }
            }
        }
    }

    /// Writes the input gradient of softmax (or log-softmax) into `out`, from the contiguous incoming gradient and
    /// forward output. Sums accumulate in double.
    static func backward(_ grad: Tensor, output: Tensor, into out: Tensor, dim: Int, log: Bool) {
        let layout = AxisLayout(shape: output.shape, dim: dim)
        switch output.dtype {
        case .float32:
            backward(grad.pointer(as: Float.self), output.pointer(as: Float.self), out.pointer(as: Float.self),
                     layout, log: log)
        case .float64:
            backward(grad.pointer(as: Double.self), output.pointer(as: Double.self), out.pointer(as: Double.self),
                     layout, log: log)
        case .int64, .bool:
            break  // Only floating-point softmax records a backward.
        }
    }

    private static func backward<T: TensorFloat>(
        _ g: UnsafeMutablePointer<T>, _ y: UnsafeMutablePointer<T>, _ dx: UnsafeMutablePointer<T>,
        _ layout: AxisLayout, log: Bool
    ) {
        let (size, inner) = (layout.size, layout.inner)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: inner) { sums in
            for o in 0..<layout.outer {
                let start = layout.offset(outer: o, inner: 0, at: 0)
                let (g, y, dx) = (g + start, y + start, dx + start)
                sums.initialize(repeating: 0)
                for k in 0..<size {
                    for i in 0..<inner {
                        let at = k * inner + i
                        sums[i] += log ? Double(g[at]) : Double(g[at]) * Double(y[at])
                    }
                }
                for k in 0..<size {
                    for i in 0..<inner {
                        let (at, sum) = (k * inner + i, T(sums[i]))
                        dx[at] = log ? g[at] - T.exp(y[at]) * sum : (g[at] - sum) * y[at]
                    }
                }
            }
        }
    }
}
