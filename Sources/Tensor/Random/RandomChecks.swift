import Foundation

/// The argument checks PyTorch's random operations make before drawing anything, with its exact messages.
enum RandomChecks {
    /// A double as C++'s `operator<<` prints it in PyTorch's messages (six significant digits, `%g` style).
    static func describe(_ value: Double) -> String {
        String(format: "%g", value)
    }

    /// The C type name PyTorch prints for a dtype in bounds messages (`float`, `long int`).
    static func typeName(_ dtype: DType) -> String {
        switch dtype {
        case .bool: return "bool"
        case .int64: return "long int"
        case .float32: return "float"
        case .float64: return "double"
        }
    }

    /// `uniform_`'s checks: a floating dtype, finite bounds in that dtype's range, and a range it can represent.
    static func uniform(from: Double, to: Double, dtype: DType) throws(TensorError) {
        let limit: Double
        switch dtype {
        case .float32: limit = Double(Float.greatestFiniteMagnitude)
        case .float64: limit = Double.greatestFiniteMagnitude
        case .bool, .int64: throw .notImplemented(op: "check_uniform_bounds", dtype: dtype)
        }
        for (value, name) in [(from, "from"), (to, "to")] where !(value >= -limit && value <= limit) {
            throw .invalidRange(op: "uniform_", detail: "\(name) is out of bounds for \(typeName(dtype))")
        }
        guard from <= to else {
            throw .invalidRange(op: "uniform_", detail: "uniform_ expects to return a [from, to) range, but found "
                + "from=\(describe(from)) > to=\(describe(to))")
        }
        guard to - from <= limit else {
            throw .invalidRange(op: "uniform_", detail: "uniform_ expects to-from <= std::numeric_limits<"
                + "\(dtype.scalarTypeName)>::max(), but found to=\(describe(to)) and from=\(describe(from)) which "
                + "result in to-from to exceed the limit")
        }
    }

    /// `normal_`'s checks: a non-negative standard deviation, then a floating dtype.
    static func normal(std: Double, dtype: DType) throws(TensorError) {
        guard std >= 0 else {
            throw .invalidArgument(op: "normal_", detail: "normal expects std >= 0.0, but found std \(describe(std))")
        }
        guard dtype.isFloatingPoint else { throw .notImplemented(op: "normal_kernel_cpu", dtype: dtype) }
    }

    /// `exponential_`'s checks: a positive rate, then a floating dtype.
    static func exponential(lambda: Double, dtype: DType) throws(TensorError) {
        guard lambda > 0 else {
            throw .invalidArgument(op: "exponential_", detail: "exponential_ expects lambda > 0.0, but found "
                + "lambda=\(describe(lambda))")
        }
        guard dtype.isFloatingPoint else {
            throw .invalidArgument(op: "exponential_", detail: "Exponential distribution is a continuous probability "
                + "distribution. dtype must be a floating point but you specified \(dtype.scalarTypeName)")
        }
    }

    /// `bernoulli_`'s check on a scalar probability.
    static func bernoulli(p: Double) throws(TensorError) {
        guard p >= 0 && p <= 1 else {
            throw .invalidArgument(op: "bernoulli_", detail: "bernoulli_ expects p to be in [0, 1], but got "
                + "p=\(describe(p))")
        }
    }

    /// The message for a probability outside [0, 1] inside a probability tensor.
    static let bernoulliTensorMessage = "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this "
        + "error message be improved?  If so, please report an enhancement request to PyTorch.)"

    /// `random_(from, to)`'s checks; returns the bounds adjusted to values a floating dtype can hold.
    static func randomRange(from: Int64, to: Int64, dtype: DType) throws(TensorError) -> (from: Int64, to: Int64) {
        guard from < to else {
            throw .invalidRange(op: "random_", detail: "random_ expects 'from' to be less than 'to', but got "
                + "from=\(from) >= to=\(to)")
        }
        switch dtype {
        case .float32, .float64:
            let digits = dtype == .float32 ? Float.significandBitCount + 1 : Double.significandBitCount + 1
            let round: (Int64) -> Int64 = dtype == .float32
                ? { Cast.truncate(Double(Float($0))) } : { Cast.truncate(Double($0)) }
            let (low, high) = (adjustedFrom(from, digits: digits, round: round),
                               adjustedTo(to, digits: digits, round: round))
            guard low < high else {
                throw .invalidRange(op: "random_", detail: "random_ expects 'from' casted to dtype to be less than "
                    + "'to' casted to dtype, but got from=\(low) >= to=\(high)")
            }
            return (low, high)
        case .bool:
            if from < 0 || from > 1 {
                throw .invalidRange(op: "random_", detail: "from is out of bounds for bool")
            }
            if to - 1 > 1 {
                throw .invalidRange(op: "random_", detail: "to - 1 is out of bounds for bool")
            }
            return (from, to)
        case .int64:
            return (from, to)
        }
    }

    // NOTE: when `from` is not representable in a floating dtype, PyTorch moves it up to the next value that is, so
    // that no draw rounds below it; `to` moves down likewise.
    private static func adjustedFrom(_ from: Int64, digits: Int, round: (Int64) -> Int64) -> Int64 {
        let rounded = round(from &+ 1)
        guard rounded < from else { return from }
        let shift = Int64.bitWidth - 1 - (from &+ 1).magnitude.leadingZeroBitCount - digits + 1
        return shift >= 0 && shift < 63 ? rounded &+ (1 << shift) : from
    }

    private static func adjustedTo(_ to: Int64, digits: Int, round: (Int64) -> Int64) -> Int64 {
        let rounded = round(to &- 1)
        guard rounded >= to else { return to }
        let shift = Int64.bitWidth - 1 - (to &- 1).magnitude.leadingZeroBitCount - digits + 1
        return shift >= 0 && shift < 63 ? rounded &- (1 << shift) : to
    }
}
