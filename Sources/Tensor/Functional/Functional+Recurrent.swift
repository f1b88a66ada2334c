/// The recurrence a recurrent layer runs: PyTorch's RNN modes.
public enum RecurrentMode: String, Sendable, CaseIterable {
    /// `nn.RNN` with `nonlinearity='tanh'`.
    case rnnTanh = "RNN_TANH"
    /// `nn.RNN` with `nonlinearity='relu'`.
    case rnnRelu = "RNN_RELU"
    /// `nn.GRU`: reset, update and new gates.
    case gru = "GRU"
    /// `nn.LSTM`: input, forget, cell and output gates.
    case lstm = "LSTM"

    /// How many gates are stacked in each weight matrix.
    public var gateCount: Int {
        switch self {
        case .rnnTanh, .rnnRelu: return 1
        case .gru: return 3
        case .lstm: return 4
        }
    }
}

/// One layer's parameters in one direction, in PyTorch's order.
struct RecurrentLayerParameters {
    let weightIH: Tensor
    let weightHH: Tensor
    let biasIH: Tensor?
    let biasHH: Tensor?
    let weightHR: Tensor?
}

extension Functional {
    /// Runs one recurrent layer in one direction over a `[steps, batch, features]` input from `h0` (`[batch, out]`)
    /// and, for an LSTM, `c0` (`[batch, hidden]`), recorded as one autograd node with a hand-written backward through
    /// time. Returns the hidden state of every step in time order (`[steps, batch, out]`) and the LSTM's final cell
    /// state.
    ///
    /// `nodeName` is the grad_fn the output shows: PyTorch's CPU layers end in `StackBackward0` (the stacked step
    /// outputs), or `MkldnnRnnLayerBackward0` for a float32 LSTM without projection.
    static func recurrentLayer(
        mode: RecurrentMode, input: Tensor, h0: Tensor, c0: Tensor?, parameters: RecurrentLayerParameters,
        hiddenSize: Int, reverse: Bool, nodeName: String
    ) throws(TensorError) -> (output: Tensor, cell: Tensor?) {
        let dtype = input.dtype
        let (steps, batch, features) = (input.shape[0], input.shape[1], input.shape[2])
        let projected = parameters.weightHR != nil
        let out = parameters.weightHR?.shape.first ?? hiddenSize
        let width = try Shape.checkedCount([mode.gateCount, hiddenSize])
        try checkRecurrentOperands(mode: mode, input: input, h0: h0, c0: c0, parameters: parameters,
                                   hiddenSize: hiddenSize, outputSize: out)
        // The input's rows are read in memory order: step-major, or batch-major for a transposed `batch_first` input.
        let batchMajor = !input.isContiguous
            && Shape.isContiguous(shape: [batch, steps, features], strides: [input.strides[1], input.strides[0],
                                                                               input.strides[2]])
        let x = input.isContiguous || batchMajor ? input : try input.contiguousCopy()
        let geometry = RecurrentGeometry(
            mode: mode, steps: steps, batch: batch, inputSize: features, hiddenSize: hiddenSize, outputSize: out,
            projected: projected, batchMajor: batchMajor, reverse: reverse)
        let weightIH = try parameters.weightIH.denseCopy()
        let weightHH = try parameters.weightHH.denseCopy()
        let weightHR = try parameters.weightHR?.denseCopy()
        let biasIH = try parameters.biasIH?.denseCopy()
        let biasHH = try parameters.biasHH?.denseCopy()

        let hiddens = try Tensor(uninitializedShape: [steps + 1, batch, out], dtype: dtype)
        Cast.copy(h0, into: try hiddens.select(dim: 0, index: 0))
        let stash = mode == .gru || mode == .lstm
            ? try Tensor(uninitializedShape: [steps, batch, geometry.stashWidth], dtype: dtype) : nil
        let cells = mode == .lstm ? try Tensor(uninitializedShape: [steps + 1, batch, hiddenSize], dtype: dtype) : nil
        if let cells, let c0 { Cast.copy(c0, into: try cells.select(dim: 0, index: 0)) }
        let raw = projected ? try Tensor(uninitializedShape: [steps, batch, hiddenSize], dtype: dtype) : nil
        let inputGates = try Tensor(uninitializedShape: [steps * batch, width], dtype: dtype)
        let hiddenGates = try Tensor(uninitializedShape: [batch, width], dtype: dtype)
        // An LSTM's node emits its step outputs and final cell state packed in one buffer, unpacked below.
        let outputCount = try Shape.checkedCount([steps, batch, out])
        let cellCount = try Shape.checkedCount([batch, hiddenSize])
        let (packedCount, overflow) = outputCount.addingReportingOverflow(cellCount)
        if overflow { throw .outOfMemory(requestedBytes: nil) }
        let result = try Tensor(
            uninitializedShape: mode == .lstm ? [packedCount] : [steps, batch, out], dtype: dtype)

        func run<T: TensorFloat>(_: T.Type) {
            let buffers = RecurrentForwardBuffers<T>(
                input: x.pointer(as: T.self), weightIH: weightIH.pointer(as: T.self),
                weightHH: weightHH.pointer(as: T.self), biasIH: biasIH?.pointer(as: T.self),
                biasHH: biasHH?.pointer(as: T.self), weightHR: weightHR?.pointer(as: T.self),
                hiddens: hiddens.pointer(as: T.self), stash: stash?.pointer(as: T.self),
                cells: cells?.pointer(as: T.self), raw: raw?.pointer(as: T.self),
                inputGates: inputGates.pointer(as: T.self), hiddenGates: hiddenGates.pointer(as: T.self),
                output: result.pointer(as: T.self))
            RecurrentKernel<T>.forward(geometry, buffers)
            if let cells {
                (result.pointer(as: T.self) + outputCount).update(
                    from: cells.pointer(as: T.self) + steps * batch * hiddenSize, count: batch * hiddenSize)
            }
        }
        switch dtype {
        case .float32: run(Float.self)
        case .float64: run(Double.self)
        case .int64, .bool: break
        }

        let optional = [parameters.biasIH, parameters.biasHH, parameters.weightHR]
        let inputs = [input, parameters.weightIH, parameters.weightHH] + optional.compactMap { $0 } + [h0]
            + (c0.map { [$0] } ?? [])
        let needsInputGrad = input.requiresGrad
        let (hasBiasIH, hasBiasHH) = (parameters.biasIH != nil, parameters.biasHH != nil)
        let inputShape = input.shape
        let hasStash = stash != nil
        let saving = [x, weightIH, weightHH] + [weightHR, hiddens, stash, cells, raw].compactMap { $0 }
        result.recordGradient(nodeName, inputs: inputs, saving: saving) { grad, saved throws(TensorError) in
            // The kernels compute first-order gradients only; with create_graph they would silently drop the
            // second-order terms PyTorch records.
            if GradMode.isEnabled {
                throw .invalidArgument(op: "rnn", detail: "Attend's recurrent layers do not support double backward "
                    + "(create_graph=True through \(mode.rawValue))")
            }
            var rest = saved.dropFirst(3)
            func take(_ present: Bool) -> Tensor? { present ? rest.popFirst() : nil }
            let savedWeightHR = take(projected)
            let savedHiddens = take(true)
            let savedStash = take(hasStash)
            let savedCells = take(mode == .lstm)
            let savedRaw = take(projected)
            guard let savedHiddens else { return [] }
            let operands = RecurrentBackwardOperands(
                input: saved[0], weightIH: saved[1], weightHH: saved[2], weightHR: savedWeightHR,
                hiddens: savedHiddens, stash: savedStash, cells: savedCells, raw: savedRaw)
            let grads = try recurrentLayerBackward(
                geometry, operands, grad: grad, needsInputGrad: needsInputGrad, hasBiasIH: hasBiasIH,
                hasBiasHH: hasBiasHH)
            let inputGrad = try grads.inputGrad.map { flat throws(TensorError) in
                // The gradient has the input's row order: batch-major rows are the transposed `[steps, batch, ...]`.
                batchMajor ? try flat.view([inputShape[1], inputShape[0], inputShape[2]]).transpose(0, 1)
                    : try flat.view(inputShape)
            }
            return [inputGrad, grads.weightIH, grads.weightHH] + grads.optional + [grads.hidden]
                + (mode == .lstm ? [grads.cell] : [])
        }
        guard mode == .lstm else { return (result, nil) }
        let output = result.unpacked(shape: [steps, batch, out], offset: 0, name: nodeName)
        let cell = result.unpacked(shape: [batch, hiddenSize], offset: outputCount, name: nodeName)
        return (output, cell)
    }

