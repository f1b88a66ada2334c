/// How a convolution pads its input: a number of zeros on each side, none (`"valid"`), or enough to keep the length
/// (`"same"`, stride 1 only).
public enum ConvolutionPadding: Equatable, Sendable, ExpressibleByIntegerLiteral {
    /// This many zeros on each side.
    case explicit(Int)
    /// No padding.
    case valid
    /// Enough zeros for the output to keep the input's length.
    case same

    /// Zeros on each side.
    public init(integerLiteral value: Int) { self = .explicit(value) }

    /// `"valid"` or `"same"`, or nil for any other string.
    public init?(_ name: String) {
        switch name {
        case "valid": self = .valid
        case "same": self = .same
        default: return nil
        }
    }
}

extension Functional {
    /// A 1-D convolution of `input` `[N, C, L]` (or unbatched `[C, L]`) with `weight` `[O, C/groups, K]`
    /// (`F.conv1d`, grad_fn `ConvolutionBackward0`). `padding: .same` pads `dilation * (K - 1)` zeros, the extra one
    /// on the right when it is odd.
    public static func conv1d(
        _ input: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: ConvolutionPadding = 0,
        dilation: Int = 1, groups: Int = 1
    ) throws(TensorError) -> Tensor {
        if let bias, bias.dtype != input.dtype {
            throw .invalidArgument(op: "conv1d", detail: "Input type (\(input.dtype.cppName)) and bias type "
                + "(\(bias.dtype.cppName)) should be the same")
        }
        guard input.rank == 2 || input.rank == 3 else {
            throw .invalidArgument(op: "conv1d", detail: "Expected 2D (unbatched) or 3D (batched) input to conv1d, but "
                + "got input of size: \(Shape.describe(input.shape))")
        }
        guard weight.rank >= 3 else {
            throw .invalidArgument(op: "conv1d", detail: "weight should have at least three dimensions")
        }
        guard groups > 0 else { throw .invalidArgument(op: "conv1d", detail: "non-positive groups is not supported") }
        let batched = input.rank == 3
        var x = batched ? input : try input.unsqueeze(0)
        let left: Int
        switch padding {
        case .explicit(let amount):
            left = amount
        case .valid:
            left = 0
        case .same:
            guard stride == 1 else {
                throw .invalidArgument(op: "conv1d", detail: "padding='same' is not supported for strided convolutions")
            }
            guard weight.rank == 3 else { throw weightRankMismatch(weight, x, spaced: false) }
            let total = try kernelSpan(dilation, weight.shape[2]) - 1
            left = total / 2
            // An odd total puts the extra zero on the right, as a separate constant pad of the input.
            if total - left != left {
                x = try constantPad(x, [0, total - 2 * left], value: 0)
            }
        }
        let out = try convolution1d(x, weight: weight, bias: bias, stride: stride, padding: left, dilation: dilation,
                                    groups: groups)
        return batched ? out : try out.squeeze(0)
    }

    /// `F.conv1d` with the padding given as a string, `"valid"` or `"same"`.
    public static func conv1d(
        _ input: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: String, dilation: Int = 1,
        groups: Int = 1
    ) throws(TensorError) -> Tensor {
        guard let mode = ConvolutionPadding(padding) else {
            throw .invalidArgument(op: "conv1d", detail: "Invalid padding string: \(pythonStringRepr(padding))")
        }
        return try conv1d(input, weight: weight, bias: bias, stride: stride, padding: mode, dilation: dilation,
                          groups: groups)
    }

    /// `dilation * (kernel - 1) + 1`, the input positions one output reads, refusing sizes that overflow (which
    /// PyTorch's int64 arithmetic lets wrap).
    private static func kernelSpan(_ dilation: Int, _ kernel: Int) throws(TensorError) -> Int {
        let (product, overflow) = dilation.multipliedReportingOverflow(by: kernel - 1)
        guard !overflow && product < Int.max else {
            throw .invalidArgument(op: "conv1d", detail: "dilation \(dilation) and kernel size \(kernel) span more "
                + "positions than an int64 can count")
        }
        return product + 1
    }

    private static func weightRankMismatch(_ weight: Tensor, _ input: Tensor, spaced: Bool) -> TensorError {
        .invalidArgument(op: "conv1d", detail: "Expected \(weight.rank)-dimensional input for \(weight.rank)-"
            + "dimensional weight\(spaced ? " " : "")\(Shape.describe(weight.shape)), but got \(input.rank)-dimensional input of "
            + "size \(Shape.describe(input.shape)) instead")
    }

