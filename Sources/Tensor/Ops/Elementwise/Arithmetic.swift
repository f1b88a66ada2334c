/// `a + b`.
enum Add: BinaryPrimitive {
    static let backwardName = "AddBackward0"
    static let kernelName = "add"
    @inline(__always) static func float<T: TensorFloat>(_ a: T, _ b: T) -> T { a + b }
    @inline(__always) static func integer(_ a: Int64, _ b: Int64) -> Int64? { a &+ b }
    @inline(__always) static func boolean(_ a: Bool, _ b: Bool) -> Bool? { a || b }
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?) {
        (grad, grad)
    }
}

/// `a - b`.
enum Sub: BinaryPrimitive {
    static let backwardName = "SubBackward0"
    static let kernelName = "sub"
    @inline(__always) static func float<T: TensorFloat>(_ a: T, _ b: T) -> T { a - b }
    @inline(__always) static func integer(_ a: Int64, _ b: Int64) -> Int64? { a &- b }
    static func checkOperands(_ a: Tensor, _ b: Tensor) throws(TensorError) {
        try checkNoBool(a, b)
    }

    /// PyTorch refuses `-` on bools, with one message for two bools and another for one.
    static func checkNoBool(_ a: Tensor, _ b: Tensor) throws(TensorError) {
        if a.dtype == .bool && b.dtype == .bool {
            throw .invalidArgument(op: "sub", detail: "Subtraction, the `-` operator, with two bool tensors is not "
                + "supported. Use the `^` or `logical_xor()` operator instead.")
        }
        if a.dtype == .bool || b.dtype == .bool { throw .boolSubtraction }
    }
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?) {
        (grad, try grad.neg())
    }
}

/// `a * b`.
enum Mul: BinaryPrimitive {
    static let backwardName = "MulBackward0"
    static let kernelName = "mul"
    @inline(__always) static func float<T: TensorFloat>(_ a: T, _ b: T) -> T { a * b }
    @inline(__always) static func integer(_ a: Int64, _ b: Int64) -> Int64? { a &* b }
    @inline(__always) static func boolean(_ a: Bool, _ b: Bool) -> Bool? { a && b }
    static func saves(a aNeedsGrad: Bool, b bNeedsGrad: Bool) -> (a: Bool, b: Bool) { (bNeedsGrad, aNeedsGrad) }
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?) {
        (try b.map { b throws(TensorError) in try grad.mul(b) }, try a.map { a throws(TensorError) in try grad.mul(a) })
    }
}

/// `a / b`, true division: integers divide as floats.
enum Div: BinaryPrimitive {
    static let backwardName = "DivBackward0"
    static let kernelName = "div_true"
    static var promotesIntegersToFloat: Bool { true }
    @inline(__always) static func float<T: TensorFloat>(_ a: T, _ b: T) -> T { a / b }
    static func saves(a aNeedsGrad: Bool, b bNeedsGrad: Bool) -> (a: Bool, b: Bool) { (bNeedsGrad, true) }
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?) {
        guard let b else { return (nil, nil) }
        let gradA = try grad.div(b)
        let gradB = try a.map { a throws(TensorError) in try grad.neg().mul(a).div(b.mul(b)) }
        return (gradA, gradB)
    }
}

/// `a // b` (`torch.floor_divide`), rounding toward negative infinity as Python does. PyTorch has no derivative
/// for it: the result records a node that fails when backward reaches it.
enum FloorDivide: BinaryPrimitive {
    static let backwardName = "NotImplemented"
    static let kernelName = "div_floor_cpu"
    static let atenName = "floor_divide"
    @inline(__always) static func float<T: TensorFloat>(_ a: T, _ b: T) -> T {
        if b == 0 { return a / b }
        let mod = T.fmod(a, b)
        var quotient = (a - mod) / b
        if mod != 0 && (b < 0) != (mod < 0) { quotient -= 1 }
        if quotient == 0 { return T(signOf: a / b, magnitudeOf: 0) }
        var floored = quotient.rounded(.down)
        if quotient - floored > 0.5 { floored += 1 }
        return floored
    }
    @inline(__always) static func integer(_ a: Int64, _ b: Int64) -> Int64? {
        // Divisors are checked non-zero first; Int64.min // -1 wraps (PyTorch's process dies of SIGFPE there).
        let quotient = a.dividedReportingOverflow(by: b).partialValue
        let remainder = a.remainderReportingOverflow(dividingBy: b).partialValue
        return remainder != 0 && (remainder < 0) != (b < 0) ? quotient &- 1 : quotient
    }
    static func checkKernel(_ a: Tensor, _ b: Tensor, computeType: DType) throws(TensorError) {
        if computeType == .int64, try b.containsZero() { throw .integerDivisionByZero }
    }
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?) {
        (nil, nil)
    }
}

