import CBLAS

/// Matrix products of strided operands through CBLAS, with a plain loop for int64 (BLAS has no integer GEMM).
enum Gemm {
    /// How BLAS should read a matrix stored with the given strides, or nil if it must be copied first.
    struct Layout {
        let transpose: CBLAS_TRANSPOSE
        let leadingDimension: Int

        init?(rows: Int, columns: Int, rowStride: Int, columnStride: Int) {
            // A dimension of size 1 has no meaningful stride; pick whichever makes the layout valid.
            if (columnStride == 1 || columns == 1) && (rowStride >= Swift.max(columns, 1) || rows == 1) {
                transpose = CblasNoTrans
                leadingDimension = rows == 1 ? Swift.max(columns, 1) : rowStride
            } else if (rowStride == 1 || rows == 1) && (columnStride >= Swift.max(rows, 1) || columns == 1) {
                transpose = CblasTrans
                leadingDimension = columns == 1 ? Swift.max(rows, 1) : columnStride
            } else {
                return nil
            }
            if leadingDimension > Int(Int32.max) { return nil }
        }
    }

    /// `out[b] = a[b] @ b[b]` for every batch `b` (or `out[b] += ...` when `accumulate`), where `a` is
    /// `[batch, m, k]`, `b` is `[batch, k, n]` and `out` a contiguous `[batch, m, n]`. Operands BLAS cannot read in
    /// place are copied once.
    static func batched(_ a: Tensor, _ b: Tensor, into out: Tensor, accumulate: Bool = false) throws(TensorError) {
        let (batch, m, k, n) = (out.shape[0], out.shape[1], a.shape[2], out.shape[2])
        guard batch > 0 && m > 0 && n > 0 else { return }
        guard m <= Int(Int32.max) && n <= Int(Int32.max) && k <= Int(Int32.max) else {
            throw .invalidArgument(op: "matmul", detail: "matrix dimensions beyond 2^31 - 1 are not supported")
        }
        if k == 0 {
            if !accumulate { out.fillUnchecked(.int(0)) }
            return
        }
        if out.dtype == .int64 {
            integerProduct(a, b, into: out, batch: batch, m: m, k: k, n: n, accumulate: accumulate)
            return
        }
        if Double(m) * Double(n) * Double(k) <= Double(smallWork) {
            switch out.dtype {
            case .float32: smallProduct(Float.self, a, b, into: out, batch: batch, m: m, k: k, n: n,
                                        accumulate: accumulate)
            case .float64: smallProduct(Double.self, a, b, into: out, batch: batch, m: m, k: k, n: n,
                                        accumulate: accumulate)
            case .int64, .bool: break
            }
            return
        }
        let beta: Float = accumulate ? 1 : 0
        var (lhs, rhs) = (a, b)
        var layoutA = Layout(rows: m, columns: k, rowStride: lhs.strides[1], columnStride: lhs.strides[2])
        if layoutA == nil {
            lhs = try a.contiguousCopy()
            layoutA = Layout(rows: m, columns: k, rowStride: k, columnStride: 1)
        }
        var layoutB = Layout(rows: k, columns: n, rowStride: rhs.strides[1], columnStride: rhs.strides[2])
        if layoutB == nil {
            rhs = try b.contiguousCopy()
            layoutB = Layout(rows: k, columns: n, rowStride: n, columnStride: 1)
        }
        guard let layoutA, let layoutB else { return }
        let (strideA, strideB) = (lhs.strides[0], rhs.strides[0])
        switch out.dtype {
        case .float32:
            let (pa, pb, pc) = (lhs.pointer(as: Float.self), rhs.pointer(as: Float.self), out.pointer(as: Float.self))
            forEachBand(batch: batch, m: m, n: n, k: k, rowStrideA: lhs.strides[1]) { i, row, rows in
                cblas_sgemm(
                    CblasRowMajor, layoutA.transpose, layoutB.transpose, Int32(rows), Int32(n), Int32(k),
                    1, pa + i * strideA + row * lhs.strides[1], Int32(layoutA.leadingDimension), pb + i * strideB,
                    Int32(layoutB.leadingDimension), beta, pc + (i * m + row) * n, Int32(n))
            }
        case .float64:
            let (pa, pb, pc) = (lhs.pointer(as: Double.self), rhs.pointer(as: Double.self), out.pointer(as: Double.self))
            forEachBand(batch: batch, m: m, n: n, k: k, rowStrideA: lhs.strides[1]) { i, row, rows in
                cblas_dgemm(
                    CblasRowMajor, layoutA.transpose, layoutB.transpose, Int32(rows), Int32(n), Int32(k),
                    1, pa + i * strideA + row * lhs.strides[1], Int32(layoutA.leadingDimension), pb + i * strideB,
                    Int32(layoutB.leadingDimension), Double(beta), pc + (i * m + row) * n, Int32(n))
            }
        case .int64, .bool:
            break
        }
    }

