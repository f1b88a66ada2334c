/// The material mutations draw from: a rough tokenizer, Python's tokens, awkward Unicode, extreme numbers and
/// shapes of deep nesting and long lines.
enum FuzzTokens {
    /// Splits a line into runs of word characters, runs of blanks and single other characters; joining the pieces
    /// gives the line back.
    static func split(_ line: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var currentKind = 0
        for character in line {
            let kind = character.isLetter || character.isNumber || character == "_" ? 1
                : character.isWhitespace ? 2 : 3
            if kind == currentKind && kind != 3 {
                current.append(character)
            } else {
                if !current.isEmpty { pieces.append(current) }
                current = String(character)
                currentKind = kind
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// Keywords, operators, brackets and names Python programs are made of.
    static let vocabulary: [String] = [
        "def", "class", "lambda", "yield", "yield from", "return", "if", "else", "elif", "while", "for", "in", "not",
        "and", "or", "is", "None", "True", "False", "try:", "except", "finally:", "raise", "with", "as", "import",
        "from", "global", "nonlocal", "del", "pass", "break", "continue", "assert", "async", "await", "match", "case",
        "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "~", "<", ">", "<=", ">=", "==", "!=",
        "=", "+=", "-=", "*=", "/=", "@=", "**=", ":=", "->", ".", ",", ":", ";", "(", ")", "[", "]", "{", "}",
        "\\", "'", "\"", "\"\"\"", "f\"{", "}\"", "b'", "r'", "#", "...", "*args", "**kwargs", "\n", "\n    ",
        "torch", "nn", "F", "self", "x", "__init__", "print", "len", "range", "list", "dict", "tuple", "str", "int",
        "float", "super()", "isinstance", "iter", "next", "zip", "enumerate", "sorted", "reversed", "sum", "max",
        "min", "abs", "round", "repr", "type", "object", "Exception", "__class__", "__dict__", "torch.randn",
        "torch.zeros", ".view", ".reshape", ".T", ".backward()", ".grad", ".item()", ".shape", "dim=-1", "[:, None]",
        "[..., ::-1]", "[::0]", "requires_grad=True", "dtype=torch.long", "%timeit", "%run", "x?", "plt.show()",
        "@property", "@staticmethod", "nonsense", "__getattr__", "__repr__", "__eq__", "__hash__",
    ]

    /// Text the lexer may meet in a file: combining marks, direction overrides, NUL and other controls, the
    /// neighbours of the surrogate range, non-characters, emoji sequences, look-alike letters and digits.
    static let unicode: [String] = [
        "\u{0301}", "\u{0338}\u{0301}\u{0302}", "e\u{0301}", "\u{202E}", "\u{200F}", "\u{202B}\u{202C}", "\u{061C}",
        "\u{2066}x\u{2069}", "\u{0}", "\u{D7FF}", "\u{E000}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}",
        "\u{10FFFF}", "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{1F1FA}\u{1F1F3}", "\u{1F600}", "\u{200B}",
        "\u{200D}", "\u{00A0}", "\u{2028}", "\u{2029}", "\u{0085}", "\u{000C}", "\u{000B}", "\r", "\r\n", "\t",
        "\u{1B}[2J", "\u{1B}]0;x\u{7}", "\u{7F}", "\u{8}", "\u{0628}\u{0650}", "\u{4E2D}", "\u{210C}", "\u{FB01}",
        "\u{0661}\u{0662}", "\u{00B2}", "\u{FF10}", "\u{3000}", "\u{0130}", "\u{00DF}", "\u{1D400}", "\u{E0001}",
        "\"\u{0}\"", "'\u{202E}'", "\u{0300}\u{0300}\u{0300}\u{0300}\u{0300}\u{0300}\u{0300}\u{0300}",
    ]

    /// Numbers at and beyond the edges: big integers, the Int64 bounds, overflowing floats, NaN, huge shapes.
    static let extremeNumbers: [String] = [
        "10**400", "-2**63", "2**63", "2**64", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
        "1e309", "-1e309", "1e-320", "float('nan')", "float('inf')", "-float('inf')", "nan", "inf", "-0.0", "0", "-1",
        "2**31", "2**62", "10**10", "4294967296", "0x7fffffffffffffff", String(repeating: "9", count: 500),
        "1_000_000_000_000", "(2**40, 2**40)", "(-1, -1)", "(0,)", "3.0", "True", "1j", "0b", "1__0", "0777",
        "1e", "1.e5", ".5e-400", "float('-nan')", "2**-1074", "-(2**63)//-1", "1<<62",
    ]

    /// Deeply nested shapes: an opening, a middle, a closing.
    static let nestings: [(open: String, middle: String, close: String)] = [
        ("(", "1", ")"), ("[", "1", "]"), ("{", "1", "}"), ("{1: ", "1", "}"), ("-", "1", ""), ("not ", "1", ""),
        ("lambda: ", "1", ""), ("f'{", "1", "}'"), ("(1, ", "1", ")"), ("[x for x in ", "[1]", "]"),
        ("1 if 1 else ", "1", ""), ("a.", "b", ""), ("x[", "0", "]"), ("f(", "1", ")"), ("~", "1", ""),
        ("2 ** ", "1", ""), ("(yield ", "1", ")"), ("await ", "1", ""), ("*", "x", ""),
    ]

    /// Long lines: a head, a piece repeated, a tail.
    static let longPieces: [(head: String, repeated: String, tail: String)] = [
        ("x = \"", "a", "\""), ("x = 1", " + 1", ""), ("x = ", "y", ""), ("# ", "c", ""), ("x = [", "1, ", "]"),
        ("x = \"", "\u{1F600}\u{0301}", "\""), ("print(", "1, ", ")"), ("x = 1", " if 1 else 1", ""),
        ("x = '", "\\n", "'"), ("x = (", "1 < ", "2)"), ("x = 1", " ** 1", ""), ("x = \"\"\"", "\n", "\"\"\""),
        ("x = ", "-", "1"), ("x = torch.zeros(", "1, ", ")"), ("x = a", ".b", ""), ("x = f'", "{1}", "'"),
    ]
}
