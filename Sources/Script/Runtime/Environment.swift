/// What a function body declares: the names it binds (its locals) and its `global`/`nonlocal` declarations,
/// found once when the `def` runs, as CPython's symbol table does at compile time.
final class ScopeInfo {
    var locals: Set<String> = []
    var globals: Set<String> = []
    var nonlocals: Set<String> = []

    /// The scope of a function with these parameters and body.
    init(parameters: Parameters, body: FunctionBody) {
        for parameter in parameters.all { locals.insert(parameter.name) }
        switch body {
        case .statements(let statements): collect(statements)
        case .expression(let expression): collectWalrus(expression)
        }
        locals.subtract(globals)
        locals.subtract(nonlocals)
    }

    /// True for a comprehension's scope, where only the targets are local (`:=` binds in the enclosing scope).
    private(set) var isComprehension = false

    /// A comprehension's scope: its targets.
    init(comprehensionTargets targets: [Expr]) {
        isComprehension = true
        for target in targets { bind(target) }
    }

    private func collect(_ statements: [Stmt]) {
        for statement in statements { collect(statement) }
    }

    private func collect(_ statement: Stmt) {
        if case .functionDef = statement.kind {} else if case .classDef = statement.kind {} else {
            for expression in statement.expressions { collectWalrus(expression) }
        }
        switch statement.kind {
        case .expression(let expression): collectWalrus(expression)
        case .assign(let targets, let value):
            targets.forEach(bind)
            collectWalrus(value)
        case .augmentedAssign(let target, _, let value):
            bind(target)
            collectWalrus(value)
        case .annotatedAssign(let target, _, let value, _):
            if value != nil || true { bind(target) }
        case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
            collectWalrus(test)
            collect(body)
            collect(orElse)
        case .for(let target, let iterable, let body, let orElse):
            bind(target)
            collectWalrus(iterable)
            collect(body)
            collect(orElse)
        case .functionDef(let def): locals.insert(def.name)
        case .classDef(let def): locals.insert(def.name)
        case .with(let items, let body):
            for item in items {
                if let target = item.target { bind(target) }
            }
            collect(body)
        case .try(let body, let handlers, let orElse, let finally):
            collect(body)
            for handler in handlers {
                if let name = handler.name { locals.insert(name) }
                collect(handler.body)
            }
            collect(orElse)
            collect(finally)
        case .delete(let targets): targets.forEach(bind)
        case .global(let names): globals.formUnion(names)
        case .nonlocal(let names): nonlocals.formUnion(names)
        case .import(let aliases):
            for alias in aliases {
                let first = alias.name.split(separator: ".").first.map(String.init) ?? alias.name
                locals.insert(alias.asName ?? first)
            }
        case .importFrom(_, let aliases):
            for alias in aliases where alias.name != "*" { locals.insert(alias.asName ?? alias.name) }
        case .return(let value):
            if let value { collectWalrus(value) }
        case .break, .continue, .pass, .raise, .assert: break
        }
    }

    private func bind(_ target: Expr) {
        switch target.kind {
        case .name(let name): locals.insert(name)
        case .tuple(let items), .list(let items): items.forEach(bind)
        case .starred(let inner): bind(inner)
        default: break
        }
    }

    // `(x := value)` anywhere in the function's expressions (comprehensions included, lambdas excluded) binds a
    // local of the function.
    private func collectWalrus(_ expression: Expr) {
        var pending = [expression]
        while let current = pending.popLast() {
            switch current.kind {
            case .namedExpr(let target, let value):
                bind(target)
                pending.append(value)
            case .lambda:
                continue
            default:
                pending += current.children
            }
        }
    }
}

/// A namespace at run time: module globals, a function call's locals, a class body, or a comprehension.
public final class Environment {
    /// The variables bound here.
    var variables: Variables
    /// The enclosing function scope (for closures), nil at module level.
    let parent: Environment?
    /// The declarations of the function (or comprehension) this frame runs; nil for module and class scopes.
    let info: ScopeInfo?
    /// True for a class body, whose names nested functions do not see.
    let isClassBody: Bool

    init(variables: Variables = [:], parent: Environment?, info: ScopeInfo?, isClassBody: Bool = false) {
        self.variables = variables
        self.parent = parent
        self.info = info
        self.isClassBody = isClassBody
    }

    /// The scope functions defined here close over (a class body is skipped).
    var closureScope: Environment? {
        if isClassBody { return parent }
        return info == nil ? nil : self
    }
}
