/// Every mistake a user can make with an optimizer or a learning-rate scheduler, carrying which one it came from.
/// `message` is PyTorch's text and `kind` the Python exception class.
public enum OptimizerError: Error, Equatable, Sendable {
    /// A hyperparameter out of its range, named as PyTorch names it: "Invalid learning rate: -1".
    case invalidHyperparameter(source: String, name: String, value: String)
    /// A one-off message PyTorch raises as a `ValueError`.
    case invalidValue(source: String, detail: String)
    /// A one-off message PyTorch raises as a `TypeError`.
    case invalidType(source: String, detail: String)
    /// A missing dictionary key (`KeyError`); `detail` is the key or message, printed as Python prints a KeyError.
    case missingKey(source: String, detail: String)
    /// Python's `ZeroDivisionError`, from a scheduler's arithmetic.
    case zeroDivision(source: String, detail: String)
    /// An abstract method a subclass must provide (`NotImplementedError`).
    case notImplemented(source: String)
    /// A tensor operation failed.
    case tensor(TensorError)

    /// The Python exception class PyTorch raises.
    public var kind: TensorError.Kind {
        switch self {
        case .invalidHyperparameter, .invalidValue: return .valueError
        case .invalidType: return .typeError
        case .missingKey: return .keyError
        case .zeroDivision: return .zeroDivisionError
        case .notImplemented: return .notImplementedError
        case .tensor(let error): return error.kind
        }
    }

    /// The message PyTorch prints.
    public var message: String {
        switch self {
        case let .invalidHyperparameter(_, name, value):
            return "Invalid \(name): \(value)"
        case let .invalidValue(_, detail), let .invalidType(_, detail), let .zeroDivision(_, detail):
            return detail
        case let .missingKey(_, detail):
            return OptimizerValue.string(detail).pythonRepr
        case .notImplemented:
            return ""
        case .tensor(let error):
            return error.message
        }
    }
}

extension OptimizerError: CustomStringConvertible {
    /// `Kind: message`, as Python prints an uncaught exception's last line.
    public var description: String { "\(kind.rawValue): \(message)" }
}
