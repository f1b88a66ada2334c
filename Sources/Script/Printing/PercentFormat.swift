/// Python's printf-style string formatting, `template % arguments`, as CPython 3.11 implements it for str.
public enum PercentFormat {
    /// The right operand of `%`, as CPython classifies it.
    public enum Arguments {
        /// A tuple: its items are the arguments, in order.
        case tuple([FormatValue])
        /// Any other single value, used as the only argument.
        case single(FormatValue)
        /// A mapping (a dict, or any non-tuple, non-str value with `__getitem__`): `%(key)s` looks keys up with
        /// `lookup`, which throws the lookup's own error (KeyError); a conversion without a key uses `value` itself.
        case mapping(FormatValue, lookup: (String) throws(FormatError) -> FormatValue)
    }

    /// `template % arguments`.
    public static func format(_ template: String, _ arguments: Arguments) throws(FormatError) -> String {
        var state = State(arguments)
        let scalars = Array(template.unicodeScalars)
        var output = String.UnicodeScalarView()
        var position = 0
        while position < scalars.count {
            guard scalars[position] == "%" else {
                output.append(scalars[position])
                position += 1
                continue
            }
            position += 1
            if position < scalars.count && scalars[position] == "%" {
                output.append("%")
                position += 1
                continue
            }
            let conversion = try Conversion(parsing: scalars, at: &position, state: &state)
            let value = try state.next()
            output.append(contentsOf: try conversion.render(value, index: position - 1).unicodeScalars)
        }
        if state.hasUnusedArguments {
            throw .type("not all arguments converted during string formatting")
        }
        return String(output)
    }
}

extension PercentFormat {
    /// Which argument comes next, with CPython's bookkeeping: a single value is used once, a tuple item by item.
    fileprivate struct State {
        private var items: [FormatValue]
        private var single: FormatValue?
        private var index = 0
        private var singleUsed = false
        private let lookup: ((String) throws(FormatError) -> FormatValue)?

        init(_ arguments: Arguments) {
            switch arguments {
            case .tuple(let values):
                items = values
                lookup = nil
            case .single(let value):
                items = []
                single = value
                lookup = nil
            case .mapping(let value, let lookup):
                items = []
                single = value
                self.lookup = lookup
            }
        }

        /// The next argument, or `not enough arguments`.
        mutating func next() throws(FormatError) -> FormatValue {
            if let single {
                guard !singleUsed else { throw .type("not enough arguments for format string") }
                singleUsed = true
                return single
            }
            guard index < items.count else { throw .type("not enough arguments for format string") }
            index += 1
            return items[index - 1]
        }

        /// Makes the value of `%(key)` the single argument for the conversion that follows.
        mutating func select(key: String) throws(FormatError) {
            guard let lookup else { throw .type("format requires a mapping") }
            single = try lookup(key)
            items = []
            singleUsed = false
        }

        /// Whether `%(key)` conversions can look keys up.
        var hasMapping: Bool { lookup != nil }

        /// Whether arguments were left over (never an error with a mapping).
        var hasUnusedArguments: Bool {
            guard lookup == nil else { return false }
            return single != nil ? !singleUsed : index < items.count
        }
    }

