import Foundation
import Tensor

/// Parses Python source into an AST: statements by recursive descent, expressions by precedence climbing (Pratt).
///
/// Syntax errors match CPython 3.11's: like CPython's PEG parser, a failed first pass is followed by a second pass
/// in which the checks behind CPython's specialised messages (its `invalid_*` rules) are switched on; if none
/// fires, the error is "invalid syntax" at the furthest token the first pass read. Tokenizer errors take priority
/// the way they do in CPython (see `finish(_:)`).
public final class Parser {
    /// How a parse step failed: with a definite error, or by not matching (CPython's rule returning NULL).
    enum Failure: Error {
        case error(SyntaxError)
        case noMatch
    }

    let source: SourceText
    let tokens: [Token]
    let lexerFailure: Lexer.Failure?
    let failureBrackets: [(scalar: Unicode.Scalar, line: Int, column: Int)]

    /// The next token to consume (CPython's `mark`).
    var index = 0
    /// The furthest token read so far (CPython's `fill - 1`).
    var furthest = 0
    /// Whether the second pass's specialised error checks run.
    var diagnose = false
    /// The current nesting depth of recursive parse steps.
    var depth = 0
    /// Features Attend parses but does not run (bytes, complex numbers, async ...), reported only if the program
    /// is otherwise valid.
    var unsupported: [(message: String, range: SourceRange)] = []
    /// Compiler errors found while parsing: `await` and `async` outside an `async def`.
    var compileErrors: [(message: String, range: SourceRange)] = []
    /// The kinds of the enclosing definitions, innermost last, for judging `await` and `async`.
    var scopes: [ScopeKind] = [.module]
    /// Set when a comprehension clause was `async for`, until the comprehension is built.
    var sawAsyncComprehension = false

    enum ScopeKind { case module, function, asyncFunction, classBody }

    /// Results of the rules CPython memoises (`factor`, `disjunction`, `expression`) by rule, position and whether
    /// the second pass's checks were on: the expression and where it ended, or nil for no match. This keeps
    /// re-parsing (after an operator without a right operand, or in the second pass's checks) linear.
    var memo: [MemoKey: (Expr, Int)?] = [:]

    struct MemoKey: Hashable {
        enum Rule { case factor, disjunction, expression }
        var rule: Rule
        var index: Int
        var diagnose: Bool
    }

    /// Runs `parse` for `rule` at the current position once, replaying its result afterwards.
    func memoised(_ rule: MemoKey.Rule, _ parse: () throws(Failure) -> Expr) throws(Failure) -> Expr {
        let key = MemoKey(rule: rule, index: index, diagnose: diagnose)
        if let known = memo[key] {
            guard let (expression, end) = known else { throw .noMatch }
            index = end
            return expression
        }
        do throws(Failure) {
            let expression = try parse()
            memo[key] = .some((expression, index))
            return expression
        } catch {
            if case .noMatch = error { memo[key] = .some(nil) }
            throw error
        }
    }

    /// Whether the parser read the tokenizer's error token (so the error came from the tokenizer).
    var readTokenizerError = false
    /// Set when parsing the expression of an f-string replacement field: errors are reported as CPython reports
    /// them from its f-string sub-parser.
    var fieldContext: FieldContext?

    /// Recursion deeper than this while parsing is refused (CPython's parser has a similar limit, past 200
    /// brackets the tokenizer refuses first).
    static let maxDepth = 1000
    /// Trees nested deeper than this are refused as CPython refuses those past about 3000 levels: with
    /// `RecursionError: maximum recursion depth exceeded during compilation`. The lower limit keeps everything
    /// that walks the tree recursively (the checks here, the interpreter) within a modest stack.
    static let maxNesting = 1000
    /// The nesting refused on this parser's thread: `maxNesting`, or less where the stack is too small for the
    /// walks over a tree that deep (a debug build on a stack the system granted at a fraction of the size asked).
    let nestingLimit = StackRoom.levels(upTo: maxNesting)

    func recursionError() -> SyntaxError {
        SyntaxError(
            kind: .recursionError, message: "maximum recursion depth exceeded during compilation",
            filename: source.filename, line: 0, offset: 0, text: "")
    }

    init(source: SourceText, lexer: Lexer, fieldContext: FieldContext? = nil) {
        self.source = source
        self.tokens = lexer.tokens
        self.lexerFailure = lexer.failure
        self.failureBrackets = lexer.failureBrackets
        self.fieldContext = fieldContext
    }

