import Tensor

extension Interpreter {
    /// Calls any callable value.
    public func call(_ callee: Value, _ arguments: Arguments) throws -> Value {
        // Arguments an interrupted kernel left half-written never reach the callee (`print(x.exp())`).
        try checkInterrupt()
        switch callee {
        case .function(let function):
            return try invoke(function, arguments)
        case .builtin(let builtin):
            let result: Value
            do {
                result = try builtin.body(self, arguments)
            } catch let error as PythonError {
                throw error
            } catch {
                throw PythonError.converting(error)
            }
            try issueEngineWarnings()
            return result
        case .boundMethod(let method):
            var bound = arguments
            bound.positional.insert(method.receiver, at: 0)
            return try call(method.function, bound)
        case .type(let cls):
            return try instantiate(cls, arguments)
        case .instance(let instance):
            guard let method = instance.cls.lookup("__call__") else { break }
            var bound = arguments
            bound.positional.insert(callee, at: 0)
            return try call(method, bound)
        case .foreign(let object):
            do {
                if let result = try object.call(arguments, interpreter: self) {
                    try issueEngineWarnings()
                    return result
                }
            } catch let error as PythonError {
                throw error
            } catch {
                throw PythonError.converting(error)
            }
        default:
            break
        }
        throw PythonError.typeError("'\(callee.qualifiedTypeName)' object is not callable")
    }

    /// Calls a binding's method body as `call` calls a builtin: engine errors become Python exceptions and queued
    /// engine warnings are shown.
    func callNative(_ body: (Arguments) throws -> Value, _ arguments: Arguments) throws -> Value {
        try checkInterrupt()
        let result: Value
        do {
            result = try body(arguments)
        } catch let error as PythonError {
            throw error
        } catch {
            throw PythonError.converting(error)
        }
        try issueEngineWarnings()
        return result
    }

    /// Shows the warnings the engine queued during a call (PyTorch's own `UserWarning`s) at the calling line.
    @inline(__always)
    func issueEngineWarnings() throws {
        guard !EngineWarnings.isEmpty else { return }
        for message in EngineWarnings.drain() { try warn(message, category: Builtins.userWarning) }
    }

    /// Makes a function object, evaluating its defaults now.
    func makeFunction(name: String, parameters: Parameters, body: FunctionBody, in frame: Frame) throws -> Value {
        var defaults: [Value] = []
        for parameter in parameters.positionalOnly + parameters.regular {
            if let defaultExpr = parameter.defaultValue { defaults.append(try evaluate(defaultExpr, in: frame)) }
        }
        var keywordDefaults: [String: Value] = [:]
        for parameter in parameters.keywordOnly {
            if let defaultExpr = parameter.defaultValue {
                keywordDefaults[parameter.name] = try evaluate(defaultExpr, in: frame)
            }
        }
        let qualifiedName = frame.name == "<module>" ? name
            : frame.environment.isClassBody ? "\(frame.name).\(name)" : "\(frame.name).<locals>.\(name)"
        return .function(FunctionObject(
            name: name, qualifiedName: qualifiedName, parameters: parameters, body: body, defaults: defaults,
            keywordDefaults: keywordDefaults, scope: ScopeInfo(parameters: parameters, body: body),
            closure: frame.environment.closureScope, globals: globals, source: frame.source))
    }

    func defineFunction(_ def: FunctionDef, in frame: Frame) throws {
        var decorators: [Value] = []
        for decorator in def.decorators { decorators.append(try evaluate(decorator, in: frame)) }
        var function = try makeFunction(name: def.name, parameters: def.parameters, body: .statements(def.body),
                                         in: frame)
        for (decorator, expr) in zip(decorators, def.decorators).reversed() {
            function = try withRange(expr.range) { try call(decorator, Arguments([function])) }
        }
        try store(function, name: def.name, in: frame)
    }

    /// Runs a Python function: binds arguments to parameters, then runs the body in a fresh local scope.
    func invoke(_ function: FunctionObject, _ arguments: Arguments) throws -> Value {
        let environment = Environment(variables: Variables(minimumCapacity: function.scope.locals.count),
                                      parent: function.closure, info: function.scope)
        try bind(arguments, to: function, in: environment)
        if function.isGenerator { return makeGenerator(function, environment) }
        return try runBody(function, environment)
    }

