import Tensor

/// `torch.Tensor(...)` and the typed classes `torch.FloatTensor`, `DoubleTensor`, `LongTensor`, `BoolTensor`:
/// PyTorch's legacy constructors, still common in older tutorials.
///
/// One positional form decides what the arguments mean: nothing is an empty tensor, ints (or a `torch.Size`) are a
/// shape, a tensor is returned as an alias, and a sequence is data converted to the class's dtype. The shape form's
/// memory is uninitialised in PyTorch; here it is zeros.
enum LegacyConstructors {
    /// The typed classes, by the attribute name `torch` gives them, with their dtype.
    static let typed: [(name: String, dtype: DType)] = [
        ("FloatTensor", .float32), ("DoubleTensor", .float64), ("LongTensor", .int64), ("BoolTensor", .bool),
    ]

    /// Builds `torch.<name>(*arguments)` for a class whose elements are `dtype`.
    static func construct(_ arguments: Arguments, dtype: DType) throws -> Value {
        for (name, value) in arguments.keywords where name != "device" || !isCPU(value) {
            throw invalidCombination(arguments, badKeyword: name)
        }
        let positional = arguments.positional
        guard let first = positional.first else { return .tensor(try Tensor(nested: .list([]), dtype: dtype)) }
        if positional.count == 1 {
            switch first {
            case .tensor(let tensor):
                // The alias keeps the tensor's own dtype when it is not this class's (as PyTorch's `torch.Tensor`).
                return .tensor(tensor.detach())
            case .str:
                throw PythonError.typeError("new(): invalid data type '\(first.typeName)'")
            case .float:
                throw PythonError.typeError("new(): data must be a sequence (got float)")
            case .foreign(let object) where object is SizeObject:
                return .tensor(try Tensor.empty(try Convert.shape(positional, "new"), dtype: dtype))
            default:
                if Convert.sequence(first) != nil {
                    return .tensor(try Tensor(nested: try Convert.nested(first), dtype: dtype))
                }
            }
        }
        guard positional.allSatisfy({ if case .int = $0 { return true } else { return false } }) else {
            throw invalidCombination(arguments, badKeyword: nil)
        }
        return .tensor(try Tensor.empty(try Convert.shape(positional, "new"), dtype: dtype))
    }

    /// A value as PyTorch's mismatch list describes it: `list of [int, int]` for sequences, else its type.
    private static func contentsDescription(_ value: Value) -> String {
        guard let items = Convert.sequence(value), value.typeName != "Size" else { return value.typeName }
        return "\(value.typeName) of [\(items.map(\.typeName).joined(separator: ", "))]"
    }

    /// Whether a `device=` value names the CPU (the only device there is).
    private static func isCPU(_ value: Value) -> Bool {
        if case .str(let name) = value { return name == "cpu" }
        if case .foreign(let object) = value, let device = object as? DeviceObject { return device.type == "cpu" }
        return false
    }

    /// PyTorch's "invalid combination of arguments" TypeError, listing the constructor's forms.
    private static func invalidCombination(_ arguments: Arguments, badKeyword: String?) -> PythonError {
        let given = arguments.positional.map(\.typeName)
            + arguments.keywords.map { "\($0.name)=\($0.value.qualifiedTypeName)" }
        let reason = badKeyword.map { "      didn't match because some of the keywords were incorrect: \($0)\n" }
            ?? "      didn't match because some of the arguments have invalid types: ("
            + arguments.positional.map { "!\(contentsDescription($0))!" }.joined(separator: ", ") + ")\n"
        return PythonError.typeError("""
            new() received an invalid combination of arguments - got (\(given.joined(separator: ", "))), \
            but expected one of:
             * (*, torch.device device = None)
            \(reason) * (torch.Storage storage)
             * (Tensor other)
             * (tuple of ints size, *, torch.device device = None)
             * (object data, *, torch.device device = None)

            """)
    }
}
