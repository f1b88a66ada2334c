/// How a scatter combines what it writes with what is there: PyTorch's `reduce=` argument, or plain assignment.
enum ScatterReduction {
    case assign, add, multiply

    /// Parses `reduce=`; nil means plain assignment.
    init(_ reduce: String?) throws(TensorError) {
        switch reduce {
        case nil: self = .assign
        case "add": self = .add
        case "multiply": self = .multiply
        default:
            throw .invalidArgument(op: "scatter", detail: "reduce argument must be either add or multiply.")
        }
    }
}

/// What a scatter writes: a tensor laid out like the index, or one number everywhere.
private enum ScatterSource {
    case tensor(Tensor)
    case value(Tensor)
}

extension Tensor {
    /// A copy with `src[i][j]` written to position `[index[i][j]][j]` for `dim` 0, and so on (`Tensor.scatter`).
    /// With `reduce` ("add" or "multiply") the values are combined with what is there instead (not differentiable).
    public func scatter(dim: Int, index: Tensor, src: Tensor, reduce: String? = nil) throws(TensorError) -> Tensor {
        let out = try contiguousCopy()
        let d = try out.scatterWrite(dim: dim, index: index, source: .tensor(src), reduce: reduce)
        try out.recordScatter(inPlace: false, old: self, dim: d, index: index, src: src, reduce: reduce, add: false)
        return out
    }

    /// A copy with `value` written at the positions `index` picks along `dim` (`Tensor.scatter` with a number).
    public func scatter(dim: Int, index: Tensor, value: Scalar, reduce: String? = nil) throws(TensorError) -> Tensor {
        let out = try contiguousCopy()
        let d = try out.scatterWrite(dim: dim, index: index, source: .value(Tensor(value, dtype: dtype)),
                                     reduce: reduce)
        try out.recordScatter(inPlace: false, old: self, dim: d, index: index, src: nil, reduce: reduce, add: false)
        return out
    }

    /// In-place `scatter` with a tensor of values (`Tensor.scatter_`).
    @discardableResult
    public func scatter_(dim: Int, index: Tensor, src: Tensor, reduce: String? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(resultShape: shape)
        let d = try scatterWrite(dim: dim, index: index, source: .tensor(src), reduce: reduce)
        bumpVersion()
        try recordScatter(inPlace: true, old: self, dim: d, index: index, src: src, reduce: reduce, add: false)
        return self
    }

    /// In-place `scatter` with a number (`Tensor.scatter_`).
    @discardableResult
    public func scatter_(dim: Int, index: Tensor, value: Scalar, reduce: String? = nil) throws(TensorError) -> Tensor {
        try checkInPlace(resultShape: shape)
        let d = try scatterWrite(dim: dim, index: index, source: .value(Tensor(value, dtype: dtype)), reduce: reduce)
        bumpVersion()
        try recordScatter(inPlace: true, old: self, dim: d, index: index, src: nil, reduce: reduce, add: false)
        return self
    }

    /// A copy with `src` added at the positions `index` picks along `dim`; repeated positions add up
    /// (`Tensor.scatter_add`).
    public func scatterAdd(dim: Int, index: Tensor, src: Tensor) throws(TensorError) -> Tensor {
        let out = try contiguousCopy()
        let d = try out.scatterWrite(dim: dim, index: index, source: .tensor(src), reduce: "add")
        try out.recordScatter(inPlace: false, old: self, dim: d, index: index, src: src, reduce: nil, add: true)
        return out
    }

    /// In-place `scatterAdd` (`Tensor.scatter_add_`).
    @discardableResult
    public func scatterAdd_(dim: Int, index: Tensor, src: Tensor) throws(TensorError) -> Tensor {
        try checkInPlace(resultShape: shape)
        let d = try scatterWrite(dim: dim, index: index, source: .tensor(src), reduce: "add")
        bumpVersion()
        try recordScatter(inPlace: true, old: self, dim: d, index: index, src: src, reduce: nil, add: true)
        return self
    }

    /// Checks a scatter as PyTorch's `scatter_meta_impl` does and performs it on `self`; returns the normalised dim.
    private func scatterWrite(
        dim: Int, index: Tensor, source: ScatterSource, reduce: String?
    ) throws(TensorError) -> Int {
        let d = try Shape.normalize(dim: dim, rank: rank)
        if index.count > 0 && index.dtype != .int64 {
            throw .invalidArgument(op: "scatter", detail: "scatter(): Expected dtype int32/int64 for index")
        }
        if case .tensor(let src) = source, src.dtype != dtype {
            throw .invalidArgument(op: "scatter", detail: "scatter(): Expected self.dtype to be equal to src.dtype")
        }
        let src: Tensor?
        if case .tensor(let tensor) = source { src = tensor } else { src = nil }
        if index.count > 0 { try checkScatterShapes(dim: d, index: index, src: src) }
        let reduction = try ScatterReduction(reduce)
        guard index.count > 0 else { return d }
        let other: Tensor
        switch source {
        case .tensor(let tensor): other = tensor
        case .value: other = index
        }
        let loop = ScatterGatherLoop(index: index, target: self, other: other, dim: d)
        try loop.validate(index, dim: d)
        switch source {
        case .tensor(let tensor): scatterKernel(index, values: tensor, scalar: false, loop, reduction)
        case .value(let value): scatterKernel(index, values: value, scalar: true, loop, reduction)
        }
        return d
    }