    /// Runs a function's body in its prepared local scope, as one Python frame.
    func runBody(_ function: FunctionObject, _ environment: Environment) throws -> Value {
        try checkInterrupt()
        guard depth < Self.recursionLimit, !StackRoom.isBelow(stackLimit) else {
            throw PythonError(Builtins.recursionError, "maximum recursion depth exceeded")
        }
        depth += 1
        functionFrames.append((function, environment))
        defer {
            depth -= 1
            functionFrames.removeLast()
        }
        let frame = Frame(environment: environment, name: function.name, source: sourceOf(function))
        frames.append(frame)
        defer { frames.removeLast() }
        do {
            switch function.body {
            case .statements(let statements):
                if case .returned(let value) = try execute(statements, in: frame) { return value }
                return .none
            case .expression(let expression):
                frame.statementRange = expression.range
                return try evaluate(expression, in: frame)
            }
        } catch var error as PythonError {
            frame.record(&error)
            throw error
        }
    }

    private func sourceOf(_ function: FunctionObject) -> SourceText {
        function.sourceText
    }

    private func bind(_ arguments: Arguments, to function: FunctionObject, in environment: Environment) throws {
        let positionalNames = function.positionalNames
        if function.isSimple, arguments.keywords.isEmpty, arguments.positional.count == positionalNames.count {
            for index in positionalNames.indices {
                environment.variables[positionalNames[index]] = arguments.positional[index]
            }
            return
        }
        let parameters = function.parameters
        let name = function.qualifiedName
        var positional = arguments.positional
        if positional.count > positionalNames.count {
            if let varPositional = parameters.varPositional {
                environment.variables[varPositional.name] = .tuple(Array(positional[positionalNames.count...]))
                positional.removeLast(positional.count - positionalNames.count)
            } else {
                let required = positionalNames.count - function.defaults.count
                let expected = required == positionalNames.count ? "\(required)" : "from \(required) to \(positionalNames.count)"
                let plural = positionalNames.count == 1 && required == positionalNames.count ? "" : "s"
                let given = positional.count == 1 ? "was" : "were"
                throw PythonError.typeError(
                    "\(name)() takes \(expected) positional argument\(plural) but \(positional.count) \(given) given")
            }
        } else if let varPositional = parameters.varPositional {
            environment.variables[varPositional.name] = .tuple([])
        }
        for (index, value) in positional.enumerated() { environment.variables[positionalNames[index]] = value }
        var extra: DictObject?
        if let varKeyword = parameters.varKeyword {
            let dict = DictObject()
            extra = dict
            environment.variables[varKeyword.name] = .dict(dict)
        }
        let positionalOnly = Set(parameters.positionalOnly.map(\.name))
        let keywordNames = function.keywordNames
        for (keyword, value) in arguments.keywords {
            if keywordNames.contains(keyword) {
                if environment.variables[keyword] != nil {
                    throw PythonError.typeError("\(name)() got multiple values for argument '\(keyword)'")
                }
                environment.variables[keyword] = value
            } else if let extra {
                extra.set(.str(keyword), .str(keyword), value)
            } else if positionalOnly.contains(keyword) {
                throw PythonError.typeError(
                    "\(name)() got some positional-only arguments passed as keyword arguments: '\(keyword)'")
            } else {
                throw PythonError.typeError("\(name)() got an unexpected keyword argument '\(keyword)'")
            }
        }
        let firstDefault = positionalNames.count - function.defaults.count
        var missing: [String] = []
        for (index, parameterName) in positionalNames.enumerated() where environment.variables[parameterName] == nil {
            if index >= firstDefault {
                environment.variables[parameterName] = function.defaults[index - firstDefault]
            } else {
                missing.append(parameterName)
            }
        }
        if !missing.isEmpty { throw missingArguments(name, missing, kind: "positional") }
        for parameter in parameters.keywordOnly where environment.variables[parameter.name] == nil {
            if let value = function.keywordDefaults[parameter.name] {
                environment.variables[parameter.name] = value
            } else {
                missing.append(parameter.name)
            }
        }
        if !missing.isEmpty { throw missingArguments(name, missing, kind: "keyword-only") }
    }

    private func missingArguments(_ name: String, _ missing: [String], kind: String) -> PythonError {
        let quoted = missing.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + (quoted.last ?? "")
        }
        let plural = missing.count == 1 ? "" : "s"
        return PythonError.typeError("\(name)() missing \(missing.count) required \(kind) argument\(plural): \(list)")
    }
}
