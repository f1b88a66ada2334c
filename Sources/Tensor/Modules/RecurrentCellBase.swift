/// What `nn.RNNCell`, `nn.GRUCell` and `nn.LSTMCell` share (PyTorch's `RNNCellBase`): the parameters `weight_ih`
/// `[G·hidden, input]`, `weight_hh` `[G·hidden, hidden]`, `bias_ih` and `bias_hh` `[G·hidden]` registered in that
/// order and drawn from U(-1/√hidden, 1/√hidden), the printed line, and the checks a forward starts with.
public class RecurrentCellBase: Module {
    /// The number of features in each input.
    public let inputSize: Int
    /// The number of features in the hidden (and cell) state.
    public let hiddenSize: Int
    /// Whether the cell has `bias_ih` and `bias_hh`.
    public let bias: Bool
    /// The class name PyTorch prints and puts in its errors (`GRUCell`).
    let cellName: String

    init(name: String, inputSize: Int, hiddenSize: Int, bias: Bool, gateCount: Int, dtype: DType) throws {
        self.cellName = name
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.bias = bias
        super.init()
        let width = try Shape.pythonProduct(gateCount, hiddenSize)
        var shapes = [("weight_ih", [width, inputSize]), ("weight_hh", [width, hiddenSize])]
        if bias { shapes += [("bias_ih", [width]), ("bias_hh", [width])] }
        let storage = try shapes.map { try Tensor.empty($0.1, dtype: dtype) }
        // `nn.Parameter`'s wording, which differs from the `requires_grad` setter's.
        guard dtype.isFloatingPoint else {
            throw ModuleError.invalidArgument(module: name, detail: "Only Tensors of floating point and complex dtype "
                + "can require gradients")
        }
        for ((name, _), tensor) in zip(shapes, storage) {
            try registerParameter(name, try Tensor.parameter(tensor))
        }
        if !bias {
            try registerParameter("bias_ih", nil)
            try registerParameter("bias_hh", nil)
        }
        try resetParameters()
    }

    /// Draws every parameter from U(-1/√hidden_size, 1/√hidden_size), in registration order (`reset_parameters`).
    public func resetParameters() throws(ModuleError) {
        let bound = hiddenSize > 0 ? 1.0 / Double(hiddenSize).squareRoot() : 0
        for parameter in parameters() { try Init.uniform_(parameter, -bound, bound) }
    }

    public override var typeName: String { cellName }

    public override var extraDescription: String {
        "\(inputSize), \(hiddenSize)" + (bias ? "" : ", bias=False")
    }

    /// The cell's current weights, read by name so reassigned or loaded parameters are used.
    public func cellWeights() throws -> RecurrentCellWeights {
        RecurrentCellWeights(weightIH: try requiredParameter("weight_ih"), weightHH: try requiredParameter("weight_hh"),
                             biasIH: parameter("bias_ih"), biasHH: parameter("bias_hh"))
    }

    /// The input's rank checked: 1-D (unbatched) or 2-D (batched), as PyTorch's `forward` checks it first.
    func checkInputRank(_ input: Tensor) throws {
        guard input.rank == 1 || input.rank == 2 else {
            throw ModuleError.invalidValue(module: cellName, detail: "\(cellName): Expected input to be 1D or 2D, got "
                + "\(input.rank)D instead")
        }
    }

    /// A state's rank checked: 1-D or 2-D. `label` names it in the message (`hidden`, `hx[0]`).
    func checkStateRank(_ state: Tensor, label: String) throws {
        guard state.rank == 1 || state.rank == 2 else {
            throw ModuleError.invalidValue(module: cellName, detail: "\(cellName): Expected \(label) to be 1D or 2D, "
                + "got \(state.rank)D instead")
        }
    }

    /// Zeros shaped as a state for a 2-D input, in the input's dtype.
    func zeroState(like input: Tensor) throws -> Tensor {
        try Tensor.zeros([input.shape[0], hiddenSize], dtype: input.dtype)
    }
}
