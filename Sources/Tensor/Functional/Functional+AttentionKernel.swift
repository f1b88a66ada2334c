import CBLAS

/// The element types the fused attention kernel computes in, with their BLAS matrix product.
protocol AttentionElement: TensorFloat {
    /// `c = alpha * op(a) @ op(b) + beta * c` on row-major matrices (`op` transposes when asked), with as many
    /// threads as OpenBLAS was last told (see `gemm`, which tells it first).
    static func gemmAsConfigured(
        _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Self,
        _ a: UnsafePointer<Self>, _ lda: Int, _ b: UnsafePointer<Self>, _ ldb: Int, _ beta: Self,
        _ c: UnsafeMutablePointer<Self>, _ ldc: Int)
    /// The largest of `count` elements, NaN if any is NaN.
    static func rowMaximum(_ row: UnsafeMutablePointer<Self>, _ count: Int) -> Self
    /// Replaces each of `count` elements `x` by `exp(x - shift)` (for `x ≤ shift`) and returns their sum.
    static func exponentiate(_ row: UnsafeMutablePointer<Self>, _ count: Int, subtracting shift: Self) -> Self
}

extension AttentionElement {
    /// `gemmAsConfigured` with the thread count BLASSetup picks for the product's size.
    @inline(__always)
    static func gemm(
        _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Self,
        _ a: UnsafePointer<Self>, _ lda: Int, _ b: UnsafePointer<Self>, _ ldb: Int, _ beta: Self,
        _ c: UnsafeMutablePointer<Self>, _ ldc: Int
    ) {
        BLASSetup.prepare(m: m, n: n, k: k)
        gemmAsConfigured(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    }
}

extension Float: AttentionElement {
    @inline(__always)
    static func gemmAsConfigured(
        _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
        _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int, _ beta: Float,
        _ c: UnsafeMutablePointer<Float>, _ ldc: Int
    ) {
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    @inline(__always)
    static func rowMaximum(_ row: UnsafeMutablePointer<Float>, _ count: Int) -> Float {
        AttentionExp.maximum(row, count)
    }

    @inline(__always)
    static func exponentiate(_ row: UnsafeMutablePointer<Float>, _ count: Int, subtracting shift: Float) -> Float {
        AttentionExp.exponentiate(row, count, subtracting: shift)
    }
}

extension Double: AttentionElement {
    @inline(__always)
    static func gemmAsConfigured(
        _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Double,
        _ a: UnsafePointer<Double>, _ lda: Int, _ b: UnsafePointer<Double>, _ ldb: Int, _ beta: Double,
        _ c: UnsafeMutablePointer<Double>, _ ldc: Int
    ) {
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    @inline(__always)
    static func rowMaximum(_ row: UnsafeMutablePointer<Double>, _ count: Int) -> Double {
        var largest = -Double.infinity
        for j in 0..<count where row[j].isNaN || row[j] > largest { largest = row[j] }
        return largest
    }

    @inline(__always)
    static func exponentiate(_ row: UnsafeMutablePointer<Double>, _ count: Int, subtracting shift: Double) -> Double {
        var sum = 0.0
        for j in 0..<count {
            row[j] = Double.exp(row[j] - shift)
            sum += row[j]
        }
        return sum
    }
}

/// The fused scaled dot-product attention loops: for each matrix of the batch, blocks of query rows at a time,
/// `scores = scale * Q Kᵀ + mask` through BLAS, a row softmax in place, then `P V` through BLAS. Only one block of
/// scores (`AttentionLayout.blockRows` × S) exists at a time, never the whole L × S matrix per head.
///
/// The softmax keeps each row's log-sum-exp, from which the backward rebuilds the probabilities block by block. A
/// row whose every key is masked gives probabilities of zero (and log-sum-exp -inf), as PyTorch's fused CPU kernel
/// and its `_safe_softmax` do.
enum AttentionKernel<T: AttentionElement> {
    /// Writes the attention output (contiguous `[batch, L, Ev]`) and each query row's log-sum-exp (`[batch, L]`).
    static func forward(
        _ layout: AttentionLayout, query: Tensor, key: Tensor, value: Tensor, mask: Tensor?,
        out: Tensor, logSumExp: Tensor
    ) {
        let (q, k, v) = (query.pointer(as: T.self), key.pointer(as: T.self), value.pointer(as: T.self))
        let (o, lse) = (out.pointer(as: T.self), logSumExp.pointer(as: T.self))
        let (rows, keys, e, ev) = (layout.queries, layout.keys, layout.headDim, layout.valueDim)
        let scale = T(layout.scale)
        let scores = UnsafeMutablePointer<T>.allocate(capacity: layout.blockRows * keys)
        defer { scores.deallocate() }
        for b in 0..<layout.batch {
            let (qb, kb, vb) = (q + layout.query.offsets[b], k + layout.key.offsets[b], v + layout.value.offsets[b])
            var start = 0
            while start < rows {
                if Interruption.isRequested { return }
                let count = Swift.min(layout.blockRows, rows - start)
                let width = layout.causal ? Swift.min(keys, start + count) : keys
                T.gemm(false, true, count, width, e, scale, qb + start * layout.query.rowStride,
                       layout.query.rowStride, kb, layout.key.rowStride, 0, scores, width)
                for r in 0..<count {
                    let row = scores + r * width
                    applyMask(layout, mask: mask, batch: b, query: start + r, row: row, width: width)
                    lse[b * rows + start + r] = softmaxInPlace(row, width, nanIfMasked: layout.maskedRowsGiveNaN)
                }
                T.gemm(false, false, count, ev, width, 1, scores, width, vb, layout.value.rowStride, 0,
                       o + (b * rows + start) * ev, ev)
                start += count
            }
        }
    }

