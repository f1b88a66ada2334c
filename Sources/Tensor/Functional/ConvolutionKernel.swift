/// The 1-D convolution as unfold (im2col) plus GEMM: each sample's receptive fields are copied into the columns of a
/// `[C/groups * K, L_out]` matrix, which each group's `[O/groups, C/groups * K]` weight multiplies. The backward
/// reuses the same columns: the weight gradient is `grad · colsᵀ` and the input gradient folds `Wᵀ · grad` back
/// (col2im).
struct Convolution1D {
    let batch: Int
    let channels: Int
    let length: Int
    let outChannels: Int
    let kernel: Int
    let stride: Int
    let padding: Int
    let dilation: Int
    let groups: Int
    let outLength: Int

    var groupChannels: Int { channels / groups }
    var groupOutChannels: Int { outChannels / groups }
    /// Rows of the column matrix: one per (input channel of the group, kernel tap).
    var columnRows: Int { groupChannels * kernel }

    /// The output `[N, O, L_out]` of contiguous `input` `[N, C, L]` and `weight` `[O, C/groups, K]`, plus `bias`.
    func forward(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?) throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: [batch, outChannels, outLength], dtype: input.dtype)
        guard out.count > 0 else { return out }
        if let bias {
            // Every output row starts as its channel's bias; the products accumulate onto it.
            let rows = try bias.contiguousData().reshape([1, outChannels, 1]).expand(out.shape)
            Cast.copy(rows, into: out)
        }
        let columns = try Tensor(uninitializedShape: [columnRows, outLength], dtype: input.dtype)
        for n in 0..<batch {
            for g in 0..<groups {
                unfold(input, sample: n, group: g, into: columns)
                let weightBlock = view(weight, offset: g * groupOutChannels * columnRows,
                                       shape: [groupOutChannels, columnRows], strides: [columnRows, 1])
                try Gemm.batched(weightBlock.asBatch(), columns.asBatch(),
                                 into: outputBlock(out, sample: n, group: g), accumulate: bias != nil)
            }
        }
        return out
    }

    /// The gradients of the input, weight and bias (each only if asked for) from the output gradient.
    func backward(
        _ grad: Tensor, _ input: Tensor, _ weight: Tensor, needs: (input: Bool, weight: Bool, bias: Bool)
    ) throws(TensorError) -> (input: Tensor?, weight: Tensor?, bias: Tensor?) {
        let grad = try grad.converted(to: input.dtype).contiguousData()
        var gradBias: Tensor?
        if needs.bias {
            gradBias = try grad.sum(dims: [0, 2])
        }
        var gradWeight: Tensor?
        if needs.weight {
            let result = try Tensor(zerosShape: [outChannels, groupChannels, kernel], dtype: input.dtype)
            let columns = try Tensor(uninitializedShape: [columnRows, outLength], dtype: input.dtype)
            let columnsT = view(columns, offset: 0, shape: [outLength, columnRows], strides: [1, outLength])
            for n in 0..<batch where outLength > 0 {
                for g in 0..<groups {
                    unfold(input, sample: n, group: g, into: columns)
                    let block = view(result, offset: g * groupOutChannels * columnRows,
                                     shape: [1, groupOutChannels, columnRows], strides: [0, columnRows, 1])
                    try Gemm.batched(outputBlock(grad, sample: n, group: g), columnsT.asBatch(), into: block,
                                     accumulate: true)
                }
            }
            gradWeight = result
        }
        var gradInput: Tensor?
        if needs.input {
            let result = try Tensor(zerosShape: [batch, channels, length], dtype: input.dtype)
            let columns = try Tensor(uninitializedShape: [1, columnRows, outLength], dtype: input.dtype)
            for g in 0..<groups where outLength > 0 && groupOutChannels > 0 {
                let weightT = view(weight, offset: g * groupOutChannels * columnRows,
                                   shape: [columnRows, groupOutChannels], strides: [1, columnRows])
                for n in 0..<batch {
                    try Gemm.batched(weightT.asBatch(), outputBlock(grad, sample: n, group: g), into: columns)
                    fold(columns, into: result, sample: n, group: g)
                }
            }
            gradInput = result
        }
        return (gradInput, gradWeight, gradBias)
    }

    /// The `[1, O/groups, L_out]` block of a contiguous `[N, O, L_out]` tensor for one sample and group.
    private func outputBlock(_ tensor: Tensor, sample n: Int, group g: Int) -> Tensor {
        view(tensor, offset: (n * outChannels + g * groupOutChannels) * outLength,
             shape: [1, groupOutChannels, outLength], strides: [0, outLength, 1])
    }

    private func view(_ tensor: Tensor, offset: Int, shape: [Int], strides: [Int]) -> Tensor {
        Tensor(storage: tensor.storage, shape: shape, strides: strides, offset: tensor.offset + offset,
               dtype: tensor.dtype)
    }

    /// Copies one sample's receptive fields for one group into `columns` (zeros where they reach into the padding).
    private func unfold(_ input: Tensor, sample n: Int, group g: Int, into columns: Tensor) {
        switch input.dtype {
        case .float32: unfold(input, sample: n, group: g, into: columns, as: Float.self)
        case .float64: unfold(input, sample: n, group: g, into: columns, as: Double.self)
        case .int64: unfold(input, sample: n, group: g, into: columns, as: Int64.self)
        case .bool: break
        }
    }

    private func unfold<T: TensorElement>(
        _ input: Tensor, sample n: Int, group g: Int, into columns: Tensor, as type: T.Type
    ) {
        let src = input.pointer(as: T.self)
        let dst = columns.pointer(as: T.self)
        let zero = T(scalar: .int(0))
        for c in 0..<groupChannels {
            let channel = src + (n * channels + g * groupChannels + c) * length
            for tap in 0..<kernel {
                let row = dst + (c * kernel + tap) * outLength
                let shift = tap * dilation - padding
                for t in 0..<outLength {
                    let position = t * stride + shift
                    row[t] = position >= 0 && position < length ? channel[position] : zero
                }
            }
        }
    }

    /// Adds `columns` (laid out as `unfold` writes them) back onto the positions they were read from.
    private func fold(_ columns: Tensor, into result: Tensor, sample n: Int, group g: Int) {
        switch result.dtype {
        case .float32: fold(columns, into: result, sample: n, group: g, as: Float.self)
        case .float64: fold(columns, into: result, sample: n, group: g, as: Double.self)
        case .int64, .bool: break
        }
    }

    private func fold<T: TensorFloat>(
        _ columns: Tensor, into result: Tensor, sample n: Int, group g: Int, as type: T.Type
    ) {
        let src = columns.pointer(as: T.self)
        let dst = result.pointer(as: T.self)
        for c in 0..<groupChannels {
            let channel = dst + (n * channels + g * groupChannels + c) * length
            for tap in 0..<kernel {
                let row = src + (c * kernel + tap) * outLength
                let shift = tap * dilation - padding
                for t in 0..<outLength {
                    let position = t * stride + shift
                    if position >= 0 && position < length { channel[position] += row[t] }
                }
            }
        }
    }
}