    /// Calls `body(batch, firstRow, rowCount)` for bands of rows covering every product, each band one
    /// single-threaded BLAS call: a large product's bands run on every core, one band per core, so each core packs
    /// the right operand once (and on one core only when the user limited OpenBLAS to one thread).
    ///
    /// OpenBLAS's own threads divide a product finely and wait for one another inside it, so on a machine whose
    /// other core is busy a 256² product ran slower on two threads than on one; bands that share nothing but the
    /// inputs finish as each core gets to them.
    @inline(__always)
    private static func forEachBand(
        batch: Int, m: Int, n: Int, k: Int, rowStrideA: Int, _ body: (Int, Int, Int) -> Void
    ) {
        BLASSetup.prepareSerial()
        forEachBlock(batch: batch, m: m, n: n, k: k, rowStrideA: rowStrideA) { i, row, rows in
            guard rows > 1, BLASSetup.parallelThreads > 1,
                  Double(rows) * Double(n) * Double(k) >= BLASSetup.parallelWork else {
                body(i, row, rows)
                return
            }
            ParallelRows.forEach(rows: rows, elementsPerRow: n &* k, chunksPerCore: 1) { band in
                body(i, row + band.lowerBound, band.count)
            }
        }
    }

    /// The most multiply-adds one BLAS call does between looks at the interrupt flag (about ten milliseconds); a
    /// band repacks the whole right operand, so smaller bands would cost a 1024² product several percent.
    private static let blockWork = 1 << 30

    /// Calls `body(batch, firstRow, rowCount)` for every batch, split into bands of rows of `a` small enough that
    /// Ctrl-C stops a single large product promptly; stops early when an interrupt is requested.
    @inline(__always)
    private static func forEachBlock(
        batch: Int, m: Int, n: Int, k: Int, rowStrideA: Int, _ body: (Int, Int, Int) -> Void
    ) {
        // A band of one row has no meaningful row stride in every layout; small products stay whole.
        let perRow = Swift.max(n.multipliedReportingOverflow(by: k).overflow ? Int.max : n * k, 1)
        let band = m == 1 ? 1 : Swift.max(1, Swift.min(m, blockWork / perRow))
        for i in 0..<batch {
            var row = 0
            while row < m {
                if Interruption.isRequested { return }
                let rows = Swift.min(band, m - row)
                body(i, row, rows)
                row += rows
            }
        }
    }

    /// The most multiply-adds per matrix that `smallProduct` computes instead of BLAS.
    static let smallWork = 1024

    /// A tiny float product as a plain loop: cheaper than a BLAS call's set-up and packing, and each element summed
    /// in `k` order with separate multiplies and adds, as PyTorch's CPU results for such sizes are (BLAS's AVX
    /// kernels fuse the multiply-adds, which moved an LSTM cell's printed gradient by a last digit).
    private static func smallProduct<T: TensorFloat>(
        _ type: T.Type, _ a: Tensor, _ b: Tensor, into out: Tensor, batch: Int, m: Int, k: Int, n: Int,
        accumulate: Bool
    ) {
        let (pa, pb, pc) = (a.pointer(as: T.self), b.pointer(as: T.self), out.pointer(as: T.self))
        let (sa, sb) = (a.strides, b.strides)
        for i in 0..<batch {
            for row in 0..<m {
                for column in 0..<n {
                    var total: T = 0
                    for p in 0..<k { total += pa[i * sa[0] + row * sa[1] + p * sa[2]] * pb[i * sb[0] + p * sb[1]
                        + column * sb[2]] }
                    let index = (i * m + row) * n + column
                    pc[index] = accumulate ? pc[index] + total : total
                }
            }
        }
    }

    /// The int64 product, which PyTorch supports on the CPU and BLAS does not.
    private static func integerProduct(
        _ a: Tensor, _ b: Tensor, into out: Tensor, batch: Int, m: Int, k: Int, n: Int, accumulate: Bool
    ) {
        let (pa, pb, pc) = (a.pointer(as: Int64.self), b.pointer(as: Int64.self), out.pointer(as: Int64.self))
        let (sa, sb) = (a.strides, b.strides)
        for batchIndex in 0..<batch {
            for i in 0..<m {
                if Interruption.isRequested { return }
                for j in 0..<n {
                    var total: Int64 = accumulate ? pc[(batchIndex * m + i) * n + j] : 0
                    for p in 0..<k {
                        let x = pa[batchIndex * sa[0] + i * sa[1] + p * sa[2]]
                        let y = pb[batchIndex * sb[0] + p * sb[1] + j * sb[2]]
                        total = total &+ x &* y
                    }
                    pc[(batchIndex * m + i) * n + j] = total
                }
            }
        }
    }
}
