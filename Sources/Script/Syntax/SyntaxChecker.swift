/// The syntax errors CPython 3.11 raises after parsing a valid tree: first its symbol table's (duplicate
/// parameters, misplaced `global`/`nonlocal`, `yield` in a comprehension), then its compiler's (`return` outside a
/// function, `break` outside a loop, misplaced `*` ...), each at the node CPython reports.
struct SyntaxChecker {
    /// A scope of CPython's symbol table: the names it binds and uses, in the order seen.
    final class Scope {
        enum Kind { case module, function, classBody, comprehension(String) }

        struct Flags: OptionSet {
            let rawValue: Int
            static let parameter = Flags(rawValue: 1)
            static let local = Flags(rawValue: 2)
            static let use = Flags(rawValue: 4)
            static let global = Flags(rawValue: 8)
            static let nonlocal = Flags(rawValue: 16)
            static let annotated = Flags(rawValue: 32)
            static let imported = Flags(rawValue: 64)
        }

        let kind: Kind
        let parent: Scope?
        var symbols: [String: Flags] = [:]
        var order: [String] = []
        /// Where each `global`/`nonlocal` name was declared (CPython's directives).
        var directives: [String: SourceRange] = [:]
        var children: [Scope] = []

        init(kind: Kind, parent: Scope?) {
            self.kind = kind
            self.parent = parent
        }

        func add(_ name: String, _ flags: Flags) {
            if symbols[name] == nil { order.append(name) }
            symbols[name, default: []].formUnion(flags)
        }

        var isFunction: Bool {
            switch kind {
            case .function, .comprehension: return true
            default: return false
            }
        }
    }

    let source: SourceText
    var scope: Scope

    /// Raises the first error CPython's symbol table or compiler would raise for `body`. `compileErrors` are
    /// compiler errors the parser found (misplaced `await` and `async`), merged in by position.
    static func check(
        _ body: [Stmt], source: SourceText, compileErrors: [(message: String, range: SourceRange)] = []
    ) throws(SyntaxError) {
        var checker = SyntaxChecker(source: source, scope: Scope(kind: .module, parent: nil))
        let module = checker.scope
        try checker.symbols(body)
        try checker.analyze(module, bound: [])
        var compiler = Compiler()
        compiler.statements(body)
        var found = compiler.errors.first
        for candidate in compileErrors where found.map({ candidate.range.start < $0.range.start }) ?? true {
            found = candidate
            break
        }
        if let found { throw checker.error(found.message, at: found.range) }
    }

    func error(_ message: String, at range: SourceRange) -> SyntaxError {
        SyntaxError(
            message: message, filename: source.filename, line: range.start.line, offset: range.start.column + 1,
            endLine: range.end.line, endOffset: range.end.column + 1, text: source.line(range.start.line))
    }

    // MARK: The symbol table's visit

    mutating func enter(_ kind: Scope.Kind) -> Scope {
        let child = Scope(kind: kind, parent: scope)
        scope.children.append(child)
        let saved = scope
        scope = child
        return saved
    }

    mutating func symbols(_ statements: [Stmt]) throws(SyntaxError) {
        for statement in statements { try symbols(statement) }
    }

