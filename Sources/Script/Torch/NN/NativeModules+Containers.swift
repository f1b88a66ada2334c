import Tensor

extension NativeModules {
    /// `nn.Sequential`, `nn.ModuleList` and `nn.ModuleDict`. Their children may be script modules, so Sequential's
    /// forward calls each child as a script object (any value flows between them, as in PyTorch).
    static let containers: [NativeModuleClass] = [sequential, moduleList, moduleDict]

    private static let home = "torch.nn.modules.container"

    private static var sequential: NativeModuleClass {
        var spec = NativeModuleClass("Sequential", home: home, [Sequential.self], parameters: [],
                                     make: { _, _ in Sequential() }) { interpreter, _, module, arguments in
            let bridge = try ModuleClass.bridge(interpreter)
            var arguments = arguments
            for entry in module.moduleSlots.entries {
                let child = entry.value.map { bridge.value(for: $0) } ?? .none
                arguments = Arguments([try interpreter.call(child, arguments)])
            }
            guard let output = arguments.positional.first else {
                throw PythonError.typeError("forward() missing 1 required positional argument: 'input'")
            }
            return output
        }
        spec.makeFromArguments = { interpreter, arguments in
            guard arguments.keywords.isEmpty else {
                throw PythonError.typeError("Sequential.__init__() got an unexpected keyword argument "
                    + "'\(arguments.keywords[0].name)'")
            }
            if arguments.positional.count == 1, case .dict(let dict) = arguments.positional[0] {
                var named: [(String, Module)] = []
                for (key, value) in dict.items {
                    guard case .str(let name) = key else {
                        throw PythonError.typeError("module name should be a string. Got \(key.typeName)")
                    }
                    named.append((name, try requiredModule(value)))
                }
                return try Sequential(named: named)
            }
            return Sequential(try arguments.positional.map(requiredModule))
        }
        spec.methods["__getitem__"] = { interpreter, _, module, arguments in
            let sequence = try cast(module, Sequential.self)
            let key = try single(arguments, "__getitem__")
            if case .slice(let slice) = key { return wrap(try sequence.slice(try pythonSlice(slice)), interpreter) }
            return try wrap(sequence.module(at: try Convert.int(key, "index")), interpreter)
        }
        spec.methods["__setitem__"] = { _, _, module, arguments in
            guard arguments.positional.count == 2 else { throw PythonError.typeError("__setitem__ expected 2 arguments") }
            try cast(module, Sequential.self).setModule(try requiredModule(arguments.positional[1]),
                                                        at: try Convert.int(arguments.positional[0], "index"))
            return .none
        }
        spec.methods["__delitem__"] = { _, _, module, arguments in
            let sequence = try cast(module, Sequential.self)
            let key = try single(arguments, "__delitem__")
            if case .slice(let slice) = key { try sequence.remove(try pythonSlice(slice)) } else {
                try sequence.remove(at: try Convert.int(key, "index"))
            }
            return .none
        }
        spec.methods["__len__"] = { _, _, module, _ in .int(try cast(module, Sequential.self).count) }
        spec.methods["__iter__"] = { interpreter, _, module, _ in children(module, interpreter) }
        spec.methods["append"] = { _, instance, module, arguments in
            try cast(module, Sequential.self).append(try requiredModule(try single(arguments, "append")))
            return .instance(instance)
        }
        spec.methods["extend"] = { interpreter, instance, module, arguments in
            let items = try interpreter.collect(try single(arguments, "extend"))
            try cast(module, Sequential.self).extend(try items.map(requiredModule))
            return .instance(instance)
        }
        spec.methods["insert"] = { _, instance, module, arguments in
            let values = try ArgumentParser("insert", ["index", "module"], required: 2).parse(arguments)
            try cast(module, Sequential.self).insert(try Convert.int(values[0] ?? .none, "index"),
                                                     try requiredModule(values[1] ?? .none))
            return .instance(instance)
        }
        spec.methods["pop"] = { interpreter, _, module, arguments in
            try wrap(cast(module, Sequential.self).pop(at: try Convert.int(try single(arguments, "pop"), "index")),
                     interpreter)
        }
        return spec
    }