    // MARK: Entry points

    /// Parses a whole program (CPython's `exec` mode), then runs the checks CPython's compiler makes (`'return'
    /// outside function`, `nonlocal` declarations ...).
    public static func parseModule(_ text: String, filename: String = "<string>", firstLine: Int = 1)
        throws(SyntaxError) -> Program {
        try parseModule(SourceText(text, filename: filename, firstLine: firstLine))
    }

    /// Parses a whole program from prepared source text.
    public static func parseModule(_ source: SourceText) throws(SyntaxError) -> Program {
        try onLargeStack { () throws(SyntaxError) -> Program in
            let (parser, body) = try parseTreeHere(source)
            try SyntaxChecker.check(body, source: source, compileErrors: parser.compileErrors)
            try parser.reportUnsupported()
            return Program(body: body, source: source)
        }
    }

    /// Parses a program without CPython's compile-stage checks or Attend's unsupported-feature errors (like
    /// `ast.parse`), refusing only trees nested too deeply to process.
    static func parseTree(_ source: SourceText) throws(SyntaxError) -> [Stmt] {
        try onLargeStack { () throws(SyntaxError) -> [Stmt] in try parseTreeHere(source).1 }
    }

    static func parseTreeHere(_ source: SourceText) throws(SyntaxError) -> (Parser, [Stmt]) {
        try checkLength(source)
        let parser = Parser(source: source, lexer: Lexer(source))
        let body = try parser.run { () throws(Failure) -> [Stmt] in try parser.parseFile() }
        if body.contains(where: { $0.nests(deeperThan: parser.nestingLimit) }) {
            throw parser.recursionError()
        }
        return (parser, body)
    }

    /// The longest source the parser takes, in characters: 2 Mi, or less under an address-space limit. A source
    /// is held whole as tokens and then as a tree (a list display of small numbers takes about 400 bytes a
    /// character at its peak), and running out of memory is a crash Swift cannot catch.
    static var longestSource: Int {
        let limit = AddressSpace.limit.map { $0 / 1024 } ?? Int.max
        return Swift.min(2 << 20, limit)
    }

    /// Refuses a source longer than `longestSource` with MemoryError, as CPython does when it runs out of memory.
    static func checkLength(_ source: SourceText) throws(SyntaxError) {
        let count = source.scalars.count
        guard count > longestSource else { return }
        throw SyntaxError(kind: .memoryError, message: "the source is \(count) characters long, and Attend parses at "
                              + "most \(longestSource)", filename: source.filename, line: 0, offset: 0, text: "")
    }

    /// Parses a single expression (CPython's `eval` mode).
    public static func parseExpression(_ text: String, filename: String = "<string>") throws(SyntaxError) -> Expr {
        let source = SourceText(text, filename: filename)
        try checkLength(source)
        return try onLargeStack { () throws(SyntaxError) -> Expr in
            let parser = Parser(source: source, lexer: Lexer(source))
            let expression = try parser.run { () throws(Failure) -> Expr in try parser.parseEvalInput() }
            if expression.nests(deeperThan: parser.nestingLimit) { throw parser.recursionError() }
            try SyntaxChecker.check(
                [Stmt(.expression(expression), expression.range)], source: source,
                compileErrors: parser.compileErrors)
            try parser.reportUnsupported()
            return expression
        }
    }

    /// Runs `body` on a thread with a large stack: recursive descent over input nested up to CPython's limits
    /// (200 brackets, long unary chains) needs more stack than a secondary thread, or a debug build's main
    /// thread, can be relied on to have.
    static func onLargeStack<T: Sendable>(_ body: @escaping @Sendable () throws(SyntaxError) -> T) throws(SyntaxError) -> T {
        let box = LargeStackResult<T>()
        // Only when the system refuses every stack (an address-space limit too small for any thread) does the
        // parser run on the caller's own stack.
        if !LargeStack.run(bytes: LargeStack.bytes(256 << 20, orPartsOfAddressSpace: 8), { box.result = Result { () throws(SyntaxError) -> T in try body() } }) {
            box.result = Result { () throws(SyntaxError) -> T in try body() }
        }
        switch box.result {
        case .success(let value)?: return value
        case .failure(let error)?: throw error
        case nil: throw SyntaxError(message: "internal parser failure", line: 0, offset: 0, text: "")
        }
    }

