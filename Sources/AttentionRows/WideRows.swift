/// The row kernels at sixteen lanes, for processors with AVX-512: this target alone is built for them in release
/// builds, so these functions may only be called where `WideRows.isUsable` has been checked by the caller. They are
/// deliberately not inlinable: their bodies must stay in this target's AVX-512 code.
public enum WideRows {
    /// The largest element of a row (see `RowKernels.maximum`).
    public static func maximum(_ row: UnsafeMutablePointer<Float>, _ count: Int) -> Float {
        RowKernels.maximum(row, count, as: SIMD16<Float>.self)
    }

    /// `row[j] = exp(row[j] - shift)` and their sum (see `RowKernels.exponentiate`).
    public static func exponentiate(_ row: UnsafeMutablePointer<Float>, _ count: Int, subtracting shift: Float)
        -> Float {
        RowKernels.exponentiate(row, count, subtracting: shift, as: SIMD16<Float>.self)
    }

    /// The normalised row folded into the head average (see `RowKernels.normalize`).
    public static func normalize(
        _ row: UnsafeMutablePointer<Float>, _ count: Int, by factor: Float, into averaged: UnsafeMutablePointer<Float>,
        _ stage: AveragingStage, divisor: Float
    ) {
        RowKernels.normalize(row, count, by: factor, into: averaged, stage, divisor: divisor, as: SIMD16<Float>.self)
    }
}
