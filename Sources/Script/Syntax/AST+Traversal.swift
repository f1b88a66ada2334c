extension Expr {
    /// The expressions directly inside this one, in source order (f-string fields and format specs included).
    public var children: [Expr] {
        switch kind {
        case .name, .constant:
            return []
        case .formattedString(let parts):
            return parts.flatMap { part -> [Expr] in
                guard case .field(let field) = part else { return [] }
                return [field.value] + (field.formatSpec.map { [$0] } ?? [])
            }
        case .unary(_, let operand):
            return [operand]
        case .binary(let left, _, let right):
            return [left, right]
        case .boolean(_, let operands):
            return operands
        case .compare(let left, let links):
            return [left] + links.map(\.right)
        case .call(let function, let arguments, let keywords):
            return [function] + arguments + keywords.map(\.value)
        case .attribute(let value, _):
            return [value]
        case .subscript(let value, let index):
            return [value, index]
        case .slice(let lower, let upper, let step):
            return [lower, upper, step].compactMap { $0 }
        case .starred(let value):
            return [value]
        case .tuple(let elements), .list(let elements), .set(let elements):
            return elements
        case .dict(let entries):
            return entries.flatMap { entry -> [Expr] in
                switch entry {
                case .pair(let key, let value): return [key, value]
                case .unpack(let value): return [value]
                }
            }
        case .listComprehension(let element, let clauses), .setComprehension(let element, let clauses),
             .generator(let element, let clauses):
            return [element] + clauses.flatMap(\.children)
        case .dictComprehension(let key, let value, let clauses):
            return [key, value] + clauses.flatMap(\.children)
        case .conditional(let test, let body, let orElse):
            return [body, test, orElse]
        case .lambda(let parameters, let body):
            return parameters.children + [body]
        case .namedExpr(let target, let value):
            return [target, value]
        case .yield(let value):
            return value.map { [$0] } ?? []
        case .yieldFrom(let value), .await(let value):
            return [value]
        }
    }

    /// This expression with every range in it, its own included, passed through `transform`.
    func mappingRanges(_ transform: (SourceRange) -> SourceRange) -> Expr {
        func map(_ e: Expr) -> Expr { e.mappingRanges(transform) }
        let newKind: Kind
        switch kind {
        case .name, .constant:
            newKind = kind
        case .formattedString(let parts):
            newKind = .formattedString(parts.map { part in
                switch part {
                case .literal(let text, let range):
                    return .literal(text, range: transform(range))
                case .field(let field):
                    return .field(FormattedValue(
                        value: map(field.value), conversion: field.conversion, formatSpec: field.formatSpec.map(map),
                        range: transform(field.range)))
                }
            })
        case .unary(let op, let operand):
            newKind = .unary(op, map(operand))
        case .binary(let left, let op, let right):
            newKind = .binary(map(left), op, map(right))
        case .boolean(let op, let operands):
            newKind = .boolean(op, operands.map(map))
        case .compare(let left, let links):
            newKind = .compare(map(left), links.map { Comparison(op: $0.op, right: map($0.right)) })
        case .call(let function, let arguments, let keywords):
            newKind = .call(
                map(function), arguments: arguments.map(map),
                keywords: keywords.map { Keyword(name: $0.name, value: map($0.value), range: transform($0.range)) })
        case .attribute(let value, let name):
            newKind = .attribute(map(value), name)
        case .subscript(let value, let index):
            newKind = .subscript(map(value), map(index))
        case .slice(let lower, let upper, let step):
            newKind = .slice(lower: lower.map(map), upper: upper.map(map), step: step.map(map))
        case .starred(let value):
            newKind = .starred(map(value))
        case .tuple(let elements):
            newKind = .tuple(elements.map(map))
        case .list(let elements):
            newKind = .list(elements.map(map))
        case .set(let elements):
            newKind = .set(elements.map(map))
        case .dict(let entries):
            newKind = .dict(entries.map { entry in
                switch entry {
                case .pair(let key, let value): return .pair(key: map(key), value: map(value))
                case .unpack(let value): return .unpack(map(value))
                }
            })
        case .listComprehension(let element, let clauses):
            newKind = .listComprehension(map(element), clauses.map { $0.mappingRanges(transform) })
        case .setComprehension(let element, let clauses):
            newKind = .setComprehension(map(element), clauses.map { $0.mappingRanges(transform) })
        case .generator(let element, let clauses):
            newKind = .generator(map(element), clauses.map { $0.mappingRanges(transform) })
        case .dictComprehension(let key, let value, let clauses):
            newKind = .dictComprehension(key: map(key), value: map(value), clauses.map { $0.mappingRanges(transform) })
        case .conditional(let test, let body, let orElse):
            newKind = .conditional(test: map(test), body: map(body), orElse: map(orElse))
        case .lambda(let parameters, let body):
            newKind = .lambda(parameters.mappingRanges(transform), map(body))
        case .namedExpr(let target, let value):
            newKind = .namedExpr(target: map(target), value: map(value))
        case .yield(let value):
            newKind = .yield(value.map(map))
        case .yieldFrom(let value):
            newKind = .yieldFrom(map(value))
        case .await(let value):
            newKind = .await(map(value))
        }
        return Expr(newKind, transform(range))
    }
}

