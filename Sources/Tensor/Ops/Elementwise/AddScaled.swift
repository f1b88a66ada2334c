extension Tensor {
    /// `self + alpha * other` (or `self - alpha * other`), with PyTorch's rules for `alpha`: the result dtype is that
    /// of `self` and `other` alone, and each element is rounded once (a fused multiply-add, as PyTorch's kernel is).
    func addScaled(_ other: Tensor, alpha: Scalar, subtract: Bool) throws(TensorError) -> Tensor {
        if subtract { try Sub.checkNoBool(self, other) }
        let shape = try Shape.broadcast(self.shape, other.shape)
        let computeType = ResultType.of(self, other)
        try Tensor.checkAlpha(alpha, computeType: computeType)
        let out = try Tensor(uninitializedShape: shape, dtype: computeType)
        Tensor.scaledKernel(
            try converted(to: computeType), try other.converted(to: computeType), alpha: alpha, negate: subtract,
            into: out)
        guard computeType.isFloatingPoint else { return out }
        let (selfShape, selfType, otherShape, otherType) = (self.shape, dtype, other.shape, other.dtype)
        let factor = Tensor.wrapping(alpha)
        out.recordGradient(subtract ? "SubBackward0" : "AddBackward0", inputs: [self, other]) {
            grad, _ throws(TensorError) in
            let scaled = try grad.mul(factor)
            return [
                try grad.reduced(toShape: selfShape, dtype: selfType),
                try (subtract ? scaled.neg() : scaled).reduced(toShape: otherShape, dtype: otherType),
            ]
        }
        return out
    }

    /// In-place `addScaled` (`add_(other, alpha=...)`, `sub_(other, alpha=...)`).
    func addScaledInPlace(_ other: Tensor, alpha: Scalar, subtract: Bool) throws(TensorError) -> Tensor {
        try checkInPlaceAutograd()
        if subtract { try Sub.checkNoBool(self, other) }
        let computeType = ResultType.of(self, other)
        try checkElementwiseInPlace(resultShape: try Shape.broadcast(shape, other.shape), resultDType: computeType)
        adoptInPlaceResult(try addScaled(other, alpha: alpha, subtract: subtract))
        return self
    }

    private static func checkAlpha(_ alpha: Scalar, computeType: DType) throws(TensorError) {
        if case .bool = alpha, computeType != .bool {
            throw .invalidArgument(op: "add", detail: "Boolean alpha only supported for Boolean results.")
        }
        if case .float = alpha, !computeType.isFloatingPoint {
            throw .invalidArgument(op: "add", detail: "For integral input tensors, argument alpha must not be a "
                + "floating point number.")
        }
    }

    private static func scaledKernel(_ a: Tensor, _ b: Tensor, alpha: Scalar, negate: Bool, into out: Tensor) {
        switch out.dtype {
        case .float32:
            let s = negate ? -Float(alpha.doubleValue) : Float(alpha.doubleValue)
            Elementwise.map(a, b, into: out) { (x: Float, y: Float) in x.addingProduct(s, y) }
        case .float64:
            let s = negate ? -alpha.doubleValue : alpha.doubleValue
            Elementwise.map(a, b, into: out) { (x: Double, y: Double) in x.addingProduct(s, y) }
        case .int64:
            let s = negate ? 0 &- Int64(scalar: alpha) : Int64(scalar: alpha)
            Elementwise.map(a, b, into: out) { (x: Int64, y: Int64) in x &+ s &* y }
        case .bool:
            let s = alpha.isNonZero
            Elementwise.map(a, b, into: out) { (x: Bool, y: Bool) in x || (s && y) }
        }
    }
}