/// `torch.div(a, b, rounding_mode="floor")`: floor division whose gradient is zero.
enum FloorDivideRounding: BinaryPrimitive {
    static let backwardName = "DivBackward2"
    static let kernelName = FloorDivide.kernelName
    @inline(__always) static func float<T: TensorFloat>(_ a: T, _ b: T) -> T { FloorDivide.float(a, b) }
    @inline(__always) static func integer(_ a: Int64, _ b: Int64) -> Int64? { FloorDivide.integer(a, b) }
    static func checkKernel(_ a: Tensor, _ b: Tensor, computeType: DType) throws(TensorError) {
        try FloorDivide.checkKernel(a, b, computeType: computeType)
    }
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?) {
        (try Tensor.zeros(like: grad), try Tensor.zeros(like: grad))
    }
}

/// `torch.div(a, b, rounding_mode="trunc")`: division rounding toward zero, whose gradient is zero.
enum TruncDivide: BinaryPrimitive {
    static let backwardName = "DivBackward2"
    static let kernelName = "div_trunc_cpu"
    @inline(__always) static func float<T: TensorFloat>(_ a: T, _ b: T) -> T { (a / b).rounded(.towardZero) }
    @inline(__always) static func integer(_ a: Int64, _ b: Int64) -> Int64? {
        a.dividedReportingOverflow(by: b).partialValue
    }
    static func checkKernel(_ a: Tensor, _ b: Tensor, computeType: DType) throws(TensorError) {
        try FloorDivide.checkKernel(a, b, computeType: computeType)
    }
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?) {
        (try Tensor.zeros(like: grad), try Tensor.zeros(like: grad))
    }
}

/// `a % b`, with the sign of the divisor as Python does.
enum Remainder: BinaryPrimitive {
    static let backwardName = "RemainderBackward1"
    static let kernelName = "remainder_cpu"
    static let atenName = "remainder"
    /// `t % 2` is RemainderBackward0; `2 % t` has no derivative in PyTorch.
    static func backwardName(_ a: Tensor, _ b: Tensor) -> String {
        if b.isWrappedNumber { return "RemainderBackward0" }
        return a.isWrappedNumber ? "NotImplemented" : backwardName
    }
    @inline(__always) static func float<T: TensorFloat>(_ a: T, _ b: T) -> T {
        var mod = T.fmod(a, b)
        if mod != 0 && (b < 0) != (mod < 0) { mod += b }
        return mod
    }
    @inline(__always) static func integer(_ a: Int64, _ b: Int64) -> Int64? {
        let mod = a.remainderReportingOverflow(dividingBy: b).partialValue
        return mod != 0 && (mod < 0) != (b < 0) ? mod &+ b : mod
    }
    static func checkKernel(_ a: Tensor, _ b: Tensor, computeType: DType) throws(TensorError) {
        try FloorDivide.checkKernel(a, b, computeType: computeType)
    }
    static func saves(a aNeedsGrad: Bool, b bNeedsGrad: Bool) -> (a: Bool, b: Bool) { (bNeedsGrad, bNeedsGrad) }
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?) {
        let gradB = try a.flatMap { a throws(TensorError) in
            try b.map { b throws(TensorError) in try grad.neg().mul(a.div(b, roundingMode: "floor")) }
        }
        return (grad, gradB)
    }
}

