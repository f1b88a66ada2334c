import Tensor

/// Tensor methods tutorials reach for beyond the basics: masks, running sums, spread, splitting and sampling.
enum TensorCompositeMethods {
    static func method(_ t: Tensor, _ name: String) -> TensorMethods.Method? {
        switch name {
        case "tril", "triu":
            return { arguments in
                let values = try ArgumentParser(name, ["diagonal"]).parse(arguments)
                let diagonal = try Convert.optionalInt(values[0], "\(name)(): argument 'diagonal'") ?? 0
                return .tensor(name == "tril" ? try t.tril(diagonal) : try t.triu(diagonal))
            }
        case "clamp", "clip":
            return { arguments in
                let values = try ArgumentParser(name, ["min", "max"]).parse(arguments)
                let bounds = values.map { value -> Scalar? in value.flatMap { Convert.scalar($0) } }
                return .tensor(try t.clamp(min: bounds[0], max: bounds[1]))
            }
        case "cumsum":
            return { arguments in
                let values = try ArgumentParser(name, ["dim", "dtype"], required: 1).parse(arguments)
                return .tensor(try t.cumsum(dim: try Convert.int(values[0] ?? .none, "cumsum(): argument 'dim'"),
                                            dtype: try Convert.dtype(values[1])))
            }
        case "var", "std":
            return { arguments in
                let values = try ArgumentParser(name, ["dim", "unbiased", "keepdim", "correction"]).parse(arguments)
                let dims = try values[0].flatMap { $0.isNone ? nil : try Convert.ints($0, "\(name)(): argument 'dim'") }
                let keepdim = try Convert.bool(values[2], "keepdim", default: false)
                var correction = 1.0
                if case .bool(let unbiased)? = values[1] { correction = unbiased ? 1 : 0 }
                if let value = values[3], !value.isNone { correction = try Convert.double(value, "correction") }
                return .tensor(name == "var" ? try t.var(dims: dims, correction: correction, keepdim: keepdim)
                               : try t.std(dims: dims, correction: correction, keepdim: keepdim))
            }
        case "repeat":
            return { arguments in .tensor(try t.repeat(try Convert.shape(arguments.positional, "repeat"))) }
        case "expand_as", "view_as", "reshape_as", "type_as":
            return { arguments in
                let values = try ArgumentParser(name, ["other"], required: 1).parse(arguments)
                let other = try Convert.tensor(values[0] ?? .none, "\(name)(): argument 'other'")
                switch name {
                case "expand_as": return .tensor(try t.expand(as: other))
                case "view_as": return .tensor(try t.view(as: other))
                case "reshape_as": return .tensor(try t.reshape(as: other))
                default: return .tensor(try t.to(other.dtype))
                }
            }
        case "chunk", "split", "unbind":
            return { arguments in
                let values = try ArgumentParser(name, [name == "unbind" ? "dim" : name == "chunk" ? "chunks"
                                                       : "split_size", "dim"], required: name == "unbind" ? 0 : 1)
                    .parse(arguments)
                let parts: [Tensor]
                switch name {
                case "unbind": parts = try t.unbind(dim: try Convert.optionalInt(values[0], "dim") ?? 0)
                case "chunk":
                    parts = try t.chunk(try Convert.int(values[0] ?? .none, "chunk(): argument 'chunks'"),
                                        dim: try Convert.optionalInt(values[1], "dim") ?? 0)
                default:
                    let dim = try Convert.optionalInt(values[1], "dim") ?? 0
                    if let sizes = Convert.sequence(values[0] ?? .none) {
                        parts = try t.split(sizes: try sizes.map { try Convert.int($0, "split_size") }, dim: dim)
                    } else {
                        parts = try t.split(try Convert.int(values[0] ?? .none, "split_size"), dim: dim)
                    }
                }
                return .tuple(parts.map { .tensor($0) })
            }
        case "multinomial":
            return { arguments in
                let bound = try BoundArguments(name, ["num_samples", "replacement", "generator"], required: 1,
                                               arguments)
                return .tensor(try t.multinomial(
                    numSamples: try Convert.int(bound["num_samples"] ?? .none, bound.describe("num_samples")),
                    replacement: try bound.bool("replacement", default: false),
                    generator: try InitModule.generator(bound)))
            }
        case "topk":
            return { arguments in
                let values = try ArgumentParser(name, ["k", "dim", "largest", "sorted"], required: 1).parse(arguments)
                let result = try t.topk(try Convert.int(values[0] ?? .none, "topk(): argument 'k'"),
                                        dim: try Convert.optionalInt(values[1], "dim") ?? -1,
                                        largest: try Convert.bool(values[2], "largest", default: true),
                                        sorted: try Convert.bool(values[3], "sorted", default: true))
                return .foreign(ReturnTypesObject(name, values: result.values, indices: result.indices))
            }
        case "all", "any":
            return { arguments in
                let values = try ArgumentParser(name, ["dim", "keepdim"]).parse(arguments)
                guard let dim = values[0], !dim.isNone else { return .tensor(name == "all" ? try t.all() : try t.any()) }
                let dims = try Convert.ints(dim, "\(name)(): argument 'dim'")
                let keepdim = try Convert.bool(values[1], "keepdim", default: false)
                return .tensor(name == "all" ? try t.all(dims: dims, keepdim: keepdim)
                               : try t.any(dims: dims, keepdim: keepdim))
            }
        case "sort":
            return { arguments in
                let values = try ArgumentParser(name, ["dim", "descending", "stable"]).parse(arguments)
                let result = try t.sort(dim: try Convert.optionalInt(values[0], "dim") ?? -1,
                                        descending: try Convert.bool(values[1], "descending", default: false))
                return .foreign(ReturnTypesObject(name, values: result.values, indices: result.indices))
            }
        case "argsort":
            return { arguments in
                let values = try ArgumentParser(name, ["dim", "descending", "stable"]).parse(arguments)
                return .tensor(try t.argsort(dim: try Convert.optionalInt(values[0], "dim") ?? -1,
                                             descending: try Convert.bool(values[1], "descending", default: false),
                                             stable: try Convert.bool(values[2], "stable", default: false)))
            }
        case "allclose":
            return { arguments in
                let values = try ArgumentParser(name, ["other", "rtol", "atol", "equal_nan"], required: 1)
                    .parse(arguments)
                let other = try Convert.tensor(values[0] ?? .none, "allclose(): argument 'other'")
                let rtol = try values[1].map { try Convert.double($0, "rtol") } ?? 1e-5
                let atol = try values[2].map { try Convert.double($0, "atol") } ?? 1e-8
                // |a - b| <= atol + rtol * |b|, with equal values (infinities included) always close.
                let tolerance = try other.abs().mul(Tensor.wrapping(.float(rtol))).add(Tensor.wrapping(.float(atol)))
                let close = try t.sub(other).abs().le(tolerance).logicalOr(try t.eq(other))
                return .bool(try close.all().item().isNonZero)
            }
        case "equal":
            return { arguments in
                let values = try ArgumentParser(name, ["other"], required: 1).parse(arguments)
                let other = try Convert.tensor(values[0] ?? .none, "equal(): argument 'other'")
                guard t.shape == other.shape else { return .bool(false) }
                return .bool(try t.eq(other).all().item().isNonZero)
            }
        default: return nil
        }
    }
}
