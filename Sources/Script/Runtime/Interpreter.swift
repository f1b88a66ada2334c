import Foundation
import Tensor

/// Runs parsed programs: a tree-walking evaluator over the AST with Python's scoping, exceptions and tracebacks.
public final class Interpreter {
    /// Where `print` writes (called on the interpreter's own thread, in order).
    public var output: (String) -> Void
    /// Receives each figure `plt.show()` displays (and, in notebooks, a figure still pending when a cell ends); the
    /// host draws it. With no handler, figures are built and dropped, as with matplotlib's non-interactive Agg.
    public var showFigure: ((Figure) -> Void)?
    /// The module namespace programs run in.
    let globals: Environment
    /// The built-in names (`print`, `len`, `ValueError` ...).
    var builtins: Variables
    /// Modules `import` can load, by name; bindings register theirs here.
    public var modules: [String: () throws -> ModuleObject] = [:]
    private var loadedModules: [String: ModuleObject] = [:]
    /// The interpreter this one is a copy of: the modules they share refer to it without keeping it.
    private var original: Interpreter?
    /// Hooks through which bindings give tensors their attributes and operators.
    public var binding: (any ForeignBinding)?
    /// Python frames currently running.
    var depth = 0
    /// Where the running thread's stack is low (`StackRoom.limit`): set by each run on its own thread and swapped
    /// with a generator body's as it resumes and pauses.
    var stackLimit: UInt = 0
    /// The Python functions running, innermost last (for `super()`).
    var functionFrames: [(function: FunctionObject, environment: Environment)] = []
    /// The module frame and every running function's frame, innermost last (where a warning points).
    var frames: [Frame] = []
    /// The `warnings` module's filters and what has been shown already.
    let warningState = WarningState()
    /// Where warnings are written, as CPython writes them to `sys.stderr`; the host decides where that is.
    public var warningOutput: (String) -> Void = { _ in }
    /// The generators whose bodies are running, innermost last (where `yield` hands its value).
    var generators: [GeneratorState] = []
    /// Generators started and not finished (each holds a thread).
    var liveGenerators = 0
    /// The frame whose expression statements print their values, at any depth of its blocks (the interactive
    /// prompt's top level).
    var echoFrame: Frame?
    /// The exception being handled by the innermost `except` (for bare `raise` and `__context__`).
    var handling: [Instance] = []
    /// How deep repr, comparison and hashing have recursed into nested containers (bounded like Python frames).
    var nesting = 0
    /// The most items a list, tuple or string built in one step may hold; beyond it MemoryError, rather than
    /// exhausting the machine (a notebook never needs more).
    static let maximumItems = 20_000_000
    /// CPython's default recursion limit.
    static let recursionLimit = 1000

    /// A fresh interpreter writing printed text to `output`.
    public init(output: @escaping (String) -> Void) {
        self.output = output
        // Room to spare: a sparse table finds a name at its first probe, without comparing it to another name.
        self.globals = Environment(variables: Variables(minimumCapacity: 64), parent: nil, info: nil)
        self.builtins = Variables(Builtins.table())
        globals.variables["__name__"] = .str("__main__")
        StandardLibrary.register(in: self)
    }

    /// The outcome of running a program.
    public enum Outcome {
        /// It ran to the end.
        case success
        /// It did not parse.
        case syntaxError(SyntaxError)
        /// An exception escaped; `traceback` is the text CPython prints to stderr.
        case exception(PythonError, traceback: String)
    }

    /// Parses and runs `source`, printing through `output`.
    public func run(source: String, fileName: String = "<string>") -> Outcome {
        run(source: source, fileName: fileName, echo: .none)
    }

    /// Which expression statements print their value (as a repr, unless None, binding it to `_`).
    public enum Echo: Sendable {
        /// None: a script.
        case none
        /// Every top-level expression statement: the interactive prompt (`python -i`).
        case everyExpression
        /// The last statement, when it is an expression: a notebook cell, as Jupyter shows `Out[n]`.
        case lastExpression
    }

