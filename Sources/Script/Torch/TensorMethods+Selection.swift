import Tensor

/// Tensor methods that pick, place and reorder elements: gather/scatter, index_select, flip/roll, diagonals,
/// repeat_interleave, narrow and friends.
enum TensorSelectionMethods {
    /// The method `name` bound to `t`, or nil when this group has none of that name.
    static func method(_ t: Tensor, _ name: String) -> TensorMethods.Method? {
        switch name {
        case "gather", "take_along_dim":
            return { arguments in
                let names = name == "gather" ? ["dim", "index", "sparse_grad"] : ["indices", "dim"]
                let bound = try BoundArguments(name, names, required: name == "gather" ? 2 : 1, arguments)
                if name == "gather" {
                    return .tensor(try t.gather(dim: try bound.int("dim", default: 0), index: try bound.tensor("index")))
                }
                return .tensor(try t.takeAlongDim(try bound.tensor("indices"), dim: try bound.optionalInt("dim")))
            }
        case "scatter", "scatter_":
            return { arguments in
                let bound = try BoundArguments(name, ["dim", "index", "src", "reduce", "value"], required: 2, arguments)
                let dim = try bound.int("dim", default: 0), index = try bound.tensor("index")
                let reduce = bound["reduce"] == nil ? nil : try bound.string("reduce", default: "")
                let inPlace = name == "scatter_"
                if case .tensor(let src)? = bound["src"] {
                    return .tensor(inPlace ? try t.scatter_(dim: dim, index: index, src: src, reduce: reduce)
                                   : try t.scatter(dim: dim, index: index, src: src, reduce: reduce))
                }
                guard let value = (bound["src"] ?? bound["value"]).flatMap(Convert.scalar) else {
                    throw PythonError.typeError("\(name)() missing required argument 'src' or 'value'")
                }
                return .tensor(inPlace ? try t.scatter_(dim: dim, index: index, value: value, reduce: reduce)
                               : try t.scatter(dim: dim, index: index, value: value, reduce: reduce))
            }
        case "scatter_add", "scatter_add_":
            return { arguments in
                let bound = try BoundArguments(name, ["dim", "index", "src"], required: 3, arguments)
                let dim = try bound.int("dim", default: 0), index = try bound.tensor("index")
                let src = try bound.tensor("src")
                return .tensor(name == "scatter_add" ? try t.scatterAdd(dim: dim, index: index, src: src)
                               : try t.scatterAdd_(dim: dim, index: index, src: src))
            }
        case "index_select":
            return { arguments in
                let bound = try BoundArguments(name, ["dim", "index"], required: 2, arguments)
                return .tensor(try t.indexSelect(dim: try bound.int("dim", default: 0),
                                                 index: try bound.tensor("index")))
            }
        case "index_add":
            return { arguments in
                let bound = try BoundArguments(name, ["dim", "index", "source", "alpha"], required: 3, arguments)
                return .tensor(try t.indexAdd(dim: try bound.int("dim", default: 0), index: try bound.tensor("index"),
                                              source: try bound.tensor("source"),
                                              alpha: bound["alpha"].flatMap(Convert.scalar) ?? .int(1)))
            }
        case "masked_select":
            return { arguments in
                .tensor(try t.maskedSelect(try BoundArguments(name, ["mask"], required: 1, arguments).tensor("mask")))
            }
        case "flip":
            return { arguments in
                var arguments = arguments
                let options = try TorchModule.keywordOptions(&arguments, name, ["dims"])
                let given = options["dims"] ?? (arguments.positional.count == 1 ? arguments.positional[0]
                                                : .tuple(arguments.positional))
                return .tensor(try t.flip(try BoundArguments.ints(given, "flip(): argument 'dims' (position 1)")))
            }
        case "roll":
            return { arguments in
                let bound = try BoundArguments(name, ["shifts", "dims"], required: 1, arguments)
                return .tensor(try t.roll(try bound.ints("shifts") ?? [], dims: try bound.ints("dims") ?? []))
            }
        case "diag":
            return { arguments in
                .tensor(try t.diag(try BoundArguments(name, ["diagonal"], required: 0, arguments)
                    .int("diagonal", default: 0)))
            }
        case "diagonal":
            return { arguments in
                let bound = try BoundArguments(name, ["offset", "dim1", "dim2"], required: 0, arguments)
                return .tensor(try t.diagonal(offset: try bound.int("offset", default: 0),
                                              dim1: try bound.int("dim1", default: 0),
                                              dim2: try bound.int("dim2", default: 1)))
            }
        case "repeat_interleave":
            return { arguments in
                let bound = try BoundArguments(name, ["repeats", "dim", "output_size"], required: 1, arguments)
                let dim = try bound.optionalInt("dim")
                if case .tensor(let repeats)? = bound["repeats"] {
                    return .tensor(try t.repeatInterleave(repeats, dim: dim))
                }
                return .tensor(try t.repeatInterleave(try bound.int("repeats", default: 1), dim: dim))
            }
        case "narrow":
            return { arguments in
                let bound = try BoundArguments(name, ["dim", "start", "length"], required: 3, arguments)
                return .tensor(try t.narrow(dim: try bound.int("dim", default: 0), start: try bound.int("start", default: 0),
                                            length: try bound.int("length", default: 0)))
            }
        case "movedim", "moveaxis":
            return { arguments in
                let bound = try BoundArguments(name, ["source", "destination"], required: 2, arguments)
                return .tensor(try t.movedim(try bound.ints("source") ?? [], try bound.ints("destination") ?? []))
            }
        case "unflatten":
            return { arguments in
                let bound = try BoundArguments(name, ["dim", "sizes"], required: 2, arguments)
                return .tensor(try t.unflatten(dim: try bound.int("dim", default: 0), sizes: try bound.ints("sizes") ?? []))
            }
        case "unique":
            return { arguments in
                let bound = try BoundArguments(name, ["sorted", "return_inverse", "return_counts", "dim"],
                                               required: 0, arguments)
                guard bound["dim"] == nil else {
                    throw PythonError(Interpreter.exceptionClass(named: "NotImplementedError"),
                                      "unique(): Attend supports only dim=None (the unique elements of the whole tensor)")
                }
                let inverse = try bound.bool("return_inverse", default: false)
                let counts = try bound.bool("return_counts", default: false)
                let parts = try unique(t, inverse: inverse, counts: counts)
                guard inverse || counts else { return .tensor(parts.values) }
                return .tuple([.tensor(parts.values)] + (parts.inverse.map { [.tensor($0)] } ?? [])
                              + (parts.counts.map { [.tensor($0)] } ?? []))
            }
        case "tile":
            return { arguments in .tensor(try t.tile(try Convert.shape(arguments.positional, "tile"))) }
        default: return nil
        }
    }

