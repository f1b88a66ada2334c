extension RecurrentBase {
    /// The input's rank checked (2-D unbatched or 3-D batched), as PyTorch's `forward` checks it first.
    func checkInputRank(_ input: Tensor) throws {
        guard input.rank == 2 || input.rank == 3 else {
            // NOTE: nn.RNN's message says "tensor", GRU's and LSTM's do not.
            let noun = mode.moduleName == "RNN" ? "D tensor" : "D"
            throw ModuleError.invalidValue(module: mode.moduleName, detail: "\(mode.moduleName): Expected input to be "
                + "2D or 3D, got \(input.rank)\(noun) instead")
        }
    }

    /// The dimension holding the batch: 0 when `batchFirst`, else 1.
    var batchDim: Int { batchFirst ? 0 : 1 }

    /// `check_input`: the input's dtype must be the weights' and its last size `inputSize`.
    func checkInput(_ input: Tensor) throws {
        let weightType = try requiredParameter("weight_ih_l0").dtype
        if input.dtype != weightType {
            throw ModuleError.invalidValue(module: mode.moduleName, detail: "RNN input dtype (\(input.dtype.name)) "
                + "does not match weight dtype (\(weightType.name)). Convert input: input.to(\(weightType.name)), or "
                + "convert model: model.to(\(input.dtype.name))")
        }
        if input.shape[2] != inputSize {
            throw ModuleError.invalidArgument(module: mode.moduleName, detail: "input.size(-1) must be equal to "
                + "input_size. Expected \(inputSize), got \(input.shape[2])")
        }
    }

    /// `check_hidden_size`: a state must be `(layers × directions, batch, size)`.
    func checkHiddenSize(_ state: Tensor, batch: Int, size: Int, label: String) throws {
        let expected = [numLayers * numDirections, batch, size]
        guard state.shape == expected else {
            throw ModuleError.invalidArgument(module: mode.moduleName, detail: "Expected \(label) size ("
                + expected.map(String.init).joined(separator: ", ") + "), got \(Shape.describe(state.shape))")
        }
    }

    /// The sequence must have at least one step (checked after the shapes, before the states' dtypes).
    func checkSequenceLength(_ input: Tensor) throws {
        guard input.shape[batchFirst ? 1 : 0] > 0 else {
            throw ModuleError.invalidArgument(module: mode.moduleName, detail: "Expected sequence length to be larger "
                + "than 0 in RNN")
        }
    }

    /// Zeros shaped as a state for `batch` sequences, in the input's dtype.
    func zeroState(batch: Int, size: Int, like input: Tensor) throws -> Tensor {
        try Tensor.zeros([numLayers * numDirections, batch, size], dtype: input.dtype)
    }

    /// The parameters of one layer and direction, read by name so reassigned or loaded parameters are used.
    func layerParameters(layer: Int, direction: Int) throws -> RecurrentLayerParameters {
        let suffix = "_l\(layer)" + (direction == 1 ? "_reverse" : "")
        return RecurrentLayerParameters(
            weightIH: try requiredParameter("weight_ih" + suffix),
            weightHH: try requiredParameter("weight_hh" + suffix),
            biasIH: parameter("bias_ih" + suffix), biasHH: parameter("bias_hh" + suffix),
            weightHR: projSize > 0 ? try requiredParameter("weight_hr" + suffix) : nil)
    }

    /// Runs every layer over a checked 3-D input from the states `hx` (and `cx`), as PyTorch's `_VF` functions do:
    /// each layer's directions concatenated, dropout between layers while training, the final states stacked.
    func runLayers(_ input: Tensor, hx: Tensor, cx: Tensor?, nodeName: String) throws
        -> (output: Tensor, h: Tensor, c: Tensor?) {
        var layerInput = batchFirst ? try input.transpose(0, 1) : input
        let steps = layerInput.shape[0]
        var finalHiddens: [Tensor] = []
        var finalCells: [Tensor] = []
        for layer in 0..<numLayers {
            var outputs: [Tensor] = []
            for direction in 0..<numDirections {
                let index = layer * numDirections + direction
                let (output, cell) = try Functional.recurrentLayer(
                    mode: mode, input: layerInput, h0: try hx.select(dim: 0, index: index),
                    c0: try cx?.select(dim: 0, index: index),
                    parameters: try layerParameters(layer: layer, direction: direction), hiddenSize: hiddenSize,
                    reverse: direction == 1, nodeName: nodeName)
                outputs.append(output)
                finalHiddens.append(try output.select(dim: 0, index: direction == 1 ? 0 : steps - 1))
                if let cell { finalCells.append(cell) }
            }
            layerInput = outputs.count == 1 ? outputs[0] : try Tensor.cat(outputs, dim: 2)
            if dropout > 0 && training && layer < numLayers - 1 {
                layerInput = try Functional.dropout(layerInput, p: dropout, training: true)
            }
        }
        let cells = cx == nil ? nil : try Tensor.stack(finalCells, dim: 0)
        return (layerInput, try Tensor.stack(finalHiddens, dim: 0), cells)
    }
}

extension Tensor {
    /// A fresh result transposed in its first two dimensions as PyTorch's `transpose_(0, 1)` leaves it: the same
    /// storage, not a view, recorded as `TransposeBackward1`.
    fileprivate func transposedInPlaceResult() -> Tensor {
        var (newShape, newStrides) = (shape, strides)
        newShape.swapAt(0, 1)
        newStrides.swapAt(0, 1)
        let out = Tensor(storage: storage, shape: newShape, strides: newStrides, offset: offset, dtype: dtype)
        out.recordGradient("TransposeBackward1", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.transpose(0, 1)]
        }
        return out
    }
}

extension RecurrentBase {
    /// The forward of `nn.RNN` and `nn.GRU`: PyTorch's checks in PyTorch's order, the layers, and the output laid
    /// out as the input was (batch first or not, unbatched or not).
    func runWithHiddenState(_ input: Tensor, hx: Tensor?) throws -> (output: Tensor, hN: Tensor) {
        try checkInputRank(input)
        let batched = input.rank == 3
        var x = input
        var state = hx
        if !batched {
            x = try input.unsqueeze(batchDim)
            if let hx {
                guard hx.rank == 2 else {
                    throw ModuleError.invalidArgument(module: mode.moduleName, detail: "For unbatched 2-D input, hx "
                        + "should also be 2-D but got \(hx.rank)-D tensor")
                }
                state = try hx.unsqueeze(1)
            }
        } else if let hx, hx.rank != 3 {
            throw ModuleError.invalidArgument(module: mode.moduleName, detail: "For batched 3-D input, hx should also "
                + "be 3-D but got \(hx.rank)-D tensor")
        }
        let batch = x.shape[batchDim]
        let h0 = try state ?? zeroState(batch: batch, size: hiddenSize, like: x)
        try checkInput(x)
        try checkHiddenSize(h0, batch: batch, size: hiddenSize, label: "hidden")
        try checkSequenceLength(x)
        let result = try runLayers(x, hx: h0, cx: nil, nodeName: "StackBackward0")
        // PyTorch's RNN and GRU transpose their result in place (`TransposeBackward1`).
        var output = batchFirst ? result.output.transposedInPlaceResult() : result.output
        var hN = result.h
        if !batched {
            output = try output.squeeze(batchDim)
            hN = try hN.squeeze(1)
        }
        return (output, hN)
    }
}
