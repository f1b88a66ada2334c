extension Functional {
    /// Looks up rows of `weight` by the int64 positions in `input`: shape `input.shape + [embedding_dim]`
    /// (`F.embedding`, grad_fn `EmbeddingBackward0`).
    ///
    /// The row at `paddingIdx` (negative counts from the end) gets no gradient. With `maxNorm`, the looked-up rows
    /// whose `normType`-norm exceeds it are first rescaled in place, as PyTorch does. `scaleGradByFreq` divides each
    /// row's gradient by how often it was looked up. `sparse` is accepted, but gradients are always dense.
    public static func embedding(
        _ input: Tensor, weight: Tensor, paddingIdx: Int? = nil, maxNorm: Double? = nil, normType: Double = 2,
        scaleGradByFreq: Bool = false, sparse: Bool = false
    ) throws(TensorError) -> Tensor {
        let padding = try normalizedPaddingIndex(paddingIdx, weight: weight)
        if let maxNorm {
            try embeddingRenorm_(weight, indices: input, maxNorm: maxNorm, normType: normType)
        }
        guard weight.rank == 2 else { throw .invalidArgument(op: "embedding", detail: "'weight' must be 2-D") }
        guard input.dtype == .int64 else {
            let found = input.dtype == .bool ? "CPUBoolType" : input.dtype.legacyTypeName
            throw .invalidArgument(op: "embedding", detail: "Expected tensor for argument #1 'indices' to have one of "
                + "the following scalar types: Long, Int; but got \(found) instead (while checking arguments for "
                + "embedding)")
        }
        let flat = try input.reshape([-1])
        let rows = try GradMode.with(enabled: false) { () throws(TensorError) in
            try weight.indexSelect(dim: 0, index: flat).contiguousData()
        }
        let (count, width) = (weight.shape[0], weight.shape[1])
        // A fresh tensor over the selected rows' storage, not a view of them: its history is the lookup alone.
        let shape = input.shape + [width]
        let out = Tensor(storage: rows.storage, shape: shape, strides: Shape.contiguousStrides(shape),
                         offset: rows.offset, dtype: rows.dtype)
        out.recordGradient("EmbeddingBackward0", inputs: [weight], saving: [flat]) { grad, saved throws(TensorError) in
            [try embeddingBackward(grad, indices: saved[0], rows: count, width: width, padding: padding,
                                   scaleGradByFreq: scaleGradByFreq)]
        }
        return out
    }

    /// `paddingIdx` as a row number, after PyTorch's range assertion.
    static func normalizedPaddingIndex(_ paddingIdx: Int?, weight: Tensor) throws(TensorError) -> Int? {
        guard let paddingIdx else { return nil }
        guard weight.rank > 0 else {
            throw .invalidIndex(op: "embedding", detail: "Dimension specified as 0 but tensor has no dimensions")
        }
        let rows = weight.shape[0]
        guard paddingIdx < rows && paddingIdx >= -rows || paddingIdx == 0 else {
            throw .failedAssertion(op: "embedding", detail: "Padding_idx must be within num_embeddings")
        }
        return paddingIdx < 0 ? paddingIdx + rows : paddingIdx
    }

    /// The weight gradient: each output row's gradient added into the row it was read from, skipping the padding
    /// row and dividing by the lookup count when asked. Built from differentiable ops, so it can be recorded.
    private static func embeddingBackward(
        _ grad: Tensor, indices: Tensor, rows: Int, width: Int, padding: Int?, scaleGradByFreq: Bool
    ) throws(TensorError) -> Tensor {
        var source = try grad.reshape([-1, width])
        if padding != nil || scaleGradByFreq {
            let positions = indices.elements(as: Int64.self)
            var counts: [Int64: Int] = [:]
            if scaleGradByFreq { for position in positions { counts[position, default: 0] += 1 } }
            let factors = positions.map { position -> Double in
                if let padding, position == Int64(padding) { return 0 }
                return scaleGradByFreq ? 1 / Double(counts[position] ?? 1) : 1
            }
            let column = try Tensor(factors, shape: [positions.count, 1]).to(grad.dtype)
            source = try source.mul(column)
        }
        return try Tensor.zeros([rows, width], dtype: grad.dtype).indexAdd(dim: 0, index: indices, source: source)
    }

    /// Rescales, in place and unrecorded, each distinct looked-up row whose norm exceeds `maxNorm` to norm
    /// `maxNorm` (`embedding_renorm_`, which `F.embedding` runs when given `max_norm`).
    static func embeddingRenorm_(
        _ weight: Tensor, indices: Tensor, maxNorm: Double, normType: Double
    ) throws(TensorError) {
        try GradMode.with(enabled: false) { () throws(TensorError) in
            guard indices.dtype == .int64 else { return }
            var factors: [Int: Double] = [:]
            for index in Set(try indices.checkedElements(as: Int64.self)).sorted() {
                let norm = try weight.select(dim: 0, index: Int(index)).vectorNorm(ord: normType).item().doubleValue
                if norm > maxNorm { factors[Int(index)] = maxNorm / (norm + 1e-7) }
            }
            guard !factors.isEmpty else { return }
            // One in-place multiply by a column of factors, so the weight's version moves once, as in PyTorch.
            let rows = weight.shape[0]
            let column = (0..<rows).map { factors[$0] ?? 1 }
            _ = try weight.mul_(try Tensor(column, shape: [rows] + [Int](repeating: 1, count: weight.rank - 1))
                .to(weight.dtype))
        }
    }
}
