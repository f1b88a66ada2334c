/// What a recurrent layer's node saved for its backward pass.
struct RecurrentBackwardOperands {
    let input: Tensor
    let weightIH: Tensor
    let weightHH: Tensor
    let weightHR: Tensor?
    let hiddens: Tensor
    let stash: Tensor?
    let cells: Tensor?
    let raw: Tensor?
}

/// The gradients of one recurrent layer call, in the order of the node's inputs.
struct RecurrentLayerGradients {
    /// `[rows, inputSize]` in the input's row order, when asked for.
    let inputGrad: Tensor?
    let weightIH: Tensor
    let weightHH: Tensor
    /// The bias gradients and the projection's, for those the layer has.
    let optional: [Tensor?]
    let hidden: Tensor
    let cell: Tensor?
}

extension Functional {
    /// Back-propagates through a recurrent layer call: `grad` is the gradient of its step outputs (`[steps, batch,
    /// out]`), or for an LSTM of its packed step outputs and final cell state.
    static func recurrentLayerBackward(
        _ g: RecurrentGeometry, _ saved: RecurrentBackwardOperands, grad: Tensor, needsInputGrad: Bool,
        hasBiasIH: Bool, hasBiasHH: Bool
    ) throws(TensorError) -> RecurrentLayerGradients {
        let dtype = saved.input.dtype
        let converted = try grad.converted(to: dtype)
        let outputGrad = converted.isContiguous ? converted : try converted.contiguousCopy()
        let (rows, width) = (g.rows, g.gateWidth)
        func make(_ shape: [Int]) throws(TensorError) -> Tensor {
            try Tensor(uninitializedShape: shape, dtype: dtype)
        }
        let inputGateGrads = try make([rows, width])
        let hiddenGateGrads = try make([rows, width])
        let projectionGrads = g.projected ? try make([rows, g.outputSize]) : nil
        let rawGrad = g.projected ? try make([g.batch, g.hiddenSize]) : nil
        let hiddenGrad = try make([g.batch, g.outputSize])
        let cellGrad = g.mode == .lstm ? try make([g.batch, g.hiddenSize]) : nil
        let inputGrad = needsInputGrad ? try make([rows, g.inputSize]) : nil
        let weightIHGrad = try make([width, g.inputSize])
        let weightHHGrad = try make([width, g.outputSize])
        let biasIHGrad = hasBiasIH ? try make([width]) : nil
        let biasHHGrad = hasBiasHH ? try make([width]) : nil
        let weightHRGrad = g.projected ? try make([g.outputSize, g.hiddenSize]) : nil

        func run<T: TensorFloat>(_: T.Type) {
            let outputs = outputGrad.pointer(as: T.self)
            let buffers = RecurrentBackwardBuffers<T>(
                input: saved.input.pointer(as: T.self), weightIH: saved.weightIH.pointer(as: T.self),
                weightHH: saved.weightHH.pointer(as: T.self), weightHR: saved.weightHR?.pointer(as: T.self),
                hiddens: saved.hiddens.pointer(as: T.self), stash: saved.stash?.pointer(as: T.self),
                cells: saved.cells?.pointer(as: T.self), raw: saved.raw?.pointer(as: T.self),
                outputGrad: outputs, finalCellGrad: g.mode == .lstm ? outputs + rows * g.outputSize : nil,
                inputGateGrads: inputGateGrads.pointer(as: T.self),
                hiddenGateGrads: hiddenGateGrads.pointer(as: T.self),
                projectionGrads: projectionGrads?.pointer(as: T.self), rawGrad: rawGrad?.pointer(as: T.self),
                hiddenGrad: hiddenGrad.pointer(as: T.self), cellGrad: cellGrad?.pointer(as: T.self),
                inputGrad: inputGrad?.pointer(as: T.self), weightIHGrad: weightIHGrad.pointer(as: T.self),
                weightHHGrad: weightHHGrad.pointer(as: T.self), biasIHGrad: biasIHGrad?.pointer(as: T.self),
                biasHHGrad: biasHHGrad?.pointer(as: T.self), weightHRGrad: weightHRGrad?.pointer(as: T.self))
            RecurrentKernel<T>.backward(g, buffers)
        }
        switch dtype {
        case .float32: run(Float.self)
        case .float64: run(Double.self)
        case .int64, .bool: break
        }
        let optional: [Tensor?] = (hasBiasIH ? [biasIHGrad] : []) + (hasBiasHH ? [biasHHGrad] : [])
            + (g.projected ? [weightHRGrad] : [])
        return RecurrentLayerGradients(
            inputGrad: inputGrad, weightIH: weightIHGrad, weightHH: weightHHGrad, optional: optional,
            hidden: hiddenGrad, cell: cellGrad)
    }
}