    /// The sorted distinct elements, with each element's position among them and how often each occurs: sorted
    /// values, the first of every run kept, run numbers scattered back to the original order.
    static func unique(_ t: Tensor, inverse: Bool, counts: Bool) throws
        -> (values: Tensor, inverse: Tensor?, counts: Tensor?) {
        let sorted = try t.reshape([-1]).sort(dim: 0)
        let n = sorted.values.count
        guard n > 0 else {
            return (sorted.values, inverse ? try Tensor.zeros(t.shape, dtype: .int64) : nil,
                    counts ? try Tensor.zeros([0], dtype: .int64) : nil)
        }
        let changes = try sorted.values.narrow(dim: 0, start: 1, length: n - 1)
            .ne(try sorted.values.narrow(dim: 0, start: 0, length: n - 1))
        let firsts = try Tensor.cat([Tensor.ones([1], dtype: .bool), changes])
        let values = try sorted.values.maskedSelect(firsts)
        var positions: Tensor?
        if inverse {
            let runs = try firsts.cumsum(dim: 0).sub(Tensor.wrapping(.int(1)))
            positions = try Tensor.zeros([n], dtype: .int64).scatter_(dim: 0, index: sorted.indices, src: runs)
                .reshape(t.shape)
        }
        var occurrences: Tensor?
        if counts {
            let starts = try firsts.nonzero().reshape([-1])
            let ends = try Tensor.cat([starts.narrow(dim: 0, start: 1, length: starts.count - 1),
                                       Tensor.full([1], .int(Int64(n)), dtype: .int64)])
            occurrences = try ends.sub(starts)
        }
        return (values, positions, occurrences)
    }
}
