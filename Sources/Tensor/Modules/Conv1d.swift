/// A 1-D convolution over `[N, C, L]` or `[C, L]` inputs (`nn.Conv1d`), initialised as PyTorch does: Kaiming-uniform
/// weights with a = √5 and a bias from U(-1/√fan_in, 1/√fan_in).
public final class Conv1d: Module {
    /// Channels of the input.
    public let inChannels: Int
    /// Channels of the output.
    public let outChannels: Int
    /// Taps of the kernel.
    public let kernelSize: Int
    /// The step between output positions.
    public let stride: Int
    /// Zeros (or, with another `paddingMode`, padded values) on each side, `"valid"` or `"same"`.
    public let padding: ConvolutionPadding
    /// The spacing between kernel taps.
    public let dilation: Int
    /// The number of blocks the channels are split into, each convolved separately.
    public let groups: Int
    /// `"zeros"`, `"reflect"`, `"replicate"` or `"circular"`.
    public let paddingMode: String
    /// The padding `F.pad` gets for the non-zero modes, (left, right).
    let reversedPaddingRepeatedTwice: [Int]

    /// A convolution layer; `kernelSize` may be given positionally as in PyTorch.
    public init(
        _ inChannels: Int, _ outChannels: Int, _ kernelSize: Int, stride: Int = 1, padding: ConvolutionPadding = 0,
        dilation: Int = 1, groups: Int = 1, bias: Bool = true, paddingMode: String = "zeros",
        dtype: DType = .defaultFloat
    ) throws {
        guard groups > 0 else {
            throw ModuleError.invalidValue(module: "Conv1d", detail: "groups must be a positive integer")
        }
        guard inChannels % groups == 0 else {
            throw ModuleError.invalidValue(module: "Conv1d", detail: "in_channels must be divisible by groups")
        }
        guard outChannels % groups == 0 else {
            throw ModuleError.invalidValue(module: "Conv1d", detail: "out_channels must be divisible by groups")
        }
        if padding == .same && stride != 1 {
            throw ModuleError.invalidValue(module: "Conv1d", detail: "padding='same' is not supported for strided "
                + "convolutions")
        }
        guard ["zeros", "reflect", "replicate", "circular"].contains(paddingMode) else {
            // NOTE: PyTorch prints a Python set here, whose order changes from run to run.
            throw ModuleError.invalidValue(module: "Conv1d", detail: "padding_mode must be one of {'zeros', "
                + "'reflect', 'replicate', 'circular'}, but got padding_mode=\(pythonStringRepr(paddingMode))")
        }
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
        self.paddingMode = paddingMode
        switch padding {
        case .explicit(let amount):
            reversedPaddingRepeatedTwice = [amount, amount]
        case .valid:
            reversedPaddingRepeatedTwice = [0, 0]
        case .same:
            let total = dilation &* (kernelSize &- 1)
            reversedPaddingRepeatedTwice = [total / 2, total - total / 2]
        }
        super.init()
        let weight = try Tensor.empty([outChannels, inChannels / groups, kernelSize], dtype: dtype)
        try registerParameter("weight", try Tensor.parameter(weight))
        try registerParameter("bias", bias ? try Tensor.parameter(try Tensor.empty([outChannels], dtype: dtype)) : nil)
        try resetParameters()
    }

    /// A convolution layer with the padding given as `"valid"` or `"same"`.
    public convenience init(
        _ inChannels: Int, _ outChannels: Int, _ kernelSize: Int, stride: Int = 1, padding: String,
        dilation: Int = 1, groups: Int = 1, bias: Bool = true, paddingMode: String = "zeros",
        dtype: DType = .defaultFloat
    ) throws {
        guard let mode = ConvolutionPadding(padding) else {
            throw ModuleError.invalidValue(module: "Conv1d", detail: "Invalid padding string "
                + "\(pythonStringRepr(padding)), should be one of {'valid', 'same'}")
        }
        try self.init(inChannels, outChannels, kernelSize, stride: stride, padding: mode, dilation: dilation,
                      groups: groups, bias: bias, paddingMode: paddingMode, dtype: dtype)
    }

    /// Draws fresh weights and bias from the default initialisation (`reset_parameters`).
    public func resetParameters() throws(ModuleError) {
        let weight = try requiredParameter("weight")
        try Init.kaimingUniform_(weight, a: 5.0.squareRoot())
        if let bias = parameter("bias") {
            let fanIn = try Init.fans(weight).fanIn
            // With no inputs PyTorch's bound is the integer 0, whose negation is +0, not -0.0.
            let bound = fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
            try Init.uniform_(bias, fanIn > 0 ? -bound : 0, bound)
        }
    }

    public override var extraDescription: String {
        var text = "\(inChannels), \(outChannels), kernel_size=(\(kernelSize),), stride=(\(stride),)"
        switch padding {
        case .explicit(let amount) where amount != 0: text += ", padding=(\(amount),)"
        case .explicit: break
        case .valid: text += ", padding=valid"
        case .same: text += ", padding=same"
        }
        if dilation != 1 { text += ", dilation=(\(dilation),)" }
        if groups != 1 { text += ", groups=\(groups)" }
        if parameter("bias") == nil { text += ", bias=False" }
        if paddingMode != "zeros" { text += ", padding_mode=\(paddingMode)" }
        return text
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        let weight = try requiredParameter("weight")
        if paddingMode != "zeros" {
            let padded = try Functional.pad(input, reversedPaddingRepeatedTwice, mode: paddingMode)
            return try Functional.conv1d(padded, weight: weight, bias: parameter("bias"), stride: stride, padding: 0,
                                         dilation: dilation, groups: groups)
        }
        return try Functional.conv1d(input, weight: weight, bias: parameter("bias"), stride: stride, padding: padding,
                                     dilation: dilation, groups: groups)
    }
}

extension Conv1d: ReplicableModule {
    /// A convolution of the same configuration and dtype, for `deepCopy`.
    public func makeReplica() throws -> Module {
        try Conv1d(inChannels, outChannels, kernelSize, stride: stride, padding: padding, dilation: dilation,
                   groups: groups, bias: parameter("bias") != nil, paddingMode: paddingMode,
                   dtype: parameter("weight")?.dtype ?? .defaultFloat)
    }
}
