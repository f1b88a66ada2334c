/// What an advanced index (`t[idx]`, `t[mask]`, `t[:, rows, cols]`) addresses, worked out as PyTorch's `make_info`
/// and `AdvancedIndex` do: masks become the int64 positions of their true elements, every index tensor is broadcast
/// to one shape, and when the indexed dimensions are not adjacent they move to the front of the result.
struct AdvancedIndexPlan {
    /// The shape of `t[indices]` (and of what `t[indices] = v` writes).
    let resultShape: [Int]
    private let indexTensors: [Tensor]
    private let indexShape: [Int]
    private let indexedSizes: [Int]
    private let indexedStrides: [Int]
    private let before: [Int]
    private let after: [Int]

    /// Checks `indices` against `source` (one entry per leading dimension, nil for a whole dimension) and plans the
    /// access. Errors come in PyTorch's order: index dtypes, mask shapes, broadcasting, empty dimensions; the index
    /// values themselves are checked by `layout()`.
    init(source: Tensor, indices: [Tensor?]) throws(TensorError) {
        for case let index? in indices where index.dtype != .int64 && index.dtype != .bool {
            throw .indexDTypeInvalid(dtype: index.dtype)
        }
        var expanded: [Tensor?] = []
        for index in indices {
            guard let index else {
                expanded.append(nil)
                continue
            }
            guard index.dtype == .bool else {
                expanded.append(index)
                continue
            }
            for maskDim in 0..<index.rank {
                let dim = expanded.count + maskDim
                guard dim < source.rank else {
                    let bound = Swift.max(source.rank, 1)
                    throw .dimensionOutOfRange(dim: dim, low: -bound, high: bound - 1)
                }
                if index.shape[maskDim] != source.shape[dim] {
                    throw .maskShapeMismatch(mask: index.shape, maskDim: maskDim, indexed: source.shape, dim: dim)
                }
            }
            expanded += try index.maskPositions().map { $0 }
        }
        let defined = expanded.compactMap { $0 }
        let indexShape: [Int]
        do {
            indexShape = try Shape.broadcast(defined.map(\.shape))
        } catch {
            throw .indexBroadcastMismatch(shapes: defined.map(\.shape))
        }
        while expanded.count < source.rank { expanded.append(nil) }

        // Non-adjacent indexed dimensions are moved to the front, the others keep their order after them.
        var adjacent = true
        if let first = expanded.firstIndex(where: { $0 != nil }), let last = expanded.lastIndex(where: { $0 != nil }) {
            adjacent = expanded[first...last].allSatisfy { $0 != nil }
        }
        let order = adjacent
            ? Array(expanded.indices)
            : expanded.indices.filter { expanded[$0] != nil } + expanded.indices.filter { expanded[$0] == nil }
        let leading = order.prefix { expanded[$0] == nil }
        let indexed = order.dropFirst(leading.count).prefix { expanded[$0] != nil }
        let trailing = order.dropFirst(leading.count + indexed.count)

        if indexed.contains(where: { source.shape[$0] == 0 }) && !indexShape.contains(0) {
            throw .invalidIndex(op: "index", detail: "index is out of bounds for dimension with size 0")
        }
        resultShape = leading.map { source.shape[$0] } + indexShape + trailing.map { source.shape[$0] }
        self.indexShape = indexShape
        indexTensors = indexed.compactMap { expanded[$0] }
        indexedSizes = indexed.map { source.shape[$0] }
        indexedStrides = indexed.map { source.strides[$0] }
        // An empty result addresses nothing; skipping the offsets also spares a long list for `t[:, []]`.
        let empty = resultShape.contains(0)
        before = empty ? [] : GatherLayout.offsets(shape: leading.map { source.shape[$0] },
                                                   strides: leading.map { source.strides[$0] })
        after = empty ? [] : GatherLayout.offsets(shape: trailing.map { source.shape[$0] },
                                                  strides: trailing.map { source.strides[$0] })
    }

    /// The storage offsets, relative to the indexed tensor's first element, of every result element in order,
    /// checking the index values against their dimensions.
    func layout() throws(TensorError) -> GatherLayout {
        // An empty result reads nothing, so PyTorch never looks at the index values.
        let middle = resultShape.contains(0) ? [] : try Self.offsets(
            of: indexTensors, shape: indexShape, sizes: indexedSizes, strides: indexedStrides)
        return GatherLayout(before: before, middle: middle, after: after)
    }

    /// The storage offset each broadcast index position selects, checking every value against its dimension's size
    /// (negative values count from the end). The first bad value in row-major order, checking the index tensors in
    /// turn, is the one reported; its "dimension" is the index tensor's position among the indices, as in PyTorch.
    private static func offsets(
        of indices: [Tensor], shape: [Int], sizes: [Int], strides: [Int]
    ) throws(TensorError) -> [Int] {
        let count = shape.reduce(1, *)
        var result = [Int](repeating: 0, count: count)
        guard count > 0 else { return result }
        let loop = StridedLoop(shape: shape, strides: indices.map { $0.strides(broadcastTo: shape) })
        let pointers = indices.map { $0.pointer(as: Int64.self) }
        let rowStrides = indices.indices.map { loop.rowStride($0) }
        let length = loop.rowLength
        var failure: TensorError?
        var k = 0
        loop.forEachRow { rowOffsets in
            guard failure == nil else { return }
            for step in 0..<length {
                var offset = 0
                for j in 0..<pointers.count {
                    let value = Int(pointers[j][rowOffsets[j] + step * rowStrides[j]])
                    let size = sizes[j]
                    guard value >= -size && value < size else {
                        failure = .indexOutOfRange(index: value, dim: j, size: size)
                        return
                    }
                    offset += (value < 0 ? value + size : value) * strides[j]
                }
                result[k] = offset
                k += 1
            }
        }
        if let failure { throw failure }
        return result
    }
}

extension Tensor {
    /// The positions of a bool mask's true elements, one int64 vector per mask dimension (what PyTorch indexes with
    /// in place of the mask).
    func maskPositions() throws(TensorError) -> [Tensor] {
        let (count, coordinates) = nonzeroCoordinates()
        var result: [Tensor] = []
        for dim in 0..<rank {
            let out = try Tensor(uninitializedShape: [count], dtype: .int64)
            let dst = out.pointer(as: Int64.self)
            for i in 0..<count { dst[i] = Int64(coordinates[i * rank + dim]) }
            result.append(out)
        }
        return result
    }
}
