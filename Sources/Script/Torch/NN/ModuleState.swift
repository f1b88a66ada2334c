import Tensor

/// The methods of `nn.Module` that change or report its state: mode, gradients, registration, state dicts and
/// device/dtype moves.
enum ModuleState {
    static func define(into attributes: inout [String: Value]) {
        ModuleClass.method("train", ["mode"], into: &attributes) { _, instance, module, values in
            guard let mode = values[0] else {
                module.train(true)
                return .instance(instance)
            }
            guard case .bool(let flag) = mode else { throw PythonError.valueError("training mode is expected to be boolean") }
            module.train(flag)
            return .instance(instance)
        }
        ModuleClass.method("eval", [], into: &attributes) { _, instance, module, _ in
            module.eval()
            return .instance(instance)
        }
        ModuleClass.method("zero_grad", ["set_to_none"], into: &attributes) { _, _, module, values in
            try module.zeroGrad(setToNone: try Convert.bool(values[0], "set_to_none", default: true))
            return .none
        }
        ModuleClass.method("requires_grad_", ["requires_grad"], into: &attributes) { _, instance, module, values in
            try module.requiresGrad_(try Convert.bool(values[0], "requires_grad", default: true))
            return .instance(instance)
        }
        ModuleClass.method("state_dict", ["destination", "prefix", "keep_vars"], into: &attributes) {
            _, _, module, values in
            let entries = module.stateDict(prefix: try ModuleTraversal.string(values[1], "prefix"),
                                           keepVars: try Convert.bool(values[2], "keep_vars", default: false))
            let dict: DictObject
            if let destination = values[0], !destination.isNone {
                guard case .dict(let given) = destination else {
                    throw PythonError.typeError("destination must be a dict, not \(destination.typeName)")
                }
                dict = given
            } else {
                dict = DictObject()
                dict.isOrderedDict = true
            }
            for (name, tensor) in entries { dict.set(.str(name), .str(name), .tensor(tensor)) }
            return .dict(dict)
        }
        ModuleClass.method("load_state_dict", ["state_dict", "strict", "assign"], required: 1, into: &attributes) {
            _, _, module, values in
            guard case .dict(let dict) = values[0] ?? .none else {
                throw PythonError.typeError("Expected state_dict to be dict-like, got <class '\((values[0] ?? .none).typeName)'>.")
            }
            var entries: [(name: String, tensor: Tensor)] = []
            for (key, value) in dict.items {
                guard case .str(let name) = key else { continue }
                guard case .tensor(let tensor) = value else {
                    throw PythonError.runtimeError("Error(s) in loading state_dict for \(module.typeName):\n\t"
                        + "While copying the parameter named \"\(name)\", expected torch.Tensor or Tensor-like object "
                        + "from checkpoint but received <class '\(value.typeName)'>")
                }
                entries.append((name, tensor))
            }
            let loaded = try module.loadStateDict(entries, strict: try Convert.bool(values[1], "strict", default: true))
            return .foreign(LoadedKeysObject(loaded))
        }
        ModuleClass.method("register_buffer", ["name", "tensor", "persistent"], required: 2, into: &attributes) {
            _, instance, module, values in
            let name = try memberName(values[0], "buffer")
            let tensor: Tensor?
            switch values[1] ?? .none {
            case .tensor(let given): tensor = given
            case .none: tensor = nil
            case let other:
                throw PythonError.typeError(
                    "cannot assign '\(other.typeName)' object to buffer '\(name)' (torch Tensor or None required)")
            }
            if instance.attributes[name] != nil { throw ModuleError.attributeExists(name: name) }
            try module.registerBuffer(name, tensor, persistent: try Convert.bool(values[2], "persistent", default: true))
            return .none
        }
        ModuleClass.method("register_parameter", ["name", "param"], required: 2, into: &attributes) {
            _, instance, module, values in
            let name = try memberName(values[0], "parameter")
            let parameter: Tensor?
            switch values[1] ?? .none {
            case .tensor(let given): parameter = given
            case .none: parameter = nil
            case let other:
                throw PythonError.typeError("cannot assign '\(other.typeName)' object to parameter '\(name)' "
                    + "(torch.nn.Parameter or None required)")
            }
            if instance.attributes[name] != nil { throw ModuleError.attributeExists(name: name) }
            try module.registerParameter(name, parameter)
            return .none
        }
        for method in ["add_module", "register_module"] {
            ModuleClass.method(method, ["name", "module"], required: 2, into: &attributes) {
                _, instance, module, values in
                let child = values[1] ?? .none
                let submodule = ModuleBridge.module(of: child)
                if submodule == nil && !child.isNone {
                    throw PythonError.typeError("\(child.typeName) is not a Module subclass")
                }
                let name = try memberName(values[0], "module")
                if instance.attributes[name] != nil { throw ModuleError.attributeExists(name: name) }
                try module.registerModule(name, submodule)
                return .none
            }
        }
        ModuleClass.method("cuda", ["device"], into: &attributes) { _, _, _, _ in
            throw PythonError(Builtins.exceptionType(named: "AssertionError"), "Torch not compiled with CUDA enabled")
        }
        ModuleClass.method("cpu", [], into: &attributes) { _, instance, _, _ in .instance(instance) }
        attributes["to"] = .builtin(BuiltinFunction("to", isMethod: true) { _, arguments in
            var arguments = arguments
            guard !arguments.positional.isEmpty else {
                throw PythonError.typeError("Module.to() missing 1 required positional argument: 'self'")
            }
            let receiver = arguments.positional.removeFirst()
            let (instance, module) = try ModuleBridge.receiver(receiver, "to")
            let target = try ModuleMoves.target(of: arguments)
            try ModuleMoves.convert(module, to: target)
            return .instance(instance)
        })
        for (method, dtype) in [("float", DType.float32), ("double", DType.float64)] {
            ModuleClass.method(method, [], into: &attributes) { _, instance, module, _ in
                try ModuleMoves.convert(module, to: dtype)
                return .instance(instance)
            }
        }
        ModuleClass.method("half", [], into: &attributes) { _, _, _, _ in
            throw PythonError.typeError("Attend's engine has no float16 dtype; modules can be float32 or float64")
        }
    }

    /// A registration name, with PyTorch's TypeError for a non-string.
    private static func memberName(_ value: Value?, _ kind: String) throws -> String {
        guard case .str(let name) = value ?? .none else {
            throw PythonError.typeError("\(kind) name should be a string. Got \((value ?? .none).typeName)")
        }
        return name
    }
}

/// What `load_state_dict` returns: prints `<All keys matched successfully>` or the keys that did not match, and has
/// `missing_keys` / `unexpected_keys`.
final class LoadedKeysObject: ForeignObject {
    let keys: LoadedKeys

    init(_ keys: LoadedKeys) { self.keys = keys }

    var typeName: String { "_IncompatibleKeys" }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "missing_keys": return .list(ListObject(keys.missing.map { .str($0) }))
        case "unexpected_keys": return .list(ListObject(keys.unexpected.map { .str($0) }))
        default: return nil
        }
    }

    func repr(interpreter: Interpreter) throws -> String { keys.description }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
}
