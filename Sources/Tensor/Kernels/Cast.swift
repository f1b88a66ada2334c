/// The elementwise copy between any two dtypes, with PyTorch's conversions: floats truncate toward zero into int64,
/// anything non-zero (NaN included) becomes `true`, and bools become 0 or 1.
enum Cast {
    /// Writes `source`, broadcast to `destination`'s shape and converted to its dtype, into `destination`.
    static func copy(_ source: Tensor, into destination: Tensor) {
        switch (source.dtype, destination.dtype) {
        case (.float32, .float32): Elementwise.map(source, into: destination) { (x: Float) in x }
        case (.float32, .float64): Elementwise.map(source, into: destination) { (x: Float) in Double(x) }
        case (.float32, .int64): Elementwise.map(source, into: destination) { (x: Float) in truncate(Double(x)) }
        case (.float32, .bool): Elementwise.map(source, into: destination) { (x: Float) in x != 0 }
        case (.float64, .float32): Elementwise.map(source, into: destination) { (x: Double) in Float(x) }
        case (.float64, .float64): Elementwise.map(source, into: destination) { (x: Double) in x }
        case (.float64, .int64): Elementwise.map(source, into: destination) { (x: Double) in truncate(x) }
        case (.float64, .bool): Elementwise.map(source, into: destination) { (x: Double) in x != 0 }
        case (.int64, .float32): Elementwise.map(source, into: destination) { (x: Int64) in Float(x) }
        case (.int64, .float64): Elementwise.map(source, into: destination) { (x: Int64) in Double(x) }
        case (.int64, .int64): Elementwise.map(source, into: destination) { (x: Int64) in x }
        case (.int64, .bool): Elementwise.map(source, into: destination) { (x: Int64) in x != 0 }
        case (.bool, .float32): Elementwise.map(source, into: destination) { (x: Bool) -> Float in x ? 1 : 0 }
        case (.bool, .float64): Elementwise.map(source, into: destination) { (x: Bool) -> Double in x ? 1 : 0 }
        case (.bool, .int64): Elementwise.map(source, into: destination) { (x: Bool) -> Int64 in x ? 1 : 0 }
        case (.bool, .bool): Elementwise.map(source, into: destination) { (x: Bool) in x }
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
