/// What `nn.RNN`, `nn.GRU` and `nn.LSTM` share (PyTorch's `RNNBase`): the constructor arguments and their checks,
/// the parameters `weight_ih_l{k}`, `weight_hh_l{k}`, `bias_ih_l{k}`, `bias_hh_l{k}` (and `weight_hr_l{k}`, with a
/// `_reverse` twin per bidirectional layer) registered and initialised in PyTorch's order, the printed line, and the
/// stack of layers a forward runs.
///
/// Outputs show PyTorch's CPU grad_fns: each layer and direction is one fused node named as PyTorch's last step there
/// (`StackBackward0`, or `MkldnnRnnLayerBackward0` for a float32 LSTM without projection, which PyTorch runs through
/// oneDNN), directions join in `CatBackward0`, `batch_first` outputs are `TransposeBackward1` (RNN, GRU: PyTorch
/// transposes in place) or `TransposeBackward0` (LSTM), final states are `StackBackward0`, and unbatched results
/// `SqueezeBackward1`. Only the nodes' inputs differ: a fused node links to the layer's input, weights and states
/// rather than to PyTorch's per-step nodes.
public class RecurrentBase: Module {
    /// Which recurrence each layer runs.
    public let mode: RecurrentMode
    /// The number of features in each input step.
    public let inputSize: Int
    /// The number of features in the hidden (and cell) state.
    public let hiddenSize: Int
    /// The number of stacked layers.
    public let numLayers: Int
    /// Whether the layers have `bias_ih` and `bias_hh`.
    public let bias: Bool
    /// Whether inputs and outputs are `(batch, seq, feature)` rather than `(seq, batch, feature)`.
    public let batchFirst: Bool
    /// The dropout probability applied to the outputs of every layer but the last while training.
    public let dropout: Double
    /// Whether each layer also runs from the last step to the first.
    public let bidirectional: Bool
    /// The size the LSTM projects its hidden state to (0: no projection).
    public let projSize: Int
    /// The `UserWarning` PyTorch emits while constructing this module, if any (dropout with a single layer).
    public let constructionWarning: String?
    /// The parameter names of each layer and direction (`_all_weights`), in PyTorch's order.
    public let allWeightNames: [[String]]

    init(
        mode: RecurrentMode, inputSize: Int, hiddenSize: Int, numLayers: Int, bias: Bool, batchFirst: Bool,
        dropout: Double, bidirectional: Bool, projSize: Int, dtype: DType
    ) throws {
        guard dropout >= 0 && dropout <= 1 else {
            throw ModuleError.invalidValue(module: mode.moduleName, detail: "dropout should be a number in range "
                + "[0, 1] representing the probability of an element being zeroed")
        }
        constructionWarning = dropout > 0 && numLayers == 1
            ? "dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects "
                + "num_layers greater than 1, but got dropout=\(dropout.pythonRepr) and num_layers=\(numLayers)"
            : nil
        let checks: [(Bool, String)] = [
            (inputSize > 0, "input_size must be greater than zero"),
            (hiddenSize > 0, "hidden_size must be greater than zero"),
            (numLayers > 0, "num_layers must be greater than zero"),
            (projSize >= 0, "proj_size should be a positive integer or zero to disable projections"),
            (projSize < hiddenSize, "proj_size has to be smaller than hidden_size"),
        ]
        for (passes, message) in checks where !passes {
            throw ModuleError.invalidValue(module: mode.moduleName, detail: message)
        }
        guard dtype.isFloatingPoint else { throw ModuleError.tensor(.requiresGradOnNonFloat) }
        self.mode = mode
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.numLayers = numLayers
        self.bias = bias
        self.batchFirst = batchFirst
        self.dropout = dropout
        self.bidirectional = bidirectional
        self.projSize = projSize
        let directions = bidirectional ? 2 : 1
        let out = projSize > 0 ? projSize : hiddenSize
        let width = try Shape.pythonProduct(mode.gateCount, hiddenSize)
        let layerInput = try Shape.checkedCount([out, directions])
        // One direction of one layer: its parameters' names and shapes.
        func layerParameters(input: Int) -> [(name: String, shape: [Int])] {
            var parameters = [("weight_ih", [width, input]), ("weight_hh", [width, out])]
            if bias { parameters += [("bias_ih", [width]), ("bias_hh", [width])] }
            if projSize > 0 { parameters.append(("weight_hr", [projSize, hiddenSize])) }
            return parameters
        }
        let first = layerParameters(input: inputSize), later = layerParameters(input: layerInput)
        try Self.checkBudget(first: first.map(\.shape), later: later.map(\.shape), layers: numLayers,
                             directions: directions, dtype: dtype)
        var names: [[String]] = []
        var shapes: [[Int]] = []
        // A huge layer count of tiny layers passes the budget; Ctrl-C still stops the loop, and the interpreter
        // then raises KeyboardInterrupt in place of the half-built module.
        for layer in 0..<numLayers where !Interruption.isRequested {
            for direction in 0..<directions {
                let suffix = "_l\(layer)" + (direction == 1 ? "_reverse" : "")
                let parameters = layer == 0 ? first : later
                shapes += parameters.map(\.shape)
                names.append(parameters.map { $0.name + suffix })
            }
        }
        allWeightNames = names
        super.init()
        for (name, shape) in zip(names.joined(), shapes) where !Interruption.isRequested {
            try registerParameter(name, try Tensor.parameter(try Tensor.empty(shape, dtype: dtype)))
        }
        try resetParameters()
    }

