import Foundation
import Tensor

extension TorchModule {
    /// `einsum`'s arguments in either form: an equation then tensors (or one list of them), or PyTorch's sublist
    /// form `einsum(a, [0, 1], b, [1, 2], [0, 2])` with integer subscripts, turned into an equation.
    static func einsumOperands(_ positional: [Value]) throws -> (String, [Tensor]) {
        func tensors(_ items: [Value]) throws -> [Tensor] {
            try items.enumerated().map { index, item in
                guard case .tensor(let t) = item else {
                    throw PythonError.typeError("expected Tensor as element \(index) in argument 1, but got "
                        + item.typeName)
                }
                return t
            }
        }
        if case .str(let equation)? = positional.first {
            var rest = Array(positional.dropFirst())
            if rest.count == 1, case .list(let list) = rest[0] { rest = list.items }
            if rest.count == 1, case .tuple(let items) = rest[0] { rest = items }
            return (equation, try tensors(rest))
        }
        guard !positional.isEmpty else { throw PythonError.typeError("einsum(): must specify the equation string") }
        // Sublist form: operand, subscripts, operand, subscripts, ..., optional output subscripts.
        func letters(_ value: Value) throws -> String {
            guard let items = Convert.sequence(value) else {
                throw PythonError.typeError("einsum(): expected a list of subscripts, got \(value.typeName)")
            }
            return String(try items.map { item -> Character in
                if case .foreign = item, (item.typeName == "ellipsis") { return "." }
                let n = try Convert.int(item, "einsum(): subscript")
                guard (0..<52).contains(n) else {
                    throw PythonError.valueError("einsum(): subscript in subscript list is not within the valid "
                        + "range [0, 52)")
                }
                let scalar = n < 26 ? 65 + n : 97 + n - 26
                return Character(Unicode.Scalar(UInt8(scalar)))
            }).replacingOccurrences(of: ".", with: "...")
        }
        var operands: [Value] = [], terms: [String] = []
        var index = 0
        while index + 1 < positional.count {
            operands.append(positional[index])
            terms.append(try letters(positional[index + 1]))
            index += 2
        }
        var equation = terms.joined(separator: ",")
        if index < positional.count { equation += "->" + (try letters(positional[index])) }
        return (equation, try tensors(operands))
    }

