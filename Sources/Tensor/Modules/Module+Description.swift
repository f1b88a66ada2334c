extension Module: CustomStringConvertible {
    /// The module tree as `print(model)` shows it: the type name, its `extra_repr`, and each child indented under
    /// `(name): `.
    public var description: String {
        let extraLines = extraDescription.isEmpty ? [] : extraDescription.components(separatedBy: "\n")
        let childLines = describedChildren()
        let lines = extraLines + childLines
        var text = (printedTypeName ?? typeName) + "("
        if extraLines.count == 1 && childLines.isEmpty {
            text += extraLines[0]
        } else if !lines.isEmpty {
            text += "\n  " + lines.joined(separator: "\n  ") + "\n"
        }
        return text + ")"
    }

    /// Indents every line after the first by two spaces, as nested module trees are printed.
    static func indented(_ text: String) -> String {
        text.components(separatedBy: "\n").enumerated()
            .map { $0.offset == 0 ? $0.element : "  " + $0.element }
            .joined(separator: "\n")
    }
}
