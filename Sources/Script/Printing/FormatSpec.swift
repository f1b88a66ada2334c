/// A parsed format specification, the text after `:` in `f"{x:>8.2f}"` and the second argument of `format()`:
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Parsing follows CPython 3.11, including its error messages; what each field means for ints, floats and strings
/// is in `PythonFormat`.
public struct FormatSpec: Sendable, Equatable {
    /// The padding character.
    public var fill: Unicode.Scalar = " "
    /// `<`, `>`, `=` or `^`; the value's default when not given.
    public var align: Unicode.Scalar
    /// `+`, `-` or space, when given.
    public var sign: Unicode.Scalar?
    /// The `z` option: negative zero floats print as zero.
    public var noNegativeZero = false
    /// The `#` option: alternate form.
    public var alternate = false
    /// The minimum width, when given.
    public var width: Int?
    /// The thousands separator, when given.
    public var grouping: Grouping?
    /// The precision, when given.
    public var precision: Int?
    /// The presentation type; the value's default when not given (`d` for ints, `s` for strings, none for floats).
    public var type: Unicode.Scalar?

    /// A thousands separator and the size of its groups.
    public enum Grouping: Sendable, Equatable {
        /// `,` every three digits.
        case comma
        /// `_` every three digits.
        case underscore
        /// `_` every four digits, for binary, octal and hex.
        case underscoreFour

        /// The separator character.
        var separator: Character { self == .comma ? "," : "_" }
        /// The digits per group.
        var size: Int { self == .underscoreFour ? 4 : 3 }
    }

    /// Parses `text` for a value of Python type `typeName`, whose default presentation type and alignment are given
    /// (the `0` option pads between sign and digits only where the default alignment is `>`).
    public init(parsing text: String, typeName: String, defaultType: Unicode.Scalar?,
                defaultAlign: Unicode.Scalar) throws(FormatError) {
        let scalars = Array(text.unicodeScalars)
        var position = 0
        align = defaultAlign
        type = defaultType
        var fillGiven = false
        var alignGiven = false
        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            position + offset < scalars.count ? scalars[position + offset] : nil
        }
        if let second = peek(1), Self.isAlignment(second), let first = peek() {
            fill = first
            align = second
            fillGiven = true
            alignGiven = true
            position += 2
        } else if let first = peek(), Self.isAlignment(first) {
            align = first
            alignGiven = true
            position += 1
        }
        if let character = peek(), character == "+" || character == "-" || character == " " {
            sign = character
            position += 1
        }
        if peek() == "z" {
            noNegativeZero = true
            position += 1
        }
        if peek() == "#" {
            alternate = true
            position += 1
        }
        if !fillGiven && peek() == "0" {
            fill = "0"
            if !alignGiven && defaultAlign == ">" { align = "=" }
            position += 1
        }
        width = try Self.integer(in: scalars, at: &position)
        if peek() == "," {
            grouping = .comma
            position += 1
        }
        if peek() == "_" {
            if grouping != nil { throw .value("Cannot specify both ',' and '_'.") }
            grouping = .underscore
            position += 1
        }
        if peek() == "," && grouping == .underscore { throw .value("Cannot specify both ',' and '_'.") }
        if peek() == "." {
            position += 1
            guard let digits = try Self.integer(in: scalars, at: &position) else {
                throw .value("Format specifier missing precision")
            }
            precision = digits
        }
        if scalars.count - position > 1 {
            throw .value("Invalid format specifier '\(text)' for object of type '\(typeName)'")
        }
        if let last = peek() { type = last }
        if let grouping {
            let binaryOrHex = type == "b" || type == "o" || type == "x" || type == "X"
            switch type {
            case "d", "e", "f", "g", "E", "G", "%", "F", nil:
                break
            case _ where binaryOrHex && grouping == .underscore:
                // Underscores group binary, octal and hex digits in fours.
                self.grouping = .underscoreFour
            default:
                throw .value("Cannot specify '\(grouping.separator)' with \(Self.quotedCode(type)).")
            }
        }
    }

    /// `'c'`, or `'\x20'` for a code point outside printable ASCII, as CPython quotes a presentation type.
    static func quotedCode(_ code: Unicode.Scalar?) -> String {
        let value = code?.value ?? 0
        if value > 32 && value < 128, let code { return "'\(Character(code))'" }
        return "'\\x\(String(value, radix: 16))'"
    }

    private static func isAlignment(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "<" || scalar == ">" || scalar == "=" || scalar == "^"
    }

    /// Reads decimal digits; nil when there are none.
    private static func integer(in scalars: [Unicode.Scalar], at position: inout Int) throws(FormatError) -> Int? {
        var value = 0
        var consumed = false
        while position < scalars.count, let digit = decimalDigit(scalars[position]) {
            // Python's limit is the largest Py_ssize_t.
            if value > (Int.max - digit) / 10 { throw .value("Too many decimal digits in format string") }
            value = value * 10 + digit
            consumed = true
            position += 1
        }
        return consumed ? value : nil
    }

    /// The value of a decimal digit in any script, as CPython reads widths and precisions (`'٣'` is 3).
    static func decimalDigit(_ scalar: Unicode.Scalar) -> Int? {
        if scalar.value >= 48 && scalar.value <= 57 { return Int(scalar.value - 48) }
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
        return Int(value)
    }
}
