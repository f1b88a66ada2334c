/// The exponentials of a row of attention scores, eight floats at a time.
///
/// Attention evaluates L × S exponentials, so a call into the C library per element dominated the fused kernel.
/// This is the Cephes single-precision `exp` (range reduction by ln 2 in two parts, a degree-5 polynomial, scaling
/// by 2ⁿ through the exponent bits) on `SIMD8<Float>`, accurate to about one ulp, as PyTorch's own CPU kernels use
/// vectorised polynomial exponentials. It serves only arguments ≤ 0 (scores minus their row's maximum): below
/// -88.4 it flushes to zero, which shifts no probability by more than 1e-38.
enum AttentionExp {
    private static let log2e: Float = 1.44269504088896341
    private static let ln2High: Float = 0.693359375
    private static let ln2Low: Float = -2.12194440e-4
    /// ln of the smallest normal float: below it results flush to zero.
    private static let lowest: Float = -87.33654
    /// 1.5 × 2²³: adding it rounds a float to an integer held in the low mantissa bits.
    private static let roundingBias: Float = 12_582_912
    private static let p0: Float = 1.9875691500e-4, p1: Float = 1.3981999507e-3, p2: Float = 8.3334519073e-3
    private static let p3: Float = 4.1665795894e-2, p4: Float = 1.6666665459e-1, p5: Float = 5.0000001201e-1

    /// `exp(x)` lane by lane for `x ≤ 0`; NaN stays NaN, and arguments below -87.3 give 0.
    @inline(__always)
    static func exp(_ input: SIMD8<Float>) -> SIMD8<Float> {
        let underflows = input .< lowest
        var x = input.replacing(with: lowest, where: underflows)
        // n = round(x / ln 2), read back from the mantissa bits of the biased sum.
        let biased = x * log2e + roundingBias
        let n = biased - roundingBias
        x = x - n * ln2High - n * ln2Low
        let z = x * x
        var y = p0 * x + p1
        y = y * x + p2
        y = y * x + p3
        y = y * x + p4
        y = y * x + p5
        y = y * z + x + 1
        // 2ⁿ from n + 127 in the exponent field (n ≥ -126 here).
        let exponent = (unsafeBitCast(biased, to: SIMD8<Int32>.self) &+ (127 &- 0x4B40_0000)) &<< 23
        // A NaN input needs no test: it propagates through the polynomial and the product.
        return (y * unsafeBitCast(exponent, to: SIMD8<Float>.self)).replacing(with: 0, where: underflows)
    }

    /// Replaces `row[j]` by `exp(row[j] - shift)` for `j < count` and returns their sum.
    @inline(__always)
    static func exponentiate(_ row: UnsafeMutablePointer<Float>, _ count: Int, subtracting shift: Float) -> Float {
        var sums = SIMD8<Float>(repeating: 0)
        var j = 0
        let raw = UnsafeMutableRawPointer(row)
        while j + 8 <= count {
            let e = exp(raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) - shift)
            raw.storeBytes(of: e, toByteOffset: j * 4, as: SIMD8<Float>.self)
            sums += e
            j += 8
        }
        if j < count {
            var tail = SIMD8<Float>(repeating: -.infinity)
            for lane in 0..<(count - j) { tail[lane] = row[j + lane] - shift }
            let e = exp(tail)
            for lane in 0..<(count - j) { row[j + lane] = e[lane] }
            sums += e
        }
        return sums.sum()
    }

    /// Multiplies `row[j]` by `factor` for `j < count` and folds each product into `averaged[j]` as `stage` says.
    @inline(__always)
    static func normalize(
        _ row: UnsafeMutablePointer<Float>, _ count: Int, by factor: Float, into averaged: UnsafeMutablePointer<Float>,
        _ stage: AveragingStage, divisor: Float
    ) {
        let (p, a) = (UnsafeMutableRawPointer(row), UnsafeMutableRawPointer(averaged))
        var j = 0
        while j + 8 <= count {
            let x = p.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) * factor
            p.storeBytes(of: x, toByteOffset: j * 4, as: SIMD8<Float>.self)
            let total: SIMD8<Float>
            switch stage {
            case .first: total = x
            case .middle: total = a.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) + x
            case .last: total = (a.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) + x) / divisor
            }
            a.storeBytes(of: total, toByteOffset: j * 4, as: SIMD8<Float>.self)
            j += 8
        }
        while j < count {
            row[j] *= factor
            switch stage {
            case .first: averaged[j] = row[j]
            case .middle: averaged[j] += row[j]
            case .last: averaged[j] = (averaged[j] + row[j]) / divisor
            }
            j += 1
        }
    }

    /// The largest element of a row, NaN if it holds one.
    @inline(__always)
    static func maximum(_ row: UnsafeMutablePointer<Float>, _ count: Int) -> Float {
        var best = SIMD8<Float>(repeating: -.infinity)
        var sawNaN = SIMDMask<SIMD8<Int32>>(repeating: false)
        var j = 0
        let raw = UnsafeRawPointer(row)
        while j + 8 <= count {
            let x = raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
            sawNaN .|= x .!= x
            best.replace(with: x, where: x .> best)
            j += 8
        }
        var largest = best.max()
        while j < count {
            if row[j].isNaN || row[j] > largest { largest = row[j] }
            j += 1
        }
        return any(sawNaN) ? .nan : largest
    }
}
