/// A multi-layer long short-term memory network (`nn.LSTM`). Each layer computes, per step, the gates
/// i, f, o = σ(W x + b + W h + b) and g = tanh(...), stacked i, f, g, o in each weight as in PyTorch, then
/// c' = f ⊙ c + i ⊙ g and h' = o ⊙ tanh(c'), projected through `weight_hr` when `projSize > 0`.
public final class LSTM: RecurrentBase {
    /// An LSTM from `inputSize` features to `hiddenSize`, with PyTorch's defaults.
    public init(
        _ inputSize: Int, _ hiddenSize: Int, numLayers: Int = 1, bias: Bool = true, batchFirst: Bool = false,
        dropout: Double = 0, bidirectional: Bool = false, projSize: Int = 0, dtype: DType = .defaultFloat
    ) throws {
        try super.init(
            mode: .lstm, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, bias: bias,
            batchFirst: batchFirst, dropout: dropout, bidirectional: bidirectional, projSize: projSize, dtype: dtype)
    }

    /// Runs the LSTM over `input` from `state` = (h0, c0) (zeros when nil), returning the top layer's output at every
    /// step and the final hidden and cell states of every layer and direction, laid out as PyTorch lays them out.
    public func forward(
        _ input: Tensor, state: (h: Tensor, c: Tensor)?
    ) throws -> (output: Tensor, state: (h: Tensor, c: Tensor)) {
        try checkInputRank(input)
        let batched = input.rank == 3
        let x = batched ? input : try input.unsqueeze(batchDim)
        let batch = x.shape[batchDim]
        var h0: Tensor
        var c0: Tensor
        if let state {
            let expectedRank = batched ? 3 : 2
            guard state.h.rank == expectedRank && state.c.rank == expectedRank else {
                let kind = batched ? "batched 3-D" : "unbatched 2-D"
                throw ModuleError.invalidArgument(module: "LSTM", detail: "For \(kind) input, hx and cx should also "
                    + "be \(expectedRank)-D but got (\(state.h.rank)-D, \(state.c.rank)-D) tensors")
            }
            (h0, c0) = batched ? state : (try state.h.unsqueeze(1), try state.c.unsqueeze(1))
        } else {
            h0 = try zeroState(batch: batch, size: outputSize, like: x)
            c0 = try zeroState(batch: batch, size: hiddenSize, like: x)
        }
        try checkInput(x)
        try checkHiddenSize(h0, batch: batch, size: outputSize, label: "hidden[0]")
        try checkHiddenSize(c0, batch: batch, size: hiddenSize, label: "hidden[1]")
        try checkSequenceLength(x)
        // PyTorch runs a float32 LSTM without projection through oneDNN, which names its layers (and refuses states
        // of another dtype) differently from the reference path.
        let oneDNN = x.dtype == .float32 && projSize == 0 && x.count != 0
        if oneDNN {
            guard h0.dtype == .float32 && c0.dtype == .float32 else {
                throw ModuleError.invalidArgument(module: "LSTM", detail: "get_mkldnn_dtype: unsupported data type")
            }
        } else if c0.dtype != x.dtype {
            // The reference path multiplies the cell state into the gates, promoting it.
            c0 = try c0.to(x.dtype)
        }
        let result = try runLayers(x, hx: h0, cx: c0, nodeName: oneDNN ? "MkldnnRnnLayerBackward0" : "StackBackward0")
        var output = batchFirst ? try result.output.transpose(0, 1) : result.output
        var (hN, cN) = (result.h, result.c ?? result.h)
        if !batched {
            output = try output.squeeze(batchDim)
            hN = try hN.squeeze(1)
            cN = try cN.squeeze(1)
        }
        return (output, (hN, cN))
    }

    /// `forward(input, state:)`.
    public func callAsFunction(
        _ input: Tensor, state: (h: Tensor, c: Tensor)?
    ) throws -> (output: Tensor, state: (h: Tensor, c: Tensor)) {
        try forward(input, state: state)
    }

    /// The output of `forward(input, state: nil)` alone; PyTorch returns the pair, which `forward(_:state:)` gives.
    public override func forward(_ input: Tensor) throws -> Tensor {
        try forward(input, state: nil).output
    }
}

extension LSTM: ReplicableModule {
    /// An LSTM of the same configuration and dtype, for `deepCopy`.
    public func makeReplica() throws -> Module {
        try LSTM(inputSize, hiddenSize, numLayers: numLayers, bias: bias, batchFirst: batchFirst, dropout: dropout,
                 bidirectional: bidirectional, projSize: projSize, dtype: replicaDType)
    }
}
