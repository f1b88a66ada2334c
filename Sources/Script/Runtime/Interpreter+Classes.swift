extension Interpreter {
    func defineClass(_ def: ClassDef, in frame: Frame) throws {
        var decorators: [Value] = []
        for decorator in def.decorators { decorators.append(try evaluate(decorator, in: frame)) }
        var bases: [ClassObject] = []
        for baseValue in try evaluateItems(def.bases, in: frame) {
            guard case .type(let base) = baseValue else {
                throw PythonError.typeError("bases must be types")
            }
            bases.append(base)
        }
        if bases.isEmpty { bases = [Builtins.object] }
        let body = Environment(parent: frame.environment.closureScope, info: nil, isClassBody: true)
        body.variables["__module__"] = .str("__main__")
        body.variables["__qualname__"] = .str(def.name)
        let bodyFrame = Frame(environment: body, name: def.name, source: frame.source)
        do {
            _ = try execute(def.body, in: bodyFrame)
        } catch var error as PythonError {
            bodyFrame.record(&error)
            throw error
        }
        let cls = try ClassObject(name: def.name, bases: bases, attributes: body.variables.dictionary)
        for value in body.variables.values {
            switch value {
            case .function(let function): function.definingClass = cls
            case .instance(let wrapper):
                if case .function(let function)? = wrapper.attributes["__func__"] ?? wrapper.attributes["fget"] {
                    function.definingClass = cls
                }
            default: break
            }
        }
        var result = Value.type(cls)
        for (decorator, expr) in zip(decorators, def.decorators).reversed() {
            result = try withRange(expr.range) { try call(decorator, Arguments([result])) }
        }
        try store(result, name: def.name, in: frame)
    }

    /// Calls a class: builds the instance and runs `__init__`.
    func instantiate(_ cls: ClassObject, _ arguments: Arguments) throws -> Value {
        if let builtinBase = cls.mro.first(where: { $0.constructor != nil }), let constructor = builtinBase.constructor,
           !cls.isSubclass(of: Builtins.baseException) {
            if builtinBase === cls { return try constructor(self, arguments) }
            if builtinBase !== Builtins.object {
                throw PythonError.typeError("subclassing built-in type '\(builtinBase.name)' is not supported")
            }
        }
        let instance = Instance(cls: cls)
        let isException = cls.isSubclass(of: Builtins.baseException)
        if isException { instance.arguments = arguments.positional }
        if let initializer = cls.lookup("__init__") {
            var bound = arguments
            bound.positional.insert(.instance(instance), at: 0)
            let result = try call(initializer, bound)
            guard case .none = result else {
                throw PythonError.typeError("__init__() should return None, not '\(result.typeName)'")
            }
        } else if !isException && (!arguments.positional.isEmpty || !arguments.keywords.isEmpty) {
            throw PythonError.typeError("\(cls.name)() takes no arguments")
        } else if isException && !arguments.keywords.isEmpty {
            throw PythonError.typeError("\(cls.name)() takes no keyword arguments")
        }
        return .instance(instance)
    }

    /// `object.name`.
    public func getAttribute(_ object: Value, _ name: String) throws -> Value {
        if let value = try findAttribute(object, name) { return value }
        switch object {
        case .module(let module):
            throw PythonError.attributeError(Sandbox.explained(
                "module '\(module.name)' has no attribute '\(name)'",
                Sandbox.reason(forAttribute: name, ofModule: module.name)))
        case .type(let cls):
            throw PythonError.attributeError("type object '\(cls.name)' has no attribute '\(name)'")
        case .instance(let instance):
            let error = PythonError.attributeError("'\(object.typeName)' object has no attribute '\(name)'")
            var names = Set(instance.attributes.keys).union(Suggestions.objectDunders)
            for cls in instance.cls.mro where !cls.isBuiltin { names.formUnion(cls.attributes.keys) }
            error.exception.attributes["name"] = .str(name)
            error.exception.suggestionCandidates = names.sorted()
            throw error
        default:
            throw PythonError.attributeError("'\(object.typeName)' object has no attribute '\(name)'")
        }
    }

    /// `object.name`, or nil when missing.
    func findAttribute(_ object: Value, _ name: String) throws -> Value? {
        switch object {
        case .instance(let instance):
            if instance.cls === Builtins.property, name == "setter" || name == "getter" {
                return .builtin(BuiltinFunction(name) { _, arguments in
                    let copy = Instance(cls: Builtins.property)
                    copy.attributes = instance.attributes
                    copy.attributes[name == "setter" ? "fset" : "fget"] = arguments.positional.first ?? Value.none
                    return .instance(copy)
                })
            }
            if let value = instance.attributes[name] { return value }
            if instance.cls.isSubclass(of: Builtins.baseException) {
                switch name {
                case "args": return .tuple(instance.arguments)
                case "__cause__": return instance.cause
                case "__context__": return instance.context
                default: break
                }
            }
            if name == "__class__" { return .type(instance.cls) }
            if name == "__dict__" {
                let dict = DictObject()
                for (key, value) in instance.attributes.sorted(by: { $0.key < $1.key }) {
                    dict.set(.str(key), .str(key), value)
                }
                return .dict(dict)
            }
            if let value = instance.cls.lookup(name) {
                if case .instance(let wrapper) = value, wrapper.cls === Builtins.property {
                    return try call(wrapper.attributes["fget"] ?? .none, Arguments([object]))
                }
                return bindIfMethod(value, to: object)
            }
            if let getter = instance.cls.lookup("__getattr__") {
                return try call(getter, Arguments([object, .str(name)]))
            }
            return nil
        case .type(let cls):
            if let value = cls.lookup(name) {
                if case .instance(let wrapper) = value, wrapper.cls === Builtins.classMethod,
                   let function = wrapper.attributes["__func__"] {
                    return .boundMethod(BoundMethod(receiver: object, function: function))
                }
                if case .instance(let wrapper) = value, wrapper.cls === Builtins.staticMethod {
                    return wrapper.attributes["__func__"]
                }
                return value
            }
            switch name {
            case "__name__", "__qualname__": return .str(cls.name)
            case "__mro__": return .tuple(cls.mro.map { .type($0) })
            case "__bases__": return .tuple(cls.bases.map { .type($0) })
            default: return cls.isBuiltin ? BuiltinMethods.unboundMethod(cls, name, interpreter: self) : nil
            }
        case .module(let module):
            if name == "__name__" { return .str(module.name) }
            return module.attributes[name]
        case .function(let function):
            switch name {
            case "__name__": return .str(function.name)
            case "__qualname__": return .str(function.qualifiedName)
            default: return function.attributes[name]
            }
        case .builtin(let builtin):
            return name == "__name__" ? .str(builtin.name) : nil
        case .tensor:
            return try binding?.attribute(of: object, name, interpreter: self)
        case .foreign(let foreign):
            return try foreign.attribute(name, interpreter: self)
        case .slice(let slice) where ["start", "stop", "step"].contains(name):
            return name == "start" ? slice.lower : name == "stop" ? slice.upper : slice.step
        default:
            if name == "__class__" { return .type(typeOf(object)) }
            return try BuiltinMethods.method(of: object, name, interpreter: self)
        }
    }

    func bindIfMethod(_ value: Value, to object: Value) -> Value {
        switch value {
        case .function:
            return .boundMethod(BoundMethod(receiver: object, function: value))
        case .builtin(let builtin) where builtin.isMethod:
            return .boundMethod(BoundMethod(receiver: object, function: value))
        case .instance(let wrapper) where wrapper.cls === Builtins.staticMethod:
            return wrapper.attributes["__func__"] ?? value
        case .instance(let wrapper) where wrapper.cls === Builtins.classMethod:
            guard case .instance(let instance) = object, let function = wrapper.attributes["__func__"] else {
                return value
            }
            return .boundMethod(BoundMethod(receiver: .type(instance.cls), function: function))
        default:
            return value
        }
    }

    /// `object.name = value`.
    public func setAttribute(_ object: Value, _ name: String, _ value: Value) throws {
        switch object {
        case .instance(let instance):
            if case .instance(let wrapper)? = instance.cls.lookup(name), wrapper.cls === Builtins.property {
                guard let setter = wrapper.attributes["fset"], !setter.isNone else {
                    throw PythonError.attributeError("can't set attribute '\(name)'")
                }
                _ = try call(setter, Arguments([object, value]))
                return
            }
            if let setter = instance.cls.lookup("__setattr__") {
                _ = try call(setter, Arguments([object, .str(name), value]))
                return
            }
            instance.attributes[name] = value
        case .type(let cls) where !cls.isBuiltin:
            cls.attributes[name] = value
        case .function(let function):
            function.attributes[name] = value
        case .module(let module):
            module.attributes[name] = value
        case .tensor, .foreign:
            // Bindings accept the attributes they allow (`t.requires_grad = True`) through `__setattr__`.
            guard let setter = try findAttribute(object, "__setattr__") else {
                throw PythonError.attributeError("'\(object.typeName)' object has no attribute '\(name)'")
            }
            _ = try call(setter, Arguments([.str(name), value]))
        default:
            if case .type(let cls) = object {
                throw PythonError.typeError(
                    "cannot set '\(name)' attribute of immutable type '\(cls.name)'")
            }
            throw PythonError.attributeError("'\(object.typeName)' object has no attribute '\(name)'")
        }
    }

    /// The class of any value.
    func typeOf(_ value: Value) -> ClassObject {
        switch value {
        case .instance(let instance): return instance.cls
        case .type: return Builtins.type
        case .tensor, .foreign:
            return binding?.typeObject(of: value) ?? Builtins.builtinType(of: value)
        default: return Builtins.builtinType(of: value)
        }
    }
}
