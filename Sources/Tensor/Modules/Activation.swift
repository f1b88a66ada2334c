/// `max(x, 0)` elementwise (`nn.ReLU`).
public final class ReLU: Module {
    /// Whether to overwrite the input.
    public let inplace: Bool

    /// A ReLU layer.
    public init(inplace: Bool = false) {
        self.inplace = inplace
        super.init()
    }

    public override var extraDescription: String { inplace ? "inplace=True" : "" }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.relu(input, inplace: inplace)
    }
}

/// The Gaussian error linear unit (`nn.GELU`). An unknown `approximate` is refused when the layer runs, as in
/// PyTorch.
public final class GELU: Module {
    /// `"none"` for the exact form, `"tanh"` for the tanh approximation.
    public let approximate: String

    /// A GELU layer.
    public init(approximate: String = "none") {
        self.approximate = approximate
        super.init()
    }

    public override var extraDescription: String { "approximate=\(pythonStringRepr(approximate))" }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.gelu(input, approximate: approximate)
    }
}

/// The hyperbolic tangent elementwise (`nn.Tanh`).
public final class Tanh: Module {
    /// A tanh layer.
    public override init() { super.init() }

    public override func forward(_ input: Tensor) throws -> Tensor { try input.tanh() }
}

/// The logistic function elementwise (`nn.Sigmoid`).
public final class Sigmoid: Module {
    /// A sigmoid layer.
    public override init() { super.init() }

    public override func forward(_ input: Tensor) throws -> Tensor { try input.sigmoid() }
}

/// `x · sigmoid(x)` elementwise (`nn.SiLU`).
public final class SiLU: Module {
    /// Whether to overwrite the input.
    public let inplace: Bool

    /// A SiLU layer.
    public init(inplace: Bool = false) {
        self.inplace = inplace
        super.init()
    }

    public override var extraDescription: String { inplace ? "inplace=True" : "" }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.silu(input, inplace: inplace)
    }
}

/// Softmax along a dimension (`nn.Softmax`); without one, PyTorch's deprecated implicit choice.
public final class Softmax: Module {
    /// The dimension the probabilities sum to one along.
    public let dim: Int?

    /// A softmax layer.
    public init(dim: Int? = nil) {
        self.dim = dim
        super.init()
    }

    public override var extraDescription: String { "dim=\(dim.map(String.init) ?? "None")" }

    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.softmax(input, dim: dim) }
}

/// Log-softmax along a dimension (`nn.LogSoftmax`).
public final class LogSoftmax: Module {
    /// The dimension normalised over.
    public let dim: Int?

    /// A log-softmax layer.
    public init(dim: Int? = nil) {
        self.dim = dim
        super.init()
    }

    public override var extraDescription: String { "dim=\(dim.map(String.init) ?? "None")" }

    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.logSoftmax(input, dim: dim) }
}

/// Returns its input unchanged, the same tensor (`nn.Identity`); constructor arguments are ignored.
public final class Identity: Module {
    /// An identity layer.
    public override init() { super.init() }

    public override func forward(_ input: Tensor) throws -> Tensor { input }
}

extension ReLU: ReplicableModule {
    /// A ReLU layer of the same configuration, for `deepCopy`.
    public func makeReplica() throws -> Module { ReLU(inplace: inplace) }
}

extension GELU: ReplicableModule {
    /// A GELU layer of the same approximation, for `deepCopy`.
    public func makeReplica() throws -> Module { GELU(approximate: approximate) }
}

extension Tanh: ReplicableModule {
    /// A tanh layer, for `deepCopy`.
    public func makeReplica() throws -> Module { Tanh() }
}

extension Sigmoid: ReplicableModule {
    /// A sigmoid layer, for `deepCopy`.
    public func makeReplica() throws -> Module { Sigmoid() }
}

extension SiLU: ReplicableModule {
    /// A SiLU layer of the same configuration, for `deepCopy`.
    public func makeReplica() throws -> Module { SiLU(inplace: inplace) }
}

extension Softmax: ReplicableModule {
    /// A softmax layer over the same dimension, for `deepCopy`.
    public func makeReplica() throws -> Module { Softmax(dim: dim) }
}

extension LogSoftmax: ReplicableModule {
    /// A log-softmax layer over the same dimension, for `deepCopy`.
    public func makeReplica() throws -> Module { LogSoftmax(dim: dim) }
}

extension Identity: ReplicableModule {
    /// An identity layer, for `deepCopy`.
    public func makeReplica() throws -> Module { Identity() }
}

/// A string as Python's `repr` writes it: single quotes unless the text contains one and no double quote.
func pythonStringRepr(_ text: String) -> String {
    let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
    var result = String(quote)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case _ where Character(scalar) == quote: result += "\\" + String(quote)
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            let hex = String(scalar.value, radix: 16)
            result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + String(quote)
}
