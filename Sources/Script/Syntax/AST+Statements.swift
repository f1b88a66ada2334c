/// A statement node: what it is (`kind`) and the source it came from (`range`). Compound statements range from
/// their keyword to the end of their last nested statement, as in CPython.
public struct Stmt: Sendable, Equatable {
    /// Every kind of statement.
    public indirect enum Kind: Sendable, Equatable {
        /// An expression evaluated for its effect (or echoed at the prompt).
        case expression(Expr)
        /// `a = b = value`: the targets left to right, then the value (evaluated first).
        case assign(targets: [Expr], value: Expr)
        /// `target += value`.
        case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
        /// `target: annotation = value`. `isSimple` is true for a bare name (not parenthesised), as in CPython.
        case annotatedAssign(target: Expr, annotation: Expr, value: Expr?, isSimple: Bool)
        /// `if`/`elif`/`else`; an `elif` is an `if` alone in `orElse`.
        case `if`(test: Expr, body: [Stmt], orElse: [Stmt])
        /// `while test: ... else: ...`.
        case `while`(test: Expr, body: [Stmt], orElse: [Stmt])
        /// `for target in iterable: ... else: ...`.
        case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
        case `break`
        case `continue`
        case pass
        /// `return` or `return value`.
        case `return`(Expr?)
        /// `def`.
        case functionDef(FunctionDef)
        /// `class`.
        case classDef(ClassDef)
        /// `with a as x, b: ...`.
        case with(items: [WithItem], body: [Stmt])
        /// `try`/`except`/`else`/`finally`.
        case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
        /// `raise`, `raise exception`, `raise exception from cause`.
        case raise(exception: Expr?, cause: Expr?)
        /// `assert test, message`.
        case assert(test: Expr, message: Expr?)
        /// `del a, b[0]`.
        case delete([Expr])
        /// `global a, b`.
        case global([String])
        /// `nonlocal a, b`.
        case nonlocal([String])
        /// `import a.b as c, d`.
        case `import`([ImportAlias])
        /// `from module import a as b, c` (or `*`); relative imports are rejected by the parser.
        case importFrom(module: String, names: [ImportAlias])
    }

    /// What the statement is.
    public var kind: Kind
    /// Where it is in the source.
    public var range: SourceRange

    /// A statement from its kind and range.
    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A function definition.
public struct FunctionDef: Sendable, Equatable {
    /// The function's name.
    public var name: String
    /// Its parameters.
    public var parameters: Parameters
    /// Its body.
    public var body: [Stmt]
    /// Decorators, outermost first (applied last to first).
    public var decorators: [Expr]
    /// The `-> annotation`, if any.
    public var returns: Expr?

    /// A definition from its parts.
    public init(name: String, parameters: Parameters, body: [Stmt], decorators: [Expr] = [], returns: Expr? = nil) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.decorators = decorators
        self.returns = returns
    }
}

/// A class definition. Keyword arguments such as `metaclass=` are rejected by the parser.
public struct ClassDef: Sendable, Equatable {
    /// The class's name.
    public var name: String
    /// Its base classes, possibly including `*bases`.
    public var bases: [Expr]
    /// Its body.
    public var body: [Stmt]
    /// Decorators, outermost first.
    public var decorators: [Expr]

    /// A definition from its parts.
    public init(name: String, bases: [Expr], body: [Stmt], decorators: [Expr] = []) {
        self.name = name
        self.bases = bases
        self.body = body
        self.decorators = decorators
    }
}

/// One `context as target` item of a `with` statement.
public struct WithItem: Sendable, Equatable {
    /// The context manager expression.
    public var context: Expr
    /// What `__enter__`'s result is bound to.
    public var target: Expr?
    /// From the context expression to the end of the target (CPython records none).
    public var range: SourceRange

    /// An item from its parts.
    public init(context: Expr, target: Expr?, range: SourceRange) {
        self.context = context
        self.target = target
        self.range = range
    }
}

/// One `except Type as name:` clause.
public struct ExceptHandler: Sendable, Equatable {
    /// The exception class or tuple of classes; nil for a bare `except:`.
    public var type: Expr?
    /// The name the exception is bound to.
    public var name: String?
    /// The handler's body.
    public var body: [Stmt]
    /// From `except` to the end of the body.
    public var range: SourceRange

    /// A handler from its parts.
    public init(type: Expr?, name: String?, body: [Stmt], range: SourceRange) {
        self.type = type
        self.name = name
        self.body = body
        self.range = range
    }
}

/// `name as asName` in an import; `name` may be dotted (`torch.nn`) or `*`.
public struct ImportAlias: Sendable, Equatable {
    /// The module or attribute imported.
    public var name: String
    /// The local name, if renamed.
    public var asName: String?
    /// Where the alias is.
    public var range: SourceRange

    /// An alias from its parts.
    public init(name: String, asName: String?, range: SourceRange) {
        self.name = name
        self.asName = asName
        self.range = range
    }
}

/// A parsed program: its statements and the source they came from (for tracebacks).
public struct Program: Sendable {
    /// The top-level statements.
    public var body: [Stmt]
    /// The source text, for showing lines in errors.
    public var source: SourceText

    /// A program from its parts.
    public init(body: [Stmt], source: SourceText) {
        self.body = body
        self.source = source
    }
}
