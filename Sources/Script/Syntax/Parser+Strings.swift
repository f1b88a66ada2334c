/// Joining adjacent string literals and building f-strings, as CPython 3.11's `string_parser.c` does: literal pieces
/// merge, replacement-field expressions are parsed by a separate parser over "(expression)", and the errors and
/// node ranges are CPython's.
extension Parser {
    /// `strings: STRING+`.
    func parseStrings() throws(Failure) -> Expr {
        var strings: [Token] = []
        while try check(.string) {
            strings.append(try advance())
        }
        guard let first = strings.first, let last = strings.last else { throw .noMatch }
        let whole = range(from: first, to: last)
        var state = FStringBuilder()
        var bytesMode: Bool?
        for token in strings {
            let literal = StringLiteral(token.text)
            if let mode = bytesMode, mode != literal.isBytes {
                throw .error(errorAtFurthest("cannot mix bytes and nonbytes literals"))
            }
            bytesMode = literal.isBytes
            if literal.isFormatted {
                var position = literal.body.startIndex
                let context = FStringContext(token: token, literal: literal, whole: whole)
                try concatenateFString(context, position: &position, level: 0, into: &state)
            } else if literal.isBytes {
                if literal.body.contains(where: { $0.value >= 0x80 }) {
                    throw .error(error(at: token, "bytes can only contain ASCII literal characters"))
                }
                if !literal.isRaw, let message = EscapeDecoder.bytesError(literal.body) {
                    throw .error(errorAtFurthest(message))
                }
            } else {
                state.append(try decodeLiteral(literal.body, raw: literal.isRaw))
            }
        }
        if bytesMode == true {
            unsupported("bytes literals are not supported", at: whole)
            return Expr(.constant(.string("")), whole)
        }
        return state.finish(range: whole)
    }

    /// A literal piece's text, its escapes decoded unless raw.
    func decodeLiteral(_ text: ArraySlice<Unicode.Scalar>, raw: Bool) throws(Failure) -> String {
        if raw || !text.contains("\\") {
            return SourceText.string(text)
        }
        switch EscapeDecoder.decode(text) {
        case .success(let decoded):
            return decoded
        case .failure(let failure):
            throw .error(errorAtFurthest(failure.message))
        }
    }

    /// CPython's `_PyPegen_FstringParser_ConcatFstring`: the literal pieces and fields of one f-string body (or of a
    /// format spec, at `level` 1 and up), appended to `state`.
    func concatenateFString(
        _ context: FStringContext, position: inout Int, level: Int, into state: inout FStringBuilder
    ) throws(Failure) {
        state.isFormatted = true
        let body = context.literal.body
        let raw = context.literal.isRaw
        while true {
            let found: (FStringScanner.Literal, next: Int)
            switch FStringScanner.findLiteral(body, from: position, raw: raw, level: level) {
            case .success(let result): found = result
            case .failure(.message(let message)): throw .error(errorAtFurthest(message))
            }
            position = found.next
            let text = found.0.text
            if !text.isEmpty {
                state.append(try decodeLiteral(body[text], raw: raw))
            }
            if found.0.endsWithDoubledBrace { continue }
            if position >= body.endIndex || body[position] == "}" { break }
            let (field, debugText) = try parseField(context, position: &position, level: level)
            if let debugText { state.append(debugText) }
            state.flushLiteral(range: context.whole)
            state.parts.append(.field(field))
        }
        if level == 0 && position < body.endIndex - 1 {
            throw .error(errorAtFurthest("f-string: unexpected end of string"))
        }
        if level != 0 && (position >= body.endIndex || body[position] != "}") {
            throw .error(errorAtFurthest("f-string: expecting '}'"))
        }
    }

    /// CPython's `fstring_find_expr` from a field's `{`: the expression, `=`, `!conversion` and `:spec`, through
    /// the closing `}`. Returns the field and, for `{x=}`, the text to show before the value.
    func parseField(
        _ context: FStringContext, position: inout Int, level: Int
    ) throws(Failure) -> (FormattedValue, String?) {
        if level >= 2 {
            throw .error(errorAtFurthest("f-string: expressions nested too deeply"))
        }
        let body = context.literal.body
        let brace = position
        position += 1
        let expressionStart = position
        switch FStringScanner.findExpressionEnd(body, from: position) {
        case .success(let end): position = end
        case .failure(.message(let message)): throw .error(errorAtFurthest(message))
        }
        let expressionEnd = position
        let value = try compileField(context, brace: brace, range: expressionStart..<expressionEnd)
        var debugText: String?
        if body[position] == "=" {
            position += 1
            while position < body.endIndex, [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"].contains(body[position]) {
                position += 1
            }
            if position >= body.endIndex {
                throw .error(errorAtFurthest("f-string: expecting '}'"))
            }
            debugText = SourceText.string(body[expressionStart..<position])
        }
        var conversion: FormattedValue.Conversion?
        if position < body.endIndex, body[position] == "!" {
            position += 1
            if position >= body.endIndex {
                throw .error(errorAtFurthest("f-string: expecting '}'"))
            }
            let character = Character(body[position])
            position += 1
            guard let valid = FormattedValue.Conversion(rawValue: character) else {
                throw .error(errorAtFurthest("f-string: invalid conversion character: expected 's', 'r', or 'a'"))
            }
            conversion = valid
        }
        var spec: Expr?
        if position < body.endIndex, body[position] == ":" {
            position += 1
            if position >= body.endIndex {
                throw .error(errorAtFurthest("f-string: expecting '}'"))
            }
            var specState = FStringBuilder()
            try concatenateFString(context, position: &position, level: level + 1, into: &specState)
            spec = specState.finish(range: context.token.range)
        }
        guard position < body.endIndex, body[position] == "}" else {
            throw .error(errorAtFurthest("f-string: expecting '}'"))
        }
        position += 1
        if debugText != nil && spec == nil && conversion == nil {
            conversion = .repr
        }
        return (FormattedValue(value: value, conversion: conversion, formatSpec: spec, range: context.whole), debugText)
    }

