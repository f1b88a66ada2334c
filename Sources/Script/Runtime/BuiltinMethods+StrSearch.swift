/// `str` methods that search and cut: find/index/count, startswith/endswith, replace, split/rsplit/splitlines,
/// strip, partition. Strings are indexed by code point, as in Python.
extension BuiltinMethods {
    /// A string as Python indexes it: by code point.
    typealias Scalars = [Unicode.Scalar]

    /// The searching or cutting `str` method `name` bound to `text`, or nil.
    static func strSearchMethod(_ text: String, _ name: String, _ interpreter: Interpreter) -> Body? {
        let scalars = Scalars(text.unicodeScalars)
        switch name {
        case "find", "rfind", "index", "rindex", "count":
            return { arguments in
                if name == "count" || name.hasSuffix("index") {
                    try check(arguments, "str", name, .legacy(1...3))
                } else {
                    try check(arguments, "str", name, .clinic(1...3))
                }
                let needle = try string(arguments.positional[0], "must be str, not ")
                let (lower, upper) = window(try sliceIndex(arguments.positional.count > 1 ? arguments.positional[1] : nil, interpreter),
                                            try sliceIndex(arguments.positional.count > 2 ? arguments.positional[2] : nil, interpreter),
                                            count: scalars.count)
                if name == "count" { return .int(occurrences(of: needle, in: scalars, lower, upper)) }
                if let found = find(needle, in: scalars, lower, upper, reverse: name.hasPrefix("r")) { return .int(found) }
                if name.hasSuffix("index") { throw PythonError.valueError("substring not found") }
                return .int(-1)
            }
        case "startswith", "endswith":
            return { arguments in
                try check(arguments, "str", name, .legacy(1...3))
                let candidates: [Value]
                switch arguments.positional[0] {
                case .str: candidates = [arguments.positional[0]]
                case .tuple(let items): candidates = items
                default:
                    throw PythonError.typeError("\(name) first arg must be str or a tuple of str, not "
                        + arguments.positional[0].typeName)
                }
                let (lower, upper) = window(try sliceIndex(arguments.positional.count > 1 ? arguments.positional[1] : nil, interpreter),
                                            try sliceIndex(arguments.positional.count > 2 ? arguments.positional[2] : nil, interpreter),
                                            count: scalars.count)
                for candidate in candidates {
                    guard case .str(let part) = candidate else {
                        throw PythonError.typeError("tuple for \(name) must only contain str, not \(candidate.typeName)")
                    }
                    let affix = Scalars(part.unicodeScalars)
                    guard upper - lower >= affix.count else { continue }
                    let start = name == "startswith" ? lower : upper - affix.count
                    if scalars[start..<(start + affix.count)].elementsEqual(affix) { return .true }
                }
                return .false
            }
        case "replace":
            return { arguments in
                try check(arguments, "str", name, .clinic(2...3))
                let old = try string(arguments.positional[0], "replace() argument 1 must be str, not ")
                let new = try string(arguments.positional[1], "replace() argument 2 must be str, not ")
                let limit = try arguments.positional.count > 2
                    ? integer(arguments.positional[2], interpreter) : -1
                return .str(try replace(scalars, old, new, limit: limit < 0 ? Int.max : limit))
            }
        case "split", "rsplit":
            return { arguments in
                let values = try keywordArguments(arguments, name, ["sep", "maxsplit"])
                var separator: Scalars?
                if let value = values[0], !value.isNone {
                    separator = try string(value, "must be str or None, not ")
                    guard separator?.isEmpty == false else { throw PythonError.valueError("empty separator") }
                }
                let limit = try values[1].map { try integer($0, interpreter) } ?? -1
                let pieces = split(scalars, separator, limit: limit < 0 ? Int.max : limit, reverse: name == "rsplit")
                return .list(ListObject(pieces.map { .str(makeString($0)) }))
            }
        case "splitlines":
            return { arguments in
                let values = try keywordArguments(arguments, name, ["keepends"])
                let keep = try values[0].map { try interpreter.isTrue($0) } ?? false
                return .list(ListObject(lines(scalars, keepEnds: keep).map { .str(makeString($0)) }))
            }
        case "strip", "lstrip", "rstrip":
            return { arguments in
                try check(arguments, "str", name, .clinic(0...1))
                var characters: Set<Unicode.Scalar>?
                if let value = arguments.positional.first, !value.isNone {
                    guard case .str(let set) = value else { throw PythonError.typeError("\(name) arg must be None or str") }
                    characters = Set(set.unicodeScalars)
                }
                let strip = { (c: Unicode.Scalar) in characters?.contains(c) ?? isSpace(c) }
                var lower = 0, upper = scalars.count
                if name != "rstrip" { while lower < upper && strip(scalars[lower]) { lower += 1 } }
                if name != "lstrip" { while upper > lower && strip(scalars[upper - 1]) { upper -= 1 } }
                return .str(makeString(scalars[lower..<upper]))
            }
        case "partition", "rpartition":
            return { arguments in
                try check(arguments, "str", name, .one)
                let separator = try string(arguments.positional[0], "must be str, not ")
                guard !separator.isEmpty else { throw PythonError.valueError("empty separator") }
                guard let at = find(separator, in: scalars, 0, scalars.count, reverse: name == "rpartition") else {
                    return .tuple(name == "partition" ? [.str(text), .str(""), .str("")] : [.str(""), .str(""), .str(text)])
                }
                return .tuple([.str(makeString(scalars[..<at])), .str(makeString(separator)),
                               .str(makeString(scalars[(at + separator.count)...]))])
            }
        default: return nil
        }
    }

