/// `math`'s integer functions: exact results in Attend's 64-bit ints (OverflowError where CPython would grow).
extension MathModule {
    /// Defines factorial, isqrt, gcd, lcm, comb and perm.
    static func defineIntegerFunctions(_ module: inout LibraryModule, _ interpreter: Interpreter) {
        // The module is kept in the interpreter: its functions must not keep the interpreter.
        unowned let interpreter = interpreter
        func integer(_ value: Value) throws -> Int { try LibraryModule.integer(value, interpreter) }
        module.unary("factorial") { value in
            let n = try integer(value)
            guard n >= 0 else { throw PythonError.valueError("factorial() not defined for negative values") }
            var result = 1
            for k in stride(from: 2, through: n, by: 1) {
                result = try multiply(result, k)
            }
            return .int(result)
        }
        module.unary("isqrt") { value in
            let n = try integer(value)
            guard n >= 0 else { throw PythonError.valueError("isqrt() argument must be nonnegative") }
            return .int(squareRoot(n))
        }
        module.variadic("gcd") { values in
            .int(try values.map(integer).reduce(0) { try greatestDivisor($0, $1) })
        }
        module.variadic("lcm") { values in
            var result = 1
            for value in try values.map(integer) {
                guard result != 0 && value != 0 else {
                    result = 0
                    continue
                }
                let divisor = try greatestDivisor(result, value)
                result = try multiply(result / divisor, try magnitude(value))
            }
            return .int(values.isEmpty ? 1 : result)
        }
        module.positional("comb", 2...2) { values in
            let n = try integer(values[0]), k = try integer(values[1])
            guard n >= 0 else { throw PythonError.valueError("n must be a non-negative integer") }
            guard k >= 0 else { throw PythonError.valueError("k must be a non-negative integer") }
            guard k <= n else { return .int(0) }
            var result = 1
            for i in 0..<Swift.min(k, n - k) {
                // C(n, i+1) = C(n, i) * (n-i) / (i+1) is exact; the product may pass 64 bits on the way.
                let product = UInt(result).multipliedFullWidth(by: UInt(n - i))
                let divisor = UInt(i + 1)
                guard product.high < divisor else { throw Arithmetic.overflow() }
                let quotient = divisor.dividingFullWidth(product).quotient
                guard let next = Int(exactly: quotient) else { throw Arithmetic.overflow() }
                result = next
            }
            return .int(result)
        }
        module.positional("perm", 1...2) { values in
            let n = try integer(values[0])
            let k = values.count > 1 && !values[1].isNone ? try integer(values[1]) : n
            guard n >= 0 else { throw PythonError.valueError("n must be a non-negative integer") }
            guard k >= 0 else { throw PythonError.valueError("k must be a non-negative integer") }
            guard k <= n else { return .int(0) }
            var result = 1
            for factor in stride(from: n, to: n - k, by: -1) {
                result = try multiply(result, factor)
            }
            return .int(result)
        }
    }

    private static func multiply(_ a: Int, _ b: Int) throws -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw Arithmetic.overflow() }
        return product
    }

    private static func magnitude(_ n: Int) throws -> Int {
        guard n != .min else { throw Arithmetic.overflow() }
        return Swift.abs(n)
    }

    private static func greatestDivisor(_ a: Int, _ b: Int) throws -> Int {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        guard let result = Int(exactly: x) else { throw Arithmetic.overflow() }
        return result
    }

    /// The floor of √n, exactly: the float estimate corrected by at most a step either way.
    private static func squareRoot(_ n: Int) -> Int {
        var root = Int(Double(n).squareRoot())
        while root > 0 {
            let (square, overflow) = root.multipliedReportingOverflow(by: root)
            guard overflow || square > n else { break }
            root -= 1
        }
        while true {
            let next = root + 1
            let (square, overflow) = next.multipliedReportingOverflow(by: next)
            guard !overflow && square <= n else { break }
            root = next
        }
        return root
    }
}
