import Tensor

/// Tensor attributes and methods as PyTorch names them.
enum TensorMethods {
    typealias Method = (Arguments) throws -> Value

    /// A data attribute (`t.shape`, `t.dtype`, `t.T` ...), or nil when `name` is not one.
    static func property(_ t: Tensor, _ name: String) throws -> Value? {
        switch name {
        case "shape": return .foreign(SizeObject(t.shape))
        case "dtype": return .foreign(DTypeObject.of(t.dtype))
        case "ndim": return .int(t.rank)
        case "T": return .tensor(try t.reversedDimensions())
        case "mT": return .tensor(try t.matrixTranspose())
        case "grad": return t.grad.map { .tensor($0) } ?? Value.none
        case "requires_grad": return .bool(t.requiresGrad)
        case "grad_fn": return t.gradFn.map { .foreign(GradFnObject($0)) } ?? Value.none
        case "is_leaf": return .bool(t.isLeaf)
        case "retains_grad": return .bool(t.retainsGrad)
        case "device": return .foreign(DeviceObject(type: "cpu"))
        case "data": return .tensor(t.detach())
        case "is_cuda": return .bool(false)
        default: return nil
        }
    }

    /// A method bound to `t`, or nil when `name` is not one; NumPy's keyword names (`axis`, `keepdims`) are accepted
    /// for `dim` and `keepdim`, as PyTorch's argument parser accepts them.
    static func method(_ t: Tensor, _ name: String, interpreter: Interpreter) -> Method? {
        guard let body = lookup(t, name, interpreter: interpreter) else { return nil }
        return { arguments in
            var arguments = arguments
            for index in arguments.keywords.indices {
                switch arguments.keywords[index].name {
                case "axis": arguments.keywords[index].name = "dim"
                case "keepdims": arguments.keywords[index].name = "keepdim"
                default: break
                }
            }
            return try body(arguments)
        }
    }

