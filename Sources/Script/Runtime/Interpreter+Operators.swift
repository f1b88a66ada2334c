import Foundation

extension Interpreter {
    /// `left op right`, with Python's numeric semantics and the `__op__`/`__rop__` protocol for instances.
    public func binaryOperation(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value {
        if let result = try Arithmetic.apply(op, left, right) { return result }
        switch (left, right) {
        case (.str(let a), .str(let b)) where op == .add:
            if a.utf8.count + b.utf8.count > Self.maximumItems * 4 { throw PythonError(Builtins.memoryError) }
            return .str(a + b)
        case (.str(let text), _) where op == .modulo: return .str(try percentFormat(text, right))
        case (.list(let a), .list(let b)) where op == .add:
            if a.items.count + b.items.count > Self.maximumItems { throw PythonError(Builtins.memoryError) }
            return .list(ListObject(a.items + b.items))
        case (.tuple(let a), .tuple(let b)) where op == .add:
            if a.count + b.count > Self.maximumItems { throw PythonError(Builtins.memoryError) }
            return .tuple(a + b)
        case (.str, _), (.list, _), (.tuple, _), (_, .str), (_, .list), (_, .tuple):
            if op == .multiply, let result = try repeatSequence(left, right) { return result }
        case (.dict(let a), .dict(let b)) where op == .bitOr:
            let merged = DictObject()
            for (key, value) in a.items + b.items { merged.set(try hashKey(key), key, value) }
            return .dict(merged)
        case (.set(let a), .set(let b)) where [.bitOr, .bitAnd, .subtract, .bitXor].contains(op):
            return .set(setOperation(op, a, b))
        default: break
        }
        if case .tensor = left, let result = try binding?.binary(op, left, right, interpreter: self) { return result }
        if case .tensor = right, let result = try binding?.binary(op, left, right, interpreter: self) { return result }
        if let result = try dunderBinary(op, left, right) { return result }
        throw PythonError.typeError(
            "unsupported operand type(s) for \(op.rawValue): '\(left.typeName)' and '\(right.typeName)'")
    }

    private static let dunderNames: [BinaryOperator: String] = [
        .add: "add", .subtract: "sub", .multiply: "mul", .matrixMultiply: "matmul", .divide: "truediv",
        .floorDivide: "floordiv", .modulo: "mod", .power: "pow", .leftShift: "lshift", .rightShift: "rshift",
        .bitOr: "or", .bitXor: "xor", .bitAnd: "and",
    ]

    private func dunderBinary(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value? {
        guard let stem = Self.dunderNames[op] else { return nil }
        if case .instance(let instance) = left, let method = instance.cls.lookup("__\(stem)__") {
            let result = try call(method, Arguments([left, right]))
            if case .notImplemented = result {} else { return result }
        }
        if case .instance(let instance) = right, let method = instance.cls.lookup("__r\(stem)__") {
            let result = try call(method, Arguments([right, left]))
            if case .notImplemented = result {} else { return result }
        }
        return nil
    }

    /// `left op= right`: lists extend in place, instances may define `__iop__`, everything else rebinds.
    func inPlaceOperation(_ op: BinaryOperator, _ left: Value, _ right: Value) throws -> Value {
        switch left {
        case .list(let list) where op == .add:
            let items = try collect(right)
            if list.items.count + items.count > Self.maximumItems { throw PythonError(Builtins.memoryError) }
            list.items.append(contentsOf: items)
            return left
        case .instance(let instance):
            if let stem = Self.dunderNames[op], let method = instance.cls.lookup("__i\(stem)__") {
                let result = try call(method, Arguments([left, right]))
                if case .notImplemented = result {} else { return result }
            }
        case .tensor:
            // Tensors update in place (`w -= lr * w.grad`), as PyTorch's `__isub__` does.
            if let stem = Self.dunderNames[op], let method = try findAttribute(left, "__i\(stem)__") {
                let result = try call(method, Arguments([right]))
                if case .notImplemented = result {} else { return result }
            }
        default: break
        }
        do {
            return try binaryOperation(op, left, right)
        } catch let error as PythonError where error.exception.cls === Builtins.typeError {
            let message = "unsupported operand type(s) for \(op.rawValue)=: '\(left.typeName)' and '\(right.typeName)'"
            if case .str(let text)? = error.exception.arguments.first, text.hasPrefix("unsupported operand") {
                throw PythonError.typeError(message)
            }
            throw error
        }
    }

    private func repeatSequence(_ left: Value, _ right: Value) throws -> Value? {
        func count(_ value: Value) -> Int? {
            switch value {
            case .int(let n): return n
            case .bool(let b): return b ? 1 : 0
            default: return nil
            }
        }
        let (sequence, times): (Value, Int)
        if let n = count(right) { (sequence, times) = (left, n) } else if let n = count(left) {
            (sequence, times) = (right, n)
        } else {
            return nil
        }
        var n = max(0, times)
        // An empty sequence repeated any number of times is empty, as in CPython (`[] * 2**62` is `[]`); the
        // count is dropped so that no repetition loop or outer array of that length is built.
        func checkSize(_ length: Int, isString: Bool = false) throws {
            let (total, overflow) = length.multipliedReportingOverflow(by: n)
            // CPython sizes a string before allocating it, and a length past 2**63 is its own error.
            if overflow && isString { throw PythonError.overflowError("repeated string is too long") }
            if overflow || total > Interpreter.maximumItems { throw PythonError(Builtins.memoryError) }
            if length == 0 { n = 0 }
        }
        switch sequence {
        case .str(let text):
            try checkSize(text.unicodeScalars.count, isString: true)
            return .str(String(repeating: text, count: n))
        case .list(let list):
            try checkSize(list.items.count)
            return .list(ListObject(Array([[Value]](repeating: list.items, count: n).joined())))
        case .tuple(let items):
            try checkSize(items.count)
            return .tuple(Array([[Value]](repeating: items, count: n).joined()))
        default:
            return nil
        }
    }

    private func setOperation(_ op: BinaryOperator, _ a: SetObject, _ b: SetObject) -> SetObject {
        let result = SetObject()
        let aItems = a.storage.items, bItems = b.storage.items
        func has(_ set: SetObject, _ value: Value) -> Bool {
            guard let key = try? hashKey(value) else { return false }
            return set.storage.get(key) != nil
        }
        func add(_ value: Value) {
            if let key = try? hashKey(value) { result.storage.set(key, value, .none) }
        }
        switch op {
        case .bitOr: (aItems + bItems).forEach { add($0.key) }
        case .bitAnd: aItems.filter { has(b, $0.key) }.forEach { add($0.key) }
        case .subtract: aItems.filter { !has(b, $0.key) }.forEach { add($0.key) }
        default:
            aItems.filter { !has(b, $0.key) }.forEach { add($0.key) }
            bItems.filter { !has(a, $0.key) }.forEach { add($0.key) }
        }
        return result
    }

    private func percentFormat(_ template: String, _ argument: Value) throws -> String {
        let arguments: PercentFormat.Arguments
        switch argument {
        case .tuple(let items): arguments = .tuple(try items.map(formatValue))
        case .dict(let dict):
            arguments = .mapping(try formatValue(argument)) { (key: String) throws(FormatError) -> FormatValue in
                guard let value = dict.get(.str(key)) else { throw FormatError(.keyError, PythonRepr.string(key)) }
                do { return try self.formatValue(value) } catch { throw FormatError(.typeError, "\(error)") }
            }
        default: arguments = .single(try formatValue(argument))
        }
        do {
            return try PercentFormat.format(template, arguments)
        } catch {
            throw pythonError(from: error)
        }
    }

    /// `-x`, `+x`, `~x`, `not x`.
    func unaryOperation(_ op: UnaryOperator, _ operand: Value) throws -> Value {
        if op == .not { return .bool(try !isTrue(operand)) }
        switch (op, operand) {
        case (.negate, .int(let n)):
            guard n != .min else { throw Arithmetic.overflow() }
            return .int(-n)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.negate, .float(let x)): return .float(-x)
        case (.plus, .int), (.plus, .float): return operand
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let n)): return .int(~n)
        case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
        case (_, .tensor):
            if let result = try binding?.unary(op, operand, interpreter: self) { return result }
        case (_, .instance(let instance)):
            let name = op == .negate ? "__neg__" : op == .plus ? "__pos__" : "__invert__"
            if let method = instance.cls.lookup(name) { return try call(method, Arguments([operand])) }
        default: break
        }
        throw PythonError.typeError("bad operand type for unary \(op.rawValue): '\(operand.typeName)'")
    }

    /// One link of a comparison chain.
    func compare(_ op: ComparisonOperator, _ left: Value, _ right: Value) throws -> Value {
        if let binding, op != .is, op != .isNot, op != .in, op != .notIn, left.isTensor || right.isTensor,
           let result = try binding.compare(op, left, right, interpreter: self) {
            return result
        }
        switch op {
        case .is: return .bool(isSame(left, right))
        case .isNot: return .bool(!isSame(left, right))
        case .in: return .bool(try contains(right, left))
        case .notIn: return .bool(try !contains(right, left))
        case .equal: return try richCompare(left, right, "__eq__", "__eq__") ?? .bool(try equals(left, right))
        case .notEqual:
            if let result = try richCompare(left, right, "__ne__", "__ne__") { return result }
            if case .instance(let instance) = left, instance.cls.lookup("__eq__") != nil {
                return .bool(try !isTrue(try compare(.equal, left, right)))
            }
            return .bool(try !equals(left, right))
        case .less, .lessEqual, .greater, .greaterEqual:
            let (name, reflected) = op == .less ? ("__lt__", "__gt__") : op == .lessEqual ? ("__le__", "__ge__")
                : op == .greater ? ("__gt__", "__lt__") : ("__ge__", "__le__")
            if let result = try richCompare(left, right, name, reflected) { return result }
            if case .set(let a) = left, case .set(let b) = right { return .bool(try BuiltinMethods.compareSets(op, a, b)) }
            guard let order = try ordering(left, right) else {
                throw PythonError.typeError("'\(op.rawValue)' not supported between instances of "
                    + "'\(left.typeName)' and '\(right.typeName)'")
            }
            if order == Int.max { return .false }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        }
    }

    private func richCompare(_ left: Value, _ right: Value, _ name: String, _ reflected: String) throws -> Value? {
        if case .instance(let instance) = left, let method = instance.cls.lookup(name) {
            let result = try call(method, Arguments([left, right]))
            if case .notImplemented = result {} else { return result }
        }
        if case .instance(let instance) = right, let method = instance.cls.lookup(reflected) {
            let result = try call(method, Arguments([right, left]))
            if case .notImplemented = result {} else { return result }
        }
        // Binding objects such as torch.Size and dtypes compare through their own `__eq__`.
        if case .foreign(let object) = left, let method = try object.attribute(name, interpreter: self) {
            let result = try call(method, Arguments([right]))
            if case .notImplemented = result {} else { return result }
        }
        if case .foreign(let object) = right, let method = try object.attribute(reflected, interpreter: self) {
            let result = try call(method, Arguments([left]))
            if case .notImplemented = result {} else { return result }
        }
        return nil
    }

    /// `a is b`.
    func isSame(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none), (.ellipsis, .ellipsis), (.notImplemented, .notImplemented): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y && (-5...256).contains(x)
        case (.str(let x), .str(let y)): return x == y
        case (.tuple(let x), .tuple(let y)): return x.isEmpty && y.isEmpty
        default:
            guard let x = identity(a), let y = identity(b) else { return false }
            return x == y
        }
    }

    private func identity(_ value: Value) -> ObjectIdentifier? {
        switch value {
        case .list(let o): return ObjectIdentifier(o)
        case .dict(let o): return ObjectIdentifier(o)
        case .set(let o): return ObjectIdentifier(o)
        case .function(let o): return ObjectIdentifier(o)
        case .builtin(let o): return ObjectIdentifier(o)
        case .boundMethod(let o): return ObjectIdentifier(o)
        case .type(let o): return ObjectIdentifier(o)
        case .instance(let o): return ObjectIdentifier(o)
        case .module(let o): return ObjectIdentifier(o)
        case .iterator(let o): return ObjectIdentifier(o)
        case .tensor(let o): return ObjectIdentifier(o)
        case .foreign(let o): return ObjectIdentifier(o)
        default: return nil
        }
    }

    /// `a == b` for built-in values (instances compare by identity unless they define `__eq__`).
    public func equals(_ a: Value, _ b: Value) throws -> Bool {
        if let x = Arithmetic.number(a), let y = Arithmetic.number(b) { return Arithmetic.equal(x, y) }
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.recursionLimit || StackRoom.isLow {
            throw PythonError(Builtins.recursionError, "maximum recursion depth exceeded in comparison")
        }
        switch (a, b) {
        case (.str(let x), .str(let y)): return x == y
        case (.tuple(let x), .tuple(let y)): return try sequencesEqual(x, y)
        case (.list(let x), .list(let y)): return try x === y || sequencesEqual(x.items, y.items)
        case (.dict(let x), .dict(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x.items {
                guard let other = y.get(try hashKey(key)), try equals(value, other) else { return false }
            }
            return true
        case (.set(let x), .set(let y)):
            guard x.storage.count == y.storage.count else { return false }
            return try x.storage.items.allSatisfy { y.storage.get(try hashKey($0.key)) != nil }
        case (.range(let x), .range(let y)):
            return x.count == y.count && (x.count == 0 || (x.start == y.start && (x.count == 1 || x.step == y.step)))
        case (.instance, _), (_, .instance):
            if let result = try richCompare(a, b, "__eq__", "__eq__") { return try isTrue(result) }
            return isSame(a, b)
        case (.slice(let x), .slice(let y)):
            return try equals(x.lower, y.lower) && equals(x.upper, y.upper) && equals(x.step, y.step)
        default:
            return isSame(a, b)
        }
    }

    private func sequencesEqual(_ x: [Value], _ y: [Value]) throws -> Bool {
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where !isSame(p, q) {
            if try !equals(p, q) { return false }
        }
        return true
    }

    /// -1, 0 or 1 for orderable built-in values; nil when the types do not order.
    func ordering(_ a: Value, _ b: Value) throws -> Int? {
        if let x = Arithmetic.number(a), let y = Arithmetic.number(b) { return Arithmetic.order(x, y) }
        switch (a, b) {
        case (.str(let x), .str(let y)):
            let xs = Array(x.unicodeScalars), ys = Array(y.unicodeScalars)
            for (p, q) in zip(xs, ys) where p != q { return p.value < q.value ? -1 : 1 }
            return xs.count == ys.count ? 0 : xs.count < ys.count ? -1 : 1
        case (.tuple(let x), .tuple(let y)): return try orderSequences(x, y, a, b)
        case (.list(let x), .list(let y)): return try orderSequences(x.items, y.items, a, b)
        default: return nil
        }
    }

    private func orderSequences(_ x: [Value], _ y: [Value], _ a: Value, _ b: Value) throws -> Int? {
        for (p, q) in zip(x, y) where try !equals(p, q) {
            if try isTrue(try compare(.less, p, q)) { return -1 }
            return 1
        }
        return x.count == y.count ? 0 : x.count < y.count ? -1 : 1
    }

    /// Python truthiness.
    public func isTrue(_ value: Value) throws -> Bool {
        switch value {
        case .none: return false
        case .bool(let b): return b
        case .int(let n): return n != 0
        case .float(let x): return x != 0
        case .str(let s): return !s.isEmpty
        case .tuple(let items): return !items.isEmpty
        case .list(let list): return !list.items.isEmpty
        case .dict(let dict): return dict.count > 0
        case .set(let set): return set.storage.count > 0
        case .range(let range): return range.count > 0
        case .instance(let instance):
            if let method = instance.cls.lookup("__bool__") {
                let result = try call(method, Arguments([value]))
                guard case .bool(let b) = result else {
                    throw PythonError.typeError("__bool__ should return bool, returned \(result.typeName)")
                }
                return b
            }
            if let method = instance.cls.lookup("__len__") {
                return try isTrue(try call(method, Arguments([value])))
            }
            return true
        case .tensor:
            return try isTrue(try call(try getAttribute(value, "__bool__"), Arguments()))
        default: return true
        }
    }

    /// `item in container`.
    func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let text):
            guard case .str(let part) = item else {
                throw PythonError.typeError("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return part.isEmpty || text.contains(part)
        case .dict(let dict): return dict.get(try hashKey(item)) != nil
        case .set(let set): return set.storage.get(try hashKey(item)) != nil
        case .range(let range):
            guard case .int(let n) = item else { break }
            let inside = range.step > 0 ? (n >= range.start && n < range.stop) : (n <= range.start && n > range.stop)
            guard inside else { return false }
            let offset = range.step > 0 ? UInt(bitPattern: n &- range.start) : UInt(bitPattern: range.start &- n)
            return offset % range.step.magnitude == 0
        case .instance(let instance):
            if let method = instance.cls.lookup("__contains__") {
                return try isTrue(try call(method, Arguments([container, item])))
            }
        case .tensor, .foreign:
            if let method = try findAttribute(container, "__contains__") {
                return try isTrue(try call(method, Arguments([item])))
            }
        default: break
        }
        guard isIterable(container) else {
            throw PythonError.typeError("argument of type '\(container.typeName)' is not iterable")
        }
        let iterator = try makeIterator(container)
        while let element = try iterator.next() {
            if try isSame(element, item) || equals(element, item) { return true }
        }
        return false
    }
}
