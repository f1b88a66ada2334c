import Tensor

/// `module.to(...)`, `.float()`, `.double()`: moving a module between devices (only the CPU exists here) and
/// converting its floating-point parameters and buffers to another dtype in place, as PyTorch's `_apply` does.
enum ModuleMoves {
    /// The dtype a `to(...)` call asks for, nil for a pure device move; CUDA and other devices are refused.
    static func target(of arguments: Arguments) throws -> DType? {
        var dtype: DType?
        func take(_ value: Value) throws {
            switch value {
            case .str(let device): try checkDevice(device)
            case .tensor(let tensor): dtype = tensor.dtype
            case .none: break
            default:
                if let device = value.deviceName {
                    try checkDevice(device)
                } else {
                    dtype = try Convert.dtype(value)
                }
            }
        }
        guard arguments.positional.count <= 3 else {
            throw PythonError.typeError("to() received an invalid combination of arguments")
        }
        for value in arguments.positional { try take(value) }
        for (name, value) in arguments.keywords {
            switch name {
            case "device", "dtype", "tensor": try take(value)
            case "non_blocking", "copy", "memory_format": break
            default: throw PythonError.typeError("to() got an unexpected keyword argument '\(name)'")
            }
        }
        return dtype
    }

    /// Converts every floating-point parameter, gradient and buffer of the tree to `dtype`, keeping the tensor objects.
    static func convert(_ module: Module, to dtype: DType?) throws {
        guard let dtype else { return }
        guard dtype.isFloatingPoint else {
            throw PythonError.typeError("nn.Module.to only accepts floating point or complex dtypes, but got desired "
                + "dtype=\(TensorRepr.dtype(dtype))")
        }
        try GradMode.with(enabled: false) {
            for tensor in module.parameters() + module.buffers() where tensor.dtype.isFloatingPoint {
                try tensor.setData_(try tensor.detach().to(dtype))
                if let grad = tensor.grad { try grad.setData_(try grad.detach().to(dtype)) }
            }
        }
    }

    private static func checkDevice(_ device: String) throws {
        let kind = device.split(separator: ":").first.map(String.init) ?? device
        switch kind {
        case "cpu": return
        case "cuda":
            throw PythonError(Builtins.exceptionType(named: "AssertionError"), "Torch not compiled with CUDA enabled")
        case "mps", "xpu", "meta":
            throw PythonError.runtimeError("Attend runs on the CPU only; device '\(device)' is not available")
        default:
            throw PythonError.runtimeError("Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, "
                + "ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of "
                + "device string: \(device)")
        }
    }
}
