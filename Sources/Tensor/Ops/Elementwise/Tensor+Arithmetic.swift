import Foundation

extension Tensor {
    /// `self + alpha * other`, broadcasting (`torch.add`).
    public func add(_ other: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        guard let alpha, alpha != .int(1) else { return try Add.apply(self, other) }
        return try addScaled(other, alpha: alpha, subtract: false)
    }

    /// `self - alpha * other`, broadcasting (`torch.sub`).
    public func sub(_ other: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        guard let alpha, alpha != .int(1) else { return try Sub.apply(self, other) }
        return try addScaled(other, alpha: alpha, subtract: true)
    }

    /// `other - self` (`torch.rsub`, what `2 - t` calls).
    public func rsub(_ other: Tensor) throws(TensorError) -> Tensor {
        try Sub.checkNoBool(self, other)
        let out = try GradMode.with(enabled: false) { () throws(TensorError) in try Sub.apply(other, self) }
        let (selfShape, selfType, otherShape, otherType) = (shape, dtype, other.shape, other.dtype)
        if out.dtype.isFloatingPoint {
            // PyTorch names the overload: a tensor `other` is RsubBackward0, a Python number RsubBackward1.
            let name = other.isWrappedNumber ? "RsubBackward1" : "RsubBackward0"
            out.recordGradient(name, inputs: [self, other]) { grad, _ throws(TensorError) in
                [try grad.neg().reduced(toShape: selfShape, dtype: selfType),
                 try grad.reduced(toShape: otherShape, dtype: otherType)]
            }
        }
        return out
    }

    /// Elementwise product, broadcasting (`torch.mul`).
    public func mul(_ other: Tensor) throws(TensorError) -> Tensor { try Mul.apply(self, other) }

    /// Elementwise true division; integers divide as floats (`torch.div`). `roundingMode` may be `"trunc"` or
    /// `"floor"`.
    public func div(_ other: Tensor, roundingMode: String? = nil) throws(TensorError) -> Tensor {
        switch roundingMode {
        case nil: return try Div.apply(self, other)
        case "floor": return try FloorDivideRounding.apply(self, other)
        case "trunc": return try TruncDivide.apply(self, other)
        case let mode?:
            throw .invalidArgument(op: "div", detail: "div expected rounding_mode to be one of None, 'trunc', or "
                + "'floor' but found '\(mode)'")
        }
    }

    /// Division rounding toward negative infinity (`//`).
    public func floorDivide(_ other: Tensor) throws(TensorError) -> Tensor { try FloorDivide.apply(self, other) }

    /// Remainder with the divisor's sign (`%`).
    public func remainder(_ other: Tensor) throws(TensorError) -> Tensor { try Remainder.apply(self, other) }

    /// Elementwise power with a tensor exponent (`torch.pow`).
    public func pow(_ exponent: Tensor) throws(TensorError) -> Tensor {
        if exponent.isWrappedNumber, let value = try? exponent.item() { return try pow(value) }
        if isWrappedNumber, let value = try? item() { return try exponent.rpow(value) }
        return try Power.apply(self, exponent)
    }

    /// Elementwise power with a number exponent (`t ** 2`). Squares, square roots and reciprocals take the exact
    /// paths PyTorch takes, so results match bit for bit.
    public func pow(_ exponent: Scalar) throws(TensorError) -> Tensor {
        let outType = ResultType.of(self, Tensor.wrapping(exponent))
        if !outType.isFloatingPoint, exponent.doubleValue < 0 { throw .integerNegativePower }
        let input = try converted(to: outType)
        let out = try Tensor(uninitializedShape: shape, dtype: outType)
        let e = exponent.doubleValue
        switch outType {
        case .float32: Tensor.powKernel(input.pointer(as: Float.self), input, out, Float(e))
        case .float64: Tensor.powKernel(input.pointer(as: Double.self), input, out, e)
        case .int64:
            let power = Int64(scalar: exponent)
            Elementwise.map(input, into: out) { (x: Int64) in Power.integerPower(x, power) }
        case .bool:
            let power = exponent.isNonZero
            Elementwise.map(input, into: out) { (x: Bool) in power ? x : true }
        }
        if outType.isFloatingPoint {
            out.recordGradient("PowBackward0", inputs: [self], saving: [self]) { grad, saved throws(TensorError) in
                if e == 0 { return [try Tensor.zeros(like: grad)] }
                return [try grad.mul(saved[0].pow(.float(e - 1)).mul(Tensor.wrapping(.float(e))))]
            }
        }
        return out
    }

