/// `dict` methods.
extension BuiltinMethods {
    /// The `dict` method `name` bound to `dict`, or nil.
    static func dictMethod(_ dict: DictObject, _ name: String, _ interpreter: Interpreter) -> Body? {
        switch name {
        case "keys", "values", "items":
            return { arguments in
                try check(arguments, "dict", name, .none)
                return .foreign(DictView(dict, name == "keys" ? .keys : name == "values" ? .values : .items))
            }
        case "get":
            return { arguments in
                try check(arguments, "dict", name, .clinic(1...2))
                return dict.get(try hashKey(arguments.positional[0]))
                    ?? (arguments.positional.count > 1 ? arguments.positional[1] : .none)
            }
        case "pop":
            return { arguments in
                try check(arguments, "dict", name, .clinic(1...2))
                if let value = dict.remove(try hashKey(arguments.positional[0])) { return value }
                if arguments.positional.count > 1 { return arguments.positional[1] }
                throw PythonError.keyError(arguments.positional[0])
            }
        case "popitem":
            return { arguments in
                try check(arguments, "dict", name, .none)
                guard let last = dict.items.last else {
                    throw PythonError.keyError(.str("popitem(): dictionary is empty"))
                }
                _ = dict.remove(try hashKey(last.key))
                return .tuple([last.key, last.value])
            }
        case "setdefault":
            return { arguments in
                try check(arguments, "dict", name, .clinic(1...2))
                let key = try hashKey(arguments.positional[0])
                if let value = dict.get(key) { return value }
                let value = arguments.positional.count > 1 ? arguments.positional[1] : .none
                dict.set(key, arguments.positional[0], value)
                return value
            }
        case "update":
            return { arguments in
                try check(Arguments(arguments.positional), "dict", name, .clinic(0...1))
                if let source = arguments.positional.first { try update(dict, from: source, interpreter) }
                for (key, value) in arguments.keywords { dict.set(.str(key), .str(key), value) }
                return .none
            }
        case "clear":
            return { arguments in
                try check(arguments, "dict", name, .none)
                dict.removeAll()
                return .none
            }
        case "copy":
            return { arguments in
                try check(arguments, "dict", name, .none)
                let copy = DictObject()
                for (key, value) in dict.items { copy.set(try hashKey(key), key, value) }
                return .dict(copy)
            }
        case "fromkeys":
            return { arguments in try fromKeys(arguments, interpreter) }
        default: return nil
        }
    }

    /// `dict.fromkeys(iterable, value=None)`.
    static func fromKeys(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        try check(arguments, "dict", "fromkeys", .clinic(1...2))
        let value = arguments.positional.count > 1 ? arguments.positional[1] : .none
        let result = DictObject()
        for key in try interpreter.collect(arguments.positional[0]) { result.set(try hashKey(key), key, value) }
        return .dict(result)
    }

    /// `d.update(source)`: a dict, an object with `keys()`, or an iterable of key/value pairs.
    private static func update(_ dict: DictObject, from source: Value, _ interpreter: Interpreter) throws {
        if case .dict(let other) = source {
            for (key, value) in other.items { dict.set(try hashKey(key), key, value) }
            return
        }
        if case .instance = source, let keys = try interpreter.findAttribute(source, "keys") {
            for key in try interpreter.collect(try interpreter.call(keys, Arguments())) {
                dict.set(try hashKey(key), key, try interpreter.getItem(source, key))
            }
            return
        }
        for (position, item) in try interpreter.collect(source).enumerated() {
            guard interpreter.isIterable(item) else {
                throw PythonError.typeError(
                    "cannot convert dictionary update sequence element #\(position) to a sequence")
            }
            let pair = try interpreter.collect(item)
            guard pair.count == 2 else {
                throw PythonError.valueError(
                    "dictionary update sequence element #\(position) has length \(pair.count); 2 is required")
            }
            dict.set(try hashKey(pair[0]), pair[0], pair[1])
        }
    }
}
