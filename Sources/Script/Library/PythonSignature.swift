/// The parameters of a method written in Python (CPython's `random.Random` methods), matched against a call with
/// the TypeErrors CPython raises for it: `self` counts among the positional arguments, as in its messages.
struct PythonSignature {
    /// The qualified name messages use (`Random.randint`).
    let function: String
    /// Parameters that may be given by position, in order.
    let positional: [String]
    /// How many leading positional parameters are required.
    let required: Int
    /// Parameters after `*`, by keyword only.
    let keywordOnly: [String]

    /// A signature; `required` defaults to all positional parameters.
    init(_ function: String, _ positional: [String], required: Int? = nil, keywordOnly: [String] = []) {
        self.function = function
        self.positional = positional
        self.required = required ?? positional.count
        self.keywordOnly = keywordOnly
    }

    /// The arguments aligned with `positional + keywordOnly` (nil where not given).
    func parse(_ arguments: Arguments) throws -> [Value?] {
        let names = positional + keywordOnly
        guard arguments.positional.count <= positional.count else {
            let most = positional.count + 1, given = arguments.positional.count + 1
            let takes = required == positional.count ? "\(most)" : "from \(required + 1) to \(most)"
            throw PythonError.typeError("\(function)() takes \(takes) positional argument\(most == 1 ? "" : "s") "
                + "but \(given) were given")
        }
        var values: [Value?] = Array(repeating: nil, count: names.count)
        for (index, value) in arguments.positional.enumerated() { values[index] = value }
        for (name, value) in arguments.keywords {
            guard let index = names.firstIndex(of: name) else {
                throw PythonError.typeError("\(function)() got an unexpected keyword argument '\(name)'")
            }
            guard values[index] == nil else {
                throw PythonError.typeError("\(function)() got multiple values for argument '\(name)'")
            }
            values[index] = value
        }
        let missing = (0..<required).filter { values[$0] == nil }.map { "'\(positional[$0])'" }
        if !missing.isEmpty {
            let list: String
            switch missing.count {
            case 1: list = missing[0]
            case 2: list = "\(missing[0]) and \(missing[1])"
            default: list = missing.dropLast().joined(separator: ", ") + ", and " + (missing.last ?? "")
            }
            throw PythonError.typeError("\(function)() missing \(missing.count) required positional "
                + "argument\(missing.count == 1 ? "" : "s"): \(list)")
        }
        return values
    }
}
