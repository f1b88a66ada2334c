extension Interpreter {
    /// The value of a name: local, enclosing function, global, then built-in.
    func load(_ name: String, in frame: Frame) throws -> Value {
        let environment = frame.environment
        // Only a scope's own bindings live in its `variables`, so a hit there is the answer (one hash).
        if let value = environment.variables[name] { return value }
        if let info = environment.info {
            if info.locals.contains(name) {
                if let value = environment.variables[name] { return value }
                throw PythonError(Builtins.unboundLocalError,
                                  "cannot access local variable '\(name)' where it is not associated with a value")
            }
            if !info.globals.contains(name) {
                var scope = environment.parent
                while let current = scope {
                    if let value = current.variables[name] { return value }
                    scope = current.parent
                }
            }
        } else if environment !== globals {
            // A class body: its own namespace, then enclosing functions.
            if let value = environment.variables[name] { return value }
            var scope = environment.parent
            while let current = scope {
                if let value = current.variables[name] { return value }
                scope = current.parent
            }
        }
        if let value = globals.variables[name] ?? builtins[name] { return value }
        let error = nameError(name)
        var candidates = environment === globals ? [] : environment.variables.keys.sorted()
        candidates += globals.variables.keys.sorted() + builtins.keys.sorted()
        error.exception.suggestionCandidates = candidates
        throw error
    }

    func nameError(_ name: String) -> PythonError {
        let error = PythonError.nameError(Sandbox.explained("name '\(name)' is not defined",
                                                             Sandbox.reason(forBuiltin: name)))
        error.exception.attributes["name"] = .str(name)
        return error
    }

    /// Binds a name in the scope its function declares it in.
    func store(_ value: Value, name: String, in frame: Frame) throws {
        try scope(for: name, in: frame).variables[name] = value
    }

    func deleteName(_ name: String, in frame: Frame) throws {
        let scope = try scope(for: name, in: frame)
        if scope.variables.removeValue(forKey: name) == nil {
            if scope.info != nil {
                throw PythonError(Builtins.unboundLocalError,
                                  "cannot access local variable '\(name)' where it is not associated with a value")
            }
            throw nameError(name)
        }
    }

    private func scope(for name: String, in frame: Frame) throws -> Environment {
        var environment = frame.environment
        // `:=` inside a comprehension binds in the scope around it.
        while let info = environment.info, info.isComprehension, !info.locals.contains(name),
              let parent = environment.parent {
            environment = parent
        }
        if environment.info?.isComprehension == true && !(environment.info?.locals.contains(name) ?? false) {
            environment = globals
        }
        guard let info = environment.info else { return environment }
        if info.globals.contains(name) { return globals }
        if info.nonlocals.contains(name) {
            var scope = environment.parent
            while let current = scope {
                if current.info?.locals.contains(name) == true { return current }
                scope = current.parent
            }
            throw PythonError(Builtins.syntaxError, "no binding for nonlocal '\(name)' found")
        }
        return environment
    }

    /// Assigns to a target: a name, attribute, subscript, or a (nested, possibly starred) tuple or list of targets.
    func assign(_ value: Value, to target: Expr, in frame: Frame) throws {
        switch target.kind {
        case .name(let name):
            try store(value, name: name, in: frame)
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, in: frame)
            try withRange(target.range) { try setAttribute(object, name, value) }
        case .subscript(let objectExpr, let indexExpr):
            let object = try evaluate(objectExpr, in: frame)
            let index = try evaluate(indexExpr, in: frame)
            try withRange(target.range) { try setItem(object, index, value) }
        case .tuple(let targets), .list(let targets):
            let items = try withRange(target.range) { try unpack(value, into: targets) }
            for (item, itemTarget) in zip(items, targets) {
                if case .starred(let inner) = itemTarget.kind {
                    try assign(item, to: inner, in: frame)
                } else {
                    try assign(item, to: itemTarget, in: frame)
                }
            }
        case .starred(let inner):
            try assign(value, to: inner, in: frame)
        default:
            throw PythonError(Builtins.syntaxError, "cannot assign to expression")
        }
    }

    /// Splits `value` into one item per target; a starred target takes a list of the rest.
    private func unpack(_ value: Value, into targets: [Expr]) throws -> [Value] {
        let items: [Value]
        switch value {
        case .tuple(let elements): items = elements
        case .list(let list): items = list.items
        default:
            guard isIterable(value) else {
                throw PythonError.typeError("cannot unpack non-iterable \(value.typeName) object")
            }
            items = try collect(value)
        }
        if let star = targets.firstIndex(where: { if case .starred = $0.kind { true } else { false } }) {
            let after = targets.count - star - 1
            guard items.count >= targets.count - 1 else {
                throw PythonError.valueError(
                    "not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))")
            }
            let rest = Array(items[star..<(items.count - after)])
            return Array(items[..<star]) + [.list(ListObject(rest))] + Array(items[(items.count - after)...])
        }
        if items.count < targets.count {
            throw PythonError.valueError(
                "not enough values to unpack (expected \(targets.count), got \(items.count))")
        }
        if items.count > targets.count {
            throw PythonError.valueError("too many values to unpack (expected \(targets.count))")
        }
        return items
    }

    func delete(_ target: Expr, in frame: Frame) throws {
        switch target.kind {
        case .name(let name):
            try withRange(target.range) { try deleteName(name, in: frame) }
        case .subscript(let objectExpr, let indexExpr):
            let object = try evaluate(objectExpr, in: frame)
            let index = try evaluate(indexExpr, in: frame)
            try withRange(target.range) { try deleteItem(object, index) }
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, in: frame)
            try withRange(target.range) { try deleteAttribute(object, name) }
        case .tuple(let targets), .list(let targets):
            for item in targets { try delete(item, in: frame) }
        default:
            throw PythonError(Builtins.syntaxError, "cannot delete expression")
        }
    }

    /// `del object.name` (and `delattr`): through the class's `__delattr__` when it has one.
    func deleteAttribute(_ object: Value, _ name: String) throws {
        if case .instance(let instance) = object, let deleter = instance.cls.lookup("__delattr__") {
            _ = try call(deleter, Arguments([object, .str(name)]))
            return
        }
        switch object {
        case .instance(let instance) where instance.attributes.removeValue(forKey: name) != nil: return
        case .type(let cls) where !cls.isBuiltin && cls.attributes.removeValue(forKey: name) != nil: return
        case .function(let function) where function.attributes.removeValue(forKey: name) != nil: return
        case .module(let module) where module.attributes.removeValue(forKey: name) != nil: return
        default: throw PythonError.attributeError("'\(object.typeName)' object has no attribute '\(name)'")
        }
    }
}
