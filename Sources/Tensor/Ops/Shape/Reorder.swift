extension Tensor {
    /// A copy with the order of elements reversed along each of `dims` (`torch.flip`).
    public func flip(_ dims: [Int]) throws(TensorError) -> Tensor {
        let flipped = try Shape.normalize(dims: dims, rank: rank)
        // Reading through negative strides from the last element of each flipped dimension reverses it. Wrapping: an
        // empty tensor may claim sizes and strides whose product overflows, and then nothing is read.
        var (readStrides, start) = (strides, offset)
        for dim in flipped where rank > 0 && shape[dim] > 0 {
            start &+= (shape[dim] - 1) &* strides[dim]
            readStrides[dim] = -strides[dim]
        }
        let out = try Tensor(uninitializedShape: shape, dtype: dtype)
        Cast.copy(region(shape: shape, strides: readStrides, offset: start), into: out)
        out.recordGradient("FlipBackward0", inputs: [self]) { grad, _ throws(TensorError) in [try grad.flip(flipped)] }
        return out
    }

    /// The columns in reverse order (`torch.fliplr`).
    public func fliplr() throws(TensorError) -> Tensor {
        guard rank >= 2 else { throw .invalidArgument(op: "fliplr", detail: "Input must be >= 2-d.") }
        return try flip([1])
    }

    /// The rows in reverse order (`torch.flipud`).
    public func flipud() throws(TensorError) -> Tensor {
        guard rank >= 1 else { throw .invalidArgument(op: "flipud", detail: "Input must be >= 1-d.") }
        return try flip([0])
    }

    /// A copy with elements shifted `shifts[i]` places along `dims[i]`, wrapping around; with no dims, shifted along
    /// the flattened tensor (`torch.roll`).
    public func roll(_ shifts: [Int], dims: [Int] = []) throws(TensorError) -> Tensor {
        guard !shifts.isEmpty else { throw .invalidArgument(op: "roll", detail: "`shifts` required") }
        guard shifts.count == dims.count || (dims.isEmpty && shifts.count == 1) else {
            throw .invalidArgument(op: "roll", detail: "shifts and dimensions must align. shifts: \(shifts.count), "
                + "dims:\(dims.count)")
        }
        if dims.isEmpty {
            let flat = isContiguous ? region(shape: [count], strides: [1], offset: offset)
                : try contiguousCopy().region(shape: [count], strides: [1], offset: 0)
            let shift = Tensor.normalizedShift(shifts[0], length: count)
            let rolled = try flat.rolled(by: shift, dim: 0)
            let out = rolled.region(shape: shape, strides: Shape.contiguousStrides(shape), offset: 0)
            out.recordGradient("RollBackward0", inputs: [self]) { grad, _ throws(TensorError) in
                [try grad.roll([-shift])]
            }
            return out
        }
        let wrapped = try dims.map { dim throws(TensorError) in
            guard rank > 0 else {
                throw TensorError.invalidIndex(op: "roll", detail: "Dimension specified as \(dim) but tensor has no "
                    + "dimensions")
            }
            return try Shape.normalize(dim: dim, rank: rank)
        }
        let normalized = zip(shifts, wrapped).map { Tensor.normalizedShift($0, length: shape[$1]) }
        var out = self
        for (shift, dim) in zip(normalized, wrapped) { out = try out.rolled(by: shift, dim: dim) }
        out.recordGradient("RollBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.roll(normalized.map { -$0 }, dims: wrapped)]
        }
        return out
    }

    /// A shift of any size as the equivalent one in `0..<length`.
    private static func normalizedShift(_ shift: Int, length: Int) -> Int {
        length == 0 ? 0 : (shift % length + length) % length
    }

    /// A contiguous copy with elements moved `shift` (in `0..<size`) places along `dim`: two block copies.
    private func rolled(by shift: Int, dim: Int) throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: shape, dtype: dtype)
        let length = shape[dim]
        guard out.count > 0 else { return out }
        Cast.copy(region(dim: dim, start: 0, length: length - shift),
                  into: out.region(dim: dim, start: shift, length: length - shift))
        if shift > 0 {
            Cast.copy(region(dim: dim, start: length - shift, length: shift), into: out.region(dim: dim, start: 0,
                                                                                             length: shift))
        }
        return out
    }

    /// The view with dimensions `source` moved to positions `destination`, the others keeping their order
    /// (`torch.movedim`).
    public func movedim(_ source: [Int], _ destination: [Int]) throws(TensorError) -> Tensor {
        guard source.count == destination.count else {
            throw .invalidArgument(op: "movedim", detail: "movedim: Invalid source or destination dims: source "
                + "(\(Shape.describe(source)) dims) should contain the same number of dims as destination "
                + "(\(Shape.describe(destination)) dims)")
        }
        let from = try source.map { dim throws(TensorError) in try Shape.normalize(dim: dim, rank: rank) }
        let to = try destination.map { dim throws(TensorError) in try Shape.normalize(dim: dim, rank: rank) }
        for (name, list, wrapped) in [("source", source, from), ("destination", destination, to)]
        where Set(wrapped).count != wrapped.count {
            throw .invalidArgument(op: "movedim", detail: "movedim: repeated dim in `\(name)` "
                + "(\(Shape.describe(list)))")
        }
        if rank == 0 { return try aliasView("AliasBackward0") }
        var order = [Int?](repeating: nil, count: rank)
        for (s, d) in zip(from, to) { order[d] = s }
        var rest = (0..<rank).filter { !from.contains($0) }.makeIterator()
        return try permute(order.map { $0 ?? rest.next() ?? 0 })
    }

    /// `movedim` for one dimension.
    public func movedim(_ source: Int, _ destination: Int) throws(TensorError) -> Tensor {
        try movedim([source], [destination])
    }
}
