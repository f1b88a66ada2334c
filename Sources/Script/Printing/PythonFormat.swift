/// Python's `format(value, spec)`, which f-string fields (`f"{x:.2f}"`) and `str.format` call: the format-spec
/// mini-language for ints, bools, floats and strs as CPython 3.11 implements it, with its error messages.
public enum PythonFormat {
    /// The longest width or precision honoured; CPython would try to allocate more and raise MemoryError.
    public static let maximumLength = 10_000_000

    /// `format(value, spec)`.
    public static func format(_ value: FormatValue, spec: String) throws(FormatError) -> String {
        if spec.isEmpty { return value.str }
        switch value {
        case .int(let integer):
            return try format(integer: integer, typeName: "int", spec: spec)
        case .bool(let flag):
            return try format(integer: flag ? 1 : 0, typeName: "bool", spec: spec)
        case .float(let number):
            return try format(float: number, spec: spec)
        case .string(let text):
            return try format(string: text, spec: spec)
        case .none, .object:
            throw .type("unsupported format string passed to \(value.typeName).__format__")
        }
    }

    /// `format(n, spec)` for an int (or a bool, with `typeName` "bool").
    public static func format(integer value: Int64, typeName: String = "int", spec text: String)
        throws(FormatError) -> String {
        if text.isEmpty { return String(value) }
        let spec = try FormatSpec(parsing: text, typeName: typeName, defaultType: "d", defaultAlign: ">")
        switch spec.type {
        case "b", "c", "d", "o", "x", "X", "n":
            return try integer(value, spec: spec)
        case "e", "E", "f", "F", "g", "G", "%":
            return try float(Double(value), spec: spec)
        default:
            throw unknownCode(spec.type, typeName: typeName)
        }
    }

    /// `format(x, spec)` for a float.
    public static func format(float value: Double, spec text: String) throws(FormatError) -> String {
        if text.isEmpty { return value.pythonRepr }
        let spec = try FormatSpec(parsing: text, typeName: "float", defaultType: nil, defaultAlign: ">")
        switch spec.type {
        case nil, "e", "E", "f", "F", "g", "G", "n", "%":
            return try float(value, spec: spec)
        default:
            throw unknownCode(spec.type, typeName: "float")
        }
    }

    /// `format(s, spec)` for a str.
    public static func format(string value: String, spec text: String) throws(FormatError) -> String {
        if text.isEmpty { return value }
        let spec = try FormatSpec(parsing: text, typeName: "str", defaultType: "s", defaultAlign: "<")
        guard spec.type == "s" else { throw unknownCode(spec.type, typeName: "str") }
        if let sign = spec.sign {
            throw .value(sign == " " ? "Space not allowed in string format specifier"
                : "Sign not allowed in string format specifier")
        }
        if spec.noNegativeZero { throw .value("Negative zero coercion (z) not allowed in string format specifier") }
        if spec.alternate { throw .value("Alternate form (#) not allowed in string format specifier") }
        if spec.align == "=" { throw .value("'=' alignment not allowed in string format specifier") }
        try checkLength(spec.width)
        var scalars = value.unicodeScalars
        if let precision = spec.precision, scalars.count > precision {
            scalars = String.UnicodeScalarView(scalars.prefix(precision))
        }
        return pad(String(scalars), count: scalars.count, spec: spec)
    }

    static func unknownCode(_ code: Unicode.Scalar?, typeName: String) -> FormatError {
        .value("Unknown format code \(FormatSpec.quotedCode(code)) for object of type '\(typeName)'")
    }

    static func checkLength(_ length: Int?) throws(FormatError) {
        if let length, length > maximumLength { throw FormatError.tooLong }
    }

    /// Pads text of `count` code points to the width, for strings: `<` left, `>` right, `^` centred (extra on the
    /// right).
    private static func pad(_ text: String, count: Int, spec: FormatSpec) -> String {
        guard let width = spec.width, width > count else { return text }
        let total = width - count
        let left: Int
        switch spec.align {
        case ">": left = total
        case "^": left = total / 2
        default: left = 0
        }
        let fill = String(Character(spec.fill))
        return String(repeating: fill, count: left) + text + String(repeating: fill, count: total - left)
    }
}

extension PythonFormat {
    /// An int in base 2, 8, 10 or 16, or as a character.
    private static func integer(_ value: Int64, spec: FormatSpec) throws(FormatError) -> String {
        if spec.precision != nil { throw .value("Precision not allowed in integer format specifier") }
        if spec.noNegativeZero {
            throw .value("Negative zero coercion (z) not allowed in integer format specifier")
        }
        try checkLength(spec.width)
        if spec.type == "c" {
            if spec.sign != nil { throw .value("Sign not allowed with integer format specifier 'c'") }
            if spec.alternate { throw .value("Alternate form (#) not allowed with integer format specifier 'c'") }
            guard value >= 0, value <= 0x10FFFF else { throw FormatError(.overflowError, "%c arg not in range(0x110000)") }
            // NOTE: Swift strings cannot hold a lone surrogate; U+FFFD stands in for one.
            let character = Unicode.Scalar(UInt32(value)).map { String(Character($0)) } ?? "\u{FFFD}"
            return layout(negative: false, prefix: "", digits: "", hasPoint: false, remainder: character, spec: spec,
                          grouping: nil)
        }
        let base: Int
        var prefix = ""
        switch spec.type {
        case "b": base = 2; prefix = "0b"
        case "o": base = 8; prefix = "0o"
        case "x": base = 16; prefix = "0x"
        case "X": base = 16; prefix = "0X"
        default: base = 10
        }
        let digits = String(value.magnitude, radix: base, uppercase: spec.type == "X")
        return layout(negative: value < 0, prefix: spec.alternate ? prefix : "", digits: digits, hasPoint: false,
                      remainder: "", spec: spec, grouping: spec.type == "n" ? nil : spec.grouping)
    }

