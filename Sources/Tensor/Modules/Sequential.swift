/// Modules run one after another, each on the previous one's output (`nn.Sequential`).
///
/// Children are named `"0"`, `"1"`, ... or by the names given; indexing is by position, and a slice is a new
/// `Sequential` keeping the children's names, as in PyTorch.
open class Sequential: Module, ReplicableModule {
    /// A container of `modules`, named by position.
    public init(_ modules: [Module] = []) {
        super.init()
        for (position, module) in modules.enumerated() { moduleSlots[String(position)] = .some(module) }
    }

    /// A container of named modules, in order (`nn.Sequential(OrderedDict(...))`).
    public init(named modules: [(String, Module)]) throws(ModuleError) {
        super.init()
        for (name, module) in modules { try registerModule(name, module) }
    }

    /// An empty container for `deepCopy` to fill. Declared here, not in an extension, so that a subclass can
    /// override it to make its own type.
    open func makeReplica() throws -> Module { Sequential() }

    /// How many children there are, `None` included (`len`).
    public var count: Int { moduleSlots.count }

    /// The child at a position; negative positions count from the end (`seq[i]`). nil is a `None` child.
    public func module(at index: Int) throws(ModuleError) -> Module? {
        let entries = moduleSlots.entries
        return entries[try Module.containerPosition(index, count: entries.count, container: typeName)].value
    }

    /// The children a slice picks, in a new `Sequential` under their current names (`seq[a:b]`).
    public func slice(_ slice: PythonSlice) throws(ModuleError) -> Sequential {
        let entries = moduleSlots.entries
        let result = Sequential()
        for position in try slice.positions(count: entries.count) {
            try result.registerModule(entries[position].name, entries[position].value)
        }
        return result
    }

    /// Replaces the child at a position, keeping its name (`seq[i] = module`).
    public func setModule(_ module: Module?, at index: Int) throws(ModuleError) {
        let entries = moduleSlots.entries
        let position = try Module.containerPosition(index, count: entries.count, container: typeName)
        moduleSlots[entries[position].name] = .some(module)
    }

    /// Removes the child at a position and renames the rest `"0"`, `"1"`, ... (`del seq[i]`).
    public func remove(at index: Int) throws(ModuleError) {
        let entries = moduleSlots.entries
        let position = try Module.containerPosition(index, count: entries.count, container: typeName)
        removeModule(named: entries[position].name)
        renumberModules()
    }

    /// Removes the children a slice picks and renames the rest `"0"`, `"1"`, ... (`del seq[a:b]`).
    public func remove(_ slice: PythonSlice) throws(ModuleError) {
        let entries = moduleSlots.entries
        for position in try slice.positions(count: entries.count) { removeModule(named: entries[position].name) }
        renumberModules()
    }

    /// Removes and returns the child at a position (`pop`).
    public func pop(at index: Int) throws(ModuleError) -> Module? {
        let module = try module(at: index)
        try remove(at: index)
        return module
    }

    /// Adds a module at the end, named by the current count (`append`).
    @discardableResult
    public func append(_ module: Module) throws(ModuleError) -> Self {
        try registerModule(String(count), module)
        return self
    }

    /// Appends each module in turn (`extend`).
    @discardableResult
    public func extend(_ modules: [Module]) throws(ModuleError) -> Self {
        for module in modules { try append(module) }
        return self
    }

    /// Inserts a module before a position in `-count...count`, moving later children up one name (`insert`).
    @discardableResult
    public func insert(_ index: Int, _ module: Module) throws(ModuleError) -> Self {
        let n = moduleSlots.count
        guard index >= -n && index <= n else {
            throw .indexOutOfRange(module: typeName, detail: "Index out of range: \(index)")
        }
        let target = index < 0 ? index + n : index
        // PyTorch shifts by name, "n" <- "n-1" down to the target, which assumes the children are numbered.
        for position in stride(from: n, to: target, by: -1) {
            guard let previous = moduleSlots[String(position - 1)] else {
                throw .missingKey(module: typeName, key: String(position - 1))
            }
            moduleSlots[String(position)] = .some(previous)
        }
        moduleSlots[String(target)] = .some(module)
        return self
    }

    /// Runs each child on the output of the one before.
    open override func forward(_ input: Tensor) throws -> Tensor {
        var output = input
        for entry in moduleSlots.entries {
            guard let module = entry.value else {
                throw ModuleError.tensor(.invalidType(op: "Sequential", detail: "'NoneType' object is not callable"))
            }
            output = try module(output)
        }
        return output
    }
}
