/// A Python slice `start:stop:step` over a container's positions; nil parts take Python's defaults.
public struct PythonSlice: Equatable, Sendable {
    /// The first position (nil: the start, or the end for a negative step).
    public var start: Int?
    /// The position to stop before (nil: past the end, or before the start for a negative step).
    public var stop: Int?
    /// The distance between positions (nil: 1).
    public var step: Int?

    /// A slice; `PythonSlice()` is `:`.
    public init(start: Int? = nil, stop: Int? = nil, step: Int? = nil) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    /// The positions this slice picks from a sequence of `count` elements, as `range(*slice.indices(count))`.
    public func positions(count: Int) throws(ModuleError) -> [Int] {
        let step = self.step ?? 1
        guard step != 0 else { throw .invalidValue(module: "slice", detail: "slice step cannot be zero") }
        let (lower, upper) = step > 0 ? (0, count) : (-1, count - 1)
        func clamp(_ value: Int?, default fallback: Int) -> Int {
            guard var value else { return fallback }
            if value < 0 {
                value += count
                return Swift.max(value, lower)
            }
            return Swift.min(value, upper)
        }
        let first = clamp(start, default: step > 0 ? lower : upper)
        let end = clamp(stop, default: step > 0 ? upper : lower)
        return Array(Swift.stride(from: first, to: end, by: step))
    }
}

extension Module {
    /// A position in `0..<count` for a possibly negative Python index, or PyTorch's IndexError for the container.
    static func containerPosition(_ index: Int, count: Int, container: String) throws(ModuleError) -> Int {
        guard index >= -count && index < count else {
            throw .indexOutOfRange(module: container, detail: "index \(index) is out of range")
        }
        return index < 0 ? index + count : index
    }

    /// Renames the submodules `"0"`, `"1"`, ... in their current order, as containers do after a deletion.
    func renumberModules() {
        var renumbered = OrderedSlots<Module?>()
        for (position, entry) in moduleSlots.entries.enumerated() { renumbered[String(position)] = .some(entry.value) }
        moduleSlots = renumbered
    }

    /// Removes the submodule slot named `name` (Python's `delattr` on a module attribute).
    func removeModule(named name: String) {
        moduleSlots[name] = .none
    }
}