    /// The method `name` of `t` as written, before keyword aliases.
    private static func lookup(_ t: Tensor, _ name: String, interpreter: Interpreter) -> Method? {
        if let unary = unaryMethods[name] {
            return { arguments in
                _ = try ArgumentParser(name, []).parse(arguments)
                return .tensor(try unary(t))
            }
        }
        switch name {
        case "size":
            return { arguments in
                let values = try ArgumentParser("size", ["dim"]).parse(arguments)
                guard let dim = try Convert.optionalInt(values[0], "size(): argument 'dim'") else {
                    return .foreign(SizeObject(t.shape))
                }
                return .int(t.shape[try wrapSized(dim, t.rank)])
            }
        case "dim", "ndimension": return { _ in .int(t.rank) }
        case "numel", "nelement": return { _ in .int(t.count) }
        case "item": return { _ in Convert.value(try t.item()) }
        case "tolist": return { _ in try tolist(t) }
        case "numpy":
            // There is no numpy here: the "array" is the tensor's detached data, which plotting and indexing accept
            // as they accept the ndarray. It prints as a tensor, not as `array(...)`.
            return { arguments in
                let values = try ArgumentParser("numpy", ["force"]).parse(arguments)
                let force = try Convert.bool(values[0], "force", default: false)
                if t.requiresGrad && !force {
                    throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"), "Can't call numpy() on "
                        + "Tensor that requires grad. Use tensor.detach().numpy() instead.")
                }
                return .tensor(t.detach())
            }
        case "reshape", "view":
            return { arguments in
                let shape = try Convert.shape(arguments.positional, name)
                return .tensor(name == "view" ? try t.view(shape) : try t.reshape(shape))
            }
        case "transpose", "swapaxes":
            return { arguments in
                let values = try ArgumentParser("transpose", ["dim0", "dim1"], required: 2).parse(arguments)
                return .tensor(try t.transpose(try Convert.int(values[0] ?? .none, "dim0"),
                                               try Convert.int(values[1] ?? .none, "dim1")))
            }
        case "permute":
            return { arguments in .tensor(try t.permute(try Convert.shape(arguments.positional, "permute"))) }
        case "unsqueeze":
            return { arguments in
                let values = try ArgumentParser("unsqueeze", ["dim"], required: 1).parse(arguments)
                return .tensor(try t.unsqueeze(try Convert.int(values[0] ?? .none, "unsqueeze(): argument 'dim'")))
            }
        case "squeeze":
            return { arguments in
                let values = try ArgumentParser("squeeze", ["dim"]).parse(arguments)
                guard let dim = values[0], !dim.isNone else { return .tensor(try t.squeeze(dims: nil)) }
                return .tensor(try t.squeeze(dims: try Convert.ints(dim, "squeeze(): argument 'dim'")))
            }
        case "flatten":
            return { arguments in
                let values = try ArgumentParser("flatten", ["start_dim", "end_dim"]).parse(arguments)
                return .tensor(try t.flatten(startDim: try Convert.optionalInt(values[0], "start_dim") ?? 0,
                                             endDim: try Convert.optionalInt(values[1], "end_dim") ?? -1))
            }
        case "expand":
            return { arguments in .tensor(try t.expand(try Convert.shape(arguments.positional, "expand"))) }
        case "to":
            return { arguments in
                // `to(device)`, `to(dtype)`, `to(device, dtype)` and the keyword forms.
                var arguments = arguments
                let options = try TorchModule.keywordOptions(&arguments, name, ["dtype", "device", "non_blocking",
                                                                                 "copy"])
                var dtypeValue = options["dtype"]
                try TorchModule.checkDevice(options["device"])
                for value in arguments.positional {
                    switch value {
                    case .str, .foreign(is DeviceObject): try TorchModule.checkDevice(value)
                    case .tensor(let other): dtypeValue = .foreign(DTypeObject.of(other.dtype))
                    default: dtypeValue = value
                    }
                }
                guard let dtype = try Convert.dtype(dtypeValue) else { return .tensor(t) }
                return .tensor(try t.to(dtype, copy: try Convert.bool(options["copy"], "copy", default: false)))
            }
        case "type":
            return { arguments in
                let values = try ArgumentParser(name, ["dtype", "non_blocking"]).parse(arguments)
                guard let dtype = try Convert.dtype(values[0]) else {
                    return .str(t.dtype.legacyTypeName)
                }
                return .tensor(try t.to(dtype))
            }
        case "cpu": return { _ in .tensor(t) }
        case "cuda":
            return { _ in
                throw PythonError(Interpreter.exceptionClass(named: "AssertionError"),
                                  "Torch not compiled with CUDA enabled")
            }
        case "detach": return { _ in .tensor(t.detach()) }
        case "retain_grad":
            return { arguments in
                _ = try ArgumentParser("retain_grad", []).parse(arguments)
                // A leaf keeps its gradient anyway; PyTorch makes the call a no-op there.
                if !t.isLeaf || !t.requiresGrad { try t.retainGrad() }
                return .none
            }
        case "requires_grad_":
            return { arguments in
                let values = try ArgumentParser("requires_grad_", ["requires_grad"]).parse(arguments)
                return .tensor(try t.requiresGrad_(try Convert.bool(values[0], "requires_grad", default: true)))
            }
        case "backward":
            return { arguments in
                let values = try ArgumentParser("backward", ["gradient", "retain_graph", "create_graph"])
                    .parse(arguments)
                let gradient = try values[0].flatMap { $0.isNone ? nil : try Convert.tensor($0, "gradient") }
                let retain: Bool? = values[1].flatMap { $0.isNone ? nil : (try? interpreter.isTrue($0)) }
                try t.backward(gradient: gradient, retainGraph: retain,
                               createGraph: try Convert.bool(values[2], "create_graph", default: false))
                return .none
            }
        case "sum", "mean": return { arguments in try reduce(t, name, arguments) }
        case "max", "min": return { arguments in try extremum(t, name, arguments) }
        case "argmax", "argmin":
            return { arguments in
                let values = try ArgumentParser(name, ["dim", "keepdim"]).parse(arguments)
                let dim = try Convert.optionalInt(values[0], "dim")
                let keepdim = try Convert.bool(values[1], "keepdim", default: false)
                return .tensor(name == "argmax" ? try t.argmax(dim: dim, keepdim: keepdim)
                               : try t.argmin(dim: dim, keepdim: keepdim))
            }
        case "softmax", "log_softmax":
            return { arguments in
                let values = try ArgumentParser(name, ["dim", "dtype"], required: 1).parse(arguments)
                let dim = try Convert.int(values[0] ?? .none, "\(name)(): argument 'dim'")
                let dtype = try Convert.dtype(values[1])
                return .tensor(name == "softmax" ? try t.softmax(dim: dim, dtype: dtype)
                               : try t.logSoftmax(dim: dim, dtype: dtype))
            }
        case "pow":
            return { arguments in
                let values = try ArgumentParser("pow", ["exponent"], required: 1).parse(arguments)
                guard let exponent = values[0], let b = Convert.operand(exponent) else {
                    throw PythonError.typeError("pow(): argument 'exponent' must be Tensor or Number")
                }
                return .tensor(try TorchBinding.apply(.power, t, b) ?? t)
            }
        case "add", "sub", "mul", "div", "matmul", "remainder", "floor_divide":
            let op: BinaryOperator = ["add": .add, "sub": .subtract, "mul": .multiply, "div": .divide,
                                      "matmul": .matrixMultiply, "remainder": .modulo,
                                      "floor_divide": .floorDivide][name] ?? .add
            return { arguments in
                let values = try ArgumentParser(name, ["other"], required: 1).parse(arguments)
                guard let other = values[0], let b = Convert.operand(other),
                      let result = try TorchBinding.apply(op, t, b) else {
                    throw PythonError.typeError("\(name)(): argument 'other' must be Tensor")
                }
                return .tensor(result)
            }
        case "masked_fill", "masked_fill_":
            return { arguments in
                let values = try ArgumentParser(name, ["mask", "value"], required: 2).parse(arguments)
                let mask = try Convert.tensor(values[0] ?? .none, "\(name)(): argument 'mask'")
                let value = values[1] ?? .none
                if name == "masked_fill_" {
                    guard let scalar = Convert.scalar(value) else {
                        throw PythonError.typeError("masked_fill_(): argument 'value' must be Number")
                    }
                    return .tensor(try t.maskedFill_(mask, scalar))
                }
                if case .tensor(let v) = value { return .tensor(try t.maskedFill(mask, v)) }
                guard let scalar = Convert.scalar(value) else {
                    throw PythonError.typeError("masked_fill(): argument 'value' must be Number")
                }
                return .tensor(try t.maskedFill(mask, scalar))
            }
        case "fill_":
            return { arguments in
                let values = try ArgumentParser("fill_", ["value"], required: 1).parse(arguments)
                guard let scalar = Convert.scalar(values[0] ?? .none) else {
                    throw PythonError.typeError("fill_(): argument 'value' must be Number")
                }
                return .tensor(try t.fill_(scalar))
            }
        case "zero_": return { _ in .tensor(try t.zero_()) }
        default:
            return TensorProtocolMethods.method(t, name, interpreter: interpreter)
                ?? TensorCompositeMethods.method(t, name) ?? TensorMathMethods.method(t, name)
                ?? TensorInPlaceMethods.method(t, name) ?? TensorSelectionMethods.method(t, name)
        }
    }

    static let unaryMethods: [String: @Sendable (Tensor) throws -> Tensor] = [
        "contiguous": { try $0.contiguous() }, "clone": { try $0.clone() },
        "float": { try $0.float() }, "double": { try $0.double() }, "long": { try $0.long() },
        "bool": { try $0.bool() }, "exp": { try $0.exp() }, "log": { try $0.log() }, "sqrt": { try $0.sqrt() },
        "rsqrt": { try $0.rsqrt() }, "sin": { try $0.sin() }, "cos": { try $0.cos() }, "tanh": { try $0.tanh() },
        "relu": { try $0.relu() }, "sigmoid": { try $0.sigmoid() }, "abs": { try $0.abs() },
        "neg": { try $0.neg() }, "reciprocal": { try $0.reciprocal() }, "t": { try $0.t() },
        "log1p": { try $0.log1p() }, "sign": { try $0.sign() },
    ]

    /// `dim` wrapped into 0..<rank as PyTorch wraps it, or IndexError.
    static func wrap(_ dim: Int, _ rank: Int) throws -> Int {
        let extent = Swift.max(rank, 1)
        guard dim >= -extent, dim < extent else {
            throw PythonError(Interpreter.exceptionClass(named: "IndexError"),
                              "Dimension out of range (expected to be in range of [\(-extent), \(extent - 1)], "
                              + "but got \(dim))")
        }
        return dim < 0 ? dim + extent : dim
    }

    /// `dim` wrapped for a per-dimension query (`size`, `stride`), which a 0-d tensor refuses as PyTorch does.
    static func wrapSized(_ dim: Int, _ rank: Int) throws -> Int {
        guard rank > 0 else {
            throw PythonError(Interpreter.exceptionClass(named: "IndexError"),
                              "Dimension specified as \(dim) but tensor has no dimensions")
        }
        return try wrap(dim, rank)
    }

    static func tolist(_ t: Tensor) throws -> Value {
        // The same cap as any list built in one step: an expanded tensor can claim more elements than memory holds.
        guard t.count <= Interpreter.maximumItems else { throw PythonError(Builtins.memoryError) }
        let scalars = t.scalars.map(Convert.value)
        guard !t.shape.isEmpty else { return scalars.first ?? .none }
        func build(_ level: Int, _ offset: Int) -> (Value, Int) {
            var offset = offset
            var items: [Value] = []
            for _ in 0..<t.shape[level] {
                if level == t.shape.count - 1 {
                    items.append(offset < scalars.count ? scalars[offset] : .none)
                    offset += 1
                } else {
                    let (item, next) = build(level + 1, offset)
                    items.append(item)
                    offset = next
                }
            }
            return (.list(ListObject(items)), offset)
        }
        return build(0, 0).0
    }

    private static func reduce(_ t: Tensor, _ name: String, _ arguments: Arguments) throws -> Value {
        let values = try ArgumentParser(name, ["dim", "keepdim", "dtype"]).parse(arguments)
        let dtype = try Convert.dtype(values[2])
        let keepdim = try Convert.bool(values[1], "keepdim", default: false)
        guard let dimValue = values[0], !dimValue.isNone else {
            return .tensor(name == "sum" ? try t.sum(dtype: dtype) : try t.mean(dtype: dtype))
        }
        let dims = try Convert.ints(dimValue, "\(name)(): argument 'dim'")
        return .tensor(name == "sum" ? try t.sum(dims: dims, keepdim: keepdim, dtype: dtype)
                       : try t.mean(dims: dims, keepdim: keepdim, dtype: dtype))
    }

    private static func extremum(_ t: Tensor, _ name: String, _ arguments: Arguments) throws -> Value {
        let values = try ArgumentParser(name, ["dim", "keepdim"]).parse(arguments)
        guard let dimValue = values[0], !dimValue.isNone else {
            return .tensor(name == "max" ? try t.max() : try t.min())
        }
        if case .tensor(let other) = dimValue {
            return .tensor(name == "max" ? try t.maximum(other) : try t.minimum(other))
        }
        let dim = try Convert.int(dimValue, "\(name)(): argument 'dim'")
        let keepdim = try Convert.bool(values[1], "keepdim", default: false)
        let result = name == "max" ? try t.max(dim: dim, keepdim: keepdim) : try t.min(dim: dim, keepdim: keepdim)
        return .foreign(ReturnTypesObject(name, values: result.values, indices: result.indices))
    }
}
