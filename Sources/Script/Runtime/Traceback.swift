/// Renders an uncaught exception exactly as CPython 3.11 prints it: the chain of causes and contexts, each
/// traceback's frames with their source line, and carets (`~~^~~`) under the failing expression.
extension Interpreter {
    /// The text CPython writes to stderr for this exception.
    public func traceback(_ exception: Instance) -> String {
        var seen: [ObjectIdentifier] = []
        return traceback(exception, seen: &seen)
    }

    private func traceback(_ exception: Instance, seen: inout [ObjectIdentifier]) -> String {
        seen.append(ObjectIdentifier(exception))
        var text = ""
        if case .instance(let cause) = exception.cause, !seen.contains(ObjectIdentifier(cause)) {
            text += traceback(cause, seen: &seen)
            text += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if !exception.suppressContext, case .instance(let context) = exception.context,
                  !seen.contains(ObjectIdentifier(context)) {
            text += traceback(context, seen: &seen)
            text += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        if !exception.traceback.isEmpty {
            text += "Traceback (most recent call last):\n"
            for frame in exception.traceback { text += Self.render(frame) }
        }
        return text + exceptionLine(exception) + "\n"
    }

    /// `Type: message`, or `Type` when the message is empty.
    public func exceptionLine(_ exception: Instance) -> String {
        var message = (try? str(.instance(exception))) ?? "<exception str() failed>"
        if let candidates = exception.suggestionCandidates, case .str(let name)? = exception.attributes["name"],
           let suggestion = Suggestions.suggest(name, among: candidates) {
            message += ". Did you mean: '\(suggestion)'?"
        }
        return message.isEmpty ? exception.cls.name : "\(exception.cls.name): \(message)"
    }

    static func render(_ frame: TracebackFrame) -> String {
        var text = "  File \"\(frame.fileName)\", line \(frame.range.start.line), in \(frame.functionName)\n"
        let line = frame.source.line(frame.range.start.line)
        let strippedLine = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
        let trimmed = String(strippedLine.reversed().drop { $0.isWhitespace }.reversed())
        guard !trimmed.isEmpty else { return text }
        text += "    \(trimmed)\n"
        let indent = line.unicodeScalars.count - strippedLine.unicodeScalars.count
        let start = frame.range.start.column
        var end = frame.range.end.column
        var anchors: (left: Int, right: Int)?
        if frame.range.start.line == frame.range.end.line {
            anchors = caretAnchors(frame.source.text(frame.range))
        } else {
            end = indent + trimmed.unicodeScalars.count
        }
        let width = end - start
        guard width > 0, start >= indent else { return text }
        if width < trimmed.unicodeScalars.count || (anchors.map { $0.right - $0.left > 0 } ?? false) {
            text += "    " + String(repeating: " ", count: start - indent)
            if let anchors {
                text += String(repeating: "~", count: max(0, anchors.left))
                text += String(repeating: "^", count: max(0, anchors.right - anchors.left))
                text += String(repeating: "~", count: max(0, width - anchors.right))
            } else {
                text += String(repeating: "^", count: width)
            }
            text += "\n"
        }
        return text
    }

    /// Where the `^` part sits inside a failing binary operation (its operator) or subscript (the brackets).
    private static func caretAnchors(_ segment: String) -> (left: Int, right: Int)? {
        guard let expression = try? Parser.parseExpression(segment) else { return nil }
        let scalars = Array(segment.unicodeScalars)
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\n" }
        switch expression.kind {
        case .binary(let left, _, let right):
            let operatorStart = left.range.end.offset, operatorEnd = right.range.start.offset
            guard operatorStart <= operatorEnd, operatorEnd <= scalars.count else { return nil }
            let operatorText = scalars[operatorStart..<operatorEnd]
            let offset = operatorText.prefix { isSpace($0) }.count
            var leftAnchor = operatorStart + offset
            var rightAnchor = leftAnchor + 1
            if offset + 1 < operatorText.count, !isSpace(operatorText[operatorStart + offset + 1]) {
                rightAnchor += 1
            }
            while leftAnchor < scalars.count, isSpace(scalars[leftAnchor]) || scalars[leftAnchor] == ")"
                    || scalars[leftAnchor] == "#" {
                leftAnchor += 1
                rightAnchor += 1
            }
            return (leftAnchor, rightAnchor)
        case .subscript(let value, let index):
            var leftAnchor = value.range.end.offset
            var rightAnchor = index.range.end.offset + 1
            while leftAnchor < scalars.count, scalars[leftAnchor] != "[" { leftAnchor += 1 }
            while rightAnchor < scalars.count, scalars[rightAnchor] != "]" { rightAnchor += 1 }
            if rightAnchor < scalars.count { rightAnchor += 1 }
            return (leftAnchor, rightAnchor)
        default:
            return nil
        }
    }
}
