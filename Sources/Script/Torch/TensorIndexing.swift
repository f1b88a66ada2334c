import Tensor

/// The Python protocol methods of tensors: subscripts, `len`, iteration and conversion to Python numbers.
enum TensorProtocolMethods {
    static func method(_ t: Tensor, _ name: String, interpreter: Interpreter) -> TensorMethods.Method? {
        switch name {
        case "__getitem__":
            return { arguments in
                guard let key = arguments.positional.first else { throw PythonError.typeError("missing index") }
                return .tensor(try t.index(try indices(key, interpreter: interpreter)))
            }
        case "__setitem__":
            return { arguments in
                guard arguments.positional.count == 2 else { throw PythonError.typeError("missing value") }
                let key = arguments.positional[0], value = arguments.positional[1]
                let source: Tensor
                if case .tensor(let v) = value {
                    source = v
                } else if let scalar = Convert.scalar(value) {
                    source = Tensor(scalar, dtype: t.dtype)
                } else {
                    source = try Tensor(nested: try Convert.nested(value), dtype: t.dtype)
                }
                try t.indexPut_(try indices(key, interpreter: interpreter), value: source)
                return .none
            }
        case "__iadd__", "__isub__", "__imul__", "__itruediv__":
            return { arguments in
                guard let other = arguments.positional.first, let b = Convert.operand(other) else {
                    return .notImplemented
                }
                switch name {
                case "__iadd__": return .tensor(try t.add_(b))
                case "__isub__": return .tensor(try t.sub_(b))
                case "__imul__": return .tensor(try t.mul_(b))
                default: return .tensor(try t.div_(b))
                }
            }
        case "__setattr__":
            return { arguments in
                guard arguments.positional.count == 2, case .str(let attribute) = arguments.positional[0] else {
                    throw PythonError.typeError("__setattr__ expected 2 arguments")
                }
                let value = arguments.positional[1]
                switch (attribute, value) {
                case ("requires_grad", .bool(let flag)):
                    // The attribute's message differs from requires_grad_()'s.
                    if flag && !t.dtype.isFloatingPoint { throw PythonError(TensorError.requiresGradOnNonFloat) }
                    _ = try t.requiresGrad_(flag)
                case ("requires_grad", _):
                    throw PythonError.typeError("requires_grad must be a bool")
                case ("grad", .none):
                    t.grad = nil
                case ("grad", .tensor(let grad)):
                    t.grad = grad
                case ("data", .tensor(let data)):
                    try t.setData_(data)
                case ("data", _):
                    throw PythonError.typeError("Variable data has to be a tensor, but got \(value.typeName)")
                case ("grad", _):
                    throw PythonError.typeError("assigned grad expected to be a Tensor or None but got grad of "
                        + "type \(value.typeName)")
                default:
                    throw PythonError.attributeError("'Tensor' object has no attribute '\(attribute)'")
                }
                return .none
            }
        case "__format__":
            // As Tensor.__format__: a 0-d tensor formats as its item; others only with an empty spec.
            return { arguments in
                guard case .str(let spec)? = arguments.positional.first else {
                    throw PythonError.typeError("__format__() argument must be str")
                }
                if t.rank == 0 { return .str(try interpreter.format(Convert.value(try t.item()), spec: spec)) }
                guard spec.isEmpty else {
                    throw PythonError.typeError("unsupported format string passed to Tensor.__format__")
                }
                return .str(try interpreter.binding?.repr(.tensor(t), interpreter: interpreter) ?? TensorRepr.repr(t))
            }
        case "__contains__":
            return { arguments in
                let item = arguments.positional.first ?? .none
                guard let other = Convert.operand(item) else {
                    throw PythonError.runtimeError("Tensor.__contains__ only supports Tensor or scalar, but you "
                        + "passed in a <class '\(item.typeName)'>.")
                }
                return .bool(try t.eq(other).any().item().isNonZero)
            }
        case "__len__":
            return { _ in
                guard let first = t.shape.first else { throw PythonError.typeError("len() of a 0-d tensor") }
                return .int(first)
            }
        case "__iter__":
            return { _ in
                guard let first = t.shape.first else { throw PythonError.typeError("iteration over a 0-d tensor") }
                // Lazily, row by row: a tensor with many empty rows must not build them all up front.
                var index = 0
                return .iterator(IteratorObject("iterator") {
                    guard index < first else { return nil }
                    defer { index += 1 }
                    return .tensor(try t.index(.int(index)))
                })
            }
        case "__float__": return { _ in .float(try oneElement(t, "float").doubleValue) }
        case "__int__", "__index__":
            return { _ in
                switch try oneElement(t, "int") {
                case .int(let n): return .int(Int(n))
                case .bool(let b): return .int(b ? 1 : 0)
                case .float(let x):
                    if x.isNaN { throw PythonError.valueError("cannot convert float NaN to integer") }
                    guard let n = Int(exactly: x.rounded(.towardZero)) else {
                        throw PythonError.overflowError("cannot convert float infinity to integer")
                    }
                    return .int(n)
                }
            }
        case "__bool__":
            return { _ in
                guard t.count == 1 else {
                    throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                                      "Boolean value of Tensor with more than one value is ambiguous")
                }
                return .bool(try t.item().isNonZero)
            }
        default: return nil
        }
    }

    private static func oneElement(_ t: Tensor, _ kind: String) throws -> Scalar {
        guard t.count == 1 else {
            throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                              "a Tensor with \(t.count) elements cannot be converted to Scalar")
        }
        return try t.item()
    }

    /// A Python subscript as engine index entries.
    static func indices(_ key: Value, interpreter: Interpreter) throws -> [TensorIndex] {
        if case .tuple(let items) = key { return try items.map { try entry($0, interpreter: interpreter) } }
        return [try entry(key, interpreter: interpreter)]
    }

    private static func entry(_ value: Value, interpreter: Interpreter) throws -> TensorIndex {
        switch value {
        case .none: return .newAxis
        case .ellipsis: return .ellipsis
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .tensor(let t): return .tensor(t)
        case .slice(let slice):
            return .slice(start: try part(slice.lower), end: try part(slice.upper), step: try part(slice.step))
        case .list, .tuple:
            let nested = try Convert.nested(value)
            return .tensor(try Tensor(nested: nested))
        case .str:
            // PyTorch reads a string index as a sequence of data for a new index tensor.
            throw PythonError.typeError("new(): invalid data type 'str'")
        default:
            throw PythonError(Interpreter.exceptionClass(named: "IndexError"),
                              "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables "
                              + "are valid indices (got \(value.typeName))")
        }
    }

    private static func part(_ value: Value) throws -> Int? {
        if case .none = value { return nil }
        return try Convert.int(value, "slice indices")
    }
}
