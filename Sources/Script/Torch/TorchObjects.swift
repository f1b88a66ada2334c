import Tensor

/// The address-like text PyTorch shows in `<... object at 0x...>` reprs.
func objectAddress(_ object: AnyObject) -> String {
    "0x" + String(UInt(bitPattern: Unmanaged.passUnretained(object).toOpaque()), radix: 16)
}

/// A `torch.dtype` (`torch.float32`), one shared instance per dtype so `is` and `==` work.
final class DTypeObject: ForeignObject, Sendable {
    let dtype: DType
    var typeName: String { "dtype" }
    var qualifiedTypeName: String { "torch.dtype" }

    private init(_ dtype: DType) { self.dtype = dtype }

    static let float32 = DTypeObject(.float32)
    static let float64 = DTypeObject(.float64)
    static let int64 = DTypeObject(.int64)
    static let bool = DTypeObject(.bool)

    static func of(_ dtype: DType) -> DTypeObject {
        switch dtype {
        case .float32: return float32
        case .float64: return float64
        case .int64: return int64
        case .bool: return bool
        }
    }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "is_floating_point": return .bool(dtype.isFloatingPoint)
        case "itemsize": return .int(dtype.itemSize)
        case "__eq__":
            return .builtin(BuiltinFunction("__eq__") { [self] _, arguments in
                guard case .foreign(let other)? = arguments.positional.first else { return .bool(false) }
                return .bool(other === self)
            })
        default: return nil
        }
    }

    func repr(interpreter: Interpreter) throws -> String { TensorRepr.dtype(dtype) }
    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
}

/// `torch.Size`: a tuple of ints that prints as `torch.Size([2, 3])`.
final class SizeObject: ForeignObject {
    let dims: [Int]
    var typeName: String { "Size" }
    var qualifiedTypeName: String { "torch.Size" }

    init(_ dims: [Int]) { self.dims = dims }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        let tuple = Value.tuple(dims.map { .int($0) })
        switch name {
        case "__len__": return method(name) { _ in .int(self.dims.count) }
        case "__iter__": return method(name) { _ in .list(ListObject(self.dims.map { .int($0) })) }
        case "__getitem__":
            return method(name) { arguments in
                guard let key = arguments.positional.first else { throw PythonError.typeError("missing index") }
                let item = try interpreter.getItem(tuple, key)
                if case .tuple(let items) = item {
                    return .foreign(SizeObject(try items.map { try Convert.int($0, "index") }))
                }
                return item
            }
        case "__eq__", "__ne__":
            return method(name) { arguments in
                guard let other = arguments.positional.first, let items = Convert.sequence(other) else {
                    return .bool(name == "__ne__")
                }
                if case .list = other { return .bool(name == "__ne__") }
                let equal = try interpreter.isTrue(try interpreter.compare(.equal, tuple, .tuple(items)))
                return .bool(equal == (name == "__eq__"))
            }
        case "numel": return method(name) { _ in .int(self.dims.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }) }
        case "count", "index": return try interpreter.getAttribute(tuple, name)
        default: return nil
        }
    }

    private func method(_ name: String, _ body: @escaping (Arguments) throws -> Value) -> Value {
        .builtin(BuiltinFunction(name) { _, arguments in try body(arguments) })
    }

    func repr(interpreter: Interpreter) throws -> String { TensorRepr.size(dims) }
    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
}

/// A tensor's `grad_fn`: prints as `<MulBackward0 object at 0x...>`.
final class GradFnObject: ForeignObject {
    let node: Node
    var typeName: String { node.name }

    init(_ node: Node) { self.node = node }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "name": return .builtin(BuiltinFunction("name") { [node] _, _ in .str(node.name) })
        case "next_functions":
            return .tuple(node.nextFunctions.map { next in
                .tuple([next.map { .foreign(GradFnObject($0)) } ?? .none, .int(0)])
            })
        default: return nil
        }
    }

    func repr(interpreter: Interpreter) throws -> String { "<\(node.name) object at \(objectAddress(node))>" }
    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
}