    /// One `%[(key)][flags][width][.precision][length]type` conversion.
    fileprivate struct Conversion {
        var leftAlign = false
        var plus = false
        var blank = false
        var alternate = false
        var zero = false
        var width = -1
        var precision = -1
        var type: Unicode.Scalar = "s"

        init(parsing scalars: [Unicode.Scalar], at position: inout Int, state: inout State) throws(FormatError) {
            func peek() -> Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
            if peek() == "(" {
                guard state.hasMapping else { throw .type("format requires a mapping") }
                var depth = 1
                let keyStart = position + 1
                position += 1
                while depth > 0 && position < scalars.count {
                    if scalars[position] == ")" { depth -= 1 } else if scalars[position] == "(" { depth += 1 }
                    position += 1
                }
                guard depth == 0 else { throw .value("incomplete format key") }
                var key = String.UnicodeScalarView()
                key.append(contentsOf: scalars[keyStart..<(position - 1)])
                try state.select(key: String(key))
            }
            flags: while let flag = peek() {
                switch flag {
                case "-": leftAlign = true
                case "+": plus = true
                case " ": blank = true
                case "#": alternate = true
                case "0": zero = true
                default: break flags
                }
                position += 1
            }
            if peek() == "*" {
                width = try Self.star(state.next())
                if width < 0 {
                    leftAlign = true
                    width = width == Int.min ? Int.max : -width
                }
                position += 1
            } else if let digits = try Self.digits(scalars, at: &position, limit: Int.max, error: "width too big") {
                width = digits
            }
            if peek() == "." {
                position += 1
                precision = 0
                if peek() == "*" {
                    precision = Swift.min(Swift.max(try Self.star(state.next()), 0), Int(Int32.max))
                    position += 1
                } else if let digits = try Self.digits(scalars, at: &position, limit: Int(Int32.max),
                                                       error: "precision too big") {
                    precision = digits
                }
            }
            if let modifier = peek(), modifier == "h" || modifier == "l" || modifier == "L" { position += 1 }
            guard let type = peek() else { throw .value("incomplete format") }
            self.type = type
            position += 1
        }

        /// A `*` width or precision, which must be an int.
        private static func star(_ value: FormatValue) throws(FormatError) -> Int {
            switch value {
            case .int(let integer): return Int(integer)
            case .bool(let flag): return flag ? 1 : 0
            default: throw .type("* wants int")
            }
        }

        private static func digits(_ scalars: [Unicode.Scalar], at position: inout Int, limit: Int,
                                   error: String) throws(FormatError) -> Int? {
            var value = 0
            var consumed = false
            while position < scalars.count, scalars[position].value >= 48, scalars[position].value <= 57 {
                let digit = Int(scalars[position].value - 48)
                if value > (limit - digit) / 10 { throw .value(error) }
                value = value * 10 + digit
                consumed = true
                position += 1
            }
            return consumed ? value : nil
        }

        /// The converted argument, padded. `index` is the conversion character's position, for errors.
        func render(_ value: FormatValue, index: Int) throws(FormatError) -> String {
            if width > PythonFormat.maximumLength || precision > PythonFormat.maximumLength {
                throw FormatError.tooLong
            }
            let text: String
            var numeric = false
            switch type {
            case "s": text = value.str
            case "r": text = value.repr
            case "a": text = value.ascii
            case "d", "i", "u", "o", "x", "X":
                text = try integerText(value)
                numeric = true
            case "e", "E", "f", "F", "g", "G":
                text = try floatText(value)
                numeric = true
            case "c": text = try character(value)
            default:
                let code = type.value
                let shown = code >= 31 && code <= 126 ? Character(type) : "?"
                throw .value("unsupported format character '\(shown)' (0x\(String(code, radix: 16))) at index \(index)")
            }
            return pad(text, numeric: numeric)
        }

        /// `%d` and friends: the int (a float truncates toward zero), with `.precision` as a minimum digit count.
        private func integerText(_ value: FormatValue) throws(FormatError) -> String {
            let needsIndex = type == "o" || type == "x" || type == "X"
            let wrongType = FormatError.type(needsIndex
                ? "%\(Character(type)) format: an integer is required, not \(value.typeName)"
                : "%\(Character(type)) format: a real number is required, not \(value.typeName)")
            var negative = false
            var digits: String
            let base = type == "o" ? 8 : needsIndex ? 16 : 10
            switch value {
            case .int, .bool:
                let integer = value.index ?? 0
                negative = integer < 0
                digits = String(integer.magnitude, radix: base, uppercase: type == "X")
            case .float(let number):
                if needsIndex { throw wrongType }
                if number.isNaN { throw .value("cannot convert float NaN to integer") }
                if number.isInfinite { throw FormatError(.overflowError, "cannot convert float infinity to integer") }
                let whole = number.rounded(.towardZero)
                negative = whole < 0
                // An integral double's exact expansion is its integer, however large.
                digits = FloatFormatting.fixed(Swift.abs(whole), precision: 0)
            case .object(let object):
                guard let integer = needsIndex ? object.index : object.int else { throw wrongType }
                negative = integer < 0
                digits = String(integer.magnitude, radix: base, uppercase: type == "X")
            case .string, .none:
                throw wrongType
            }
            if precision > digits.count {
                digits = String(repeating: "0", count: precision - digits.count) + digits
            }
            var prefix = ""
            if alternate && needsIndex { prefix = type == "o" ? "0o" : type == "x" ? "0x" : "0X" }
            return (negative ? "-" : "") + prefix + digits
        }

        /// `%f` and friends.
        private func floatText(_ value: FormatValue) throws(FormatError) -> String {
            let number: Double
            switch value {
            case .float(let float): number = float
            case .int, .bool: number = Double(value.index ?? 0)
            case .object(let object):
                guard let float = object.float ?? object.index.map(Double.init) else {
                    throw .type("must be real number, not \(value.typeName)")
                }
                number = float
            case .string, .none:
                throw .type("must be real number, not \(value.typeName)")
            }
            let style: FloatFormatting.Style
            switch type {
            case "e", "E": style = .scientific
            case "f", "F": style = .fixed
            default: style = .general
            }
            let upper = type == "E" || type == "F" || type == "G"
            return FloatFormatting.render(number, style: style, precision: precision < 0 ? 6 : precision,
                                          alternate: alternate, upper: upper).signed
        }

        /// `%c`: a one-character str, or an int code point.
        private func character(_ value: FormatValue) throws(FormatError) -> String {
            if case .string(let text) = value {
                guard text.unicodeScalars.count == 1 else { throw .type("%c requires int or char") }
                return text
            }
            guard let code = value.index else { throw .type("%c requires int or char") }
            guard code >= 0, code <= 0x10FFFF else {
                throw FormatError(.overflowError, "%c arg not in range(0x110000)")
            }
            return Unicode.Scalar(UInt32(code)).map { String(Character($0)) } ?? "\u{FFFD}"
        }

        /// Width, sign and zero padding as CPython lays a converted argument out: zeros go after the sign and the
        /// `0x` prefix, spaces before them; `-` pads on the right with spaces.
        private func pad(_ text: String, numeric: Bool) -> String {
            let scalars = Array(text.unicodeScalars)
            var length = scalars.count
            if (type == "s" || type == "r" || type == "a") && precision >= 0 && length > precision {
                length = precision
            }
            let fill: Unicode.Scalar = numeric && zero ? "0" : " "
            var start = 0
            var sign: Unicode.Scalar?
            if numeric {
                if let first = scalars.first, first == "-" || first == "+" {
                    sign = first
                    length -= 1
                    start = 1
                } else if plus {
                    sign = "+"
                } else if blank {
                    sign = " "
                }
            }
            var width = Swift.max(self.width, length)
            var output = String.UnicodeScalarView()
            if let sign {
                if fill != " " { output.append(sign) }
                if width > length { width -= 1 }
            }
            let hasPrefix = alternate && (type == "x" || type == "X" || type == "o")
            if hasPrefix {
                if fill != " " {
                    output.append(contentsOf: scalars[start..<(start + 2)])
                    start += 2
                }
                width = Swift.max(width - 2, 0)
                length -= 2
            }
            if width > length && !leftAlign {
                output.append(contentsOf: repeatElement(fill, count: width - length))
                width = length
            }
            if fill == " " {
                if let sign { output.append(sign) }
                if hasPrefix {
                    output.append(contentsOf: scalars[start..<(start + 2)])
                    start += 2
                }
            }
            if length > 0 { output.append(contentsOf: scalars[start..<(start + length)]) }
            if width > length { output.append(contentsOf: repeatElement(" ", count: width - length)) }
            return String(output)
        }
    }
}
