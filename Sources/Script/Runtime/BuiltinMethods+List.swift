/// `list` and `tuple` methods.
extension BuiltinMethods {
    /// The `list` method `name` bound to `list`, or nil.
    static func listMethod(_ list: ListObject, _ name: String, _ interpreter: Interpreter) -> Body? {
        switch name {
        case "append":
            return { arguments in
                try check(arguments, "list", name, .one)
                list.items.append(arguments.positional[0])
                return .none
            }
        case "extend":
            return { arguments in
                try check(arguments, "list", name, .one)
                list.items.append(contentsOf: try interpreter.collect(arguments.positional[0]))
                return .none
            }
        case "insert":
            return { arguments in
                try check(arguments, "list", name, .clinic(2...2))
                var i = try interpreter.index(arguments.positional[0],
                                              "'\(arguments.positional[0].typeName)' object cannot be interpreted as an integer")
                if i < 0 { i = max(0, i + list.items.count) }
                list.items.insert(arguments.positional[1], at: min(i, list.items.count))
                return .none
            }
        case "pop":
            return { arguments in
                try check(arguments, "list", name, .clinic(0...1))
                var i = try arguments.positional.first.map {
                    try interpreter.index($0, "'\($0.typeName)' object cannot be interpreted as an integer")
                } ?? -1
                guard !list.items.isEmpty else { throw PythonError.indexError("pop from empty list") }
                if i < 0 { i += list.items.count }
                guard i >= 0 && i < list.items.count else { throw PythonError.indexError("pop index out of range") }
                return list.items.remove(at: i)
            }
        case "remove":
            return { arguments in
                try check(arguments, "list", name, .one)
                for (i, item) in list.items.enumerated() where try interpreter.equals(item, arguments.positional[0]) {
                    list.items.remove(at: i)
                    return .none
                }
                throw PythonError.valueError("list.remove(x): x not in list")
            }
        case "index":
            return { arguments in
                try check(arguments, "list", name, .clinic(1...3))
                if let i = try position(of: arguments, in: list.items, interpreter) { return .int(i) }
                throw PythonError.valueError("\(try interpreter.repr(arguments.positional[0])) is not in list")
            }
        case "count":
            return { arguments in
                try check(arguments, "list", name, .one)
                return .int(try list.items.filter { try interpreter.equals($0, arguments.positional[0]) }.count)
            }
        case "clear", "copy", "reverse":
            return { arguments in
                try check(arguments, "list", name, .none)
                switch name {
                case "clear": list.items.removeAll()
                case "copy": return .list(ListObject(list.items))
                default: list.items.reverse()
                }
                return .none
            }
        case "sort":
            return { arguments in
                guard arguments.positional.isEmpty else {
                    throw PythonError.typeError("sort() takes no positional arguments")
                }
                var items = list.items
                try BuiltinFunctions.sort(&items, interpreter, arguments.keywords)
                list.items = items
                return .none
            }
        default: return nil
        }
    }

    /// The `tuple` method `name` bound to `items`, or nil.
    static func tupleMethod(_ items: [Value], _ name: String, _ interpreter: Interpreter) -> Body? {
        switch name {
        case "index":
            return { arguments in
                try check(arguments, "tuple", name, .clinic(1...3))
                if let i = try position(of: arguments, in: items, interpreter) { return .int(i) }
                throw PythonError.valueError("tuple.index(x): x not in tuple")
            }
        case "count":
            return { arguments in
                try check(arguments, "tuple", name, .one)
                return .int(try items.filter { try interpreter.equals($0, arguments.positional[0]) }.count)
            }
        default: return nil
        }
    }

    /// `index(x, start, stop)`: the first position in the window holding a value equal to x.
    private static func position(of arguments: Arguments, in items: [Value], _ interpreter: Interpreter) throws -> Int? {
        let start = try sliceIndex(arguments.positional.count > 1 ? arguments.positional[1] : nil, interpreter,
                                   allowsNone: false)
        let stop = try sliceIndex(arguments.positional.count > 2 ? arguments.positional[2] : nil, interpreter,
                                  allowsNone: false)
        let (lower, upper) = window(start, stop, count: items.count)
        guard lower < upper else { return nil }
        for i in lower..<upper where try interpreter.equals(items[i], arguments.positional[0]) { return i }
        return nil
    }
}
