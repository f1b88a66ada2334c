/// The geometry of one averaged-weights attention: the layout's batch runs over `batch × heads` matrices, head
/// fastest.
struct AveragedAttentionProblem {
    let layout: AttentionLayout
    let batch: Int
    let heads: Int
    /// The distance between rows of the attended output (`batch * embed`), in elements.
    let attendedRowStride: Int
}

/// Multi-head attention that returns its weights averaged over heads, without ever holding the per-head weights:
/// for each batch entry, blocks of query rows at a time, every head's scores block goes through BLAS
/// (`Q Kᵀ + mask`), a row softmax in place, is summed into the block's rows of the averaged `[L, S]` output, and is
/// multiplied by V (BLAS) into that head's columns of the attended `[L, N, E]` result.
///
/// It computes what the composed path does (`baddbmm`, softmax, `bmm`, mean over heads) in the same order per
/// element: the heads are summed first to last and divided by their count once. A query whose every key is masked
/// gives NaN weights and output, as `softmax` does.
enum AveragedAttentionKernel<T: AttentionElement> {
    /// Fills `attended` (contiguous `[L, N, heads * Ev]`) and `weights` (contiguous `[N, L, S]`).
    /// `query` must already be scaled; `mask` is nil or of element type `T`.
    static func forward(
        _ problem: AveragedAttentionProblem, query: Tensor, key: Tensor, value: Tensor, mask: Tensor?, attended: Tensor,
        weights: Tensor
    ) {
        let layout = problem.layout
        let (q, k, v) = (query.pointer(as: T.self), key.pointer(as: T.self), value.pointer(as: T.self))
        let (a, w) = (attended.pointer(as: T.self), weights.pointer(as: T.self))
        let (rows, keys, e, ev, heads) = (layout.queries, layout.keys, layout.headDim, layout.valueDim, problem.heads)
        let block = blockRows(queries: rows, keys: keys)
        let scores = UnsafeMutablePointer<T>.allocate(capacity: block * keys)
        defer { scores.deallocate() }
        let divisor = T(heads)
        for n in 0..<problem.batch {
            var start = 0
            while start < rows {
                if Interruption.isRequested { return }
                let count = Swift.min(block, rows - start)
                let total = count * keys
                let averaged = w + (n * rows + start) * keys
                for h in 0..<heads {
                    let bh = n * heads + h
                    let (qb, kb, vb) = (q + layout.query.offsets[bh], k + layout.key.offsets[bh],
                                        v + layout.value.offsets[bh])
                    T.gemm(false, true, count, keys, e, 1, qb + start * layout.query.rowStride,
                           layout.query.rowStride, kb, layout.key.rowStride, 0, scores, keys)
                    for r in 0..<count {
                        let row = scores + r * keys
                        AttentionKernel<T>.applyMask(layout, mask: mask, batch: bh, query: start + r, row: row,
                                                     width: keys)
                        _ = AttentionKernel<T>.softmaxInPlace(row, keys, nanIfMasked: true)
                    }
                    if h == 0 {
                        averaged.update(from: scores, count: total)
                    } else {
                        for j in 0..<total { averaged[j] += scores[j] }
                    }
                    T.gemm(false, false, count, ev, keys, 1, scores, keys, vb, layout.value.rowStride, 0,
                           a + start * problem.attendedRowStride + (n * heads + h) * ev, problem.attendedRowStride)
                }
                for j in 0..<total { averaged[j] /= divisor }
                start += count
            }
        }
    }

    /// Query rows per block: about 4 MB of float scores, small next to the `[L, S]` result, yet tall enough that
    /// BLAS packs each head's keys and values over many rows rather than once per handful.
    static func blockRows(queries: Int, keys: Int) -> Int {
        Swift.max(1, Swift.min(queries, Swift.max(32, (1 << 20) / Swift.max(keys, 1))))
    }
}
