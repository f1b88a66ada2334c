/// Randomly zeroes elements while training, scaling the rest (`nn.Dropout`).
public final class Dropout: Module {
    /// The probability of zeroing an element.
    public let p: Double
    /// Whether to modify the input in place.
    public let inplace: Bool

    /// A dropout layer; `p` must be in [0, 1].
    public init(_ p: Double = 0.5, inplace: Bool = false) throws(ModuleError) {
        guard p >= 0 && p <= 1 else {
            throw .invalidValue(module: "Dropout", detail: "dropout probability has to be between 0 and 1, but got "
                + p.pythonRepr)
        }
        self.p = p
        self.inplace = inplace
        super.init()
    }

    public override var extraDescription: String {
        "p=\(p.pythonRepr), inplace=\(inplace ? "True" : "False")"
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.dropout(input, p: p, training: training, inplace: inplace)
    }
}

extension Dropout: ReplicableModule {
    /// A dropout layer of the same probability, for `deepCopy`.
    public func makeReplica() throws -> Module { try Dropout(p, inplace: inplace) }
}
