import Foundation
import Tensor

/// Tensor methods for elementwise math, reductions and products beyond the basics (`floor`, `lerp`, `logsumexp`,
/// `norm`, `mm` ...).
enum TensorMathMethods {
    /// The method `name` bound to `t`, or nil when this group has none of that name.
    static func method(_ t: Tensor, _ name: String) -> TensorMethods.Method? {
        if let unary = unaryMethods[name] {
            return { arguments in
                _ = try ArgumentParser(name, []).parse(arguments)
                return .tensor(try unary(t))
            }
        }
        switch name {
        case "half", "int", "short", "char", "byte", "bfloat16":
            return { _ in
                throw PythonError(Interpreter.exceptionClass(named: "NotImplementedError"),
                                  "Tensor.\(name)(): Attend's tensors are float32, float64, int64 or bool; use "
                                  + ".float(), .double(), .long() or .bool()")
            }
        case "maximum", "minimum", "dot", "mm", "bmm", "mv", "outer", "ger":
            return { arguments in
                let bound = try BoundArguments(name, [name == "mv" ? "vec" : "other"], required: 1, arguments)
                let other = try bound.tensor(name == "mv" ? "vec" : "other")
                switch name {
                case "maximum": return .tensor(try t.maximum(other))
                case "minimum": return .tensor(try t.minimum(other))
                case "dot": return .tensor(try t.dot(other))
                case "mm": return .tensor(try t.mm(other))
                case "bmm": return .tensor(try t.bmm(other))
                case "mv": return .tensor(try t.mv(other))
                default: return .tensor(try outer(t, other))
                }
            }
        case "clamp_min", "clamp_max":
            return { arguments in
                let bound = try BoundArguments(name, [name == "clamp_min" ? "min" : "max"], required: 1, arguments)
                guard let value = bound[name == "clamp_min" ? "min" : "max"], let scalar = Convert.scalar(value) else {
                    throw PythonError.typeError("\(name)(): argument must be Number")
                }
                return .tensor(name == "clamp_min" ? try t.clampMin(scalar) : try t.clampMax(scalar))
            }
        case "lerp":
            return { arguments in
                let bound = try BoundArguments(name, ["end", "weight"], required: 2, arguments)
                let end = try bound.tensor("end")
                guard let weight = bound["weight"].flatMap(Convert.operand) else {
                    throw PythonError.typeError("lerp(): argument 'weight' (position 2) must be Number or Tensor")
                }
                return .tensor(try lerp(t, end, weight))
            }
        case "nan_to_num":
            return { arguments in
                let bound = try BoundArguments(name, ["nan", "posinf", "neginf"], required: 0, arguments)
                return .tensor(try nanToNum(t, nan: try bound.double("nan", default: 0),
                                            posinf: try bound.optionalDouble("posinf"),
                                            neginf: try bound.optionalDouble("neginf")))
            }
        case "isclose":
            return { arguments in
                let bound = try BoundArguments(name, ["other", "rtol", "atol", "equal_nan"], required: 1, arguments)
                return .tensor(try isclose(t, try bound.tensor("other"), rtol: try bound.double("rtol", default: 1e-5),
                                           atol: try bound.double("atol", default: 1e-8),
                                           equalNaN: try bound.bool("equal_nan", default: false)))
            }
        case "logsumexp":
            return { arguments in
                let bound = try BoundArguments(name, ["dim", "keepdim"], required: 1, arguments)
                return .tensor(try t.logsumexp(dims: try bound.ints("dim") ?? [],
                                               keepdim: try bound.bool("keepdim", default: false)))
            }
        case "cumprod":
            return { arguments in
                let bound = try BoundArguments(name, ["dim", "dtype"], required: 1, arguments)
                return .tensor(try t.cumprod(dim: try bound.int("dim", default: 0), dtype: try bound.dtype("dtype")))
            }
        case "prod":
            return { arguments in
                let bound = try BoundArguments(name, ["dim", "keepdim", "dtype"], required: 0, arguments)
                guard let dim = try bound.optionalInt("dim") else { return .tensor(try t.prod(dtype: try bound.dtype("dtype"))) }
                return .tensor(try t.prod(dim: dim, keepdim: try bound.bool("keepdim", default: false),
                                          dtype: try bound.dtype("dtype")))
            }
        case "amax", "amin":
            return { arguments in
                let bound = try BoundArguments(name, ["dim", "keepdim"], required: 0, arguments)
                let dims = try bound.ints("dim") ?? [], keepdim = try bound.bool("keepdim", default: false)
                return .tensor(name == "amax" ? try t.amax(dims: dims, keepdim: keepdim)
                               : try t.amin(dims: dims, keepdim: keepdim))
            }
        case "norm":
            return { arguments in
                let bound = try BoundArguments(name, ["p", "dim", "keepdim", "dtype"], required: 0, arguments)
                var order = NormOrder.fro
                if case .str(let text)? = bound["p"] { order = .name(text) } else if let p = try bound.optionalDouble("p") {
                    order = .number(p)
                }
                return .tensor(try t.norm(p: order, dims: try bound.ints("dim"),
                                          keepdim: try bound.bool("keepdim", default: false),
                                          dtype: try bound.dtype("dtype")))
            }
        case "count_nonzero":
            return { arguments in
                let bound = try BoundArguments(name, ["dim"], required: 0, arguments)
                return .tensor(try t.countNonzero(dims: try bound.ints("dim")))
            }
        case "nonzero":
            return { arguments in
                let bound = try BoundArguments(name, ["as_tuple"], required: 0, arguments)
                guard try bound.bool("as_tuple", default: false) else { return .tensor(try t.nonzero()) }
                return .tuple(try t.nonzeroAsTuple().map { .tensor($0) })
            }
        case "logical_and", "logical_or", "logical_xor":
            return { arguments in
                let other = try BoundArguments(name, ["other"], required: 1, arguments).tensor("other")
                switch name {
                case "logical_and": return .tensor(try t.logicalAnd(other))
                case "logical_or": return .tensor(try t.logicalOr(other))
                default: return .tensor(try t.logicalXor(other))
                }
            }
        default: return nil
        }
    }

