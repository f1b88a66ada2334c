/// `str` methods that change case, test characters, pad, join and format; searching and cutting live in
/// `BuiltinMethods+StrSearch.swift`.
extension BuiltinMethods {
    /// The `str` method `name` bound to `text`, or nil.
    static func strMethod(_ text: String, _ name: String, _ interpreter: Interpreter) -> Body? {
        if let body = strSearchMethod(text, name, interpreter) { return body }
        let scalars = Scalars(text.unicodeScalars)
        if let transform = caseTransform(name) {
            return { arguments in
                try check(arguments, "str", name, .none)
                return .str(transform(scalars))
            }
        }
        if let test = characterTest(name) {
            return { arguments in
                try check(arguments, "str", name, .none)
                return .bool(test(scalars))
            }
        }
        switch name {
        case "join":
            return { arguments in
                try check(arguments, "str", name, .one)
                guard interpreter.isIterable(arguments.positional[0]) else {
                    throw PythonError.typeError("can only join an iterable")
                }
                var pieces: [String] = []
                for (i, part) in try interpreter.collect(arguments.positional[0]).enumerated() {
                    guard case .str(let piece) = part else {
                        throw PythonError.typeError("sequence item \(i): expected str instance, \(part.typeName) found")
                    }
                    pieces.append(piece)
                }
                return .str(pieces.joined(separator: text))
            }
        case "ljust", "rjust", "center":
            return { arguments in
                try check(arguments, "str", name, .clinic(1...2))
                let width = try integer(arguments.positional[0], interpreter)
                var fill: Unicode.Scalar = " "
                if arguments.positional.count > 1 {
                    guard case .str(let given) = arguments.positional[1] else {
                        throw PythonError.typeError("The fill character must be a unicode character, not "
                            + arguments.positional[1].typeName)
                    }
                    guard given.unicodeScalars.count == 1, let only = given.unicodeScalars.first else {
                        throw PythonError.typeError("The fill character must be exactly one character long")
                    }
                    fill = only
                }
                // Compared before subtracting: `width` may be as low as -2**63.
                guard width > scalars.count else { return .str(text) }
                let margin = width - scalars.count
                try checkLength(width)
                // CPython's centring puts the odd space on the left only when both margin and width are odd.
                let left = name == "ljust" ? 0 : name == "rjust" ? margin : margin / 2 + (margin & width & 1)
                let padding = { (n: Int) in makeString(repeatElement(fill, count: n)) }
                return .str(padding(left) + text + padding(margin - left))
            }
        case "zfill":
            return { arguments in
                try check(arguments, "str", name, .one)
                let width = try integer(arguments.positional[0], interpreter)
                guard width > scalars.count else { return .str(text) }
                try checkLength(width)
                let zeros = String(repeating: "0", count: width - scalars.count)
                if let sign = scalars.first, sign == "+" || sign == "-" {
                    return .str(String(Character(sign)) + zeros + makeString(scalars.dropFirst()))
                }
                return .str(zeros + text)
            }
        case "expandtabs":
            return { arguments in
                let size = try keywordArguments(arguments, name, ["tabsize"])[0]
                    .map { try integer($0, interpreter) } ?? 8
                guard Int32(exactly: size) != nil else {
                    throw PythonError.overflowError("Python int too large to convert to C int")
                }
                var result = Scalars(), column = 0
                for c in scalars {
                    switch c {
                    case "\t":
                        guard size > 0 else { continue }
                        let spaces = size - column % size
                        try checkLength(spaces > Interpreter.maximumItems ? spaces : result.count + spaces)
                        result += repeatElement(" ", count: spaces)
                        column += spaces
                    case "\n", "\r":
                        result.append(c)
                        column = 0
                    default:
                        result.append(c)
                        column += 1
                    }
                }
                return .str(makeString(result))
            }
        case "removeprefix", "removesuffix":
            return { arguments in
                try check(arguments, "str", name, .one)
                let affix = try string(arguments.positional[0], "\(name)() argument must be str, not ")
                guard affix.count <= scalars.count else { return .str(text) }
                if name == "removeprefix" {
                    return .str(scalars.starts(with: affix) ? makeString(scalars.dropFirst(affix.count)) : text)
                }
                return .str(scalars.reversed().starts(with: affix.reversed())
                    ? makeString(scalars.dropLast(affix.count)) : text)
            }
        case "format":
            return { arguments in .str(try StrFormat.format(text, arguments, interpreter)) }
        case "format_map":
            return { arguments in
                try check(arguments, "str", name, .one)
                return .str(try StrFormat.format(text, mapping: arguments.positional[0], interpreter))
            }
        default: return nil
        }
    }

