extension Functional {
    /// Pads (or, with negative amounts, crops) the trailing dimensions (`F.pad`). `pad` lists (before, after) pairs
    /// starting from the last dimension.
    ///
    /// `"constant"` fills with `value` (default 0) and works for any number of dimensions (`ConstantPadNdBackward0`);
    /// `"reflect"` and `"replicate"` mirror or repeat the border for the last 1, 2 or 3 dimensions of a batched or
    /// unbatched input (`ReflectionPad1DBackward0`, ...); `"circular"` wraps around, built from slice copies as in
    /// PyTorch (`CopySlices`).
    public static func pad(
        _ input: Tensor, _ pad: [Int], mode: String = "constant", value: Double? = nil
    ) throws(TensorError) -> Tensor {
        guard let padMode = PadMode(rawValue: mode) else {
            throw .unsupported(op: "pad", detail: "Unrecognised padding mode \(mode)")
        }
        guard pad.count % 2 == 0 else {
            throw .invalidArgument(op: "pad", detail: "Padding length must be divisible by 2")
        }
        guard pad.count <= input.rank * 2 else {
            throw .invalidArgument(op: "pad", detail: "Padding length should be less than or equal to two times the "
                + "input dimension but got padding length \(pad.count) and input of dimension \(input.rank)")
        }
        if padMode == .constant { return try constantPad(input, pad, value: value ?? 0) }
        if let value, value != 0 {
            throw .invalidArgument(op: "pad", detail: "Padding mode \"\(mode)\" doesn't take in value argument")
        }
        let padded = pad.count / 2
        guard padded >= 1 && padded <= 3 && (input.rank == padded + 1 || input.rank == padded + 2) else {
            throw .unsupported(op: "pad", detail: "Padding size \(pad.count) is not supported for \(input.rank)D "
                + "input tensor.\nSupported combinations for non-constant padding:\n"
                + "  - 2D or 3D input: padding size = 2 (pads last dimension)\n"
                + "  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n"
                + "  - 4D or 5D input: padding size = 6 (pads last 3 dimensions)")
        }
        switch padMode {
        case .reflect, .replicate: return try IndexedPad(mode: padMode, input: input, pad: pad).apply(input)
        case .circular: return try circularPad(input, pad)
        case .constant: return input
        }
    }

    /// The padding modes `F.pad` knows.
    enum PadMode: String {
        case constant, reflect, replicate, circular
    }

    /// Constant padding of any trailing dimensions: negative amounts narrow the input first, then the rest is
    /// written into a tensor filled with `value` (`constant_pad_nd`).
    static func constantPad(_ input: Tensor, _ pad: [Int], value: Double) throws(TensorError) -> Tensor {
        let rank = input.rank
        let leading = rank - pad.count / 2
        var source = input
        var shape = input.shape
        try GradMode.with(enabled: false) { () throws(TensorError) in
            for dim in leading..<rank {
                let (before, after) = (pad[2 * (rank - dim - 1)], pad[2 * (rank - dim - 1) + 1])
                if before < 0 {
                    source = try source.narrow(dim: dim, start: 0 &- before, length: source.shape[dim] + before)
                }
                if after < 0 { source = try source.narrow(dim: dim, start: 0, length: source.shape[dim] + after) }
            }
        }
        for dim in leading..<rank {
            let (before, after) = (pad[2 * (rank - dim - 1)], pad[2 * (rank - dim - 1) + 1])
            // Wrapping, as PyTorch's int64 arithmetic wraps: absurd pads then fail this check or the allocation.
            shape[dim] = input.shape[dim] &+ before &+ after
            guard shape[dim] >= 0 else {
                throw .invalidArgument(op: "pad", detail: "The input size \(input.shape[dim]), plus negative padding "
                    + "\(before) and \(after) resulted in a negative output size, which is invalid. Check dimension "
                    + "\(dim) of your input.")
            }
        }
        let out = try Tensor(uninitializedShape: shape, dtype: input.dtype)
        if out.dtype == .int64 { _ = try Scalar.float(value).checkedInt64() }
        out.fillUnchecked(.float(value))
        var region = out
        for dim in leading..<rank {
            let (before, after) = (pad[2 * (rank - dim - 1)], pad[2 * (rank - dim - 1) + 1])
            let start = Swift.max(before, 0)
            region = try GradMode.with(enabled: false) { () throws(TensorError) in
                try region.narrow(dim: dim, start: start, length: region.shape[dim] &- start &- Swift.max(after, 0))
            }
        }
        Cast.copy(source, into: region)
        out.recordGradient("ConstantPadNdBackward0", inputs: [input]) { grad, _ throws(TensorError) in
            [try constantPad(grad, pad.map { -$0 }, value: 0)]
        }
        return out
    }

    /// Circular padding: the input copied into the middle, then each padded dimension's ends copied from the
    /// opposite side, from the last dimension back (`_pad_circular`).
    private static func circularPad(_ input: Tensor, _ pad: [Int]) throws(TensorError) -> Tensor {
        let padded = pad.count / 2
        let leading = input.rank - padded
        var shape = input.shape
        for i in 0..<padded {
            let (before, after) = (pad[2 * (padded - i - 1)], pad[2 * (padded - i - 1) + 1])
            let size = input.shape[leading + i]
            guard before <= size && after <= size else {
                throw .invalidArgument(op: "pad", detail: "Padding value causes wrapping around more than once.")
            }
            shape[leading + i] = size &+ before &+ after
            guard shape[leading + i] >= 0 else {
                throw .invalidArgument(op: "pad", detail: "Negative padding value is resulting in an empty dimension")
            }
        }
        let out = try Tensor.empty(shape, dtype: input.dtype)
        var (target, source) = (out, input)
        for i in 0..<padded {
            let dim = input.rank - 1 - i
            let (before, after) = (pad[2 * i], pad[2 * i + 1])
            target = try target.slice(dim: dim, start: Swift.max(before, 0), end: shape[dim] - Swift.max(after, 0))
            source = try source.slice(dim: dim, start: Swift.max(0 &- before, 0),
                                      end: input.shape[dim] - Swift.max(0 &- after, 0))
        }
        _ = try target.copy_(source)
        for i in 0..<padded {
            let dim = input.rank - 1 - i
            let (before, after) = (pad[2 * i], pad[2 * i + 1])
            if before > 0 {
                let end = shape[dim] - Swift.max(after, 0)
                _ = try out.slice(dim: dim, start: 0, end: before)
                    .copy_(out.slice(dim: dim, start: end - before, end: end))
            }
            if after > 0 {
                let start = Swift.max(before, 0)
                _ = try out.slice(dim: dim, start: shape[dim] - after, end: shape[dim])
                    .copy_(out.slice(dim: dim, start: start, end: start + after))
            }
        }
        return out
    }
}
