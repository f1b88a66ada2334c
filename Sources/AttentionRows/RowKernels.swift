/// The passes a row of attention scores goes through in the fused kernels (its maximum, its exponentials and their
/// sum, the normalised probabilities folded into the head average), written once for any vector width.
///
/// Everything here is `@inlinable` and generic: each caller specialises it for its width and compiles it with its
/// own instruction set, so the engine's AVX2 build and `WideRows`' AVX-512 build share this one text.
///
/// The exponential is the Cephes single-precision `exp` (range reduction by ln 2 in two parts, a degree-5
/// polynomial, scaling by 2ⁿ through the exponent bits) with fused multiply-adds, accurate to about one ulp, as
/// PyTorch's own CPU kernels use vectorised polynomial exponentials. It serves only arguments ≤ 0 (scores minus their
/// row's maximum): below -87.3 it flushes to zero, which shifts no probability by more than 1e-38.
public enum RowKernels {
    @usableFromInline static let log2e: Float = 1.44269504088896341
    @usableFromInline static let ln2High: Float = 0.693359375
    @usableFromInline static let ln2Low: Float = -2.12194440e-4
    /// ln of the smallest normal float: below it results flush to zero.
    @usableFromInline static let lowest: Float = -87.33654
    /// 1.5 × 2²³: adding it rounds a float to an integer held in the low mantissa bits.
    @usableFromInline static let roundingBias: Float = 12_582_912
    @usableFromInline static let p0: Float = 1.9875691500e-4, p1: Float = 1.3981999507e-3
    @usableFromInline static let p2: Float = 8.3334519073e-3, p3: Float = 4.1665795894e-2
    @usableFromInline static let p4: Float = 1.6666665459e-1, p5: Float = 5.0000001201e-1

    /// `exp(x)` lane by lane for `x ≤ 0`; NaN stays NaN, and arguments below -87.3 give 0.
    @inlinable @inline(__always)
    public static func exp<V: RowVector>(_ input: V) -> V {
        var x = input.replacing(lanesWhere: input, isBelow: lowest, with: lowest)
        // n = round(x / ln 2), read back from the mantissa bits of the biased sum.
        let biased = V(repeating: roundingBias).addingProduct(x, V(repeating: log2e))
        let n = biased - roundingBias
        x = x.addingProduct(n, V(repeating: -ln2High)).addingProduct(n, V(repeating: -ln2Low))
        let z = x * x
        var y = V(repeating: p1).addingProduct(x, V(repeating: p0))
        y = V(repeating: p2).addingProduct(y, x)
        y = V(repeating: p3).addingProduct(y, x)
        y = V(repeating: p4).addingProduct(y, x)
        y = V(repeating: p5).addingProduct(y, x)
        y = x.addingProduct(y, z) + 1
        // 2ⁿ from n + 127 in the exponent field (n ≥ -126 here).
        let exponent = (unsafeBitCast(biased, to: V.Bits.self) &+ (127 &- 0x4B40_0000)) &<< 23
        // A NaN input needs no test: it propagates through the polynomial and the product.
        return (y * unsafeBitCast(exponent, to: V.self)).replacing(lanesWhere: input, isBelow: lowest, with: 0)
    }

    /// Replaces `row[j]` by `exp(row[j] - shift)` for `j < count` and returns their sum.
    @inlinable @inline(__always)
    public static func exponentiate<V: RowVector>(
        _ row: UnsafeMutablePointer<Float>, _ count: Int, subtracting shift: Float, as _: V.Type
    ) -> Float {
        var sums = V(repeating: 0)
        let raw = UnsafeMutableRawPointer(row)
        let vectors = count / V.scalarCount
        for v in 0..<vectors {
            let offset = v &* V.byteCount
            let e = exp(raw.loadUnaligned(fromByteOffset: offset, as: V.self) - shift)
            raw.storeBytes(of: e, toByteOffset: offset, as: V.self)
            sums += e
        }
        let done = vectors &* V.scalarCount
        if done < count {
            var tail = V(repeating: -.infinity)
            for lane in 0..<(count - done) { tail[lane] = row[done + lane] - shift }
            let e = exp(tail)
            for lane in 0..<(count - done) { row[done + lane] = e[lane] }
            sums += e
        }
        return sums.sum()
    }

