extension Value {
    /// The Python type name errors mention.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .ellipsis: return "ellipsis"
        case .notImplemented: return "NotImplementedType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .tuple: return "tuple"
        case .list: return "list"
        case .dict(let dict): return dict.isOrderedDict ? "OrderedDict" : "dict"
        case .set: return "set"
        case .range: return "range"
        case .slice: return "slice"
        case .function: return "function"
        case .builtin: return "builtin_function_or_method"
        case .boundMethod: return "method"
        case .type: return "type"
        case .instance(let instance): return instance.cls.name
        case .module: return "module"
        case .iterator(let iterator): return iterator.typeName
        case .tensor: return "Tensor"
        case .foreign(let object): return object.typeName
        }
    }

    /// The type name as CPython's messages give it: `torch.Size` for a type defined in C, else `typeName`.
    public var qualifiedTypeName: String {
        if case .foreign(let object) = self { return object.qualifiedTypeName }
        return typeName
    }

    var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    var isTensor: Bool {
        if case .tensor = self { return true }
        return false
    }
}

extension Interpreter {
    /// `repr(value)`.
    public func repr(_ value: Value) throws -> String {
        var active: [ObjectIdentifier] = []
        return try repr(value, active: &active)
    }

    private func repr(_ value: Value, active: inout [ObjectIdentifier]) throws -> String {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.recursionLimit || StackRoom.isLow {
            throw PythonError(Builtins.recursionError,
                              "maximum recursion depth exceeded while getting the repr of an object")
        }
        switch value {
        case .none: return PythonRepr.none
        case .ellipsis: return PythonRepr.ellipsis
        case .notImplemented: return "NotImplemented"
        case .bool(let b): return PythonRepr.bool(b)
        case .int(let n): return PythonRepr.int(Int64(n))
        case .float(let x): return PythonRepr.float(x)
        case .str(let s): return PythonRepr.string(s)
        case .tuple(let items):
            return PythonRepr.tuple(try items.map { try repr($0, active: &active) })
        case .list(let list):
            let id = ObjectIdentifier(list)
            if active.contains(id) { return "[...]" }
            active.append(id)
            defer { active.removeLast() }
            return PythonRepr.list(try list.items.map { try repr($0, active: &active) })
        case .dict(let dict):
            let id = ObjectIdentifier(dict)
            if active.contains(id) { return "{...}" }
            active.append(id)
            defer { active.removeLast() }
            if dict.isOrderedDict {
                if dict.count == 0 { return "OrderedDict()" }
                let pairs = try dict.items.map {
                    PythonRepr.tuple([try repr($0.key, active: &active), try repr($0.value, active: &active)])
                }
                return "OrderedDict(" + PythonRepr.list(pairs) + ")"
            }
            return PythonRepr.dict(try dict.items.map {
                (key: try repr($0.key, active: &active), value: try repr($0.value, active: &active))
            })
        case .set(let set):
            if set.storage.count == 0 { return "set()" }
            return PythonRepr.set(try set.storage.items.map { try repr($0.key, active: &active) })
        case .range(let r): return PythonRepr.range(start: Int64(r.start), stop: Int64(r.stop), step: Int64(r.step))
        case .slice(let s):
            return PythonRepr.slice(start: try repr(s.lower, active: &active), stop: try repr(s.upper, active: &active),
                                    step: try repr(s.step, active: &active))
        case .function(let function): return "<function \(function.qualifiedName) at \(address(function))>"
        case .builtin(let builtin): return "<built-in function \(builtin.name)>"
        case .boundMethod(let method):
            let name = (try? findAttribute(method.function, "__qualname__")).flatMap { $0 }.map { (try? str($0)) ?? "?" } ?? "?"
            return "<bound method \(name) of \(try repr(method.receiver, active: &active))>"
        case .type(let cls):
            if let home = cls.home { return "<class '\(home).\(cls.name)'>" }
            return cls.isBuiltin ? "<class '\(cls.name)'>" : "<class '__main__.\(cls.name)'>"
        case .instance(let instance):
            if let method = instance.cls.lookup("__repr__") {
                let id = ObjectIdentifier(instance)
                if active.contains(id) { return "..." }
                active.append(id)
                defer { active.removeLast() }
                let result = try call(method, Arguments([value]))
                guard case .str(let text) = result else {
                    throw PythonError.typeError("__repr__ returned non-string (type \(result.typeName))")
                }
                return text
            }
            if instance.cls.isSubclass(of: Builtins.baseException) {
                let args = try instance.arguments.map { try repr($0, active: &active) }
                return "\(instance.cls.name)(\(args.joined(separator: ", ")))"
            }
            return "<__main__.\(instance.cls.name) object at \(address(instance))>"
        case .module(let module): return "<module '\(module.name)'>"
        case .iterator(let iterator): return "<\(iterator.typeName) object at \(address(iterator))>"
        case .tensor:
            guard let binding else { return "tensor(...)" }
            return try binding.repr(value, interpreter: self)
        case .foreign(let object): return try object.repr(interpreter: self)
        }
    }

