/// CPython 3.11's "Did you mean" for NameError and AttributeError: the closest candidate name by a Levenshtein
/// distance where a case change costs 1 and any other edit 2, within a bound that grows with the names' lengths.
enum Suggestions {
    private static let maxCandidates = 750
    private static let maxLength = 40
    private static let moveCost = 2
    private static let caseCost = 1

    /// The best suggestion for `wrong` among `candidates` (in the order CPython lists them), or nil.
    static func suggest(_ wrong: String, among candidates: [String]) -> String? {
        guard candidates.count <= maxCandidates else { return nil }
        let wrongScalars = Array(wrong.unicodeScalars)
        guard wrongScalars.count <= maxLength else { return nil }
        var bestDistance = wrongScalars.count
        var suggestion: String?
        for candidate in candidates where candidate != wrong {
            let scalars = Array(candidate.unicodeScalars)
            var maxDistance = (scalars.count + wrongScalars.count + 3) * moveCost / 6
            maxDistance = min(maxDistance, bestDistance - 1)
            let distance = levenshtein(wrongScalars, scalars, maxCost: maxDistance)
            if distance > maxDistance { continue }
            if suggestion == nil || distance < bestDistance {
                suggestion = candidate
                bestDistance = distance
            }
        }
        return suggestion
    }

    private static func substitutionCost(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
        if a == b { return 0 }
        if a.properties.lowercaseMapping == b.properties.lowercaseMapping { return caseCost }
        return moveCost
    }

    private static func levenshtein(_ first: [Unicode.Scalar], _ second: [Unicode.Scalar], maxCost: Int) -> Int {
        if first == second { return 0 }
        var a = first[...], b = second[...]
        while let x = a.first, let y = b.first, x == y {
            a = a.dropFirst()
            b = b.dropFirst()
        }
        while let x = a.last, let y = b.last, x == y {
            a = a.dropLast()
            b = b.dropLast()
        }
        if a.isEmpty || b.isEmpty { return moveCost * (a.count + b.count) }
        if a.count > maxLength || b.count > maxLength { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
        let shorter = Array(a), longer = Array(b)
        var row = (1...shorter.count).map { $0 * moveCost }
        var result = 0
        for (bIndex, bCharacter) in longer.enumerated() {
            var distance = bIndex * moveCost
            result = distance
            var minimum = Int.max
            for index in 0..<shorter.count {
                let substitute = distance + substitutionCost(bCharacter, shorter[index])
                distance = row[index]
                let insertDelete = min(result, distance) + moveCost
                result = min(insertDelete, substitute)
                row[index] = result
                minimum = min(minimum, result)
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }

    /// `dir()` of an object's own names that CPython would list for an instance of a program-defined class.
    static let objectDunders = [
        "__class__", "__delattr__", "__dict__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
        "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__",
        "__module__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__",
        "__str__", "__subclasshook__", "__weakref__",
    ]
}
