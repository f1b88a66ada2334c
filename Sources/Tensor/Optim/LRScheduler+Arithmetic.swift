import Foundation

/// Arithmetic on Python numbers as a scheduler's formulas do it: ints stay ints (`1 * 1` is `1`, printed without a
/// point), anything with a float is a float, `/` always gives a float, and dividing by zero is a `ZeroDivisionError`.
enum PythonArithmetic {
    /// `a * b`.
    static func multiply(_ a: Scalar, _ b: Scalar) -> Scalar {
        if let (x, y) = integers(a, b) {
            let (product, overflow) = x.multipliedReportingOverflow(by: y)
            // Python's ints never overflow; a float is the nearest thing for such huge learning rates.
            return overflow ? .float(Double(x) * Double(y)) : .int(product)
        }
        return .float(a.doubleValue * b.doubleValue)
    }

    /// `a + b`.
    static func add(_ a: Scalar, _ b: Scalar) -> Scalar {
        if let (x, y) = integers(a, b) {
            let (sum, overflow) = x.addingReportingOverflow(y)
            return overflow ? .float(Double(x) + Double(y)) : .int(sum)
        }
        return .float(a.doubleValue + b.doubleValue)
    }

    /// `a - b`.
    static func subtract(_ a: Scalar, _ b: Scalar) -> Scalar {
        if let (x, y) = integers(a, b) {
            let (difference, overflow) = x.subtractingReportingOverflow(y)
            return overflow ? .float(Double(x) - Double(y)) : .int(difference)
        }
        return .float(a.doubleValue - b.doubleValue)
    }

    /// `a / b` (true division).
    static func divide(_ a: Scalar, _ b: Scalar, source: String) throws(OptimizerError) -> Scalar {
        guard b.doubleValue != 0 else {
            let bothIntegers = integers(a, b) != nil
            throw .zeroDivision(source: source, detail: bothIntegers ? "division by zero" : "float division by zero")
        }
        return .float(a.doubleValue / b.doubleValue)
    }

    /// `base ** exponent` for an int exponent: an int for an int base and a non-negative exponent, else C's `pow`.
    static func power(_ base: Scalar, _ exponent: Int) -> Scalar {
        guard let (x, _) = integers(base, .int(0)), exponent >= 0 else {
            return .float(Foundation.pow(base.doubleValue, Double(exponent)))
        }
        // Exponentiation by squaring, so a huge epoch count costs a few dozen multiplications.
        var (result, square, remaining): (Int64, Int64, Int) = (1, x, exponent)
        var overflowed = false
        while remaining > 0 && !overflowed {
            if remaining & 1 == 1 {
                let (product, overflow) = result.multipliedReportingOverflow(by: square)
                (result, overflowed) = (product, overflow)
            }
            remaining >>= 1
            if remaining > 0 && !overflowed {
                let (product, overflow) = square.multipliedReportingOverflow(by: square)
                (square, overflowed) = (product, overflow)
            }
        }
        return overflowed ? .float(Foundation.pow(Double(x), Double(exponent))) : .int(result)
    }

    /// `a // b` for ints: rounded toward negative infinity.
    static func floorDivide(_ a: Int, _ b: Int, source: String) throws(OptimizerError) -> Int {
        guard b != 0 else { throw .zeroDivision(source: source, detail: "integer division or modulo by zero") }
        if b == -1 { return 0 &- a }
        let quotient = a / b
        return (a % b != 0) && ((a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    /// `a % b` for ints: floored, so the result has the divisor's sign.
    static func modulo(_ a: Int, _ b: Int, source: String) throws(OptimizerError) -> Int {
        guard b != 0 else { throw .zeroDivision(source: source, detail: "integer modulo by zero") }
        if b == -1 { return 0 }
        let remainder = a % b
        return remainder != 0 && (remainder < 0) != (b < 0) ? remainder + b : remainder
    }

    /// Both values as ints, when neither is a float (Python's bools are ints).
    private static func integers(_ a: Scalar, _ b: Scalar) -> (Int64, Int64)? {
        switch (a, b) {
        case (.float, _), (_, .float): return nil
        default: return (a.integerValue, b.integerValue)
        }
    }
}