    private func address(_ object: AnyObject) -> String {
        "0x" + String(UInt(bitPattern: ObjectIdentifier(object).hashValue), radix: 16)
    }

    /// `str(value)`.
    public func str(_ value: Value) throws -> String {
        switch value {
        case .str(let text): return text
        case .instance(let instance):
            if let method = instance.cls.lookup("__str__") {
                let result = try call(method, Arguments([value]))
                guard case .str(let text) = result else {
                    throw PythonError.typeError("__str__ returned non-string (type \(result.typeName))")
                }
                return text
            }
            if instance.cls.isSubclass(of: Builtins.baseException) && instance.cls.lookup("__repr__") == nil {
                switch instance.arguments.count {
                case 0: return ""
                case 1:
                    if instance.cls.isSubclass(of: Builtins.keyError) { return try repr(instance.arguments[0]) }
                    return try str(instance.arguments[0])
                default: return try repr(.tuple(instance.arguments))
                }
            }
            return try repr(value)
        case .foreign(let object):
            if let method = try object.attribute("__str__", interpreter: self) {
                let result = try call(method, Arguments())
                guard case .str(let text) = result else {
                    throw PythonError.typeError("__str__ returned non-string (type \(result.typeName))")
                }
                return text
            }
            return try repr(value)
        default:
            return try repr(value)
        }
    }

    /// The value as formatting code sees it.
    func formatValue(_ value: Value) throws -> FormatValue {
        switch value {
        case .int(let n): return .int(Int64(n))
        case .bool(let b): return .bool(b)
        case .float(let x): return .float(x)
        case .str(let s): return .string(s)
        case .none: return .none
        default:
            var index: Int64?
            if case .instance(let instance) = value, let method = instance.cls.lookup("__index__"),
               case .int(let n) = try call(method, Arguments([value])) {
                index = Int64(n)
            }
            return .object(FormatObject(typeName: value.typeName, str: try str(value), repr: try repr(value),
                                        index: index))
        }
    }

    /// `format(value, spec)`.
    func format(_ value: Value, spec: String) throws -> String {
        if case .instance(let instance) = value, let method = instance.cls.lookup("__format__") {
            let result = try call(method, Arguments([value, .str(spec)]))
            guard case .str(let text) = result else {
                throw PythonError.typeError("__format__ must return a str, not \(result.typeName)")
            }
            return text
        }
        if case .tensor = value, let method = try findAttribute(value, "__format__") {
            return try str(try call(method, Arguments([.str(spec)])))
        }
        do {
            return try PythonFormat.format(try formatValue(value), spec: spec)
        } catch let error as FormatError {
            throw pythonError(from: error)
        }
    }

    func pythonError(from error: FormatError) -> PythonError {
        let cls: ClassObject
        switch error.kind {
        case .valueError: cls = Builtins.valueError
        case .typeError: cls = Builtins.typeError
        case .overflowError: cls = Builtins.overflowError
        case .keyError: cls = Builtins.keyError
        case .memoryError: cls = Builtins.memoryError
        }
        return error.message.isEmpty ? PythonError(cls) : PythonError(cls, error.message)
    }
}
