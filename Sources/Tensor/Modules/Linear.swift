/// `y = x Wᵀ + b` (`nn.Linear`), initialised as PyTorch does: Kaiming-uniform weights with a = √5 and a bias drawn
/// from U(-1/√in, 1/√in).
public final class Linear: Module {
    /// The size of each input sample.
    public let inFeatures: Int
    /// The size of each output sample.
    public let outFeatures: Int
    /// The name printed in the module tree (`NonDynamicallyQuantizableLinear` inside `MultiheadAttention`).
    private let printedName: String

    /// A layer mapping `inFeatures` to `outFeatures`, with a bias unless told otherwise.
    public init(
        _ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, dtype: DType = .defaultFloat,
        printedName: String = "Linear"
    ) throws {
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        self.printedName = printedName
        super.init()
        let weight = try Tensor.parameter(try Tensor.empty([outFeatures, inFeatures], dtype: dtype))
        try registerParameter("weight", weight)
        try registerParameter("bias", bias ? try Tensor.parameter(try Tensor.empty([outFeatures], dtype: dtype)) : nil)
        try resetParameters()
    }

    /// Draws fresh weights and bias from the default initialisation (`reset_parameters`).
    public func resetParameters() throws(ModuleError) {
        let weight = try requiredParameter("weight")
        try Init.kaimingUniform_(weight, a: 5.0.squareRoot())
        if let bias = parameter("bias") {
            let fanIn = try Init.fans(weight).fanIn
            // With no inputs PyTorch's bound is the integer 0, whose negation is +0, not -0.0.
            let bound = fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
            try Init.uniform_(bias, fanIn > 0 ? -bound : 0, bound)
        }
    }

    public override var typeName: String { printedName }

    public override var extraDescription: String {
        "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(parameter("bias") != nil ? "True" : "False")"
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.linear(input, weight: try requiredParameter("weight"), bias: parameter("bias"))
    }
}

extension Linear: ReplicableModule {
    /// A layer of the same sizes, bias, dtype and printed name, for `deepCopy`.
    public func makeReplica() throws -> Module {
        try Linear(inFeatures, outFeatures, bias: parameter("bias") != nil,
                   dtype: parameter("weight")?.dtype ?? .defaultFloat, printedName: typeName)
    }
}
