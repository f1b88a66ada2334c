import Foundation

/// Python's int/float/bool arithmetic: floor division and modulo take the divisor's sign, `**` with a negative
/// int exponent gives a float, and int results that leave 64 bits raise OverflowError instead of trapping.
enum Arithmetic {
    /// A number operand: bools count as ints.
    enum Number {
        case int(Int)
        case float(Double)
    }

    static func number(_ value: Value) -> Number? {
        switch value {
        case .int(let n): return .int(n)
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let x): return .float(x)
        default: return nil
        }
    }

    static func overflow() -> PythonError {
        PythonError.overflowError("integer result does not fit in 64 bits (Attend's int is 64-bit)")
    }

    static func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> Value {
        if result.overflow { throw overflow() }
        return .int(result.partialValue)
    }

    /// `left op right` for numbers; nil when either side is not a number (or the operator does not apply).
    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value? {
        guard let a = number(left), let b = number(right) else { return nil }
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if case .bool(let p) = left, case .bool(let q) = right {
                switch op {
                case .bitAnd: return .bool(p && q)
                case .bitOr: return .bool(p || q)
                case .bitXor: return .bool(p != q)
                default: break
                }
            }
            return try integer(op, x, y)
        case (.int(let x), .float(let y)): return try float(op, Double(x), y)
        case (.float(let x), .int(let y)): return try float(op, x, Double(y))
        case (.float(let x), .float(let y)): return try float(op, x, y)
        }
    }

    private static func integer(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value? {
        switch op {
        case .add: return try checked(x.addingReportingOverflow(y))
        case .subtract: return try checked(x.subtractingReportingOverflow(y))
        case .multiply: return try checked(x.multipliedReportingOverflow(by: y))
        case .divide:
            guard y != 0 else { throw PythonError.zeroDivision("division by zero") }
            return .float(Double(x) / Double(y))
        case .floorDivide:
            guard y != 0 else { throw PythonError.zeroDivision("integer division or modulo by zero") }
            if x == .min && y == -1 { throw overflow() }
            let quotient = x / y
            return .int((x % y != 0 && (x < 0) != (y < 0)) ? quotient - 1 : quotient)
        case .modulo:
            guard y != 0 else { throw PythonError.zeroDivision("integer division or modulo by zero") }
            if y == -1 { return .int(0) }
            let remainder = x % y
            return .int(remainder != 0 && (remainder < 0) != (y < 0) ? remainder + y : remainder)
        case .power:
            if y < 0 {
                guard x != 0 else {
                    throw PythonError.zeroDivision("0.0 cannot be raised to a negative power")
                }
                return .float(Foundation.pow(Double(x), Double(y)))
            }
            var result = 1, base = x, exponent = y
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (product, overflow) = result.multipliedReportingOverflow(by: base)
                    if overflow { throw Arithmetic.overflow() }
                    result = product
                }
                exponent >>= 1
                if exponent > 0 {
                    let (square, overflow) = base.multipliedReportingOverflow(by: base)
                    if overflow { throw Arithmetic.overflow() }
                    base = square
                }
            }
            return .int(result)
        case .leftShift:
            guard y >= 0 else { throw PythonError.valueError("negative shift count") }
            if x == 0 { return .int(0) }
            guard y < 63, (x << y) >> y == x else { throw overflow() }
            return .int(x << y)
        case .rightShift:
            guard y >= 0 else { throw PythonError.valueError("negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .bitAnd: return .int(x & y)
        case .bitOr: return .int(x | y)
        case .bitXor: return .int(x ^ y)
        case .matrixMultiply: return nil
        }
    }

    private static func float(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Value? {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide:
            guard y != 0 else { throw PythonError.zeroDivision("float division by zero") }
            return .float(x / y)
        case .floorDivide:
            guard y != 0 else { throw PythonError.zeroDivision("float floor division by zero") }
            return .float(floorDivide(x, y))
        case .modulo:
            guard y != 0 else { throw PythonError.zeroDivision("float modulo") }
            return .float(modulo(x, y))
        case .power:
            if x == 0 && y < 0 {
                throw PythonError.zeroDivision("0.0 cannot be raised to a negative power")
            }
            if x < 0 && y != y.rounded() && y.isFinite {
                throw PythonError.valueError("complex results are not supported (negative number to a fractional power)")
            }
            let result = Foundation.pow(x, y)
            if result.isInfinite && x.isFinite && y.isFinite {
                throw PythonError.overflowError("(34, 'Numerical result out of range')")
            }
            return .float(result)
        default: return nil
        }
    }

    // CPython's float_divmod: the remainder takes the divisor's sign.
    static func modulo(_ x: Double, _ y: Double) -> Double {
        var remainder = fmod(x, y)
        if remainder != 0 {
            if (y < 0) != (remainder < 0) { remainder += y }
        } else {
            remainder = copysign(0, y)
        }
        return remainder
    }

    static func floorDivide(_ x: Double, _ y: Double) -> Double {
        let remainder = fmod(x, y)
        var div = (x - remainder) / y
        if remainder != 0 && (y < 0) != (remainder < 0) { div -= 1 }
        if div == 0 { return copysign(0, x / y) }
        let floored = div.rounded(.down)
        return div - floored > 0.5 ? floored + 1 : floored
    }

    static func equal(_ a: Number, _ b: Number) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.int(let x), .float(let y)), (.float(let y), .int(let x)):
            guard let exact = Int(exactly: y) else { return false }
            return exact == x
        }
    }

    /// -1, 0, 1, or `Int.max` when unordered (NaN).
    static func order(_ a: Number, _ b: Number) -> Int? {
        func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : x == y ? 0 : 1 }
        switch (a, b) {
        case (.int(let x), .int(let y)): return sign(x, y)
        case (.float(let x), .float(let y)): return x.isNaN || y.isNaN ? Int.max : sign(x, y)
        case (.int(let x), .float(let y)): return y.isNaN ? Int.max : compareIntDouble(x, y)
        case (.float(let x), .int(let y)): return x.isNaN ? Int.max : compareIntDouble(y, x).map { -$0 }
        }
    }

    private static func compareIntDouble(_ x: Int, _ y: Double) -> Int? {
        // Beyond ±2^63 every Int is smaller/larger; inside, `Int(whole)` cannot trap.
        if y >= 9_223_372_036_854_775_808.0 { return -1 }
        if y < -9_223_372_036_854_775_808.0 { return 1 }
        let whole = y.rounded(.down)
        let w = Int(whole)
        if x < w { return -1 }
        if x > w { return 1 }
        return y > whole ? -1 : 0
    }
}
