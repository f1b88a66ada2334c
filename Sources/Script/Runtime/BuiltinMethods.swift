import Foundation

/// Methods of built-in values (`list.append`, `dict.items`, `str.join` ...), bound to their receiver.
enum BuiltinMethods {
    static func method(of object: Value, _ name: String, interpreter: Interpreter) throws -> Value? {
        let body: ((Arguments) throws -> Value)?
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

    private static func count(_ arguments: Arguments, _ range: ClosedRange<Int>, _ name: String) throws {
        guard arguments.keywords.isEmpty || name == "sort" else {
            throw PythonError.typeError("\(name)() takes no keyword arguments")
        }
        guard range.contains(arguments.positional.count) else {
            if range.lowerBound == range.upperBound {
                if range.lowerBound == 0 {
                    throw PythonError.typeError("\(name)() takes no arguments (\(arguments.positional.count) given)")
                }
                throw PythonError.typeError("\(name)() takes exactly one argument (\(arguments.positional.count) given)")
            }
            throw PythonError.typeError(
                "\(name) expected at most \(range.upperBound) arguments, got \(arguments.positional.count)")
        }
    }

    private static func listMethod(_ list: ListObject, _ name: String,
                                   _ interpreter: Interpreter) -> ((Arguments) throws -> Value)? {
        switch name {
        case "append":
            return { arguments in
                try count(arguments, 1...1, "list.append")
                list.items.append(arguments.positional[0])
                return .none
            }
        case "extend":
            return { arguments in
                try count(arguments, 1...1, "list.extend")
                list.items.append(contentsOf: try interpreter.collect(arguments.positional[0]))
                return .none
            }
        case "insert":
            return { arguments in
                try count(arguments, 2...2, "insert")
                var i = try interpreter.index(arguments.positional[0], "'\(arguments.positional[0].typeName)' object cannot be interpreted as an integer")
                if i < 0 { i = max(0, i + list.items.count) }
                list.items.insert(arguments.positional[1], at: min(i, list.items.count))
                return .none
            }
        case "pop":
            return { arguments in
                try count(arguments, 0...1, "pop")
                guard !list.items.isEmpty else { throw PythonError.indexError("pop from empty list") }
                var i = try arguments.positional.first.map {
                    try interpreter.index($0, "'\($0.typeName)' object cannot be interpreted as an integer")
                } ?? -1
                if i < 0 { i += list.items.count }
                guard i >= 0 && i < list.items.count else { throw PythonError.indexError("pop index out of range") }
                return list.items.remove(at: i)
            }
        case "remove":
            return { arguments in
                try count(arguments, 1...1, "list.remove")
                for (i, item) in list.items.enumerated() where try interpreter.equals(item, arguments.positional[0]) {
                    list.items.remove(at: i)
                    return .none
                }
                throw PythonError.valueError("list.remove(x): x not in list")
            }
        case "index":
            return { arguments in
                try count(arguments, 1...1, "index")
                for (i, item) in list.items.enumerated() where try interpreter.equals(item, arguments.positional[0]) {
                    return .int(i)
                }
                throw PythonError.valueError("\(try interpreter.repr(arguments.positional[0])) is not in list")
            }
        case "count":
            return { arguments in
                try count(arguments, 1...1, "list.count")
                return .int(try list.items.filter { try interpreter.equals($0, arguments.positional[0]) }.count)
            }
        case "clear":
            return { arguments in
                try count(arguments, 0...0, "list.clear")
                list.items.removeAll()
                return .none
            }
        case "copy":
            return { arguments in
                try count(arguments, 0...0, "list.copy")
                return .list(ListObject(list.items))
            }
        case "reverse":
            return { arguments in
                try count(arguments, 0...0, "list.reverse")
                list.items.reverse()
                return .none
            }
        case "sort":
            return { arguments in
                try count(arguments, 0...0, "sort")
                var items = list.items
                try BuiltinFunctions.sort(&items, interpreter, arguments.keywords)
                list.items = items
                return .none
            }
        default: return nil
        }
    }

    private static func tupleMethod(_ items: [Value], _ name: String,
                                    _ interpreter: Interpreter) -> ((Arguments) throws -> Value)? {
        switch name {
        case "index":
            return { arguments in
                try count(arguments, 1...1, "index")
                for (i, item) in items.enumerated() where try interpreter.equals(item, arguments.positional[0]) {
                    return .int(i)
                }
                throw PythonError.valueError("tuple.index(x): x not in tuple")
            }
        case "count":
            return { arguments in
                try count(arguments, 1...1, "tuple.count")
                return .int(try items.filter { try interpreter.equals($0, arguments.positional[0]) }.count)
            }
        default: return nil
        }
    }

    private static func dictMethod(_ dict: DictObject, _ name: String,
                                   _ interpreter: Interpreter) -> ((Arguments) throws -> Value)? {
        switch name {
        case "keys":
            return { _ in .foreign(DictView(dict, .keys)) }
        case "values":
            return { _ in .foreign(DictView(dict, .values)) }
        case "items":
            return { _ in .foreign(DictView(dict, .items)) }
        case "get":
            return { arguments in
                try count(arguments, 1...2, "get")
                return dict.get(try hashKey(arguments.positional[0]))
                    ?? (arguments.positional.count > 1 ? arguments.positional[1] : .none)
            }
        case "pop":
            return { arguments in
                try count(arguments, 1...2, "pop")
                if let value = dict.remove(try hashKey(arguments.positional[0])) { return value }
                if arguments.positional.count > 1 { return arguments.positional[1] }
                throw PythonError.keyError(arguments.positional[0])
            }
        case "setdefault":
            return { arguments in
                try count(arguments, 1...2, "setdefault")
                let key = try hashKey(arguments.positional[0])
                if let value = dict.get(key) { return value }
                let value = arguments.positional.count > 1 ? arguments.positional[1] : .none
                dict.set(key, arguments.positional[0], value)
                return value
            }
        case "update":
            return { arguments in
                let other = try Conversions.dict(interpreter, arguments)
                if case .dict(let source) = other {
                    for (key, value) in source.items { dict.set(try hashKey(key), key, value) }
                }
                return .none
            }
        case "clear":
            return { _ in
                dict.removeAll()
                return .none
            }
        case "copy":
            return { _ in
                let copy = DictObject()
                for (key, value) in dict.items { copy.set(try hashKey(key), key, value) }
                return .dict(copy)
            }
        default: return nil
        }
    }

    private static func setMethod(_ set: SetObject, _ name: String,
                                  _ interpreter: Interpreter) -> ((Arguments) throws -> Value)? {
        switch name {
        case "add":
            return { arguments in
                try count(arguments, 1...1, "set.add")
                set.storage.set(try hashKey(arguments.positional[0]), arguments.positional[0], .none)
                return .none
            }
        case "discard", "remove":
            return { arguments in
                try count(arguments, 1...1, "set.\(name)")
                if set.storage.remove(try hashKey(arguments.positional[0])) == nil && name == "remove" {
                    throw PythonError.keyError(arguments.positional[0])
                }
                return .none
            }
        default: return nil
        }
    }

    private static func strMethod(_ text: String, _ name: String,
                                  _ interpreter: Interpreter) -> ((Arguments) throws -> Value)? {
        switch name {
        case "join":
            return { arguments in
                try count(arguments, 1...1, "str.join")
                let parts = try interpreter.collect(arguments.positional[0])
                var pieces: [String] = []
                for (i, part) in parts.enumerated() {
                    guard case .str(let piece) = part else {
                        throw PythonError.typeError("sequence item \(i): expected str instance, \(part.typeName) found")
                    }
                    pieces.append(piece)
                }
                return .str(pieces.joined(separator: text))
            }
        case "upper": return { _ in .str(text.uppercased()) }
        case "lower": return { _ in .str(text.lowercased()) }
        case "strip":
            return { _ in .str(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        case "split":
            return { arguments in
                if case .str(let separator)? = arguments.positional.first {
                    guard !separator.isEmpty else { throw PythonError.valueError("empty separator") }
                    return .list(ListObject(text.components(separatedBy: separator).map { .str($0) }))
                }
                return .list(ListObject(text.split(whereSeparator: { $0.isWhitespace }).map { .str(String($0)) }))
            }
        case "startswith", "endswith":
            return { arguments in
                try count(arguments, 1...1, name)
                guard case .str(let part) = arguments.positional[0] else {
                    throw PythonError.typeError("\(name) first arg must be str or a tuple of str, not "
                        + arguments.positional[0].typeName)
                }
                return .bool(name == "startswith" ? text.hasPrefix(part) : text.hasSuffix(part))
            }
        case "replace":
            return { arguments in
                try count(arguments, 2...2, "replace")
                guard case .str(let old) = arguments.positional[0], case .str(let new) = arguments.positional[1] else {
                    throw PythonError.typeError("replace() argument must be str")
                }
                return .str(text.replacingOccurrences(of: old, with: new))
            }
        case "format":
            return { arguments in .str(try StrFormat.format(text, arguments, interpreter)) }
        default: return nil
        }
    }
}
