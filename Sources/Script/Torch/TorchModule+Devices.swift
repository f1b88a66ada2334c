import Tensor

extension TorchModule {
    /// Checks an optional `device=` argument of a factory: only the CPU exists, so anything else is PyTorch's error
    /// for that device (CUDA absent, unknown names).
    static func checkDevice(_ value: Value?) throws {
        guard let value, !value.isNone else { return }
        let device = value.deviceName.map { Value.str($0) } ?? value
        let parsed = try DeviceObject.parse(Arguments([device]))
        switch parsed.type {
        case "cpu": return
        case "cuda":
            throw PythonError(Interpreter.exceptionClass(named: "AssertionError"), "Torch not compiled with CUDA enabled")
        default:
            throw PythonError.runtimeError("Attend runs on the CPU only; device '\(parsed.text)' is not available")
        }
    }
}
