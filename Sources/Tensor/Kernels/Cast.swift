/// The elementwise copy between any two dtypes, with PyTorch's conversions: floats truncate toward zero into int64,
/// anything non-zero (NaN included) becomes `true`, and bools become 0 or 1.
enum Cast {
    /// Writes `source`, broadcast to `destination`'s shape and converted to its dtype, into `destination`.
    static func copy(_ source: Tensor, into destination: Tensor) {
        switch (source.dtype, destination.dtype) {
        case (.float32, .float32): copyRows(source, into: destination, as: Float.self)
        case (.float32, .float64): Elementwise.map(source, into: destination) { (x: Float) in Double(x) }
        case (.float32, .int64): Elementwise.map(source, into: destination) { (x: Float) in truncate(Double(x)) }
        case (.float32, .bool): Elementwise.map(source, into: destination) { (x: Float) in x != 0 }
        case (.float64, .float32): Elementwise.map(source, into: destination) { (x: Double) in Float(x) }
        case (.float64, .float64): copyRows(source, into: destination, as: Double.self)
        case (.float64, .int64): Elementwise.map(source, into: destination) { (x: Double) in truncate(x) }
        case (.float64, .bool): Elementwise.map(source, into: destination) { (x: Double) in x != 0 }
        case (.int64, .float32): Elementwise.map(source, into: destination) { (x: Int64) in Float(x) }
        case (.int64, .float64): Elementwise.map(source, into: destination) { (x: Int64) in Double(x) }
        case (.int64, .int64): copyRows(source, into: destination, as: Int64.self)
        case (.int64, .bool): Elementwise.map(source, into: destination) { (x: Int64) in x != 0 }
        case (.bool, .float32): Elementwise.map(source, into: destination) { (x: Bool) -> Float in x ? 1 : 0 }
        case (.bool, .float64): Elementwise.map(source, into: destination) { (x: Bool) -> Double in x ? 1 : 0 }
        case (.bool, .int64): Elementwise.map(source, into: destination) { (x: Bool) -> Int64 in x ? 1 : 0 }
        case (.bool, .bool): copyRows(source, into: destination, as: Bool.self)
        }
    }

    /// A copy within one dtype, a row at a time: rows both sides walk in order (a slice, a concatenation, a
    /// contiguous copy of a column view) move as blocks, a broadcast row (a bias) is a fill, and only rows strided
    /// on either side go element by element.
    @inline(__always)
    private static func copyRows<T: TensorElement>(_ source: Tensor, into destination: Tensor, as _: T.Type) {
        let from = source.pointer(as: T.self)
        let to = destination.pointer(as: T.self)
        if source.shape == destination.shape && source.isContiguous && destination.isContiguous {
            Interruption.forEachChunk(of: destination.count) { range in
                (to + range.lowerBound).update(from: from + range.lowerBound, count: range.count)
            }
            return
        }
        let loop = StridedLoop(shape: destination.shape,
                               strides: [source.strides(broadcastTo: destination.shape), destination.strides])
        let (strideIn, strideOut) = (loop.rowStride(0), loop.rowStride(1))
        loop.forEachRun { offsets, length in
            var (input, output) = (from + offsets[0], to + offsets[1])
            switch (strideIn, strideOut) {
            case (1, 1): output.update(from: input, count: length)
            case (0, 1): output.update(repeating: input.pointee, count: length)
            default:
                for _ in 0..<length {
                    output.pointee = input.pointee
                    input += strideIn
                    output += strideOut
                }
            }
        }
    }

    /// A float truncated toward zero, as C++'s cast does.
    @inline(__always)
    static func truncate(_ x: Double) -> Int64 {
        // NOTE: NaN and out-of-range values are undefined in C++; x86's conversion gives INT64_MIN, and so do we
        // rather than trap.
        guard x > -9.223372036854775808e18 && x < 9.223372036854775808e18 else { return .min }
        return Int64(x)
    }
}