    mutating func symbols(_ statement: Stmt) throws(SyntaxError) {
        switch statement.kind {
        case .functionDef(let function):
            scope.add(function.name, .local)
            try defaults(function.parameters)
            for parameter in function.parameters.all {
                if let annotation = parameter.annotation { try symbols(annotation) }
            }
            if let returns = function.returns { try symbols(returns) }
            for decorator in function.decorators { try symbols(decorator) }
            let saved = enter(.function)
            try parameters(function.parameters)
            try symbols(function.body)
            scope = saved
        case .classDef(let definition):
            scope.add(definition.name, .local)
            for base in definition.bases { try symbols(base) }
            for decorator in definition.decorators { try symbols(decorator) }
            let saved = enter(.classBody)
            try symbols(definition.body)
            scope = saved
        case .global(let names), .nonlocal(let names):
            let isGlobal: Bool
            if case .global = statement.kind { isGlobal = true } else { isGlobal = false }
            if !isGlobal, case .module = scope.kind {
                throw error("nonlocal declaration not allowed at module level", at: statement.range)
            }
            let word = isGlobal ? "global" : "nonlocal"
            for name in names {
                let current = scope.symbols[name] ?? []
                if !current.isDisjoint(with: [.parameter, .local, .use, .annotated]) {
                    let message: String
                    if current.contains(.parameter) {
                        message = "name '\(name)' is parameter and \(word)"
                    } else if current.contains(.use) {
                        message = "name '\(name)' is used prior to \(word) declaration"
                    } else if current.contains(.annotated) {
                        message = "annotated name '\(name)' can't be \(word)"
                    } else {
                        message = "name '\(name)' is assigned to before \(word) declaration"
                    }
                    throw error(message, at: statement.range)
                }
                scope.add(name, isGlobal ? .global : .nonlocal)
                if scope.directives[name] == nil { scope.directives[name] = statement.range }
            }
        case .annotatedAssign(let target, let annotation, let value, let isSimple):
            if isSimple, case .name(let name) = target.kind {
                let current = scope.symbols[name] ?? []
                if current.contains(.global) || current.contains(.nonlocal) {
                    let word = current.contains(.global) ? "global" : "nonlocal"
                    throw error("annotated name '\(name)' can't be \(word)", at: target.range)
                }
                scope.add(name, value == nil ? .annotated : [.annotated, .local])
            } else {
                try symbols(target, store: true)
            }
            try symbols(annotation)
            if let value { try symbols(value) }
        case .assign(let targets, let value):
            for target in targets { try symbols(target, store: true) }
            try symbols(value)
        case .augmentedAssign(let target, _, let value):
            try symbols(target, store: true)
            try symbols(value)
        case .for(let target, let iterable, let body, let orElse):
            try symbols(target, store: true)
            try symbols(iterable)
            try symbols(body + orElse)
        case .with(let items, let body):
            for item in items {
                try symbols(item.context)
                if let target = item.target { try symbols(target, store: true) }
            }
            try symbols(body)
        case .try(let body, let handlers, let orElse, let final):
            try symbols(body)
            for handler in handlers {
                if let type = handler.type { try symbols(type) }
                if let name = handler.name { scope.add(name, .local) }
                try symbols(handler.body)
            }
            try symbols(orElse + final)
        case .delete(let targets):
            for target in targets { try symbols(target, store: true) }
        case .import(let names), .importFrom(_, let names):
            for alias in names where alias.name != "*" {
                let bound = alias.asName ?? String(alias.name.split(separator: ".").first ?? "")
                scope.add(bound, .imported)
            }
        default:
            for expression in statement.expressions { try symbols(expression) }
            try symbols(statement.statements)
        }
    }

    /// Default values are evaluated in the enclosing scope: positional ones, then keyword-only ones.
    mutating func defaults(_ parameters: Parameters) throws(SyntaxError) {
        for parameter in parameters.positionalOnly + parameters.regular {
            if let value = parameter.defaultValue { try symbols(value) }
        }
        for parameter in parameters.keywordOnly {
            if let value = parameter.defaultValue { try symbols(value) }
        }
    }

    /// Parameters in CPython's order (positional, keyword-only, then `*args` and `**kwargs`); a repeat is an error.
    mutating func parameters(_ parameters: Parameters) throws(SyntaxError) {
        let ordered = parameters.positionalOnly + parameters.regular + parameters.keywordOnly
            + [parameters.varPositional, parameters.varKeyword].compactMap { $0 }
        for parameter in ordered {
            if scope.symbols[parameter.name]?.contains(.parameter) == true {
                throw error("duplicate argument '\(parameter.name)' in function definition", at: parameter.range)
            }
            scope.add(parameter.name, .parameter)
        }
    }

