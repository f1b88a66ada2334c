/// Factories that make a new tensor of random values (`torch.rand`, `randn`, `randint`, `randperm` and the `*_like`
/// forms), consuming the generator exactly as PyTorch does.
extension Tensor {
    /// Samples from the uniform distribution on [0, 1) (`torch.rand`).
    public static func rand(
        _ shape: [Int], dtype: DType = .defaultFloat, generator: Generator? = nil
    ) throws(TensorError) -> Tensor {
        (try Tensor(uninitializedShape: shape, dtype: dtype).uniform_(generator: generator)).freshlyFilled()
    }

    /// Samples from the standard normal distribution (`torch.randn`).
    public static func randn(
        _ shape: [Int], dtype: DType = .defaultFloat, generator: Generator? = nil
    ) throws(TensorError) -> Tensor {
        (try Tensor(uninitializedShape: shape, dtype: dtype).normal_(generator: generator)).freshlyFilled()
    }

    /// Integers drawn uniformly from [low, high) (`torch.randint`); int64 unless another dtype is given.
    public static func randint(
        low: Int64 = 0, high: Int64, shape: [Int], dtype: DType = .int64, generator: Generator? = nil
    ) throws(TensorError) -> Tensor {
        (try Tensor(uninitializedShape: shape, dtype: dtype).random_(from: low, to: high, generator: generator)).freshlyFilled()
    }

    /// Uniform samples shaped like `other`, keeping its memory layout when dense (`torch.rand_like`).
    public static func rand(
        like other: Tensor, dtype: DType? = nil, generator: Generator? = nil
    ) throws(TensorError) -> Tensor {
        (try other.emptyPreservingLayout(dtype: dtype).uniform_(generator: generator)).freshlyFilled()
    }

    /// Standard normal samples shaped like `other`, keeping its memory layout when dense (`torch.randn_like`).
    ///
    /// A transposed `other` gives a non-contiguous result, which PyTorch fills serially rather than in blocks.
    public static func randn(
        like other: Tensor, dtype: DType? = nil, generator: Generator? = nil
    ) throws(TensorError) -> Tensor {
        (try other.emptyPreservingLayout(dtype: dtype).normal_(generator: generator)).freshlyFilled()
    }

    /// A random permutation of 0..<n (`torch.randperm`).
    public static func randperm(
        _ n: Int, dtype: DType = .int64, generator: Generator? = nil
    ) throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: [n], dtype: dtype)
        switch dtype {
        case .float32 where n > 1 << 24 + 1:
            throw .invalidArgument(op: "randperm", detail: "n cannot be greater than 2^24+1 for Float type.")
        case .float64 where n > 1 << 53 + 1:
            throw .invalidArgument(op: "randperm", detail: "n cannot be greater than 2^53+1 for Double type.")
        case .bool:
            throw .notImplemented(op: "randperm", dtype: dtype)
        default:
            break
        }
        let g = generator ?? .default
        try out.writeSamples(Int64.self) { values in g.shufflePermutation(values) }
        return out
    }
}

extension Generator {
    /// The largest `n` for which `randperm` keeps its original 32-bit Fisher-Yates shuffle.
    static let randpermSmallLimit = Int(UInt32.max / 20)

    /// Writes a random permutation of 0..<count into `values` as PyTorch's CPU `randperm` does.
    func shufflePermutation(_ values: UnsafeMutableBufferPointer<Int64>) {
        let n = values.count
        if n < Self.randpermSmallLimit {
            for i in 0..<n { values[i] = Int64(i) }
            if n < 2 { return }
            for i in 0..<(n - 1) {
                let z = Int(random() % UInt32(n - i))
                values.swapAt(i, i + z)
            }
            return
        }
        // Past the limit PyTorch draws 64 bits per step and builds the permutation inside-out.
        for i in 0..<n {
            let z = Int(random64() % UInt64(i + 1))
            values[i] = values[z]
            values[z] = Int64(i)
        }
    }
}

extension Tensor {
    /// A factory's result: its fill was not a user's in-place write, so the version counter starts at 0 as in
    /// PyTorch (it appears in "modified by an inplace operation" messages).
    func freshlyFilled() -> Tensor {
        storage.version = 0
        gradFnVersion = 0
        return self
    }
}
