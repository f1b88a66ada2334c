/// Python's `repr` and `str` of the basic values, as CPython 3.11 writes them.
///
/// Containers take their elements' reprs already made, so the interpreter can render any value inside them (and
/// decide what a self-containing list shows) while the punctuation stays here.
public enum PythonRepr {
    /// `repr(n)` and `str(n)` of an int.
    public static func int(_ value: Int64) -> String {
        String(value)
    }

    /// `repr(x)` and `str(x)` of a float: the shortest digits that read back as `x` (`0.1`, `1e-05`, `inf`).
    public static func float(_ value: Double) -> String {
        value.pythonRepr
    }

    /// `repr(b)` and `str(b)` of a bool.
    public static func bool(_ value: Bool) -> String {
        value ? "True" : "False"
    }

    /// `repr(None)`.
    public static let none = "None"

    /// `repr(...)`.
    public static let ellipsis = "Ellipsis"

    /// `repr(s)` of a str: single quotes unless the text has a single quote and no double quote; backslash escapes
    /// for the quote, backslash, `\t`, `\n`, `\r`, other control characters and non-printable code points.
    public static func string(_ value: String) -> String {
        quoted(value, asciiOnly: false)
    }

    /// `ascii(s)` of a str: as `repr`, but every non-ASCII code point escaped too.
    public static func asciiString(_ value: String) -> String {
        quoted(value, asciiOnly: true)
    }

    /// `ascii(x)` given `repr(x)`: every non-ASCII code point replaced by its `\x`, `\u` or `\U` escape.
    public static func escapingNonASCII(_ repr: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(repr.unicodeScalars.count)
        for scalar in repr.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                result += escape(scalar)
            }
        }
        return result
    }

    /// `repr(l)` of a list, given its elements' reprs: `[1, 2]`.
    public static func list(_ elements: [String]) -> String {
        "[" + elements.joined(separator: ", ") + "]"
    }

    /// `repr(t)` of a tuple, given its elements' reprs: `()`, `(1,)`, `(1, 2)`.
    public static func tuple(_ elements: [String]) -> String {
        elements.count == 1 ? "(" + elements[0] + ",)" : "(" + elements.joined(separator: ", ") + ")"
    }

    /// `repr(d)` of a dict, given its items' key and value reprs in order: `{'a': 1}`.
    public static func dict(_ items: [(key: String, value: String)]) -> String {
        "{" + items.map { $0.key + ": " + $0.value }.joined(separator: ", ") + "}"
    }

    /// `repr(s)` of a set, given its elements' reprs in iteration order: `{1, 2}`, or `set()` when empty.
    public static func set(_ elements: [String]) -> String {
        elements.isEmpty ? "set()" : "{" + elements.joined(separator: ", ") + "}"
    }

    /// `repr(s)` of a frozenset: `frozenset({1, 2})`, or `frozenset()` when empty.
    public static func frozenset(_ elements: [String]) -> String {
        elements.isEmpty ? "frozenset()" : "frozenset(" + set(elements) + ")"
    }

    /// `repr(range(...))`: `range(0, 5)`, with the step only when it is not 1.
    public static func range(start: Int64, stop: Int64, step: Int64) -> String {
        "range(\(start), \(stop)" + (step == 1 ? ")" : ", \(step))")
    }

    /// `repr(slice(...))`, given its three parts' reprs: `slice(None, 2, None)`.
    public static func slice(start: String, stop: String, step: String) -> String {
        "slice(\(start), \(stop), \(step))"
    }

    /// What a container shows for itself when it contains itself (`l.append(l)`): `[...]`, `{...}`.
    public static func recursive(open: String, close: String) -> String {
        open + "..." + close
    }

    private static func quoted(_ value: String, asciiOnly: Bool) -> String {
        var hasSingle = false
        var hasDouble = false
        for scalar in value.unicodeScalars {
            if scalar == "'" { hasSingle = true } else if scalar == "\"" { hasDouble = true }
        }
        let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
        var result = String(quote)
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case quote, "\\":
                result.unicodeScalars.append("\\")
                result.unicodeScalars.append(scalar)
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    result += escape(scalar)
                } else if scalar.value < 0x7f {
                    result.unicodeScalars.append(scalar)
                } else if !asciiOnly && isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += escape(scalar)
                }
            }
        }
        result.unicodeScalars.append(quote)
        return result
    }

    /// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, the shortest that fits, in lowercase hex.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        if scalar.value <= 0xff { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if scalar.value <= 0xffff { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// CPython's `str.isprintable` for one code point: everything but separators other than the ASCII space,
    /// control, format, surrogate, private-use and unassigned code points.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
             .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
