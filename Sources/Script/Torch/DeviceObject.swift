import Tensor

/// `torch.device`: only the CPU exists, but notebooks name devices everywhere (`device = 'cuda' if
/// torch.cuda.is_available() else 'cpu'`), so devices parse, print and compare as in PyTorch.
final class DeviceObject: ForeignObject {
    /// The device type (`cpu`).
    let type: String
    /// The device index, if given.
    let index: Int?

    init(type: String, index: Int? = nil) {
        self.type = type
        self.index = index
    }

    /// `torch.device(spec)` / `torch.device(type, index)`, refusing unknown device types with PyTorch's message.
    static func parse(_ arguments: Arguments) throws -> DeviceObject {
        let values = try ArgumentParser("device", ["type", "index"], required: 1).parse(arguments)
        switch values[0] ?? .none {
        case .foreign(let device as DeviceObject): return device
        case .str(let spec):
            let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
            var index = try Convert.optionalInt(values[1], "device(): argument 'index'")
            if parts.count == 2 {
                guard let given = Int(parts[1]), given >= 0 else {
                    throw PythonError.runtimeError("Invalid device string: '\(spec)'")
                }
                index = given
            }
            let type = parts.first ?? spec
            guard knownTypes.contains(type) else {
                throw PythonError.runtimeError("Expected one of \(knownTypes.joined(separator: ", ")) device type at "
                    + "start of device string: \(spec)")
            }
            return DeviceObject(type: type, index: index)
        case let other:
            throw PythonError.typeError("device() received an invalid combination of arguments - got "
                + "(\(other.typeName)), but expected one of: (torch.device device), (str type, int index = -1)")
        }
    }

    /// The device types PyTorch's parser knows, in the order its message lists them.
    static let knownTypes = ["cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga",
                             "maia", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone"]

    var typeName: String { "device" }
    var qualifiedTypeName: String { "torch.device" }

    /// `cpu` or `cuda:0`, as `str(device)` prints it.
    var text: String { index.map { "\(type):\($0)" } ?? type }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "type": return .str(type)
        case "index": return index.map { .int($0) } ?? .none
        case "__eq__":
            return .builtin(BuiltinFunction("__eq__") { [self] _, arguments in
                guard case .foreign(let other as DeviceObject)? = arguments.positional.first else { return .bool(false) }
                return .bool(other.type == type && other.index == index)
            })
        case "__str__": return .builtin(BuiltinFunction("__str__") { [self] _, _ in .str(text) })
        default: return nil
        }
    }

    func repr(interpreter: Interpreter) throws -> String {
        "device(type='\(type)'" + (index.map { ", index=\($0)" } ?? "") + ")"
    }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }

    /// `torch.cuda` and `torch.backends.mps`: nothing but the CPU is available.
    static func acceleratorModules() -> (cuda: ModuleObject, backends: ModuleObject) {
        let no = Value.builtin(BuiltinFunction("is_available") { _, _ in .bool(false) })
        let cuda = ModuleObject(name: "torch.cuda", attributes: [
            "is_available": no,
            "device_count": .builtin(BuiltinFunction("device_count") { _, _ in .int(0) }),
            "manual_seed": .builtin(BuiltinFunction("manual_seed") { _, _ in .none }),
            "manual_seed_all": .builtin(BuiltinFunction("manual_seed_all") { _, _ in .none }),
            "synchronize": .builtin(BuiltinFunction("synchronize") { _, _ in
                throw PythonError(Builtins.exceptionType(named: "AssertionError"), "Torch not compiled with CUDA enabled")
            }),
        ])
        let mps = ModuleObject(name: "torch.backends.mps", attributes: ["is_available": no, "is_built": no])
        let backends = ModuleObject(name: "torch.backends", attributes: ["mps": .module(mps)])
        return (cuda, backends)
    }
}

extension Value {
    /// The device a `torch.device` value names (`cpu`, `cuda:0`), or nil for any other value.
    var deviceName: String? {
        guard case .foreign(let device as DeviceObject) = self else { return nil }
        return device.text
    }
}
