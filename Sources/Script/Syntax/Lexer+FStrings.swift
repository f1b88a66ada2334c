/// Scanning inside an f-string's body, as CPython 3.11 does after tokenizing the whole f-string as one STRING
/// token: finding where literal text ends and where a replacement field's expression ends. Failures are the
/// messages CPython raises (at the token after the string, which the parser supplies).
enum FStringScanner {
    /// Where a literal piece ends.
    struct Literal {
        /// The literal characters (with one brace of a doubled `{{`/`}}` kept).
        var text: Range<Int>
        /// True when a doubled brace ended the literal: scanning resumes after it and no expression follows.
        var endsWithDoubledBrace: Bool
    }

    /// CPython's `fstring_find_literal`: literal text up to an undoubled `{` (or a `}` closing a nested spec, or
    /// the end). `\N{...}` braces are not fields; `{{` and `}}` stand for single braces at the top level.
    static func findLiteral(
        _ body: ArraySlice<Unicode.Scalar>, from start: Int, raw: Bool, level: Int
    ) -> Result<(Literal, next: Int), FStringFailure> {
        var position = start
        let end = body.endIndex
        while position < end {
            var ch = body[position]
            position += 1
            if !raw && ch == "\\" && position < end {
                ch = body[position]
                position += 1
                if ch == "N" {
                    if position < end {
                        let open = body[position]
                        position += 1
                        if open == "{" {
                            while position < end {
                                let closing = body[position]
                                position += 1
                                if closing == "}" { break }
                            }
                        }
                    }
                    continue
                }
            }
            if ch == "{" || ch == "}" {
                if level == 0 {
                    if position < end && body[position] == ch {
                        return .success((Literal(text: start..<position, endsWithDoubledBrace: true), position + 1))
                    }
                    if ch == "}" {
                        return .failure(.message("f-string: single '}' is not allowed"))
                    }
                }
                position -= 1
                break
            }
        }
        return .success((Literal(text: start..<position, endsWithDoubledBrace: false), position))
    }

    /// CPython's expression scan in `fstring_find_expr`: from just after a field's `{`, the end of its expression
    /// (at `!`, `:`, `=` or `}` outside brackets and strings). Backslashes and `#` are not allowed in it.
    static func findExpressionEnd(_ body: ArraySlice<Unicode.Scalar>, from start: Int) -> Result<Int, FStringFailure> {
        var position = start
        let end = body.endIndex
        var quote: Unicode.Scalar?
        var tripleQuoted = false
        var brackets: [Unicode.Scalar] = []
        while position < end {
            let ch = body[position]
            if ch == "\\" {
                return .failure(.message("f-string expression part cannot include a backslash"))
            }
            if let open = quote {
                if ch == open {
                    if tripleQuoted {
                        if position + 2 < end && body[position + 1] == ch && body[position + 2] == ch {
                            position += 3
                            quote = nil
                            tripleQuoted = false
                            continue
                        }
                    } else {
                        quote = nil
                    }
                }
                position += 1
                continue
            }
            if ch == "'" || ch == "\"" {
                if position + 2 < end && body[position + 1] == ch && body[position + 2] == ch {
                    tripleQuoted = true
                    position += 2
                } else {
                    tripleQuoted = false
                }
                quote = ch
            } else if ch == "[" || ch == "{" || ch == "(" {
                if brackets.count >= Lexer.maxLevel {
                    return .failure(.message("f-string: too many nested parenthesis"))
                }
                brackets.append(ch)
            } else if ch == "#" {
                return .failure(.message("f-string expression part cannot include '#'"))
            } else if brackets.isEmpty && (ch == "!" || ch == ":" || ch == "}" || ch == "=" || ch == ">" || ch == "<") {
                if position + 1 < end {
                    let next = body[position + 1]
                    if (ch == "!" || ch == "=" || ch == "<" || ch == ">") && next == "=" {
                        position += 2
                        continue
                    }
                }
                if ch == ">" || ch == "<" {
                    position += 1
                    continue
                }
                break
            } else if ch == "]" || ch == "}" || ch == ")" {
                guard let opening = brackets.popLast() else {
                    return .failure(.message("f-string: unmatched '\(ch)'"))
                }
                let matches = (opening == "(" && ch == ")") || (opening == "[" && ch == "]")
                    || (opening == "{" && ch == "}")
                if !matches {
                    return .failure(.message(
                        "f-string: closing parenthesis '\(ch)' does not match opening parenthesis '\(opening)'"))
                }
            }
            position += 1
        }
        if quote != nil {
            return .failure(.message("f-string: unterminated string"))
        }
        if let open = brackets.last {
            return .failure(.message("f-string: unmatched '\(open)'"))
        }
        if position >= end {
            return .failure(.message("f-string: expecting '}'"))
        }
        return .success(position)
    }
}

/// Why scanning an f-string failed: a message CPython raises at the token after the string.
enum FStringFailure: Error, Equatable {
    case message(String)
}
