import Tensor

/// What front ends ask about a namespace: names to complete, a function's signature and docstring, and resetting.
extension Interpreter {
    /// Asks whatever program runs to stop with KeyboardInterrupt, as `interrupt()` does; a static function, so a
    /// C signal handler (which cannot capture an interpreter) may call it. It only sets an atomic flag.
    public static func requestInterrupt() {
        Interruption.request()
    }

    /// Whether Ctrl-C was pressed since the last run or check, clearing the request: a prompt reading a long block
    /// asks this between lines, as Python's prompt drops what was typed on Ctrl-C.
    public static func takeInterruptRequest() -> Bool {
        guard Interruption.isRequested else { return false }
        Interruption.clear()
        return true
    }

    /// The built-in names (`print`, `len`, `ValueError` ...), sorted.
    public var builtinNames: [String] { builtins.keys.sorted() }

    /// The names `import` accepts, sorted.
    public var moduleNames: [String] { modules.keys.sorted() }

    /// The names `from name import ...` accepts (loading the module, as `import` would), sorted; none when there is
    /// no such module.
    public func moduleAttributeNames(_ name: String) -> [String] {
        guard let module = try? importModule(name) else { return [] }
        return module.attributes.keys.sorted()
    }

    /// Removes `name` from the module namespace; false when it was unbound.
    @discardableResult
    public func removeGlobal(_ name: String) -> Bool {
        globals.variables.removeValue(forKey: name) != nil
    }

    /// The names `value.name` may resolve, sorted: a module's attributes, an instance's own attributes and its
    /// class's, a class's, and a tensor's properties and methods as the binding reports them.
    public func attributeNames(of value: Value) -> [String] {
        var names = Set<String>()
        switch value {
        case .module(let module):
            names.formUnion(module.attributes.keys)
        case .instance(let instance):
            names.formUnion(instance.attributes.keys)
            for cls in instance.cls.mro { names.formUnion(cls.attributes.keys) }
        case .type(let cls):
            for base in cls.mro { names.formUnion(base.attributes.keys) }
        case .tensor, .foreign:
            names.formUnion(binding?.attributeNames(of: value, interpreter: self) ?? [])
        case .str:
            names.formUnion(["capitalize", "count", "endswith", "find", "format", "index", "isdigit", "join",
                             "lower", "lstrip", "replace", "rstrip", "split", "startswith", "strip", "upper"])
        case .list:
            names.formUnion(["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove",
                             "reverse", "sort"])
        case .dict:
            names.formUnion(["clear", "copy", "get", "items", "keys", "pop", "setdefault", "update", "values"])
        default:
            break
        }
        return names.sorted()
    }

    /// A function's signature as `inspect.signature` prints it after the name (`(a, b=2, *args, **kwargs)`), or
    /// nil for values that are not Python-defined functions or methods.
    public func signature(of value: Value) -> String? {
        let function: FunctionObject
        switch value {
        case .function(let f): function = f
        case .boundMethod(let method):
            guard case .function(let f) = method.function else { return nil }
            let full = signature(of: .function(f)) ?? "()"
            // The receiver is bound: drop the first parameter, as `inspect.signature` of a bound method does.
            guard let open = full.firstIndex(of: "("), let comma = full.firstIndex(of: ",") else { return "()" }
            return String(full[..<full.index(after: open)]) + full[full.index(after: comma)...].drop { $0 == " " }
        default: return nil
        }
        var parts: [String] = []
        let parameters = function.parameters
        let positional = parameters.positionalOnly + parameters.regular
        let firstDefault = positional.count - function.defaults.count
        for (index, parameter) in positional.enumerated() {
            var text = parameter.name
            if index >= firstDefault, index - firstDefault < function.defaults.count {
                text += "=" + ((try? repr(function.defaults[index - firstDefault])) ?? "...")
            }
            parts.append(text)
            if index == parameters.positionalOnly.count - 1 { parts.append("/") }
        }
        if let star = parameters.varPositional {
            parts.append("*" + star.name)
        } else if !parameters.keywordOnly.isEmpty {
            parts.append("*")
        }
        for parameter in parameters.keywordOnly {
            var text = parameter.name
            if let value = function.keywordDefaults[parameter.name] { text += "=" + ((try? repr(value)) ?? "...") }
            parts.append(text)
        }
        if let starStar = parameters.varKeyword { parts.append("**" + starStar.name) }
        return "(" + parts.joined(separator: ", ") + ")"
    }

    /// The docstring of a Python-defined function, method or class (its body's first statement when that is a
    /// string literal), or nil.
    public func docstring(of value: Value) -> String? {
        switch value {
        case .function(let function):
            guard case .statements(let statements) = function.body, let first = statements.first,
                  case .expression(let expression) = first.kind,
                  case .constant(.string(let text)) = expression.kind else { return nil }
            return text
        case .boundMethod(let method):
            return docstring(of: method.function)
        case .type(let cls):
            if case .str(let text)? = cls.attributes["__doc__"] { return text }
            return nil
        default:
            return nil
        }
    }
}
