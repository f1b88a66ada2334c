import Tensor

/// The two-way link between the engine's modules and the script objects that stand for them.
///
/// Every `nn.Module` a script sees is an `Instance` of a class deriving from `nn.Module`, whose `native` is the engine
/// module that holds its parameters, buffers and children. Engine modules a script never built itself (a
/// `TransformerEncoder`'s cloned layers, `MultiheadAttention.out_proj`) get an instance on first sight, of the class
/// registered for their engine type, and keep it while the script holds it, so `m.fc is m.fc`.
final class ModuleBridge {
    /// The classes of native layers, by engine type.
    private var classes: [ObjectIdentifier: ClassObject] = [:]
    /// The classes of native layers, by name: an engine module printed under another name than its type's class
    /// (MultiheadAttention's `NonDynamicallyQuantizableLinear`) is wrapped in the class of that name.
    private var classesByName: [String: ClassObject] = [:]
    /// Instances made for engine modules, held weakly: an instance keeps its module alive, never the reverse.
    private var instances: [ObjectIdentifier: WeakInstance] = [:]
    /// Instances of script classes deriving from native layers, held strongly (see `adopt`).
    private var subclassInstances: [ObjectIdentifier: Instance] = [:]
    /// `nn.Module`, the base of every module class.
    let moduleClass: ClassObject

    init(moduleClass: ClassObject) {
        self.moduleClass = moduleClass
    }

    /// Registers the class whose instances wrap engine modules of `type`.
    func register(_ cls: ClassObject, for type: Module.Type) {
        classes[ObjectIdentifier(type)] = cls
    }

    /// Registers a native class under its name, for engine modules printed under that name.
    func register(named cls: ClassObject) {
        classesByName[cls.name] = cls
    }

    /// The script object for an engine module.
    func value(for module: Module) -> Value {
        if let scripted = module as? ScriptModule, let instance = scripted.instance { return .instance(instance) }
        let key = ObjectIdentifier(module)
        if let instance = instances[key]?.instance, instance.native === module { return .instance(instance) }
        let typeClass = classes[ObjectIdentifier(type(of: module))]
        let named = classesByName[module.typeName].flatMap { cls in typeClass.map { cls.isSubclass(of: $0) } == true
            ? cls : nil }
        let instance = Instance(cls: named ?? typeClass ?? moduleClass)
        instance.native = module
        if instances.count > 256 { instances = instances.filter { $0.value.instance != nil } }
        instances[key] = WeakInstance(instance)
        return .instance(instance)
    }

    /// Records that `instance` wraps `module`, so the engine's references to it come back as the same object.
    ///
    /// An instance of a script class deriving from a native layer (`class Scaled(nn.Linear)`) prints under its own
    /// class name and is kept for the interpreter's lifetime: a container holding only the engine module must still
    /// find the script's `forward`. NOTE: like `ScriptModule`'s cycle, this keeps such a model alive once built.
    func adopt(_ module: Module, by instance: Instance) {
        instance.native = module
        guard !(module is ScriptModule) else { return }
        instances[ObjectIdentifier(module)] = WeakInstance(instance)
        if classesByName[instance.cls.name] !== instance.cls {
            module.printedTypeName = instance.cls.name
            subclassInstances[ObjectIdentifier(module)] = instance
        }
    }

    /// The engine module behind a value, or nil when it is not a module (or `__init__` has not run yet).
    static func module(of value: Value) -> Module? {
        guard case .instance(let instance) = value else { return nil }
        return instance.native as? Module
    }

    /// The engine module behind `self` in a method of `nn.Module`, or PyTorch's error when `__init__` never ran.
    static func receiver(_ value: Value, _ method: String) throws -> (Instance, Module) {
        guard case .instance(let instance) = value else {
            throw PythonError.typeError(
                "descriptor '\(method)' for 'Module' objects doesn't apply to a '\(value.typeName)' object")
        }
        guard let module = instance.native as? Module else {
            // What PyTorch reports when `super().__init__()` was forgotten: the registries don't exist yet.
            throw PythonError.attributeError("'\(instance.cls.name)' object has no attribute '_parameters'")
        }
        return (instance, module)
    }
}

private struct WeakInstance {
    weak var instance: Instance?
    init(_ instance: Instance) { self.instance = instance }
}

/// The engine side of a module class defined in a script: its printed name, and `forward` and `extra_repr` run by the
/// interpreter, so engine containers (`nn.Sequential`) and the module tree treat it like any layer.
final class ScriptModule: Module {
    /// The script class's name, printed in the module tree.
    let className: String
    /// The script object. NOTE: the instance holds this module as its `native` and this module holds the instance,
    /// a cycle that keeps a script-defined model alive for the interpreter's lifetime once built. A parent module
    /// must reach its script children's state through the engine tree, so one side has to be strong.
    private(set) var instance: Instance?
    private unowned let interpreter: Interpreter

    init(instance: Instance, interpreter: Interpreter) {
        self.className = instance.cls.name
        self.instance = instance
        self.interpreter = interpreter
        super.init()
    }

    override var typeName: String { className }

    override var extraDescription: String {
        guard let instance, let method = instance.cls.lookup("extra_repr"),
              case .function = method,
              case .str(let text)? = try? interpreter.call(method, Arguments([.instance(instance)])) else { return "" }
        return text
    }

    override func forward(_ input: Tensor) throws -> Tensor {
        guard let instance else { throw ModuleError.missingForward(module: className) }
        let result = try interpreter.call(.instance(instance), Arguments([.tensor(input)]))
        guard case .tensor(let output) = result else {
            throw PythonError.typeError("\(className).forward returned '\(result.typeName)' where a Tensor was needed")
        }
        return output
    }
}