    /// `upper`, `lower`, `casefold`, `swapcase`, `title`, `capitalize`: full Unicode case mappings.
    private static func caseTransform(_ name: String) -> ((Scalars) -> String)? {
        switch name {
        case "upper": return { makeString($0).uppercased() }
        case "lower": return { makeString($0).lowercased() }
        case "casefold":
            // Case folding differs from lowercasing where a letter folds to several (ß → ss).
            return { $0.map { $0 == "ß" ? "ss" : $0.properties.lowercaseMapping }.joined() }
        case "swapcase":
            return { scalars in
                scalars.map { c in
                    c.properties.isUppercase ? c.properties.lowercaseMapping
                        : c.properties.isLowercase ? c.properties.uppercaseMapping : String(Character(c))
                }.joined()
            }
        case "title":
            return { scalars in
                var previousCased = false
                return scalars.map { c in
                    defer { previousCased = c.properties.isCased }
                    return previousCased ? c.properties.lowercaseMapping : c.properties.titlecaseMapping
                }.joined()
            }
        case "capitalize":
            return { scalars in
                guard let first = scalars.first else { return "" }
                return first.properties.titlecaseMapping + scalars.dropFirst().map(\.properties.lowercaseMapping).joined()
            }
        default: return nil
        }
    }

    /// The `is...` predicates; all are False for the empty string except where CPython says otherwise.
    private static func characterTest(_ name: String) -> ((Scalars) -> Bool)? {
        func all(_ test: @escaping (Unicode.Scalar) -> Bool) -> (Scalars) -> Bool {
            { !$0.isEmpty && $0.allSatisfy(test) }
        }
        let alpha: (Unicode.Scalar) -> Bool = {
            [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
                .contains($0.properties.generalCategory)
        }
        switch name {
        case "isdecimal": return all { $0.properties.numericType == .decimal }
        case "isdigit": return all { [.decimal, .digit].contains($0.properties.numericType) }
        case "isnumeric": return all { $0.properties.numericType != nil }
        case "isalpha": return all(alpha)
        case "isalnum": return all { alpha($0) || $0.properties.numericType != nil }
        case "isspace": return all(isSpace)
        case "isascii": return { $0.allSatisfy(\.isASCII) }
        case "isidentifier":
            return { scalars in
                guard let first = scalars.first, first == "_" || first.properties.isXIDStart else { return false }
                return scalars.dropFirst().allSatisfy(\.properties.isXIDContinue)
            }
        case "isupper", "islower":
            return { scalars in
                let upper = name == "isupper"
                var cased = false
                for c in scalars {
                    if upper ? (c.properties.isLowercase || c.properties.generalCategory == .titlecaseLetter)
                        : (c.properties.isUppercase || c.properties.generalCategory == .titlecaseLetter) {
                        return false
                    }
                    if upper ? c.properties.isUppercase : c.properties.isLowercase { cased = true }
                }
                return cased
            }
        case "istitle":
            return { scalars in
                var previousCased = false, cased = false
                for c in scalars {
                    let category = c.properties.generalCategory
                    if category == .uppercaseLetter || category == .titlecaseLetter {
                        if previousCased { return false }
                        previousCased = true
                        cased = true
                    } else if c.properties.isLowercase {
                        if !previousCased { return false }
                        previousCased = true
                        cased = true
                    } else {
                        previousCased = false
                    }
                }
                return cased
            }
        default: return nil
        }
    }
}
