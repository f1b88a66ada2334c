/// Named values kept in the order they were first registered, as a module's `_parameters`, `_buffers` and
/// `_modules` dictionaries are: re-assigning a name keeps its position.
public struct OrderedSlots<Value> {
    private var storage: [String: Value] = [:]
    /// The names, in registration order.
    public private(set) var names: [String] = []

    /// Empty slots.
    public init() {}

    /// The value under `name`, or nil if there is none.
    public subscript(name: String) -> Value? {
        get { storage[name] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: name) == nil { names.append(name) }
            } else if storage.removeValue(forKey: name) != nil {
                names.removeAll { $0 == name }
            }
        }
    }

    /// Whether a value is registered under `name`.
    public func contains(_ name: String) -> Bool { storage[name] != nil }

    /// The entries in registration order.
    public var entries: [(name: String, value: Value)] {
        names.compactMap { name in storage[name].map { (name, $0) } }
    }

    /// How many entries there are.
    public var count: Int { names.count }
}
