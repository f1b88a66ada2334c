extension Interpreter {
    /// True when `iter(value)` would succeed.
    func isIterable(_ value: Value) -> Bool {
        switch value {
        case .str, .tuple, .list, .dict, .set, .range, .iterator: return true
        case .instance(let instance):
            return instance.cls.lookup("__iter__") != nil || instance.cls.lookup("__getitem__") != nil
        case .tensor, .foreign: return true
        default: return false
        }
    }

    /// `iter(value)`.
    public func makeIterator(_ value: Value) throws -> IteratorObject {
        switch value {
        case .list(let list):
            var index = 0
            return IteratorObject("list_iterator") {
                guard index < list.items.count else { return nil }
                defer { index += 1 }
                return list.items[index]
            }
        case .tuple(let items): return sequenceIterator(items, typeName: "tuple_iterator")
        case .str(let text):
            var iterator = text.makeIterator()
            return IteratorObject("str_ascii_iterator") { iterator.next().map { .str(String($0)) } }
        case .range(let range):
            var current = range.start
            var remaining = range.count
            return IteratorObject("range_iterator") {
                guard remaining > 0 else { return nil }
                defer {
                    remaining -= 1
                    if remaining > 0 { current &+= range.step }
                }
                return .int(current)
            }
        case .dict(let dict):
            let size = dict.count
            var index = 0
            return IteratorObject("dict_keyiterator") {
                guard dict.count == size else {
                    throw PythonError.runtimeError("dictionary changed size during iteration")
                }
                while index < dict.entries.count {
                    defer { index += 1 }
                    if let entry = dict.entries[index] { return entry.key }
                }
                return nil
            }
        case .set(let set): return sequenceIterator(set.storage.items.map(\.key), typeName: "set_iterator")
        case .iterator(let iterator): return iterator
        case .instance(let instance):
            if let method = instance.cls.lookup("__iter__") {
                let iterator = try call(method, Arguments([value]))
                if case .iterator(let native) = iterator { return native }
                let next = try getAttribute(iterator, "__next__")
                return IteratorObject("iterator") {
                    do {
                        return try self.call(next, Arguments())
                    } catch let error as PythonError where error.exception.cls.isSubclass(of: Builtins.stopIteration) {
                        return nil
                    }
                }
            }
            if let getItem = instance.cls.lookup("__getitem__") {
                var index = 0
                return IteratorObject("iterator") {
                    do {
                        defer { index += 1 }
                        return try self.call(getItem, Arguments([value, .int(index)]))
                    } catch let error as PythonError where error.exception.cls.isSubclass(of: Builtins.indexError) {
                        return nil
                    }
                }
            }
        case .tensor, .foreign:
            let iter = try getAttribute(value, "__iter__")
            return try makeIterator(try call(iter, Arguments()))
        default: break
        }
        throw PythonError.typeError("'\(value.typeName)' object is not iterable")
    }

    func sequenceIterator(_ items: [Value], typeName: String) -> IteratorObject {
        var index = 0
        return IteratorObject(typeName) {
            guard index < items.count else { return nil }
            defer { index += 1 }
            return items[index]
        }
    }

    /// All items of an iterable.
    public func collect(_ value: Value) throws -> [Value] {
        switch value {
        case .list(let list): return list.items
        case .tuple(let items): return items
        case .foreign(let view as DictView): return view.elements
        default:
            if case .range(let range) = value, range.count > Self.maximumItems { throw PythonError(Builtins.memoryError) }
            let iterator = try makeIterator(value)
            var items: [Value] = []
            while let item = try iterator.next() {
                items.append(item)
                if items.count > Self.maximumItems { throw PythonError(Builtins.memoryError) }
            }
            return items
        }
    }

    /// An index argument as an Int (ints, bools, `__index__`).
    func index(_ value: Value, _ what: @autoclosure () -> String) throws -> Int {
        switch value {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .instance(let instance):
            if let method = instance.cls.lookup("__index__") { return try index(try call(method, Arguments([value])), what()) }
        default: break
        }
        throw PythonError.typeError(what())
    }

    /// `object[index]`.
    public func getItem(_ object: Value, _ key: Value) throws -> Value {
        switch object {
        case .list(let list):
            if case .slice(let slice) = key { return .list(ListObject(try sliceItems(list.items, slice))) }
            let i = try normalizedIndex(key, count: list.items.count, type: "list")
            return list.items[i]
        case .tuple(let items):
            if case .slice(let slice) = key { return .tuple(try sliceItems(items, slice)) }
            return items[try normalizedIndex(key, count: items.count, type: "tuple")]
        case .str(let text):
            let scalars = Array(text.unicodeScalars)
            if case .slice(let slice) = key {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: try sliceItems(scalars, slice))
                return .str(String(view))
            }
            return .str(String(scalars[try normalizedIndex(key, count: scalars.count, type: "string")]))
        case .range(let range):
            if case .slice(let slice) = key { return .range(try sliceRange(range, slice)) }
            let i = try index(key, "range indices must be integers or slices, not \(key.typeName)")
            guard let item = range.item(atPythonIndex: i) else {
                throw PythonError.indexError("range object index out of range")
            }
            return .int(item)
        case .dict(let dict):
            if let value = dict.get(try hashKey(key)) { return value }
            throw PythonError.keyError(key)
        case .instance(let instance):
            if let method = instance.cls.lookup("__getitem__") { return try call(method, Arguments([object, key])) }
        case .type(let cls):
            // `list[int]` and friends in annotations.
            if cls.isBuiltin { return object }
        case .tensor, .foreign:
            if let method = try findAttribute(object, "__getitem__") { return try call(method, Arguments([key])) }
        default: break
        }
        throw PythonError.typeError("'\(object.typeName)' object is not subscriptable")
    }

    /// `object[index] = value`.
    public func setItem(_ object: Value, _ key: Value, _ value: Value) throws {
        switch object {
        case .list(let list):
            if case .slice(let slice) = key {
                let replacement = try collect(value)
                let (start, stop, step, count) = try sliceBounds(slice, count: list.items.count)
                if step == 1 {
                    list.items.replaceSubrange(start..<max(start, stop), with: replacement)
                } else {
                    guard replacement.count == count else {
                        throw PythonError.valueError("attempt to assign sequence of size \(replacement.count) "
                            + "to extended slice of size \(count)")
                    }
                    for (offset, item) in replacement.enumerated() { list.items[start + offset * step] = item }
                }
                return
            }
            list.items[try normalizedIndex(key, count: list.items.count, type: "list assignment")] = value
            return
        case .dict(let dict):
            dict.set(try hashKey(key), key, value)
            return
        case .instance(let instance):
            if let method = instance.cls.lookup("__setitem__") {
                _ = try call(method, Arguments([object, key, value]))
                return
            }
        case .tensor, .foreign:
            if let method = try findAttribute(object, "__setitem__") {
                _ = try call(method, Arguments([key, value]))
                return
            }
        default: break
        }
        throw PythonError.typeError("'\(object.typeName)' object does not support item assignment")
    }

    /// `del object[index]`.
    func deleteItem(_ object: Value, _ key: Value) throws {
        switch object {
        case .list(let list):
            if case .slice(let slice) = key {
                let (start, _, step, count) = try sliceBounds(slice, count: list.items.count)
                let doomed = Set((0..<count).map { start + $0 * step })
                list.items = list.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
                return
            }
            list.items.remove(at: try normalizedIndex(key, count: list.items.count, type: "list assignment"))
            return
        case .dict(let dict):
            if dict.remove(try hashKey(key)) == nil { throw PythonError.keyError(key) }
            return
        case .instance(let instance):
            if let method = instance.cls.lookup("__delitem__") {
                _ = try call(method, Arguments([object, key]))
                return
            }
        default: break
        }
        throw PythonError.typeError("'\(object.typeName)' object doesn't support item deletion")
    }

    private func normalizedIndex(_ key: Value, count: Int, type: String) throws -> Int {
        let typeName = type.split(separator: " ").first.map(String.init) ?? type
        let i = try index(key, "\(typeName == "string" ? "string" : typeName) indices must be integers or slices, "
                          + "not \(key.typeName)")
        let position = i < 0 ? i + count : i
        guard position >= 0 && position < count else {
            throw PythonError.indexError("\(type) index out of range")
        }
        return position
    }

    /// Start, stop, step and length of a slice over `count` items, clamped as `slice.indices` does.
    func sliceBounds(_ slice: SliceValue, count: Int) throws -> (Int, Int, Int, Int) {
        let message = "slice indices must be integers or None or have an __index__ method"
        var step = 1
        if case .none = slice.step {} else { step = try index(slice.step, message) }
        guard step != 0 else { throw PythonError.valueError("slice step cannot be zero") }
        if step == .min { step = -Int.max }
        func bound(_ value: Value, _ fallback: Int) throws -> Int {
            if case .none = value { return fallback }
            var n = try index(value, message)
            if n < 0 {
                n = n < -count ? (step < 0 ? -1 : 0) : n + count
            } else if n >= count {
                n = step < 0 ? count - 1 : count
            }
            return n
        }
        let start = try bound(slice.lower, step < 0 ? count - 1 : 0)
        let stop = try bound(slice.upper, step < 0 ? -1 : count)
        let length: Int
        if step > 0 {
            length = start < stop ? (stop - start - 1) / step + 1 : 0
        } else {
            length = stop < start ? (start - stop - 1) / (-step) + 1 : 0
        }
        return (start, stop, step, length)
    }

    /// `range[slice]` as CPython computes it: the items at the slice's clamped start and stop (which may lie outside
    /// the range) and the product of the steps, so `range(10)[:7:3]` is `range(0, 7, 3)`.
    private func sliceRange(_ range: RangeValue, _ slice: SliceValue) throws -> RangeValue {
        let (start, stop, _, _) = try sliceBounds(slice, count: range.count)
        // The step as given: `sliceBounds` narrows -2**63 to -(2**63 - 1), as CPython does only for sequences.
        let step = slice.step.isNone ? 1 : try index(slice.step, "slice indices must be integers or None or have an "
                                                     + "__index__ method")
        func at(_ position: Int) throws -> Int {
            let (offset, overflow) = position.multipliedReportingOverflow(by: range.step)
            let (value, sumOverflow) = range.start.addingReportingOverflow(offset)
            guard !overflow && !sumOverflow else { throw Arithmetic.overflow() }
            return value
        }
        let (newStep, overflow) = range.step.multipliedReportingOverflow(by: step)
        guard !overflow else { throw Arithmetic.overflow() }
        return RangeValue(start: try at(start), stop: try at(stop), step: newStep)
    }

    private func sliceItems<T>(_ items: [T], _ slice: SliceValue) throws -> [T] {
        let (start, stop, step, count) = try sliceBounds(slice, count: items.count)
        if step == 1 { return count == 0 ? [] : Array(items[start..<stop]) }
        return (0..<count).map { items[start + $0 * step] }
    }

    /// `len(value)`.
    public func length(_ value: Value) throws -> Int {
        switch value {
        case .str(let text): return text.unicodeScalars.count
        case .tuple(let items): return items.count
        case .list(let list): return list.items.count
        case .dict(let dict): return dict.count
        case .set(let set): return set.storage.count
        case .range(let range):
            guard let count = range.exactCount else {
                throw PythonError.overflowError("Python int too large to convert to C ssize_t")
            }
            return count
        case .instance(let instance):
            if let method = instance.cls.lookup("__len__") {
                let result = try call(method, Arguments([value]))
                let n = try index(result, "'\(result.typeName)' object cannot be interpreted as an integer")
                guard n >= 0 else { throw PythonError.valueError("__len__() should return >= 0") }
                return n
            }
        case .tensor, .foreign:
            if let method = try findAttribute(value, "__len__") {
                return try index(try call(method, Arguments()), "len() should return an integer")
            }
        default: break
        }
        throw PythonError.typeError("object of type '\(value.typeName)' has no len()")
    }
}
