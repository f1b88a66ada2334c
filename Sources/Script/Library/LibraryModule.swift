/// Builds a standard-library module (`math`, `time`, `random`): its attributes and the argument checks CPython's
/// C functions make, with their exact messages.
struct LibraryModule {
    /// The module's name (`math`), used in messages such as `math.sqrt() takes exactly one argument`.
    let name: String
    /// The attributes defined so far.
    var attributes: [String: Value] = [:]

    /// An empty module called `name`.
    init(_ name: String) {
        self.name = name
    }

    /// Defines a function taking the call's arguments as given.
    mutating func define(_ function: String, _ body: @escaping (Arguments) throws -> Value) {
        attributes[function] = .builtin(BuiltinFunction(function) { _, arguments in try body(arguments) })
    }

    /// Defines a positional-only function of exactly one argument (`math.sqrt(x)`).
    mutating func unary(_ function: String, _ body: @escaping (Value) throws -> Value) {
        let qualified = "\(name).\(function)"
        define(function) { arguments in
            try Self.noKeywords(arguments, "\(qualified)()")
            guard arguments.positional.count == 1 else {
                throw PythonError.typeError(
                    "\(qualified)() takes exactly one argument (\(arguments.positional.count) given)")
            }
            return try body(arguments.positional[0])
        }
    }

    /// Defines a positional-only function of `range` arguments (`math.pow(x, y)`, `math.perm(n, k=None)`).
    mutating func positional(_ function: String, _ range: ClosedRange<Int>, _ body: @escaping ([Value]) throws -> Value) {
        let qualified = "\(name).\(function)"
        define(function) { arguments in
            try Self.noKeywords(arguments, "\(qualified)()")
            try Self.count(arguments.positional.count, range, function)
            return try body(arguments.positional)
        }
    }

    /// Defines a function of any number of positional arguments (`math.gcd(*integers)`).
    mutating func variadic(_ function: String, _ body: @escaping ([Value]) throws -> Value) {
        let qualified = "\(name).\(function)"
        define(function) { arguments in
            try Self.noKeywords(arguments, "\(qualified)()")
            return try body(arguments.positional)
        }
    }

    /// The module object.
    func make() -> ModuleObject {
        ModuleObject(name: name, attributes: attributes)
    }

    /// TypeError when a positional-only function is given keywords.
    static func noKeywords(_ arguments: Arguments, _ function: String) throws {
        guard arguments.keywords.isEmpty else {
            throw PythonError.typeError("\(function) takes no keyword arguments")
        }
    }

    /// TypeError, worded as Argument Clinic words it, when `given` is outside `range`.
    static func count(_ given: Int, _ range: ClosedRange<Int>, _ function: String) throws {
        guard !range.contains(given) else { return }
        let plural = { (n: Int) in n == 1 ? "argument" : "arguments" }
        if range.lowerBound == range.upperBound {
            throw PythonError.typeError("\(function) expected \(range.lowerBound) \(plural(range.lowerBound)), got \(given)")
        }
        if given < range.lowerBound {
            throw PythonError.typeError(
                "\(function) expected at least \(range.lowerBound) \(plural(range.lowerBound)), got \(given)")
        }
        throw PythonError.typeError(
            "\(function) expected at most \(range.upperBound) \(plural(range.upperBound)), got \(given)")
    }

    /// A Python real number as a Double (`must be real number, not str` otherwise).
    static func real(_ value: Value) throws -> Double {
        switch value {
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .float(let x): return x
        case .tensor(let t) where t.count == 1: return try t.item().doubleValue
        default: throw PythonError.typeError("must be real number, not \(value.typeName)")
        }
    }

    /// A Python int (bools count) as an Int; floats and others are a TypeError as `operator.index` reports it.
    static func integer(_ value: Value, _ interpreter: Interpreter) throws -> Int {
        try interpreter.index(value, "'\(value.typeName)' object cannot be interpreted as an integer")
    }
}