    /// The `torch.*` functions that are not tensor methods: sampling with generators, fused products, moment pairs,
    /// meshgrid, grad-mode helpers and dtype information.
    static func defineFunctions(_ table: inout FunctionTable, binding: TorchBinding) {
        table.define("set_printoptions", ["precision", "threshold", "edgeitems", "linewidth", "profile", "sci_mode"],
                     required: 0) { [unowned binding] arguments in
            let profile = arguments["profile"] == nil ? nil : try arguments.string("profile", default: "default")
            binding.printOptions.set(precision: try arguments.optionalInt("precision"),
                                     threshold: try arguments.optionalDouble("threshold"),
                                     edgeItems: try arguments.optionalInt("edgeitems"),
                                     lineWidth: try arguments.optionalInt("linewidth"), profile: profile,
                                     sciMode: try arguments.optionalBool("sci_mode"))
            return .none
        }
        table.define("Generator", ["device"], required: 0) { _ in .foreign(TorchGeneratorObject(Generator())) }
        table.define("randperm", ["n", "generator", "dtype", "device", "requires_grad"]) { arguments in
            let tensor = try Tensor.randperm(try arguments.int("n", default: 0),
                                             dtype: try arguments.dtype("dtype") ?? .int64,
                                             generator: try InitModule.generator(arguments))
            return try finish(tensor, arguments["requires_grad"])
        }
        table.define("normal", ["mean", "std", "size", "generator", "dtype", "requires_grad"]) { arguments in
            let generator = try InitModule.generator(arguments)
            if case .tensor(let mean)? = arguments["mean"] {
                let std = try arguments.double("std", default: 1)
                let out = try Tensor.zeros(like: mean).normal_(mean: 0, std: std, generator: generator)
                return .tensor(try out.add_(mean))
            }
            guard let size = arguments["size"] else {
                throw PythonError.typeError("normal() received an invalid combination of arguments")
            }
            let shape = try Convert.shape([size], "normal")
            let out = try Tensor.zeros(shape, dtype: try arguments.dtype("dtype") ?? .defaultFloat)
            _ = try out.normal_(mean: try arguments.double("mean", default: 0), std: try arguments.double("std", default: 1),
                                generator: generator)
            return try finish(out, arguments["requires_grad"])
        }
        for name in ["addmm", "baddbmm"] {
            let operands = name == "addmm" ? ["mat1", "mat2"] : ["batch1", "batch2"]
            table.define(name, ["input"] + operands + ["beta", "alpha"], required: 3) { arguments in
                let input = try arguments.tensor("input")
                let a = try arguments.tensor(operands[0]), b = try arguments.tensor(operands[1])
                let beta = try arguments.double("beta", default: 1), alpha = try arguments.double("alpha", default: 1)
                if beta == 1 && alpha == 1 {
                    return .tensor(name == "addmm" ? try Tensor.addmm(input, a, b) : try Tensor.baddbmm(input, a, b))
                }
                let product = name == "addmm" ? try a.mm(b) : try a.bmm(b)
                let scaled = try product.mul(Tensor.wrapping(.float(alpha)))
                return .tensor(try input.mul(Tensor.wrapping(.float(beta))).add(scaled))
            }
        }
        for name in ["var_mean", "std_mean"] {
            table.define(name, ["input", "dim", "unbiased", "keepdim", "correction"]) { arguments in
                let input = try arguments.tensor("input")
                var correction = 1.0
                if let unbiased = try arguments.optionalBool("unbiased") { correction = unbiased ? 1 : 0 }
                if let given = try arguments.optionalDouble("correction") { correction = given }
                let dims = try arguments.ints("dim"), keepdim = try arguments.bool("keepdim", default: false)
                if name == "var_mean" {
                    let result = try input.varMean(dims: dims, correction: correction, keepdim: keepdim)
                    return .tuple([.tensor(result.variance), .tensor(result.mean)])
                }
                let result = try input.stdMean(dims: dims, correction: correction, keepdim: keepdim)
                return .tuple([.tensor(result.std), .tensor(result.mean)])
            }
        }
        table.define("meshgrid") { arguments in
            var arguments = arguments
            let options = try keywordOptions(&arguments, "meshgrid", ["indexing"])
            var items = arguments.positional
            if items.count == 1, let sequence = Convert.sequence(items[0]) { items = sequence }
            let tensors = try items.map { try Convert.tensor($0, "meshgrid(): argument 'tensors'") }
            var indexing = "ij"
            if case .str(let given)? = options["indexing"] { indexing = given }
            return .tuple(try meshgrid(tensors, indexing: indexing).map { .tensor($0) })
        }
        for name in ["tril_indices", "triu_indices"] {
            table.define(name, ["row", "col", "offset", "dtype", "device", "layout"], required: 2) { arguments in
                let row = try arguments.int("row", default: 0), col = try arguments.int("col", default: 0)
                guard row >= 0 else {
                    throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"), "row must be non-negative, got\(row)")
                }
                guard col >= 0 else {
                    throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"), "col must be non-negative, got\(col)")
                }
                // The coordinates of the kept triangle, row by row, as nonzero lists them.
                let offset = try arguments.int("offset", default: 0)
                let square = try Tensor.ones([row, col], dtype: .bool)
                let kept = name == "tril_indices" ? try square.tril(offset) : try square.triu(offset)
                let indices = try kept.nonzero().t().contiguous()
                let dtype = try arguments.dtype("dtype") ?? .int64
                guard dtype == .int64 else { throw TensorError.notImplemented(op: name, dtype: dtype) }
                return .tensor(indices)
            }
        }
        table.define("einsum") { arguments in
            guard arguments.keywords.isEmpty else {
                throw PythonError.typeError("einsum() takes no keyword arguments")
            }
            let (equation, operands) = try einsumOperands(arguments.positional)
            return .tensor(try Tensor.einsum(equation, operands))
        }
        table.define("logspace", ["start", "end", "steps", "base", "dtype", "device", "requires_grad"],
                     required: 3) { arguments in
            let (start, end) = (try arguments.double("start", default: 0), try arguments.double("end", default: 0))
            let steps = try arguments.int("steps", default: 0)
            let base = try arguments.double("base", default: 10)
            guard steps >= 0 else {
                throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"), "number of steps must be non-negative")
            }
            // As PyTorch's kernel: exponents stepped from the start for the first half and from the end for the
            // second, so both ends are exact.
            // The engine's allocation refuses a size past the memory cap with MemoryError before any work is done.
            _ = try Tensor.empty([steps], dtype: .float64)
            let step = steps > 1 ? (end - start) / Double(steps - 1) : 0
            let values = (0..<steps).map { i in
                Foundation.pow(base, i < steps / 2 || steps == 1 ? start + step * Double(i)
                                                                : end - step * Double(steps - 1 - i))
            }
            let dtype = try arguments.dtype("dtype") ?? .defaultFloat
            return try finish(try Tensor(values, shape: [steps]).to(dtype), arguments["requires_grad"])
        }
        table.define("bincount", ["input", "weights", "minlength"]) { arguments in
            let input = try arguments.tensor("input")
            let weights = try arguments.optionalTensor("weights")
            let minLength = try arguments.int("minlength", default: 0)
            guard input.dtype == .int64 || input.dtype == .bool else {
                throw TensorError.notImplemented(op: "bincount_cpu", dtype: input.dtype)
            }
            guard minLength >= 0 else {
                throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"), "minlength should be >= 0")
            }
            // Contiguous first, as PyTorch's kernel reads it: an expanded input too large to copy fails there.
            let counts = try input.to(.int64).contiguous().checkedElements(as: Int64.self)
            guard input.rank == 1, counts.allSatisfy({ $0 >= 0 }) else {
                throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                                  "bincount only supports 1-d non-negative integral inputs.")
            }
            let largest = Int(counts.max() ?? -1)
            let (next, overflowed) = largest.addingReportingOverflow(1)
            // The engine's allocation refuses the sizes first: past the memory cap a MemoryError, and a bin at
            // Int64.max (whose count would not fit a size) PyTorch's storage-size RuntimeError.
            _ = try Tensor.empty([overflowed ? largest : max(next, minLength)], dtype: .float64)
            let length = max(next, minLength)
            guard let weights else {
                var bins = [Int64](repeating: 0, count: length)
                for value in counts { bins[Int(value)] += 1 }
                return .tensor(try Tensor(bins, shape: [length]))
            }
            guard weights.shape == input.shape else {
                throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                                  "weights should be 1-d and have the same length as input")
            }
            let dtype: DType = weights.dtype.isFloatingPoint ? weights.dtype : .float64
            var bins = [Double](repeating: 0, count: length)
            for (value, weight) in zip(counts, try weights.to(.float64).checkedElements(as: Double.self)) {
                bins[Int(value)] += weight
            }
            return .tensor(try Tensor(bins, shape: [length]).to(dtype))
        }
        table.define("outer", ["input", "vec2"], required: 2) { arguments in
            .tensor(try TensorMathMethods.outer(try arguments.tensor("input"), try arguments.tensor("vec2")))
        }
        table.define("inference_mode", ["mode"], required: 0) { arguments in
            .foreign(GradModeObject(enabled: !(try arguments.bool("mode", default: true))))
        }
        table.define("get_default_dtype") { _ in .foreign(DTypeObject.of(.defaultFloat)) }
        table.define("set_default_dtype", ["d"]) { arguments in
            guard try arguments.dtype("d") == .defaultFloat else {
                throw PythonError(Interpreter.exceptionClass(named: "NotImplementedError"),
                                  "set_default_dtype: Attend's default floating point dtype is always torch.float32")
            }
            return .none
        }
        table.define("finfo", ["type"], required: 0) { arguments in
            let dtype = try infoType(arguments) ?? .defaultFloat
            guard dtype.isFloatingPoint else {
                throw PythonError.typeError("torch.finfo() requires a floating point input type. Use torch.iinfo to "
                    + "handle 'torch.finfo'")
            }
            return .foreign(TypeInfoObject(dtype))
        }
        table.define("iinfo", ["type"]) { arguments in
            let dtype = try infoType(arguments) ?? .int64
            guard dtype == .int64 else {
                throw PythonError.typeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle "
                    + "'torch.iinfo'")
            }
            return .foreign(TypeInfoObject(dtype))
        }
    }

    /// The dtype `finfo`/`iinfo` describe, or nil when none was given.
    private static func infoType(_ arguments: BoundArguments) throws -> DType? {
        guard let value = arguments["type"] else { return nil }
        guard case .foreign(let object) = value, let dtype = object as? DTypeObject else {
            throw PythonError.typeError("\(arguments.describe("type")) must be torch.dtype, not \(value.typeName)")
        }
        return dtype.dtype
    }

    /// Coordinate grids: each tensor expanded along its own dimension (`ij`), the first two swapped for `xy`.
    static func meshgrid(_ tensors: [Tensor], indexing: String) throws -> [Tensor] {
        guard indexing == "ij" || indexing == "xy" else {
            throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                              "torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: \(indexing)")
        }
        guard !tensors.isEmpty else {
            throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"), "meshgrid expects a non-empty TensorList")
        }
        for t in tensors where t.rank > 1 {
            throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                              "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: \(TensorRepr.repr(t))")
        }
        var sizes = tensors.map(\.count)
        let swap = indexing == "xy" && tensors.count >= 2
        if swap { sizes.swapAt(0, 1) }
        return try tensors.enumerated().map { index, t in
            var position = index
            if swap && index < 2 { position = 1 - index }
            var shape = Array(repeating: 1, count: sizes.count)
            shape[position] = t.count
            return try t.reshape(shape).expand(sizes)
        }
    }
}