    /// Multiplies `row[j]` by `factor` for `j < count` and folds each product into `averaged[j]` as `stage` says.
    @inlinable @inline(__always)
    public static func normalize<V: RowVector>(
        _ row: UnsafeMutablePointer<Float>, _ count: Int, by factor: Float, into averaged: UnsafeMutablePointer<Float>,
        _ stage: AveragingStage, divisor: Float, as _: V.Type
    ) {
        // One loop per stage, so the stage is not decided again for every vector.
        switch stage {
        case .first: normalize(row, count, by: factor, into: averaged) { (_: V, x: V) in x }
        case .middle: normalize(row, count, by: factor, into: averaged) { (a: V, x: V) in a + x }
        case .last: normalize(row, count, by: factor, into: averaged) { (a: V, x: V) in (a + x) / divisor }
        }
    }

    /// `row[j] *= factor` and `averaged[j] = fold(averaged[j], row[j])`, a vector at a time.
    @inlinable @inline(__always)
    static func normalize<V: RowVector>(
        _ row: UnsafeMutablePointer<Float>, _ count: Int, by factor: Float, into averaged: UnsafeMutablePointer<Float>,
        _ fold: (V, V) -> V
    ) {
        let (p, a) = (UnsafeMutableRawPointer(row), UnsafeMutableRawPointer(averaged))
        let vectors = count / V.scalarCount
        for v in 0..<vectors {
            let offset = v &* V.byteCount
            let x = p.loadUnaligned(fromByteOffset: offset, as: V.self) * factor
            p.storeBytes(of: x, toByteOffset: offset, as: V.self)
            a.storeBytes(of: fold(a.loadUnaligned(fromByteOffset: offset, as: V.self), x), toByteOffset: offset,
                         as: V.self)
        }
        var tail = V(repeating: 0), previous = V(repeating: 0)
        let done = vectors &* V.scalarCount
        for lane in 0..<(count - done) {
            tail[lane] = row[done + lane] * factor
            previous[lane] = averaged[done + lane]
        }
        let folded = fold(previous, tail)
        for lane in 0..<(count - done) {
            row[done + lane] = tail[lane]
            averaged[done + lane] = folded[lane]
        }
    }

    /// The largest element of a row, passing over NaNs: a NaN still makes every probability of its row NaN, through
    /// the sum of the exponentials, so the maximum only has to be NaN when nothing else would spread it (a row whose
    /// other keys are all masked, which would otherwise read as fully masked).
    @inlinable @inline(__always)
    public static func maximum<V: RowVector>(_ row: UnsafeMutablePointer<Float>, _ count: Int, as _: V.Type) -> Float {
        // Two accumulators let the maxima of neighbouring vectors overlap; a comparison that is false for NaN keeps
        // the accumulator (the compiler makes it one vector max).
        var (even, odd) = (V(repeating: -.infinity), V(repeating: -.infinity))
        let raw = UnsafeRawPointer(row)
        let pairs = count / (2 &* V.scalarCount)
        for pair in 0..<pairs {
            let offset = pair &* 2 &* V.byteCount
            let (x, y) = (raw.loadUnaligned(fromByteOffset: offset, as: V.self),
                          raw.loadUnaligned(fromByteOffset: offset &+ V.byteCount, as: V.self))
            even = even.keepingGreater(x)
            odd = odd.keepingGreater(y)
        }
        var j = pairs &* 2 &* V.scalarCount
        if j &+ V.scalarCount <= count {
            let x = raw.loadUnaligned(fromByteOffset: j &* 4, as: V.self)
            even = even.keepingGreater(x)
            j &+= V.scalarCount
        }
        even = even.keepingGreater(odd)
        var largest = even.max()
        while j < count {
            if row[j] > largest { largest = row[j] }
            j &+= 1
        }
        if largest == -.infinity {
            for i in 0..<count where row[i].isNaN { return .nan }
        }
        return largest
    }
}