    /// Runs `source` as the interactive prompt does (`python -i`): each top-level expression statement's value,
    /// unless None, is printed as its repr and bound to `_`.
    public func runInteractive(source: String, fileName: String = "<stdin>") -> Outcome {
        run(source: source, fileName: fileName, echo: .everyExpression)
    }

    /// Parses and runs `source`, whose first line is line `firstLine` of `fileName` (a notebook cell's), echoing
    /// expression values as `echo` says.
    public func run(source: String, fileName: String, firstLine: Int = 1, echo: Echo) -> Outcome {
        dropStaleInterrupt()
        let module: Program
        do {
            module = try Parser.parseModule(source, filename: fileName, firstLine: firstLine)
        } catch {
            return parseFailure(error)
        }
        // A Ctrl-C while a long source was parsing stops the program as it starts.
        return run(module, echo: echo, lastValue: nil, keepingInterrupt: true)
    }

    /// Runs a parsed module in this interpreter's globals (on a thread with a large stack, so deep Python recursion
    /// reaches RecursionError rather than overflowing Swift's stack).
    public func run(_ module: Program, echo: Echo = .none) -> Outcome {
        run(module, echo: echo, lastValue: nil)
    }

    /// Runs `source` (starting on line `firstLine` of `fileName`) as a notebook cell, returning the value of its
    /// last statement when that is an expression (evaluated, not displayed), or nil when it is not or the cell failed.
    public func evaluate(source: String, fileName: String, firstLine: Int = 1) -> (outcome: Outcome, value: Value?) {
        dropStaleInterrupt()
        let module: Program
        do {
            module = try Parser.parseModule(source, filename: fileName, firstLine: firstLine)
        } catch {
            return (parseFailure(error), nil)
        }
        final class Box: @unchecked Sendable { var value: Value? }
        let box = Box()
        let outcome = run(module, echo: .lastExpression, lastValue: { box.value = $0 }, keepingInterrupt: true)
        if case .success = outcome { return (outcome, box.value) }
        return (outcome, nil)
    }

    private func run(_ module: Program, echo: Echo, lastValue: ((Value) -> Void)?, keepingInterrupt: Bool = false)
        -> Outcome {
        final class Box: @unchecked Sendable { var outcome: Outcome = .success }
        let box = Box()
        nonisolated(unsafe) let unsafeSelf = self
        nonisolated(unsafe) let unsafeLastValue = lastValue
        let unsafeModule = module
        let started = LargeStack.run(bytes: LargeStack.bytes(1 << 30, orPartsOfAddressSpace: 8)) {
            box.outcome = unsafeSelf.runHere(unsafeModule, echo: echo, lastValue: unsafeLastValue,
                                             keepingInterrupt: keepingInterrupt)
        }
        guard started else {
            let error = PythonError(Interpreter.exceptionClass(named: "MemoryError"),
                                    "cannot run: the system refused every stack of at least "
                                        + "\(LargeStack.smallestBytes) bytes for the interpreter's thread")
            return .exception(error, traceback: traceback(error.exception))
        }
        return box.outcome
    }

    /// What a failed parse gives: a syntax error, or KeyboardInterrupt when Ctrl-C stopped the parser.
    private func parseFailure(_ error: SyntaxError) -> Outcome {
        guard error.kind == .keyboardInterrupt else { return .syntaxError(error) }
        Interruption.clear()
        let interrupt = PythonError(Builtins.keyboardInterrupt)
        return .exception(interrupt, traceback: traceback(interrupt.exception))
    }

    /// A Ctrl-C that arrived after the previous program finished belongs to no program: it must not stop the next.
    private func dropStaleInterrupt() {
        if frames.isEmpty { Interruption.clear() }
    }

