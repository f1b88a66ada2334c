extension Tensor {
    /// The tensor tiled `repeats[i]` times along each dimension; extra leading repeats add leading dimensions
    /// (`Tensor.repeat`).
    public func `repeat`(_ repeats: [Int]) throws(TensorError) -> Tensor {
        guard repeats.count >= rank else { throw .repeatTooFewDims }
        let lead = repeats.count - rank
        let padded = [Int](repeating: 1, count: lead) + shape
        var outShape: [Int] = []
        for (times, size) in zip(repeats, padded) {
            let (product, overflow) = times.multipliedReportingOverflow(by: size)
            if overflow { throw .outOfMemory(requestedBytes: nil) }
            outShape.append(product)
        }
        _ = try Shape.checkedCount(outShape)
        let out = try Tensor(uninitializedShape: outShape, dtype: dtype)
        // Seen as [r0, s0, r1, s1, ...], the result is the input broadcast along every r dimension: one copy.
        let pairShape = zip(repeats, padded).flatMap { [$0, $1] }
        if out.count > 0 {
            let paddedStrides = [Int](repeating: 0, count: lead) + strides
            let source = region(shape: pairShape, strides: paddedStrides.flatMap { [0, $0] }, offset: offset)
            let target = out.region(shape: pairShape, strides: Shape.contiguousStrides(pairShape), offset: 0)
            Cast.copy(source, into: target)
        }
        // The gradient sums over the repeats: seen as [r0, ..., r(lead-1), r, s0, r, s1, ...], summing the r dims
        // leaves exactly the input's shape.
        var gradShape = Array(repeats[..<lead]), repeatDims = Array(0..<lead)
        for (times, size) in zip(repeats[lead...], shape) {
            repeatDims.append(gradShape.count)
            gradShape += [times, size]
        }
        out.recordGradient("RepeatBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.reshape(gradShape).sum(dims: repeatDims)]
        }
        return out
    }

    /// The tensor tiled `repeats[i]` times along each dimension; fewer repeats than dimensions repeat the trailing
    /// ones (`torch.tile`).
    public func tile(_ repeats: [Int]) throws(TensorError) -> Tensor {
        try self.repeat([Int](repeating: 1, count: Swift.max(rank - repeats.count, 0)) + repeats)
    }

    /// Every element repeated `repeats` times in a row along `dim`, or along the flattened tensor when `dim` is nil
    /// (`Tensor.repeat_interleave` with an int).
    public func repeatInterleave(_ repeats: Int, dim: Int? = nil) throws(TensorError) -> Tensor {
        let input = dim == nil ? try flatten() : self
        let d = try Shape.normalize(dim: dim ?? 0, rank: input.rank)
        guard repeats >= 0 else {
            throw .invalidArgument(op: "repeat_interleave", detail: "Repeats must be non-negative")
        }
        let unsqueezed = try input.unsqueeze(d + 1)
        var expanded = unsqueezed.shape
        expanded[d + 1] = repeats
        return try unsqueezed.expand(expanded).clone().flatten(startDim: d, endDim: d + 1)
    }

    /// Each position `i` along `dim` repeated `repeats[i]` times; a one-element `repeats` applies to every position
    /// (`Tensor.repeat_interleave` with a tensor).
    public func repeatInterleave(_ repeats: Tensor, dim: Int? = nil) throws(TensorError) -> Tensor {
        let input = dim == nil ? try flatten() : self
        let d = try Shape.normalize(dim: dim ?? 0, rank: input.rank)
        guard repeats.rank <= 1 else {
            throw .invalidArgument(op: "repeat_interleave", detail: "repeats must be 0-dim or 1-dim tensor")
        }
        let length = input.rank == 0 ? 1 : input.shape[d]
        guard repeats.count == 1 || repeats.count == length else {
            throw .invalidArgument(op: "repeat_interleave", detail: "repeats must have the same size as input along "
                + "dim, but got repeats.size(0) = \(repeats.count) and input.size(\(d)) = \(length)")
        }
        var counts = try Tensor.repeatCounts(repeats)
        if counts.count == 1 && length != 1 { counts = [Int](repeating: counts[0], count: length) }
        return try input.repeatInterleaveKernel(counts, dim: d)
    }

    /// The index of every position, each repeated `repeats[i]` times: `[0, 1, 1, 2, 2, 2]` for `[1, 2, 3]`
    /// (`torch.repeat_interleave(repeats)`).
    public static func repeatInterleave(_ repeats: Tensor) throws(TensorError) -> Tensor {
        guard repeats.rank == 1 else {
            throw .invalidArgument(op: "repeat_interleave", detail: "repeat_interleave only accept 1D vector as "
                + "repeat")
        }
        let counts = try repeatCounts(repeats)
        let total = try checkedTotal(counts)
        let out = try Tensor(uninitializedShape: [total], dtype: .int64)
        let dst = out.pointer(as: Int64.self)
        var position = 0
        for (index, count) in counts.enumerated() {
            for k in 0..<count { dst[position + k] = Int64(index) }
            position += count
        }
        return out
    }

    private static func repeatCounts(_ repeats: Tensor) throws(TensorError) -> [Int] {
        guard repeats.dtype == .int64 else {
            throw .notImplemented(op: "repeat_interleave_cpu", dtype: repeats.dtype)
        }
        let counts = try repeats.checkedElements(as: Int64.self)
        guard counts.allSatisfy({ $0 >= 0 }) else {
            throw .invalidArgument(op: "repeat_interleave", detail: "repeats can not be negative")
        }
        // NOTE: Int is 64-bit on every platform Attend runs on, so the conversion is exact.
        return counts.map { Int($0) }
    }

    private static func checkedTotal(_ counts: [Int]) throws(TensorError) -> Int {
        var total = 0
        for count in counts {
            let (sum, overflow) = total.addingReportingOverflow(count)
            if overflow { throw .outOfMemory(requestedBytes: nil) }
            total = sum
        }
        return total
    }

    /// Position `i` along `d` copied `counts[i]` times, recorded as the `index_select` PyTorch runs.
    private func repeatInterleaveKernel(_ counts: [Int], dim d: Int) throws(TensorError) -> Tensor {
        // A 0-d input was flattened to one element; its single position is index 0.
        var outShape = rank == 0 ? [1] : shape
        outShape[d] = try Tensor.checkedTotal(counts)
        let out = try Tensor(uninitializedShape: outShape, dtype: dtype)
        let source = rank == 0 ? region(shape: [1], strides: [1], offset: offset) : self
        var position = 0
        for (index, count) in counts.enumerated() where count > 0 {
            // Position `index`, broadcast `count` times along `d` with stride 0.
            var (pieceShape, pieceStrides) = (source.shape, source.strides)
            pieceShape[d] = count
            pieceStrides[d] = 0
            let piece = source.region(shape: pieceShape, strides: pieceStrides,
                                      offset: source.offset + index * source.strides[d])
            Cast.copy(piece, into: out.region(dim: d, start: position, length: count))
            position += count
        }
        let inputShape = shape
        out.recordGradient("IndexSelectBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            // Each input position receives the sum of the gradient over its run of copies.
            var parts: [Tensor] = []
            var start = 0
            for count in counts {
                parts.append(try grad.narrow(dim: d, start: start, length: count).sum(dims: [d], keepdim: true))
                start += count
            }
            guard !parts.isEmpty else { return [try Tensor.zeros(inputShape, dtype: grad.dtype)] }
            return [try Tensor.cat(parts, dim: d).reshape(inputShape)]
        }
        return out
    }
}
