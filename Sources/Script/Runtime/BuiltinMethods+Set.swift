/// `set` methods and the subset orderings behind `<=`, `<`, `>=`, `>` on sets.
extension BuiltinMethods {
    /// The `set` method `name` bound to `set`, or nil.
    static func setMethod(_ set: SetObject, _ name: String, _ interpreter: Interpreter) -> Body? {
        func members(_ value: Value) throws -> SetObject {
            if case .set(let other) = value { return other }
            let result = SetObject()
            for item in try interpreter.collect(value) { result.storage.set(try hashKey(item), item, .none) }
            return result
        }
        switch name {
        case "add":
            return { arguments in
                try check(arguments, "set", name, .one)
                set.storage.set(try hashKey(arguments.positional[0]), arguments.positional[0], .none)
                return .none
            }
        case "discard", "remove":
            return { arguments in
                try check(arguments, "set", name, .one)
                if set.storage.remove(try hashKey(arguments.positional[0])) == nil && name == "remove" {
                    throw PythonError.keyError(arguments.positional[0])
                }
                return .none
            }
        case "pop":
            return { arguments in
                try check(arguments, "set", name, .none)
                guard let first = set.storage.items.first else {
                    throw PythonError.keyError(.str("pop from an empty set"))
                }
                _ = set.storage.remove(try hashKey(first.key))
                return first.key
            }
        case "clear":
            return { arguments in
                try check(arguments, "set", name, .none)
                set.storage.removeAll()
                return .none
            }
        case "copy":
            return { arguments in
                try check(arguments, "set", name, .none)
                return .set(combine(set, [], keep: { _, _ in true }))
            }
        case "union", "update":
            return { arguments in
                try check(arguments, "set", name, .legacy(0...Int.max))
                let result = name == "update" ? set : combine(set, [], keep: { _, _ in true })
                for other in try arguments.positional.map(members) {
                    for (key, _) in other.storage.items { result.storage.set(try hashKey(key), key, .none) }
                }
                return name == "update" ? .none : .set(result)
            }
        case "intersection", "difference", "intersection_update", "difference_update":
            return { arguments in
                try check(arguments, "set", name, .legacy(0...Int.max))
                let others = try arguments.positional.map(members)
                let intersect = name.hasPrefix("intersection")
                let result = combine(set, others) { key, other in (other.storage.get(key) != nil) == intersect }
                guard name.hasSuffix("_update") else { return .set(result) }
                set.storage = result.storage
                return .none
            }
        case "symmetric_difference", "symmetric_difference_update":
            return { arguments in
                try check(arguments, "set", name, .one)
                let other = try members(arguments.positional[0])
                let result = combine(set, [other]) { key, other in other.storage.get(key) == nil }
                for (key, _) in other.storage.items where set.storage.get(try hashKey(key)) == nil {
                    result.storage.set(try hashKey(key), key, .none)
                }
                guard name.hasSuffix("_update") else { return .set(result) }
                set.storage = result.storage
                return .none
            }
        case "issubset", "issuperset", "isdisjoint":
            return { arguments in
                try check(arguments, "set", name, .one)
                let other = try members(arguments.positional[0])
                switch name {
                case "issubset": return .bool(try isSubset(set, other))
                case "issuperset": return .bool(try isSubset(other, set))
                default: return .bool(try set.storage.items.allSatisfy { other.storage.get(try hashKey($0.key)) == nil })
                }
            }
        default: return nil
        }
    }

    /// The members of `set` that `keep` accepts against every one of `others`.
    private static func combine(_ set: SetObject, _ others: [SetObject],
                                keep: (HashKey, SetObject) -> Bool) -> SetObject {
        let result = SetObject()
        for (key, _) in set.storage.items {
            guard let hash = try? hashKey(key), others.allSatisfy({ keep(hash, $0) }) else { continue }
            result.storage.set(hash, key, .none)
        }
        return result
    }

    private static func isSubset(_ a: SetObject, _ b: SetObject) throws -> Bool {
        try a.storage.count <= b.storage.count && a.storage.items.allSatisfy { b.storage.get(try hashKey($0.key)) != nil }
    }

    /// `a < b`, `a <= b`, `a > b`, `a >= b` on sets: proper and plain subset/superset tests.
    static func compareSets(_ op: ComparisonOperator, _ a: SetObject, _ b: SetObject) throws -> Bool {
        switch op {
        case .lessEqual: return try isSubset(a, b)
        case .less: return try a.storage.count < b.storage.count && isSubset(a, b)
        case .greaterEqual: return try isSubset(b, a)
        case .greater: return try b.storage.count < a.storage.count && isSubset(b, a)
        default: return false
        }
    }
}
