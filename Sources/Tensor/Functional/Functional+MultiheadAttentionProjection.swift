extension Functional {
    /// PyTorch's `_mha_shape_check`: whether the input is batched (3-D query) or not (2-D), refusing other ranks and
    /// masks of the wrong rank.
    static func checkAttentionShapes(
        query: Tensor, key: Tensor, value: Tensor, keyPaddingMask: Tensor?, attnMask: Tensor?, numHeads: Int
    ) throws(TensorError) -> Bool {
        func fail(_ detail: String) -> TensorError {
            .failedAssertion(op: "multi_head_attention_forward", detail: detail)
        }
        if query.rank == 3 {
            guard key.rank == 3 && value.rank == 3 else {
                throw fail("For batched (3-D) `query`, expected `key` and `value` to be 3-D but found \(key.rank)-D "
                    + "and \(value.rank)-D tensors respectively")
            }
            if let keyPaddingMask, keyPaddingMask.rank != 2 {
                throw fail("For batched (3-D) `query`, expected `key_padding_mask` to be `None` or 2-D but found "
                    + "\(keyPaddingMask.rank)-D tensor instead")
            }
            if let attnMask, attnMask.rank != 2 && attnMask.rank != 3 {
                throw fail("For batched (3-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D but found "
                    + "\(attnMask.rank)-D tensor instead")
            }
            return true
        }
        guard query.rank == 2 else {
            throw fail("query should be unbatched 2D or batched 3D tensor but received \(query.rank)-D query tensor")
        }
        guard key.rank == 2 && value.rank == 2 else {
            throw fail("For unbatched (2-D) `query`, expected `key` and `value` to be 2-D but found \(key.rank)-D "
                + "and \(value.rank)-D tensors respectively")
        }
        if let keyPaddingMask, keyPaddingMask.rank != 1 {
            throw fail("For unbatched (2-D) `query`, expected `key_padding_mask` to be `None` or 1-D but found "
                + "\(keyPaddingMask.rank)-D tensor instead")
        }
        if let attnMask {
            guard attnMask.rank == 2 || attnMask.rank == 3 else {
                throw fail("For unbatched (2-D) `query`, expected `attn_mask` to be `None`, 2-D or 3-D but found "
                    + "\(attnMask.rank)-D tensor instead")
            }
            let expected = [numHeads, query.shape[0], key.shape[0]]
            if attnMask.rank == 3 && attnMask.shape != expected {
                throw fail("Expected `attn_mask` shape to be \(PythonShape.tuple(expected)) but got "
                    + PythonShape.size(attnMask.shape))
            }
        }
        return false
    }

    /// The query, key and value projections with one packed `[3E, E]` weight (PyTorch's `_in_projection_packed`):
    /// one GEMM for self-attention, two when key is value, three otherwise.
    ///
    /// PyTorch copies a shared projection apart into contiguous q, k and v; these are column views of it instead (the
    /// same values), and the head split reshapes them, copying only when a batch makes the view impossible.
    static func packedInProjection(
        _ q: Tensor, _ k: Tensor, _ v: Tensor, weight: Tensor, bias: Tensor?
    ) throws(TensorError) -> (Tensor, Tensor, Tensor) {
        let e = q.shape[q.rank - 1]
        if k === v {
            if q === k {
                let projected = try linear(q, weight: weight, bias: bias)
                return (try projected.narrow(dim: -1, start: 0, length: e),
                        try projected.narrow(dim: -1, start: e, length: e),
                        try projected.narrow(dim: -1, start: 2 * e, length: e))
            }
            let weights = try weight.split(sizes: [e, 2 * e])
            let biases = try bias?.split(sizes: [e, 2 * e])
            let queryProjection = try linear(q, weight: weights[0], bias: biases?[0])
            let keyValue = try linear(k, weight: weights[1], bias: biases?[1])
            return (queryProjection, try keyValue.narrow(dim: -1, start: 0, length: e),
                    try keyValue.narrow(dim: -1, start: e, length: e))
        }
        let weights = try unpackThree(try weight.chunk(3))
        let biases = try bias.map { bias throws(TensorError) in try unpackThree(try bias.chunk(3)) }
        return (try linear(q, weight: weights.0, bias: biases?.0), try linear(k, weight: weights.1, bias: biases?.1),
                try linear(v, weight: weights.2, bias: biases?.2))
    }

    /// Three chunks as Python unpacks `a, b, c = t.chunk(3)`: a tensor too short for three is a ValueError.
    static func unpackThree(_ parts: [Tensor]) throws(TensorError) -> (Tensor, Tensor, Tensor) {
        guard parts.count == 3 else {
            throw .invalidValue(op: "chunk", detail: "not enough values to unpack (expected 3, got \(parts.count))")
        }
        return (parts[0], parts[1], parts[2])
    }

    /// The projections with separate weights, whose shapes are checked first (PyTorch's `_in_projection`).
    static func separateInProjection(
        _ q: Tensor, _ k: Tensor, _ v: Tensor, weights: (Tensor, Tensor, Tensor), biases: (Tensor, Tensor, Tensor)?
    ) throws(TensorError) -> (Tensor, Tensor, Tensor) {
        let (eq, ek, ev) = (q.shape[q.rank - 1], k.shape[k.rank - 1], v.shape[v.rank - 1])
        var checks: [(String, Tensor, [Int])] = [
            ("query weights", weights.0, [eq, eq]), ("key weights", weights.1, [eq, ek]),
            ("value weights", weights.2, [eq, ev]),
        ]
        if let biases {
            checks += [("query bias", biases.0, [eq]), ("key bias", biases.1, [eq]), ("value bias", biases.2, [eq])]
        }
        for (name, tensor, expected) in checks where tensor.shape != expected {
            throw .failedAssertion(op: "_in_projection", detail: "expecting \(name) shape of "
                + "\(PythonShape.tuple(expected)), but got \(PythonShape.size(tensor.shape))")
        }
        return (try linear(q, weight: weights.0, bias: biases?.0), try linear(k, weight: weights.1, bias: biases?.1),
                try linear(v, weight: weights.2, bias: biases?.2))
    }
}
