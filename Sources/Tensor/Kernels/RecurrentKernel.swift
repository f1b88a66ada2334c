import CBLAS

/// The sizes of one recurrent layer run in one direction.
struct RecurrentGeometry {
    /// Which recurrence runs.
    let mode: RecurrentMode
    /// The sequence length.
    let steps: Int
    /// The batch size.
    let batch: Int
    /// The width of each input row.
    let inputSize: Int
    /// The width of the cell (and of each gate).
    let hiddenSize: Int
    /// The width of the hidden state the layer emits: the projection size for a projected LSTM, else `hiddenSize`.
    let outputSize: Int
    /// Whether an LSTM projects its hidden state through `weight_hr`.
    let projected: Bool
    /// Whether the input's rows run batch by batch, (b, t), as a `batch_first` input is laid out; else step by step.
    let batchMajor: Bool
    /// Whether the layer runs from the last step to the first.
    let reverse: Bool

    /// The width of the stacked gate pre-activations.
    var gateWidth: Int { mode.gateCount * hiddenSize }
    /// The number of (step, batch) rows.
    var rows: Int { steps * batch }
    /// Values kept per row for the backward pass: GRU r, z, n and the hidden part of n; LSTM i, f, g, o.
    var stashWidth: Int { mode == .gru || mode == .lstm ? 4 * hiddenSize : 0 }

    /// The row of the input (and of its projections and their gradients) holding step `t` of sequence `b`.
    @inline(__always)
    func inputRow(time t: Int, batch b: Int) -> Int { batchMajor ? b * steps + t : t * batch + b }

    /// The time index processed at step `s`.
    @inline(__always)
    func time(ofStep s: Int) -> Int { reverse ? steps - 1 - s : s }
}

/// Raw pointers to what a layer's forward reads and writes. Every buffer is contiguous.
struct RecurrentForwardBuffers<T> {
    /// The input, `[rows, inputSize]` in the geometry's row order.
    var input: UnsafeMutablePointer<T>
    var weightIH: UnsafeMutablePointer<T>
    var weightHH: UnsafeMutablePointer<T>
    var biasIH: UnsafeMutablePointer<T>?
    var biasHH: UnsafeMutablePointer<T>?
    var weightHR: UnsafeMutablePointer<T>?
    /// `[steps + 1, batch, outputSize]` in processing order; slot 0 holds h0 on entry.
    var hiddens: UnsafeMutablePointer<T>
    /// `[steps, batch, stashWidth]` in processing order (GRU and LSTM).
    var stash: UnsafeMutablePointer<T>?
    /// `[steps + 1, batch, hiddenSize]` in processing order; slot 0 holds c0 on entry (LSTM).
    var cells: UnsafeMutablePointer<T>?
    /// `[steps, batch, hiddenSize]`: the LSTM's hidden state before projection.
    var raw: UnsafeMutablePointer<T>?
    /// Scratch `[rows, gateWidth]` for the input projections.
    var inputGates: UnsafeMutablePointer<T>
    /// Scratch `[batch, gateWidth]` for one step's hidden projection.
    var hiddenGates: UnsafeMutablePointer<T>
    /// `[steps, batch, outputSize]` in time order.
    var output: UnsafeMutablePointer<T>
}

/// Raw pointers to what a layer's backward reads and writes. Every buffer is contiguous.
struct RecurrentBackwardBuffers<T> {
    var input: UnsafeMutablePointer<T>
    var weightIH: UnsafeMutablePointer<T>
    var weightHH: UnsafeMutablePointer<T>
    var weightHR: UnsafeMutablePointer<T>?
    var hiddens: UnsafeMutablePointer<T>
    var stash: UnsafeMutablePointer<T>?
    var cells: UnsafeMutablePointer<T>?
    var raw: UnsafeMutablePointer<T>?
    /// The gradient of the output, `[steps, batch, outputSize]` in time order.
    var outputGrad: UnsafeMutablePointer<T>
    /// The gradient of the final cell state, `[batch, hiddenSize]` (LSTM).
    var finalCellGrad: UnsafeMutablePointer<T>?
    /// Scratch `[rows, gateWidth]`: gradients of the input projections, in the input's row order.
    var inputGateGrads: UnsafeMutablePointer<T>
    /// Scratch `[rows, gateWidth]`: gradients of the hidden projections, in processing order.
    var hiddenGateGrads: UnsafeMutablePointer<T>
    /// Scratch `[rows, outputSize]`: gradients of the projected hidden states (projected LSTM).
    var projectionGrads: UnsafeMutablePointer<T>?
    /// Scratch `[batch, hiddenSize]`: the gradient of the unprojected hidden state (projected LSTM).
    var rawGrad: UnsafeMutablePointer<T>?
    /// Out: `[batch, outputSize]`, the gradient of h0.
    var hiddenGrad: UnsafeMutablePointer<T>
    /// Out: `[batch, hiddenSize]`, the gradient of c0 (LSTM).
    var cellGrad: UnsafeMutablePointer<T>?
    /// Out: `[rows, inputSize]` in the input's row order, when the input needs a gradient.
    var inputGrad: UnsafeMutablePointer<T>?
    var weightIHGrad: UnsafeMutablePointer<T>
    var weightHHGrad: UnsafeMutablePointer<T>
    var biasIHGrad: UnsafeMutablePointer<T>?
    var biasHHGrad: UnsafeMutablePointer<T>?
    var weightHRGrad: UnsafeMutablePointer<T>?
}

