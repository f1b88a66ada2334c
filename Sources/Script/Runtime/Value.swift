import Tensor

/// A Python object as the interpreter holds it. Immutable values are stored inline; mutable and identity-bearing
/// objects are reference types, so `is` and aliasing behave as in Python.
public enum Value {
    /// `None`.
    case none
    /// `...`.
    case ellipsis
    /// `NotImplemented`, returned by binary dunders that decline.
    case notImplemented
    /// `True` / `False`.
    case bool(Bool)
    /// A Python int that fits in `Int`; arithmetic that would overflow raises OverflowError.
    case int(Int)
    /// A Python float.
    case float(Double)
    /// A Python str.
    case str(String)
    /// A tuple (immutable, stored inline).
    case tuple([Value])
    /// A list (shared by reference).
    case list(ListObject)
    /// A dict (shared by reference, insertion-ordered).
    case dict(DictObject)
    /// A set (shared by reference).
    case set(SetObject)
    /// A `range`.
    case range(RangeValue)
    /// A `slice` object.
    indirect case slice(SliceValue)
    /// A function defined by `def` or `lambda`.
    case function(FunctionObject)
    /// A function implemented in Swift.
    case builtin(BuiltinFunction)
    /// A method bound to its receiver.
    case boundMethod(BoundMethod)
    /// A class: built-in (`int`, `ValueError`) or defined by the program.
    case type(ClassObject)
    /// An instance of a program-defined class, or an exception.
    case instance(Instance)
    /// A module.
    case module(ModuleObject)
    /// An iterator (list iterators, `zip`, `enumerate`, generator expressions ...).
    case iterator(IteratorObject)
    /// An engine tensor; its attributes and operators come from the installed `ForeignBinding`.
    case tensor(Tensor)
    /// Any other object supplied by a binding (modules' natives such as `nn.Linear`).
    case foreign(any ForeignObject)
}

/// An object from a binding (torch, nn, ...), looked up through its own methods rather than the core's.
public protocol ForeignObject: AnyObject {
    /// The Python type name (`Linear`, `device`, ...).
    var typeName: String { get }
    /// The name messages give the type: its module too for a type defined in C (`torch.Size`), as CPython's
    /// `tp_name` does; by default `typeName`.
    var qualifiedTypeName: String { get }
    /// `obj.name`, or nil when there is no such attribute.
    func attribute(_ name: String, interpreter: Interpreter) throws -> Value?
    /// `repr(obj)`.
    func repr(interpreter: Interpreter) throws -> String
    /// `obj(args)`, or nil when the object is not callable.
    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value?
}

extension ForeignObject {
    /// By default a type is named as it is spelled.
    public var qualifiedTypeName: String { typeName }
}

/// Positional and keyword arguments of a call, after unpacking `*` and `**`.
public struct Arguments {
    /// Positional arguments in order.
    public var positional: [Value]
    /// Keyword arguments in order.
    public var keywords: [(name: String, value: Value)]

    /// Arguments from their parts.
    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }
}

/// A `list`.
public final class ListObject {
    /// The items.
    public var items: [Value]
    /// A list of these items.
    public init(_ items: [Value]) { self.items = items }
}

/// A `set`.
public final class SetObject {
    /// The members, by hash key, in insertion order.
    public var storage: DictObject
    /// An empty set.
    public init() { storage = DictObject() }
}

/// A `range`.
public struct RangeValue {
    /// The first value.
    public var start: Int
    /// The bound (excluded).
    public var stop: Int
    /// The stride (never zero).
    public var step: Int

    /// How many values it yields (never negative; clamped to `Int.max`).
    public var count: Int { exactCount ?? Int.max }

    /// How many values it yields, or nil past `Int.max` (`range(-2**63, 2**63 - 1)` has 2**64 - 1), where CPython's
    /// `len` overflows too.
    public var exactCount: Int? { unsignedCount > UInt(Int.max) ? nil : Int(unsignedCount) }

    private var unsignedCount: UInt {
        // The distance always fits in UInt, and wrapping subtraction gives it exactly.
        let distance: UInt, stride: UInt
        if step > 0 {
            guard start < stop else { return 0 }
            distance = UInt(bitPattern: stop &- start)
            stride = UInt(step)
        } else {
            guard start > stop else { return 0 }
            distance = UInt(bitPattern: start &- stop)
            stride = step.magnitude
        }
        return (distance - 1) / stride + 1
    }

    /// The item at `index` (0 ≤ index < count); wrapping arithmetic is exact because the result is in range.
    public func item(_ index: Int) -> Int { start &+ index &* step }

    /// The item at a Python index (negative counts from the end), or nil out of range; exact also for ranges longer
    /// than `Int.max`, whose negative indices count from a length no Int holds.
    public func item(atPythonIndex index: Int) -> Int? {
        let length = unsignedCount
        let position: UInt
        if index >= 0 {
            guard UInt(index) < length else { return nil }
            position = UInt(index)
        } else {
            guard index.magnitude <= length else { return nil }
            position = length - index.magnitude
        }
        // Modulo 2**64 the wrapped result is the item, which is in Int's range.
        return start &+ Int(bitPattern: position) &* step
    }
}

/// A `slice` object.
public struct SliceValue {
    /// `start` (None when omitted).
    public var lower: Value
    /// `stop` (None when omitted).
    public var upper: Value
    /// `step` (None when omitted).
    public var step: Value
}

