extension Tensor {
    /// `-self`.
    public func neg() throws(TensorError) -> Tensor { try Neg().apply(self) }
    /// Elementwise absolute value.
    public func abs() throws(TensorError) -> Tensor { try Abs().apply(self) }
    /// Elementwise sign: -1, 0 or 1.
    public func sign() throws(TensorError) -> Tensor { try Sign().apply(self) }
    /// Elementwise `e^x`.
    public func exp() throws(TensorError) -> Tensor { try Exp().apply(self) }
    /// Elementwise natural logarithm.
    public func log() throws(TensorError) -> Tensor { try Log().apply(self) }
    /// Elementwise `log(1 + x)`.
    public func log1p() throws(TensorError) -> Tensor { try Log1p().apply(self) }
    /// Elementwise square root.
    public func sqrt() throws(TensorError) -> Tensor { try Sqrt().apply(self) }
    /// Elementwise `1 / sqrt(x)`.
    public func rsqrt() throws(TensorError) -> Tensor { try Rsqrt().apply(self) }
    /// Elementwise `1 / x`.
    public func reciprocal() throws(TensorError) -> Tensor { try Reciprocal().apply(self) }
    /// Elementwise sine.
    public func sin() throws(TensorError) -> Tensor { try Sin().apply(self) }
    /// Elementwise cosine.
    public func cos() throws(TensorError) -> Tensor { try Cos().apply(self) }
    /// Elementwise hyperbolic tangent.
    public func tanh() throws(TensorError) -> Tensor { try TanhPrimitive().apply(self) }
    /// Elementwise logistic sigmoid.
    public func sigmoid() throws(TensorError) -> Tensor { try SigmoidPrimitive().apply(self) }
    /// Elementwise error function.
    public func erf() throws(TensorError) -> Tensor { try Erf().apply(self) }
    /// Elementwise `max(x, 0)`.
    public func relu() throws(TensorError) -> Tensor { try Relu().apply(self) }

    /// The Gaussian error linear unit; `approximate` is `"none"` or `"tanh"`, as in `F.gelu`.
    public func gelu(approximate: String = "none") throws(TensorError) -> Tensor {
        switch approximate {
        case "none": return try Gelu(tanhApproximation: false).apply(self)
        case "tanh": return try Gelu(tanhApproximation: true).apply(self)
        default: throw .invalidArgument(op: "gelu", detail: "approximate argument must be either none or tanh.")
        }
    }

    /// `log(1 + e^(βx)) / β`, linear where `βx > threshold` (`F.softplus`).
    public func softplus(beta: Double = 1, threshold: Double = 20) throws(TensorError) -> Tensor {
        try Softplus(beta: beta, threshold: threshold).apply(self)
    }

    /// In-place `neg`.
    @discardableResult public func neg_() throws(TensorError) -> Tensor { try Neg().applyInPlace(self) }
    /// In-place `abs`.
    @discardableResult public func abs_() throws(TensorError) -> Tensor { try Abs().applyInPlace(self) }
    /// In-place `exp`.
    @discardableResult public func exp_() throws(TensorError) -> Tensor { try Exp().applyInPlace(self) }
    /// In-place `log`.
    @discardableResult public func log_() throws(TensorError) -> Tensor { try Log().applyInPlace(self) }
    /// In-place `sqrt`.
    @discardableResult public func sqrt_() throws(TensorError) -> Tensor { try Sqrt().applyInPlace(self) }
    /// In-place `sin`.
    @discardableResult public func sin_() throws(TensorError) -> Tensor { try Sin().applyInPlace(self) }
    /// In-place `cos`.
    @discardableResult public func cos_() throws(TensorError) -> Tensor { try Cos().applyInPlace(self) }
    /// In-place `tanh`.
    @discardableResult public func tanh_() throws(TensorError) -> Tensor { try TanhPrimitive().applyInPlace(self) }
    /// In-place `sigmoid`.
    @discardableResult public func sigmoid_() throws(TensorError) -> Tensor {
        try SigmoidPrimitive().applyInPlace(self)
    }
    /// In-place `relu`.
    @discardableResult public func relu_() throws(TensorError) -> Tensor { try Relu().applyInPlace(self) }
}