    /// The batched convolution with symmetric zero padding, after PyTorch's shape and type checks, in their order.
    private static func convolution1d(
        _ input: Tensor, weight: Tensor, bias: Tensor?, stride: Int, padding: Int, dilation: Int, groups: Int
    ) throws(TensorError) -> Tensor {
        guard padding >= 0 else { throw .invalidArgument(op: "conv1d", detail: "negative padding is not supported") }
        guard stride > 0 else { throw .invalidArgument(op: "conv1d", detail: "non-positive stride is not supported") }
        guard dilation >= 0 else {
            throw .invalidArgument(op: "conv1d", detail: "dilation should be greater than zero")
        }
        guard padding <= Int.max / 2 else {
            throw .invalidArgument(op: "conv1d", detail: "Given padding=\(padding) at dimension 0 , expected padding to "
                + "be at most \(Int.max / 2)")
        }
        guard weight.rank == input.rank else { throw weightRankMismatch(weight, input, spaced: true) }
        let (outChannels, groupChannels, kernel) = (weight.shape[0], weight.shape[1], weight.shape[2])
        let weightShape = Shape.describe(weight.shape)
        guard outChannels >= groups else {
            throw .invalidArgument(op: "conv1d", detail: "Given groups=\(groups), expected weight to be at least "
                + "\(groups) at dimension 0, but got weight of size \(weightShape) instead")
        }
        guard outChannels % groups == 0 else {
            throw .invalidArgument(op: "conv1d", detail: "Given groups=\(groups), expected weight to be divisible by "
                + "\(groups) at dimension 0, but got weight of size [\(weightShape)] instead")
        }
        let (batch, channels, length) = (input.shape[0], input.shape[1], input.shape[2])
        guard channels == groupChannels * groups else {
            throw .invalidArgument(op: "conv1d", detail: "Given groups=\(groups), weight of size \(weightShape), "
                + "expected input\(Shape.describe(input.shape)) to have \(groupChannels * groups) channels, but got "
                + "\(channels) channels instead")
        }
        if let bias, bias.rank != 1 || bias.shape[0] != outChannels {
            throw .invalidArgument(op: "conv1d", detail: "Given weight of size \(weightShape), expected bias to be "
                + "1-dimensional with \(outChannels) elements, but got bias of size \(Shape.describe(bias.shape)) "
                + "instead")
        }
        let padded = length &+ 2 * padding
        let span = try kernelSpan(dilation, kernel)
        guard padded >= span else {
            throw .invalidArgument(op: "conv1d", detail: "Calculated padded input size per channel: (\(padded)). "
                + "Kernel size: (\(span)). Kernel size can't be greater than actual input size")
        }
        try checkConvolutionTypes(input, weight, kernel: kernel, dilation: dilation)
        let outLength = (padded - span) / stride + 1
        let inputs = [input, weight] + (bias.map { [$0] } ?? [])
        if channels == 0 {
            // PyTorch's path for empty inputs keeps the input's (zero) channels rather than the weight's.
            let out = try Tensor(zerosShape: [batch, 0, outLength], dtype: input.dtype)
            let shapes = inputs.map(\.shape)
            out.recordGradient("ConvolutionBackward0", inputs: inputs) { grad, _ throws(TensorError) in
                var grads: [Tensor?] = []
                for shape in shapes { grads.append(try Tensor(zerosShape: shape, dtype: grad.dtype)) }
                return grads
            }
            return out
        }
        let plan = Convolution1D(
            batch: batch, channels: channels, length: length, outChannels: outChannels, kernel: kernel,
            stride: stride, padding: padding, dilation: dilation, groups: groups, outLength: outLength)
        let out = try plan.forward(try input.contiguousData(), try weight.contiguousData(), bias)
        let needs = (input: input.requiresGrad, weight: weight.requiresGrad, bias: bias?.requiresGrad ?? false)
        let hasBias = bias != nil
        out.recordGradient("ConvolutionBackward0", inputs: inputs, saving: [input, weight]) {
            grad, saved throws(TensorError) in
            let grads = try plan.backward(grad, try saved[0].contiguousData(), try saved[1].contiguousData(),
                                          needs: needs)
            return [grads.input, grads.weight] + (hasBias ? [grads.bias] : [])
        }
        return out
    }

    /// The dtype checks PyTorch's CPU backends make once the shapes are known, with their messages.
    private static func checkConvolutionTypes(
        _ input: Tensor, _ weight: Tensor, kernel: Int, dilation: Int
    ) throws(TensorError) {
        if input.dtype == .bool { throw .notImplemented(op: "slow_conv2d_cpu", dtype: .bool) }
        if weight.dtype != input.dtype {
            if input.dtype == .float32 {
                let weightType = weight.dtype == .bool ? "CPUBoolType" : weight.dtype.legacyTypeName
                throw .invalidArgument(op: "conv1d", detail: "Input type (torch.FloatTensor) and weight type "
                    + "(\(weightType)) should be the same or input should be a MKLDNN tensor and weight is a dense "
                    + "tensor")
            }
            throw .dtypeMismatch(op: "conv1d", expected: input.dtype, found: weight.dtype)
        }
        // float32 goes through oneDNN, the others through PyTorch's own slow kernel; they word these differently.
        if input.dtype == .float32 {
            if dilation == 0 {
                throw .invalidArgument(op: "conv1d", detail: "non-positive dilation is not supported")
            }
            if kernel == 0 {
                throw .invalidArgument(op: "conv1d", detail: "could not create a primitive descriptor for the "
                    + "convolution forward propagation primitive. Run workload with environment variable "
                    + "ONEDNN_VERBOSE=all to get additional diagnostic information.")
            }
        } else if kernel == 0 {
            throw .invalidArgument(op: "conv1d", detail: "kernel size should be greater than zero, but got "
                + (dilation == 0 ? "[1, 0]" : "kernel_height: 1 kernel_width: 0"))
        } else if dilation == 0 {
            throw .invalidArgument(op: "conv1d", detail: "dilation should be greater than zero, but got [1, 0]")
        }
    }
}