    mutating func symbols(_ expression: Expr, store: Bool = false) throws(SyntaxError) {
        switch expression.kind {
        case .name(let name):
            scope.add(name, store ? .local : .use)
        case .tuple(let elements), .list(let elements):
            for element in elements { try symbols(element, store: store) }
        case .starred(let value):
            try symbols(value, store: store)
        case .lambda(let parameters, let body):
            try defaults(parameters)
            let saved = enter(.function)
            try self.parameters(parameters)
            try symbols(body)
            scope = saved
        case .listComprehension(let element, let clauses):
            try comprehension("list comprehension", [element], clauses)
        case .setComprehension(let element, let clauses):
            try comprehension("set comprehension", [element], clauses)
        case .generator(let element, let clauses):
            try comprehension("generator expression", [element], clauses)
        case .dictComprehension(let key, let value, let clauses):
            try comprehension("dict comprehension", [key, value], clauses)
        case .yield, .yieldFrom:
            if case .comprehension(let name) = scope.kind {
                throw error("'yield' inside \(name)", at: expression.range)
            }
            for child in expression.children { try symbols(child) }
        case .namedExpr(let target, let value):
            try symbols(value)
            if case .name(let name) = target.kind {
                var owner = scope
                while case .comprehension = owner.kind, let parent = owner.parent { owner = parent }
                owner.add(name, .local)
            }
        default:
            for child in expression.children { try symbols(child) }
        }
    }

    /// The first iterable is evaluated outside; the rest lives in the comprehension's own scope.
    mutating func comprehension(_ name: String, _ elements: [Expr], _ clauses: [Comprehension]) throws(SyntaxError) {
        guard let first = clauses.first else { return }
        try symbols(first.iterable)
        let saved = enter(.comprehension(name))
        for (index, clause) in clauses.enumerated() {
            if index > 0 { try symbols(clause.iterable) }
            try symbols(clause.target, store: true)
            for condition in clause.conditions { try symbols(condition) }
        }
        for element in elements { try symbols(element) }
        scope = saved
    }

    // MARK: The symbol table's analysis

    /// Every `nonlocal` name must be bound in an enclosing function; a name cannot be both global and nonlocal.
    func analyze(_ scope: Scope, bound: Set<String>) throws(SyntaxError) {
        for name in scope.order {
            let flags = scope.symbols[name] ?? []
            guard flags.contains(.nonlocal) else { continue }
            let place = scope.directives[name] ?? SourceRange(
                start: SourceLocation(line: 1, column: 0, offset: 0), end: SourceLocation(line: 1, column: 0, offset: 0))
            if flags.contains(.global) {
                throw error("name '\(name)' is nonlocal and global", at: place)
            }
            if !bound.contains(name) {
                throw error("no binding for nonlocal '\(name)' found", at: place)
            }
        }
        var inner = bound
        if scope.isFunction {
            for (name, flags) in scope.symbols where !flags.isDisjoint(with: [.local, .parameter, .imported]) {
                inner.insert(name)
            }
        }
        for child in scope.children {
            try analyze(child, bound: child.isFunction ? inner : (scope.isFunction ? inner : bound))
        }
    }
}

/// CPython's compiler-stage checks, in the order it compiles the tree.
struct Compiler {
    var errors: [(message: String, range: SourceRange)] = []
    var inFunction = false
    var loops = 0

    mutating func fail(_ message: String, _ range: SourceRange) {
        errors.append((message, range))
    }

    mutating func statements(_ list: [Stmt]) {
        for statement in list { self.statement(statement) }
    }