    /// Refuses operands whose shapes or dtypes do not fit the layer (weights a user replaced, say), with the messages
    /// of the products PyTorch would attempt, in the order it attempts them.
    private static func checkRecurrentOperands(
        mode: RecurrentMode, input: Tensor, h0: Tensor, c0: Tensor?, parameters: RecurrentLayerParameters,
        hiddenSize: Int, outputSize: Int
    ) throws(TensorError) {
        let (steps, batch, features) = (input.shape[0], input.shape[1], input.shape[2])
        let width = try Shape.checkedCount([mode.gateCount, hiddenSize])
        let rows = steps * batch
        // addmm(bias, lhs, weightᵀ) compares the bias's dtype with the weight's, then the left operand's.
        let products = [
            (parameters.weightIH, parameters.biasIH, input, [rows, features]),
            (parameters.weightHH, parameters.biasHH, h0, [batch, outputSize]),
        ]
        for (weight, bias, operand, lhs) in products {
            for (name, tensor) in [("self", bias), ("mat1", operand)] {
                if let tensor, tensor.dtype != weight.dtype {
                    throw .invalidArgument(op: "rnn", detail: "\(name) and mat2 must have the same dtype, but got "
                        + "\(tensor.dtype.scalarTypeName) and \(weight.dtype.scalarTypeName)")
                }
            }
            guard weight.rank == 2, weight.shape[1] == lhs[1] else {
                throw .matmulShapes(a: lhs, b: weight.rank == 2 ? [weight.shape[1], weight.shape[0]] : weight.shape)
            }
            if let bias, bias.shape != [weight.shape[0]] {
                throw .invalidArgument(op: "rnn", detail: "The expanded size of the tensor (\(weight.shape[0])) must "
                    + "match the existing size (\(bias.shape.last ?? 1)) at non-singleton dimension 1.  Target sizes: "
                    + "\(Shape.describe([lhs[0], weight.shape[0]])).  Tensor sizes: \(Shape.describe(bias.shape))")
            }
            guard weight.shape[0] == width else {
                throw .invalidArgument(op: "rnn", detail: "Expected \(mode.rawValue) weight of shape "
                    + "\(Shape.describe([width, lhs[1]])), got \(Shape.describe(weight.shape))")
            }
        }
        for (state, expected) in [(h0, [batch, outputSize]), (c0, [batch, hiddenSize])] {
            if let state, state.shape != expected {
                throw .invalidArgument(op: "rnn", detail: "Expected hidden size \(Shape.describe(expected)), got "
                    + Shape.describe(state.shape))
            }
        }
        if let weightHR = parameters.weightHR, weightHR.shape != [outputSize, hiddenSize] {
            throw .matmulShapes(a: [batch, hiddenSize], b: weightHR.rank == 2
                ? [weightHR.shape[1], weightHR.shape[0]] : weightHR.shape)
        }
        let operands = [h0, c0, parameters.weightHH, parameters.weightHR].compactMap { $0 }
        for tensor in operands where tensor.dtype != input.dtype {
            throw .invalidArgument(op: "rnn", detail: "mat1 and mat2 must have the same dtype, but got "
                + "\(tensor.dtype.scalarTypeName) and \(input.dtype.scalarTypeName)")
        }
        guard input.dtype.isFloatingPoint else { throw .notImplemented(op: "addmm_impl_cpu_", dtype: input.dtype) }
        let limit = Int(Int32.max)
        guard rows <= limit, width <= limit, features <= limit, outputSize <= limit else {
            throw .invalidArgument(op: "rnn", detail: "matrix dimensions beyond 2^31 - 1 are not supported")
        }
    }
}

extension Tensor {
    /// This tensor if contiguous, else a contiguous copy that records nothing (the layer's node has the edge).
    fileprivate func denseCopy() throws(TensorError) -> Tensor {
        isContiguous ? self : try contiguousCopy()
    }

    /// A contiguous part of a packed result, sharing its storage, whose gradient lands in that part of the pack.
    fileprivate func unpacked(shape: [Int], offset start: Int, name: String) -> Tensor {
        let strides = Shape.contiguousStrides(shape)
        let part = Tensor(storage: storage, shape: shape, strides: strides, offset: offset + start, dtype: dtype)
        let total = count
        part.recordGradient(name, inputs: [self]) { grad, _ throws(TensorError) in
            let full = try Tensor(zerosShape: [total], dtype: grad.dtype)
            Cast.copy(grad, into: Tensor(storage: full.storage, shape: shape, strides: strides, offset: start,
                                         dtype: grad.dtype))
            return [full]
        }
        return part
    }
}
