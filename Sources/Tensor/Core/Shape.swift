/// Shape and stride arithmetic shared by every operation. Every function that takes sizes from a user checks them and
/// throws; none traps on overflow.
enum Shape {
    /// Which of PyTorch's allocators a storage-size overflow is reported by.
    enum Allocation {
        /// `empty`: names the sizes.
        case empty
        /// `empty_strided` of a contiguous tensor: names the sizes and their strides.
        case stridedEmpty
    }

    /// The number of elements of a shape, refusing negative sizes, and element or byte counts (at `itemSize` bytes
    /// per element) that overflow.
    static func checkedCount(_ shape: [Int], itemSize: Int = 1,
                             naming allocation: Allocation = .empty) throws(TensorError) -> Int {
        // PyTorch looks for a negative size before it multiplies any.
        if let negative = shape.first(where: { $0 < 0 }) { throw .negativeDimension(size: negative, shape: shape) }
        var count = 1
        for size in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            if overflow { throw storageOverflow(shape, allocation) }
            count = product
        }
        if count.multipliedReportingOverflow(by: itemSize).overflow { throw storageOverflow(shape, allocation) }
        // The row-major strides must fit too, with empty dimensions counted as 1, as PyTorch computes them: an empty
        // `[0, 2**62, 2**62]` has no elements but a first stride of 2**124, which no kernel could step by.
        var stride = 1
        for size in shape.dropFirst() {
            let (product, overflow) = stride.multipliedReportingOverflow(by: Swift.max(size, 1))
            if overflow { throw .invalidArgument(op: "empty", detail: "Stride calculation overflowed") }
            stride = product
        }
        return count
    }

    /// `factor * size`, a size PyTorch's Python code computes before handing it to `op` (`3 * embed_dim` for
    /// `torch.empty`): a product past int64, which Python's ints hold, is refused when `op` unpacks its size
    /// argument at 1-based `position`.
    static func pythonProduct(_ factor: Int, _ size: Int, op: String = "empty",
                              position: Int = 1) throws(TensorError) -> Int {
        let (product, overflow) = factor.multipliedReportingOverflow(by: size)
        if overflow { throw .sizeArgumentOverflow(op: op, position: position) }
        return product
    }

    private static func storageOverflow(_ shape: [Int], _ allocation: Allocation) -> TensorError {
        let sizes = "Storage size calculation overflowed with sizes=\(describe(shape))"
        switch allocation {
        case .empty:
            return .invalidArgument(op: "empty", detail: sizes)
        case .stridedEmpty:
            // Wrapping strides: those of a shape whose count overflows are only named, never used.
            return .invalidArgument(op: "empty_strided", detail: sizes + " and strides="
                + describe(contiguousStrides(shape)))
        }
    }

    /// Row-major strides for a shape.
    static func contiguousStrides(_ shape: [Int]) -> [Int] {
        // Copying `shape` (rather than `[Int](repeating:count:)`) allocates through the specialised array path;
        // the generic one looks up array metadata on every call, which dominates an op on a tiny tensor.
        var strides = shape
        var step = 1
        for dim in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[dim] = step
            step &*= max(shape[dim], 1)
        }
        return strides
    }

    /// Whether `strides` are exactly `contiguousStrides(shape)`, checked without building that array.
    static func hasRowMajorStrides(shape: [Int], strides: [Int]) -> Bool {
        guard shape.count == strides.count else { return false }
        var step = 1
        for dim in stride(from: shape.count - 1, through: 0, by: -1) {
            if strides[dim] != step { return false }
            step &*= max(shape[dim], 1)
        }
        return true
    }

    /// Whether strides describe a row-major layout with no gaps (size-1 dimensions may have any stride).
    static func isContiguous(shape: [Int], strides: [Int]) -> Bool {
        var expected = 1
        for dim in stride(from: shape.count - 1, through: 0, by: -1) {
            let size = shape[dim]
            if size == 0 { return true }
            if size == 1 { continue }
            if strides[dim] != expected { return false }
            expected &*= size
        }
        return true
    }

    /// The shape two shapes broadcast to, as PyTorch's error names them ("tensor a", "tensor b").
    static func broadcast(_ a: [Int], _ b: [Int]) throws(TensorError) -> [Int] {
        // The common cases share an operand's array instead of building one (an allocation per op on tiny tensors).
        if a == b || b.isEmpty { return a }
        if a.isEmpty { return b }
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        // From the last dimension, so a mismatch in several dimensions reports the last, as PyTorch does.
        for i in stride(from: rank - 1, through: 0, by: -1) {
            let sizeA = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let sizeB = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if sizeA == sizeB || sizeB == 1 {
                result[i] = sizeA
            } else if sizeA == 1 {
                result[i] = sizeB
            } else {
                throw .broadcastMismatch(sizeA: sizeA, sizeB: sizeB, dim: i)
            }
        }
        return result
    }

    /// The shape any number of shapes broadcast to.
    static func broadcast(_ shapes: [[Int]]) throws(TensorError) -> [Int] {
        var result: [Int] = []
        for shape in shapes { result = try broadcast(result, shape) }
        return result
    }

    /// Strides that read a tensor of `shape`/`strides` as if it had `target` shape (zero along broadcast dimensions).
    static func broadcastStrides(shape: [Int], strides: [Int], to target: [Int]) -> [Int] {
        var result = [Int](repeating: 0, count: target.count)
        let lead = target.count - shape.count
        for i in 0..<shape.count where shape[i] != 1 || target[lead + i] == 1 {
            result[lead + i] = strides[i]
        }
        return result
    }

    /// Turns a possibly negative dimension into an index in `0..<rank`, as PyTorch's `maybe_wrap_dim` does.
    static func normalize(dim: Int, rank: Int) throws(TensorError) -> Int {
        // A 0-d tensor accepts dims -1 and 0, as PyTorch does.
        let effectiveRank = max(rank, 1)
        guard dim >= -effectiveRank && dim < effectiveRank else {
            throw .dimensionOutOfRange(dim: dim, low: -effectiveRank, high: effectiveRank - 1)
        }
        return dim < 0 ? dim + effectiveRank : dim
    }

    /// Normalises a list of dims, refusing repeats.
    static func normalize(dims: [Int], rank: Int) throws(TensorError) -> [Int] {
        var seen = Set<Int>()
        var result: [Int] = []
        for dim in dims {
            let d = try normalize(dim: dim, rank: rank)
            if !seen.insert(d).inserted { throw .repeatedDimension(dim: d) }
            result.append(d)
        }
        return result
    }

    /// A shape as PyTorch writes it in messages: `[2, 3]`.
    static func describe(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    /// A matrix shape as PyTorch writes it in matmul messages: `2x3`.
    static func describeMatrix(_ shape: [Int]) -> String {
        shape.map(String.init).joined(separator: "x")
    }

    /// Resolves a requested shape that may contain one -1 for a tensor of `count` elements.
    static func infer(_ requested: [Int], count: Int) throws(TensorError) -> [Int] {
        var inferred: Int?
        var known = 1
        for (i, size) in requested.enumerated() {
            if size == -1 {
                if inferred != nil { throw .onlyOneDimensionInferred }
                inferred = i
            } else if size < 0 {
                throw .invalidArgument(op: "view", detail: "invalid shape dimension \(size) at index \(i) of shape "
                    + describe(requested))
            } else {
                let (product, overflow) = known.multipliedReportingOverflow(by: size)
                if overflow { throw .shapeInvalidForInput(shape: requested, count: count) }
                known = product
            }
        }
        var result = requested
        if let inferred {
            if known == 0 {
                throw .cannotInferWithZero(shape: requested)
            }
            if count % known != 0 { throw .shapeInvalidForInput(shape: requested, count: count) }
            result[inferred] = count / known
        } else if known != count {
            throw .shapeInvalidForInput(shape: requested, count: count)
        }
        return result
    }

    /// Strides for viewing `shape`/`strides` as `newShape` without copying, or nil when the layout does not allow it
    /// (PyTorch's `computeStride`).
    static func viewStrides(shape: [Int], strides: [Int], newShape: [Int]) -> [Int]? {
        let count = shape.reduce(1, *)
        if count == 0 || shape.isEmpty { return contiguousStrides(newShape) }
        var newStrides = [Int](repeating: 0, count: newShape.count)
        var viewDim = newShape.count - 1
        // Walk the old dims from the back, grouping runs that are contiguous with each other into chunks.
        var chunkBaseStride = strides.last ?? 1
        var tensorElements = 1
        var viewElements = 1
        var tensorDim = shape.count - 1
        while tensorDim >= 0 {
            tensorElements *= shape[tensorDim]
            let chunkEnds = tensorDim == 0
                || (shape[tensorDim - 1] != 1 && strides[tensorDim - 1] != tensorElements * chunkBaseStride)
            if chunkEnds {
                while viewDim >= 0 && (viewElements < tensorElements || newShape[viewDim] == 1) {
                    newStrides[viewDim] = viewElements * chunkBaseStride
                    viewElements *= newShape[viewDim]
                    viewDim -= 1
                }
                if viewElements != tensorElements { return nil }
                if tensorDim > 0 {
                    chunkBaseStride = strides[tensorDim - 1]
                    tensorElements = 1
                    viewElements = 1
                }
            }
            tensorDim -= 1
        }
        if viewDim != -1 { return nil }
        return newStrides
    }
}