extension Comprehension {
    /// The target, the iterable and the conditions.
    public var children: [Expr] { [target, iterable] + conditions }

    func mappingRanges(_ transform: (SourceRange) -> SourceRange) -> Comprehension {
        Comprehension(
            target: target.mappingRanges(transform), iterable: iterable.mappingRanges(transform),
            conditions: conditions.map { $0.mappingRanges(transform) }, range: transform(range))
    }
}

extension Parameters {
    /// Annotations and defaults, in declaration order.
    public var children: [Expr] {
        all.flatMap { parameter in [parameter.annotation, parameter.defaultValue].compactMap { $0 } }
    }

    func mappingRanges(_ transform: (SourceRange) -> SourceRange) -> Parameters {
        func map(_ parameter: Parameter) -> Parameter {
            Parameter(
                name: parameter.name, annotation: parameter.annotation?.mappingRanges(transform),
                defaultValue: parameter.defaultValue?.mappingRanges(transform), range: transform(parameter.range))
        }
        var result = Parameters()
        result.positionalOnly = positionalOnly.map(map)
        result.regular = regular.map(map)
        result.varPositional = varPositional.map(map)
        result.keywordOnly = keywordOnly.map(map)
        result.varKeyword = varKeyword.map(map)
        return result
    }
}

extension Stmt {
    /// The expressions directly in this statement (not in nested statements), in source order.
    public var expressions: [Expr] {
        switch kind {
        case .expression(let value):
            return [value]
        case .assign(let targets, let value):
            return targets + [value]
        case .augmentedAssign(let target, _, let value):
            return [target, value]
        case .annotatedAssign(let target, let annotation, let value, _):
            return [target, annotation] + (value.map { [$0] } ?? [])
        case .if(let test, _, _), .while(let test, _, _):
            return [test]
        case .for(let target, let iterable, _, _):
            return [target, iterable]
        case .break, .continue, .pass, .global, .nonlocal, .import, .importFrom:
            return []
        case .return(let value):
            return value.map { [$0] } ?? []
        case .functionDef(let function):
            return function.decorators + function.parameters.children + (function.returns.map { [$0] } ?? [])
        case .classDef(let definition):
            return definition.decorators + definition.bases
        case .with(let items, _):
            return items.flatMap { [$0.context] + ($0.target.map { [$0] } ?? []) }
        case .try(_, let handlers, _, _):
            return handlers.compactMap(\.type)
        case .raise(let exception, let cause):
            return [exception, cause].compactMap { $0 }
        case .assert(let test, let message):
            return [test] + (message.map { [$0] } ?? [])
        case .delete(let targets):
            return targets
        }
    }

    /// The statements nested directly in this one, in source order.
    public var statements: [Stmt] {
        switch kind {
        case .if(_, let body, let orElse), .while(_, let body, let orElse), .for(_, _, let body, let orElse):
            return body + orElse
        case .functionDef(let function):
            return function.body
        case .classDef(let definition):
            return definition.body
        case .with(_, let body):
            return body
        case .try(let body, let handlers, let orElse, let final):
            return body + handlers.flatMap(\.body) + orElse + final
        default:
            return []
        }
    }
}

extension Stmt {
    /// Whether statements and expressions nest more than `limit` deep, found without recursion (so that it is safe
    /// to call on any tree the parser built iteratively, such as a sum of 100 000 terms).
    func nests(deeperThan limit: Int) -> Bool {
        var pending: [(statement: Stmt?, expression: Expr?, depth: Int)] = [(self, nil, 1)]
        while let (statement, expression, depth) = pending.popLast() {
            if depth > limit { return true }
            if let statement {
                for child in statement.statements { pending.append((child, nil, depth + 1)) }
                for child in statement.expressions { pending.append((nil, child, depth + 1)) }
            } else if let expression {
                for child in expression.children { pending.append((nil, child, depth + 1)) }
            }
        }
        return false
    }
}

extension Expr {
    /// Whether the expression nests more than `limit` deep (see `Stmt.nests(deeperThan:)`).
    func nests(deeperThan limit: Int) -> Bool {
        Stmt(.expression(self), range).nests(deeperThan: limit + 1)
    }
}
