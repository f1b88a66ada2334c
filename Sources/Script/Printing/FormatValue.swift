/// A Python value as `format()`, f-strings and `%` formatting see it.
///
/// The interpreter maps its values here: numbers, strings and `None` directly; anything else as an `object` that
/// carries its type name, its `str` and `repr`, and the numbers its `__index__`, `__int__` and `__float__` give.
/// (A zero-dimensional tensor formats as its item, as `Tensor.__format__` does: pass `.float` or `.int`.)
public enum FormatValue: Sendable, Equatable {
    /// A Python int.
    case int(Int64)
    /// A Python bool.
    case bool(Bool)
    /// A Python float.
    case float(Double)
    /// A Python str.
    case string(String)
    /// `None`.
    case none
    /// Any other value.
    case object(FormatObject)

    /// The Python type name errors mention: `int`, `float`, `str`, `NoneType`, ...
    public var typeName: String {
        switch self {
        case .int: return "int"
        case .bool: return "bool"
        case .float: return "float"
        case .string: return "str"
        case .none: return "NoneType"
        case .object(let object): return object.typeName
        }
    }

    /// `str(value)`.
    public var str: String {
        switch self {
        case .int(let value): return PythonRepr.int(value)
        case .bool(let value): return PythonRepr.bool(value)
        case .float(let value): return PythonRepr.float(value)
        case .string(let value): return value
        case .none: return PythonRepr.none
        case .object(let object): return object.str
        }
    }

    /// `repr(value)`.
    public var repr: String {
        switch self {
        case .string(let value): return PythonRepr.string(value)
        case .object(let object): return object.repr
        default: return str
        }
    }

    /// `ascii(value)`: the repr with every non-ASCII code point escaped.
    public var ascii: String {
        PythonRepr.escapingNonASCII(repr)
    }

    /// `operator.index(value)`: ints and bools, or an object's `__index__`.
    var index: Int64? {
        switch self {
        case .int(let value): return value
        case .bool(let value): return value ? 1 : 0
        case .object(let object): return object.index
        case .float, .string, .none: return nil
        }
    }
}

/// A value other than a number, string or `None`, described by what formatting needs from it.
public struct FormatObject: Sendable, Equatable {
    /// The type name errors mention (`list`, `Tensor`).
    public var typeName: String
    /// `str(value)`.
    public var str: String
    /// `repr(value)`.
    public var repr: String
    /// `value.__index__()`, when the type has it.
    public var index: Int64?
    /// `int(value)` through `__int__`, when the type has it (`%d`).
    public var int: Int64?
    /// `float(value)` through `__float__`, when the type has it (`%f`).
    public var float: Double?

    /// Describes a value.
    public init(typeName: String, str: String, repr: String, index: Int64? = nil, int: Int64? = nil,
                float: Double? = nil) {
        self.typeName = typeName
        self.str = str
        self.repr = repr
        self.index = index
        self.int = int ?? index
        self.float = float
    }
}

/// A Python exception raised by formatting: its class and message.
public struct FormatError: Error, Sendable, Equatable {
    /// The Python exception classes formatting raises.
    public enum Kind: String, Sendable, Equatable {
        /// A bad specification or a value it cannot show (`Unknown format code 'd' ...`).
        case valueError = "ValueError"
        /// A value of the wrong type (`%d format: a real number is required, not str`).
        case typeError = "TypeError"
        /// A code point out of range for `c` (`%c arg not in range(0x110000)`).
        case overflowError = "OverflowError"
        /// A `%(key)` missing from the mapping; the message is the key's repr.
        case keyError = "KeyError"
        /// A width or precision too large to honour (the message is empty, as CPython's is).
        case memoryError = "MemoryError"
    }

    /// The exception class.
    public var kind: Kind
    /// The message, as `str(exception)` shows it.
    public var message: String

    /// An error of the given class.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    static func value(_ message: String) -> FormatError { FormatError(.valueError, message) }
    static func type(_ message: String) -> FormatError { FormatError(.typeError, message) }

    /// Output this long would exhaust memory; CPython would try and raise MemoryError.
    static let tooLong = FormatError(.memoryError, "")
}
