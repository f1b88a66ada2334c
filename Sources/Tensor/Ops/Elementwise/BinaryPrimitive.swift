/// An elementwise operation of two tensors: its kernels for each dtype and its backward, declared together.
///
/// Checks run in PyTorch's order, so that a call with several problems reports the one PyTorch reports: operand
/// checks (`checkOperands`), broadcasting, the in-place output's shape and dtype, then the kernel's own checks
/// (`checkKernel`: a dtype it has no kernel for, an integer division by zero).
protocol BinaryPrimitive {
    /// The grad_fn name PyTorch gives the result, such as `MulBackward0`.
    static var backwardName: String { get }
    /// The grad_fn name for these operands, where PyTorch names overloads apart. `NotImplemented` records a node
    /// that fails when backward reaches it, as PyTorch does for ops it has no derivative for.
    static func backwardName(_ a: Tensor, _ b: Tensor) -> String
    /// The op's ATen name, for "derivative for aten::... is not implemented".
    static var atenName: String { get }
    /// The op's name in "not implemented for" messages.
    static var kernelName: String { get }
    /// Whether integer and bool operands are computed in the default float dtype (true division).
    static var promotesIntegersToFloat: Bool { get }
    /// The kernel for floating-point elements.
    static func float<T: TensorFloat>(_ a: T, _ b: T) -> T
    /// The kernel for integers; nil where PyTorch has none.
    static func integer(_ a: Int64, _ b: Int64) -> Int64?
    /// The kernel for two bools; nil where PyTorch has none.
    static func boolean(_ a: Bool, _ b: Bool) -> Bool?
    /// Refuses operands PyTorch refuses before looking at their shapes (bool subtraction).
    static func checkOperands(_ a: Tensor, _ b: Tensor) throws(TensorError)
    /// Refuses values the kernel refuses (integer division by zero).
    static func checkKernel(_ a: Tensor, _ b: Tensor, computeType: DType) throws(TensorError)
    /// Whether the backward needs `a` (respectively `b`), given which inputs require grad.
    static func saves(a aNeedsGrad: Bool, b bNeedsGrad: Bool) -> (a: Bool, b: Bool)
    /// The gradients of `a` and `b` (full broadcast shape; the driver reduces them to the inputs' shapes).
    static func backward(_ grad: Tensor, a: Tensor?, b: Tensor?) throws(TensorError) -> (Tensor?, Tensor?)
}

extension BinaryPrimitive {
    static func backwardName(_ a: Tensor, _ b: Tensor) -> String { backwardName }
    static var atenName: String { kernelName }
    static var promotesIntegersToFloat: Bool { false }
    static func integer(_ a: Int64, _ b: Int64) -> Int64? { nil }
    static func boolean(_ a: Bool, _ b: Bool) -> Bool? { nil }
    static func checkOperands(_ a: Tensor, _ b: Tensor) throws(TensorError) {}
    static func checkKernel(_ a: Tensor, _ b: Tensor, computeType: DType) throws(TensorError) {}
    static func saves(a aNeedsGrad: Bool, b bNeedsGrad: Bool) -> (a: Bool, b: Bool) { (false, false) }

    /// The dtype the result has: the operands' promoted dtype, or the default float for true division of integers.
    static func resultType(_ a: Tensor, _ b: Tensor) -> DType {
        let promoted = ResultType.of(a, b)
        return promotesIntegersToFloat && !promoted.isFloatingPoint ? .defaultFloat : promoted
    }

    /// Refuses a dtype the op has no kernel for, as PyTorch's dispatch does.
    static func checkSupported(_ dtype: DType) throws(TensorError) {
        switch dtype {
        case .bool where boolean(false, false) == nil: throw .notImplemented(op: kernelName, dtype: .bool)
        case .int64 where integer(1, 1) == nil: throw .notImplemented(op: kernelName, dtype: .int64)
        default: return
        }
    }

    /// Applies the op out of place, recording its backward.
    static func apply(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        try checkOperands(a, b)
        let shape = try Shape.broadcast(a.shape, b.shape)
        let computeType = resultType(a, b)
        try checkSupported(computeType)
        try checkKernel(a, b, computeType: computeType)
        let out = try Tensor(uninitializedShape: shape, dtype: computeType, stridesFrom: shape == a.shape ? a : b)
        run(try a.converted(to: computeType), try b.converted(to: computeType), into: out)
        record(out, a, b)
        return out
    }

