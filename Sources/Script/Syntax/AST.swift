/// An expression node: what it is (`kind`) and the source it came from (`range`). The shapes follow Python's `ast`
/// module, so evaluation order and semantics can be read off CPython's (for example, a call keeps positional and
/// keyword arguments apart, and a comparison chain is one node).
public struct Expr: Sendable, Equatable {
    /// Every kind of expression.
    public indirect enum Kind: Sendable, Equatable {
        /// A variable reference: `x`.
        case name(String)
        /// A literal: `None`, `True`, `42`, `2.5`, `"text"`, `...`. Adjacent string literals are already joined.
        case constant(Constant)
        /// An f-string (CPython's `JoinedStr`): literal text and replacement fields in order.
        case formattedString([FStringPart])
        /// `-x`, `+x`, `~x`, `not x`.
        case unary(UnaryOperator, Expr)
        /// `a + b` and the other arithmetic and bitwise operators.
        case binary(Expr, BinaryOperator, Expr)
        /// `a and b and c` or `a or b`: two or more operands, evaluated left to right with short-circuiting.
        case boolean(BooleanOperator, [Expr])
        /// `a < b <= c`: the first operand and each operator with the operand after it.
        case compare(Expr, [Comparison])
        /// `f(a, *b, k=c, **d)`: positional arguments (including `*` ones) in order, then keywords in order;
        /// CPython evaluates them in exactly that order.
        case call(Expr, arguments: [Expr], keywords: [Keyword])
        /// `obj.name`.
        case attribute(Expr, String)
        /// `obj[index]`; a multi-dimensional index is a tuple, a slice is `.slice`.
        case `subscript`(Expr, Expr)
        /// `lower:upper:step` inside a subscript; missing parts are nil.
        case slice(lower: Expr?, upper: Expr?, step: Expr?)
        /// `*x` in a call, a display, or an assignment target.
        case starred(Expr)
        /// `(a, b)` or `a, b`.
        case tuple([Expr])
        /// `[a, b]`.
        case list([Expr])
        /// `{a, b}`.
        case set([Expr])
        /// `{k: v, **d}`.
        case dict([DictEntry])
        /// `[x for x in xs if c]`.
        case listComprehension(Expr, [Comprehension])
        /// `{x for x in xs}`.
        case setComprehension(Expr, [Comprehension])
        /// `{k: v for k, v in items}`.
        case dictComprehension(key: Expr, value: Expr, [Comprehension])
        /// `(x for x in xs)`.
        case generator(Expr, [Comprehension])
        /// `body if test else orElse`.
        case conditional(test: Expr, body: Expr, orElse: Expr)
        /// `lambda params: body`.
        case lambda(Parameters, Expr)
        /// `name := value`.
        case namedExpr(target: Expr, value: Expr)
        /// `yield` or `yield value`.
        case yield(Expr?)
        /// `yield from iterable`.
        case yieldFrom(Expr)
        /// `await value`: parsed so errors match CPython's, but refused before a program runs (Attend has no
        /// coroutines).
        case await(Expr)
    }

    /// What the expression is.
    public var kind: Kind
    /// Where it is in the source.
    public var range: SourceRange

    /// An expression from its kind and range.
    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// A literal value.
public enum Constant: Sendable, Equatable {
    case none
    case ellipsis
    case bool(Bool)
    /// An integer of any size.
    case int(IntLiteral)
    case float(Double)
    case string(String)
}

/// An integer literal of any size: its decimal digits, and its value when it fits in `Int`.
public struct IntLiteral: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The value in decimal, without sign, underscores or leading zeros ("0" for zero).
    public let digits: String
    /// The value, or nil when it does not fit in `Int`.
    public let value: Int?

    /// A literal from its decimal digits.
    public init(digits: String) {
        self.digits = digits
        self.value = Int(digits)
    }

    /// The decimal digits.
    public var description: String { digits }
}

/// One piece of an f-string.
public enum FStringPart: Sendable, Equatable {
    /// Literal text, with escapes and `{{`/`}}` already decoded; the range is CPython's (the string literals it
    /// came from).
    case literal(String, range: SourceRange)
    /// A replacement field `{value!conversion:spec}`.
    case field(FormattedValue)
}

/// A replacement field of an f-string (CPython's `FormattedValue`).
public struct FormattedValue: Sendable, Equatable {
    /// The conversion after `!`.
    public enum Conversion: Character, Sendable, Equatable {
        case str = "s"
        case repr = "r"
        case ascii = "a"
    }

