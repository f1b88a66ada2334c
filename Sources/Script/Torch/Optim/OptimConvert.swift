import Tensor

/// Conversions between script values and the engine's optimizer values, and the Python exceptions optimizer errors
/// become.
enum OptimConvert {
    /// The engine's form of a group option or saved value, or nil for values the engine cannot hold (they stay in the
    /// script's dict only). A one-element tensor counts as its number, as PyTorch's arithmetic reads it.
    static func option(_ value: Value, depth: Int = 0) -> OptimizerValue? {
        guard depth < 32 else { return nil }
        switch value {
        case .none: return OptimizerValue.none
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(Int64(number))
        case .float(let number): return .float(number)
        case .str(let text): return .string(text)
        case .tuple(let items):
            let converted = items.compactMap { option($0, depth: depth + 1) }
            return converted.count == items.count ? .tuple(converted) : nil
        case .list(let list):
            let converted = list.items.compactMap { option($0, depth: depth + 1) }
            return converted.count == list.items.count ? .list(converted) : nil
        case .tensor(let tensor) where tensor.count == 1:
            return (try? tensor.item()).map(OptimizerValue.init)
        default: return nil
        }
    }

    /// The script value of an engine option (a fresh list for a list).
    static func value(_ option: OptimizerValue) -> Value {
        switch option {
        case .none: return .none
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(Int(truncatingIfNeeded: number))
        case .float(let number): return .float(number)
        case .string(let text): return .str(text)
        case .tuple(let items): return .tuple(items.map(value))
        case .list(let items): return .list(ListObject(items.map(value)))
        }
    }

    /// A list of engine scalars as a Python list of numbers (`get_last_lr()`, `base_lrs`).
    static func numbers(_ scalars: [Scalar]) -> Value {
        .list(ListObject(scalars.map(Convert.value)))
    }

    /// Whether the script's value already says what the engine holds (so writing it back would change nothing).
    static func matches(_ value: Value, _ option: OptimizerValue) -> Bool {
        guard let converted = self.option(value) else { return false }
        // `1 == 1.0` in Python, but the printed form differs, so the kind must match too.
        return converted == option
    }

    /// The Python exception an optimizer error becomes: the class its kind names, with PyTorch's message.
    static func pythonError(_ error: OptimizerError) -> PythonError {
        let cls = Builtins.exceptionType(named: error.kind.rawValue)
        if case .missingKey(_, let key) = error { return PythonError.keyError(.str(key)) }
        if case .notImplemented = error { return PythonError(cls) }
        return PythonError(cls, error.message)
    }

    /// Runs engine code, turning its optimizer errors into Python exceptions (tensor errors convert on their own).
    static func engine<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as OptimizerError {
            if case .tensor(let inner) = error { throw PythonError(inner) }
            throw pythonError(error)
        }
    }

    /// PyTorch's `torch.typename` of a value, as its TypeErrors name it (`torch.FloatTensor`, `int`).
    static func typeName(_ value: Value) -> String {
        guard case .tensor(let tensor) = value else { return value.typeName }
        switch tensor.dtype {
        case .float32: return "torch.FloatTensor"
        case .float64: return "torch.DoubleTensor"
        case .int64: return "torch.LongTensor"
        case .bool: return "torch.BoolTensor"
        }
    }

    /// `repr(type(value))` as PyTorch's messages show it (`<class 'torch.Tensor'>`).
    static func typeRepr(_ value: Value) -> String {
        if case .tensor = value { return "<class 'torch.Tensor'>" }
        return "<class '\(value.typeName)'>"
    }
}
