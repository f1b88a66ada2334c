extension Tensor {
    /// `self[index] = value` for a subscript that is not a tuple (Python's `t[i] = v`).
    ///
    /// A Python number arrives as `Tensor.wrapping(_:)` and is converted to `self`'s dtype first. Basic subscripts
    /// write through a view (`copy_`/`fill_`, seen by autograd as `CopySlices` on the base); advanced ones go through
    /// `indexPut_(tensors:values:)`.
    public func indexPut_(_ index: TensorIndex, value: Tensor) throws(TensorError) {
        let value = assignable(value)
        switch index {
        case .bool(false):
            // PyTorch writes nothing here, without even checking the value's shape.
            return
        case .ellipsis:
            try Tensor.assign(value, to: self)
        case .newAxis, .bool(true):
            try Tensor.assign(value, to: try unsqueeze(0))
        case .int(let i):
            try Tensor.assign(value, to: try selectForSubscript(dim: 0, index: i, position: 0))
        case let .slice(start, stop, step):
            let bounds = try SliceBounds(start: start, stop: stop, step: step)
            try Tensor.assign(value, to: try bounds.apply(to: self, dim: 0, skipFullSlice: true))
        case .tensor:
            try indexPut_([index], value: value)
        }
    }

    /// `self[i, j, ...] = value`: a tuple subscript on the left of an assignment.
    public func indexPut_(_ indices: [TensorIndex], value: Tensor) throws(TensorError) {
        let value = assignable(value)
        let basic = try BasicSubscript(self, indices)
        guard !basic.advanced.isEmpty else {
            try Tensor.assign(value, to: basic.result)
            return
        }
        // As in NumPy, leading size-1 dimensions of the value are ignored.
        let trimmed = Array(value.shape.drop { $0 == 1 })
        let values = trimmed == value.shape ? value : try value.view(trimmed)
        try basic.result.indexPut_(tensors: basic.advanced, values: values)
    }

    /// A Python number as the tensor PyTorch assigns: zero-dimensional, in this tensor's dtype.
    private func assignable(_ value: Tensor) -> Tensor {
        guard value.isWrappedNumber, let scalar = try? value.item() else { return value }
        return Tensor(scalar, dtype: dtype)
    }

    /// Writes `value` into the view `destination` as PyTorch's `copy_to` does: a plain copy for equal shapes, a fill
    /// for a zero-dimensional value, otherwise a broadcast that first drops the value's leading size-1 dimensions.
    private static func assign(_ value: Tensor, to destination: Tensor) throws(TensorError) {
        if destination.shape == value.shape {
            try destination.copy_(value)
        } else if value.rank == 0 {
            try destination.fill_(value)
        } else {
            let trimmed = try value.view(Array(value.shape.drop { $0 == 1 }))
            try destination.copy_(try trimmed.expand(destination.shape))
        }
    }

    /// Sets every element to the zero-dimensional `value`, converted to this dtype (`Tensor.fill_` with a tensor).
    @discardableResult
    public func fill_(_ value: Tensor) throws(TensorError) -> Tensor {
        guard value.rank == 0 else {
            throw .invalidArgument(op: "fill_", detail: "fill_ only supports 0-dimension value tensor but got tensor "
                + "with \(value.rank) dimensions.")
        }
        try checkInPlace(resultShape: shape)
        Cast.copy(value, into: self)
        bumpVersion()
        let valueType = value.dtype
        recordInPlace("FillBackward3", inputs: [value]) { grad, _ throws(TensorError) in
            let sum = try grad.sum()
            return [try Tensor.zeros(like: grad), sum.dtype == valueType ? sum : try sum.to(valueType)]
        }
        return self
    }
}