    /// The expression whose value is formatted.
    public var value: Expr
    /// `!s`, `!r` or `!a`; for `{x=}` without a spec CPython implies `!r`, and so does this node.
    public var conversion: Conversion?
    /// The format spec after `:`, an f-string (`.formattedString`) itself possibly holding fields (`{x:{width}}`);
    /// nil when there is none.
    public var formatSpec: Expr?
    /// The whole string literal the field belongs to, as CPython records it.
    public var range: SourceRange

    /// A field from its parts.
    public init(value: Expr, conversion: Conversion?, formatSpec: Expr?, range: SourceRange) {
        self.value = value
        self.conversion = conversion
        self.formatSpec = formatSpec
        self.range = range
    }
}

/// A unary operator.
public enum UnaryOperator: String, Sendable, Equatable {
    case not = "not"
    case negate = "-"
    case plus = "+"
    case invert = "~"
}

/// A binary arithmetic or bitwise operator, spelled as in Python.
public enum BinaryOperator: String, Sendable, Equatable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case matrixMultiply = "@"
    case divide = "/"
    case floorDivide = "//"
    case modulo = "%"
    case power = "**"
    case leftShift = "<<"
    case rightShift = ">>"
    case bitOr = "|"
    case bitXor = "^"
    case bitAnd = "&"
}

/// `and` or `or`.
public enum BooleanOperator: String, Sendable, Equatable {
    case and
    case or
}

/// A comparison operator, spelled as in Python.
public enum ComparisonOperator: String, Sendable, Equatable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case `is` = "is"
    case isNot = "is not"
    case `in` = "in"
    case notIn = "not in"
}

/// One link of a comparison chain: the operator and the operand on its right.
public struct Comparison: Sendable, Equatable {
    /// The operator.
    public var op: ComparisonOperator
    /// The operand to its right.
    public var right: Expr

    /// A link from its parts.
    public init(op: ComparisonOperator, right: Expr) {
        self.op = op
        self.right = right
    }
}

/// A keyword argument `name=value`, or `**value` when `name` is nil.
public struct Keyword: Sendable, Equatable {
    /// The parameter name, or nil for `**mapping`.
    public var name: String?
    /// The argument.
    public var value: Expr
    /// From the name (or `**`) to the end of the value.
    public var range: SourceRange

    /// A keyword from its parts.
    public init(name: String?, value: Expr, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

/// An entry of a dict display.
public enum DictEntry: Sendable, Equatable {
    /// `key: value`.
    case pair(key: Expr, value: Expr)
    /// `**mapping`.
    case unpack(Expr)
}

/// One `for target in iterable if condition ...` clause of a comprehension.
public struct Comprehension: Sendable, Equatable {
    /// What each item is bound to.
    public var target: Expr
    /// What is iterated.
    public var iterable: Expr
    /// The `if` filters, all of which must hold.
    public var conditions: [Expr]
    /// From `for` to the end of the clause (CPython records none).
    public var range: SourceRange

    /// A clause from its parts.
    public init(target: Expr, iterable: Expr, conditions: [Expr], range: SourceRange) {
        self.target = target
        self.iterable = iterable
        self.conditions = conditions
        self.range = range
    }
}

/// The parameters of a `def` or `lambda`, in CPython's groups.
public struct Parameters: Sendable, Equatable {
    /// Parameters before `/`.
    public var positionalOnly: [Parameter] = []
    /// Ordinary parameters, between `/` and `*`.
    public var regular: [Parameter] = []
    /// `*args`.
    public var varPositional: Parameter?
    /// Parameters after `*` or `*args`.
    public var keywordOnly: [Parameter] = []
    /// `**kwargs`.
    public var varKeyword: Parameter?

    /// No parameters.
    public init() {}

    /// All named parameters in declaration order, including `*args` and `**kwargs`.
    public var all: [Parameter] {
        positionalOnly + regular + (varPositional.map { [$0] } ?? []) + keywordOnly
            + (varKeyword.map { [$0] } ?? [])
    }
}

/// One parameter: its name, optional annotation, and optional default (evaluated when the `def` runs).
public struct Parameter: Sendable, Equatable {
    /// The name.
    public var name: String
    /// The annotation after `:`.
    public var annotation: Expr?
    /// The default after `=`.
    public var defaultValue: Expr?
    /// The name and annotation (CPython's `arg` node; the default is not part of it).
    public var range: SourceRange

    /// A parameter from its parts.
    public init(name: String, annotation: Expr? = nil, defaultValue: Expr? = nil, range: SourceRange) {
        self.name = name
        self.annotation = annotation
        self.defaultValue = defaultValue
        self.range = range
    }
}
