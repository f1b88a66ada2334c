/// An elementwise operation of one tensor: its kernels for each dtype and its backward, declared together.
protocol UnaryPrimitive {
    /// The grad_fn name PyTorch gives the result, such as `ExpBackward0`.
    var backwardName: String { get }
    /// The op's name in "not implemented for" messages.
    var kernelName: String { get }
    /// Whether integer and bool inputs are computed in the default float dtype (as `exp`, `sin` do) rather than
    /// kept (as `neg`, `abs` do).
    var promotesIntegers: Bool { get }
    /// The kernel for floating-point elements.
    func float<T: TensorFloat>(_ x: T) -> T
    /// The kernel for integers; nil where PyTorch has none.
    func integer(_ x: Int64) -> Int64?
    /// The kernel for bools, for ops that keep their dtype; nil where PyTorch has none.
    func boolean(_ x: Bool) -> Bool?
    /// Refuses inputs PyTorch refuses.
    func check(_ input: Tensor) throws(TensorError)
    /// Whether the backward reads the input, and whether it reads the output.
    var saves: (input: Bool, output: Bool) { get }
    /// The gradient of the input.
    func backward(_ grad: Tensor, input: Tensor?, output: Tensor?) throws(TensorError) -> Tensor
}

extension UnaryPrimitive {
    var promotesIntegers: Bool { true }
    func integer(_ x: Int64) -> Int64? { nil }
    func boolean(_ x: Bool) -> Bool? { nil }
    func check(_ input: Tensor) throws(TensorError) {}

    /// The dtype the kernel runs in for this input.
    func computeType(_ input: Tensor) throws(TensorError) -> DType {
        switch input.dtype {
        case .float32, .float64: return input.dtype
        case _ where promotesIntegers: return .defaultFloat
        case .int64 where integer(0) != nil: return .int64
        case .bool where boolean(false) != nil: return .bool
        default: throw .notImplemented(op: kernelName, dtype: input.dtype)
        }
    }

    /// Applies the op out of place, recording its backward.
    func apply(_ input: Tensor) throws(TensorError) -> Tensor {
        try check(input)
        let computeType = try computeType(input)
        let out = try Tensor(uninitializedShape: input.shape, dtype: computeType, stridesFrom: input)
        let source = try input.converted(to: computeType)
        run(source, into: out)
        if computeType.isFloatingPoint && GradMode.isEnabled && input.requiresGrad {
            let (savesInput, savesOutput) = saves
            let saving = [savesInput ? input : nil, savesOutput ? out : nil]
            let op = self
            // The closure knows only which were saved: capturing the tensors would keep `out` alive through its node.
            out.recordGradient(backwardName, inputs: [input], saving: saving.compactMap { $0 }) {
                grad, saved throws(TensorError) in
                var rest = saved[...]
                let savedInput = savesInput ? rest.popFirst() : nil
                let savedOutput = savesOutput ? rest.popFirst() : nil
                return [try op.backward(grad, input: savedInput, output: savedOutput)]
            }
        }
        return out
    }

    /// Applies the op in place, writing through views.
    func applyInPlace(_ input: Tensor) throws(TensorError) -> Tensor {
        try check(input)
        let computeType = try computeType(input)
        try input.checkElementwiseInPlace(resultShape: input.shape, resultDType: computeType)
        if !(GradMode.isEnabled && input.requiresGrad) {
            run(input, into: input)
            input.bumpVersion()
            return input
        }
        // The backward may need the values the write destroys: it then gets a copy, as in PyTorch.
        let result = try apply(saves.input ? try input.inPlaceSnapshot() : input)
        input.adoptInPlaceResult(result)
        return input
    }

    private func run(_ source: Tensor, into out: Tensor) {
        switch out.dtype {
        case .float32: Elementwise.map(source, into: out) { (x: Float) in float(x) }
        case .float64: Elementwise.map(source, into: out) { (x: Double) in float(x) }
        case .int64: Elementwise.map(source, into: out) { (x: Int64) in integer(x) ?? 0 }
        case .bool: Elementwise.map(source, into: out) { (x: Bool) in boolean(x) ?? x }
        }
    }
}