/// A function defined by `def` or `lambda`.
public final class FunctionObject {
    /// `__name__`.
    public let name: String
    /// `__qualname__`.
    public let qualifiedName: String
    let parameters: Parameters
    let body: FunctionBody
    /// Default values of `regular`/`positionalOnly` parameters, aligned to the end of those.
    var defaults: [Value]
    var keywordDefaults: [String: Value]
    let scope: ScopeInfo
    /// The scope a nested function's free names resolve in.
    let closure: Environment?
    let globals: Environment
    let sourceText: SourceText
    /// Parameter names that take positional arguments, in order.
    lazy var positionalNames: [String] = (parameters.positionalOnly + parameters.regular).map(\.name)
    /// Names a keyword argument may bind.
    lazy var keywordNames: Set<String> = Set(parameters.regular.map(\.name) + parameters.keywordOnly.map(\.name))
    /// True when calls with exactly the positional parameters need no further checks.
    lazy var isSimple: Bool = parameters.varPositional == nil && parameters.varKeyword == nil
        && parameters.keywordOnly.isEmpty
    /// True when the body contains `yield`: calling it returns a generator.
    lazy var isGenerator: Bool = {
        if case .statements(let statements) = body { return containsYield(statements) }
        return false
    }()
    /// The class whose body defined this function (for zero-argument `super()`).
    var definingClass: ClassObject?
    /// Attributes set on the function object.
    var attributes: [String: Value] = [:]

    init(name: String, qualifiedName: String, parameters: Parameters, body: FunctionBody, defaults: [Value],
         keywordDefaults: [String: Value], scope: ScopeInfo, closure: Environment?, globals: Environment,
         source: SourceText) {
        self.sourceText = source
        self.name = name
        self.qualifiedName = qualifiedName
        self.parameters = parameters
        self.body = body
        self.defaults = defaults
        self.keywordDefaults = keywordDefaults
        self.scope = scope
        self.closure = closure
        self.globals = globals
    }
}

/// What a function runs: statements, or a lambda's single expression.
enum FunctionBody {
    case statements([Stmt])
    case expression(Expr)
}

/// A function implemented in Swift.
public final class BuiltinFunction {
    /// `__name__`.
    public let name: String
    /// The implementation.
    public let body: (Interpreter, Arguments) throws -> Value
    /// True for a native class's method (`nn.Module.parameters`): looked up through an instance it binds to it, as
    /// a `def` in a class body does. Plain builtins stored on a class stay unbound, as in Python.
    public let isMethod: Bool

    /// A builtin from its name and implementation.
    public init(_ name: String, isMethod: Bool = false, _ body: @escaping (Interpreter, Arguments) throws -> Value) {
        self.name = name
        self.isMethod = isMethod
        self.body = body
    }
}

/// A function bound to the object it was looked up on (`obj.method`).
public final class BoundMethod {
    /// The object passed as the first argument.
    public let receiver: Value
    /// The function.
    public let function: Value

    /// A method from its parts.
    public init(receiver: Value, function: Value) {
        self.receiver = receiver
        self.function = function
    }
}

/// An instance of a class: its attributes, and for exceptions their arguments and traceback.
public final class Instance {
    /// Its class.
    public let cls: ClassObject
    /// `__dict__`.
    public var attributes: [String: Value] = [:]
    /// `args` of an exception.
    public var arguments: [Value] = []
    /// Frames the exception passed through, innermost last.
    public var traceback: [TracebackFrame] = []
    /// `__cause__`, from `raise ... from ...`.
    public var cause: Value = .none
    /// `__context__`: the exception being handled when this one was raised.
    public var context: Value = .none
    /// `__suppress_context__`.
    public var suppressContext = false
    /// For NameError and AttributeError: the names CPython would search for a "Did you mean" suggestion.
    var suggestionCandidates: [String]?
    /// The binding's object behind an instance of a native class, such as the engine module of an `nn.Module`.
    public var native: AnyObject?

    /// A new instance.
    public init(cls: ClassObject) { self.cls = cls }
}

/// A module: its name and namespace.
public final class ModuleObject {
    /// `__name__`.
    public let name: String
    /// Its attributes.
    public var attributes: [String: Value]

    /// A module from its parts.
    public init(name: String, attributes: [String: Value] = [:]) {
        self.name = name
        self.attributes = attributes
    }
}

/// An iterator: a closure producing the next item, or nil when exhausted.
public final class IteratorObject {
    /// The Python type name (`list_iterator`, `zip`, `generator`, ...).
    public let typeName: String
    let nextItem: () throws -> Value?
    private var finished = false

    /// An iterator of the given type.
    public init(_ typeName: String, _ next: @escaping () throws -> Value?) {
        self.typeName = typeName
        self.nextItem = next
    }

    /// The next item, or nil; KeyboardInterrupt once an interrupt is requested, so every loop over an iterator
    /// stops on Ctrl-C, the builtins' own (`sum(range(2**62))`, `list(zip(...))`) as well as the interpreter's.
    public func next() throws -> Value? {
        if Interruption.isRequested {
            Interruption.clear()
            throw PythonError(Builtins.keyboardInterrupt)
        }
        if finished { return nil }
        guard let item = try nextItem() else {
            finished = true
            return nil
        }
        return item
    }
}

extension Value {
    /// Shorthand for a Python bool.
    nonisolated(unsafe) static let `true` = Value.bool(true)
    nonisolated(unsafe) static let `false` = Value.bool(false)
}
