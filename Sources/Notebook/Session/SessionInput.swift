import Foundation
import Script

/// What a line typed at a session prompt asks for: Python code, an IPython-style line magic, or an object query.
public enum SessionInput: Equatable, Sendable {
    /// Python statements.
    case code(String)
    /// `%name argument`: the magic's name (without `%`) and the rest of the line, trimmed.
    case magic(name: String, argument: String)
    /// `expr?` or `?expr`: the expression to describe.
    case help(expression: String)

    /// Classifies `text` as IPython does: a single line starting with `%` is a magic; a single line ending or
    /// starting with `?` (and more than `?` alone) is a query; anything else is code.
    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.contains("\n") else {
            self = .code(text)
            return
        }
        if trimmed.hasPrefix("%") {
            let body = trimmed.dropFirst()
            let name = body.prefix { !$0.isWhitespace }
            let argument = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
            self = .magic(name: String(name), argument: argument)
            return
        }
        if trimmed.count > 1, !trimmed.hasPrefix("#"), trimmed.hasSuffix("?") || trimmed.hasPrefix("?") {
            var expression = Substring(trimmed)
            while expression.hasPrefix("?") { expression = expression.dropFirst() }
            while expression.hasSuffix("?") { expression = expression.dropLast() }
            let name = expression.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty {
                self = .help(expression: name)
                return
            }
        }
        self = .code(text)
    }

    /// The journal's kind for this input.
    public var cellKind: SessionCell.Kind {
        switch self {
        case .code: return .code
        case .magic: return .magic
        case .help: return .help
        }
    }
}

/// Whether the lines typed so far at a prompt make a whole input.
public enum PromptReadiness: Equatable, Sendable {
    /// A block is open: read another line (with the `... ` prompt).
    case incomplete
    /// Only blank lines: nothing to run.
    case blank
    /// A whole input, to run.
    case ready(String)

    /// The readiness of `pending` (lines each ending in a newline), as Python's prompt decides it: a compound
    /// statement waits for a blank line; a single `%magic` or `x?` line is whole at once.
    public init(_ pending: String) {
        if pending.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            self = .blank
        } else if !pending.dropLast().contains("\n"), SessionInput(pending) != .code(pending) {
            self = .ready(pending)
        } else {
            self = Parser.needsMoreInput(pending) ? .incomplete : .ready(pending)
        }
    }
}

/// Lines read at a prompt one at a time, each answered with the readiness of the lines so far as
/// `PromptReadiness(pending)` gives it, in time proportional to their length (checking the whole block after each
/// line made a long function piped or pasted into the REPL take time in proportion to its length squared).
public struct PromptLines: Sendable {
    private var input = InteractiveInput()
    private var sawText = false

    /// No lines yet.
    public init() {}

    /// The lines so far, each ending in a newline.
    public var pending: String { input.text }

    /// Adds `line` (without its newline) and gives the readiness of the lines so far; after `.blank` the lines
    /// start afresh.
    public mutating func add(_ line: String) -> PromptReadiness {
        let needsMore = input.needsMore(after: line + "\n")
        if !sawText { sawText = !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard sawText else {
            self = PromptLines()
            return .blank
        }
        let pending = input.text
        if input.lineCount == 1, SessionInput(pending) != .code(pending) { return .ready(pending) }
        return needsMore ? .incomplete : .ready(pending)
    }
}