    /// Runs `parse` as CPython runs its parser: a first pass; on failure a second pass with the specialised checks;
    /// then tokenizer errors later in the input, which take priority.
    func run<T>(_ parse: () throws(Failure) -> T) throws(SyntaxError) -> T {
        let startDepth = depth
        let firstPass: Result<T, Failure> = Result { () throws(Failure) -> T in try parse() }
        switch firstPass {
        case .success(let result):
            return result
        case .failure(.error(let error)):
            throw finish(error, fromTokenizer: readTokenizerError)
        case .failure(.noMatch):
            let lastToken = furthest
            index = 0
            diagnose = true
            memo = [:]
            depth = startDepth
            let secondPass: Result<T, Failure> = Result { () throws(Failure) -> T in try parse() }
            if case .failure(.error(let error)) = secondPass {
                throw finish(error, fromTokenizer: readTokenizerError)
            }
            throw genericError(lastToken: lastToken)
        }
    }

    /// Throws the first unsupported feature found, as a syntax error at its place.
    func reportUnsupported() throws(SyntaxError) {
        guard let first = unsupported.first else { return }
        let range = first.range
        throw SyntaxError(
            message: first.message, filename: source.filename, line: range.start.line,
            offset: range.start.column + 1, endLine: range.end.line, endOffset: range.end.column + 1,
            text: source.line(range.start.line))
    }

    /// CPython's `_PyPegen_set_syntax_error` for a first pass that failed without an error of its own.
    func genericError(lastToken: Int) -> SyntaxError {
        let last = tokens[Swift.min(lastToken, tokens.count - 1)]
        if last.kind == .indent || last.kind == .dedent {
            return errorAtFurthest(
                last.kind == .indent ? "unexpected indent" : "unexpected unindent", kind: .indentationError)
        }
        return finish(error(at: last, "invalid syntax"), fromTokenizer: false)
    }

    /// Lets a tokenizer error further on replace a parser error, as CPython's
    /// `_PyPegen_tokenize_full_source_to_check_for_errors` does: an error the tokenizer raises itself always wins;
    /// input ending inside brackets wins when the brackets opened on a line before the error's token.
    func finish(_ error: SyntaxError, fromTokenizer: Bool) -> SyntaxError {
        guard !fromTokenizer, let failure = lexerFailure, tokens.count - 1 > furthest else { return error }
        if case .error(let tokenizerError) = failure {
            return tokenizerError
        }
        if let open = failureBrackets.last, tokens[furthest].range.start.line > open.line {
            return unclosedBracketError(open)
        }
        return error
    }


    // MARK: Reading tokens

    /// The token `offset` places ahead, counted as read; reading the tokenizer's error token raises its error.
    func peek(_ offset: Int = 0) throws(Failure) -> Token {
        let position = Swift.min(index + offset, tokens.count - 1)
        if position > furthest { furthest = position }
        let token = tokens[position]
        if token.kind == .error {
            readTokenizerError = true
            throw .error(tokenizerError(token))
        }
        return token
    }

    /// The kind of the token `offset` places ahead.
    func kind(_ offset: Int = 0) throws(Failure) -> Token.Kind {
        try peek(offset).kind
    }

    /// Whether the next token is of `kind`.
    func check(_ kind: Token.Kind) throws(Failure) -> Bool {
        try peek().kind == kind
    }

    /// Whether the next token is of any of `kinds`.
    func check(_ first: Token.Kind, _ others: Token.Kind...) throws(Failure) -> Bool {
        let next = try peek().kind
        return next == first || others.contains(next)
    }