/// `a ** b` for two tensors.
enum Power: BinaryPrimitive {
    static let backwardName = "PowBackward1"
    static let kernelName = "pow"
    @inline(__always) static func float<T: TensorFloat>(_ a: T, _ b: T) -> T { T.pow(a, b) }
    @inline(__always) static func integer(_ a: Int64, _ b: Int64) -> Int64? { integerPower(a, b) }
    static func saves(a aNeedsGrad: Bool, b bNeedsGrad: Bool) -> (a: Bool, b: Bool) { (true, true) }
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?) {
        guard let a, let b else { return (nil, nil) }
        // A zero exponent has a zero gradient even at a zero base, where the formula gives 0 * inf.
        let gradA = try grad.mul(b).mul(a.pow(b.sub(Tensor.wrapping(.int(1)))))
            .maskedFill(b.eq(Tensor.wrapping(.int(0))), .int(0))
        // d/db a^b = a^b log a, taken as 0 where a == 0 and b >= 0 (the limit PyTorch uses).
        let zeroBase = try a.eq(Tensor.wrapping(.int(0))).logicalAnd(b.ge(Tensor.wrapping(.int(0))))
        // The logarithm is taken in the result's dtype (a float32 base with a float64 exponent: in float64).
        let base = try a.to(ResultType.of(a, b))
        let gradB = try grad.mul(a.pow(b).mul(base.log())).maskedFill(zeroBase, .int(0))
        return (gradA, gradB)
    }

    /// Integer power by squaring; negative exponents give 0 except for bases 1 and -1, as PyTorch's kernel does.
    @inline(__always)
    static func integerPower(_ base: Int64, _ exponent: Int64) -> Int64 {
        if exponent < 0 {
            if base == 1 { return 1 }
            if base == -1 { return exponent & 1 == 0 ? 1 : -1 }
            return 0
        }
        var result: Int64 = 1
        var factor = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = result &* factor }
            factor = factor &* factor
            remaining >>= 1
        }
        return result
    }
}

/// `torch.maximum`: the larger element, NaN if either is NaN.
enum Maximum: BinaryPrimitive {
    static let backwardName = "MaximumBackward0"
    static let kernelName = "maximum"
    // NOTE: on a tie (0.0 vs -0.0) this keeps `a`, as PyTorch's scalar loop does; its vector loop keeps `b`, so
    // PyTorch's sign of a zero tie depends on where the element falls in a long tensor.
    @inline(__always) static func float<T: TensorFloat>(_ a: T, _ b: T) -> T {
        a.isNaN || b.isNaN ? T.nan : (a < b ? b : a)
    }
    @inline(__always) static func integer(_ a: Int64, _ b: Int64) -> Int64? { Swift.max(a, b) }
    @inline(__always) static func boolean(_ a: Bool, _ b: Bool) -> Bool? { a || b }
    static func saves(a aNeedsGrad: Bool, b bNeedsGrad: Bool) -> (a: Bool, b: Bool) { (true, true) }
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?) {
        guard let a, let b else { return (nil, nil) }
        return try splitTies(grad, winnerA: a.gt(b), tie: a.eq(b))
    }

    /// Gradient routing shared by maximum and minimum: all to the winner, halves on ties.
    static func splitTies(_ grad: Tensor, winnerA: Tensor, tie: Tensor) throws(TensorError) -> (Tensor?, Tensor?) {
        let half = try grad.div(Tensor.wrapping(.int(2)))
        let shared = try Tensor.where(tie, half, grad)
        let winnerB = try winnerA.logicalOr(tie).logicalNot()
        return (try shared.maskedFill(winnerB, .int(0)), try shared.maskedFill(winnerA, .int(0)))
    }
}

/// `torch.minimum`: the smaller element, NaN if either is NaN.
enum Minimum: BinaryPrimitive {
    static let backwardName = "MinimumBackward0"
    static let kernelName = "minimum"
    @inline(__always) static func float<T: TensorFloat>(_ a: T, _ b: T) -> T {
        a.isNaN || b.isNaN ? T.nan : (b < a ? b : a)
    }
    @inline(__always) static func integer(_ a: Int64, _ b: Int64) -> Int64? { Swift.min(a, b) }
    @inline(__always) static func boolean(_ a: Bool, _ b: Bool) -> Bool? { a && b }
    static func saves(a aNeedsGrad: Bool, b bNeedsGrad: Bool) -> (a: Bool, b: Bool) { (true, true) }
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?) {
        guard let a, let b else { return (nil, nil) }
        return try Maximum.splitTies(grad, winnerA: a.lt(b), tie: a.eq(b))
    }
}

extension Tensor {
    /// Whether any element is zero (integer division checks its divisor first).
    func containsZero() throws(TensorError) -> Bool {
        var found = false
        switch dtype {
        case .int64: Elementwise.forEach(self) { (x: Int64) in if x == 0 { found = true } }
        case .bool: Elementwise.forEach(self) { (x: Bool) in if !x { found = true } }
        case .float32: Elementwise.forEach(self) { (x: Float) in if x == 0 { found = true } }
        case .float64: Elementwise.forEach(self) { (x: Double) in if x == 0 { found = true } }
        }
        return found
    }
}
