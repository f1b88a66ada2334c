/// One entry of a Python subscript such as `t[0, 1:3, None, ..., mask]`.
///
/// The interpreter turns what Python would see into these: an `int` (or anything with `__index__`), a `slice`, `None`,
/// `...`, `True`/`False` and tensors. A list such as `[0, 2]` arrives already converted to an int64 (or bool) tensor;
/// deciding whether a list stands for one index or for a tuple of indices (NumPy's legacy rule) is the caller's job.
public enum TensorIndex {
    /// An integer: picks one position and removes the dimension (a view).
    case int(Int)
    /// `start:end:step`; nil parts take Python's defaults (a view).
    case slice(start: Int?, end: Int?, step: Int?)
    /// Python's `None`: inserts a dimension of size 1 (a view).
    case newAxis
    /// `...`: as many full slices as the other entries leave undescribed.
    case ellipsis
    /// `True` or `False`: inserts a dimension of size 1 and indexes it with `[0]` or `[]` (a copy).
    case bool(Bool)
    /// A tensor: int64 positions or a bool mask (a copy); a zero-dimensional int64 tensor acts as an `int`.
    case tensor(Tensor)

    /// The full slice `:`.
    public static var all: TensorIndex { .slice(start: nil, end: nil, step: nil) }

    /// How many dimensions of the indexed tensor this entry consumes (PyTorch's `count_specified_dimensions`).
    var specifiedDimensions: Int {
        switch self {
        case .int, .slice: return 1
        case .newAxis, .ellipsis, .bool: return 0
        case .tensor(let tensor): return tensor.dtype == .bool ? tensor.rank : 1
        }
    }
}

extension TensorIndex: ExpressibleByIntegerLiteral {
    /// An integer literal as an `.int` entry, so Swift callers can write `t.index([0, .all])`.
    public init(integerLiteral value: Int) { self = .int(value) }
}

/// A Python slice with its omitted parts filled in as CPython's `PySlice_Unpack` fills them.
struct SliceBounds {
    let start: Int
    let stop: Int
    let step: Int

    /// Resolves `start:stop:step`; a zero step is the ValueError Python raises while unpacking the slice.
    init(start: Int?, stop: Int?, step: Int?) throws(TensorError) {
        let step = step ?? 1
        guard step != 0 else { throw .sliceStepZero }
        self.step = step
        self.start = start ?? (step < 0 ? Int.max : 0)
        self.stop = stop ?? (step < 0 ? Int.min : Int.max)
    }

    /// The slice of `tensor` along `dim`. With `skipFullSlice`, a slice covering the whole dimension returns `tensor`
    /// itself (no `SliceBackward0`), as PyTorch's multi-dimensional subscripts do.
    func apply(to tensor: Tensor, dim: Int, skipFullSlice: Bool) throws(TensorError) -> Tensor {
        guard step > 0 else { throw .sliceStepNotPositive }
        if skipFullSlice, tensor.rank > 0, dim < tensor.rank, start == 0, tensor.shape[dim] <= stop, step == 1 {
            return tensor
        }
        return try tensor.slice(dim: dim, start: start, end: stop, step: step)
    }
}

extension Tensor {
    /// The int64 index a Python `True` (`[0]`) or `False` (`[]`) stands for in a subscript.
    static func boolSubscriptIndex(_ value: Bool) -> Tensor {
        let out = Tensor(storage: Storage(singleElementOf: .int64), shape: [value ? 1 : 0], strides: [1], offset: 0,
                         dtype: .int64)
        out.pointer(as: Int64.self).pointee = 0
        return out
    }

    /// `t[i]` as PyTorch checks it inside a subscript: the message names the subscript position, not the dimension.
    func selectForSubscript(dim: Int, index: Int, position: Int) throws(TensorError) -> Tensor {
        if index == 0 && dim == 0 && rank == 0 { throw .indexOnScalar }
        // NOTE: PyTorch reads the size past the end when several ellipses push `dim` beyond the rank (and reports
        // size 0 in practice); that is what a user sees, so it is what we report.
        let size = dim < rank ? shape[dim] : 0
        guard size > -1 - index && size > index else {
            throw .indexOutOfRange(index: index, dim: position, size: size)
        }
        return try select(dim: dim, index: index)
    }
}
