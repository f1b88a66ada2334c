extension Optimizer {
    /// The gradient a step reads for `param`: nil when it has none, otherwise in the parameter's dtype.
    func gradient(of param: Tensor) throws(OptimizerError) -> Tensor? {
        guard let grad = param.grad else { return nil }
        // PyTorch refuses to assign a gradient of another shape; one that slipped in is refused here.
        guard grad.shape == param.shape else { throw .tensor(.nonLeafGradAssignment) }
        do {
            return try grad.to(param.dtype)
        } catch {
            throw .tensor(error)
        }
    }

    /// A new state tensor of `param`'s shape and dtype, all zeros (`torch.zeros_like`).
    static func zerosState(like param: Tensor) throws(OptimizerError) -> Tensor {
        do {
            return try Tensor.zeros(param.shape, dtype: param.dtype)
        } catch {
            throw .tensor(error)
        }
    }

    /// The state of `param`, made by `make` the first time the parameter is stepped (PyTorch's lazy state init).
    func lazyState(
        for param: Tensor, _ make: () throws(TensorError) -> ParameterState
    ) throws(OptimizerError) -> ParameterState {
        if let existing = state(for: param), !existing.isEmpty { return existing }
        do {
            let fresh = try make()
            setState(fresh, for: param)
            return fresh
        } catch {
            throw .tensor(error)
        }
    }

    /// Runs `body` on contiguous stand-ins for `tensors` (each tensor itself when already contiguous, else a copy),
    /// then copies the first `written` stand-ins back into their tensors and marks those tensors as written in place.
    ///
    /// Every optimizer update is elementwise, so running it over contiguous buffers gives the same values as
    /// PyTorch's strided kernels.
    static func updating(
        _ tensors: [Tensor], written: Int, _ body: ([Tensor]) throws(TensorError) -> Void
    ) throws(OptimizerError) {
        do {
            let standIns = try tensors.map { tensor throws(TensorError) in
                tensor.isContiguous ? tensor : try tensor.contiguousCopy()
            }
            try body(standIns)
            for (tensor, standIn) in zip(tensors, standIns).prefix(written) {
                if tensor !== standIn { Cast.copy(standIn, into: tensor) }
                tensor.bumpVersion()
            }
        } catch {
            throw .tensor(error)
        }
    }

    /// The state tensor `key` of `state`, checked to match `param`'s shape and dtype (a loaded state could disagree).
    static func stateTensor(
        _ state: ParameterState, _ key: String, like param: Tensor, source: String
    ) throws(OptimizerError) -> Tensor {
        let tensor = try state.required(key, source: source)
        guard tensor.shape == param.shape else {
            throw .tensor(.inPlaceShapeMismatch(output: tensor.shape, broadcast: param.shape))
        }
        guard tensor.dtype == param.dtype else {
            throw .tensor(.dtypeMismatch(op: source, expected: param.dtype, found: tensor.dtype))
        }
        return tensor
    }
}