    /// Consumes and returns the next token.
    @discardableResult
    func advance() throws(Failure) -> Token {
        let token = try peek()
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// Consumes the next token if it is of `kind`.
    func accept(_ kind: Token.Kind) throws(Failure) -> Token? {
        try check(kind) ? try advance() : nil
    }

    /// Consumes a token of `kind` or fails to match.
    @discardableResult
    func expect(_ kind: Token.Kind) throws(Failure) -> Token {
        guard try check(kind) else { throw .noMatch }
        return try advance()
    }

    /// CPython's forced token (`&&':'`): consumes a token of `kind` or raises "expected 'x'" at the next token,
    /// even in the first pass.
    @discardableResult
    func expectForced(_ kind: Token.Kind, _ spelling: String) throws(Failure) -> Token {
        let token = try peek()
        guard token.kind == kind else {
            throw .error(error(at: token, "expected '\(spelling)'"))
        }
        return try advance()
    }

    /// The token just consumed.
    var previous: Token { tokens[Swift.max(0, index - 1)] }

    /// Runs `body` and rewinds to the current position if it fails to match; errors pass through.
    func attempt<T>(_ body: () throws(Failure) -> T) throws(Failure) -> T? {
        let mark = index
        do {
            return try body()
        } catch .noMatch {
            index = mark
            return nil
        }
    }

    /// Runs `body` without the specialised checks (CPython's `*_without_invalid` rules), rewinding on failure.
    func attemptWithoutDiagnostics<T>(_ body: () throws(Failure) -> T) throws(Failure) -> T? {
        let saved = diagnose
        diagnose = false
        defer { diagnose = saved }
        return try attempt(body)
    }

    /// Counts one level of nesting, refusing input nested too deeply to handle safely; stops when Ctrl-C was
    /// pressed, as a long source can take seconds to parse.
    func enter() throws(Failure) {
        depth += 1
        if depth > Self.maxDepth || StackRoom.isLow {
            throw .error(recursionError())
        }
        if Interruption.isRequested {
            throw .error(SyntaxError(kind: .keyboardInterrupt, message: "", filename: source.filename, line: 0,
                                     offset: 0, text: ""))
        }
    }

    func leave() { depth -= 1 }

    // MARK: Ranges

    func range(from start: Token, to end: Token) -> SourceRange {
        SourceRange(start: start.range.start, end: end.range.end)
    }

    func range(from start: SourceLocation, to end: SourceRange) -> SourceRange {
        SourceRange(start: start, end: end.end)
    }

    /// The range from `start` to the end of the token just consumed.
    func range(from start: SourceLocation) -> SourceRange {
        SourceRange(start: start, end: previous.range.end)
    }

    /// Runs `body` inside a definition of `kind` (for judging `await` and `async`).
    func within<T>(_ kind: ScopeKind, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        scopes.append(kind)
        defer { scopes.removeLast() }
        return try body()
    }

    /// A construct that needs an `async def` around it: a compiler error outside one, else unsupported.
    func requireAsync(_ error: String, unsupported message: String, at range: SourceRange) {
        if scopes.last == .asyncFunction {
            unsupported(message, at: range)
        } else if diagnose == false {
            compileErrors.append((error, range))
        }
    }

    /// Records a feature that parses but that Attend does not run.
    func unsupported(_ message: String, at range: SourceRange) {
        unsupported.append((message, range))
    }
}

/// The outcome of work run on the parser's thread, handed back once the thread signals it is done.
final class LargeStackResult<T>: @unchecked Sendable {
    var result: Result<T, SyntaxError>?
}

/// How errors inside an f-string replacement field are reported: CPython 3.11 parses the field's expression
/// separately as "(expression)" and reports errors relative to that text, prefixed "f-string: ".
struct FieldContext {
    /// The column (in the real source) that the "(" of the wrapped expression stands for, as CPython computes it.
    var startColumn: Int
    /// The first line of the wrapped expression in the real source.
    var startLine: Int
    /// The wrapped text, "(" + expression + ")", whose lines the sub-parser numbers from `startLine`.
    var source: SourceText
    /// The offset of the field's `{` in the real source (the "(" stands for it).
    var braceOffset: Int

    /// The text of a (real) line of the wrapped expression.
    func line(_ number: Int) -> String {
        source.line(number - startLine + 1)
    }

    /// A range of the sub-parser moved into the real source: columns on the first line shift by `startColumn`
    /// (only there, as in CPython), offsets by the brace's offset.
    func map(_ range: SourceRange) -> SourceRange {
        func move(_ location: SourceLocation) -> SourceLocation {
            SourceLocation(
                line: location.line,
                column: location.line == startLine ? location.column + startColumn : location.column,
                offset: braceOffset + location.offset)
        }
        return SourceRange(start: move(range.start), end: move(range.end))
    }

    /// An expression of the sub-parser placed in the real source.
    func place(_ expression: Expr) -> Expr {
        expression.mappingRanges(map)
    }
}
