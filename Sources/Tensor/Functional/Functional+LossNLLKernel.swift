/// The geometry of a negative log-likelihood: `batch` samples, each `classes` log-probabilities at `map` positions
/// (1 unless spatial), laid out contiguously as `[batch, classes, map]`; targets are `[batch, map]`.
struct NLLLayout {
    let batch: Int
    let classes: Int
    let map: Int

    /// The number of (sample, position) pairs, one target each.
    var positions: Int { batch * map }
}

/// The fused `nll_loss` loops over contiguous tensors, computing as PyTorch's CPU kernels do so float32 results
/// agree bit for bit.
enum NLLKernel<T: TensorFloat> {
    /// Writes each position's loss `-input[t] * weight[t]` (0 where the target is ignored) into `out`.
    static func unreduced(
        _ input: Tensor, _ target: Tensor, _ weight: Tensor?, _ layout: NLLLayout, _ ignoreIndex: Int64,
        into out: Tensor
    ) throws(TensorError) {
        let (x, t, y) = (input.pointer(as: T.self), target.pointer(as: Int64.self), out.pointer(as: T.self))
        let w = weight?.pointer(as: T.self)
        let (classes, map) = (layout.classes, layout.map)
        for b in 0..<layout.batch {
            for e in 0..<map {
                let position = b * map + e
                let class_ = t[position]
                if class_ == ignoreIndex {
                    y[position] = 0
                    continue
                }
                try check(class_, classes: classes)
                let k = Int(class_)
                y[position] = -x[(b * classes + k) * map + e] * (w?[k] ?? 1)
            }
        }
    }

    /// Writes the summed (or, for `.mean`, weight-averaged) loss into the 0-d `out`, returning the total weight of
    /// the targets not ignored.
    ///
    /// NOTE: PyTorch sums in `T` with an 8-level cascade (each level holds up to 2^p partial sums, p = 4 for fewer
    /// than 2^32 positions) rather than in double, and we reproduce it: it is what makes float32 means agree to the
    /// bit. An empty target gives NaN for the mean and 0 for the sum.
    static func summed(
        _ input: Tensor, _ target: Tensor, _ weight: Tensor?, _ layout: NLLLayout, _ ignoreIndex: Int64,
        _ reduction: LossReduction, into out: Tensor
    ) throws(TensorError) -> Double {
        let result = out.pointer(as: T.self)
        let count = layout.positions
        guard count > 0 else {
            result.pointee = reduction == .mean ? .nan : 0
            return 0
        }
        let (x, t) = (input.pointer(as: T.self), target.pointer(as: Int64.self))
        let w = weight?.pointer(as: T.self)
        let (classes, map) = (layout.classes, layout.map)
        let levels = 8
        let power = Swift.max(4, ceilLog2(count) / levels)
        let levelMask = (1 << power) - 1
        var lossSums = [T](repeating: 0, count: levels)
        var weightSums = [T](repeating: 0, count: levels)
        var ignored = 0
        for b in 0..<layout.batch {
            for e in 0..<map {
                let position = b * map + e
                let class_ = t[position]
                if class_ == ignoreIndex {
                    ignored += 1
                    continue
                }
                try check(class_, classes: classes)
                let k = Int(class_)
                let value = x[(b * classes + k) * map + e]
                if let w {
                    lossSums[0] -= value * w[k]
                    weightSums[0] += w[k]
                } else {
                    lossSums[0] -= value
                }
                // Carry each level into the next whenever the position's bits for that level are all zero.
                for level in 0..<(levels - 1) {
                    if position & (levelMask << (level * power)) != 0 { break }
                    lossSums[level + 1] += lossSums[level]
                    weightSums[level + 1] += weightSums[level]
                    lossSums[level] = 0
                    weightSums[level] = 0
                }
            }
        }
        let totalWeight = w == nil ? T(count - ignored) : weightSums.reduce(0, +)
        var loss = lossSums.reduce(0, +)
        if reduction == .mean { loss /= totalWeight }
        result.pointee = loss
        return Double(totalWeight)
    }

    /// Writes the gradient of the input into the zeroed, contiguous `gradInput`: `-weight[t] * grad` at each
    /// target (divided by the total weight for `.mean`), zero elsewhere.
    static func backward(
        _ grad: Tensor, _ target: Tensor, _ weight: Tensor?, _ layout: NLLLayout, _ ignoreIndex: Int64,
        _ reduction: LossReduction, unreduced: Bool, totalWeight: Double, into gradInput: Tensor
    ) {
        let (g, t, gi) = (grad.pointer(as: T.self), target.pointer(as: Int64.self), gradInput.pointer(as: T.self))
        let w = weight?.pointer(as: T.self)
        let (classes, map) = (layout.classes, layout.map)
        let scale: T = unreduced ? 0 : -(reduction == .mean ? g.pointee / T(totalWeight) : g.pointee)
        for b in 0..<layout.batch {
            for e in 0..<map {
                let position = b * map + e
                let class_ = t[position]
                // The forward refused out-of-range targets, and the saved target cannot have changed since.
                guard class_ != ignoreIndex, class_ >= 0, class_ < classes else { continue }
                let k = Int(class_)
                let index = (b * classes + k) * map + e
                let classWeight: T = w?[k] ?? 1
                gi[index] = unreduced ? -classWeight * g[position] : (w == nil ? scale : classWeight * scale)
            }
        }
    }

    private static func check(_ class_: Int64, classes: Int) throws(TensorError) {
        guard class_ >= 0 && class_ < classes else {
            throw .invalidIndex(op: "nll_loss", detail: "Target \(class_) is out of bounds.")
        }
    }

    /// `ceil(log2(n))`, taken as 1 for n <= 2 (PyTorch's `CeilLog2`).
    private static func ceilLog2(_ n: Int) -> Int {
        n <= 2 ? 1 : Int.bitWidth - (n - 1).leadingZeroBitCount
    }
}