/// The recurrent layer kernels: one GEMM for every step's input projection, one GEMM per step for the hidden
/// projection, and the gate math fused over raw rows; the backward walks the steps in reverse and then forms the
/// input and weight gradients with one GEMM each.
enum RecurrentKernel<T: TensorFloat> {
    /// Runs the layer over every step, filling the hidden states, the stash and the output.
    static func forward(_ g: RecurrentGeometry, _ p: RecurrentForwardBuffers<T>) {
        let (batch, width, out) = (g.batch, g.gateWidth, g.outputSize)
        // As PyTorch's addmm: the product is added onto rows holding the bias.
        fillRows(p.inputGates, rows: g.rows, width: width, with: p.biasIH)
        gemm(false, true, m: g.rows, n: width, k: g.inputSize, p.input, lda: g.inputSize, p.weightIH,
             ldb: g.inputSize, beta: p.biasIH == nil ? 0 : 1, p.inputGates, ldc: width)
        for s in 0..<g.steps {
            if Interruption.isRequested { return }
            let t = g.time(ofStep: s)
            let previous = p.hiddens + s * batch * out
            let next = p.hiddens + (s + 1) * batch * out
            fillRows(p.hiddenGates, rows: batch, width: width, with: p.biasHH)
            gemm(false, true, m: batch, n: width, k: out, previous, lda: out, p.weightHH, ldb: out,
                 beta: p.biasHH == nil ? 0 : 1, p.hiddenGates, ldc: width)
            switch g.mode {
            case .rnnTanh, .rnnRelu:
                simpleStep(g, t: t, p.inputGates, p.hiddenGates, next)
            case .gru:
                if let stash = p.stash { gruStep(g, s: s, t: t, p.inputGates, p.hiddenGates, previous, next, stash) }
            case .lstm:
                guard let stash = p.stash, let cells = p.cells else { break }
                let emitted = p.raw.map { $0 + s * batch * g.hiddenSize } ?? next
                lstmStep(g, s: s, t: t, p.inputGates, p.hiddenGates, cells, emitted, stash)
                if let weightHR = p.weightHR {
                    gemm(false, true, m: batch, n: out, k: g.hiddenSize, emitted, lda: g.hiddenSize, weightHR,
                         ldb: g.hiddenSize, beta: 0, next, ldc: out)
                }
            }
            (p.output + t * batch * out).update(from: next, count: batch * out)
        }
    }

