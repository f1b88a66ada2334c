// NOTE: PyTorch's max and min propagate NaN (the result of a group holding a NaN is NaN) and its arg-reductions
// treat NaN as beating every number, keeping the first NaN. Ties keep the first position.
extension Tensor {
    /// Writes the largest (or smallest) element of each reduced group into `out`, of the input's dtype.
    static func extremumKernel(_ input: Tensor, plan: ReductionPlan, isMax: Bool, into out: Tensor) {
        switch input.dtype {
        case .float32: floatExtremum(Float.self, input, plan: plan, isMax: isMax, into: out)
        case .float64: floatExtremum(Double.self, input, plan: plan, isMax: isMax, into: out)
        case .int64:
            if isMax {
                plan.run(input, into: out, initial: Int64.min,
                         combine: { (acc: inout Int64, x: Int64, _) in if x > acc { acc = x } }, finish: { $0 })
            } else {
                plan.run(input, into: out, initial: Int64.max,
                         combine: { (acc: inout Int64, x: Int64, _) in if x < acc { acc = x } }, finish: { $0 })
            }
        case .bool:
            if isMax {
                plan.run(input, into: out, initial: false,
                         combine: { (acc: inout Bool, x: Bool, _) in acc = acc || x }, finish: { $0 })
            } else {
                plan.run(input, into: out, initial: true,
                         combine: { (acc: inout Bool, x: Bool, _) in acc = acc && x }, finish: { $0 })
            }
        }
    }

    private static func floatExtremum<T: TensorFloat>(
        _: T.Type, _ input: Tensor, plan: ReductionPlan, isMax: Bool, into out: Tensor
    ) {
        if isMax {
            plan.run(input, into: out, initial: -T.infinity,
                     combine: { (acc: inout T, x: T, _) in if x.isNaN || x > acc { acc = x } }, finish: { $0 })
        } else {
            plan.run(input, into: out, initial: T.infinity,
                     combine: { (acc: inout T, x: T, _) in if x.isNaN || x < acc { acc = x } }, finish: { $0 })
        }
    }

    /// Writes the position (in row-major order of the reduced dimensions) of the largest (or smallest) element of
    /// each reduced group into the int64 tensor `out`.
    static func positionKernel(_ input: Tensor, plan: ReductionPlan, isMax: Bool, into out: Tensor) {
        switch input.dtype {
        case .float32: floatPosition(Float.self, input, plan: plan, isMax: isMax, into: out)
        case .float64: floatPosition(Double.self, input, plan: plan, isMax: isMax, into: out)
        case .int64:
            if isMax {
                plan.run(input, into: out, initial: (Int64.min, 0),
                         combine: { (acc: inout (Int64, Int), x: Int64, k) in if x > acc.0 { acc = (x, k) } },
                         finish: { Int64($0.1) })
            } else {
                plan.run(input, into: out, initial: (Int64.max, 0),
                         combine: { (acc: inout (Int64, Int), x: Int64, k) in if x < acc.0 { acc = (x, k) } },
                         finish: { Int64($0.1) })
            }
        case .bool:
            if isMax {
                plan.run(input, into: out, initial: (false, 0),
                         combine: { (acc: inout (Bool, Int), x: Bool, k) in if x && !acc.0 { acc = (x, k) } },
                         finish: { Int64($0.1) })
            } else {
                plan.run(input, into: out, initial: (true, 0),
                         combine: { (acc: inout (Bool, Int), x: Bool, k) in if !x && acc.0 { acc = (x, k) } },
                         finish: { Int64($0.1) })
            }
        }
    }

    private static func floatPosition<T: TensorFloat>(
        _: T.Type, _ input: Tensor, plan: ReductionPlan, isMax: Bool, into out: Tensor
    ) {
        if isMax {
            plan.run(input, into: out, initial: (-T.infinity, 0),
                     combine: { (acc: inout (T, Int), x: T, k) in
                         if x > acc.0 || (x.isNaN && !acc.0.isNaN) { acc = (x, k) }
                     },
                     finish: { Int64($0.1) })
        } else {
            plan.run(input, into: out, initial: (T.infinity, 0),
                     combine: { (acc: inout (T, Int), x: T, k) in
                         if x < acc.0 || (x.isNaN && !acc.0.isNaN) { acc = (x, k) }
                     },
                     finish: { Int64($0.1) })
        }
    }

    /// The elements at `positions` along `dim`: `positions` has this tensor's shape with `dim` of size 1
    /// (`keptShape`), and the result has that shape too. Records nothing.
    func gathering(_ positions: Tensor, along dim: Int, keptShape: [Int]) throws(TensorError) -> Tensor {
        let source = try contiguousData()
        let index = try positions.contiguousData()
        let out = try Tensor(uninitializedShape: keptShape, dtype: dtype)
        let layout = AxisLayout(shape: shape, dim: dim)
        switch dtype {
        case .float32: Tensor.gather(Float.self, source, index, layout, into: out)
        case .float64: Tensor.gather(Double.self, source, index, layout, into: out)
        case .int64: Tensor.gather(Int64.self, source, index, layout, into: out)
        case .bool: Tensor.gather(Bool.self, source, index, layout, into: out)
        }
        return out
    }

    private static func gather<T: TensorElement>(
        _: T.Type, _ source: Tensor, _ index: Tensor, _ layout: AxisLayout, into out: Tensor
    ) {
        let (src, positions, dst) = (source.pointer(as: T.self), index.pointer(as: Int64.self), out.pointer(as: T.self))
        for o in 0..<layout.outer {
            for i in 0..<layout.inner {
                let slot = o * layout.inner + i
                dst[slot] = src[layout.offset(outer: o, inner: i, at: Int(positions[slot]))]
            }
        }
    }

    /// A bool tensor of `shape` that is true exactly at `positions` along `dim` (`positions` has `shape` with `dim`
    /// of size 1): where a value-selecting reduction sends its gradient.
    static func oneHot(positions: Tensor, shape: [Int], dim: Int) throws(TensorError) -> Tensor {
        let index = try positions.contiguousData()
        let out = try Tensor(zerosShape: shape, dtype: .bool)
        let layout = AxisLayout(shape: shape, dim: dim)
        let (chosen, dst) = (index.pointer(as: Int64.self), out.pointer(as: Bool.self))
        for o in 0..<layout.outer {
            for i in 0..<layout.inner {
                dst[layout.offset(outer: o, inner: i, at: Int(chosen[o * layout.inner + i]))] = true
            }
        }
        return out
    }
}