    private func runHere(_ module: Program, echo: Echo, lastValue: ((Value) -> Void)?, keepingInterrupt: Bool)
        -> Outcome {
        if !keepingInterrupt { dropStaleInterrupt() }
        let outerStackLimit = stackLimit
        stackLimit = StackRoom.limit
        defer { stackLimit = outerStackLimit }
        let frame = Frame(environment: globals, name: "<module>", source: module.source)
        frames.append(frame)
        defer { frames.removeLast() }
        do {
            switch echo {
            case .none:
                _ = try execute(module.body, in: frame)
            case .everyExpression:
                echoFrame = frame
                defer { echoFrame = nil }
                _ = try execute(module.body, in: frame)
            case .lastExpression:
                for (position, statement) in module.body.enumerated() {
                    guard position == module.body.count - 1, case .expression(let expression) = statement.kind else {
                        _ = try execute(statement, in: frame)
                        continue
                    }
                    frame.statementRange = statement.range
                    let value = try evaluate(expression, in: frame)
                    if let lastValue { lastValue(value) } else { try display(value) }
                }
            }
            // A kernel the last statement ran may have been stopped: its results are not to be trusted.
            try checkInterrupt()
            return .success
        } catch var error as PythonError {
            frame.record(&error)
            return .exception(error, traceback: traceback(error.exception))
        } catch {
            var converted = PythonError.converting(error)
            frame.record(&converted)
            return .exception(converted, traceback: traceback(converted.exception))
        }
    }

    /// Prints a value the prompt shows (its repr, unless None) and binds it to `_`, as `sys.displayhook` does.
    func display(_ value: Value) throws {
        try checkInterrupt()
        if case .none = value { return }
        builtins["_"] = value
        output(try repr(value) + "\n")
    }

    /// A new interpreter printing through `output` whose module namespace starts as a copy of this one's: names
    /// bound in either afterwards stay apart, while the objects they name are shared, as `dict(globals())` shares
    /// them. It shares this one's built-ins, modules (loaded ones too), binding, figure and warning handlers (not the
    /// `warnings` filters).
    public func copy(output: @escaping (String) -> Void) -> Interpreter {
        let copy = Interpreter(output: output)
        copy.globals.variables = globals.variables
        copy.builtins = builtins
        copy.modules = modules
        copy.loadedModules = loadedModules
        copy.original = self
        copy.binding = binding
        copy.showFigure = showFigure
        copy.warningOutput = warningOutput
        return copy
    }

    /// Frees what programs left, as Python does at exit: suspended generators are closed (their `finally` blocks
    /// run) and the module namespace and the imported modules are emptied. Values that refer to each other (a
    /// function and the namespace it was defined in, a suspended generator's thread and this interpreter) are freed
    /// only this way, since Swift counts references and collects no cycles. The interpreter stays usable, with an
    /// empty namespace.
    public func shutDown() {
        // Swapped out first, so code that runs as the old values go (a generator's `finally`) finds a whole table.
        let namespace = globals.variables
        let imported = loadedModules
        globals.variables = Variables(minimumCapacity: 64)
        globals.variables["__name__"] = .str("__main__")
        loadedModules = [:]
        handling.removeAll()
        withExtendedLifetime((namespace, imported)) {}
    }

    /// The names bound in the module namespace, sorted.
    public var globalNames: [String] { globals.variables.keys.sorted() }

    /// The value bound to `name` in the module namespace, or nil when it is unbound.
    public func global(_ name: String) -> Value? { globals.variables[name] }

    /// Binds `name` to `value` in the module namespace.
    public func setGlobal(_ name: String, _ value: Value) { globals.variables[name] = value }

    /// Adds or replaces a built-in name (bindings use this for `torch`-free globals such as `math` helpers).
    public func defineBuiltin(_ name: String, _ value: Value) {
        builtins[name] = value
    }

    /// The root of the built-in class tree, for bindings that define classes (`object`).
    public static var objectClass: ClassObject { Builtins.object }

    /// The built-in exception class with this name (`ValueError` ...), or RuntimeError when there is none.
    public static func exceptionClass(named name: String) -> ClassObject { Builtins.exceptionType(named: name) }

    /// Asks the running program to stop: the engine's kernels stop within milliseconds and the next loop
    /// iteration, call or statement raises KeyboardInterrupt. Safe to call from any thread.
    ///
    /// The request is the engine's process-wide `Interruption` flag, so one Ctrl-C reaches whichever kernel runs.
    public func interrupt() {
        Interruption.request()
    }