    /// PyTorch's `scatter_shape_check`: index no larger than `self` outside `dim`, nor than `src` anywhere.
    private func checkScatterShapes(dim: Int, index: Tensor, src: Tensor?) throws(TensorError) {
        let dims = Swift.max(rank, 1)
        guard dims == Swift.max(index.rank, 1) else { throw .gatherRankMismatch(op: "self") }
        var wrongShape = false
        for d in 0..<dims where d != dim {
            if try index.nonEmptySize(d) > nonEmptySize(d) {
                wrongShape = true
                break
            }
        }
        if !wrongShape, let src {
            for d in 0..<dims where try index.nonEmptySize(d) > src.nonEmptySize(d) {
                wrongShape = true
                break
            }
        }
        if let src, Swift.max(src.rank, 1) != Swift.max(index.rank, 1) { throw .gatherRankMismatch(op: "src") }
        if wrongShape {
            throw .scatterShapeMismatch(indexShape: index.shape, selfShape: shape, srcShape: src?.shape, apartFrom: dim)
        }
    }

    private func scatterKernel(
        _ index: Tensor, values: Tensor, scalar: Bool, _ loop: ScatterGatherLoop, _ reduction: ScatterReduction
    ) {
        // Each case passes its own closure literal so the loop inlines it.
        switch (dtype, reduction) {
        case (.float32, .assign): scatterLoop(index, values, scalar, loop) { (x: inout Float, v: Float) in x = v }
        case (.float32, .add): scatterLoop(index, values, scalar, loop) { (x: inout Float, v: Float) in x += v }
        case (.float32, .multiply): scatterLoop(index, values, scalar, loop) { (x: inout Float, v: Float) in x *= v }
        case (.float64, .assign): scatterLoop(index, values, scalar, loop) { (x: inout Double, v: Double) in x = v }
        case (.float64, .add): scatterLoop(index, values, scalar, loop) { (x: inout Double, v: Double) in x += v }
        case (.float64, .multiply):
            scatterLoop(index, values, scalar, loop) { (x: inout Double, v: Double) in x *= v }
        case (.int64, .assign): scatterLoop(index, values, scalar, loop) { (x: inout Int64, v: Int64) in x = v }
        case (.int64, .add): scatterLoop(index, values, scalar, loop) { (x: inout Int64, v: Int64) in x &+= v }
        case (.int64, .multiply): scatterLoop(index, values, scalar, loop) { (x: inout Int64, v: Int64) in x &*= v }
        case (.bool, .assign): scatterLoop(index, values, scalar, loop) { (x: inout Bool, v: Bool) in x = v }
        case (.bool, .add): scatterLoop(index, values, scalar, loop) { (x: inout Bool, v: Bool) in x = x || v }
        case (.bool, .multiply): scatterLoop(index, values, scalar, loop) { (x: inout Bool, v: Bool) in x = x && v }
        }
    }

    @inline(__always)
    private func scatterLoop<T: TensorElement>(
        _ index: Tensor, _ values: Tensor, _ scalar: Bool, _ loop: ScatterGatherLoop, _ combine: (inout T, T) -> Void
    ) {
        let dst = pointer(as: T.self)
        let src = values.pointer(as: T.self)
        if scalar {
            let value = src.pointee
            loop.forEach(index) { selfOffset, _ in combine(&dst[selfOffset], value) }
        } else {
            loop.forEach(index) { selfOffset, srcOffset in combine(&dst[selfOffset], src[srcOffset]) }
        }
    }

    /// Records the backward of a scatter whose result is `self` (`old` is the input, `self` too when in place).
    private func recordScatter(
        inPlace: Bool, old: Tensor, dim: Int, index: Tensor, src: Tensor?, reduce: String?, add: Bool
    ) throws(TensorError) {
        let inputs = src.map { [$0] } ?? []
        let record = { (name: String, backward: @escaping (Tensor, [Tensor]) throws(TensorError) -> [Tensor?]) in
            if inPlace {
                self.recordInPlace(name, inputs: inputs, saving: [index], backward: backward)
            } else {
                self.recordGradient(name, inputs: [old] + inputs, saving: [index], backward: backward)
            }
        }
        if reduce != nil {
            record("NotImplemented") { _, _ throws(TensorError) in
                throw .invalidArgument(op: "scatter", detail: "derivative for aten::scatter is not implemented")
            }
            return
        }
        let name = add ? "ScatterAddBackward0" : (src == nil ? "ScatterBackward1" : "ScatterBackward0")
        let (srcShape, srcNeedsGrad, indexShape) = (src?.shape, src?.requiresGrad ?? false, index.shape)
        record(name) { grad, saved throws(TensorError) in
            let selfGrad = add ? grad : try grad.scatter(dim: dim, index: saved[0], value: .int(0))
            guard let srcShape, srcNeedsGrad else { return [selfGrad, nil] }
            // NOTE: PyTorch's formula gives the gradient the index's shape, and its engine rejects it when `src` was
            // larger; we raise the same error rather than silently reshape.
            guard srcShape == indexShape else {
                throw .invalidArgument(op: "backward", detail: "Function \(name) returned an invalid gradient at index "
                    + "1 - got \(Shape.describe(indexShape)) but expected shape compatible with "
                    + "\(Shape.describe(srcShape))")
            }
            return [selfGrad, try grad.gather(dim: dim, index: saved[0])]
        }
    }
}
