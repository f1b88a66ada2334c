extension Tensor {
    /// The elements sorted along `dim`, with the positions they came from (`Tensor.sort`). NaN sorts as the
    /// largest value. Equal values keep their original order when `stable` is true; otherwise they come out in the
    /// order PyTorch's CPU kernel leaves them. Passing `stable` at all, even false, names the backward
    /// `SortBackward1`, as PyTorch's `sort.stable` overload does.
    public func sort(dim: Int = -1, descending: Bool = false, stable: Bool? = nil) throws(TensorError)
        -> (values: Tensor, indices: Tensor)
    {
        let d = try Shape.normalize(dim: dim, rank: rank)
        let values = try Tensor(uninitializedShape: shape, dtype: dtype)
        let indices = try Tensor(uninitializedShape: shape, dtype: .int64)
        let isStable = stable ?? false
        switch dtype {
        case .float32:
            Tensor.sortRows(self, values, indices, d, descending, isStable,
                            FloatAscending<Float>.self, FloatDescending<Float>.self)
        case .float64:
            Tensor.sortRows(self, values, indices, d, descending, isStable,
                            FloatAscending<Double>.self, FloatDescending<Double>.self)
        case .int64:
            Tensor.sortRows(self, values, indices, d, descending, isStable,
                            IntegerAscending.self, IntegerDescending.self)
        case .bool:
            Tensor.sortRows(self, values, indices, d, descending, isStable, BoolAscending.self, BoolDescending.self)
        }
        let inputShape = shape
        values.recordGradient(stable == nil ? "SortBackward0" : "SortBackward1", inputs: [self], saving: [indices]) {
            grad, saved throws(TensorError) in
            [try Tensor.zeros(inputShape, dtype: grad.dtype).scatter(dim: d, index: saved[0], src: grad)]
        }
        return (values, indices)
    }

    /// The positions that would sort the elements along `dim` (`Tensor.argsort`).
    public func argsort(dim: Int = -1, descending: Bool = false, stable: Bool = false) throws(TensorError) -> Tensor {
        try GradMode.with(enabled: false) { () throws(TensorError) in
            try sort(dim: dim, descending: descending, stable: stable).indices
        }
    }

    /// The elements sorted along the first dimension (`Tensor.msort`).
    public func msort() throws(TensorError) -> Tensor {
        try sort(dim: 0).values
    }

    /// The `k` largest (or smallest) elements along `dim` with their positions (`Tensor.topk`). With `sorted` they
    /// come best first; ties come out in the order PyTorch's CPU kernel leaves them.
    public func topk(_ k: Int, dim: Int = -1, largest: Bool = true, sorted: Bool = true) throws(TensorError)
        -> (values: Tensor, indices: Tensor)
    {
        let d = try Shape.normalize(dim: dim, rank: rank)
        guard k >= 0 && k <= (rank == 0 ? 1 : shape[d]) else { throw .topkTooLarge }
        guard dtype != .bool else {
            throw .invalidArgument(op: "topk", detail: "topk does not support bool dtypes on CPU")
        }
        var outShape = shape
        if rank > 0 { outShape[d] = k }
        // The kernel copies a whole row into scratch; a row longer than memory holds (`expand(2**62).topk(1)`) is
        // refused as an allocation of that size.
        if rank > 0 && count > 0 {
            let (bytes, overflow) = shape[d].multipliedReportingOverflow(by: MemoryLayout<Keyed<Double>>.stride)
            if overflow { throw .outOfMemory(requestedBytes: nil) }
            _ = try Storage(byteCount: bytes)
        }
        let values = try Tensor(uninitializedShape: outShape, dtype: dtype)
        let indices = try Tensor(uninitializedShape: outShape, dtype: .int64)
        if rank == 0 {
            // PyTorch answers a zero-dimensional input with itself, whatever the (valid) k.
            Cast.copy(self, into: values)
            indices.pointer(as: Int64.self).pointee = 0
        } else {
            switch (dtype, largest) {
            case (.float32, true): Tensor.topkRows(self, values, indices, d, k, sorted, FloatDescending<Float>.self)
            case (.float32, false): Tensor.topkRows(self, values, indices, d, k, sorted, FloatAscending<Float>.self)
            case (.float64, true): Tensor.topkRows(self, values, indices, d, k, sorted, FloatDescending<Double>.self)
            case (.float64, false): Tensor.topkRows(self, values, indices, d, k, sorted, FloatAscending<Double>.self)
            case (.int64, true): Tensor.topkRows(self, values, indices, d, k, sorted, IntegerDescending.self)
            case (.int64, false): Tensor.topkRows(self, values, indices, d, k, sorted, IntegerAscending.self)
            case (.bool, _): break
            }
        }
        let inputShape = shape
        values.recordGradient("TopkBackward0", inputs: [self], saving: [indices]) { grad, saved throws(TensorError) in
            [try Tensor.zeros(inputShape, dtype: grad.dtype).scatter(dim: d, index: saved[0], src: grad)]
        }
        return (values, indices)
    }

    private static func sortRows<Ascending: SortOrder, Descending: SortOrder>(
        _ input: Tensor, _ values: Tensor, _ indices: Tensor, _ dim: Int, _ descending: Bool, _ stable: Bool,
        _ ascending: Ascending.Type, _ descendingOrder: Descending.Type
    ) where Ascending.Key: TensorElement, Descending.Key == Ascending.Key {
        switch (descending, stable) {
        case (false, false): sortRows(input, values, indices, dim, ByValue<Ascending>.self)
        case (false, true): sortRows(input, values, indices, dim, ByValueThenPosition<Ascending>.self)
        case (true, false): sortRows(input, values, indices, dim, ByValue<Descending>.self)
        case (true, true): sortRows(input, values, indices, dim, ByValueThenPosition<Descending>.self)
        }
    }

    private static func sortRows<Order: PairOrder>(
        _ input: Tensor, _ values: Tensor, _ indices: Tensor, _ dim: Int, _ order: Order.Type
    ) where Order.Key: TensorElement {
        // NOTE: PyTorch skips sorting when the input repeats one element along `dim` (stride 0); the algorithm would
        // otherwise shuffle the equal elements of long rows.
        let skip = input.rank > 0 && input.strides[dim] == 0
        forEachRow(input, values, indices, dim, Order.Key.self) { row, length in
            if !skip { IntroSort<Order>.sort(row, 0, length) }
            return length
        }
    }

    private static func topkRows<Base: SortOrder>(
        _ input: Tensor, _ values: Tensor, _ indices: Tensor, _ dim: Int, _ k: Int, _ sorted: Bool,
        _ order: Base.Type
    ) where Base.Key: TensorElement {
        guard k > 0 else { return }
        forEachRow(input, values, indices, dim, Base.Key.self) { row, length in
            // PyTorch's heuristic: a partial sort for small k, otherwise select the k-th and sort what is before it.
            if k * 64 <= length {
                IntroSort<ByValue<Base>>.partialSort(row, 0, k, length)
            } else {
                IntroSort<ByValue<Base>>.nthElement(row, 0, k - 1, length)
                if sorted { IntroSort<ByValue<Base>>.sort(row, 0, k - 1) }
            }
            return k
        }
    }

    /// Loads each row of `input` along `dim` as (value, position) pairs, lets `arrange` reorder them, and writes the
    /// first pairs it reports back as `values` and `indices` rows.
    private static func forEachRow<T: TensorElement>(
        _ input: Tensor, _ values: Tensor, _ indices: Tensor, _ dim: Int, _ type: T.Type,
        _ arrange: (UnsafeMutablePointer<Keyed<T>>, Int) -> Int
    ) {
        // An empty tensor has nothing to arrange, however long its rows claim to be (`zeros(2**62, 0).sort(0)`).
        guard input.count > 0 else { return }
        let (shape, inputStrides) = ScatterGatherLoop.nonEmpty(input)
        let valueStrides = ScatterGatherLoop.nonEmpty(values).strides
        let indexStrides = ScatterGatherLoop.nonEmpty(indices).strides
        let length = shape[dim]
        var outer = shape
        outer[dim] = 1
        let loop = StridedLoop(shape: outer, strides: [inputStrides, valueStrides, indexStrides])
        let (rowI, rowV, rowX, rows) = (loop.rowStride(0), loop.rowStride(1), loop.rowStride(2), loop.rowLength)
        let (stepI, stepV, stepX) = (inputStrides[dim], valueStrides[dim], indexStrides[dim])
        let (src, dstValues, dstIndices) = (input.pointer(as: T.self), values.pointer(as: T.self),
                                            indices.pointer(as: Int64.self))
        let scratch = UnsafeMutablePointer<Keyed<T>>.allocate(capacity: Swift.max(length, 1))
        defer { scratch.deallocate() }
        loop.forEachRow { offsets in
            var (i, v, x) = (offsets[0], offsets[1], offsets[2])
            for _ in 0..<rows {
                for j in 0..<length {
                    (scratch + j).initialize(to: Keyed(key: src[i + j * stepI], index: Int64(j)))
                }
                let kept = arrange(scratch, length)
                for j in 0..<kept {
                    dstValues[v + j * stepV] = scratch[j].key
                    dstIndices[x + j * stepX] = scratch[j].index
                }
                i += rowI
                v += rowV
                x += rowX
            }
        }
    }
}