    /// Refuses, before any is made, parameters whose bytes together pass the tensor memory limit: a layer count
    /// that no memory could hold is a MemoryError naming the size, not a loop that fills memory.
    private static func checkBudget(first: [[Int]], later: [[Int]], layers: Int, directions: Int,
                                    dtype: DType) throws(TensorError) {
        func elements(_ shapes: [[Int]]) throws(TensorError) -> Int {
            var total = 0
            for shape in shapes {
                let (sum, overflow) = total.addingReportingOverflow(try Shape.checkedCount(shape))
                if overflow { throw .outOfMemory(requestedBytes: nil) }
                total = sum
            }
            return total
        }
        // The first layer's sizes are refused first, and later layers' only when there are any, as PyTorch makes them.
        let firstTotal = try elements(first)
        let (laterTotal, laterOverflow) = layers > 1 ? try elements(later).multipliedReportingOverflow(by: layers - 1)
            : (0, false)
        let (layerSum, sumOverflow) = firstTotal.addingReportingOverflow(laterTotal)
        let (count, countOverflow) = layerSum.multipliedReportingOverflow(by: directions)
        let (bytes, bytesOverflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        if laterOverflow || sumOverflow || countOverflow || bytesOverflow { throw .outOfMemory(requestedBytes: nil) }
        if bytes > MemoryBudget.shared.limit { throw .outOfMemory(requestedBytes: bytes) }
    }

    /// The number of directions each layer runs in: 1, or 2 when bidirectional.
    public var numDirections: Int { bidirectional ? 2 : 1 }

    /// The width of the hidden state the layers emit: `projSize` when projecting, else `hiddenSize`.
    public var outputSize: Int { projSize > 0 ? projSize : hiddenSize }

    /// The parameters of each layer and direction (`all_weights`).
    public var allWeights: [[Tensor]] {
        allWeightNames.map { names in names.compactMap { parameter($0) } }
    }

    /// Draws every parameter from U(-1/√hidden_size, 1/√hidden_size), in registration order (`reset_parameters`).
    public func resetParameters() throws(ModuleError) {
        let bound = 1.0 / Double(hiddenSize).squareRoot()
        for parameter in parameters() { try Init.uniform_(parameter, -bound, bound) }
    }

    /// Does nothing: Attend keeps no cuDNN weight buffer (`flatten_parameters`).
    public func flattenParameters() {}

    public override var extraDescription: String {
        var text = "\(inputSize), \(hiddenSize)"
        if projSize != 0 { text += ", proj_size=\(projSize)" }
        if numLayers != 1 { text += ", num_layers=\(numLayers)" }
        if !bias { text += ", bias=False" }
        if batchFirst { text += ", batch_first=True" }
        if dropout != 0 { text += ", dropout=\(dropout.pythonRepr)" }
        if bidirectional { text += ", bidirectional=True" }
        return text
    }
}

extension RecurrentMode {
    /// The class name PyTorch prints for modules of this mode.
    var moduleName: String {
        switch self {
        case .rnnTanh, .rnnRelu: return "RNN"
        case .gru: return "GRU"
        case .lstm: return "LSTM"
        }
    }
}

extension RecurrentBase {
    /// The dtype a replica is built in: its first weight's.
    var replicaDType: DType { parameters().first?.dtype ?? .defaultFloat }
}
