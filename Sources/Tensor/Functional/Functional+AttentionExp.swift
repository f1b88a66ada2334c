import AttentionRows

/// The passes over a row of attention scores that the fused kernels make (`RowKernels`), at the widest vectors this
/// processor runs: sixteen lanes where OpenBLAS runs its AVX-512 kernels (`WideRows`, built for them), eight
/// otherwise. Attention evaluates L × S exponentials, so these loops are most of its time after the products.
enum AttentionExp {
    /// Whether the sixteen-lane kernels run: OpenBLAS chose (or was set up with) an AVX-512 core, so the processor
    /// and the system both support AVX-512 (under valgrind, which emulates no AVX-512, OpenBLAS picks Haswell).
    static let wide = BLASSetup.usesAVX512

    /// `exp(x)` lane by lane for `x ≤ 0` (see `RowKernels.exp`).
    @inline(__always)
    static func exp(_ input: SIMD8<Float>) -> SIMD8<Float> { RowKernels.exp(input) }

    /// Replaces `row[j]` by `exp(row[j] - shift)` for `j < count` and returns their sum.
    @inline(__always)
    static func exponentiate(_ row: UnsafeMutablePointer<Float>, _ count: Int, subtracting shift: Float) -> Float {
        wide ? WideRows.exponentiate(row, count, subtracting: shift)
            : RowKernels.exponentiate(row, count, subtracting: shift, as: SIMD8<Float>.self)
    }

    /// Multiplies `row[j]` by `factor` for `j < count` and folds each product into `averaged[j]` as `stage` says.
    @inline(__always)
    static func normalize(
        _ row: UnsafeMutablePointer<Float>, _ count: Int, by factor: Float, into averaged: UnsafeMutablePointer<Float>,
        _ stage: AveragingStage, divisor: Float
    ) {
        if wide {
            WideRows.normalize(row, count, by: factor, into: averaged, stage, divisor: divisor)
        } else {
            RowKernels.normalize(row, count, by: factor, into: averaged, stage, divisor: divisor, as: SIMD8<Float>.self)
        }
    }

    /// The largest element of a row, passing over NaNs unless nothing but -inf is beside them.
    @inline(__always)
    static func maximum(_ row: UnsafeMutablePointer<Float>, _ count: Int) -> Float {
        wide ? WideRows.maximum(row, count) : RowKernels.maximum(row, count, as: SIMD8<Float>.self)
    }
}