    /// A str argument's code points, or TypeError `message` + the type name.
    static func string(_ value: Value, _ message: String) throws -> Scalars {
        guard case .str(let text) = value else { throw PythonError.typeError(message + value.typeName) }
        return Scalars(text.unicodeScalars)
    }

    /// A String of these code points.
    static func makeString(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Python's `str.isspace` for one code point: Unicode White_Space plus the ASCII separators U+001C-U+001F.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || (0x1C...0x1F).contains(c.value)
    }

    /// The first (or last) position in `lower..<upper` where `needle` starts.
    static func find(_ needle: Scalars, in scalars: Scalars, _ lower: Int, _ upper: Int, reverse: Bool) -> Int? {
        guard upper - lower >= needle.count else { return nil }
        let starts = lower...(upper - needle.count)
        let matches = { (i: Int) in scalars[i..<(i + needle.count)].elementsEqual(needle) }
        return reverse ? starts.reversed().first(where: matches) : starts.first(where: matches)
    }

    private static func occurrences(of needle: Scalars, in scalars: Scalars, _ lower: Int, _ upper: Int) -> Int {
        guard upper - lower >= needle.count else { return 0 }
        if needle.isEmpty { return upper - lower + 1 }
        var count = 0, i = lower
        while let found = find(needle, in: scalars, i, upper, reverse: false) {
            count += 1
            i = found + needle.count
        }
        return count
    }

    private static func replace(_ scalars: Scalars, _ old: Scalars, _ new: Scalars, limit: Int) throws -> String {
        var result = Scalars(), i = 0, done = 0
        if old.isEmpty {
            for c in scalars {
                if done < limit {
                    result += new
                    done += 1
                    try checkLength(result.count)
                }
                result.append(c)
            }
            if done < limit { result += new }
            return makeString(result)
        }
        while done < limit, let found = find(old, in: scalars, i, scalars.count, reverse: false) {
            result += scalars[i..<found]
            result += new
            try checkLength(result.count)
            i = found + old.count
            done += 1
        }
        result += scalars[i...]
        return makeString(result)
    }

    private static func split(_ scalars: Scalars, _ separator: Scalars?, limit: Int, reverse: Bool) -> [Scalars] {
        // rsplit is split on the reversed text with a reversed separator, its pieces reversed back.
        let text = reverse ? Scalars(scalars.reversed()) : scalars
        var pieces: [Scalars] = []
        if let separator {
            let needle = reverse ? Scalars(separator.reversed()) : separator
            var i = 0
            while pieces.count < limit, let found = find(needle, in: text, i, text.count, reverse: false) {
                pieces.append(Scalars(text[i..<found]))
                i = found + needle.count
            }
            pieces.append(Scalars(text[i...]))
        } else {
            var i = 0
            while true {
                while i < text.count && isSpace(text[i]) { i += 1 }
                guard i < text.count else { break }
                if pieces.count == limit {
                    // The remainder keeps its whitespace at the far end, as in CPython.
                    pieces.append(Scalars(text[i...]))
                    break
                }
                let start = i
                while i < text.count && !isSpace(text[i]) { i += 1 }
                pieces.append(Scalars(text[start..<i]))
            }
        }
        return reverse ? pieces.reversed().map { Scalars($0.reversed()) } : pieces
    }

    private static func lines(_ scalars: Scalars, keepEnds: Bool) -> [Scalars] {
        let breaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029]
        var result: [Scalars] = [], start = 0, i = 0
        while i < scalars.count {
            guard breaks.contains(scalars[i].value) else {
                i += 1
                continue
            }
            var end = i + 1
            if scalars[i] == "\r" && end < scalars.count && scalars[end] == "\n" { end += 1 }
            result.append(Scalars(scalars[start..<(keepEnds ? end : i)]))
            start = end
            i = end
        }
        if start < scalars.count { result.append(Scalars(scalars[start...])) }
        return result
    }
}
