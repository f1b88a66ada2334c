/// How a statement finished.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned(Value)
}

extension Interpreter {
    /// Runs statements in order, stopping at the first that breaks, continues or returns.
    func execute(_ statements: [Stmt], in frame: Frame) throws -> Flow {
        for statement in statements {
            let flow = try execute(statement, in: frame)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func execute(_ statement: Stmt, in frame: Frame) throws -> Flow {
        try checkInterrupt()
        frame.statementRange = statement.range
        switch statement.kind {
        case .expression(let expression):
            let value = try evaluate(expression, in: frame)
            if frame === echoFrame { try display(value) }
        case .assign(let targets, let value):
            let result = try evaluate(value, in: frame)
            for target in targets { try assign(result, to: target, in: frame) }
        case .augmentedAssign(let target, let op, let value):
            try augmentedAssign(target, op, value, in: frame)
        case .annotatedAssign(let target, _, let value, _):
            if let value { try assign(try evaluate(value, in: frame), to: target, in: frame) }
        case .if(let test, let body, let orElse):
            return try execute(try isTrue(try evaluate(test, in: frame)) ? body : orElse, in: frame)
        case .while(let test, let body, let orElse):
            while try isTrue(try evaluate(test, in: frame)) {
                try checkInterrupt()
                switch try execute(body, in: frame) {
                case .breakLoop: return .normal
                case .returned(let value): return .returned(value)
                case .normal, .continueLoop: continue
                }
            }
            return try execute(orElse, in: frame)
        case .for(let target, let iterable, let body, let orElse):
            let iterableValue = try evaluate(iterable, in: frame)
            if case .range(let range) = iterableValue {
                // `for i in range(n)`, the commonest loop: counted directly, with no iterator object or closure call
                // per item. The range was copied when the loop began, as its iterator would have copied it.
                var index = 0
                let count = range.count
                while index < count {
                    try checkInterrupt()
                    try assign(.int(range.item(index)), to: target, in: frame)
                    index += 1
                    switch try execute(body, in: frame) {
                    case .breakLoop: return .normal
                    case .returned(let value): return .returned(value)
                    case .normal, .continueLoop: continue
                    }
                }
                return try execute(orElse, in: frame)
            }
            let iterator = try withRange(statement.range) { try makeIterator(iterableValue) }
            // An error while fetching the next item belongs to the `for` line, as in CPython; fetching it also
            // raises KeyboardInterrupt on Ctrl-C.
            while let item = try withRange(statement.range, { try iterator.next() }) {
                try assign(item, to: target, in: frame)
                switch try execute(body, in: frame) {
                case .breakLoop: return .normal
                case .returned(let value): return .returned(value)
                case .normal, .continueLoop: continue
                }
            }
            return try execute(orElse, in: frame)
        case .break: return .breakLoop
        case .continue: return .continueLoop
        case .pass: break
        case .return(let value):
            return .returned(try value.map { try evaluate($0, in: frame) } ?? .none)
        case .functionDef(let def):
            try defineFunction(def, in: frame)
        case .classDef(let def):
            try defineClass(def, in: frame)
        case .with(let items, let body):
            return try executeWith(items[...], body: body, in: frame)
        case .try(let body, let handlers, let orElse, let finally):
            return try executeTry(body: body, handlers: handlers, orElse: orElse, finally: finally, in: frame)
        case .raise(let exception, let cause):
            try executeRaise(exception, cause: cause, in: frame)
        case .assert(let test, let message):
            if try !isTrue(try evaluate(test, in: frame)) {
                var error = PythonError(Builtins.assertionError)
                if let message { error.exception.arguments = [try evaluate(message, in: frame)] }
                error.pendingRange = test.range
                throw error
            }
        case .delete(let targets):
            for target in targets { try delete(target, in: frame) }
        case .global, .nonlocal:
            break
        case .import(let aliases):
            for alias in aliases {
                let module = try importModule(alias.name)
                let first = alias.name.split(separator: ".").first.map(String.init) ?? alias.name
                if let asName = alias.asName {
                    try store(.module(module), name: asName, in: frame)
                } else {
                    try store(.module(try importModule(first)), name: first, in: frame)
                }
            }
        case .importFrom(let moduleName, let aliases):
            let module = try importModule(moduleName)
            for alias in aliases {
                if alias.name == "*" {
                    for (name, value) in module.attributes where !name.hasPrefix("_") {
                        try store(value, name: name, in: frame)
                    }
                    continue
                }
                // As CPython does, a name that is not an attribute may be a submodule (`from torch import nn`).
                let submodule = module.attributes[alias.name] == nil && modules["\(moduleName).\(alias.name)"] != nil
                    ? Value.module(try importModule("\(moduleName).\(alias.name)")) : nil
                guard let value = module.attributes[alias.name] ?? submodule else {
                    throw PythonError(Builtins.importError,
                                      "cannot import name '\(alias.name)' from '\(moduleName)' (unknown location)")
                }
                try store(value, name: alias.asName ?? alias.name, in: frame)
            }
        }
        return .normal
    }

    private func augmentedAssign(_ target: Expr, _ op: BinaryOperator, _ valueExpr: Expr, in frame: Frame) throws {
        switch target.kind {
        case .name(let name):
            let current = try evaluate(target, in: frame)
            let value = try evaluate(valueExpr, in: frame)
            let result = try withRange(target.range.union(valueExpr.range)) {
                try inPlaceOperation(op, current, value)
            }
            try store(result, name: name, in: frame)
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, in: frame)
            let current = try withRange(target.range) { try getAttribute(object, name) }
            let value = try evaluate(valueExpr, in: frame)
            let result = try withRange(target.range.union(valueExpr.range)) {
                try inPlaceOperation(op, current, value)
            }
            try withRange(target.range) { try setAttribute(object, name, result) }
        case .subscript(let objectExpr, let indexExpr):
            let object = try evaluate(objectExpr, in: frame)
            let index = try evaluate(indexExpr, in: frame)
            let current = try withRange(target.range) { try getItem(object, index) }
            let value = try evaluate(valueExpr, in: frame)
            let result = try withRange(target.range.union(valueExpr.range)) {
                try inPlaceOperation(op, current, value)
            }
            try withRange(target.range) { try setItem(object, index, result) }
        default:
            throw PythonError(Builtins.syntaxError, "illegal expression for augmented assignment")
        }
    }

    private func executeWith(_ items: ArraySlice<WithItem>, body: [Stmt], in frame: Frame) throws -> Flow {
        guard let item = items.first else { return try execute(body, in: frame) }
        let manager = try evaluate(item.context, in: frame)
        let (enter, exit) = try withRange(item.context.range) { () throws -> (Value, Value) in
            guard let enter = try? getAttribute(manager, "__enter__"),
                  let exit = try? getAttribute(manager, "__exit__") else {
                throw PythonError.typeError(
                    "'\(manager.typeName)' object does not support the context manager protocol")
            }
            return (enter, exit)
        }
        let entered = try call(enter, Arguments())
        if let target = item.target { try assign(entered, to: target, in: frame) }
        let flow: Flow
        do {
            flow = try executeWith(items.dropFirst(), body: body, in: frame)
        } catch let error as PythonError {
            let exception = Value.instance(error.exception)
            let suppress = try call(exit, Arguments([.type(error.exception.cls), exception, .none]))
            if try isTrue(suppress) { return .normal }
            throw error
        }
        _ = try call(exit, Arguments([.none, .none, .none]))
        return flow
    }

    private func executeTry(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt],
                            in frame: Frame) throws -> Flow {
        var flow: Flow = .normal
        var pending: Error?
        do {
            flow = try execute(body, in: frame)
            if case .normal = flow { flow = try execute(orElse, in: frame) }
        } catch var error as PythonError {
            frame.record(&error)
            do {
                if let handled = try handle(error, handlers: handlers, in: frame) {
                    flow = handled
                } else {
                    pending = error
                }
            } catch {
                pending = error
            }
        }
        if !finally.isEmpty {
            let finalFlow = try execute(finally, in: frame)
            if case .normal = finalFlow {} else { return finalFlow }
        }
        if let pending { throw pending }
        return flow
    }

