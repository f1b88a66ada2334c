/// Every mistake a user can make with a module, carrying where it happened. `message` is PyTorch's text and `kind`
/// the Python exception class.
public enum ModuleError: Error, Equatable, Sendable {
    case missingForward(module: String)
    case invalidParameterAssignment(typeName: String, name: String, registering: Bool)
    case attributeExists(name: String)
    case invalidName(kind: String, name: String)
    case noSuchAttribute(module: String, name: String)
    case stateDictErrors(module: String, missing: [String], unexpected: [String], sizeMismatches: [SizeMismatch])
    case invalidArgument(module: String, detail: String)
    case invalidValue(module: String, detail: String)
    /// A position outside a container (`IndexError`).
    case indexOutOfRange(module: String, detail: String)
    /// A key a container does not hold (`KeyError`; the message is the key's repr).
    case missingKey(module: String, key: String)
    /// An attribute read from a `None` where a module was expected (`AttributeError`).
    case noneHasNoAttribute(name: String)
    /// A failed `assert` in PyTorch's Python code (`AssertionError`).
    case failedAssertion(module: String, detail: String)
    case tensor(TensorError)

    /// A checkpoint entry whose shape differs from the model's.
    public struct SizeMismatch: Equatable, Sendable {
        public let name: String
        public let checkpoint: [Int]
        public let model: [Int]
    }

    /// The Python exception class PyTorch raises.
    public var kind: TensorError.Kind {
        switch self {
        case .missingForward: return .notImplementedError
        case .invalidParameterAssignment: return .typeError
        case .attributeExists, .invalidName: return .keyError
        case .noSuchAttribute, .noneHasNoAttribute: return .attributeError
        case .invalidValue: return .valueError
        case .indexOutOfRange: return .indexError
        case .missingKey: return .keyError
        case .failedAssertion: return .assertionError
        case .stateDictErrors, .invalidArgument: return .runtimeError
        case .tensor(let error): return error.kind
        }
    }

    /// The message PyTorch prints.
    public var message: String {
        switch self {
        case let .missingForward(module):
            return "Module [\(module)] is missing the required \"forward\" function"
        case let .invalidParameterAssignment(typeName, name, registering):
            if registering {
                return "cannot assign '\(typeName)' object to parameter '\(name)' (torch.nn.Parameter or None required)"
            }
            return "cannot assign '\(typeName)' as parameter '\(name)' (torch.nn.Parameter or None expected)"
        case .attributeExists, .invalidName, .missingKey:
            return pythonStringRepr(keyErrorArgument ?? "")
        case let .noSuchAttribute(module, name):
            return "\(module) has no attribute `\(name)`"
        case let .noneHasNoAttribute(name):
            return "'NoneType' object has no attribute '\(name)'"
        case let .stateDictErrors(module, missing, unexpected, sizeMismatches):
            var lines: [String] = []
            if !missing.isEmpty {
                lines.append("Missing key(s) in state_dict: " + missing.map { "\"\($0)\"" }.joined(separator: ", ")
                    + ". ")
            }
            if !unexpected.isEmpty {
                lines.append("Unexpected key(s) in state_dict: "
                    + unexpected.map { "\"\($0)\"" }.joined(separator: ", ") + ". ")
            }
            for mismatch in sizeMismatches {
                lines.append("size mismatch for \(mismatch.name): copying a param with shape "
                    + "torch.Size(\(Shape.describe(mismatch.checkpoint))) from checkpoint, the shape in current model "
                    + "is torch.Size(\(Shape.describe(mismatch.model))).")
            }
            return "Error(s) in loading state_dict for \(module):\n\t" + lines.joined(separator: "\n\t")
        case let .invalidArgument(_, detail), let .invalidValue(_, detail), let .indexOutOfRange(_, detail),
             let .failedAssertion(_, detail):
            return detail
        case .tensor(let error):
            return error.message
        }
    }

    /// The argument of the `KeyError` this error becomes (the text `message` shows as its repr), or nil for the
    /// errors of other kinds.
    public var keyErrorArgument: String? {
        switch self {
        case let .attributeExists(name):
            return "attribute '\(name)' already exists"
        case let .invalidName(kind, name):
            if name.isEmpty { return "\(kind) name can't be empty string \"\"" }
            // Only `add_module` names the offending name.
            return "\(kind) name can't contain \".\"" + (kind == "module" ? ", got: \(name)" : "")
        case let .missingKey(_, key):
            return key
        case .missingForward, .invalidParameterAssignment, .noSuchAttribute, .stateDictErrors, .invalidArgument,
             .invalidValue, .indexOutOfRange, .noneHasNoAttribute, .failedAssertion, .tensor:
            return nil
        }
    }
}

extension ModuleError: CustomStringConvertible {
    /// `Kind: message`, as Python prints an uncaught exception's last line.
    public var description: String { "\(kind.rawValue): \(message)" }
}
