import Foundation

/// A `.py` file split into notebook cells by `# %%` lines, as Jupytext and VS Code split them.
public struct CodeCell: Equatable, Sendable {
    /// What kind of cell the marker declares.
    public enum Kind: Equatable, Sendable {
        /// Python to run.
        case code
        /// `# %% [markdown]`: prose in comments, not run.
        case markdown
    }

    /// Code or markdown.
    public let kind: Kind
    /// The title after the marker (`# %% Training` gives `Training`), empty when none.
    public let title: String
    /// The 1-based line of the cell's first line of content in the file.
    public let firstLine: Int
    /// The cell's lines, without its marker.
    public let text: String

    /// Whether the cell's output is suppressed, as a trailing `;` does in Jupyter.
    public var suppressesEcho: Bool {
        let last = text.split(separator: "\n").last { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        return last?.trimmingCharacters(in: .whitespaces).hasSuffix(";") ?? false
    }

    /// The cells of `source`, or nil when it has no `# %%` marker (it is then an ordinary script). Text before the
    /// first marker is a cell of its own unless blank; cells with nothing but blank lines and comments are dropped.
    public static func split(_ source: String) -> [CodeCell]? {
        // Most scripts have no marker at all: one search of the bytes settles it before any line is cut.
        guard containsMarkerText(source) else { return nil }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.contains(where: isMarker) else { return nil }
        var cells: [CodeCell] = []
        var kind = Kind.code, title = "", firstLine = 1
        var body: [Substring] = []
        func finish() {
            let hasContent = body.contains { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return !trimmed.isEmpty && (kind == .markdown || !trimmed.hasPrefix("#"))
            }
            if hasContent {
                cells.append(CodeCell(kind: kind, title: title, firstLine: firstLine,
                                      text: body.joined(separator: "\n")))
            }
            body = []
        }
        for (index, line) in lines.enumerated() {
            guard isMarker(line) else {
                body.append(line)
                continue
            }
            finish()
            var rest = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
            kind = .code
            if rest.hasPrefix("[markdown]") || rest.hasPrefix("[md]") {
                kind = .markdown
                rest = String(rest.drop { $0 != "]" }.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            title = rest
            firstLine = index + 2
        }
        finish()
        return cells
    }

    /// Whether `# %%` occurs anywhere in `source` (C's strstr over each NUL-free stretch of its UTF-8).
    private static func containsMarkerText(_ source: String) -> Bool {
        let count = source.utf8.count
        return source.withCString { base in
            var offset = 0
            while offset < count {
                if strstr(base + offset, "# %%") != nil { return true }
                offset += strlen(base + offset) + 1
            }
            return false
        }
    }

    // A marker is `# %%` at the start of a line, alone or followed by a space (`# %%%` is not one).
    private static func isMarker(_ line: Substring) -> Bool {
        guard line.hasPrefix("# %%") else { return false }
        let after = line.dropFirst(4)
        return after.isEmpty || after.first == " " || after.first == "\t"
    }
}