    /// A float in the `e`, `f`, `g`, `%` or default style.
    private static func float(_ value: Double, spec: FormatSpec) throws(FormatError) -> String {
        if let precision = spec.precision, precision > Int(Int32.max) { throw .value("precision too big") }
        try checkLength(spec.width)
        try checkLength(spec.precision)
        var number = value
        var style: FloatFormatting.Style
        var addDotZero = false
        var percent = false
        let upper = spec.type == "E" || spec.type == "F" || spec.type == "G"
        switch spec.type {
        case nil:
            addDotZero = true
            style = spec.precision == nil ? .repr : .general
        case "e", "E": style = .scientific
        case "f", "F": style = .fixed
        case "%":
            style = .fixed
            number *= 100
            percent = true
        default: style = .general
        }
        let parts = FloatFormatting.render(number, style: style, precision: spec.precision ?? 6,
                                           alternate: spec.alternate, addDotZero: addDotZero,
                                           noNegativeZero: spec.noNegativeZero, upper: upper)
        var body = parts.body
        if percent { body += "%" }
        // Digits before the point are grouped and zero padded; the rest is copied.
        let scalars = Array(body.unicodeScalars)
        var split = 0
        while split < scalars.count, FormatSpec.decimalDigit(scalars[split]) != nil { split += 1 }
        let hasPoint = split < scalars.count && scalars[split] == "."
        var remainder = String.UnicodeScalarView()
        remainder.append(contentsOf: scalars[(hasPoint ? split + 1 : split)...])
        var digits = String.UnicodeScalarView()
        digits.append(contentsOf: scalars[..<split])
        return layout(negative: parts.negative, prefix: "", digits: String(digits), hasPoint: hasPoint,
                      remainder: String(remainder), spec: spec, grouping: spec.type == "n" ? nil : spec.grouping)
    }

    /// Sign, prefix, grouped digits, point and remainder, padded to the width: `=` pads between the sign and the
    /// digits, and a `0` fill with `=` pads with grouped zeros (`format(1234, '010,')` is `00,001,234`).
    private static func layout(negative: Bool, prefix: String, digits: String, hasPoint: Bool, remainder: String,
                               spec: FormatSpec, grouping: FormatSpec.Grouping?) -> String {
        let sign: String
        switch spec.sign {
        case "+": sign = negative ? "-" : "+"
        case " ": sign = negative ? "-" : " "
        default: sign = negative ? "-" : ""
        }
        let width = spec.width ?? -1
        let remainderCount = remainder.unicodeScalars.count
        let nonDigits = sign.count + prefix.count + (hasPoint ? 1 : 0) + remainderCount
        let minimumDigits = spec.fill == "0" && spec.align == "=" ? width - nonDigits : 0
        let grouped = digits.isEmpty ? "" : group(Array(digits), minimumWidth: minimumDigits, grouping: grouping)
        let padding = width - (nonDigits + grouped.count)
        var left = 0
        var inner = 0
        var right = 0
        if padding > 0 {
            switch spec.align {
            case "<": right = padding
            case "^":
                left = padding / 2
                right = padding - left
            case "=": inner = padding
            default: left = padding
            }
        }
        let fill = String(Character(spec.fill))
        return String(repeating: fill, count: left) + sign + prefix + String(repeating: fill, count: inner) + grouped
            + (hasPoint ? "." : "") + remainder + String(repeating: fill, count: right)
    }

    /// Digits with separators every group from the right, zero padded (separators included) to at least
    /// `minimumWidth`, as CPython's `_PyUnicode_InsertThousandsGrouping` lays them out.
    static func group(_ digits: [Character], minimumWidth: Int, grouping: FormatSpec.Grouping?) -> String {
        var remaining = digits.count
        var minimum = minimumWidth
        var pieces: [String] = []
        func take(_ length: Int) {
            let zeros = Swift.max(0, length - remaining)
            let count = Swift.max(0, Swift.min(remaining, length))
            pieces.append(String(repeating: "0", count: zeros) + String(digits[(remaining - count)..<remaining]))
            remaining -= count
        }
        guard let grouping else {
            take(Swift.max(remaining, minimum, 1))
            return pieces[0]
        }
        while true {
            let length = Swift.min(grouping.size, Swift.max(remaining, minimum, 1))
            take(length)
            minimum -= length
            if remaining <= 0 && minimum <= 0 { break }
            minimum -= 1
        }
        return pieces.reversed().joined(separator: String(grouping.separator))
    }
}
