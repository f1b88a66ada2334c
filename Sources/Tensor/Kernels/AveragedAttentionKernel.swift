import AttentionRows

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
/// multiplied by V (BLAS) into that head's columns of the attended `[L, N, E]` result. The blocks are shared among
/// the cores, each with its own scores buffer and single-threaded products.
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
        let blocksPerEntry = (rows + block - 1) / block
        let divisor = T(heads)
        // Blocks run side by side, each product on its block's own thread.
        BLASSetup.prepareSerial()
        ParallelRows.forEach(rows: problem.batch * blocksPerEntry, elementsPerRow: block * keys * heads) { tasks in
            let scores = UnsafeMutablePointer<T>.allocate(capacity: block * keys)
            defer { scores.deallocate() }
            for task in tasks {
                if Interruption.isRequested { return }
                let (n, start) = (task / blocksPerEntry, task % blocksPerEntry * block)
                let count = Swift.min(block, rows - start)
                let averaged = w + (n * rows + start) * keys
                for h in 0..<heads {
                    let bh = n * heads + h
                    let (qb, kb, vb) = (q + layout.query.offsets[bh], k + layout.key.offsets[bh],
                                        v + layout.value.offsets[bh])
                    T.gemmAsConfigured(false, true, count, keys, e, 1, qb + start * layout.query.rowStride,
                                       layout.query.rowStride, kb, layout.key.rowStride, 0, scores, keys)
                    let stage: AveragingStage = h == 0 ? .first : (h == heads - 1 ? .last : .middle)
                    for r in 0..<count {
                        let row = scores + r * keys
                        AttentionKernel<T>.applyMask(layout, mask: mask, batch: bh, query: start + r, row: row,
                                                     width: keys)
                        softmaxAccumulating(row, keys, into: averaged + r * keys, stage, divisor: divisor)
                    }
                    T.gemmAsConfigured(false, false, count, ev, keys, 1, scores, keys, vb, layout.value.rowStride, 0,
                                       a + start * problem.attendedRowStride + (n * heads + h) * ev,
                                       problem.attendedRowStride)
                }
            }
        }
    }

    /// Replaces a row of scores by its softmax (NaN throughout when every key is masked, as `softmax`) and folds it
    /// into the averaged row in the same pass that normalises it.
    @inline(__always)
    static func softmaxAccumulating(
        _ row: UnsafeMutablePointer<T>, _ width: Int, into averaged: UnsafeMutablePointer<T>, _ stage: AveragingStage,
        divisor: T
    ) {
        let largest = T.rowMaximum(row, width)
        let reciprocal: T
        if largest == -T.infinity {
            row.update(repeating: .nan, count: width)
            reciprocal = 1
        } else {
            reciprocal = 1 / T.exponentiate(row, width, subtracting: largest)
        }
        if T.self == Float.self {
            AttentionExp.normalize(
                UnsafeMutableRawPointer(row).assumingMemoryBound(to: Float.self), width,
                by: unsafeBitCast(reciprocal, to: Float.self),
                into: UnsafeMutableRawPointer(averaged).assumingMemoryBound(to: Float.self), stage,
                divisor: unsafeBitCast(divisor, to: Float.self))
            return
        }
        for j in 0..<width {
            row[j] *= reciprocal
            switch stage {
            case .first: averaged[j] = row[j]
            case .middle: averaged[j] += row[j]
            case .last: averaged[j] = (averaged[j] + row[j]) / divisor
            }
        }
    }

    /// Query rows per block: about 512 KB of float scores, which stay in the core's cache between the product that
    /// writes them, the softmax and the product that reads them, and few enough rows that every core gets two
    /// blocks, yet at least 32 rows, so that BLAS packs each head's keys and values over many rows rather than once
    /// per handful.
    static func blockRows(queries: Int, keys: Int) -> Int {
        let cached = (1 << 17) / Swift.max(keys, 1)
        let shared = (queries + 2 * ParallelRows.cores - 1) / (2 * ParallelRows.cores)
        return Swift.max(1, Swift.min(queries, Swift.max(32, Swift.min(cached, shared))))
    }
}
