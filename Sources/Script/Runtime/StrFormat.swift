/// `str.format`: `{}`, `{0}`, `{name}`, attribute/index-free fields with `!r`/`!s`/`!a` and a format spec.
enum StrFormat {
    static func format(_ template: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> String {
        let scalars = Array(template)
        var output = ""
        var position = 0
        var automatic = 0
        while position < scalars.count {
            let character = scalars[position]
            if character == "}" {
                guard position + 1 < scalars.count, scalars[position + 1] == "}" else {
                    throw PythonError.valueError("Single '}' encountered in format string")
                }
                output.append("}")
                position += 2
                continue
            }
            guard character == "{" else {
                output.append(character)
                position += 1
                continue
            }
            if position + 1 < scalars.count, scalars[position + 1] == "{" {
                output.append("{")
                position += 2
                continue
            }
            guard let close = scalars[position...].firstIndex(of: "}") else {
                throw PythonError.valueError("Single '{' encountered in format string")
            }
            let field = String(scalars[(position + 1)..<close])
            position = close + 1
            var name = field, spec = "", conversion: Character?
            if let colon = name.firstIndex(of: ":") {
                spec = String(name[name.index(after: colon)...])
                name = String(name[..<colon])
            }
            if let bang = name.firstIndex(of: "!") {
                conversion = name[name.index(after: bang)...].first
                name = String(name[..<bang])
            }
            var value: Value
            if name.isEmpty {
                guard automatic < arguments.positional.count else {
                    throw PythonError.indexError(
                        "Replacement index \(automatic) out of range for positional args tuple")
                }
                value = arguments.positional[automatic]
                automatic += 1
            } else if let index = Int(name) {
                guard index >= 0 && index < arguments.positional.count else {
                    throw PythonError.indexError("Replacement index \(index) out of range for positional args tuple")
                }
                value = arguments.positional[index]
            } else {
                guard let keyword = arguments.keywords.first(where: { $0.name == name }) else {
                    throw PythonError.keyError(.str(name))
                }
                value = keyword.value
            }
            switch conversion {
            case "r": value = .str(try interpreter.repr(value))
            case "s": value = .str(try interpreter.str(value))
            case "a": value = .str(PythonRepr.escapingNonASCII(try interpreter.repr(value)))
            case nil: break
            default: throw PythonError.valueError("Unknown conversion specifier \(conversion.map(String.init) ?? "")")
            }
            output += try interpreter.format(value, spec: spec)
        }
        return output
    }
}
