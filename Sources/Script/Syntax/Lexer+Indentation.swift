extension Lexer {
    /// Measures the indentation at the start of a line (CPython's `atbol` block): queues INDENT/DEDENT tokens, marks
    /// blank and comment-only lines, and fails on inconsistent tabs and spaces or a dedent to an unknown column.
    /// Returns a token kind only when it stopped with an error.
    mutating func measureIndentation(_ blankLine: inout Bool) -> Token.Kind? {
        atBeginningOfLine = false
        let resumed = resumedIndentation
        resumedIndentation = nil
        if resumed == nil {
            if pos == lineEnd, lineEnd >= scalars.count { resumptionAtEnd = resumption(atLineStart: true) }
            if notesResumables { lastResumable = (resumption(atLineStart: true), pos, tokens.count) }
        }
        var col = resumed?.column ?? 0
        var altCol = resumed?.altColumn ?? 0
        // A backslash in the indentation joins the next line, but the first one fixes the indentation.
        var continuationCol = resumed?.continuationColumn ?? 0
        var c: Unicode.Scalar?
        while true {
            c = next()
            if c == " " {
                col += 1
                altCol += 1
            } else if c == "\t" {
                col = (col / Self.tabSize + 1) * Self.tabSize
                altCol += 1
            } else if c == "\u{0C}" {
                col = 0
                altCol = 0
            } else if c == "\\" {
                continuationCol = continuationCol != 0 ? continuationCol : col
                if let failed = continuationLine() {
                    if failure == .endOfFileInContinuation {
                        let measured = PartialIndentation(
                            column: col, altColumn: altCol, continuationColumn: continuationCol)
                        resumptionAtEnd = resumption(atLineStart: true, indentation: measured)
                    }
                    return failed
                }
            } else {
                break
            }
        }
        backup(c)
        if c == "#" || c == "\n" {
            // Lines holding only whitespace and comments affect neither indentation nor the parser.
            blankLine = true
        }
        guard !blankLine, brackets.isEmpty else { return nil }
        if continuationCol != 0 {
            col = continuationCol
            altCol = continuationCol
        }
        let current = indents[indents.count - 1]
        let currentAlt = altIndents[altIndents.count - 1]
        if col == current {
            if altCol != currentAlt { return fail(.tabsAndSpaces) }
        } else if col > current {
            if indents.count >= Self.maxIndent {
                pos = lineEnd
                return fail(.tooDeep)
            }
            if altCol <= currentAlt { return fail(.tabsAndSpaces) }
            pendingIndents += 1
            indents.append(col)
            altIndents.append(altCol)
        } else {
            while indents.count > 1, col < indents[indents.count - 1] {
                pendingIndents -= 1
                indents.removeLast()
                altIndents.removeLast()
            }
            if col != indents[indents.count - 1] {
                pos = lineEnd
                return fail(.inconsistentDedent)
            }
            if altCol != altIndents[altIndents.count - 1] { return fail(.tabsAndSpaces) }
        }
        return nil
    }
}
