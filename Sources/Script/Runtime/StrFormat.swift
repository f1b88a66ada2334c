/// `str.format` and `str.format_map`: literal text and replacement fields `{name.attr[key]!conversion:spec}`, with
/// automatic or manual numbering, nested fields inside the spec, and CPython's errors for malformed templates.
struct StrFormat {
    private let positional: [Value]
    private let keyword: (String) throws -> Value
    private let interpreter: Interpreter
    /// The next index `{}` takes; nil once a field was numbered by hand.
    private var automatic: Int? = 0
    private var manual = false

    /// `template.format(*args, **kwargs)`.
    static func format(_ template: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> String {
        var formatter = StrFormat(positional: arguments.positional, keyword: { name in
            guard let found = arguments.keywords.last(where: { $0.name == name }) else {
                throw PythonError.keyError(.str(name))
            }
            return found.value
        }, interpreter: interpreter)
        return try formatter.render(Array(template), depth: 2)
    }

    /// `template.format_map(mapping)`: names are looked up with `mapping[name]`; numbered fields are an error.
    static func format(_ template: String, mapping: Value, _ interpreter: Interpreter) throws -> String {
        var formatter = StrFormat(positional: [], keyword: { name in
            try interpreter.getItem(mapping, .str(name))
        }, interpreter: interpreter)
        formatter.automatic = nil
        return try formatter.render(Array(template), depth: 2)
    }

    private init(positional: [Value], keyword: @escaping (String) throws -> Value, interpreter: Interpreter) {
        self.positional = positional
        self.keyword = keyword
        self.interpreter = interpreter
    }

    private mutating func render(_ characters: [Character], depth: Int) throws -> String {
        guard depth > 0 else { throw PythonError.valueError("Max string recursion exceeded") }
        var output = "", position = 0
        while position < characters.count {
            let character = characters[position]
            let next = position + 1 < characters.count ? characters[position + 1] : nil
            if character == "}" {
                guard next == "}" else { throw PythonError.valueError("Single '}' encountered in format string") }
                output.append("}")
                position += 2
                continue
            }
            guard character == "{" else {
                output.append(character)
                position += 1
                continue
            }
            if next == "{" {
                output.append("{")
                position += 2
                continue
            }
            guard next != nil else { throw PythonError.valueError("Single '{' encountered in format string") }
            // The field runs to the brace that balances this one (specs may hold nested fields).
            var level = 1, end = position + 1
            while end < characters.count {
                if characters[end] == "{" { level += 1 }
                if characters[end] == "}" {
                    level -= 1
                    if level == 0 { break }
                }
                end += 1
            }
            guard end < characters.count else { throw PythonError.valueError("expected '}' before end of string") }
            output += try field(Array(characters[(position + 1)..<end]), depth: depth)
            position = end + 1
        }
        return output
    }

    /// One replacement field's text, without its braces.
    private mutating func field(_ text: [Character], depth: Int) throws -> String {
        // The name ends at the first '!' or ':' outside square brackets.
        var end = 0, inBrackets = false
        while end < text.count {
            let c = text[end]
            if c == "[" { inBrackets = true }
            if c == "]" { inBrackets = false }
            if !inBrackets && (c == "!" || c == ":") { break }
            end += 1
        }
        var value = try resolve(Array(text[..<end]))
        var rest = text[end...]
        if rest.first == "!" {
            rest = rest.dropFirst()
            guard let conversion = rest.first else { throw PythonError.valueError("unmatched '{' in format spec") }
            rest = rest.dropFirst()
            guard rest.isEmpty || rest.first == ":" else {
                throw PythonError.valueError("expected ':' after conversion specifier")
            }
            switch conversion {
            case "r": value = .str(try interpreter.repr(value))
            case "s": value = .str(try interpreter.str(value))
            case "a": value = .str(PythonRepr.escapingNonASCII(try interpreter.repr(value)))
            default: throw PythonError.valueError("Unknown conversion specifier \(conversion)")
            }
        }
        let spec = rest.first == ":" ? try render(Array(rest.dropFirst()), depth: depth - 1) : ""
        return try interpreter.format(value, spec: spec)
    }

    /// The object a field name names: an argument, then `.attribute` and `[key]` steps.
    private mutating func resolve(_ name: [Character]) throws -> Value {
        var end = 0
        while end < name.count && name[end] != "." && name[end] != "[" { end += 1 }
        let first = String(name[..<end])
        var value: Value
        if first.isEmpty {
            guard let index = automatic else {
                if manual {
                    throw PythonError.valueError(
                        "cannot switch from manual field specification to automatic field numbering")
                }
                throw PythonError.valueError("Format string contains positional fields")
            }
            automatic = index + 1
            value = try argument(index)
        } else if first.allSatisfy(\.isASCII), first.allSatisfy(\.isNumber) {
            guard let index = Int(first) else { throw Self.tooManyDigits }
            if automatic != 0 && !manual {
                throw PythonError.valueError(
                    automatic == nil ? "Format string contains positional fields"
                        : "cannot switch from automatic field numbering to manual field specification")
            }
            manual = true
            automatic = nil
            value = try argument(index)
        } else {
            value = try keyword(first)
        }
        var position = end
        while position < name.count {
            if name[position] == "." {
                var stop = position + 1
                while stop < name.count && name[stop] != "." && name[stop] != "[" { stop += 1 }
                let attribute = String(name[(position + 1)..<stop])
                guard !attribute.isEmpty else { throw PythonError.valueError("Empty attribute in format string") }
                value = try interpreter.getAttribute(value, attribute)
                position = stop
            } else if name[position] == "[" {
                guard let close = name[position...].firstIndex(of: "]") else {
                    throw PythonError.valueError("Missing ']' in format string")
                }
                let key = String(name[(position + 1)..<close])
                guard !key.isEmpty else { throw PythonError.valueError("Empty attribute in format string") }
                let isIndex = key.allSatisfy { $0.isASCII && $0.isNumber }
                if isIndex && Int(key) == nil { throw Self.tooManyDigits }
                value = try interpreter.getItem(value, isIndex ? (Int(key).map(Value.int) ?? .str(key)) : .str(key))
                position = close + 1
                guard position == name.count || name[position] == "." || name[position] == "[" else {
                    throw PythonError.valueError("Only '.' or '[' may follow ']' in format field specifier")
                }
            } else {
                throw PythonError.valueError("Only '.' or '[' may follow ']' in format field specifier")
            }
        }
        return value
    }

    /// CPython's error for a field number or index past what a Py_ssize_t holds.
    private static var tooManyDigits: PythonError { PythonError.valueError("Too many decimal digits in format string") }

    private func argument(_ index: Int) throws -> Value {
        guard index < positional.count else {
            throw PythonError.indexError("Replacement index \(index) out of range for positional args tuple")
        }
        return positional[index]
    }
}