    mutating func statement(_ s: Stmt) {
        guard errors.isEmpty else { return }
        switch s.kind {
        case .functionDef(let function):
            for decorator in function.decorators { expression(decorator) }
            for parameter in function.parameters.all {
                if let value = parameter.defaultValue { expression(value) }
            }
            for parameter in function.parameters.all {
                if let annotation = parameter.annotation { expression(annotation) }
            }
            if let returns = function.returns { expression(returns) }
            nested(function: true) { $0.statements(function.body) }
        case .classDef(let definition):
            for decorator in definition.decorators { expression(decorator) }
            nested(function: false) { $0.statements(definition.body) }
            for base in definition.bases { argument(base) }
        case .return(let value):
            if !inFunction { return fail("'return' outside function", s.range) }
            if let value { expression(value) }
        case .break:
            if loops == 0 { fail("'break' outside loop", s.range) }
        case .continue:
            if loops == 0 { fail("'continue' not properly in loop", s.range) }
        case .assign(let targets, let value):
            expression(value)
            for target in targets { store(target) }
        case .augmentedAssign(let target, _, let value):
            expression(target)
            expression(value)
        case .annotatedAssign(let target, let annotation, let value, _):
            if let value {
                expression(value)
                store(target)
            }
            expression(annotation)
        case .for(let target, let iterable, let body, let orElse):
            expression(iterable)
            store(target)
            loop(body)
            statements(orElse)
        case .while(let test, let body, let orElse):
            expression(test)
            loop(body)
            statements(orElse)
        case .with(let items, let body):
            for item in items {
                expression(item.context)
                if let target = item.target { store(target) }
            }
            statements(body)
        case .try(let body, let handlers, let orElse, let final):
            statements(body)
            for (index, handler) in handlers.enumerated() {
                if handler.type == nil && index < handlers.count - 1 {
                    return fail("default 'except:' must be last", handler.range)
                }
                if let type = handler.type { expression(type) }
                statements(handler.body)
            }
            statements(orElse)
            statements(final)
        case .delete(let targets):
            for target in targets { expression(target) }
        default:
            for expression in s.expressions { self.expression(expression) }
            statements(s.statements)
        }
    }

    mutating func loop(_ body: [Stmt]) {
        loops += 1
        statements(body)
        loops -= 1
    }

    mutating func nested(function: Bool, _ body: (inout Compiler) -> Void) {
        let saved = (inFunction, loops)
        inFunction = function
        loops = 0
        body(&self)
        (inFunction, loops) = saved
    }

    /// An assignment target: `*x` only inside a tuple or list, and at most one per tuple or list.
    mutating func store(_ target: Expr) {
        guard errors.isEmpty else { return }
        switch target.kind {
        case .starred:
            fail("starred assignment target must be in a list or tuple", target.range)
        case .tuple(let elements), .list(let elements):
            if elements.filter({ if case .starred = $0.kind { return true } else { return false } }).count > 1 {
                return fail("multiple starred expressions in assignment", target.range)
            }
            for element in elements {
                if case .starred(let inner) = element.kind { store(inner) } else { store(element) }
            }
        default:
            expression(target)
        }
    }

    /// A positional call argument or a display element, where `*x` is allowed.
    mutating func argument(_ e: Expr) {
        if case .starred(let value) = e.kind { expression(value) } else { expression(e) }
    }

    mutating func expression(_ e: Expr) {
        guard errors.isEmpty else { return }
        switch e.kind {
        case .starred:
            fail("can't use starred expression here", e.range)
        case .tuple(let elements), .list(let elements), .set(let elements):
            for element in elements { argument(element) }
        case .call(let function, let arguments, let keywords):
            expression(function)
            var seen = Set<String>()
            for keyword in keywords {
                guard let name = keyword.name else { continue }
                if seen.contains(name) { return fail("keyword argument repeated: \(name)", keyword.range) }
                seen.insert(name)
            }
            for argument in arguments { self.argument(argument) }
            for keyword in keywords { expression(keyword.value) }
        case .yield, .yieldFrom:
            if !inFunction { return fail("'yield' outside function", e.range) }
            for child in e.children { expression(child) }
        case .lambda(let parameters, let body):
            for parameter in parameters.all {
                if let value = parameter.defaultValue { expression(value) }
            }
            nested(function: true) { $0.expression(body) }
        case .listComprehension(let element, let clauses), .setComprehension(let element, let clauses),
             .generator(let element, let clauses):
            comprehension([element], clauses)
        case .dictComprehension(let key, let value, let clauses):
            comprehension([key, value], clauses)
        case .namedExpr(let target, let value):
            expression(value)
            expression(target)
        default:
            for child in e.children { expression(child) }
        }
    }

    /// A comprehension's body is compiled (as a function) before its first iterable is evaluated.
    mutating func comprehension(_ elements: [Expr], _ clauses: [Comprehension]) {
        nested(function: true) { compiler in
            for (index, clause) in clauses.enumerated() {
                if index > 0 { compiler.expression(clause.iterable) }
                compiler.store(clause.target)
                for condition in clause.conditions { compiler.expression(condition) }
            }
            for element in elements { compiler.expression(element) }
        }
        if let first = clauses.first { expression(first.iterable) }
    }
}