    private static func powKernel<T: TensorFloat>(_: UnsafeMutablePointer<T>, _ input: Tensor, _ out: Tensor, _ e: T) {
        switch e {
        case 2: Elementwise.map(input, into: out) { (x: T) in x * x }
        case 3: Elementwise.map(input, into: out) { (x: T) in x * x * x }
        case 0.5: Elementwise.map(input, into: out) { (x: T) in T.sqrt(x) }
        case -0.5: Elementwise.map(input, into: out) { (x: T) in 1 / T.sqrt(x) }
        case -1: Elementwise.map(input, into: out) { (x: T) in 1 / x }
        case -2: Elementwise.map(input, into: out) { (x: T) in 1 / (x * x) }
        case 1: Elementwise.map(input, into: out) { (x: T) in x }
        case 0: Elementwise.map(input, into: out) { (_: T) -> T in 1 }
        default: Elementwise.map(input, into: out) { (x: T) in T.pow(x, e) }
        }
    }

    /// `base ** self` for a number base (`torch.pow(2, t)`).
    public func rpow(_ base: Scalar) throws(TensorError) -> Tensor {
        let baseTensor = Tensor.wrapping(base)
        let out = try GradMode.with(enabled: false) { () throws(TensorError) in try Power.apply(baseTensor, self) }
        if out.dtype.isFloatingPoint {
            let logBase = Tensor.wrapping(.float(Foundation.log(base.doubleValue)))
            let zeroBase = base.doubleValue == 0
            out.recordGradient("PowBackward2", inputs: [self], saving: [self, out]) { grad, saved throws(TensorError) in
                let gradient = try grad.mul(saved[1]).mul(logBase)
                // 0 ** x has gradient 0 where x >= 0, where the formula gives 0 * -inf.
                guard zeroBase else { return [gradient] }
                return [try gradient.maskedFill(saved[0].ge(Tensor.wrapping(.int(0))), .int(0))]
            }
        }
        return out
    }

    /// The larger of each pair of elements (`torch.maximum`).
    public func maximum(_ other: Tensor) throws(TensorError) -> Tensor { try Maximum.apply(self, other) }

    /// The smaller of each pair of elements (`torch.minimum`).
    public func minimum(_ other: Tensor) throws(TensorError) -> Tensor { try Minimum.apply(self, other) }

    /// `self += alpha * other`, in place (`add_`).
    @discardableResult
    public func add_(_ other: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        guard let alpha, alpha != .int(1) else { return try Add.applyInPlace(self, other) }
        return try addScaledInPlace(other, alpha: alpha, subtract: false)
    }

    /// `self -= alpha * other`, in place (`sub_`).
    @discardableResult
    public func sub_(_ other: Tensor, alpha: Scalar? = nil) throws(TensorError) -> Tensor {
        guard let alpha, alpha != .int(1) else { return try Sub.applyInPlace(self, other) }
        return try addScaledInPlace(other, alpha: alpha, subtract: true)
    }

    /// `self *= other`, in place (`mul_`).
    @discardableResult
    public func mul_(_ other: Tensor) throws(TensorError) -> Tensor { try Mul.applyInPlace(self, other) }

    /// `self /= other`, in place (`div_`).
    @discardableResult
    public func div_(_ other: Tensor) throws(TensorError) -> Tensor { try Div.applyInPlace(self, other) }

    /// `self //= other`, in place.
    @discardableResult
    public func floorDivide_(_ other: Tensor) throws(TensorError) -> Tensor {
        try FloorDivide.applyInPlace(self, other)
    }

    /// `self %= other`, in place.
    @discardableResult
    public func remainder_(_ other: Tensor) throws(TensorError) -> Tensor { try Remainder.applyInPlace(self, other) }

    /// `self **= other`, in place.
    @discardableResult
    public func pow_(_ other: Tensor) throws(TensorError) -> Tensor {
        guard other.isWrappedNumber, let exponent = try? other.item() else {
            return try Power.applyInPlace(self, other)
        }
        try checkInPlaceAutograd()
        let outType = ResultType.of(self, other)
        try checkElementwiseInPlace(resultShape: shape, resultDType: outType)
        let recording = GradMode.isEnabled && requiresGrad
        adoptInPlaceResult(try (recording ? try inPlaceSnapshot() : self).pow(exponent))
        return self
    }
}
