/// Normalisation over the trailing dimensions with a learned scale and shift (`nn.LayerNorm`).
public final class LayerNorm: Module {
    /// The trailing shape normalised over.
    public let normalizedShape: [Int]
    /// Added to the variance for numerical stability.
    public let eps: Double
    /// Whether the layer has a learned scale (and, with `bias`, shift).
    public let elementwiseAffine: Bool

    /// A layer norm over `normalizedShape`, with weight ones and bias zeros.
    public init(
        _ normalizedShape: [Int], eps: Double = 1e-5, elementwiseAffine: Bool = true, bias: Bool = true,
        dtype: DType = .defaultFloat
    ) throws {
        self.normalizedShape = normalizedShape
        self.eps = eps
        self.elementwiseAffine = elementwiseAffine
        super.init()
        try registerParameter("weight", elementwiseAffine
            ? try Tensor.parameter(try Tensor.ones(normalizedShape, dtype: dtype)) : nil)
        try registerParameter("bias", elementwiseAffine && bias
            ? try Tensor.parameter(try Tensor.zeros(normalizedShape, dtype: dtype)) : nil)
    }

    public override var extraDescription: String {
        let shape = "(" + normalizedShape.map(String.init).joined(separator: ", ")
            + (normalizedShape.count == 1 ? ",)" : ")")
        let affine = elementwiseAffine ? "True" : "False"
        let bias = parameter("bias") != nil ? "True" : "False"
        return "\(shape), eps=\(eps.pythonRepr), elementwise_affine=\(affine), bias=\(bias)"
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.layerNorm(input, normalizedShape: normalizedShape, weight: parameter("weight"),
                                 bias: parameter("bias"), eps: eps)
    }
}

extension LayerNorm: ReplicableModule {
    /// A layer norm of the same shape, eps, affinity and dtype, for `deepCopy`.
    public func makeReplica() throws -> Module {
        try LayerNorm(normalizedShape, eps: eps, elementwiseAffine: elementwiseAffine, bias: parameter("bias") != nil,
                      dtype: parameter("weight")?.dtype ?? .defaultFloat)
    }
}
