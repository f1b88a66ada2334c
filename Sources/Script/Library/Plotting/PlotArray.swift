import Tensor

/// Numbers a plotting call was given, as numpy would see them after `np.asarray`: a shape and row-major values.
///
/// Tensors, lists, tuples, ranges and Python numbers all convert; a tensor that requires grad is refused with the
/// error matplotlib gets from PyTorch, since matplotlib calls `numpy()` on it.
struct PlotArray: Equatable {
    var shape: [Int]
    var values: [Double]

    /// How many dimensions.
    var rank: Int { shape.count }

    /// numpy's shape text: `(3,)`, `(2, 4)`, `()`.
    var shapeText: String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// An array from its shape and row-major values.
    init(shape: [Int], values: [Double]) {
        self.shape = shape
        self.values = values
    }

    /// Converts a Python value (tensor, nested lists / tuples, range, number) to an array.
    static func from(_ value: Value, _ interpreter: Interpreter) throws -> PlotArray {
        try from(value, interpreter, depth: 0)
    }

    /// numpy's limit on dimensions, which also stops a list that contains itself.
    private static let maximumRank = 32

    private static func from(_ value: Value, _ interpreter: Interpreter, depth: Int) throws -> PlotArray {
        guard depth <= maximumRank else {
            throw PythonError.valueError("setting an array element with a sequence: more than \(maximumRank) "
                + "dimensions")
        }
        switch value {
        case .tensor(let tensor):
            if tensor.requiresGrad {
                throw PythonError.runtimeError(
                    "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            // The cap on items built in one step: an expanded tensor can claim more elements than memory holds.
            guard tensor.count <= Interpreter.maximumItems else { throw PythonError(Builtins.memoryError) }
            return PlotArray(shape: tensor.shape, values: tensor.doubles)
        case .int, .float, .bool:
            return PlotArray(shape: [], values: [try number(value)])
        case .range(let range):
            guard range.count <= Interpreter.maximumItems else { throw PythonError(Builtins.memoryError) }
            return PlotArray(shape: [range.count], values: (0..<range.count).map { Double(range.item($0)) })
        case .list, .tuple, .iterator:
            let items = try interpreter.collect(value)
            let parts = try items.map { try from($0, interpreter, depth: depth + 1) }
            guard let first = parts.first else { return PlotArray(shape: [0], values: []) }
            guard parts.allSatisfy({ $0.shape == first.shape }) else {
                throw PythonError.valueError("setting an array element with a sequence. The requested array has an "
                    + "inhomogeneous shape after 1 dimensions. The detected shape was (\(parts.count),) + "
                    + "inhomogeneous part.")
            }
            return PlotArray(shape: [parts.count] + first.shape, values: parts.flatMap(\.values))
        case .str:
            throw PythonError.valueError("could not convert string to float: \(try interpreter.repr(value))")
        default:
            throw PythonError.typeError(
                "float() argument must be a string or a real number, not '\(value.typeName)'")
        }
    }

    /// A Python number as a Double.
    static func number(_ value: Value) throws -> Double {
        switch value {
        case .int(let n): return Double(n)
        case .float(let x): return x
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.count == 1: return try t.item().doubleValue
        default:
            throw PythonError.typeError("must be real number, not \(value.typeName)")
        }
    }

    /// A 0-D or 1-D array as a list of values; ValueError otherwise (with `what` naming the argument).
    func vector(_ what: String) throws -> [Double] {
        guard rank <= 1 else {
            throw PythonError.valueError("\(what) must be 1-dimensional, but has shape \(shapeText)")
        }
        return values
    }

    /// The columns of a 1-D or 2-D array: one column for 1-D, `shape[1]` columns for 2-D (how `plot` treats y).
    var columns: [[Double]] {
        switch rank {
        case 0, 1: return [values]
        default:
            let rows = shape[0], width = shape[1]
            return (0..<width).map { column in (0..<rows).map { values[$0 * width + column] } }
        }
    }
}

/// Strings given where matplotlib would use a categorical axis (`bar(["a", "b"], ...)`), or nil for numbers.
func categoryStrings(_ value: Value, _ interpreter: Interpreter) throws -> [String]? {
    switch value {
    case .list, .tuple:
        let items = try interpreter.collect(value)
        guard !items.isEmpty else { return nil }
        var strings: [String] = []
        for item in items {
            guard case .str(let text) = item else { return nil }
            strings.append(text)
        }
        return strings
    default:
        return nil
    }
}