    /// Back-propagates through every step, then forms the input, weight and bias gradients.
    static func backward(_ g: RecurrentGeometry, _ p: RecurrentBackwardBuffers<T>) {
        let (batch, width, out, hidden) = (g.batch, g.gateWidth, g.outputSize, g.hiddenSize)
        p.hiddenGrad.update(repeating: 0, count: batch * out)
        if let cellGrad = p.cellGrad {
            if let finalCellGrad = p.finalCellGrad {
                cellGrad.update(from: finalCellGrad, count: batch * hidden)
            } else {
                cellGrad.update(repeating: 0, count: batch * hidden)
            }
        }
        for s in (0..<g.steps).reversed() {
            if Interruption.isRequested { return }
            let t = g.time(ofStep: s)
            let dh = p.hiddenGrad
            let incoming = p.outputGrad + t * batch * out
            for index in 0..<(batch * out) { dh[index] += incoming[index] }
            var dEmitted = dh
            if let weightHR = p.weightHR, let projectionGrads = p.projectionGrads, let rawGrad = p.rawGrad {
                (projectionGrads + s * batch * out).update(from: dh, count: batch * out)
                gemm(false, false, m: batch, n: hidden, k: out, dh, lda: out, weightHR, ldb: hidden, beta: 0,
                     rawGrad, ldc: hidden)
                dEmitted = rawGrad
            }
            let stepGateGrads = p.hiddenGateGrads + s * batch * width
            switch g.mode {
            case .rnnTanh, .rnnRelu:
                simpleStepBackward(g, s: s, t: t, p.hiddens, dh, p.inputGateGrads, stepGateGrads)
            case .gru:
                if let stash = p.stash {
                    gruStepBackward(g, s: s, t: t, p.hiddens, stash, dh, p.inputGateGrads, stepGateGrads)
                }
            case .lstm:
                if let stash = p.stash, let cells = p.cells, let cellGrad = p.cellGrad {
                    lstmStepBackward(g, s: s, t: t, cells, stash, dEmitted, cellGrad, p.inputGateGrads,
                                     stepGateGrads)
                }
            }
            // The GRU's direct path h' = ... + z h was already written into dh; the others start afresh.
            gemm(false, false, m: batch, n: out, k: width, stepGateGrads, lda: width, p.weightHH, ldb: out,
                 beta: g.mode == .gru ? 1 : 0, dh, ldc: out)
        }
        if let inputGrad = p.inputGrad {
            gemm(false, false, m: g.rows, n: g.inputSize, k: width, p.inputGateGrads, lda: width, p.weightIH,
                 ldb: g.inputSize, beta: 0, inputGrad, ldc: g.inputSize)
        }
        gemm(true, false, m: width, n: g.inputSize, k: g.rows, p.inputGateGrads, lda: width, p.input,
             ldb: g.inputSize, beta: 0, p.weightIHGrad, ldc: g.inputSize)
        gemm(true, false, m: width, n: out, k: g.rows, p.hiddenGateGrads, lda: width, p.hiddens, ldb: out, beta: 0,
             p.weightHHGrad, ldc: out)
        if let weightHRGrad = p.weightHRGrad, let projectionGrads = p.projectionGrads, let raw = p.raw {
            gemm(true, false, m: out, n: hidden, k: g.rows, projectionGrads, lda: out, raw, ldb: hidden, beta: 0,
                 weightHRGrad, ldc: hidden)
        }
        if let biasIHGrad = p.biasIHGrad { columnSums(p.inputGateGrads, rows: g.rows, width: width, into: biasIHGrad) }
        if let biasHHGrad = p.biasHHGrad { columnSums(p.hiddenGateGrads, rows: g.rows, width: width, into: biasHHGrad) }
    }

    /// Sets every row of a `[rows, width]` block to `bias` (left alone when there is none: the GEMM then ignores it).
    @inline(__always)
    static func fillRows(
        _ target: UnsafeMutablePointer<T>, rows: Int, width: Int, with bias: UnsafeMutablePointer<T>?
    ) {
        guard let bias else { return }
        for row in 0..<rows { (target + row * width).update(from: bias, count: width) }
    }

    /// Sums the rows of a `[rows, width]` block.
    static func columnSums(
        _ source: UnsafeMutablePointer<T>, rows: Int, width: Int, into target: UnsafeMutablePointer<T>
    ) {
        target.update(repeating: 0, count: width)
        for row in 0..<rows {
            let line = source + row * width
            for column in 0..<width { target[column] += line[column] }
        }
    }

    /// `C = op(A) op(B) + beta C` for row-major matrices, `C` being `m × n` and the inner size `k`.
    static func gemm(
        _ transposeA: Bool, _ transposeB: Bool, m: Int, n: Int, k: Int,
        _ a: UnsafeMutablePointer<T>, lda: Int, _ b: UnsafeMutablePointer<T>, ldb: Int,
        beta: T, _ c: UnsafeMutablePointer<T>, ldc: Int
    ) {
        guard m > 0 && n > 0 else { return }
        if k == 0 {
            if beta == 0 { for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) } }
            return
        }
        BLASSetup.prepare(m: m, n: n, k: k)
        let ta = transposeA ? CblasTrans : CblasNoTrans
        let tb = transposeB ? CblasTrans : CblasNoTrans
        let (m32, n32, k32) = (Int32(m), Int32(n), Int32(k))
        let (lda32, ldb32, ldc32) = (Int32(Swift.max(lda, 1)), Int32(Swift.max(ldb, 1)), Int32(Swift.max(ldc, 1)))
        if T.self == Float.self {
            cblas_sgemm(CblasRowMajor, ta, tb, m32, n32, k32, 1, rebound(a, Float.self), lda32, rebound(b, Float.self),
                        ldb32, Float(beta), rebound(c, Float.self), ldc32)
        } else {
            cblas_dgemm(CblasRowMajor, ta, tb, m32, n32, k32, 1, rebound(a, Double.self), lda32,
                        rebound(b, Double.self), ldb32, Double(beta), rebound(c, Double.self), ldc32)
        }
    }

    @inline(__always)
    private static func rebound<U>(_ pointer: UnsafeMutablePointer<T>, _ type: U.Type) -> UnsafeMutablePointer<U> {
        UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: U.self)
    }
}
