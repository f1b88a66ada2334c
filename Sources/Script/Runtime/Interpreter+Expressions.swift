extension Interpreter {
    /// Evaluates an expression.
    func evaluate(_ expression: Expr, in frame: Frame) throws -> Value {
        // Source nests expressions up to the parser's limit, deeper than a small stack holds in a debug build.
        if StackRoom.isBelow(stackLimit) {
            throw PythonError(Builtins.recursionError, "maximum recursion depth exceeded")
        }
        switch expression.kind {
        case .name(let name):
            if let value = frame.environment.variables[name] { return value }
            return try withRange(expression.range) { try load(name, in: frame) }
        case .constant(let constant):
            return try withRange(expression.range) { try Self.value(of: constant) }
        case .formattedString(let parts):
            return .str(try formatString(parts, in: frame))
        case .unary(let op, let operandExpr):
            // -9223372036854775808 is Int.min, though its digits alone do not fit.
            if op == .negate, case .constant(.int(let literal)) = operandExpr.kind,
               literal.digits == "9223372036854775808" {
                return .int(.min)
            }
            let operand = try evaluate(operandExpr, in: frame)
            return try withRange(expression.range) { try unaryOperation(op, operand) }
        case .binary(let leftExpr, let op, let rightExpr):
            let left = try evaluate(leftExpr, in: frame)
            let right = try evaluate(rightExpr, in: frame)
            return try withRange(expression.range) { try binaryOperation(op, left, right) }
        case .boolean(let op, let operands):
            var result = Value.none
            for operand in operands {
                result = try evaluate(operand, in: frame)
                let truth = try isTrue(result)
                if (op == .and && !truth) || (op == .or && truth) { return result }
            }
            return result
        case .compare(let firstExpr, let links):
            var left = try evaluate(firstExpr, in: frame)
            var result = Value.true
            for (index, link) in links.enumerated() {
                let right = try evaluate(link.right, in: frame)
                result = try withRange(expression.range) { try compare(link.op, left, right) }
                // As in CPython, only a link with another after it is tested for truth (`t > 0` is a tensor).
                if index == links.count - 1 { return result }
                if try !isTrue(result) { return result }
                left = right
            }
            return result
        case .call(let calleeExpr, let argumentExprs, let keywordExprs):
            let callee: Value
            if case .attribute(let objectExpr, let name) = calleeExpr.kind {
                let object = try evaluate(objectExpr, in: frame)
                // `t.method(...)` on a tensor calls the binding's method directly: no bound builtin is made per call.
                if case .tensor = object, let binding,
                   let method = try withRange(calleeExpr.range, { try binding.method(of: object, name, interpreter: self) }) {
                    let arguments = try evaluateArguments(argumentExprs, keywordExprs, in: frame)
                    return try withRange(expression.range) { try callNative(method, arguments) }
                }
                callee = try withRange(calleeExpr.range) { try getAttribute(object, name) }
            } else {
                callee = try evaluate(calleeExpr, in: frame)
            }
            let arguments = try evaluateArguments(argumentExprs, keywordExprs, in: frame)
            return try withRange(expression.range) { try call(callee, arguments) }
        case .attribute(let objectExpr, let name):
            let object = try evaluate(objectExpr, in: frame)
            return try withRange(expression.range) { try getAttribute(object, name) }
        case .subscript(let objectExpr, let indexExpr):
            let object = try evaluate(objectExpr, in: frame)
            let index = try evaluate(indexExpr, in: frame)
            return try withRange(expression.range) { try getItem(object, index) }
        case .slice(let lower, let upper, let step):
            return .slice(SliceValue(
                lower: try lower.map { try evaluate($0, in: frame) } ?? .none,
                upper: try upper.map { try evaluate($0, in: frame) } ?? .none,
                step: try step.map { try evaluate($0, in: frame) } ?? .none))
        case .starred:
            throw PythonError(Builtins.syntaxError, "can't use starred expression here")
        case .tuple(let items):
            return .tuple(try evaluateItems(items, in: frame))
        case .list(let items):
            return .list(ListObject(try evaluateItems(items, in: frame)))
        case .set(let items):
            let set = SetObject()
            for item in try evaluateItems(items, in: frame) {
                set.storage.set(try withRange(expression.range) { try hashKey(item) }, item, .none)
            }
            return .set(set)
        case .dict(let entries):
            let dict = DictObject()
            for entry in entries {
                switch entry {
                case .pair(let keyExpr, let valueExpr):
                    let key = try evaluate(keyExpr, in: frame)
                    let value = try evaluate(valueExpr, in: frame)
                    dict.set(try withRange(keyExpr.range) { try hashKey(key) }, key, value)
                case .unpack(let mappingExpr):
                    let mapping = try evaluate(mappingExpr, in: frame)
                    guard case .dict(let other) = mapping else {
                        throw PythonError.typeError("'\(mapping.typeName)' object is not a mapping")
                    }
                    for (key, value) in other.items { dict.set(try hashKey(key), key, value) }
                }
            }
            return .dict(dict)
        case .listComprehension(let element, let clauses):
            var items: [Value] = []
            try comprehend(clauses, "<listcomp>", expression.range, in: frame) { scope in
                items.append(try self.evaluate(element, in: scope))
            }
            return .list(ListObject(items))
        case .generator(let element, let clauses):
            return .iterator(try lazyGenerator(element, clauses, in: frame))
        case .setComprehension(let element, let clauses):
            let set = SetObject()
            try comprehend(clauses, "<setcomp>", expression.range, in: frame) { scope in
                let item = try self.evaluate(element, in: scope)
                set.storage.set(try hashKey(item), item, .none)
            }
            return .set(set)
        case .dictComprehension(let keyExpr, let valueExpr, let clauses):
            let dict = DictObject()
            try comprehend(clauses, "<dictcomp>", expression.range, in: frame) { scope in
                let key = try self.evaluate(keyExpr, in: scope)
                let value = try self.evaluate(valueExpr, in: scope)
                dict.set(try hashKey(key), key, value)
            }
            return .dict(dict)
        case .conditional(let test, let body, let orElse):
            return try evaluate(try isTrue(try evaluate(test, in: frame)) ? body : orElse, in: frame)
        case .lambda(let parameters, let body):
            return try makeFunction(name: "<lambda>", parameters: parameters, body: .expression(body), in: frame)
        case .namedExpr(let target, let valueExpr):
            let value = try evaluate(valueExpr, in: frame)
            try assign(value, to: target, in: frame)
            return value
        case .yield(let valueExpr):
            let value = try valueExpr.map { try evaluate($0, in: frame) } ?? .none
            return try yieldValue(value)
        case .yieldFrom(let iterableExpr):
            let iterable = try evaluate(iterableExpr, in: frame)
            let iterator = try withRange(iterableExpr.range) { try makeIterator(iterable) }
            while let item = try iterator.next() { _ = try yieldValue(item) }
            return .none
        case .await:
            throw PythonError(Builtins.syntaxError, "'await' outside async function")
        }
    }

    static func value(of constant: Constant) throws -> Value {
        switch constant {
        case .none: return .none
        case .ellipsis: return .ellipsis
        case .bool(let flag): return .bool(flag)
        case .int(let literal):
            guard let value = literal.value else {
                throw PythonError.overflowError("integer literal \(literal.digits) is too large (Attend's int is 64-bit)")
            }
            return .int(value)
        case .float(let number): return .float(number)
        case .string(let text): return .str(text)
        }
    }

    /// Items of a display, with `*iterable` spliced in.
    func evaluateItems(_ items: [Expr], in frame: Frame) throws -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner) = item.kind {
                let iterable = try evaluate(inner, in: frame)
                values.append(contentsOf: try withRange(item.range) { try collect(iterable) })
            } else {
                values.append(try evaluate(item, in: frame))
            }
        }
        return values
    }

    func evaluateArguments(_ items: [Expr], _ keywords: [Keyword], in frame: Frame) throws -> Arguments {
        var arguments = Arguments(try evaluateItems(items, in: frame))
        for keyword in keywords {
            let value = try evaluate(keyword.value, in: frame)
            if let name = keyword.name {
                arguments.keywords.append((name, value))
            } else {
                guard case .dict(let mapping) = value else {
                    throw PythonError.typeError("argument after ** must be a mapping, not \(value.typeName)")
                }
                for (key, item) in mapping.items {
                    guard case .str(let name) = key else { throw PythonError.typeError("keywords must be strings") }
                    arguments.keywords.append((name, item))
                }
            }
        }
        return arguments
    }

    /// Runs comprehension clauses in their own scope, calling `body` for each combination that passes the filters.
    /// The first iterable is evaluated in the enclosing scope, as in Python.
    /// Like CPython 3.11, the comprehension is its own frame (`<listcomp>` ...) in tracebacks, called from the
    /// enclosing frame at the comprehension's range.
    private func comprehend(_ clauses: [Comprehension], _ name: String, _ range: SourceRange, in frame: Frame,
                            _ body: (Frame) throws -> Void) throws {
        let info = ScopeInfo(comprehensionTargets: clauses.map(\.target))
        let environment = Environment(parent: frame.environment.isClassBody ? frame.environment.parent
                                          : frame.environment, info: info)
        let scope = Frame(environment: environment, name: name, source: frame.source)
        guard let first = clauses.first else { return }
        let firstIterable = try evaluate(first.iterable, in: frame)
        let iterator = try withRange(first.iterable.range) { try makeIterator(firstIterable) }
        do {
            scope.statementRange = range
            try comprehendClause(clauses[...], firstIterator: iterator, scope: scope, body)
        } catch var error as PythonError {
            scope.record(&error)
            error.pendingRange = range
            throw error
        }
    }

    /// A generator expression: only the first iterable is evaluated now (in the enclosing scope, as CPython
    /// does); each `next` resumes the nested loops where they stopped.
    private func lazyGenerator(_ element: Expr, _ clauses: [Comprehension], in frame: Frame) throws -> IteratorObject {
        let info = ScopeInfo(comprehensionTargets: clauses.map(\.target))
        let environment = Environment(parent: frame.environment.isClassBody ? frame.environment.parent
                                          : frame.environment, info: info)
        let scope = Frame(environment: environment, name: "<genexpr>", source: frame.source)
        guard let first = clauses.first else { return sequenceIterator([], typeName: "generator") }
        let firstIterable = try evaluate(first.iterable, in: frame)
        let firstIterator = try withRange(first.iterable.range) { try makeIterator(firstIterable) }
        var iterators: [IteratorObject?] = [firstIterator] + Array(repeating: nil, count: clauses.count - 1)
        var level = 0
        return IteratorObject("generator") {
            do {
                while true {
                    guard let iterator = iterators[level] else { return nil }
                    let clause = clauses[level]
                    scope.statementRange = clause.range
                    guard let item = try iterator.next() else {
                        iterators[level] = nil
                        if level == 0 { return nil }
                        level -= 1
                        continue
                    }
                    try self.assign(item, to: clause.target, in: scope)
                    var passes = true
                    for condition in clause.conditions where try !self.isTrue(try self.evaluate(condition, in: scope)) {
                        passes = false
                        break
                    }
                    guard passes else { continue }
                    if level == clauses.count - 1 {
                        scope.statementRange = element.range
                        return try self.evaluate(element, in: scope)
                    }
                    level += 1
                    let next = clauses[level]
                    let iterable = try self.evaluate(next.iterable, in: scope)
                    iterators[level] = try self.withRange(next.iterable.range) { try self.makeIterator(iterable) }
                }
            } catch var error as PythonError {
                scope.record(&error)
                throw error
            }
        }
    }

    private func comprehendClause(_ clauses: ArraySlice<Comprehension>, firstIterator: IteratorObject?,
                                  scope: Frame, _ body: (Frame) throws -> Void) throws {
        guard let clause = clauses.first else { return try body(scope) }
        let iterator: IteratorObject
        if let firstIterator {
            iterator = firstIterator
        } else {
            let iterable = try evaluate(clause.iterable, in: scope)
            iterator = try withRange(clause.iterable.range) { try makeIterator(iterable) }
        }
        next: while let item = try iterator.next() {
            try assign(item, to: clause.target, in: scope)
            for condition in clause.conditions where try !isTrue(try evaluate(condition, in: scope)) {
                continue next
            }
            try comprehendClause(clauses.dropFirst(), firstIterator: nil, scope: scope, body)
        }
    }

    private func formatString(_ parts: [FStringPart], in frame: Frame) throws -> String {
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text, _):
                result += text
            case .field(let field):
                var value = try evaluate(field.value, in: frame)
                switch field.conversion {
                case .str?: value = .str(try str(value))
                case .repr?: value = .str(try repr(value))
                case .ascii?: value = .str(PythonRepr.escapingNonASCII(try repr(value)))
                case nil: break
                }
                var spec = ""
                if let specExpr = field.formatSpec {
                    guard case .str(let text) = try evaluate(specExpr, in: frame) else { continue }
                    spec = text
                }
                result += try withRange(field.value.range) { try format(value, spec: spec) }
            }
        }
        return result
    }
}
