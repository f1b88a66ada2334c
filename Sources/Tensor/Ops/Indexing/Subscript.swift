/// The first pass over a multi-entry subscript, as PyTorch's `applySlicing` makes it: ints, slices, `None` and
/// `...` become views of the tensor, and the advanced entries (tensors, bools) are collected by the dimension they
/// index, for `index(tensors:)` or `indexPut_(tensors:)` to finish.
struct BasicSubscript {
    /// The tensor after every basic entry was applied.
    let result: Tensor
    /// Whether no view was taken at all (`t[:, :]`, `t[...]`).
    let isUnchanged: Bool
    /// One entry per dimension of `result` up to the last advanced one: its index tensor, or nil.
    let advanced: [Tensor?]

    init(_ tensor: Tensor, _ indices: [TensorIndex]) throws(TensorError) {
        let specified = indices.reduce(0) { $0 + $1.specifiedDimensions }
        guard specified <= tensor.rank else { throw .tooManyIndices(rank: tensor.rank, given: nil) }
        var result = tensor
        var unchanged = true
        var dim = 0
        var advanced: [Tensor?] = []

        // Mirrors `recordTensorIndex`: the first advanced index lands at its dimension, later ones are appended.
        func record(_ index: Tensor) {
            if advanced.isEmpty {
                advanced = [Tensor?](repeating: nil, count: dim) + [index]
            } else {
                advanced.append(index)
            }
            dim += index.dtype == .bool ? index.rank : 1
        }
        func skip(_ count: Int) {
            if !advanced.isEmpty { advanced += [Tensor?](repeating: nil, count: Swift.max(count, 0)) }
        }

        for (position, index) in indices.enumerated() {
            switch index {
            case .int(let i):
                result = try result.selectForSubscript(dim: dim, index: i, position: position)
                unchanged = false
            case let .slice(start, stop, step):
                let bounds = try SliceBounds(start: start, stop: stop, step: step)
                let sliced = try bounds.apply(to: result, dim: dim, skipFullSlice: true)
                if sliced !== result { unchanged = false }
                result = sliced
                dim += 1
                skip(1)
            case .ellipsis:
                let count = tensor.rank - specified
                dim += count
                skip(count)
            case .newAxis:
                result = try result.unsqueeze(dim)
                unchanged = false
                dim += 1
                skip(1)
            case .bool(let flag):
                result = try result.unsqueeze(dim)
                unchanged = false
                record(Tensor.boolSubscriptIndex(flag))
            case .tensor(let index):
                if index.rank == 0 && index.dtype == .int64 {
                    let i = Int(index.pointer(as: Int64.self).pointee)
                    result = try result.selectForSubscript(dim: dim, index: i, position: position)
                    unchanged = false
                } else if index.rank == 0 && index.dtype == .bool {
                    result = try result.unsqueeze(dim)
                    unchanged = false
                    record(Tensor.boolSubscriptIndex(index.pointer(as: Bool.self).pointee))
                } else {
                    record(index)
                }
            }
        }
        // Trailing whole dimensions add nothing to an advanced index (PyTorch's `dispatch_index` drops them).
        while let last = advanced.last, last == nil { advanced.removeLast() }
        self.result = result
        self.isUnchanged = unchanged
        self.advanced = advanced
    }
}

extension Tensor {
    /// `self[index]` for a subscript that is not a tuple (Python's `t[i]`, as opposed to `t[i,]`).
    ///
    /// A single slice always records `SliceBackward0` here, and a single `False` selects nothing; both differ from
    /// the same entry inside a tuple, as in PyTorch.
    public func index(_ index: TensorIndex) throws(TensorError) -> Tensor {
        switch index {
        case .int(let i):
            return try selectForSubscript(dim: 0, index: i, position: 0)
        case let .slice(start, stop, step):
            let bounds = try SliceBounds(start: start, stop: stop, step: step)
            return try bounds.apply(to: self, dim: 0, skipFullSlice: false)
        case .newAxis:
            return try unsqueeze(0)
        case .ellipsis:
            return try aliasView("AliasBackward0")
        case .bool(let flag):
            return try unsqueeze(0).index(tensors: [Tensor.boolSubscriptIndex(flag)])
        case .tensor:
            return try self.index([index])
        }
    }

    /// `self[i, j, ...]`: a tuple subscript, with Python's and PyTorch's rules for views, advanced indices and errors.
    public func index(_ indices: [TensorIndex]) throws(TensorError) -> Tensor {
        let basic = try BasicSubscript(self, indices)
        if basic.advanced.isEmpty {
            // `t[...]` and `t[:, :]` still return a new tensor object, a view of the same elements.
            return basic.isUnchanged ? try aliasView("AliasBackward0") : basic.result
        }
        return try basic.result.index(tensors: basic.advanced)
    }
}
