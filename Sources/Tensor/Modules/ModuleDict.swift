/// Submodules held by name in insertion order (`nn.ModuleDict`). It has no `forward` of its own.
open class ModuleDict: Module, ReplicableModule {
    /// A dictionary of `modules`, in the given order.
    public init(_ modules: [(String, Module?)] = []) throws(ModuleError) {
        super.init()
        try update(modules)
    }

    /// An empty dictionary for `deepCopy` to fill. Declared here, not in an extension, so that a subclass can
    /// override it to make its own type.
    open func makeReplica() throws -> Module { try ModuleDict() }

    /// How many entries there are (`len`).
    public var count: Int { moduleSlots.count }

    /// The keys in insertion order (`keys`, iteration).
    public var keys: [String] { moduleSlots.names }

    /// The modules in insertion order (`values`); nil is a `None` entry.
    public var values: [Module?] { moduleSlots.entries.map(\.value) }

    /// The key/module pairs in insertion order (`items`).
    public var items: [(key: String, module: Module?)] { moduleSlots.entries.map { ($0.name, $0.value) } }

    /// Whether `key` is present (`key in dict`).
    public func contains(_ key: String) -> Bool { moduleSlots.contains(key) }

    /// The module under `key` (`dict[key]`), or PyTorch's KeyError.
    public func module(forKey key: String) throws(ModuleError) -> Module? {
        guard let module = moduleSlots[key] else { throw .missingKey(module: typeName, key: key) }
        return module
    }

    /// Stores a module under `key`, keeping an existing key's position (`dict[key] = module`).
    public func setModule(_ module: Module?, forKey key: String) throws(ModuleError) {
        try registerModule(key, module)
    }

    /// Removes the entry under `key` (`del dict[key]`).
    public func removeModule(forKey key: String) throws(ModuleError) {
        guard moduleSlots.contains(key) else { throw .missingKey(module: typeName, key: key) }
        removeModule(named: key)
    }

    /// Removes and returns the module under `key` (`pop`).
    public func pop(_ key: String) throws(ModuleError) -> Module? {
        let module = try module(forKey: key)
        removeModule(named: key)
        return module
    }

    /// Removes every entry (`clear`).
    public func clear() {
        moduleSlots = OrderedSlots()
    }

    /// Stores each pair in order, overwriting existing keys in place (`update`).
    public func update(_ modules: [(String, Module?)]) throws(ModuleError) {
        for (key, module) in modules { try registerModule(key, module) }
    }
}
