import Foundation
import Script

/// What Tab completes at the cursor: the word being typed and the names that could replace it.
public struct Completion: Equatable, Sendable {
    /// The text before the cursor that a candidate replaces (`tor`, or `me` in `x.me`).
    public var word: String
    /// The candidates, sorted, each starting with `word`.
    public var candidates: [String]

    /// A completion from its parts.
    public init(word: String, candidates: [String]) {
        self.word = word
        self.candidates = candidates
    }

    /// The longest text every candidate starts with (at least `word`).
    public var commonPrefix: String {
        guard var prefix = candidates.first else { return word }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix.count < word.count ? word : prefix
    }
}

extension Session {
    /// Python's keywords, which complete like names.
    static let keywords = ["False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def",
                           "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
                           "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
                           "with", "yield"]

    /// The completions for `line` typed up to its end: module names after `import`/`from`, magics after `%`,
    /// attributes after `x.` (an object's own attributes, its class's, a tensor's methods), else the namespace's
    /// names, builtins and keywords. Names starting with `_` are offered only once `_` is typed.
    public func complete(_ line: String) -> Completion {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if let (module, word) = Self.importedNamePrefix(String(trimmed)) {
            return Completion(word: word, candidates: Self.filter(interpreter.moduleAttributeNames(module), word))
        }
        if let module = Self.importedModulePrefix(String(trimmed)) {
            return Completion(word: module, candidates: interpreter.moduleNames.filter { $0.hasPrefix(module) })
        }
        if trimmed.hasPrefix("%"), !trimmed.contains(" ") {
            let word = String(trimmed)
            return Completion(word: word, candidates: Magic.allCases.map { "%" + $0.rawValue }
                .filter { $0.hasPrefix(word) }.sorted())
        }
        let token = String(line.reversed().prefix { $0 == "_" || $0 == "." || $0.isLetter || $0.isNumber }
            .reversed())
        if let dot = token.lastIndex(of: ".") {
            let base = String(token[..<dot])
            let word = String(token[token.index(after: dot)...])
            guard Self.isDottedName(base), let value = lookUp(base) else {
                return Completion(word: word, candidates: [])
            }
            return Completion(word: word, candidates: Self.filter(interpreter.attributeNames(of: value), word))
        }
        if let first = token.first, first.isNumber { return Completion(word: token, candidates: []) }
        let names = Set(interpreter.globalNames + interpreter.builtinNames + Self.keywords)
        return Completion(word: token, candidates: Self.filter(Array(names), token))
    }

    /// The module name being typed after `import ` or `from `, or nil.
    static func importedModulePrefix(_ line: String) -> String? {
        for keyword in ["import ", "from "] where line.hasPrefix(keyword) {
            let rest = line.dropFirst(keyword.count).drop { $0 == " " }
            if rest.contains(" ") { return nil }
            return String(rest)
        }
        return nil
    }

    /// The module and the name being typed in `from module import a, na`, or nil.
    static func importedNamePrefix(_ line: String) -> (module: String, word: String)? {
        guard line.hasPrefix("from ") else { return nil }
        let rest = line.dropFirst(5).drop { $0 == " " }
        let module = rest.prefix { $0 != " " }
        let after = rest.dropFirst(module.count)
        guard !module.isEmpty, after.first == " " else { return nil }
        let clause = after.drop { $0 == " " }
        guard clause.hasPrefix("import ") else { return nil }
        let word = clause.reversed().prefix { $0 == "_" || $0.isLetter || $0.isNumber }.reversed()
        return (String(module), String(word))
    }

    private static func filter(_ names: [String], _ word: String) -> [String] {
        names.filter { $0.hasPrefix(word) && (word.hasPrefix("_") || !$0.hasPrefix("_")) }.sorted()
    }
}
