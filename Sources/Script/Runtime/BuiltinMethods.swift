/// Methods of built-in values (`list.append`, `dict.items`, `str.join` ...), bound to their receiver. Each type's
/// methods live in `BuiltinMethods+Type.swift`; this file dispatches and checks arities with CPython's messages.
enum BuiltinMethods {
    /// A method body taking the call's arguments.
    typealias Body = (Arguments) throws -> Value

    /// `object.name` for a built-in container or string, bound to it, or nil when it has no such method.
    static func method(of object: Value, _ name: String, interpreter: Interpreter) throws -> Value? {
        let body: Body?
        switch object {
        case .list(let list): body = listMethod(list, name, interpreter)
        case .dict(let dict): body = dictMethod(dict, name, interpreter)
        case .str(let text): body = strMethod(text, name, interpreter)
        case .set(let set): body = setMethod(set, name, interpreter)
        case .tuple(let items): body = tupleMethod(items, name, interpreter)
        default: body = nil
        }
        guard let body else { return nil }
        return .builtin(BuiltinFunction(name) { _, arguments in try body(arguments) })
    }

    /// How many positional arguments a C method takes, and which of CPython's message styles it reports with.
    enum Arity {
        /// `str.upper() takes no arguments (1 given)`.
        case none
        /// `list.append() takes exactly one argument (0 given)`.
        case one
        /// Argument Clinic: `replace expected at least 2 arguments, got 1`.
        case clinic(ClosedRange<Int>)
        /// Older methods: `count() takes at least 1 argument (0 given)`.
        case legacy(ClosedRange<Int>)
    }

    /// TypeError unless the call is positional-only with an allowed count; `type` qualifies the name (`str`).
    static func check(_ arguments: Arguments, _ type: String, _ name: String, _ arity: Arity) throws {
        guard arguments.keywords.isEmpty else {
            throw PythonError.typeError("\(type).\(name)() takes no keyword arguments")
        }
        let given = arguments.positional.count
        func plural(_ n: Int) -> String { n == 1 ? "argument" : "arguments" }
        switch arity {
        case .none:
            guard given == 0 else { throw PythonError.typeError("\(type).\(name)() takes no arguments (\(given) given)") }
        case .one:
            guard given == 1 else {
                throw PythonError.typeError("\(type).\(name)() takes exactly one argument (\(given) given)")
            }
        case .clinic(let range):
            guard !range.contains(given) else { return }
            if range.lowerBound == range.upperBound {
                throw PythonError.typeError("\(name) expected \(range.lowerBound) \(plural(range.lowerBound)), got \(given)")
            }
            let (bound, word) = given < range.lowerBound ? (range.lowerBound, "least") : (range.upperBound, "most")
            throw PythonError.typeError("\(name) expected at \(word) \(bound) \(plural(bound)), got \(given)")
        case .legacy(let range):
            guard !range.contains(given) else { return }
            let (bound, word) = given < range.lowerBound ? (range.lowerBound, "least") : (range.upperBound, "most")
            throw PythonError.typeError("\(name)() takes at \(word) \(bound) \(plural(bound)) (\(given) given)")
        }
    }

    /// Arguments of a C method that also accepts keywords (`split(sep=None, maxsplit=-1)`), aligned with `names`.
    static func keywordArguments(_ arguments: Arguments, _ name: String, _ names: [String]) throws -> [Value?] {
        let given = arguments.positional.count + arguments.keywords.count
        guard given <= names.count else {
            throw PythonError.typeError("\(name)() takes at most \(names.count) argument\(names.count == 1 ? "" : "s") "
                + "(\(given) given)")
        }
        var values: [Value?] = Array(repeating: nil, count: names.count)
        for (index, value) in arguments.positional.enumerated() { values[index] = value }
        for (keyword, value) in arguments.keywords {
            guard let index = names.firstIndex(of: keyword) else {
                throw PythonError.typeError("'\(keyword)' is an invalid keyword argument for \(name)()")
            }
            guard values[index] == nil else {
                throw PythonError.typeError("argument for \(name)() given by name ('\(keyword)') and position "
                    + "(\(index + 1))")
            }
            values[index] = value
        }
        return values
    }

    /// An int argument (`count`, `width`, `maxsplit`), with `operator.index`'s TypeError for anything else.
    static func integer(_ value: Value, _ interpreter: Interpreter) throws -> Int {
        try interpreter.index(value, "'\(value.typeName)' object cannot be interpreted as an integer")
    }

    /// MemoryError for a string longer than a notebook could need (`'x'.ljust(10**12)`).
    static func checkLength(_ count: Int) throws {
        guard count <= Interpreter.maximumItems else { throw PythonError(Builtins.memoryError) }
    }

    /// A `start`/`end` argument of `find`, `index`, `count` ...: nil when absent or None, otherwise an int.
    static func sliceIndex(_ value: Value?, _ interpreter: Interpreter, allowsNone: Bool = true) throws -> Int? {
        guard let value else { return nil }
        if allowsNone, case .none = value { return nil }
        return try interpreter.index(value, allowsNone
            ? "slice indices must be integers or None or have an __index__ method"
            : "slice indices must be integers or have an __index__ method")
    }

    /// `start` and `end` resolved against `count` as slices resolve them (negative from the end, clamped); `start`
    /// may exceed `count`, which callers treat as an empty window.
    static func window(_ start: Int?, _ end: Int?, count: Int) -> (start: Int, end: Int) {
        var lower = start ?? 0, upper = end ?? count
        if lower < 0 { lower = max(0, lower + count) }
        if upper < 0 { upper = max(0, upper + count) }
        return (lower, min(upper, count))
    }
}

extension BuiltinMethods {
    /// `str.upper`, `dict.fromkeys` ...: a built-in type's method looked up on the type, taking its receiver first.
    static func unboundMethod(_ cls: ClassObject, _ name: String, interpreter: Interpreter) -> Value? {
        if cls === Builtins.dict && name == "fromkeys" {
            return .builtin(BuiltinFunction(name) { interpreter, arguments in try fromKeys(arguments, interpreter) })
        }
        let empties: [(ClassObject, Value)] = [
            (Builtins.str, .str("")), (Builtins.list, .list(ListObject([]))), (Builtins.tuple, .tuple([])),
            (Builtins.dict, .dict(DictObject())), (Builtins.set, .set(SetObject())),
        ]
        guard let empty = empties.first(where: { $0.0 === cls })?.1 else { return nil }
        guard (try? method(of: empty, name, interpreter: interpreter)) != nil else { return nil }
        return .builtin(BuiltinFunction(name) { interpreter, arguments in
            guard let receiver = arguments.positional.first else {
                throw PythonError.typeError("unbound method \(cls.name).\(name)() needs an argument")
            }
            guard receiver.typeName == cls.name,
                  let bound = try method(of: receiver, name, interpreter: interpreter) else {
                throw PythonError.typeError(
                    "descriptor '\(name)' for '\(cls.name)' objects doesn't apply to a '\(receiver.typeName)' object")
            }
            return try interpreter.call(bound, Arguments(Array(arguments.positional.dropFirst()),
                                                         keywords: arguments.keywords))
        })
    }
}
