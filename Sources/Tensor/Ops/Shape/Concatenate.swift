extension Tensor {
    /// The tensors joined along the existing dimension `dim`, in their promoted dtype (`torch.cat`).
    ///
    /// As in PyTorch, one-dimensional empty tensors (shape `[0]`) are skipped whatever the other shapes, though their
    /// dtype still takes part in promotion and they receive an empty gradient.
    public static func cat(_ tensors: [Tensor], dim: Int = 0) throws(TensorError) -> Tensor {
        guard let first = tensors.first else { throw .concatenateEmpty(op: "cat") }
        for (index, tensor) in tensors.enumerated() where tensor.rank == 0 {
            throw .zeroDimensionalConcatenate(index: index)
        }
        let dtype = tensors.dropFirst().reduce(first.dtype) { DType.promote($0, $1.dtype) }
        let skipped = tensors.map { $0.rank == 1 && $0.shape[0] == 0 }
        guard let reference = tensors.indices.first(where: { !skipped[$0] }).map({ tensors[$0] }) else {
            let out = try Tensor(uninitializedShape: [0], dtype: dtype)
            recordCat(out, tensors, dim: 0, skipped: skipped)
            return out
        }
        let d = try Shape.normalize(dim: dim, rank: reference.rank)
        var total = 0
        for (index, tensor) in tensors.enumerated() where !skipped[index] {
            guard tensor.rank == reference.rank else {
                throw .concatenateRankMismatch(op: "cat", expected: reference.rank, got: tensor.rank, index: index)
            }
            for k in 0..<reference.rank where k != d && tensor.shape[k] != reference.shape[k] {
                throw .concatenateSizeMismatch(dim: d, expected: reference.shape[k], got: tensor.shape[k], index: index)
            }
            let (sum, overflow) = total.addingReportingOverflow(tensor.shape[d])
            if overflow { throw .outOfMemory(requestedBytes: nil) }
            total = sum
        }
        var outShape = reference.shape
        outShape[d] = total
        let out = try Tensor(uninitializedShape: outShape, dtype: dtype)
        var position = 0
        for (index, tensor) in tensors.enumerated() where !skipped[index] {
            let length = tensor.shape[d]
            if length > 0 { Cast.copy(tensor, into: out.region(dim: d, start: position, length: length)) }
            position += length
        }
        recordCat(out, tensors, dim: d, skipped: skipped)
        return out
    }

    private static func recordCat(_ out: Tensor, _ tensors: [Tensor], dim: Int, skipped: [Bool]) {
        guard out.dtype.isFloatingPoint else { return }
        let pieces = tensors.indices.map { (skipped: skipped[$0], length: skipped[$0] ? 0 : tensors[$0].shape[dim],
                                            dtype: tensors[$0].dtype) }
        out.recordGradient("CatBackward0", inputs: tensors) { grad, _ throws(TensorError) in
            var grads: [Tensor?] = []
            var position = 0
            for piece in pieces {
                defer { position += piece.length }
                if !piece.dtype.isFloatingPoint {
                    grads.append(nil)
                } else if piece.skipped {
                    grads.append(try Tensor.zeros([0], dtype: piece.dtype))
                } else {
                    grads.append(try grad.narrow(dim: dim, start: position, length: piece.length).to(piece.dtype))
                }
            }
            return grads
        }
    }

    /// The tensors, all of one shape, joined along a new dimension `dim` (`torch.stack`).
    public static func stack(_ tensors: [Tensor], dim: Int = 0) throws(TensorError) -> Tensor {
        guard let first = tensors.first else { throw .concatenateEmpty(op: "stack") }
        let d = try Shape.normalize(dim: dim, rank: first.rank + 1)
        for (index, tensor) in tensors.enumerated() where tensor.shape != first.shape {
            throw .stackSizeMismatch(first: first.shape, other: tensor.shape, index: index)
        }
        let dtype = tensors.dropFirst().reduce(first.dtype) { DType.promote($0, $1.dtype) }
        var outShape = first.shape
        outShape.insert(tensors.count, at: d)
        let out = try Tensor(uninitializedShape: outShape, dtype: dtype)
        if out.count > 0 {
            for (index, tensor) in tensors.enumerated() { Cast.copy(tensor, into: out.region(dim: d, index: index)) }
        }
        if dtype.isFloatingPoint {
            let dtypes = tensors.map(\.dtype)
            out.recordGradient("StackBackward0", inputs: tensors) { grad, _ throws(TensorError) in
                try dtypes.enumerated().map { index, type throws(TensorError) -> Tensor? in
                    type.isFloatingPoint ? try grad.select(dim: d, index: index).to(type) : nil
                }
            }
        }
        return out
    }

    /// The tensors joined column-wise: along dimension 0 if they are vectors, else along dimension 1
    /// (`torch.hstack`).
    public static func hstack(_ tensors: [Tensor]) throws(TensorError) -> Tensor {
        guard !tensors.isEmpty else { throw .concatenateEmpty(op: "hstack") }
        let parts = try tensors.map { tensor throws(TensorError) in try tensor.atLeast1D() }
        return try cat(parts, dim: parts[0].rank == 1 ? 0 : 1)
    }

    /// The tensors joined row-wise, vectors becoming rows (`torch.vstack`).
    public static func vstack(_ tensors: [Tensor]) throws(TensorError) -> Tensor {
        guard !tensors.isEmpty else { throw .concatenateEmpty(op: "vstack") }
        return try cat(try tensors.map { tensor throws(TensorError) in try tensor.atLeast2D() }, dim: 0)
    }

    /// The tensors joined depth-wise, along dimension 2 after making each at least 3-D (`torch.dstack`).
    public static func dstack(_ tensors: [Tensor]) throws(TensorError) -> Tensor {
        guard !tensors.isEmpty else { throw .concatenateEmpty(op: "dstack") }
        return try cat(try tensors.map { tensor throws(TensorError) in try tensor.atLeast3D() }, dim: 2)
    }

    /// The tensors side by side as columns: scalars and vectors become columns first (`torch.column_stack`).
    public static func columnStack(_ tensors: [Tensor]) throws(TensorError) -> Tensor {
        guard !tensors.isEmpty else { throw .concatenateEmpty(op: "column_stack") }
        return try hstack(try tensors.map { tensor throws(TensorError) in
            tensor.rank <= 1 ? try tensor.reshape([tensor.count, 1]) : tensor
        })
    }

    /// This tensor with a dimension added if it has none (`torch.atleast_1d`).
    public func atLeast1D() throws(TensorError) -> Tensor {
        rank == 0 ? try reshape([1]) : self
    }

    /// This tensor viewed with at least two dimensions; a vector becomes one row (`torch.atleast_2d`).
    public func atLeast2D() throws(TensorError) -> Tensor {
        switch rank {
        case 0: return try reshape([1, 1])
        case 1: return try unsqueeze(0)
        default: return self
        }
    }

    /// This tensor viewed with at least three dimensions, as `torch.atleast_3d` places them.
    public func atLeast3D() throws(TensorError) -> Tensor {
        switch rank {
        case 0: return try reshape([1, 1, 1])
        case 1: return try unsqueeze(0).unsqueeze(-1)
        case 2: return try unsqueeze(-1)
        default: return self
        }
    }
}
