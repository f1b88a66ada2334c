import Foundation

/// Reads a Markdown lesson: the first `# heading` is the title; ```` ```python ```` cells and ```` ```exercise ````
/// blocks end steps; any other fenced block is prose.
public enum MarkdownLesson {
    /// The lesson in `text`, read from `path`.
    public static func parse(_ text: String, path: String) throws(LessonError) -> Lesson {
        // Swift reads "\r\n" as one Character, so it is turned into "\n" before splitting.
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        var builder = StepBuilder(path: path)
        var title: String?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard let fence = Fence.opening(line) else {
                if title == nil, let heading = levelOneHeading(line) { title = heading }
                builder.prose.append(line)
                index += 1
                continue
            }
            guard let close = lines[(index + 1)...].firstIndex(where: fence.isClosed) else {
                throw .unclosedFence(path: path, line: index + 1)
            }
            let body = lines[(index + 1)..<close].map(fence.content)
            let words = fence.info.split(whereSeparator: { $0 == " " || $0 == "\t" })
            switch words.first {
            case "python":
                let id = try cellID(words.dropFirst(), line: index + 1, path: path)
                let code = CodeBlock(code: body.joined(separator: "\n"), fileName: path, firstLine: index + 2)
                try builder.finish(.code(code), givenID: id, line: index + 1)
            case "exercise":
                guard words.count == 1 else {
                    throw .unknownAttribute(path: path, line: index + 1, attribute: String(words[1]))
                }
                let exercise = try ExerciseParser.parse(body, firstLine: index + 2, fenceLine: index + 1, path: path)
                try builder.finish(.exercise(exercise), givenID: exercise.id, line: index + 1)
            default:
                builder.prose.append(contentsOf: lines[index...close])
            }
            index = close + 1
        }
        guard let title else { throw .missingTitle(path: path) }
        try builder.finishProse(line: lines.count)
        return Lesson(path: path, title: title, steps: builder.steps)
    }

    /// The text of a level-one ATX heading (`# Title`, closing `#`s removed), or nil.
    static func levelOneHeading(_ line: Substring) -> String? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard rest.first == "#" else { return nil }
        let after = rest.dropFirst()
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        var text = after.trimmingCharacters(in: .whitespaces)
        // An optional closing sequence of `#`s, preceded by a space, is not part of the heading.
        let withoutHashes = text.reversed().drop { $0 == "#" }
        if withoutHashes.isEmpty {
            text = ""
        } else if withoutHashes.first == " " {
            text = String(withoutHashes.reversed()).trimmingCharacters(in: .whitespaces)
        }
        return text.isEmpty ? nil : text
    }

    private static func cellID(_ attributes: ArraySlice<Substring>, line: Int, path: String) throws(LessonError)
        -> String? {
        var id: String?
        for attribute in attributes {
            guard attribute.hasPrefix("id="), id == nil else {
                throw .unknownAttribute(path: path, line: line, attribute: String(attribute))
            }
            let value = String(attribute.dropFirst(3))
            guard StepID.isValid(value) else { throw .invalidID(path: path, line: line, id: value) }
            id = value
        }
        return id
    }
}

/// Collects prose and closes steps, keeping step ids unique.
struct StepBuilder {
    let path: String
    var prose: [Substring] = []
    private(set) var steps: [Step] = []
    private var used: Set<String> = []
    private var occurrences: [String: Int] = [:]

    init(path: String) { self.path = path }

    /// Ends a step with `content`: a given id must be unused; a derived one gets `-2`, `-3` ... when the same code
    /// appears again.
    mutating func finish(_ content: Step.Content, givenID: String?, line: Int) throws(LessonError) {
        let id: String
        if let givenID {
            guard !used.contains(givenID) else { throw .duplicateID(path: path, line: line, id: givenID) }
            id = givenID
        } else {
            var code = ""
            if case .code(let block) = content { code = block.code }
            let base = StepID.derived(fromCode: code)
            // Counting on from the last occurrence keeps a lesson that repeats one cell many times linear.
            var candidate = base, occurrence = occurrences[base] ?? 1
            while used.contains(candidate) {
                occurrence += 1
                candidate = "\(base)-\(occurrence)"
            }
            occurrences[base] = occurrence
            id = candidate
        }
        used.insert(id)
        steps.append(Step(id: id, prose: Self.trimmed(prose), content: content))
        prose = []
    }

    /// Ends the lesson: prose after the last cell, unless blank, is a final prose-only step.
    mutating func finishProse(line: Int) throws(LessonError) {
        let text = Self.trimmed(prose)
        guard !text.isEmpty else { return }
        guard !used.contains(StepID.end) else { throw .duplicateID(path: path, line: line, id: StepID.end) }
        used.insert(StepID.end)
        steps.append(Step(id: StepID.end, prose: text, content: .prose))
        prose = []
    }

    /// Lines joined, without leading and trailing blank lines.
    static func trimmed(_ lines: [Substring]) -> String {
        var lines = lines[...]
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