    /// Runs the first matching handler; nil when none matches.
    private func handle(_ error: PythonError, handlers: [ExceptHandler], in frame: Frame) throws -> Flow? {
        let exception = error.exception
        for handler in handlers {
            if let typeExpr = handler.type {
                let type = try evaluate(typeExpr, in: frame)
                guard try exceptionMatches(exception, type) else { continue }
            }
            if let name = handler.name { try store(.instance(exception), name: name, in: frame) }
            handling.append(exception)
            defer { handling.removeLast() }
            do {
                let flow = try execute(handler.body, in: frame)
                if let name = handler.name { try? deleteName(name, in: frame) }
                return flow
            } catch let inner as PythonError {
                if let name = handler.name { try? deleteName(name, in: frame) }
                if case .none = inner.exception.context, inner.exception !== exception {
                    inner.exception.context = .instance(exception)
                }
                throw inner
            }
        }
        return nil
    }

    func exceptionMatches(_ exception: Instance, _ type: Value) throws -> Bool {
        switch type {
        case .type(let cls) where cls.isSubclass(of: Builtins.baseException):
            return exception.cls.isSubclass(of: cls)
        case .tuple(let types):
            for candidate in types where try exceptionMatches(exception, candidate) { return true }
            return false
        default:
            throw PythonError.typeError("catching classes that do not inherit from BaseException is not allowed")
        }
    }

    private func executeRaise(_ exceptionExpr: Expr?, cause causeExpr: Expr?, in frame: Frame) throws {
        guard let exceptionExpr else {
            guard let current = handling.last else {
                throw PythonError.runtimeError("No active exception to reraise")
            }
            var error = PythonError(current)
            error.recordedFrame = ObjectIdentifier(frame)
            throw error
        }
        let exception = try makeException(try evaluate(exceptionExpr, in: frame))
        if let causeExpr {
            let cause = try evaluate(causeExpr, in: frame)
            switch cause {
            case .none: exception.cause = .none
            default: exception.cause = .instance(try makeException(cause))
            }
            exception.suppressContext = true
        }
        if let current = handling.last, current !== exception, case .none = exception.context {
            exception.context = .instance(current)
        }
        throw PythonError(exception)
    }

    /// The exception instance `raise value` raises: an instance, or a class called with no arguments.
    func makeException(_ value: Value) throws -> Instance {
        switch value {
        case .instance(let instance) where instance.cls.isSubclass(of: Builtins.baseException):
            return instance
        case .type(let cls) where cls.isSubclass(of: Builtins.baseException):
            if case .instance(let instance) = try call(value, Arguments()) { return instance }
            throw PythonError.typeError("exceptions must derive from BaseException")
        default:
            throw PythonError.typeError("exceptions must derive from BaseException")
        }
    }

    /// Runs `body`, tagging an exception it raises with `range` unless a more precise range is already known.
    @inline(__always)
    func withRange<T>(_ range: SourceRange, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as PythonError {
            if error.pendingRange == nil { error.pendingRange = range }
            throw error
        } catch {
            // Engine errors from bindings become Python exceptions here, where their range is known.
            var converted = PythonError.converting(error)
            converted.pendingRange = range
            throw converted
        }
    }
}