    /// Accumulates the gradients of the query, key and value (zeroed contiguous tensors of the operands' own
    /// shapes, laid out by `gradLayout`) from the output gradient `gradOut` (contiguous `[batch, L, Ev]`).
    static func backward(
        _ layout: AttentionLayout, gradLayout: AttentionLayout, query: Tensor, key: Tensor, value: Tensor,
        mask: Tensor?, out: Tensor, logSumExp: Tensor, gradOut: Tensor,
        gradQuery: Tensor, gradKey: Tensor, gradValue: Tensor
    ) {
        let (q, k, v) = (query.pointer(as: T.self), key.pointer(as: T.self), value.pointer(as: T.self))
        let (o, lse, dO) = (out.pointer(as: T.self), logSumExp.pointer(as: T.self), gradOut.pointer(as: T.self))
        let (dQ, dK, dV) = (gradQuery.pointer(as: T.self), gradKey.pointer(as: T.self), gradValue.pointer(as: T.self))
        let (rows, keys, e, ev) = (layout.queries, layout.keys, layout.headDim, layout.valueDim)
        let scale = T(layout.scale)
        let probabilities = UnsafeMutablePointer<T>.allocate(capacity: layout.blockRows * keys)
        let gradProbabilities = UnsafeMutablePointer<T>.allocate(capacity: layout.blockRows * keys)
        defer {
            probabilities.deallocate()
            gradProbabilities.deallocate()
        }
        for b in 0..<layout.batch {
            let (qb, kb, vb) = (q + layout.query.offsets[b], k + layout.key.offsets[b], v + layout.value.offsets[b])
            let dQb = dQ + gradLayout.query.offsets[b]
            let (dKb, dVb) = (dK + gradLayout.key.offsets[b], dV + gradLayout.value.offsets[b])
            var start = 0
            while start < rows {
                if Interruption.isRequested { return }
                let count = Swift.min(layout.blockRows, rows - start)
                let width = layout.causal ? Swift.min(keys, start + count) : keys
                let qBlock = qb + start * layout.query.rowStride
                let (oBlock, dOBlock) = (o + (b * rows + start) * ev, dO + (b * rows + start) * ev)
                // Rebuild P = exp(scale * Q Kᵀ + mask - lse) for the block.
                T.gemm(false, true, count, width, e, scale, qBlock, layout.query.rowStride, kb,
                       layout.key.rowStride, 0, probabilities, width)
                for r in 0..<count {
                    let row = probabilities + r * width
                    applyMask(layout, mask: mask, batch: b, query: start + r, row: row, width: width)
                    let rowLSE = lse[b * rows + start + r]
                    if rowLSE == -T.infinity {
                        for j in 0..<width { row[j] = 0 }
                    } else {
                        _ = T.exponentiate(row, width, subtracting: rowLSE)
                    }
                }
                // dV += Pᵀ dO; dP = dO Vᵀ.
                T.gemm(true, false, width, ev, count, 1, probabilities, width, dOBlock, ev, 1, dVb,
                       gradLayout.value.rowStride)
                T.gemm(false, true, count, width, ev, 1, dOBlock, ev, vb, layout.value.rowStride, 0,
                       gradProbabilities, width)
                // dS = P ∘ (dP - rowsum(dO ∘ O)), in place of dP.
                for r in 0..<count {
                    var dot: T = 0
                    for c in 0..<ev { dot += dOBlock[r * ev + c] * oBlock[r * ev + c] }
                    let (p, dp) = (probabilities + r * width, gradProbabilities + r * width)
                    for j in 0..<width { dp[j] = p[j] * (dp[j] - dot) }
                }
                // dQ += scale dS K; dK += scale dSᵀ Q.
                T.gemm(false, false, count, e, width, scale, gradProbabilities, width, kb, layout.key.rowStride,
                       1, dQb + start * gradLayout.query.rowStride, gradLayout.query.rowStride)
                T.gemm(true, false, width, e, count, scale, gradProbabilities, width, qBlock, layout.query.rowStride,
                       1, dKb, gradLayout.key.rowStride)
                start += count
            }
        }
    }

    /// Adds the mask (a float mask) or writes -inf where it is false (a bool mask), and -inf above the diagonal
    /// when causal, into one row of scores.
    @inline(__always)
    static func applyMask(
        _ layout: AttentionLayout, mask: Tensor?, batch b: Int, query i: Int, row: UnsafeMutablePointer<T>,
        width: Int
    ) {
        if let mask, let geometry = layout.mask {
            let start = geometry.offsets[b] + i * geometry.rowStride
            let step = geometry.columnStride
            if mask.dtype == .bool {
                let m = mask.pointer(as: Bool.self) + start
                for j in 0..<width where !m[j * step] { row[j] = -T.infinity }
            } else {
                let m = mask.pointer(as: T.self) + start
                for j in 0..<width { row[j] += m[j * step] }
            }
        }
        if layout.causal && i + 1 < width {
            for j in (i + 1)..<width { row[j] = -T.infinity }
        }
    }

    /// Replaces a row of scores by its softmax and returns its log-sum-exp; a row with no finite maximum (every key
    /// masked) becomes zeros with log-sum-exp -inf, or NaNs when asked. NaN scores propagate.
    @inline(__always)
    static func softmaxInPlace(_ row: UnsafeMutablePointer<T>, _ width: Int, nanIfMasked: Bool) -> T {
        let largest = T.rowMaximum(row, width)
        if largest == -T.infinity {
            for j in 0..<width { row[j] = nanIfMasked ? .nan : 0 }
            return nanIfMasked ? .nan : -T.infinity
        }
        let sum = T.exponentiate(row, width, subtracting: largest)
        let reciprocal = 1 / sum
        for j in 0..<width { row[j] *= reciprocal }
        return largest + T.log(sum)
    }
}
