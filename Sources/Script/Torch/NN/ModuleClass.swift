import Tensor

/// `nn.Module` as a script class: the base that script models subclass and native layers derive from. Its methods
/// work on the engine module in the instance's `native`, which `__init__` creates.
enum ModuleClass {
    /// A fresh `nn.Module` class.
    static func make() throws -> ClassObject {
        var attributes: [String: Value] = [:]
        func unchecked(_ name: String, _ body: @escaping (Interpreter, Value, Arguments) throws -> Value) {
            attributes[name] = .builtin(BuiltinFunction(name, isMethod: true) { interpreter, arguments in
                var arguments = arguments
                guard !arguments.positional.isEmpty else {
                    throw PythonError.typeError("Module.\(name)() missing 1 required positional argument: 'self'")
                }
                let receiver = arguments.positional.removeFirst()
                return try converting { try body(interpreter, receiver, arguments) }
            })
        }
        unchecked("__init__") { interpreter, receiver, _ in
            guard case .instance(let instance) = receiver else { return .none }
            if instance.native == nil {
                try bridge(interpreter).adopt(ScriptModule(instance: instance, interpreter: interpreter), by: instance)
            }
            return .none
        }
        unchecked("__setattr__") { interpreter, receiver, arguments in
            let values = try ArgumentParser("__setattr__", ["name", "value"], required: 2).parse(arguments)
            guard case .instance(let instance) = receiver, case .str(let name)? = values[0] else {
                throw PythonError.typeError("attribute name must be string")
            }
            try ModuleAttributes.set(instance, name, values[1] ?? .none, interpreter: interpreter)
            return .none
        }
        unchecked("__getattr__") { interpreter, receiver, arguments in
            let values = try ArgumentParser("__getattr__", ["name"], required: 1).parse(arguments)
            guard case .instance(let instance) = receiver, case .str(let name)? = values[0] else {
                throw PythonError.typeError("attribute name must be string")
            }
            return try ModuleAttributes.get(instance, name, interpreter: interpreter)
        }
        unchecked("__delattr__") { _, receiver, arguments in
            let values = try ArgumentParser("__delattr__", ["name"], required: 1).parse(arguments)
            guard case .instance(let instance) = receiver, case .str(let name)? = values[0] else {
                throw PythonError.typeError("attribute name must be string")
            }
            try ModuleAttributes.delete(instance, name)
            return .none
        }
        unchecked("__call__") { interpreter, receiver, arguments in
            try interpreter.call(try interpreter.getAttribute(receiver, "forward"), arguments)
        }
        unchecked("forward") { _, receiver, _ in
            // PyTorch's placeholder takes any arguments (`*input`) and then refuses to run.
            throw PythonError(Builtins.notImplementedError,
                              "Module [\(receiver.typeName)] is missing the required \"forward\" function")
        }
        method("extra_repr", [], into: &attributes) { _, _, _, _ in .str("") }
        unchecked("__repr__") { _, receiver, _ in
            guard case .instance(let instance) = receiver, let module = instance.native as? Module else {
                throw PythonError.attributeError("'\(receiver.typeName)' object has no attribute '_modules'")
            }
            return .str(module.description)
        }
        method("_get_name", [], into: &attributes) { _, instance, _, _ in .str(instance.cls.name) }
        ModuleTraversal.define(into: &attributes)
        ModuleState.define(into: &attributes)
        return try ClassObject(name: "Module", bases: [Builtins.object], attributes: attributes)
    }

    /// The module bridge of the installed torch binding.
    static func bridge(_ interpreter: Interpreter) throws -> ModuleBridge {
        guard let binding = interpreter.binding as? TorchBinding else {
            throw PythonError.runtimeError("torch is not installed in this interpreter")
        }
        return binding.modules
    }

    /// Adds a method of `nn.Module` to `attributes`: `body` receives the instance, its engine module and the
    /// arguments after `self`, parsed against `parameters`.
    static func method(
        _ name: String, _ parameters: [String], required: Int = 0, into attributes: inout [String: Value],
        _ body: @escaping (Interpreter, Instance, Module, [Value?]) throws -> Value
    ) {
        attributes[name] = .builtin(BuiltinFunction(name, isMethod: true) { interpreter, arguments in
            var arguments = arguments
            guard !arguments.positional.isEmpty else {
                throw PythonError.typeError("Module.\(name)() missing 1 required positional argument: 'self'")
            }
            let receiver = arguments.positional.removeFirst()
            let values = try ArgumentParser(name, parameters, required: required).parse(arguments)
            let (instance, module) = try ModuleBridge.receiver(receiver, name)
            return try converting { try body(interpreter, instance, module, values) }
        })
    }

    /// Runs a method's body, raising the engine's key errors as Python's `KeyError`, whose argument is the bare text
    /// (the engine's message is already its repr).
    static func converting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ModuleError {
            guard let key = error.keyErrorArgument else { throw error }
            throw PythonError.keyError(.str(key))
        }
    }
}
