/// A multi-layer gated recurrent unit (`nn.GRU`). Each layer computes, per step,
/// r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 - z) ⊙ n + z ⊙ h, with the gates stacked r, z, n in each
/// weight as in PyTorch.
public final class GRU: RecurrentBase {
    /// A GRU from `inputSize` features to `hiddenSize`, with PyTorch's defaults.
    public init(
        _ inputSize: Int, _ hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, batchFirst: Bool = false,
        dropout: Double = 0, bidirectional: Bool = false, dtype: DType = .defaultFloat
    ) throws {
        try super.init(
            mode: .gru, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
            batchFirst: batchFirst, dropout: dropout, bidirectional: bidirectional, projSize: 0, dtype: dtype)
    }

    /// Runs the GRU over `input` from `hx` (zeros when nil), returning the top layer's output at every step and the
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

extension GRU: ReplicableModule {
    /// A GRU of the same configuration and dtype, for `deepCopy`.
    public func makeReplica() throws -> Module {
        try GRU(inputSize, hiddenSize, numLayers: numLayers, bias: bias, batchFirst: batchFirst, dropout: dropout,
                bidirectional: bidirectional, dtype: replicaDType)
    }
}