    /// Raises KeyboardInterrupt when `interrupt()` was called.
    @inline(__always)
    func checkInterrupt() throws {
        if Interruption.isRequested {
            Interruption.clear()
            throw PythonError(Builtins.keyboardInterrupt)
        }
    }

    /// Loads (once) and returns the module called `name`.
    func importModule(_ name: String) throws -> ModuleObject {
        if let module = loadedModules[name] { return module }
        guard let loader = modules[name] else {
            // As CPython does, the error names the first part of a dotted name that is missing.
            let package = String(name.prefix { $0 != "." })
            let missing = modules[package] == nil ? package : name
            let error = PythonError(Builtins.moduleNotFoundError,
                                    Sandbox.explained("No module named '\(missing)'", Sandbox.reason(forModule: name)))
            error.exception.attributes["name"] = .str(missing)
            throw error
        }
        let module = try loader()
        loadedModules[name] = module
        return module
    }
}

/// Hooks a binding installs so the core can treat tensors (and other foreign values) like Python objects.
public protocol ForeignBinding: AnyObject {
    /// `tensor.name`, or nil when there is no such attribute.
    func attribute(of tensor: Value, _ name: String, interpreter: Interpreter) throws -> Value?
    /// The method `tensor.name` names, as a function of the call's arguments, or nil when `name` is not a method
    /// (a data attribute, or missing): the interpreter then looks it up with `attribute(of:_:interpreter:)`.
    func method(of tensor: Value, _ name: String, interpreter: Interpreter) throws -> ((Arguments) throws -> Value)?
    /// `lhs op rhs` when either side is a tensor, or nil when unsupported.
    func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, interpreter: Interpreter) throws -> Value?
    /// `lhs op rhs` for `==`, `!=`, `<`, `<=`, `>`, `>=` when either side is a tensor, or nil when unsupported.
    func compare(_ op: ComparisonOperator, _ lhs: Value, _ rhs: Value, interpreter: Interpreter) throws -> Value?
    /// `-t`, `+t`, `~t`, or nil.
    func unary(_ op: UnaryOperator, _ operand: Value, interpreter: Interpreter) throws -> Value?
    /// `repr(t)` / `str(t)`.
    func repr(_ tensor: Value, interpreter: Interpreter) throws -> String
    /// The class `type(value)` returns for a tensor or foreign object (`torch.Tensor`), or nil for the default.
    func typeObject(of value: Value) -> ClassObject?
    /// The attribute and method names of a tensor or foreign object (for completion), sorted.
    func attributeNames(of value: Value, interpreter: Interpreter) -> [String]
}

extension ForeignBinding {
    /// By default methods are found through `attribute(of:_:interpreter:)`.
    public func method(of tensor: Value, _ name: String, interpreter: Interpreter) throws
        -> ((Arguments) throws -> Value)? { nil }
    /// By default tensors and foreign objects get a plain built-in class named after their type.
    public func typeObject(of value: Value) -> ClassObject? { nil }
    /// By default a foreign value offers no names.
    public func attributeNames(of value: Value, interpreter: Interpreter) -> [String] { [] }
}

/// One running Python frame: its namespace, the function's name and its source.
final class Frame {
    let environment: Environment
    let name: String
    let source: SourceText
    /// The statement running now, for tracebacks when no expression range is known.
    var statementRange: SourceRange?

    init(environment: Environment, name: String, source: SourceText) {
        self.environment = environment
        self.name = name
        self.source = source
    }

    /// Adds this frame's line to the exception's traceback as the error leaves the frame.
    func record(_ error: inout PythonError) {
        if error.recordedFrame == ObjectIdentifier(self) { return }
        error.recordedFrame = ObjectIdentifier(self)
        guard let range = error.pendingRange ?? statementRange else { return }
        error.exception.traceback.insert(
            TracebackFrame(fileName: source.filename, functionName: name, range: range, source: source), at: 0)
        error.pendingRange = nil
    }
}
