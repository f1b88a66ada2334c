/// Submodules held in a list, registered under `"0"`, `"1"`, ... (`nn.ModuleList`). It has no `forward` of its
/// own; it prints runs of identical children once, as `(0-1): 2 x Linear(...)`.
open class ModuleList: Module, ReplicableModule {
    /// A list of `modules`.
    public init(_ modules: [Module] = []) {
        super.init()
        for (position, module) in modules.enumerated() { moduleSlots[String(position)] = .some(module) }
    }

    /// An empty list for `deepCopy` to fill. Declared here, not in an extension, so that a subclass can override it
    /// to make its own type.
    open func makeReplica() throws -> Module { ModuleList() }

    /// How many entries there are (`len`).
    public var count: Int { moduleSlots.count }

    /// The entries in order, `None` included (Python's iteration).
    public var values: [Module?] { moduleSlots.entries.map(\.value) }

    /// The entry at a position; negative positions count from the end (`list[i]`). nil is a `None` entry.
    public func module(at index: Int) throws(ModuleError) -> Module? {
        let key = try stringIndex(index)
        // After an `insert` past the end the names are no longer positions; PyTorch then fails on the lookup.
        guard let module = moduleSlots[key] else { throw .missingKey(module: typeName, key: key) }
        return module
    }

    /// The entries a slice picks, in a new list numbered from zero (`list[a:b]`).
    public func slice(_ slice: PythonSlice) throws(ModuleError) -> ModuleList {
        let values = self.values
        let result = ModuleList()
        for (position, source) in try slice.positions(count: values.count).enumerated() {
            result.moduleSlots[String(position)] = .some(values[source])
        }
        return result
    }

    /// Replaces the entry at a position (`list[i] = module`).
    public func setModule(_ module: Module?, at index: Int) throws(ModuleError) {
        try registerModule(try stringIndex(index), module)
    }

    /// Removes the entry at a position and renumbers the rest (`del list[i]`).
    public func remove(at index: Int) throws(ModuleError) {
        removeModule(named: try stringIndex(index))
        renumberModules()
    }

    /// Removes the entries a slice picks and renumbers the rest (`del list[a:b]`).
    public func remove(_ slice: PythonSlice) throws(ModuleError) {
        for position in try slice.positions(count: count) { removeModule(named: String(position)) }
        renumberModules()
    }

    /// Removes and returns the entry at a position (`pop`).
    public func pop(at index: Int) throws(ModuleError) -> Module? {
        let module = try module(at: index)
        try remove(at: index)
        return module
    }

    /// Adds a module at the end (`append`).
    @discardableResult
    public func append(_ module: Module?) throws(ModuleError) -> Self {
        try registerModule(String(count), module)
        return self
    }

    /// Appends each module in turn (`extend`, `+=`).
    @discardableResult
    public func extend(_ modules: [Module?]) throws(ModuleError) -> Self {
        let offset = count
        for (position, module) in modules.enumerated() { try registerModule(String(offset + position), module) }
        return self
    }

    /// Inserts a module before `index`, moving later entries up one (`insert`). As in PyTorch the index is not
    /// checked: one past the end appends under that number, and a negative one fails looking up `"-1"`.
    public func insert(_ index: Int, _ module: Module?) throws(ModuleError) {
        for position in stride(from: moduleSlots.count, to: index, by: -1) {
            guard let previous = moduleSlots[String(position - 1)] else {
                throw .missingKey(module: typeName, key: String(position - 1))
            }
            moduleSlots[String(position)] = .some(previous)
        }
        moduleSlots[String(index)] = .some(module)
    }

    /// The children grouped into runs of identical printouts, numbered by position.
    open override func describedChildren() -> [String] {
        var runs: [(start: Int, end: Int, text: String)] = []
        for (position, module) in values.enumerated() {
            let text = module?.description ?? "None"
            if let last = runs.last, last.text == text {
                runs[runs.count - 1].end = position
            } else {
                runs.append((position, position, text))
            }
        }
        return runs.map { run in
            let count = run.end - run.start + 1
            let label = count == 1 ? "(\(run.start)): " : "(\(run.start)-\(run.end)): \(count) x "
            return Module.indented(label + run.text)
        }
    }

    private func stringIndex(_ index: Int) throws(ModuleError) -> String {
        String(try Module.containerPosition(index, count: count, container: typeName))
    }
}

extension ModuleList: Sequence {
    /// Iterates the entries that are modules, skipping `None` ones (use `values` for Python's iteration).
    public func makeIterator() -> IndexingIterator<[Module]> {
        values.compactMap { $0 }.makeIterator()
    }
}