    /// Applies the op in place on `a` (`add_`, `mul_`, ...), writing through views.
    static func applyInPlace(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        try a.checkInPlaceAutograd()
        try checkOperands(a, b)
        let computeType = resultType(a, b)
        try a.checkElementwiseInPlace(resultShape: try Shape.broadcast(a.shape, b.shape), resultDType: computeType)
        try checkSupported(computeType)
        try checkKernel(a, b, computeType: computeType)
        let recording = GradMode.isEnabled && (a.requiresGrad || b.requiresGrad)
        if !recording && computeType == a.dtype && !a.overlaps(b) {
            run(a, try b.converted(to: computeType), into: a)
            a.bumpVersion()
            return a
        }
        // The backward may need the values the write destroys: it then gets a copy, as in PyTorch.
        let savesSelf = recording && saves(a: a.requiresGrad, b: b.requiresGrad).a
        let result = try apply(savesSelf ? try a.inPlaceSnapshot() : a, b)
        a.adoptInPlaceResult(result)
        return a
    }

    private static func run(_ a: Tensor, _ b: Tensor, into out: Tensor) {
        switch out.dtype {
        case .float32:
            Elementwise.map(a, b, into: out) { (x: Float, y: Float) in float(x, y) }
        case .float64:
            Elementwise.map(a, b, into: out) { (x: Double, y: Double) in float(x, y) }
        case .int64:
            Elementwise.map(a, b, into: out) { (x: Int64, y: Int64) in integer(x, y) ?? 0 }
        case .bool:
            Elementwise.map(a, b, into: out) { (x: Bool, y: Bool) in boolean(x, y) ?? false }
        }
    }

    private static func record(_ out: Tensor, _ a: Tensor, _ b: Tensor) {
        // Checked before the inputs array and the backward closure are built: most calls record nothing.
        guard out.dtype.isFloatingPoint, GradMode.isEnabled, a.requiresGrad || b.requiresGrad else { return }
        let name = backwardName(a, b)
        if name == "NotImplemented" {
            let aten = atenName
            out.recordGradient(name, inputs: [a, b]) { _, _ throws(TensorError) in
                throw .invalidArgument(op: aten, detail: "derivative for aten::\(aten) is not implemented")
            }
            return
        }
        let saves = saves(a: a.requiresGrad, b: b.requiresGrad)
        let savedA = saves.a ? a : nil
        let savedB = saves.b ? b : nil
        let saving = [savedA, savedB].compactMap { $0 }
        let (shapeA, shapeB, typeA, typeB) = (a.shape, b.shape, a.dtype, b.dtype)
        out.recordGradient(name, inputs: [a, b], saving: saving) { grad, saved throws(TensorError) in
            var rest = saved[...]
            let a = savedA == nil ? nil : rest.popFirst()
            let b = savedB == nil ? nil : rest.popFirst()
            let (gradA, gradB) = try backward(grad, a: a, b: b)
            return [
                try gradA?.reduced(toShape: shapeA, dtype: typeA), try gradB?.reduced(toShape: shapeB, dtype: typeB),
            ]
        }
    }
}

extension Tensor {
    /// This tensor's values in `dtype`, without recording (the operand cast inside a kernel).
    func converted(to dtype: DType) throws(TensorError) -> Tensor {
        if dtype == self.dtype { return self }
        let out = try Tensor(uninitializedShape: shape, dtype: dtype, stridesFrom: self)
        Cast.copy(self, into: out)
        return out
    }

    /// Whether this tensor and `other` read any of the same memory through different layouts.
    func overlaps(_ other: Tensor) -> Bool {
        storage === other.storage && !(offset == other.offset && strides == other.strides && shape == other.shape)
    }

    /// A gradient summed over broadcast dimensions back to an input's shape, in the input's dtype.
    func reduced(toShape target: [Int], dtype targetDType: DType) throws(TensorError) -> Tensor {
        let summed = try sumToShape(target)
        return summed.dtype == targetDType || !targetDType.isFloatingPoint ? summed : try summed.to(targetDType)
    }
}
