/// A multi-layer Elman recurrent network (`nn.RNN`): h' = tanh(W_ih x + b_ih + W_hh h + b_hh), or relu.
public final class RNN: RecurrentBase {
    /// The nonlinearity, `"tanh"` or `"relu"`.
    public let nonlinearity: String

    /// An RNN from `inputSize` features to `hiddenSize`, with PyTorch's defaults.
    public init(
        _ inputSize: Int, _ hiddenSize: Int, numLayers: Int = 1, nonlinearity: String = "tanh", bias: Bool = true,
        batchFirst: Bool = false, dropout: Double = 0, bidirectional: Bool = false, dtype: DType = .defaultFloat
    ) throws {
        let mode: RecurrentMode
        switch nonlinearity {
        case "tanh": mode = .rnnTanh
        case "relu": mode = .rnnRelu
        default:
            throw ModuleError.invalidValue(module: "RNN", detail: "Unknown nonlinearity '\(nonlinearity)'. Select "
                + "from 'tanh' or 'relu'.")
        }
        self.nonlinearity = nonlinearity
        try super.init(
            mode: mode, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
            batchFirst: batchFirst, dropout: dropout, bidirectional: bidirectional, projSize: 0, dtype: dtype)
    }

    /// Runs the RNN over `input` from `hx` (zeros when nil), returning the top layer's output at every step and the
    /// final hidden state of every layer and direction, laid out as PyTorch lays them out.
    public func forward(_ input: Tensor, hx: Tensor?) throws -> (output: Tensor, hN: Tensor) {
        try runWithHiddenState(input, hx: hx)
    }

    /// `forward(input, hx:)`.
    public func callAsFunction(_ input: Tensor, hx: Tensor?) throws -> (output: Tensor, hN: Tensor) {
        try forward(input, hx: hx)
    }

    /// The output of `forward(input, hx: nil)` alone; PyTorch returns the pair, which `forward(_:hx:)` gives.
    public override func forward(_ input: Tensor) throws -> Tensor {
        try forward(input, hx: nil).output
    }
}

extension RNN: ReplicableModule {
    /// An RNN of the same configuration and dtype, for `deepCopy`.
    public func makeReplica() throws -> Module {
        try RNN(inputSize, hiddenSize, numLayers: numLayers, nonlinearity: nonlinearity, bias: bias,
                batchFirst: batchFirst, dropout: dropout, bidirectional: bidirectional, dtype: replicaDType)
    }
}
