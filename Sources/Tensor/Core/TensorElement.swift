import Foundation

/// A Swift type that stores the elements of one `DType`.
public protocol TensorElement: Sendable, Equatable {
    /// The dtype whose elements are stored as this type.
    static var dtype: DType { get }
    /// The value as a `Scalar`.
    var scalar: Scalar { get }
    /// Converts a scalar the way PyTorch casts between dtypes (floats truncate toward zero into integers).
    init(scalar: Scalar)
}

/// The floating-point element types, with the math functions the kernels use.
public protocol TensorFloat: TensorElement, BinaryFloatingPoint {
    static func exp(_ x: Self) -> Self
    static func expm1(_ x: Self) -> Self
    static func exp2(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func log2(_ x: Self) -> Self
    static func log10(_ x: Self) -> Self
    static func log1p(_ x: Self) -> Self
    static func sqrt(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func tan(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func erf(_ x: Self) -> Self
    static func pow(_ x: Self, _ y: Self) -> Self
    static func fmod(_ x: Self, _ y: Self) -> Self
    static func atan(_ x: Self) -> Self
    static func asin(_ x: Self) -> Self
    static func acos(_ x: Self) -> Self
    static func sinh(_ x: Self) -> Self
    static func cosh(_ x: Self) -> Self
}

extension Float: TensorFloat {
    public static var dtype: DType { .float32 }
    public var scalar: Scalar { .float(Double(self)) }
    public init(scalar: Scalar) { self = Float(scalar.doubleValue) }
    @inline(__always) public static func exp(_ x: Float) -> Float { Foundation.expf(x) }
    @inline(__always) public static func expm1(_ x: Float) -> Float { Foundation.expm1f(x) }
    @inline(__always) public static func exp2(_ x: Float) -> Float { Foundation.exp2f(x) }
    @inline(__always) public static func log(_ x: Float) -> Float { Foundation.logf(x) }
    @inline(__always) public static func log2(_ x: Float) -> Float { Foundation.log2f(x) }
    @inline(__always) public static func log10(_ x: Float) -> Float { Foundation.log10f(x) }
    @inline(__always) public static func log1p(_ x: Float) -> Float { Foundation.log1pf(x) }
    @inline(__always) public static func sqrt(_ x: Float) -> Float { x.squareRoot() }
    @inline(__always) public static func sin(_ x: Float) -> Float { Foundation.sinf(x) }
    @inline(__always) public static func cos(_ x: Float) -> Float { Foundation.cosf(x) }
    @inline(__always) public static func tan(_ x: Float) -> Float { Foundation.tanf(x) }
    @inline(__always) public static func tanh(_ x: Float) -> Float { Foundation.tanhf(x) }
    @inline(__always) public static func erf(_ x: Float) -> Float { Foundation.erff(x) }
    @inline(__always) public static func pow(_ x: Float, _ y: Float) -> Float { Foundation.powf(x, y) }
    @inline(__always) public static func fmod(_ x: Float, _ y: Float) -> Float { Foundation.fmodf(x, y) }
    @inline(__always) public static func atan(_ x: Float) -> Float { Foundation.atanf(x) }
    @inline(__always) public static func asin(_ x: Float) -> Float { Foundation.asinf(x) }
    @inline(__always) public static func acos(_ x: Float) -> Float { Foundation.acosf(x) }
    @inline(__always) public static func sinh(_ x: Float) -> Float { Foundation.sinhf(x) }
    @inline(__always) public static func cosh(_ x: Float) -> Float { Foundation.coshf(x) }
}

extension Double: TensorFloat {
    public static var dtype: DType { .float64 }
    public var scalar: Scalar { .float(self) }
    public init(scalar: Scalar) { self = scalar.doubleValue }
    @inline(__always) public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    @inline(__always) public static func expm1(_ x: Double) -> Double { Foundation.expm1(x) }
    @inline(__always) public static func exp2(_ x: Double) -> Double { Foundation.exp2(x) }
    @inline(__always) public static func log(_ x: Double) -> Double { Foundation.log(x) }
    @inline(__always) public static func log2(_ x: Double) -> Double { Foundation.log2(x) }
    @inline(__always) public static func log10(_ x: Double) -> Double { Foundation.log10(x) }
    @inline(__always) public static func log1p(_ x: Double) -> Double { Foundation.log1p(x) }
    @inline(__always) public static func sqrt(_ x: Double) -> Double { x.squareRoot() }
    @inline(__always) public static func sin(_ x: Double) -> Double { Foundation.sin(x) }
    @inline(__always) public static func cos(_ x: Double) -> Double { Foundation.cos(x) }
    @inline(__always) public static func tan(_ x: Double) -> Double { Foundation.tan(x) }
    @inline(__always) public static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
    @inline(__always) public static func erf(_ x: Double) -> Double { Foundation.erf(x) }
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
    @inline(__always) public static func fmod(_ x: Double, _ y: Double) -> Double { Foundation.fmod(x, y) }
    @inline(__always) public static func atan(_ x: Double) -> Double { Foundation.atan(x) }
    @inline(__always) public static func asin(_ x: Double) -> Double { Foundation.asin(x) }
    @inline(__always) public static func acos(_ x: Double) -> Double { Foundation.acos(x) }
    @inline(__always) public static func sinh(_ x: Double) -> Double { Foundation.sinh(x) }
    @inline(__always) public static func cosh(_ x: Double) -> Double { Foundation.cosh(x) }
}

extension Int64: TensorElement {
    public static var dtype: DType { .int64 }
    public var scalar: Scalar { .int(self) }
    public init(scalar: Scalar) {
        switch scalar {
        case .bool(let value): self = value ? 1 : 0
        case .int(let value): self = value
        // NOTE: C++ leaves out-of-range and NaN float-to-int casts undefined; x86 yields INT64_MIN, so do we
        // rather than trap.
        case .float(let value): self = Int64(exactly: value.rounded(.towardZero)) ?? .min
        }
    }
}

extension Bool: TensorElement {
    public static var dtype: DType { .bool }
    public var scalar: Scalar { .bool(self) }
    public init(scalar: Scalar) { self = scalar.isNonZero }
}
