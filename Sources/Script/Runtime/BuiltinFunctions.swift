import Foundation

/// The built-in functions (`print`, `len`, `isinstance` ...).
enum BuiltinFunctions {
    nonisolated(unsafe) static let all: [BuiltinFunction] = [
        BuiltinFunction("print", print),
        BuiltinFunction("len") { interpreter, arguments in
            let value = try exactly(1, arguments, "len")[0]
            return .int(try interpreter.length(value))
        },
        BuiltinFunction("repr") { interpreter, arguments in
            .str(try interpreter.repr(try exactly(1, arguments, "repr")[0]))
        },
        BuiltinFunction("ascii") { interpreter, arguments in
            .str(PythonRepr.escapingNonASCII(try interpreter.repr(try exactly(1, arguments, "ascii")[0])))
        },
        BuiltinFunction("format") { interpreter, arguments in
            guard let value = arguments.positional.first else {
                throw PythonError.typeError("format expected at least 1 argument, got 0")
            }
            var spec = ""
            if arguments.positional.count > 1, case .str(let text) = arguments.positional[1] { spec = text }
            return .str(try interpreter.format(value, spec: spec))
        },
        BuiltinFunction("isinstance") { interpreter, arguments in
            let values = try exactly(2, arguments, "isinstance")
            return .bool(try isInstance(interpreter.typeOf(values[0]), values[1], function: "isinstance"))
        },
        BuiltinFunction("issubclass") { interpreter, arguments in
            let values = try exactly(2, arguments, "issubclass")
            guard case .type(let cls) = values[0] else {
                throw PythonError.typeError("issubclass() arg 1 must be a class")
            }
            return .bool(try isInstance(cls, values[1], function: "issubclass"))
        },
        BuiltinFunction("abs") { interpreter, arguments in
            let value = try exactly(1, arguments, "abs")[0]
            switch value {
            case .int(let n):
                guard n != .min else { throw Arithmetic.overflow() }
                return .int(abs(n))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let x): return .float(abs(x))
            case .instance(let instance):
                if let method = instance.cls.lookup("__abs__") { return try interpreter.call(method, Arguments([value])) }
            case .tensor:
                return try interpreter.call(try interpreter.getAttribute(value, "abs"), Arguments())
            default: break
            }
            throw PythonError.typeError("bad operand type for abs(): '\(value.typeName)'")
        },
        BuiltinFunction("sum") { interpreter, arguments in
            guard let iterable = arguments.positional.first else {
                throw PythonError.typeError("sum() takes at least 1 positional argument (0 given)")
            }
            var total = arguments.positional.count > 1 ? arguments.positional[1]
                : arguments.keywords.first { $0.name == "start" }?.value ?? .int(0)
            if case .str = total {
                throw PythonError.typeError("sum() can't sum strings [use ''.join(seq) instead]")
            }
            let iterator = try interpreter.makeIterator(iterable)
            while let item = try iterator.next() { total = try interpreter.binaryOperation(.add, total, item) }
            return total
        },
        BuiltinFunction("min") { interpreter, arguments in try extreme(interpreter, arguments, "min", wantLess: true) },
        BuiltinFunction("max") { interpreter, arguments in try extreme(interpreter, arguments, "max", wantLess: false) },
        BuiltinFunction("sorted") { interpreter, arguments in
            guard arguments.positional.count == 1 else {
                throw PythonError.typeError("sorted expected 1 argument, got \(arguments.positional.count)")
            }
            var items = try interpreter.collect(arguments.positional[0])
            try sort(&items, interpreter, arguments.keywords)
            return .list(ListObject(items))
        },
        BuiltinFunction("reversed") { interpreter, arguments in
            let value = try exactly(1, arguments, "reversed")[0]
            switch value {
            case .list, .tuple, .str, .range:
                let items = try interpreter.collect(value)
                return .iterator(interpreter.sequenceIterator(items.reversed(), typeName: "list_reverseiterator"))
            case .dict(let dict):
                return .iterator(interpreter.sequenceIterator(dict.items.map(\.key).reversed(),
                                                              typeName: "dict_reversekeyiterator"))
            case .instance(let instance):
                if let method = instance.cls.lookup("__reversed__") {
                    return try interpreter.call(method, Arguments([value]))
                }
            default: break
            }
            throw PythonError.typeError("'\(value.typeName)' object is not reversible")
        },
        BuiltinFunction("enumerate") { interpreter, arguments in
            guard let iterable = arguments.positional.first else {
                throw PythonError.typeError("enumerate() missing required argument 'iterable' (pos 1)")
            }
            let startValue = arguments.positional.count > 1 ? arguments.positional[1]
                : arguments.keywords.first { $0.name == "start" }?.value ?? .int(0)
            var counter: Int? = try interpreter.index(startValue, "'\(startValue.typeName)' object cannot be interpreted as an integer")
            let iterator = try interpreter.makeIterator(iterable)
            return .iterator(IteratorObject("enumerate") {
                guard let item = try iterator.next() else { return nil }
                // A count past 2**63 - 1 does not fit Attend's int: nil marks it, for the next item to refuse.
                guard let current = counter else { throw Arithmetic.overflow() }
                let (next, overflow) = current.addingReportingOverflow(1)
                counter = overflow ? nil : next
                return .tuple([.int(current), item])
            })
        },
        BuiltinFunction("zip") { interpreter, arguments in
            let iterators = try arguments.positional.map { try interpreter.makeIterator($0) }
            let strict = try arguments.keywords.first { $0.name == "strict" }.map { try interpreter.isTrue($0.value) }
                ?? false
            return .iterator(IteratorObject("zip") {
                guard !iterators.isEmpty else { return nil }
                var items: [Value] = []
                for (position, iterator) in iterators.enumerated() {
                    guard let item = try iterator.next() else {
                        if strict {
                            if position > 0 {
                                throw PythonError.valueError("zip() argument \(position + 1) is shorter than argument 1")
                            }
                            for (later, other) in iterators.enumerated().dropFirst() where try other.next() != nil {
                                throw PythonError.valueError("zip() argument \(later + 1) is longer than argument 1")
                            }
                        }
                        return nil
                    }
                    items.append(item)
                }
                return .tuple(items)
            })
        },
        BuiltinFunction("map") { interpreter, arguments in
            guard arguments.positional.count >= 2 else {
                throw PythonError.typeError("map() must have at least two arguments.")
            }
            let function = arguments.positional[0]
            let iterators = try arguments.positional.dropFirst().map { try interpreter.makeIterator($0) }
            return .iterator(IteratorObject("map") {
                var items: [Value] = []
                for iterator in iterators {
                    guard let item = try iterator.next() else { return nil }
                    items.append(item)
                }
                return try interpreter.call(function, Arguments(items))
            })
        },
        BuiltinFunction("filter") { interpreter, arguments in
            let values = try exactly(2, arguments, "filter")
            let iterator = try interpreter.makeIterator(values[1])
            return .iterator(IteratorObject("filter") {
                while let item = try iterator.next() {
                    let keep: Value
                    if case .none = values[0] { keep = item } else {
                        keep = try interpreter.call(values[0], Arguments([item]))
                    }
                    if try interpreter.isTrue(keep) { return item }
                }
                return nil
            })
        },
        BuiltinFunction("any") { interpreter, arguments in
            let iterator = try interpreter.makeIterator(try exactly(1, arguments, "any")[0])
            while let item = try iterator.next() {
                if try interpreter.isTrue(item) { return .true }
            }
            return .false
        },
        BuiltinFunction("all") { interpreter, arguments in
            let iterator = try interpreter.makeIterator(try exactly(1, arguments, "all")[0])
            while let item = try iterator.next() {
                if try !interpreter.isTrue(item) { return .false }
            }
            return .true
        },
        BuiltinFunction("iter") { interpreter, arguments in
            .iterator(try interpreter.makeIterator(try exactly(1, arguments, "iter")[0]))
        },
        BuiltinFunction("next") { interpreter, arguments in
            guard let value = arguments.positional.first else {
                throw PythonError.typeError("next expected at least 1 argument, got 0")
            }
            if case .iterator(let iterator) = value {
                if let item = try iterator.next() { return item }
                if arguments.positional.count > 1 { return arguments.positional[1] }
                throw PythonError(Builtins.stopIteration)
            }
            if case .instance(let instance) = value, let method = instance.cls.lookup("__next__") {
                return try interpreter.call(method, Arguments([value]))
            }
            throw PythonError.typeError("'\(value.typeName)' object is not an iterator")
        },
        BuiltinFunction("hasattr") { interpreter, arguments in
            let values = try exactly(2, arguments, "hasattr")
            guard case .str(let name) = values[1] else {
                throw PythonError.typeError("attribute name must be string, not '\(values[1].typeName)'")
            }
            do {
                return .bool(try interpreter.findAttribute(values[0], name) != nil)
            } catch let error as PythonError where error.exception.cls.isSubclass(of: Builtins.attributeError) {
                return .false
            }
        },
        BuiltinFunction("getattr") { interpreter, arguments in
            guard arguments.positional.count == 2 || arguments.positional.count == 3 else {
                throw PythonError.typeError("getattr expected 2 or 3 arguments, got \(arguments.positional.count)")
            }
            guard case .str(let name) = arguments.positional[1] else {
                throw PythonError.typeError("attribute name must be string, not '\(arguments.positional[1].typeName)'")
            }
            do {
                return try interpreter.getAttribute(arguments.positional[0], name)
            } catch let error as PythonError
                        where arguments.positional.count == 3 && error.exception.cls.isSubclass(of: Builtins.attributeError) {
                return arguments.positional[2]
            }
        },
        BuiltinFunction("setattr") { interpreter, arguments in
            let values = try exactly(3, arguments, "setattr")
            guard case .str(let name) = values[1] else {
                throw PythonError.typeError("attribute name must be string, not '\(values[1].typeName)'")
            }
            try interpreter.setAttribute(values[0], name, values[2])
            return .none
        },
        BuiltinFunction("delattr") { interpreter, arguments in
            let values = try exactly(2, arguments, "delattr")
            guard case .str(let name) = values[1] else {
                throw PythonError.typeError("attribute name must be string, not '\(values[1].typeName)'")
            }
            try interpreter.deleteAttribute(values[0], name)
            return .none
        },
        BuiltinFunction("callable") { _, arguments in
            switch try exactly(1, arguments, "callable")[0] {
            case .function, .builtin, .boundMethod, .type: return .true
            case .instance(let instance): return .bool(instance.cls.lookup("__call__") != nil)
            default: return .false
            }
        },
        BuiltinFunction("round", round),
        BuiltinFunction("divmod") { interpreter, arguments in
            let values = try exactly(2, arguments, "divmod")
            return .tuple([try interpreter.binaryOperation(.floorDivide, values[0], values[1]),
                           try interpreter.binaryOperation(.modulo, values[0], values[1])])
        },
        BuiltinFunction("pow") { interpreter, arguments in
            let values = try exactly(2, arguments, "pow")
            return try interpreter.binaryOperation(.power, values[0], values[1])
        },
        BuiltinFunction("hash") { _, arguments in
            let value = try exactly(1, arguments, "hash")[0]
            let key = try hashKey(value)
            // Equal numbers hash alike (hash(1) == hash(1.0) == hash(True)), as CPython computes them.
            if case .int(let n) = key { return .int(NumericHash.hash(n)) }
            if case .float(let x) = key, let hash = NumericHash.hash(x) { return .int(hash) }
            var hasher = Hasher()
            hasher.combine(key)
            return .int(hasher.finalize())
        },
        BuiltinFunction("id") { _, arguments in
            let value = try exactly(1, arguments, "id")[0]
            if case .identity(let id) = (try? hashKey(value)) ?? .none { return .int(id.hashValue) }
            return .int(0)
        },
        BuiltinFunction("chr") { interpreter, arguments in
            let value = try exactly(1, arguments, "chr")[0]
            let code = try interpreter.index(value, "'\(value.typeName)' object cannot be interpreted as an integer")
            guard Int32(exactly: code) != nil else {
                throw PythonError.overflowError("Python int too large to convert to C int")
            }
            guard code >= 0, code < 0x110000, let scalar = Unicode.Scalar(UInt32(code)) else {
                throw PythonError.valueError("chr() arg not in range(0x110000)")
            }
            return .str(String(Character(scalar)))
        },
        BuiltinFunction("ord") { _, arguments in
            let value = try exactly(1, arguments, "ord")[0]
            guard case .str(let text) = value else {
                throw PythonError.typeError("ord() expected string of length 1, but \(value.typeName) found")
            }
            let scalars = Array(text.unicodeScalars)
            guard scalars.count == 1 else {
                throw PythonError.typeError("ord() expected a character, but string of length \(scalars.count) found")
            }
            return .int(Int(scalars[0].value))
        },
        BuiltinFunction("super", superObject),
    ]

    static func exactly(_ count: Int, _ arguments: Arguments, _ name: String) throws -> [Value] {
        if !arguments.keywords.isEmpty {
            throw PythonError.typeError("\(name)() takes no keyword arguments")
        }
        guard arguments.positional.count == count else {
            if count == 1 {
                throw PythonError.typeError(
                    "\(name)() takes exactly one argument (\(arguments.positional.count) given)")
            }
            throw PythonError.typeError("\(name) expected \(count) arguments, got \(arguments.positional.count)")
        }
        return arguments.positional
    }

    static func print(_ interpreter: Interpreter, _ arguments: Arguments) throws -> Value {
        var separator = " ", terminator = "\n"
        for (name, value) in arguments.keywords {
            switch (name, value) {
            case ("sep", .str(let text)): separator = text
            case ("sep", .none): break
            case ("end", .str(let text)): terminator = text
            case ("end", .none): break
            case ("sep", _), ("end", _):
                throw PythonError.typeError("\(name) must be None or a string, not \(value.typeName)")
            case ("flush", _): break
            case ("file", _): throw PythonError.typeError("print(file=...) is not supported in Attend")
            default: throw PythonError.typeError("'\(name)' is an invalid keyword argument for print()")
            }
        }
        let text = try arguments.positional.map { try interpreter.str($0) }.joined(separator: separator)
        interpreter.output(text + terminator)
        return .none
    }

    private static func isInstance(_ cls: ClassObject, _ spec: Value, function: String) throws -> Bool {
        switch spec {
        case .type(let target): return cls.isSubclass(of: target)
        case .tuple(let items):
            for item in items where try isInstance(cls, item, function: function) { return true }
            return false
        default:
            throw PythonError.typeError("\(function)() arg 2 must be a type, a tuple of types, or a union")
        }
    }

    private static func extreme(_ interpreter: Interpreter, _ arguments: Arguments, _ name: String,
                                wantLess: Bool) throws -> Value {
        var key: Value?, fallback: Value?
        for (keyword, value) in arguments.keywords {
            switch keyword {
            case "key": if case .none = value {} else { key = value }
            case "default": fallback = value
            default: throw PythonError.typeError("'\(keyword)' is an invalid keyword argument for \(name)()")
            }
        }
        let items: [Value]
        switch arguments.positional.count {
        case 0: throw PythonError.typeError("\(name) expected at least 1 argument, got 0")
        case 1: items = try interpreter.collect(arguments.positional[0])
        default:
            if fallback != nil {
                throw PythonError.typeError(
                    "Cannot specify a default for \(name)() with multiple positional arguments")
            }
            items = arguments.positional
        }
        guard var best = items.first else {
            if let fallback { return fallback }
            throw PythonError.valueError("\(name)() arg is an empty sequence")
        }
        var bestKey = try key.map { try interpreter.call($0, Arguments([best])) } ?? best
        for item in items.dropFirst() {
            let itemKey = try key.map { try interpreter.call($0, Arguments([item])) } ?? item
            let better = try interpreter.isTrue(try interpreter.compare(wantLess ? .less : .greater, itemKey, bestKey))
            if better {
                best = item
                bestKey = itemKey
            }
        }
        return best
    }

    /// Sorts with Python's `key=` and `reverse=` (stable; a comparison error propagates).
    static func sort(_ items: inout [Value], _ interpreter: Interpreter,
                     _ keywords: [(name: String, value: Value)]) throws {
        var key: Value?, reverse = false
        for (name, value) in keywords {
            switch name {
            case "key": if case .none = value {} else { key = value }
            case "reverse": reverse = try interpreter.isTrue(value)
            default: throw PythonError.typeError("'\(name)' is an invalid keyword argument for sort()")
            }
        }
        let keys = try items.map { item in try key.map { try interpreter.call($0, Arguments([item])) } ?? item }
        var order = Array(keys.indices)
        if reverse { order.reverse() }
        try mergeSort(&order) { a, b in try interpreter.isTrue(try interpreter.compare(.less, keys[a], keys[b])) }
        if reverse { order.reverse() }
        items = order.map { items[$0] }
    }

    // A stable merge sort that lets the comparison throw.
    private static func mergeSort(_ items: inout [Int], _ less: (Int, Int) throws -> Bool) throws {
        guard items.count > 1 else { return }
        var buffer = items
        var width = 1
        while width < items.count {
            var start = 0
            while start < items.count {
                let middle = min(start + width, items.count), end = min(start + 2 * width, items.count)
                var i = start, j = middle, k = start
                while i < middle && j < end {
                    if try less(items[j], items[i]) {
                        buffer[k] = items[j]
                        j += 1
                    } else {
                        buffer[k] = items[i]
                        i += 1
                    }
                    k += 1
                }
                while i < middle { buffer[k] = items[i]; i += 1; k += 1 }
                while j < end { buffer[k] = items[j]; j += 1; k += 1 }
                start += 2 * width
            }
            swap(&items, &buffer)
            width *= 2
        }
    }

    static func round(_ interpreter: Interpreter, _ arguments: Arguments) throws -> Value {
        guard let value = arguments.positional.first else {
            throw PythonError.typeError("round() missing required argument 'number' (pos 1)")
        }
        let digitsValue = arguments.positional.count > 1 ? arguments.positional[1]
            : arguments.keywords.first { $0.name == "ndigits" }?.value ?? Value.none
        switch value {
        case .int, .bool:
            if case .none = digitsValue { return try Conversions.int(interpreter, Arguments([value])) }
            let digits = try interpreter.index(digitsValue, "integer argument expected")
            guard digits < 0, case .int(let n) = value else { return try Conversions.int(interpreter, Arguments([value])) }
            guard digits > -19 else {
                // Only ±10**19, the nearest multiple for the largest ints, leaves Attend's 64 bits.
                if digits == -19 && n.magnitude > 5_000_000_000_000_000_000 { throw Arithmetic.overflow() }
                return .int(0)
            }
            var scale = 1
            for _ in 0 < -digits ? 0..<(-digits) : 0..<0 { scale *= 10 }
            // Exactly, in integers (a double loses the low digits of big ints): half rounds to the even multiple.
            var (quotient, remainder) = n.quotientAndRemainder(dividingBy: scale)
            if remainder < 0 { (quotient, remainder) = (quotient - 1, remainder + scale) }
            let twice = 2 * remainder
            if twice > scale || (twice == scale && quotient % 2 != 0) { quotient += 1 }
            let (rounded, overflow) = quotient.multipliedReportingOverflow(by: scale)
            guard !overflow else { throw Arithmetic.overflow() }
            return .int(rounded)
        case .float(let x):
            if case .none = digitsValue { return try Conversions.fromDouble(x.rounded(.toNearestOrEven)) }
            let digits = try interpreter.index(digitsValue, "integer argument expected")
            guard x.isFinite else { return value }
            // Round via the shortest decimal representation, as CPython does (correctly rounded).
            let text = String(format: "%.\(max(0, min(digits, 300)))f", x)
            if digits >= 0 { return .float(Double(text) ?? x) }
            let scale = Foundation.pow(10.0, Double(-digits))
            // Past 10**308 every float rounds to a signed zero (and x / inf * inf would be nan).
            guard scale.isFinite else { return .float(x < 0 ? -0.0 : 0.0) }
            return .float((x / scale).rounded(.toNearestOrEven) * scale)
        case .instance(let instance):
            if let method = instance.cls.lookup("__round__") {
                return try interpreter.call(method, Arguments([value] + arguments.positional.dropFirst()))
            }
        case .tensor:
            return try interpreter.call(try interpreter.getAttribute(value, "__round__"), Arguments())
        default: break
        }
        throw PythonError.typeError("type \(value.typeName) doesn't define __round__ method")
    }

    static func superObject(_ interpreter: Interpreter, _ arguments: Arguments) throws -> Value {
        let cls: ClassObject, receiver: Value
        if arguments.positional.count == 2, case .type(let given) = arguments.positional[0] {
            (cls, receiver) = (given, arguments.positional[1])
        } else {
            guard let frame = interpreter.functionFrames.last, let defining = frame.function.definingClass,
                  let first = (frame.function.parameters.positionalOnly + frame.function.parameters.regular).first,
                  let value = frame.environment.variables[first.name] else {
                throw PythonError.runtimeError("super(): no arguments")
            }
            (cls, receiver) = (defining, value)
        }
        return .foreign(SuperObject(cls: cls, receiver: receiver))
    }
}

