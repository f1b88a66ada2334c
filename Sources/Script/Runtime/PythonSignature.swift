/// A Python-defined callable's signature (`SGD.__init__`, `clip_grad_norm_`, `Random.randint`), binding a call's
/// arguments with CPython's TypeErrors: the ones PyTorch's and the standard library's Python-level code gives.
struct PythonSignature {
    /// The name messages use, such as `SGD.__init__` or `clip_grad_norm_`.
    let function: String
    /// Parameters that may be given by position, in order.
    let positional: [String]
    /// How many leading positional parameters are required.
    let required: Int
    /// Parameters that may only be given by keyword.
    let keywordOnly: [String]
    /// Whether the function is a method, so CPython's counts include `self`.
    let isMethod: Bool

    /// A signature from its parts.
    init(_ function: String, _ positional: [String], required: Int, keywordOnly: [String] = [], isMethod: Bool) {
        self.function = function
        self.positional = positional
        self.required = required
        self.keywordOnly = keywordOnly
        self.isMethod = isMethod
    }

    /// The arguments given, by parameter name.
    func bind(_ arguments: Arguments) throws -> [String: Value] {
        let offset = isMethod ? 1 : 0
        guard arguments.positional.count <= positional.count else {
            let (low, high) = (required + offset, positional.count + offset)
            let range = low == high ? "\(high)" : "from \(low) to \(high)"
            let noun = high == 1 ? "argument" : "arguments"
            let given = arguments.positional.count + offset
            throw PythonError.typeError("\(function)() takes \(range) positional \(noun) but \(given) "
                + (given == 1 ? "was" : "were") + " given")
        }
        var values: [String: Value] = [:]
        for (name, value) in zip(positional, arguments.positional) { values[name] = value }
        for (name, value) in arguments.keywords {
            guard positional.contains(name) || keywordOnly.contains(name) else {
                throw PythonError.typeError("\(function)() got an unexpected keyword argument '\(name)'")
            }
            guard values[name] == nil else {
                throw PythonError.typeError("\(function)() got multiple values for argument '\(name)'")
            }
            values[name] = value
        }
        let missing = positional.prefix(required).filter { values[$0] == nil }.map { "'\($0)'" }
        guard missing.isEmpty else {
            let list: String
            switch missing.count {
            case 1: list = missing[0]
            case 2: list = missing.joined(separator: " and ")
            default: list = missing.dropLast().joined(separator: ", ") + ", and " + (missing.last ?? "")
            }
            throw PythonError.typeError("\(function)() missing \(missing.count) required positional "
                + (missing.count == 1 ? "argument" : "arguments") + ": \(list)")
        }
        return values
    }

    /// The arguments aligned with `positional + keywordOnly` (nil where not given).
    func parse(_ arguments: Arguments) throws -> [Value?] {
        let values = try bind(arguments)
        return (positional + keywordOnly).map { values[$0] }
    }
}