    private static var moduleList: NativeModuleClass {
        var spec = NativeModuleClass("ModuleList", home: home, [ModuleList.self], parameters: ["modules"]) {
            interpreter, values in
            guard let modules = values[0], !modules.isNone else { return ModuleList() }
            return ModuleList(try interpreter.collect(modules).map(requiredModule))
        } forward: { _, instance, _, _ in
            throw PythonError(Builtins.notImplementedError,
                              "Module [\(instance.cls.name)] is missing the required \"forward\" function")
        }
        spec.methods["__getitem__"] = { interpreter, _, module, arguments in
            let list = try cast(module, ModuleList.self)
            let key = try single(arguments, "__getitem__")
            if case .slice(let slice) = key { return wrap(try list.slice(try pythonSlice(slice)), interpreter) }
            return try wrap(list.module(at: try Convert.int(key, "index")), interpreter)
        }
        spec.methods["__setitem__"] = { _, _, module, arguments in
            guard arguments.positional.count == 2 else { throw PythonError.typeError("__setitem__ expected 2 arguments") }
            try cast(module, ModuleList.self).setModule(try optionalModule(arguments.positional[1]),
                                                        at: try Convert.int(arguments.positional[0], "index"))
            return .none
        }
        spec.methods["__delitem__"] = { _, _, module, arguments in
            let list = try cast(module, ModuleList.self)
            let key = try single(arguments, "__delitem__")
            if case .slice(let slice) = key { try list.remove(try pythonSlice(slice)) } else {
                try list.remove(at: try Convert.int(key, "index"))
            }
            return .none
        }
        spec.methods["__len__"] = { _, _, module, _ in .int(try cast(module, ModuleList.self).count) }
        spec.methods["__iter__"] = { interpreter, _, module, _ in children(module, interpreter) }
        spec.methods["append"] = { _, instance, module, arguments in
            try cast(module, ModuleList.self).append(try optionalModule(try single(arguments, "append")))
            return .instance(instance)
        }
        spec.methods["extend"] = { interpreter, instance, module, arguments in
            let items = try interpreter.collect(try single(arguments, "extend"))
            try cast(module, ModuleList.self).extend(try items.map(optionalModule))
            return .instance(instance)
        }
        spec.methods["insert"] = { _, _, module, arguments in
            let values = try ArgumentParser("insert", ["index", "module"], required: 2).parse(arguments)
            try cast(module, ModuleList.self).insert(try Convert.int(values[0] ?? .none, "index"),
                                                     try optionalModule(values[1] ?? .none))
            return .none
        }
        spec.methods["pop"] = { interpreter, _, module, arguments in
            try wrap(cast(module, ModuleList.self).pop(at: try Convert.int(try single(arguments, "pop"), "index")),
                     interpreter)
        }
        return spec
    }