/// The generator `torch.manual_seed` returns.
final class TorchGeneratorObject: ForeignObject {
    let generator: Generator
    var typeName: String { "Generator" }
    var qualifiedTypeName: String { "torch.Generator" }

    init(_ generator: Generator) { self.generator = generator }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "manual_seed":
            return .builtin(BuiltinFunction("manual_seed") { [self] _, arguments in
                let values = try ArgumentParser("manual_seed", ["seed"], required: 1).parse(arguments)
                generator.manualSeed(try Convert.int(values[0] ?? .none, "manual_seed(): argument 'seed'"))
                return .foreign(self)
            })
        case "initial_seed": return .builtin(BuiltinFunction("initial_seed") { [generator] _, _ in
            .int(Int(truncatingIfNeeded: generator.initialSeed))
        })
        default: return nil
        }
    }

    func repr(interpreter: Interpreter) throws -> String { "<torch._C.Generator object at \(objectAddress(self))>" }
    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
}

/// `torch.no_grad()` / `torch.enable_grad()`: a context manager that sets grad mode and restores it on exit.
final class GradModeObject: ForeignObject {
    let enabled: Bool
    private var previous: [Bool] = []
    var typeName: String { enabled ? "enable_grad" : "no_grad" }

    init(enabled: Bool) { self.enabled = enabled }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "__enter__":
            return .builtin(BuiltinFunction("__enter__") { [self] _, _ in
                previous.append(GradMode.isEnabled)
                GradMode.isEnabled = enabled
                return .none
            })
        case "__exit__":
            return .builtin(BuiltinFunction("__exit__") { [self] _, _ in
                GradMode.isEnabled = previous.popLast() ?? true
                return .bool(false)
            })
        default: return nil
        }
    }

    func repr(interpreter: Interpreter) throws -> String {
        "<torch.autograd.grad_mode.\(typeName) object at \(objectAddress(self))>"
    }

    /// As a decorator (`@torch.no_grad()`): the function, run with grad mode set.
    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? {
        guard arguments.positional.count == 1, arguments.keywords.isEmpty else { return nil }
        let function = arguments.positional[0]
        let name: String
        switch function {
        case .function(let f): name = f.name
        case .builtin(let b): name = b.name
        default: return nil
        }
        let enabled = self.enabled
        return .builtin(BuiltinFunction(name) { interpreter, arguments in
            let previous = GradMode.isEnabled
            GradMode.isEnabled = enabled
            defer { GradMode.isEnabled = previous }
            return try interpreter.call(function, arguments)
        })
    }
}

/// A `torch.return_types.max`-style named pair (`values`, `indices`) that unpacks like a tuple.
final class ReturnTypesObject: ForeignObject {
    let function: String
    let values: Tensor
    let indices: Tensor
    var typeName: String { function }

    init(_ function: String, values: Tensor, indices: Tensor) {
        self.function = function
        self.values = values
        self.indices = indices
    }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        let tuple = Value.tuple([.tensor(values), .tensor(indices)])
        switch name {
        case "values": return .tensor(values)
        case "indices": return .tensor(indices)
        case "__len__": return .builtin(BuiltinFunction(name) { _, _ in .int(2) })
        case "__iter__": return .builtin(BuiltinFunction(name) { _, _ in tuple })
        case "__getitem__":
            return .builtin(BuiltinFunction(name) { interpreter, arguments in
                try interpreter.getItem(tuple, arguments.positional.first ?? .none)
            })
        default: return nil
        }
    }

    func repr(interpreter: Interpreter) throws -> String {
        "torch.return_types.\(function)(\nvalues=\(TensorRepr.repr(values)),\nindices=\(TensorRepr.repr(indices)))"
    }
    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
}