    /// CPython's `fstring_compile_expr`: parses a field's expression as "(expression)" with its own parser, then
    /// places the result where CPython does in the real source.
    func compileField(_ context: FStringContext, brace: Int, range expression: Range<Int>) throws(Failure) -> Expr {
        let body = context.literal.body
        let terminator = body[expression.upperBound]
        if body[expression].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{0C}" }) {
            if terminator == "!" || terminator == ":" || terminator == "=" {
                throw .error(errorAtFurthest("f-string: expression required before '\(terminator)'"))
            }
            throw .error(errorAtFurthest("f-string: empty expression not allowed"))
        }
        // Where CPython places the expression: lines before the brace, and the brace's column on the token's
        // first line (or on its own line when nothing but spaces follow it before a newline).
        let token = context.token
        let tokenText = context.tokenScalars
        let lines = context.newlines(before: Swift.min(brace, tokenText.count))
        var columns = 0
        var newlineAfterBrace = true
        var scan = brace + 1
        while scan < tokenText.count, tokenText[scan] != "}", tokenText[scan] != "\n" {
            if tokenText[scan] != " " && tokenText[scan] != "\t" && tokenText[scan] != "\u{0C}" {
                newlineAfterBrace = false
                break
            }
            scan += 1
        }
        if !newlineAfterBrace {
            // The brace's column: after the last newline before it, else from the token's start.
            if let newline = context.lastNewline(atOrBefore: brace), newline > 0 {
                columns += brace - newline - 1
            } else {
                columns += brace
                if tokenText.first == "\n" { columns -= 1 }
            }
        }
        let text = "(" + SourceText.string(body[expression]) + ")"
        let subSource = SourceText(text, filename: source.filename)
        let startLine = token.range.start.line + lines
        let field = FieldContext(
            startColumn: lines > 0 ? columns : token.range.start.column + columns, startLine: startLine, source: subSource,
            braceOffset: token.range.start.offset + brace)
        let subParser = Parser(
            source: subSource, lexer: Lexer(subSource, firstLine: startLine), fieldContext: field)
        subParser.depth = depth
        subParser.scopes = scopes
        let parsed: Expr
        switch Result(catching: { () throws(SyntaxError) -> Expr in
            try subParser.run { () throws(Failure) -> Expr in try subParser.parseStarExpressions() }
        }) {
        case .success(let expression): parsed = expression
        case .failure(let error): throw .error(error)
        }
        if parsed.nests(deeperThan: nestingLimit) { throw .error(recursionError()) }
        for problem in subParser.unsupported {
            unsupported.append((problem.message, field.map(problem.range)))
        }
        for problem in subParser.compileErrors {
            compileErrors.append((problem.message, field.map(problem.range)))
        }
        return field.place(parsed)
    }
}

/// Where an f-string token sits: the token, its parts, and the range of the whole run of adjacent literals.
struct FStringContext {
    var token: Token
    var literal: StringLiteral
    var whole: SourceRange
    /// The token's text, and where its newlines are, computed once: each replacement field needs its line and
    /// column, and recomputing them per field made a string of many fields quadratic to parse.
    let tokenScalars: [Unicode.Scalar]
    private let newlineOffsets: [Int]

    init(token: Token, literal: StringLiteral, whole: SourceRange) {
        self.token = token
        self.literal = literal
        self.whole = whole
        let scalars = Array(token.text.unicodeScalars)
        tokenScalars = scalars
        newlineOffsets = scalars.indices.filter { scalars[$0] == "\n" }
    }

    /// How many newlines the token has before offset `end`.
    func newlines(before end: Int) -> Int {
        var low = 0, high = newlineOffsets.count
        while low < high {
            let middle = (low + high) / 2
            if newlineOffsets[middle] < end { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The offset of the token's last newline at or before `offset`, if any.
    func lastNewline(atOrBefore offset: Int) -> Int? {
        let count = newlines(before: offset + 1)
        return count > 0 ? newlineOffsets[count - 1] : nil
    }
}

/// CPython's `FstringParser`: literal text accumulates until a field needs it flushed.
struct FStringBuilder {
    var pending: String?
    var parts: [FStringPart] = []
    var isFormatted = false

    /// Adds literal text (empty text is dropped, as in CPython).
    mutating func append(_ text: String) {
        guard !text.isEmpty else { return }
        pending = (pending ?? "") + text
    }

    /// Turns pending literal text into a part.
    mutating func flushLiteral(range: SourceRange) {
        if let text = pending {
            parts.append(.literal(text, range: range))
            pending = nil
        }
    }

    /// A string constant, or an f-string of the parts.
    mutating func finish(range: SourceRange) -> Expr {
        guard isFormatted else {
            return Expr(.constant(.string(pending ?? "")), range)
        }
        flushLiteral(range: range)
        return Expr(.formattedString(parts), range)
    }
}