/// `super()`: attribute lookup that starts after `cls` in the receiver's MRO.
final class SuperObject: ForeignObject {
    let cls: ClassObject
    let receiver: Value

    init(cls: ClassObject, receiver: Value) {
        self.cls = cls
        self.receiver = receiver
    }

    var typeName: String { "super" }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        let mro: [ClassObject]
        switch receiver {
        case .instance(let instance): mro = instance.cls.mro
        case .type(let type): mro = type.mro
        default: mro = cls.mro
        }
        guard let position = mro.firstIndex(where: { $0 === cls }) else { return nil }
        for candidate in mro[(position + 1)...] {
            guard let value = candidate.attributes[name] else { continue }
            switch value {
            case .function: return .boundMethod(BoundMethod(receiver: receiver, function: value))
            case .builtin(let builtin) where builtin.isMethod:
                return .boundMethod(BoundMethod(receiver: receiver, function: value))
            default: return value
            }
        }
        if name == "__init__" {
            return .builtin(BuiltinFunction("__init__") { _, arguments in
                if case .instance(let instance) = self.receiver,
                   instance.cls.isSubclass(of: Builtins.baseException) {
                    instance.arguments = arguments.positional
                }
                return .none
            })
        }
        return nil
    }

    func repr(interpreter: Interpreter) throws -> String {
        "<super: <class '\(cls.name)'>, <\(receiver.typeName) object>>"
    }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
}
