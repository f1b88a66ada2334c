/// `torch.multinomial`: indices sampled from the categorical distributions given by the rows of a probability
/// tensor.
///
/// Without replacement, or for a single sample, PyTorch draws `q ~ Exp(1)` for every probability and takes the
/// indices of the largest `p / q` (the Gumbel-max trick written with exponentials): `argmax` for one sample, `topk`
/// for several. With replacement it walks each row's normalised cumulative sum with one 53-bit uniform per sample.
extension Tensor {
    /// Draws `numSamples` category indices from each row of this 1-D or 2-D tensor of non-negative weights.
    public func multinomial(
        numSamples: Int, replacement: Bool = false, generator: Generator? = nil
    ) throws(TensorError) -> Tensor {
        guard rank == 1 || rank == 2 else {
            throw .invalidArgument(op: "multinomial", detail: "prob_dist must be 1 or 2 dim")
        }
        guard dtype.isFloatingPoint else {
            throw .invalidArgument(op: "multinomial", detail: "multinomial only supports floating-point dtypes for "
                + "input, got: \(dtype.scalarTypeName)")
        }
        guard numSamples > 0 else {
            throw .invalidArgument(op: "multinomial", detail: "cannot sample n_sample <= 0 samples")
        }
        let categories = shape[rank - 1]
        guard replacement || numSamples <= categories else {
            throw .invalidArgument(op: "multinomial", detail: "cannot sample n_sample > prob_dist.size(-1) samples "
                + "without replacement")
        }
        guard categories <= 1 << 24 else {
            throw .invalidArgument(op: "multinomial", detail: "number of categories cannot exceed 2^24")
        }
        let rows = rank == 2 ? shape[0] : 1
        let result = try Tensor(uninitializedShape: rank == 2 ? [rows, numSamples] : [numSamples], dtype: .int64)
        if result.count == 0 { return result }
        let g = generator ?? .default
        if !replacement || numSamples == 1 {
            try sampleByExponentialRace(numSamples: numSamples, rows: rows, into: result, generator: g)
        } else {
            switch dtype {
            case .float32: try sampleWithReplacement(Float.self, numSamples: numSamples, rows: rows, into: result, g)
            case .float64: try sampleWithReplacement(Double.self, numSamples: numSamples, rows: rows, into: result, g)
            case .bool, .int64: break
            }
        }
        return result
    }

    /// The no-replacement path: validate, draw exponentials laid out like this tensor, rank `p / q` per row.
    private func sampleByExponentialRace(
        numSamples: Int, rows: Int, into result: Tensor, generator: Generator
    ) throws(TensorError) {
        let categories = shape[rank - 1]
        guard count > 0 else {
            throw .invalidArgument(op: "multinomial", detail: "aminmax(): cannot compute aminmax over an empty "
                + "dimension as the operation has no identity.")
        }
        let weights = try contiguousCopy().to(.float64)
        let values = weights.pointer(as: Double.self)
        var anyZeroRow = false
        for row in 0..<rows {
            var sum = 0.0
            for j in 0..<categories {
                let p = values[row * categories + j]
                guard p >= 0 && p < .infinity else {
                    throw .invalidArgument(op: "multinomial", detail: "probability tensor contains either `inf`, "
                        + "`nan` or element < 0")
                }
                sum += p
            }
            if sum == 0 { anyZeroRow = true }
        }
        if anyZeroRow {
            throw .invalidArgument(op: "multinomial", detail: "invalid multinomial distribution (sum of probabilities "
                + "<= 0)")
        }
        // `empty_like` keeps a dense layout, so a transposed input gets its exponentials in memory order.
        let race = try emptyPreservingLayout().exponential_(lambda: 1, generator: generator).contiguousCopy()
        let keys: [Double]
        switch dtype {
        case .float32: keys = try Self.ratios(contiguousCopy(), race, Float.self)
        case .float64: keys = try Self.ratios(contiguousCopy(), race, Double.self)
        case .bool, .int64: keys = []
        }
        let out = result.pointer(as: Int64.self)
        var order = [Int](repeating: 0, count: categories)
        for row in 0..<rows {
            let base = row * categories
            if numSamples == 1 {
                var best = 0
                for j in 1..<categories where Self.ranksBefore(keys[base + j], keys[base + best]) { best = j }
                out[row] = Int64(best)
                continue
            }
            for j in 0..<categories { order[j] = j }
            // NOTE: PyTorch's topk leaves the order of equal keys to its selection algorithm; ties only arise when
            // several categories have probability zero, and here they come out in index order.
            order.sort { a, b in
                let (x, y) = (keys[base + a], keys[base + b])
                return Self.ranksBefore(x, y) || (!Self.ranksBefore(y, x) && a < b)
            }
            for k in 0..<numSamples { out[row * numSamples + k] = Int64(order[k]) }
        }
    }

    /// `p / q` elementwise in the probabilities' own precision, widened to double for ranking.
    private static func ratios<T: TensorFloat>(
        _ probabilities: Tensor, _ race: Tensor, _: T.Type
    ) throws(TensorError) -> [Double] {
        let (p, q) = (probabilities.pointer(as: T.self), race.pointer(as: T.self))
        var keys = [Double](repeating: 0, count: probabilities.count)
        for i in keys.indices { keys[i] = Double(p[i] / q[i]) }
        return keys
    }

    /// Whether `a` sorts before `b` in a descending top-k, where NaN counts as the largest value.
    private static func ranksBefore(_ a: Double, _ b: Double) -> Bool {
        (a.isNaN && !b.isNaN) || a > b
    }

    /// The with-replacement path: per row, a running sum in the tensor's own precision, normalised, then one binary
    /// search per sample.
    private func sampleWithReplacement<T: TensorFloat>(
        _: T.Type, numSamples: Int, rows: Int, into result: Tensor, _ generator: Generator
    ) throws(TensorError) {
        let categories = shape[rank - 1]
        let weights = try contiguousCopy()
        let source = weights.pointer(as: T.self)
        let out = result.pointer(as: Int64.self)
        var cumulative = [T](repeating: 0, count: categories)
        for row in 0..<rows {
            var sum: T = 0
            for j in 0..<categories {
                let p = source[row * categories + j]
                guard p >= 0 else {
                    throw .invalidArgument(op: "multinomial", detail: "invalid multinomial distribution (encountering "
                        + "probability entry < 0)")
                }
                guard p.isFinite else {
                    throw .invalidArgument(op: "multinomial", detail: "invalid multinomial distribution (encountering "
                        + "probability entry = infinity or NaN)")
                }
                sum += p
                cumulative[j] = sum
            }
            guard sum > 0 else {
                throw .invalidArgument(op: "multinomial", detail: "invalid multinomial distribution (sum of "
                    + "probabilities <= 0)")
            }
            for j in 0..<categories { cumulative[j] /= sum }
            cumulative[categories - 1] = 1
            for k in 0..<numSamples {
                let u = generator.uniformDouble()
                var (left, right) = (0, categories)
                while right - left > 0 {
                    let mid = left + (right - left) / 2
                    if Double(cumulative[mid]) < u { left = mid + 1 } else { right = mid }
                }
                out[row * numSamples + k] = Int64(left)
            }
        }
    }
}
