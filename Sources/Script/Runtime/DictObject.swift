/// The hash identity of a hashable Python value: equal values (`1`, `1.0`, `True`) share a key, as in Python.
public enum HashKey: Hashable {
    /// `None`.
    case none
    /// `...` (and `NotImplemented`).
    case ellipsis
    /// An int, bool, or integral float.
    case int(Int)
    /// A non-integral float.
    case float(Double)
    /// A str.
    case str(String)
    /// A tuple of hashable items.
    case tuple([HashKey])
    /// An object hashed by identity (functions, classes, instances ...).
    case identity(ObjectIdentifier)
}

/// A `dict`: insertion-ordered entries with an index by hash key.
public final class DictObject {
    private(set) var entries: [(key: Value, value: Value)?] = []
    private var index: [HashKey: Int] = [:]
    /// True for a `collections.OrderedDict` (what `state_dict()` returns): a dict that prints as
    /// `OrderedDict([(key, value), ...])`.
    public var isOrderedDict = false

    /// An empty dict.
    public init() {}

    /// The number of entries.
    public var count: Int { index.count }

    /// The value for `key`.
    public func get(_ key: HashKey) -> Value? {
        guard let position = index[key], let entry = entries[position] else { return nil }
        return entry.value
    }

    /// Sets `key` (keeping the first key object and its position, as Python does).
    public func set(_ key: HashKey, _ keyValue: Value, _ value: Value) {
        if let position = index[key], let entry = entries[position] {
            entries[position] = (entry.key, value)
        } else {
            index[key] = entries.count
            entries.append((keyValue, value))
        }
    }

    /// Removes `key`, returning its value.
    @discardableResult
    public func remove(_ key: HashKey) -> Value? {
        guard let position = index.removeValue(forKey: key), let entry = entries[position] else { return nil }
        entries[position] = nil
        if entries.count > 32 && index.count < entries.count / 2 { compact() }
        return entry.value
    }

    /// Empties the dict.
    public func removeAll() {
        entries = []
        index = [:]
    }

    /// The live entries in order.
    public var items: [(key: Value, value: Value)] { entries.compactMap { $0 } }

    private func compact() {
        entries = entries.compactMap { $0 }
        index = [:]
        for (position, entry) in entries.enumerated() {
            if let entry, let key = try? hashKey(entry.key) { index[key] = position }
        }
    }
}

/// The hash key of a value, or TypeError "unhashable type".
func hashKey(_ value: Value) throws -> HashKey {
    try hashKey(value, depth: 0)
}

private func hashKey(_ value: Value, depth: Int) throws -> HashKey {
    switch value {
    case .none: return .none
    case .ellipsis, .notImplemented: return .ellipsis
    case .bool(let flag): return .int(flag ? 1 : 0)
    case .int(let number): return .int(number)
    case .float(let number):
        if number.isFinite, number == number.rounded(), let exact = Int(exactly: number) { return .int(exact) }
        return .float(number)
    case .str(let text): return .str(text)
    case .tuple(let items):
        guard depth < Interpreter.recursionLimit, !StackRoom.isLow else {
            throw PythonError(Builtins.recursionError, "maximum recursion depth exceeded while calling a Python object")
        }
        return .tuple(try items.map { try hashKey($0, depth: depth + 1) })
    case .list, .dict, .set, .slice:
        throw PythonError.typeError("unhashable type: '\(value.typeName)'")
    case .range(let r): return .tuple([.str("range"), .int(r.start), .int(r.stop), .int(r.step)])
    case .function(let object): return .identity(ObjectIdentifier(object))
    case .builtin(let object): return .identity(ObjectIdentifier(object))
    case .boundMethod(let object): return .identity(ObjectIdentifier(object))
    case .type(let object): return .identity(ObjectIdentifier(object))
    case .instance(let object): return .identity(ObjectIdentifier(object))
    case .module(let object): return .identity(ObjectIdentifier(object))
    case .iterator(let object): return .identity(ObjectIdentifier(object))
    case .tensor(let object): return .identity(ObjectIdentifier(object))
    case .foreign(let object): return .identity(ObjectIdentifier(object))
    }
}