    private static var moduleDict: NativeModuleClass {
        var spec = NativeModuleClass("ModuleDict", home: home, [ModuleDict.self], parameters: ["modules"]) {
            interpreter, values in
            guard let modules = values[0], !modules.isNone else { return try ModuleDict() }
            return try ModuleDict(try pairs(modules, interpreter))
        } forward: { _, instance, _, _ in
            throw PythonError(Builtins.notImplementedError,
                              "Module [\(instance.cls.name)] is missing the required \"forward\" function")
        }
        spec.methods["__getitem__"] = { interpreter, _, module, arguments in
            try wrap(cast(module, ModuleDict.self).module(forKey: try key(try single(arguments, "__getitem__"))),
                     interpreter)
        }
        spec.methods["__setitem__"] = { _, _, module, arguments in
            guard arguments.positional.count == 2 else { throw PythonError.typeError("__setitem__ expected 2 arguments") }
            try cast(module, ModuleDict.self).setModule(try optionalModule(arguments.positional[1]),
                                                        forKey: try key(arguments.positional[0]))
            return .none
        }
        spec.methods["__delitem__"] = { _, _, module, arguments in
            try cast(module, ModuleDict.self).removeModule(forKey: try key(try single(arguments, "__delitem__")))
            return .none
        }
        spec.methods["__len__"] = { _, _, module, _ in .int(try cast(module, ModuleDict.self).count) }
        spec.methods["__contains__"] = { _, _, module, arguments in
            guard case .str(let name) = try single(arguments, "__contains__") else { return .bool(false) }
            return .bool(try cast(module, ModuleDict.self).contains(name))
        }
        spec.methods["__iter__"] = { _, _, module, _ in
            ModuleTraversal.generator(try cast(module, ModuleDict.self).keys.map { .str($0) })
        }
        spec.methods["keys"] = { _, _, module, _ in
            .list(ListObject(try cast(module, ModuleDict.self).keys.map { .str($0) }))
        }
        spec.methods["values"] = { interpreter, _, module, _ in
            .list(ListObject(try cast(module, ModuleDict.self).values.map { wrap($0, interpreter) }))
        }
        spec.methods["items"] = { interpreter, _, module, _ in
            .list(ListObject(try cast(module, ModuleDict.self).items.map {
                .tuple([.str($0.key), wrap($0.module, interpreter)])
            }))
        }
        spec.methods["pop"] = { interpreter, _, module, arguments in
            try wrap(cast(module, ModuleDict.self).pop(try key(try single(arguments, "pop"))), interpreter)
        }
        spec.methods["clear"] = { _, _, module, _ in
            try cast(module, ModuleDict.self).clear()
            return .none
        }
        spec.methods["update"] = { interpreter, _, module, arguments in
            try cast(module, ModuleDict.self).update(try pairs(try single(arguments, "update"), interpreter))
            return .none
        }
        return spec
    }

    // MARK: Conversions

    /// The engine module a value stands for, or PyTorch's TypeError.
    static func requiredModule(_ value: Value) throws -> Module {
        guard let module = ModuleBridge.module(of: value) else {
            throw PythonError.typeError("\(value.typeName) is not a Module subclass")
        }
        return module
    }

    /// A module or `None`.
    static func optionalModule(_ value: Value) throws -> Module? {
        if value.isNone { return nil }
        return try requiredModule(value)
    }

    private static func wrap(_ module: Module?, _ interpreter: Interpreter) -> Value {
        guard let module, let bridge = try? ModuleClass.bridge(interpreter) else { return .none }
        return bridge.value(for: module)
    }

    private static func children(_ module: Module, _ interpreter: Interpreter) -> Value {
        ModuleTraversal.generator(module.moduleSlots.entries.map { wrap($0.value, interpreter) })
    }

    private static func cast<T: Module>(_ module: Module, _ type: T.Type) throws -> T {
        guard let typed = module as? T else {
            throw PythonError.typeError("descriptor requires a '\(T.self)' object but received '\(module.typeName)'")
        }
        return typed
    }

    private static func single(_ arguments: Arguments, _ name: String) throws -> Value {
        guard arguments.positional.count == 1, arguments.keywords.isEmpty else {
            throw PythonError.typeError("\(name)() takes exactly one argument (\(arguments.positional.count) given)")
        }
        return arguments.positional[0]
    }

    private static func key(_ value: Value) throws -> String {
        guard case .str(let key) = value else {
            throw PythonError.typeError("module name should be a string. Got \(value.typeName)")
        }
        return key
    }

    private static func pairs(_ value: Value, _ interpreter: Interpreter) throws -> [(String, Module?)] {
        if case .dict(let dict) = value {
            return try dict.items.map { (try key($0.key), try optionalModule($0.value)) }
        }
        return try interpreter.collect(value).map { item in
            guard case .tuple(let pair) = item, pair.count == 2 else {
                throw PythonError.typeError("ModuleDict update sequence element has the wrong length")
            }
            return (try key(pair[0]), try optionalModule(pair[1]))
        }
    }

    private static func pythonSlice(_ slice: SliceValue) throws -> PythonSlice {
        func bound(_ value: Value) throws -> Int? { value.isNone ? nil : try Convert.int(value, "slice indices") }
        return PythonSlice(start: try bound(slice.lower), stop: try bound(slice.upper), step: try bound(slice.step))
    }
}
