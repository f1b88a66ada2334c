/// One token of Python source, as CPython 3.11's tokenizer produces it.
public struct Token: Sendable, Equatable {
    /// Every kind of token: the structural ones, literals, names, keywords and operators.
    public enum Kind: Sendable, Equatable, Hashable {
        case endMarker, newline, indent, dedent
        case name, number, string
        /// An operator character CPython does not know (`$`, `?`, a lone `!`): the parser rejects it.
        case unknown
        /// Where the tokenizer stopped with an error; `Lexer.failure` says which.
        case error

        // Keywords (soft keywords such as `match` stay names).
        case `false`, `none`, `true`, and, `as`, assert, async, await, `break`, `class`, `continue`, def, del, elif
        case `else`, except, finally, `for`, from, global, `if`, `import`, `in`, `is`, lambda, nonlocal, not, or
        case pass, raise, `return`, `try`, `while`, with, yield

        // Brackets and punctuation.
        case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
        case colon, comma, semicolon, dot, ellipsis, arrow, colonEqual

        // Operators.
        case plus, minus, star, slash, doubleSlash, percent, at, doubleStar
        case vbar, ampersand, circumflex, tilde, leftShift, rightShift
        case less, greater, equal, equalEqual, notEqual, lessEqual, greaterEqual
        /// `<>`: tokenised as "not equal" by CPython, accepted only under `barry_as_FLUFL`.
        case lessGreater

        // Augmented assignment.
        case plusEqual, minusEqual, starEqual, slashEqual, doubleSlashEqual, percentEqual, atEqual
        case ampersandEqual, vbarEqual, circumflexEqual, leftShiftEqual, rightShiftEqual, doubleStarEqual
    }

    /// What the token is.
    public var kind: Kind
    /// The token's source text ("" for NEWLINE, INDENT, DEDENT and ENDMARKER).
    public var text: String
    /// Where the token sits. NEWLINE covers any comment before the line break; INDENT and DEDENT are empty.
    public var range: SourceRange
    /// The bracket nesting depth after this token (CPython's `level`).
    public var level: Int
    /// Where the tokenizer stood after producing the token: CPython reports errors at INDENT and DEDENT tokens, which
    /// have no column of their own, at this point.
    var cursor: SourceLocation
    /// The first line of the tokenizer's line buffer after producing the token (see `Lexer.bufferLine`).
    var bufferLine: Int

    /// A token from its parts.
    public init(kind: Kind, text: String, range: SourceRange, level: Int = 0) {
        self.kind = kind
        self.text = text
        self.range = range
        self.level = level
        self.cursor = range.end
        self.bufferLine = range.start.line
    }

    init(kind: Kind, text: String, range: SourceRange, level: Int, cursor: SourceLocation, bufferLine: Int) {
        self.kind = kind
        self.text = text
        self.range = range
        self.level = level
        self.cursor = cursor
        self.bufferLine = bufferLine
    }
}

extension Token.Kind {
    /// The reserved words of Python 3.11, by spelling.
    static let keywords: [String: Token.Kind] = [
        "False": .false, "None": .none, "True": .true, "and": .and, "as": .as, "assert": .assert, "async": .async,
        "await": .await, "break": .break, "class": .class, "continue": .continue, "def": .def, "del": .del,
        "elif": .elif, "else": .else, "except": .except, "finally": .finally, "for": .for, "from": .from,
        "global": .global, "if": .if, "import": .import, "in": .in, "is": .is, "lambda": .lambda,
        "nonlocal": .nonlocal, "not": .not, "or": .or, "pass": .pass, "raise": .raise, "return": .return,
        "try": .try, "while": .while, "with": .with, "yield": .yield,
    ]

    /// Whether the kind is a reserved word.
    public var isKeyword: Bool {
        switch self {
        case .false, .none, .true, .and, .as, .assert, .async, .await, .break, .class, .continue, .def, .del, .elif,
             .else, .except, .finally, .for, .from, .global, .if, .import, .in, .is, .lambda, .nonlocal, .not, .or,
             .pass, .raise, .return, .try, .while, .with, .yield:
            return true
        default:
            return false
        }
    }

    /// The augmented-assignment operators and the binary operator each applies.
    var augmentedOperator: BinaryOperator? {
        switch self {
        case .plusEqual: return .add
        case .minusEqual: return .subtract
        case .starEqual: return .multiply
        case .atEqual: return .matrixMultiply
        case .slashEqual: return .divide
        case .percentEqual: return .modulo
        case .ampersandEqual: return .bitAnd
        case .vbarEqual: return .bitOr
        case .circumflexEqual: return .bitXor
        case .leftShiftEqual: return .leftShift
        case .rightShiftEqual: return .rightShift
        case .doubleStarEqual: return .power
        case .doubleSlashEqual: return .floorDivide
        default: return nil
        }
    }

    /// The operator spelled by one to three characters, as CPython's `PyToken_OneChar`/`TwoChars`/`ThreeChars`.
    static func oneChar(_ c: Unicode.Scalar) -> Token.Kind {
        switch c {
        case "%": return .percent
        case "&": return .ampersand
        case "(": return .leftParen
        case ")": return .rightParen
        case "*": return .star
        case "+": return .plus
        case ",": return .comma
        case "-": return .minus
        case ".": return .dot
        case "/": return .slash
        case ":": return .colon
        case ";": return .semicolon
        case "<": return .less
        case "=": return .equal
        case ">": return .greater
        case "@": return .at
        case "[": return .leftBracket
        case "]": return .rightBracket
        case "^": return .circumflex
        case "{": return .leftBrace
        case "|": return .vbar
        case "}": return .rightBrace
        case "~": return .tilde
        default: return .unknown
        }
    }

    static func twoChars(_ c1: Unicode.Scalar, _ c2: Unicode.Scalar) -> Token.Kind? {
        switch (c1, c2) {
        case ("!", "="): return .notEqual
        case ("%", "="): return .percentEqual
        case ("&", "="): return .ampersandEqual
        case ("*", "*"): return .doubleStar
        case ("*", "="): return .starEqual
        case ("+", "="): return .plusEqual
        case ("-", "="): return .minusEqual
        case ("-", ">"): return .arrow
        case ("/", "/"): return .doubleSlash
        case ("/", "="): return .slashEqual
        case (":", "="): return .colonEqual
        case ("<", "<"): return .leftShift
        case ("<", "="): return .lessEqual
        case ("<", ">"): return .lessGreater
        case ("=", "="): return .equalEqual
        case (">", "="): return .greaterEqual
        case (">", ">"): return .rightShift
        case ("@", "="): return .atEqual
        case ("^", "="): return .circumflexEqual
        case ("|", "="): return .vbarEqual
        default: return nil
        }
    }

    static func threeChars(_ c1: Unicode.Scalar, _ c2: Unicode.Scalar, _ c3: Unicode.Scalar) -> Token.Kind? {
        switch (c1, c2, c3) {
        case ("*", "*", "="): return .doubleStarEqual
        case (".", ".", "."): return .ellipsis
        case ("/", "/", "="): return .doubleSlashEqual
        case ("<", "<", "="): return .leftShiftEqual
        case (">", ">", "="): return .rightShiftEqual
        default: return nil
        }
    }
}
