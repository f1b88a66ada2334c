/// A namespace's bindings: names to values, hashed cheaply.
///
/// Every name a program reads or binds is looked up here. Swift's `String` hashing (SipHash) cost more than the rest
/// of a simple loop iteration, so names are keyed by `NameKey`, whose hash is FNV-1a over the UTF-8 bytes (names are
/// short and chosen by the program's author, not an adversary).
struct Variables: ExpressibleByDictionaryLiteral {
    private var storage: [NameKey: Value]

    /// An empty namespace with room for `minimumCapacity` names.
    init(minimumCapacity: Int) {
        storage = Dictionary(minimumCapacity: minimumCapacity)
    }

    /// The bindings of `dictionary`.
    init(_ dictionary: [String: Value]) {
        storage = Dictionary(minimumCapacity: dictionary.count)
        for (name, value) in dictionary { storage[NameKey(name)] = value }
    }

    init(dictionaryLiteral elements: (String, Value)...) {
        storage = Dictionary(minimumCapacity: elements.count)
        for (name, value) in elements { storage[NameKey(name)] = value }
    }

    /// The value bound to `name`, or nil; setting nil unbinds it.
    subscript(name: String) -> Value? {
        get { storage[NameKey(name)] }
        set { storage[NameKey(name)] = newValue }
    }

    /// Unbinds `name`, returning what it was bound to.
    @discardableResult
    mutating func removeValue(forKey name: String) -> Value? {
        storage.removeValue(forKey: NameKey(name))
    }

    /// The bound names, in no particular order.
    var keys: [String] { storage.keys.map(\.text) }

    /// The bound values, in no particular order.
    var values: Dictionary<NameKey, Value>.Values { storage.values }

    /// How many names are bound.
    var count: Int { storage.count }

    /// The bindings as a plain dictionary.
    var dictionary: [String: Value] {
        var result = [String: Value](minimumCapacity: storage.count)
        for (key, value) in storage { result[key.text] = value }
        return result
    }
}

/// A variable name as a dictionary key.
struct NameKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: NameKey, rhs: NameKey) -> Bool { lhs.text == rhs.text }

    func hash(into hasher: inout Hasher) { hasher.combine(_rawHashValue(seed: 0)) }

    // Dictionary asks for this directly; answering it ourselves skips SipHash over the string.
    func _rawHashValue(seed: Int) -> Int {
        var copy = text
        return copy.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(UInt(bitPattern: seed))
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            // Fold the high bits down: the table indexes by the low bits.
            return Int(truncatingIfNeeded: hash ^ (hash >> 29))
        }
    }
}
