extension Tensor {
    /// A tensor sharing this one's storage through another shape, strides and offset.
    func makeView(shape: [Int], strides: [Int], offset: Int) -> Tensor {
        let view = Tensor(storage: storage, shape: shape, strides: strides, offset: offset, dtype: dtype)
        view.viewBase = viewBase ?? self
        // PyTorch keeps refusing in-place writes through views of a multi-output view, naming the newest op.
        if multiOutputViewNumber != nil { view.multiOutputViewNumber = 0 }
        return view
    }

    /// The same elements viewed with another shape, without copying; one size may be -1 (`Tensor.view`).
    public func view(_ requested: [Int]) throws(TensorError) -> Tensor {
        let newShape = try Shape.infer(requested, count: count)
        guard let newStrides = Shape.viewStrides(shape: shape, strides: strides, newShape: newShape) else {
            throw .viewNotCompatible
        }
        let out = makeView(shape: newShape, strides: newStrides, offset: offset)
        let inputShape = shape
        out.recordGradient("ViewBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.reshape(inputShape)]
        }
        return out
    }

    /// The same elements with another shape: a view when the layout allows, a copy otherwise (`Tensor.reshape`).
    ///
    /// As in PyTorch, a contiguous tensor is viewed (`ViewBackward0`), another layout that allows it is aliased
    /// (`ReshapeAliasBackward0`), and the rest is cloned and viewed (`UnsafeViewBackward0`).
    public func reshape(_ requested: [Int]) throws(TensorError) -> Tensor {
        if isContiguous { return try view(requested) }
        let newShape = try Shape.infer(requested, count: count)
        if let newStrides = Shape.viewStrides(shape: shape, strides: strides, newShape: newShape) {
            let alias = makeView(shape: newShape, strides: newStrides, offset: offset)
            let inputShape = shape
            alias.recordGradient("ReshapeAliasBackward0", inputs: [self]) { grad, _ throws(TensorError) in
                [try grad.reshape(inputShape)]
            }
            return alias
        }
        let copy = try clone()
        let out = copy.makeView(shape: newShape, strides: Shape.contiguousStrides(newShape), offset: copy.offset)
        out.viewBase = nil
        let inputShape = shape
        out.recordGradient("UnsafeViewBackward0", inputs: [copy]) { grad, _ throws(TensorError) in
            [try grad.reshape(inputShape)]
        }
        return out
    }

    /// Dimensions `startDim...endDim` merged into one (`torch.flatten`).
    public func flatten(startDim: Int = 0, endDim: Int = -1) throws(TensorError) -> Tensor {
        if rank == 0 { return try reshape([1]) }
        let start = try Shape.normalize(dim: startDim, rank: rank)
        let end = try Shape.normalize(dim: endDim, rank: rank)
        guard start <= end else {
            throw .invalidArgument(op: "flatten", detail: "flatten() has invalid args: start_dim cannot come after "
                + "end_dim")
        }
        if start == end { return self }
        let merged = shape[start...end].reduce(1, *)
        return try reshape(Array(shape[..<start]) + [merged] + Array(shape[(end + 1)...]))
    }

    /// The view with two dimensions swapped (`Tensor.transpose`).
    public func transpose(_ dim0: Int, _ dim1: Int) throws(TensorError) -> Tensor {
        let (a, b) = (try Shape.normalize(dim: dim0, rank: rank), try Shape.normalize(dim: dim1, rank: rank))
        var (newShape, newStrides) = (shape, strides)
        newShape.swapAt(a, b)
        newStrides.swapAt(a, b)
        let out = makeView(shape: newShape, strides: newStrides, offset: offset)
        out.recordGradient("TransposeBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.transpose(a, b)]
        }
        return out
    }

    /// The transpose of a matrix; vectors and scalars are returned as they are (`Tensor.t`).
    public func t() throws(TensorError) -> Tensor {
        guard rank <= 2 else {
            throw .invalidArgument(op: "t", detail: "t() expects a tensor with <= 2 dimensions, but self is \(rank)D")
        }
        let out = makeView(shape: shape.reversed(), strides: strides.reversed(), offset: offset)
        out.recordGradient("TBackward0", inputs: [self]) { grad, _ throws(TensorError) in [try grad.t()] }
        return out
    }

    /// All dimensions reversed (`Tensor.T`).
    public func reversedDimensions() throws(TensorError) -> Tensor {
        try permute(Array((0..<rank).reversed()))
    }

    /// The last two dimensions swapped (`Tensor.mT`).
    public func matrixTranspose() throws(TensorError) -> Tensor {
        guard rank >= 2 else {
            throw .invalidArgument(op: "mT", detail: "tensor.mT is only supported on matrices or batches of matrices. "
                + "Got \(rank)-D tensor.")
        }
        return try transpose(-2, -1)
    }

    /// The view with dimensions reordered (`Tensor.permute`).
    public func permute(_ dims: [Int]) throws(TensorError) -> Tensor {
        guard dims.count == rank else {
            throw .invalidArgument(op: "permute", detail: "permute(sparse_coo): number of dimensions in the tensor "
                + "input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(rank) "
                + "is not equal to len(dims) = \(dims.count)")
        }
        var order: [Int] = []
        for dim in dims {
            let d = try Shape.normalize(dim: dim, rank: rank)
            guard !order.contains(d) else {
                throw .invalidArgument(op: "permute", detail: "permute(): duplicate dims are not allowed.")
            }
            order.append(d)
        }
        let out = makeView(shape: order.map { shape[$0] }, strides: order.map { strides[$0] }, offset: offset)
        var inverse = [Int](repeating: 0, count: rank)
        for (position, dim) in order.enumerated() { inverse[dim] = position }
        out.recordGradient("PermuteBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.permute(inverse)]
        }
        return out
    }

