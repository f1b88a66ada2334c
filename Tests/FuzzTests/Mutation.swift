/// One change the fuzzer makes to a seed text, and what it did (for the report of a failing input).
enum Mutation: CaseIterable {
    case deleteToken
    case insertToken
    case insertUnicode
    case truncate
    case swapLines
    case duplicateLines
    case deleteLine
    case reindentLine
    case extremeNumber
    case deepNesting
    case longLine
    case spliceLine

    /// Applies the mutation to `lines` (the text split at newlines), drawing from `random` and taking foreign
    /// material from `donor`; gives a one-line description of what changed.
    func apply(to lines: inout [String], donor: [String], using random: inout FuzzRandom) -> String {
        if lines.isEmpty { lines = [""] }
        let row = random.below(lines.count)
        switch self {
        case .deleteToken:
            var tokens = FuzzTokens.split(lines[row])
            let candidates = tokens.indices.filter { !tokens[$0].allSatisfy(\.isWhitespace) }
            guard let victim = random.pick(candidates) else { return "deleteToken: none on line \(row + 1)" }
            let removed = tokens.remove(at: victim)
            lines[row] = tokens.joined()
            return "deleteToken \(quoted(removed)) on line \(row + 1)"
        case .insertToken:
            var tokens = FuzzTokens.split(lines[row])
            let token = random.chance(1, in: 3)
                ? (random.pick(FuzzTokens.split(donor.joined(separator: " ")).filter { !$0.allSatisfy(\.isWhitespace) })
                    ?? "x")
                : (random.pick(FuzzTokens.vocabulary) ?? "x")
            tokens.insert(token, at: random.below(tokens.count + 1))
            lines[row] = tokens.joined()
            return "insertToken \(quoted(token)) on line \(row + 1)"
        case .insertUnicode:
            var scalars = Array(lines[row].unicodeScalars)
            let inserted = random.pick(FuzzTokens.unicode) ?? "\u{0}"
            let column = random.below(scalars.count + 1)
            scalars.insert(contentsOf: inserted.unicodeScalars, at: column)
            lines[row] = String(String.UnicodeScalarView(scalars))
            let codes = inserted.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
            return "insertUnicode \(codes.joined(separator: " ")) at line \(row + 1) column \(column + 1)"
        case .truncate:
            var scalars = Array(lines[row].unicodeScalars)
            let column = random.below(scalars.count + 1)
            scalars.removeSubrange(column...)
            lines[row] = String(String.UnicodeScalarView(scalars))
            lines.removeSubrange((row + 1)...)
            return "truncate at line \(row + 1) column \(column + 1)"
        case .swapLines:
            let other = random.below(lines.count)
            lines.swapAt(row, other)
            return "swapLines \(row + 1) and \(other + 1)"
        case .duplicateLines:
            let count = min(1 + random.below(4), lines.count - row)
            let times = random.chance(1, in: 8) ? 50 + random.below(500) : 1
            let block = Array(lines[row..<(row + count)])
            lines.insert(contentsOf: Array(repeating: block, count: times).joined(), at: row)
            return "duplicateLines \(row + 1)-\(row + count) x\(times)"
        case .deleteLine:
            lines.remove(at: row)
            return "deleteLine \(row + 1)"
        case .reindentLine:
            let stripped = String(lines[row].drop { $0 == " " || $0 == "\t" })
            let indent = random.pick(["", " ", "\t", "    ", "        ", "  \t", String(repeating: " ", count: 200)]) ?? ""
            lines[row] = indent + stripped
            return "reindentLine \(row + 1) to \(indent.count) blanks"
        case .extremeNumber:
            var tokens = FuzzTokens.split(lines[row])
            let numbers = tokens.indices.filter { tokens[$0].first?.isNumber == true }
            let number = random.pick(FuzzTokens.extremeNumbers) ?? "10**400"
            if let slot = random.pick(numbers) {
                tokens[slot] = number
            } else {
                tokens.insert(number, at: random.below(tokens.count + 1))
            }
            lines[row] = tokens.joined()
            return "extremeNumber \(number) on line \(row + 1)"
        case .deepNesting:
            let depth = random.pick([30, 100, 300, 1_000, 3_000, 30_000]) ?? 100
            let shape = random.pick(FuzzTokens.nestings) ?? ("(", "1", ")")
            let closed = random.chance(3, in: 4)
            let text = String(repeating: shape.open, count: depth) + shape.middle
                + (closed ? String(repeating: shape.close, count: depth) : "")
            lines.insert("x = " + text, at: row)
            return "deepNesting \(quoted(shape.open)) x\(depth)\(closed ? "" : " unclosed") at line \(row + 1)"
        case .longLine:
            let length = random.pick([1_000, 20_000, 200_000]) ?? 1_000
            let piece = random.pick(FuzzTokens.longPieces) ?? ("x = 1", " + 1", "")
            let count = max(1, length / max(1, piece.repeated.count))
            lines.insert(piece.head + String(repeating: piece.repeated, count: count) + piece.tail, at: row)
            return "longLine \(quoted(piece.head + piece.repeated + "...")) of \(length) characters at line \(row + 1)"
        case .spliceLine:
            guard let line = random.pick(donor) else { return "spliceLine: empty donor" }
            lines.insert(line, at: row)
            return "spliceLine \(quoted(line)) at line \(row + 1)"
        }
    }

    private func quoted(_ text: String) -> String {
        let short = text.count > 40 ? String(text.prefix(40)) + "..." : text
        return "'" + short.unicodeScalars.map { $0.isASCII && $0.value >= 32 ? String($0) : "\\u{\(String($0.value, radix: 16))}" }
            .joined() + "'"
    }
}

/// A mutated input: its bytes, and the seed file and mutations it came from.
struct MutatedInput {
    /// The campaign seed and this input's number in it, which rebuild it exactly.
    let seed: UInt64
    let index: Int
    /// The seed file it was made from.
    let origin: String
    /// What was done, in order.
    let mutations: [String]
    /// The text to run.
    let text: String

    /// "seed S input I: origin: m1; m2", as a failure names it.
    var label: String {
        "seed \(seed) input \(index) from \(origin): " + mutations.joined(separator: "; ")
    }

    /// Makes input `index` of the campaign `seed` from `base`, taking foreign lines from `donor`.
    static func make(seed: UInt64, index: Int, origin: String, base: String, donor: String) -> MutatedInput {
        var random = FuzzRandom(seed: seed, index: index)
        var lines = base.components(separatedBy: "\n")
        let donorLines = donor.components(separatedBy: "\n")
        let count = random.chance(1, in: 10) ? 4 + random.below(6) : 1 + random.below(3)
        var applied: [String] = []
        for _ in 0..<count {
            let mutation = random.pick(Mutation.allCases) ?? .deleteToken
            applied.append(mutation.apply(to: &lines, donor: donorLines, using: &random))
        }
        return MutatedInput(seed: seed, index: index, origin: origin, mutations: applied,
                            text: lines.joined(separator: "\n"))
    }
}
