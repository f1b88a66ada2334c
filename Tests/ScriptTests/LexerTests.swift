import XCTest
@testable import Script

final class LexerTests: XCTestCase {
    /// CPython's token-type name for a token, as `tokenize.tok_name[exact_type]` spells it.
    static func pythonName(_ kind: Token.Kind) -> String {
        switch kind {
        case .endMarker: return "ENDMARKER"
        case .newline: return "NEWLINE"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .name: return "NAME"
        case .number: return "NUMBER"
        case .string: return "STRING"
        case .unknown, .error: return "OP"
        case .leftParen: return "LPAR"
        case .rightParen: return "RPAR"
        case .leftBracket: return "LSQB"
        case .rightBracket: return "RSQB"
        case .leftBrace: return "LBRACE"
        case .rightBrace: return "RBRACE"
        case .colon: return "COLON"
        case .comma: return "COMMA"
        case .semicolon: return "SEMI"
        case .dot: return "DOT"
        case .ellipsis: return "ELLIPSIS"
        case .arrow: return "RARROW"
        case .colonEqual: return "COLONEQUAL"
        case .plus: return "PLUS"
        case .minus: return "MINUS"
        case .star: return "STAR"
        case .slash: return "SLASH"
        case .doubleSlash: return "DOUBLESLASH"
        case .percent: return "PERCENT"
        case .at: return "AT"
        case .doubleStar: return "DOUBLESTAR"
        case .vbar: return "VBAR"
        case .ampersand: return "AMPER"
        case .circumflex: return "CIRCUMFLEX"
        case .tilde: return "TILDE"
        case .leftShift: return "LEFTSHIFT"
        case .rightShift: return "RIGHTSHIFT"
        case .less: return "LESS"
        case .greater: return "GREATER"
        case .equal: return "EQUAL"
        case .equalEqual: return "EQEQUAL"
        case .notEqual, .lessGreater: return "NOTEQUAL"
        case .lessEqual: return "LESSEQUAL"
        case .greaterEqual: return "GREATEREQUAL"
        case .plusEqual: return "PLUSEQUAL"
        case .minusEqual: return "MINEQUAL"
        case .starEqual: return "STAREQUAL"
        case .slashEqual: return "SLASHEQUAL"
        case .doubleSlashEqual: return "DOUBLESLASHEQUAL"
        case .percentEqual: return "PERCENTEQUAL"
        case .atEqual: return "ATEQUAL"
        case .ampersandEqual: return "AMPEREQUAL"
        case .vbarEqual: return "VBAREQUAL"
        case .circumflexEqual: return "CIRCUMFLEXEQUAL"
        case .leftShiftEqual: return "LEFTSHIFTEQUAL"
        case .rightShiftEqual: return "RIGHTSHIFTEQUAL"
        case .doubleStarEqual: return "DOUBLESTAREQUAL"
        default:
            return kind.isKeyword ? "NAME" : "?"
        }
    }

    /// A token as a fixture row; INDENT and DEDENT have no column, as in CPython.
    static func row(_ token: Token) -> [TokenField] {
        let r = token.range
        let noColumn = token.kind == .indent || token.kind == .dedent
        return [
            .text(pythonName(token.kind)), .text(token.text), .number(r.start.line),
            .number(noColumn ? -1 : r.start.column), .number(r.end.line), .number(noColumn ? -1 : r.end.column),
        ]
    }

    func testTokensMatchCPythonsTokenizer() throws {
        let cases = try loadSyntaxFixture("syntax_tokens", as: [TokenCase].self)
        XCTAssertGreaterThan(cases.count, 400)
        var failures = 0
        for testCase in cases {
            let lexer = Lexer(testCase.source)
            XCTAssertNil(lexer.failure, "\(testCase.source)")
            // CPython's tokenizer iterator stops before the trailing DEDENTs and ENDMARKER.
            var rows = lexer.tokens.map(Self.row)
            while let last = rows.last, last[0] == .text("ENDMARKER") || last[0] == .text("DEDENT") {
                rows.removeLast()
            }
            var expected = testCase.tokens
            while let last = expected.last, last[0] == .text("ENDMARKER") || last[0] == .text("DEDENT") {
                expected.removeLast()
            }
            if rows != expected {
                failures += 1
                if failures <= 10 {
                    let firstDifference = Array(zip(rows, expected)).firstIndex { $0.0 != $0.1 } ?? min(rows.count, expected.count)
                    let got = firstDifference < rows.count ? "\(rows[firstDifference])" : "end"
                    let want = firstDifference < expected.count ? "\(expected[firstDifference])" : "end"
                    XCTFail("\(testCase.source.debugDescription): token \(firstDifference) is \(got), CPython \(want)")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testIndentationTokens() {
        let lexer = Lexer("if x:\n    y\n\n  # c\nz\n")
        XCTAssertEqual(lexer.tokens.map(\.kind), [
            .if, .name, .colon, .newline, .indent, .name, .newline, .dedent, .name, .newline, .endMarker,
        ])
    }

    func testBracketsJoinLinesAndTrackLevel() {
        let lexer = Lexer("x = (1,\n  2)\n")
        XCTAssertEqual(lexer.tokens.map(\.kind), [
            .name, .equal, .leftParen, .number, .comma, .number, .rightParen, .newline, .endMarker,
        ])
        XCTAssertEqual(lexer.tokens.map(\.level), [0, 0, 1, 1, 1, 1, 0, 0, 0])
    }

    func testBackslashContinuation() {
        let lexer = Lexer("x = 1 + \\\n    2\n")
        XCTAssertEqual(lexer.tokens.map(\.kind), [.name, .equal, .number, .plus, .number, .newline, .endMarker])
        XCTAssertEqual(lexer.tokens[4].range.start, SourceLocation(line: 2, column: 4, offset: 14))
    }

    func testFailuresStopTheTokens() {
        let unterminated = Lexer("x = 'abc\n")
        XCTAssertEqual(unterminated.tokens.last?.kind, .error)
        guard case .error(let error)? = unterminated.failure else { return XCTFail("expected an error") }
        XCTAssertEqual(error.message, "unterminated string literal (detected at line 1)")
        XCTAssertEqual(error.offset, 5)

        let open = Lexer("f(1,\n")
        XCTAssertEqual(open.failure, .unclosedBracket(opening: "(", line: 1, column: 1))
        XCTAssertEqual(Lexer("if x:\n    y\n  z\n").failure, .inconsistentDedent)
        XCTAssertEqual(Lexer("if x:\n\ty\n        z\n").failure, .tabsAndSpaces)
        XCTAssertEqual(Lexer("x = 1 \\ 2\n").failure, .lineContinuation(column: 7))
    }

    func testDeepIndentationIsAnError() {
        var source = ""
        for depth in 0..<120 {
            source += String(repeating: " ", count: depth) + "if x:\n"
        }
        source += String(repeating: " ", count: 120) + "pass\n"
        XCTAssertEqual(Lexer(source).failure, .tooDeep)
    }

    func testTenThousandBracketsFailCleanly() {
        let lexer = Lexer(String(repeating: "(", count: 10_000))
        guard case .error(let error)? = lexer.failure else { return XCTFail("expected an error") }
        XCTAssertEqual(error.message, "too many nested parentheses")
    }
}