    /// The view with a size-1 dimension inserted at `dim` (`Tensor.unsqueeze`).
    public func unsqueeze(_ dim: Int) throws(TensorError) -> Tensor {
        let d = try Shape.normalize(dim: dim, rank: rank + 1)
        var (newShape, newStrides) = (shape, strides)
        newShape.insert(1, at: d)
        newStrides.insert(d < rank ? shape[d] * strides[d] : 1, at: d)
        let out = makeView(shape: newShape, strides: newStrides, offset: offset)
        out.recordGradient("UnsqueezeBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.squeeze(d)]
        }
        return out
    }

    /// The view without size-1 dimensions: all of them, or only those among `dims` (`Tensor.squeeze`).
    ///
    /// As in PyTorch, `squeeze()` records `SqueezeBackward0`, `squeeze(d)` `SqueezeBackward1` and several dims
    /// `SqueezeBackward2`.
    public func squeeze(_ dims: Int...) throws(TensorError) -> Tensor {
        switch dims.count {
        case 0: return try squeeze(dims: nil, name: "SqueezeBackward0")
        case 1: return try squeeze(dims: dims, name: "SqueezeBackward1")
        default: return try squeeze(dims: dims, name: "SqueezeBackward2")
        }
    }

    /// The view without the size-1 dimensions among `dims` (a tuple in Python), or all of them when `dims` is nil.
    public func squeeze(dims: [Int]?) throws(TensorError) -> Tensor {
        try squeeze(dims: dims, name: dims == nil ? "SqueezeBackward0" : "SqueezeBackward2")
    }

    private func squeeze(dims: [Int]?, name: String) throws(TensorError) -> Tensor {
        let targets = try dims.map { d throws(TensorError) in try Shape.normalize(dims: d, rank: rank) }
        var newShape: [Int] = [], newStrides: [Int] = []
        for dim in 0..<rank {
            let drop = shape[dim] == 1 && (targets?.contains(dim) ?? true)
            if !drop {
                newShape.append(shape[dim])
                newStrides.append(strides[dim])
            }
        }
        let out = makeView(shape: newShape, strides: newStrides, offset: offset)
        let inputShape = shape
        out.recordGradient(name, inputs: [self]) { grad, _ throws(TensorError) in [try grad.reshape(inputShape)] }
        return out
    }

    /// The view repeating size-1 dimensions to `target` sizes without copying; -1 keeps a size (`Tensor.expand`).
    public func expand(_ target: [Int]) throws(TensorError) -> Tensor {
        guard target.count >= rank else { throw .expandTooFewDims(target: target, actual: shape, dtype: dtype) }
        let lead = target.count - rank
        var newShape = target, newStrides = [Int](repeating: 0, count: target.count)
        // PyTorch checks from the last dimension back, so the message names the last mismatch.
        for dim in stride(from: target.count - 1, through: 0, by: -1) {
            if dim < lead {
                guard target[dim] != -1 else {
                    throw .invalidArgument(op: "expand", detail: "The expanded size of the tensor (-1) isn't allowed "
                        + "in a leading, non-existing dimension \(dim)")
                }
                continue
            }
            let size = shape[dim - lead]
            if target[dim] == -1 { newShape[dim] = size }
            if newShape[dim] == size {
                newStrides[dim] = strides[dim - lead]
            } else if size != 1 {
                throw .expandMismatch(target: target, actual: shape, size: target[dim], existing: size, dim: dim)
            }
        }
        // Other negative sizes pass the geometry and fail PyTorch's element count, which reads them as unsigned.
        var elements = 1, overflow = false
        for size in newShape {
            (elements, overflow) = elements.multipliedReportingOverflow(by: size)
            if size < 0 || overflow {
                throw .invalidArgument(op: "expand", detail: "numel: integer multiplication overflow")
            }
        }
        let out = makeView(shape: newShape, strides: newStrides, offset: offset)
        let inputShape = shape
        out.recordGradient("ExpandBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.sumToShape(inputShape)]
        }
        return out
    }

    /// `expand(other.shape)`.
    public func expand(as other: Tensor) throws(TensorError) -> Tensor { try expand(other.shape) }

    /// A view of the same elements with nothing changed but identity (PyTorch's `alias`).
    func aliasView(_ name: String) throws(TensorError) -> Tensor {
        let out = makeView(shape: shape, strides: strides, offset: offset)
        out.recordGradient(name, inputs: [self]) { grad, _ in [grad] }
        return out
    }

    /// A tensor that shares storage but is cut from the graph (`Tensor.detach`).
    ///
    /// It is not a differentiable view: in-place writes through it are not recorded against this tensor.
    public func detach() -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, offset: offset, dtype: dtype)
    }

    /// Cuts this tensor from the graph in place, making it a leaf (`Tensor.detach_`).
    @discardableResult
    public func detach_() -> Tensor {
        gradFn = nil
        requiresGrad = false
        return self
    }

    /// Sets whether autograd records operations on this leaf (`Tensor.requires_grad_`).
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws(TensorError) -> Tensor {
        // The method's message differs from the attribute setter's (`requiresGradOnNonFloat`).
        if flag && !dtype.isFloatingPoint {
            throw .invalidArgument(op: "requires_grad_", detail: "only Tensors of floating point dtype can require "
                + "gradients")
        }
        guard isLeaf else {
            if flag { return self }
            throw .invalidArgument(op: "requires_grad_", detail: "you can only change requires_grad flags of leaf "
                + "variables. If you want to use a computed variable in a subgraph that doesn't require "
                + "differentiation use var_no_grad = var.detach().")
        }
        requiresGrad = flag
        return self
    }
}
