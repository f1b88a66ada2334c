import Foundation

/// PyTorch's `nn.init` functions: each fills a tensor in place, without recording gradients, drawing from the
/// generator exactly as PyTorch does so seeded models start from PyTorch's numbers.
public enum Init {
    /// The recommended gain for a nonlinearity (`calculate_gain`).
    public static func gain(_ nonlinearity: String, param: Double? = nil) throws(ModuleError) -> Double {
        switch nonlinearity {
        case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d",
             "sigmoid":
            return 1
        case "tanh": return 5.0 / 3
        case "relu": return 2.0.squareRoot()
        case "leaky_relu":
            let slope = param ?? 0.01
            return (2.0 / (1 + slope * slope)).squareRoot()
        case "selu": return 3.0 / 4
        default: throw .invalidValue(module: "init", detail: "Unsupported nonlinearity \(nonlinearity)")
        }
    }

    /// The fan-in and fan-out of a weight: input and output feature maps times the receptive field.
    public static func fans(_ tensor: Tensor) throws(ModuleError) -> (fanIn: Int, fanOut: Int) {
        guard tensor.rank >= 2 else {
            throw .invalidValue(module: "init", detail: "Fan in and fan out can not be computed for tensor with "
                + "fewer than 2 dimensions")
        }
        let receptiveField = tensor.shape.dropFirst(2).reduce(1, *)
        return (tensor.shape[1] * receptiveField, tensor.shape[0] * receptiveField)
    }

    /// Fills with U(a, b) (`uniform_`).
    public static func uniform_(
        _ tensor: Tensor, _ a: Double = 0, _ b: Double = 1, generator: Generator? = nil
    ) throws(ModuleError) {
        try filling(tensor) { () throws(TensorError) in try tensor.uniform_(from: a, to: b, generator: generator) }
    }

    /// Fills with N(mean, std²) (`normal_`).
    public static func normal_(
        _ tensor: Tensor, mean: Double = 0, std: Double = 1, generator: Generator? = nil
    ) throws(ModuleError) {
        try filling(tensor) { () throws(TensorError) in try tensor.normal_(mean: mean, std: std, generator: generator) }
    }

    /// Fills with `value` (`constant_`).
    public static func constant_(_ tensor: Tensor, _ value: Double) throws(ModuleError) {
        try filling(tensor) { () throws(TensorError) in try tensor.fill_(.float(value)) }
    }

    /// Fills with zeros (`zeros_`).
    public static func zeros_(_ tensor: Tensor) throws(ModuleError) {
        try filling(tensor) { () throws(TensorError) in try tensor.zero_() }
    }

    /// Fills with ones (`ones_`).
    public static func ones_(_ tensor: Tensor) throws(ModuleError) {
        try filling(tensor) { () throws(TensorError) in try tensor.fill_(.int(1)) }
    }

    /// He initialisation from a uniform distribution (`kaiming_uniform_`).
    public static func kaimingUniform_(
        _ tensor: Tensor, a: Double = 0, mode: String = "fan_in", nonlinearity: String = "leaky_relu",
        generator: Generator? = nil
    ) throws(ModuleError) {
        if tensor.count == 0 { return }
        let fan = try fan(tensor, mode: mode)
        // NOTE: the same operations in the same order as PyTorch, so the bound rounds to the same double.
        let std = (try gain(nonlinearity, param: a)) / Double(fan).squareRoot()
        let bound = 3.0.squareRoot() * std
        try uniform_(tensor, -bound, bound, generator: generator)
    }

    /// He initialisation from a normal distribution (`kaiming_normal_`).
    public static func kaimingNormal_(
        _ tensor: Tensor, a: Double = 0, mode: String = "fan_in", nonlinearity: String = "leaky_relu",
        generator: Generator? = nil
    ) throws(ModuleError) {
        if tensor.count == 0 { return }
        let fan = try fan(tensor, mode: mode)
        try normal_(tensor, mean: 0, std: (try gain(nonlinearity, param: a)) / Double(fan).squareRoot(),
                    generator: generator)
    }

    /// Glorot initialisation from a uniform distribution (`xavier_uniform_`).
    public static func xavierUniform_(_ tensor: Tensor, gain: Double = 1, generator: Generator? = nil)
        throws(ModuleError) {
        let (fanIn, fanOut) = try fans(tensor)
        let std = gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
        let bound = 3.0.squareRoot() * std
        try uniform_(tensor, -bound, bound, generator: generator)
    }

    /// Glorot initialisation from a normal distribution (`xavier_normal_`).
    public static func xavierNormal_(_ tensor: Tensor, gain: Double = 1, generator: Generator? = nil)
        throws(ModuleError) {
        let (fanIn, fanOut) = try fans(tensor)
        try normal_(tensor, mean: 0, std: gain * (2.0 / Double(fanIn + fanOut)).squareRoot(), generator: generator)
    }

    private static func fan(_ tensor: Tensor, mode: String) throws(ModuleError) -> Int {
        // PyTorch lower-cases the mode and checks it before it looks at the tensor.
        let mode = mode.lowercased()
        guard mode == "fan_in" || mode == "fan_out" else {
            throw .invalidValue(module: "init", detail: "Mode \(mode) not supported, please use one of ['fan_in', "
                + "'fan_out']")
        }
        let (fanIn, fanOut) = try fans(tensor)
        return mode == "fan_in" ? fanIn : fanOut
    }

    private static func filling(_ tensor: Tensor, _ body: () throws(TensorError) -> Tensor) throws(ModuleError) {
        do {
            try GradMode.with(enabled: false) { () throws(TensorError) in _ = try body() }
        } catch {
            throw .tensor(error)
        }
    }
}