    /// Methods of no arguments that are one engine call.
    static let unaryMethods: [String: @Sendable (Tensor) throws -> Tensor] = [
        "floor": { try $0.floor() }, "ceil": { try $0.ceil() }, "round": { try $0.round() },
        "trunc": { try $0.trunc() }, "fix": { try $0.trunc() }, "frac": { try $0.frac() }, "exp2": { try $0.exp2() },
        "erf": { try $0.erf() }, "erfinv": { try $0.erfinv() }, "log2": { try $0.log2() }, "log10": { try $0.log10() },
        "expm1": { try $0.expm1() }, "erfinv_": { try $0.erfinv_() },
        "square": { try $0.pow(.int(2)) }, "isnan": { try $0.isnan() },
        "isinf": { try $0.isinf() }, "isfinite": { try $0.isfinite() }, "logical_not": { try $0.logicalNot() },
"fliplr": { try $0.fliplr() }, "flipud": { try $0.flipud() },
        "exp_": { try $0.exp_() }, "log_": { try $0.log_() }, "sqrt_": { try $0.sqrt_() }, "abs_": { try $0.abs_() },
        "neg_": { try $0.neg_() }, "relu_": { try $0.relu_() }, "tanh_": { try $0.tanh_() },
        "sigmoid_": { try $0.sigmoid_() }, "detach_": { try $0.detach_() },
    ]

    /// `a ⊗ b` of two vectors (`torch.outer`).
    static func outer(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard a.rank == 1, b.rank == 1 else {
            throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                              "outer: Expected 1-D argument self, but got \(a.rank)-D")
        }
        return try a.unsqueeze(1).mul(try b.unsqueeze(0))
    }

    /// `start + weight * (end - start)`, written from whichever end is nearer as PyTorch's kernel does.
    static func lerp(_ start: Tensor, _ end: Tensor, _ weight: Tensor) throws -> Tensor {
        if !weight.isWrappedNumber && weight.dtype != start.dtype {
            throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                              "expected dtype \(start.dtype.cppName) for `weight` but got dtype \(weight.dtype.cppName)")
        }
        // start - end first, so a shape mismatch is reported with the operands in PyTorch's order.
        let difference = try start.sub(end).neg()
        let fromStart = try start.add(try weight.mul(difference))
        let fromEnd = try end.sub(try difference.mul(try weight.rsub(Tensor.wrapping(.int(1)))))
        return try Tensor.where(try weight.abs().lt(Tensor.wrapping(.float(0.5))), fromStart, fromEnd)
    }

    /// NaN, +inf and -inf replaced by `nan`, `posinf` and `neginf` (the dtype's extremes by default).
    static func nanToNum(_ t: Tensor, nan: Double, posinf: Double?, neginf: Double?) throws -> Tensor {
        guard t.dtype.isFloatingPoint else { return try t.clone() }
        let largest = t.dtype == .float32 ? Double(Float.greatestFiniteMagnitude) : Double.greatestFiniteMagnitude
        var result = try Tensor.where(try t.isnan(), Tensor(.float(nan), dtype: t.dtype), t)
        let positive = try t.eq(Tensor.wrapping(.float(.infinity)))
        result = try Tensor.where(positive, Tensor(.float(posinf ?? largest), dtype: t.dtype), result)
        let negative = try t.eq(Tensor.wrapping(.float(-.infinity)))
        return try Tensor.where(negative, Tensor(.float(neginf ?? -largest), dtype: t.dtype), result)
    }

    /// `|a - b| <= atol + rtol * |b|` elementwise, equal values (infinities included) always close.
    static func isclose(_ a: Tensor, _ b: Tensor, rtol: Double, atol: Double, equalNaN: Bool) throws -> Tensor {
        for (name, tolerance) in [("rtol", rtol), ("atol", atol)] where tolerance < 0 {
            throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                              "\(name) must be greater than or equal to zero, but got \(String(format: "%g", tolerance))")
        }
        guard a.dtype == b.dtype else {
            throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                              "\(a.dtype.scalarTypeName) did not match \(b.dtype.scalarTypeName)")
        }
        var close = try a.eq(b)
        if equalNaN { close = try close.logicalOr(try a.isnan().logicalAnd(try b.isnan())) }
        guard a.dtype.isFloatingPoint else { return close }
        let tolerance = try b.abs().mul(Tensor.wrapping(.float(rtol))).add(Tensor.wrapping(.float(atol)))
        let within = try a.sub(b).abs().le(tolerance).logicalAnd(try a.sub(b).isfinite())
        return try close.logicalOr(within)
    }
}
