import Tensor

extension TorchModule {
    /// The device a `device=` argument or `torch.device(...)` names: always the CPU, as the text `"cpu"`, or
    /// PyTorch's errors for CUDA (absent) and unknown names.
    // NOTE: a device is the string "cpu" rather than an object printing `device(type='cpu')`, because the runtime
    // gives foreign objects no separate str(), and `print(device)` / f-strings must show `cpu`.
    static func device(_ value: Value) throws -> Value {
        guard case .str(let text) = value else {
            throw PythonError.typeError("device() received an invalid combination of arguments - got "
                + "(\(value.typeName))")
        }
        let kind = text.split(separator: ":", maxSplits: 1).first.map(String.init) ?? text
        switch kind {
        case "cpu": return .str("cpu")
        case "cuda":
            throw PythonError(Interpreter.exceptionClass(named: "AssertionError"), "Torch not compiled with CUDA enabled")
        default:
            throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"), "Expected one of cpu, cuda, ipu, xpu, "
                + "mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, "
                + "privateuseone device type at start of device string: \(text)")
        }
    }

    /// Checks an optional `device=` argument of a factory.
    static func checkDevice(_ value: Value?) throws {
        guard let value, !value.isNone else { return }
        _ = try device(value)
    }

    /// `torch.device` and `torch.cuda`, which reports no GPU.
    static func defineDevices(_ table: inout FunctionTable) {
        table.define("device", ["type", "index"]) { arguments in try device(arguments["type"] ?? .none) }
        var cuda = FunctionTable()
        cuda.define("is_available") { _ in .bool(false) }
        cuda.define("device_count") { _ in .int(0) }
        cuda.define("manual_seed") { _ in .none }
        cuda.define("manual_seed_all") { _ in .none }
        table.set("cuda", .module(ModuleObject(name: "torch.cuda", attributes: cuda.attributes)))
    }
}
