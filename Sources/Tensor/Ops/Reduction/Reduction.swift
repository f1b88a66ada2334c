/// What the reduction ops share: planning over the user's dims, the checks PyTorch makes before reducing, and
/// broadcasting a reduced gradient back over the input.
extension Tensor {
    /// The plan for reducing over `dims`; negative dims count from the end, and nil or empty means every dimension.
    func reductionPlan(_ dims: [Int]?) throws(TensorError) -> ReductionPlan {
        ReductionPlan(input: self, dims: try Shape.normalize(dims: dims ?? [], rank: rank))
    }

    /// Refuses an integral or bool result of a tensor that requires grad, which autograd cannot carry.
    func checkDifferentiable(resultType: DType) throws(TensorError) {
        if GradMode.isEnabled && requiresGrad && !resultType.isFloatingPoint {
            throw .invalidArgument(op: "autograd", detail: "Autograd not support dtype: \(resultType.scalarTypeName)")
        }
    }

    /// Refuses to reduce empty slices with an operation that has no identity (`max`, `argmax`, ...).
    ///
    /// Without dims the whole tensor must be non-empty; with dims, each of them must be. `IndexError` comes from the
    /// arg-reductions and from a named empty dim, `RuntimeError` from value reductions of an empty tensor. `amax` and
    /// `amin` name the dim as the user wrote it; the others name it normalised.
    func checkReducible(
        _ op: String, dims: [Int]?, argReduction: Bool = false, namesRawDim: Bool = false
    ) throws(TensorError) {
        guard let dims, !dims.isEmpty else {
            guard count == 0 else { return }
            if argReduction { throw .emptyReductionDim(op: op, dim: nil) }
            throw .invalidArgument(op: op, detail: "\(op)(): Expected reduction dim to be specified for "
                + "input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        for dim in dims {
            let d = try Shape.normalize(dim: dim, rank: rank)
            if rank > 0 && shape[d] == 0 { throw .emptyReductionDim(op: op, dim: namesRawDim ? dim : d) }
        }
    }

    /// A reduction's gradient, shaped like its output, broadcast back over the input's shape.
    func expandReduced(keepdimShape: [Int], to inputShape: [Int]) throws(TensorError) -> Tensor {
        try reshape(keepdimShape).expand(inputShape)
    }

    /// The gradient in `dtype` (a reduction computed in another dtype hands back gradients in the input's).
    func gradient(in dtype: DType) throws(TensorError) -> Tensor {
        self.dtype == dtype ? self : try to(dtype)
    }
}

/// A contiguous tensor seen as `[outer, size, inner]` around one dimension, the layout of kernels that work along a
/// single dimension (softmax, cumsum, gathering by index).
struct AxisLayout {
    /// The number of slices before the dimension.
    let outer: Int
    /// The length of the dimension.
    let size: Int
    /// The distance between neighbours along the dimension, which is also the number of interleaved slices.
    let inner: Int

    /// The layout of a contiguous tensor of `shape` around the (normalised) dimension `dim`; a 0-d tensor is one
    /// element.
    init(shape: [Int], dim: Int) {
        guard !shape.isEmpty else {
            (outer, size, inner) = (1, 1, 1)
            return
        }
        // An empty tensor may claim sizes whose product overflows (`zeros(0, 2**62, 2**62)`); it has no slices to walk.
        guard !shape.contains(0) else {
            (outer, size, inner) = (0, shape[dim], 0)
            return
        }
        outer = shape[..<dim].reduce(1, *)
        size = shape[dim]
        inner = shape[(dim + 1)...].reduce(1, *)
    }

    /// The element offset of position `k` along the dimension in slice `(o, i)`.
    @inline(__always)
    func offset(outer o: Int, inner i: Int, at k: Int) -> Int { (o * size + k) * inner + i }
}

extension Tensor {
    /// This tensor if contiguous, else a contiguous copy that records nothing (kernels that index by layout).
    func contiguousData() throws(TensorError) -> Tensor {
        isContiguous ? self : try contiguousCopy()
    }
}
