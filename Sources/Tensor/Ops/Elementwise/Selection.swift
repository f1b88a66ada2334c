import Foundation

extension Tensor {
    /// Elements of `a` where `condition` holds and of `b` elsewhere, all three broadcast (`torch.where`).
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        guard condition.dtype == .bool else {
            throw .invalidArgument(op: "where", detail: "where expected condition to be a boolean tensor, but got a "
                + "tensor with dtype \(condition.dtype.scalarTypeName)")
        }
        let computeType = ResultType.of(a, b)
        let shape = try Shape.broadcast([condition.shape, a.shape, b.shape])
        let out = try Tensor(uninitializedShape: shape, dtype: computeType)
        let (x, y) = (try a.converted(to: computeType), try b.converted(to: computeType))
        switch computeType {
        case .float32: Elementwise.map(condition, x, y, into: out) { (c: Bool, p: Float, q: Float) in c ? p : q }
        case .float64: Elementwise.map(condition, x, y, into: out) { (c: Bool, p: Double, q: Double) in c ? p : q }
        case .int64: Elementwise.map(condition, x, y, into: out) { (c: Bool, p: Int64, q: Int64) in c ? p : q }
        case .bool: Elementwise.map(condition, x, y, into: out) { (c: Bool, p: Bool, q: Bool) in c ? p : q }
        }
        if computeType.isFloatingPoint {
            let (shapeA, shapeB, typeA, typeB) = (a.shape, b.shape, a.dtype, b.dtype)
            out.recordGradient("WhereBackward0", inputs: [a, b], saving: [condition]) {
                grad, saved throws(TensorError) in
                let zero = Tensor.wrapping(.int(0))
                return [
                    try Tensor.where(saved[0], grad, zero).reduced(toShape: shapeA, dtype: typeA),
                    try Tensor.where(saved[0], zero, grad).reduced(toShape: shapeB, dtype: typeB),
                ]
            }
        }
        return out
    }

    /// A copy with `value` wherever `mask` is true (`Tensor.masked_fill`).
    public func maskedFill(_ mask: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        if dtype == .int64 { _ = try value.checkedInt64() }
        return try maskedFill(mask, Tensor(value, dtype: dtype), backwardName: "MaskedFillBackward0")
    }

    /// A copy with the zero-dimensional `value` wherever `mask` is true.
    public func maskedFill(_ mask: Tensor, _ value: Tensor) throws(TensorError) -> Tensor {
        try maskedFill(mask, value, backwardName: "MaskedFillBackward1")
    }

    /// The shared body: the result has the broadcast shape of `mask` and `self`, as in PyTorch.
    private func maskedFill(_ mask: Tensor, _ value: Tensor, backwardName: String) throws(TensorError) -> Tensor {
        try checkMask(mask, value: value)
        let out = try Tensor(uninitializedShape: try Shape.broadcast(mask.shape, shape), dtype: dtype)
        try fillMasked(source: self, mask: mask, value: value, into: out)
        guard dtype.isFloatingPoint else { return out }
        let (selfShape, valueShape, valueType) = (shape, value.shape, value.dtype)
        out.recordGradient(backwardName, inputs: [self, value], saving: [mask]) { grad, saved throws(TensorError) in
            let zero = Tensor.wrapping(.int(0))
            return [
                try grad.maskedFill(saved[0], .int(0)).sumToShape(selfShape),
                try Tensor.where(saved[0], grad, zero).sum().reshape(valueShape).converted(to: valueType),
            ]
        }
        return out
    }

    /// Writes `value` wherever `mask` is true, in place (`Tensor.masked_fill_`).
    @discardableResult
    public func maskedFill_(_ mask: Tensor, _ value: Scalar) throws(TensorError) -> Tensor {
        if dtype == .int64 { _ = try value.checkedInt64() }
        let fill = Tensor(value, dtype: dtype)
        try checkMask(mask, value: fill)
        try checkInPlace(resultShape: try Shape.broadcast(shape, mask.shape))
        try fillMasked(source: self, mask: mask, value: fill, into: self)
        bumpVersion()
        recordInPlace("MaskedFillBackward0", inputs: [], saving: [mask]) { grad, saved throws(TensorError) in
            [try grad.maskedFill(saved[0], .int(0))]
        }
        return self
    }

    private func checkMask(_ mask: Tensor, value: Tensor) throws(TensorError) {
        guard mask.dtype == .bool else {
            throw .invalidArgument(op: "masked_fill", detail: "masked_fill_ only supports boolean masks, but got mask "
                + "with dtype \(mask.dtype.cppName)")
        }
        guard value.rank == 0 else {
            throw .invalidArgument(op: "masked_fill", detail: "masked_fill_ only supports a 0-dimensional value "
                + "tensor, but got tensor with \(value.rank) dimension(s).")
        }
    }

    private func fillMasked(source: Tensor, mask: Tensor, value: Tensor, into out: Tensor) throws(TensorError) {
        let fill = try value.converted(to: out.dtype)
        switch out.dtype {
        case .float32:
            let v = fill.pointer(as: Float.self).pointee
            Elementwise.map(source, mask, into: out) { (x: Float, m: Bool) in m ? v : x }
        case .float64:
            let v = fill.pointer(as: Double.self).pointee
            Elementwise.map(source, mask, into: out) { (x: Double, m: Bool) in m ? v : x }
        case .int64:
            let v = fill.pointer(as: Int64.self).pointee
            Elementwise.map(source, mask, into: out) { (x: Int64, m: Bool) in m ? v : x }
        case .bool:
            let v = fill.pointer(as: Bool.self).pointee
            Elementwise.map(source, mask, into: out) { (x: Bool, m: Bool) in m ? v : x }
        }
    }

    /// Limits every element to `[min, max]`; NaN stays NaN, and `min > max` gives `max` everywhere (`torch.clamp`).
    public func clamp(min: Scalar? = nil, max: Scalar? = nil) throws(TensorError) -> Tensor {
        try clamp(min: min, max: max, backwardName: "ClampBackward1")
    }

    private func clamp(min: Scalar?, max: Scalar?, backwardName name: String) throws(TensorError) -> Tensor {
        guard min != nil || max != nil else {
            throw .invalidArgument(op: "clamp", detail: "torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        var result = ResultType()
        result.add(self)
        if let min { result.add(Tensor.wrapping(min)) }
        if let max { result.add(Tensor.wrapping(max)) }
        let computeType = result.dtype
        let input = try converted(to: computeType)
        let out = try Tensor(uninitializedShape: shape, dtype: computeType)
        switch computeType {
        case .float32: Tensor.clampKernel(input, out, min.map { Float(scalar: $0) }, max.map { Float(scalar: $0) })
        case .float64: Tensor.clampKernel(input, out, min.map { Double(scalar: $0) }, max.map { Double(scalar: $0) })
        case .int64:
            let (low, high) = (min.map { Int64(scalar: $0) } ?? .min, max.map { Int64(scalar: $0) } ?? .max)
            Elementwise.map(input, into: out) { (x: Int64) in Swift.min(Swift.max(x, low), high) }
        case .bool:
            throw .notImplemented(op: "clamp_scalar_cpu", dtype: .bool)
        }
        out.recordGradient(name, inputs: [self], saving: [self]) { grad, saved throws(TensorError) in
            // The gradient passes where min <= x <= max, so not at NaN.
            var inside = try Tensor.ones(like: saved[0], dtype: .bool)
            if let min { inside = try inside.logicalAnd(saved[0].ge(Tensor.wrapping(min))) }
            if let max { inside = try inside.logicalAnd(saved[0].le(Tensor.wrapping(max))) }
            return [try grad.maskedFill(inside.logicalNot(), .int(0))]
        }
        return out
    }

    // NOTE: `x < low ? low : x` rather than Swift.max keeps -0.0 at a bound of 0, as PyTorch does.
    private static func clampKernel<T: TensorFloat>(_ input: Tensor, _ out: Tensor, _ min: T?, _ max: T?) {
        let (low, high) = (min ?? -T.infinity, max ?? T.infinity)
        Elementwise.map(input, into: out) { (x: T) -> T in
            if x.isNaN { return x }
            let raised = x < low ? low : x
            return high < raised ? high : raised
        }
    }

    /// Limits every element to at least `min` (`Tensor.clamp_min`).
    public func clampMin(_ min: Scalar) throws(TensorError) -> Tensor {
        try clamp(min: min, max: nil, backwardName: "ClampMinBackward0")
    }

    /// Limits every element to at most `max` (`Tensor.clamp_max`).
    public func clampMax(_ max: Scalar) throws(TensorError) -> Tensor {
        try clamp(min: nil, max: max, backwardName: "ClampMaxBackward0")
    }

    /// In-place `clamp`.
    @discardableResult
    public func clamp_(min: Scalar? = nil, max: Scalar? = nil) throws(TensorError) -> Tensor {
        try checkInPlaceAutograd()
        var resultType = ResultType()
        resultType.add(self)
        if let min { resultType.add(Tensor.wrapping(min)) }
        if let max { resultType.add(Tensor.wrapping(max)) }
        if !DType.canCast(from: resultType.dtype, to: dtype) {
            throw .invalidArgument(op: "clamp_", detail: "result type \(resultType.dtype.scalarTypeName) can't be "
                + "cast to the desired output type \(dtype.cppName)")
        }
        try checkNoInternalOverlap()
        let recording = GradMode.isEnabled && requiresGrad
        adoptInPlaceResult(try (recording ? try inPlaceSnapshot() : self).clamp(min: min, max: max))
        return self
    }
}
