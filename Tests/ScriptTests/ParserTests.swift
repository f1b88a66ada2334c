import XCTest
@testable import Script

final class ParserTests: XCTestCase {
    func testDumpsMatchCPythonsAST() throws {
        let cases = try loadSyntaxFixture("syntax_ast", as: [ASTCase].self)
        XCTAssertGreaterThan(cases.count, 400)
        var failures = 0
        for testCase in cases {
            do {
                let body = try Parser.parseTree(SourceText(testCase.source))
                let dump = Program(body: body, source: SourceText(testCase.source)).dump()
                if dump != testCase.dump {
                    failures += 1
                    if failures <= 15 {
                        let got = dump.split(separator: "\n", omittingEmptySubsequences: false)
                        let want = testCase.dump.split(separator: "\n", omittingEmptySubsequences: false)
                        let line = Array(zip(got, want)).firstIndex { $0.0 != $0.1 } ?? min(got.count, want.count)
                        XCTFail("""
                            \(testCase.name) \(testCase.source.prefix(200).debugDescription)
                              got:  \(line < got.count ? String(got[line]) : "end")
                              want: \(line < want.count ? String(want[line]) : "end")
                            """)
                    }
                }
            } catch {
                failures += 1
                if failures <= 15 {
                    XCTFail("\(testCase.name) \(testCase.source.prefix(200).debugDescription): \(error)")
                }
            }
        }
        XCTAssertEqual(failures, 0, "of \(cases.count)")
    }

    func testEveryNodeCoversItsChildren() throws {
        let cases = try loadSyntaxFixture("syntax_ast", as: [ASTCase].self)
        for testCase in cases {
            guard let body = try? Parser.parseTree(SourceText(testCase.source)) else { continue }
            for statement in body {
                checkCoverage(statement, source: testCase.source)
            }
        }
    }

    func checkCoverage(_ statement: Stmt, source: String) {
        for child in statement.statements {
            XCTAssertTrue(statement.range.contains(child.range), "\(statement.range) ∌ \(child.range) in \(source)")
            checkCoverage(child, source: source)
        }
        var decorators: [Expr] = []
        if case .functionDef(let function) = statement.kind { decorators = function.decorators }
        if case .classDef(let definition) = statement.kind { decorators = definition.decorators }
        for expression in statement.expressions {
            // CPython starts a decorated definition at `def`/`class`, after its decorators.
            if decorators.contains(expression) {
                checkCoverage(expression, source: source)
                continue
            }
            XCTAssertTrue(
                statement.range.contains(expression.range), "\(statement.range) ∌ \(expression.range) in \(source)")
            checkCoverage(expression, source: source)
        }
    }

    func checkCoverage(_ expression: Expr, source: String) {
        for child in expression.children {
            XCTAssertTrue(
                expression.range.contains(child.range), "\(expression.range) ∌ \(child.range) in \(source)")
            checkCoverage(child, source: source)
        }
    }

    func testSeedCellsParse() throws {
        for index in 0..<11 {
            let url = try fixtureURL(String(format: "seed_cells/cell_%02d.py", index))
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertNoThrow(try Parser.parseModule(text), "cell \(index)")
        }
    }

    func testIntegersOfAnySize() throws {
        let module = try Parser.parseModule("x = 0xffffffffffffffffffffffffffffffff\ny = 42\n")
        guard case .assign(_, let value) = module.body[0].kind, case .constant(.int(let big)) = value.kind else {
            return XCTFail("expected an int")
        }
        XCTAssertEqual(big.digits, "340282366920938463463374607431768211455")
        XCTAssertNil(big.value)
        guard case .assign(_, let small) = module.body[1].kind, case .constant(.int(let int)) = small.kind else {
            return XCTFail("expected an int")
        }
        XCTAssertEqual(int.value, 42)
    }

    func testPowerBindsTighterThanUnaryMinusOnItsLeft() throws {
        XCTAssertEqual(try Parser.parseExpression("-2 ** -1").dump(), "(neg (** 2 (neg 1)))")
        XCTAssertEqual(try Parser.parseExpression("2 ** 3 ** 2").dump(), "(** 2 (** 3 2))")
        XCTAssertEqual(try Parser.parseExpression("a - b - c").dump(), "(- (- a b) c)")
    }

    func testComparisonChainsAreOneNode() throws {
        XCTAssertEqual(try Parser.parseExpression("a < b <= c not in d is not e").dump(),
                       "(cmp a < b <= c not-in d is-not e)")
        XCTAssertEqual(try Parser.parseExpression("not a == b").dump(), "(not (cmp a == b))")
    }

    func testFStringsParseIntoFields() throws {
        XCTAssertEqual(
            try Parser.parseExpression(#"f"Seq {n:4d} {t*1000:.2f} ms {x!r} {y=}""#).dump(),
            #"(f "Seq " (fv n - (f "4d")) " " (fv (* t 1000) - (f ".2f")) " ms " (fv x r -) " y=" (fv y r -))"#)
        XCTAssertEqual(try Parser.parseExpression(#"f"{x:>{w}}""#).dump(), #"(f (fv x - (f ">" (fv w - -))))"#)
    }

    func testLongSumsAreRefusedWithoutRecursing() throws {
        XCTAssertNoThrow(try Parser.parseModule("x = " + Array(repeating: "1", count: 900).joined(separator: " + ")))
        let source = "x = " + Array(repeating: "1", count: 50_000).joined(separator: " + ") + "\n"
        XCTAssertThrowsError(try Parser.parseModule(source)) { error in
            XCTAssertEqual((error as? SyntaxError)?.kind, .recursionError)
        }
        let chain = "x = a" + String(repeating: ".b", count: 50_000)
        XCTAssertThrowsError(try Parser.parseModule(chain))
        let field = "x = f'{" + Array(repeating: "1", count: 50_000).joined(separator: "+") + "}'"
        XCTAssertThrowsError(try Parser.parseModule(field))
    }

    func testDeepNestingIsACleanError() {
        for source in [
            String(repeating: "(", count: 10_000) + String(repeating: ")", count: 10_000),
            String(repeating: "[", count: 10_000),
            String(repeating: "-", count: 100_000) + "1",
            String(repeating: "not ", count: 50_000) + "x",
            String(repeating: "lambda: ", count: 20_000) + "0",
            String(repeating: "a if b else ", count: 20_000) + "c",
            "x = " + String(repeating: "f(", count: 5_000) + String(repeating: ")", count: 5_000),
        ] {
            XCTAssertThrowsError(try Parser.parseModule(source)) { error in
                XCTAssertTrue(error is SyntaxError, "\(error)")
            }
        }
    }
}

final class ParserFeatureTests: XCTestCase {
    func constant(_ source: String) throws -> Constant? {
        guard case .constant(let value) = try Parser.parseExpression(source).kind else { return nil }
        return value
    }

    func testStringLiteralsDecodeAndJoin() throws {
        XCTAssertEqual(try constant(#""a\tb\n" 'c' r"\d" "\x41\101\u00e9\U0001F600""#),
                       .string("a\tb\nc\\dAAé😀"))
        XCTAssertEqual(try constant(#""\N{BULLET} \N{greek small letter alpha}""#), .string("• α"))
        XCTAssertEqual(try constant(#""\q\777""#), .string("\\qǿ"))
        XCTAssertEqual(try constant("'''a\\\nb'''"), .string("ab"))
        XCTAssertEqual(try constant("1_000.5e-1_0"), .float(1000.5e-10))
        XCTAssertEqual(try constant("1e400"), .float(.infinity))
        XCTAssertEqual(try constant("0o777"), .int(IntLiteral(digits: "511")))
        XCTAssertEqual(try constant("00"), .int(IntLiteral(digits: "0")))
    }

    func testEscapeErrorsNameTheBytesCPythonDecoded() {
        XCTAssertThrowsError(try Parser.parseModule(#"x = "é\x4""#)) { error in
            XCTAssertEqual(
                (error as? SyntaxError)?.message,
                #"(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \xXX escape"#)
        }
    }

    func testNamesAreNFKCNormalised() throws {
        XCTAssertEqual(try Parser.parseExpression("ﬁle").dump(), "file")
    }

    func testFStringFieldsKnowTheirSourceColumns() throws {
        let expression = try Parser.parseExpression(#"f"x={x + 1:>{width}}""#)
        XCTAssertEqual(expression.dump(ranges: true),
            #"(f "x="@1:0-1:21 (fv (+ x@1:5-1:6 1@1:9-1:10)@1:5-1:10 - (f ">"@1:0-1:21 (fv width@1:13-1:18 - -)@1:0-1:21)@1:0-1:21)@1:0-1:21)@1:0-1:21"#)
    }

    func testUnsupportedFeaturesAreClearErrors() {
        let cases: [(String, String)] = [
            ("x = b'abc'", "bytes literals are not supported"),
            ("x = 1 + 2j", "complex numbers are not supported"),
            ("async def f():\n    pass", "async functions are not supported"),
            ("async def f():\n    await g()", "async functions are not supported"),
            ("class A(B, metaclass=M):\n    pass", "class keyword arguments such as metaclass= are not supported"),
            ("from . import x", "relative imports are not supported"),
            ("match x:\n    case 1:\n        pass", "match statements are not supported"),
            ("try:\n    pass\nexcept* E:\n    pass", "except* is not supported"),
        ]
        for (source, message) in cases {
            XCTAssertThrowsError(try Parser.parseModule(source), source) { error in
                XCTAssertEqual((error as? SyntaxError)?.message, message, source)
                XCTAssertEqual((error as? SyntaxError)?.kind, .syntaxError, source)
            }
        }
        // A Python error elsewhere comes first, as CPython would report it.
        XCTAssertThrowsError(try Parser.parseModule("x = b'abc' +")) { error in
            XCTAssertEqual((error as? SyntaxError)?.message, "invalid syntax")
        }
        // `match` stays an ordinary name.
        XCTAssertNoThrow(try Parser.parseModule("match = 1\nmatch(x)\nprint(match)"))
    }

    func testCompileStageErrorsPointAtTheStatement() {
        XCTAssertThrowsError(try Parser.parseModule("x = 1\nreturn x\n")) { error in
            let syntax = error as? SyntaxError
            XCTAssertEqual(syntax?.message, "'return' outside function")
            XCTAssertEqual(syntax?.line, 2)
            XCTAssertEqual(syntax?.formatted, """
                  File "<string>", line 2
                    return x
                    ^^^^^^^^
                SyntaxError: 'return' outside function
                """)
        }
    }

    func testTooDeepIsARecursionError() {
        XCTAssertThrowsError(try Parser.parseModule("x = " + String(repeating: "-", count: 5000) + "1")) { error in
            let syntax = error as? SyntaxError
            XCTAssertEqual(syntax?.pythonName, "RecursionError")
            XCTAssertEqual(syntax?.formatted, "RecursionError: maximum recursion depth exceeded during compilation")
        }
    }

    func testTabsAndSpacesFollowCPython() {
        XCTAssertNoThrow(try Parser.parseModule("if x:\n\tif y:\n\t\tpass\n"))
        XCTAssertThrowsError(try Parser.parseModule("if x:\n\ty = 1\n        z = 2\n")) { error in
            XCTAssertEqual((error as? SyntaxError)?.kind, .tabError)
        }
    }

    func testSourceLinesAndLocations() {
        let source = SourceText("a = 1\r\nb = 2\rc")
        XCTAssertEqual(source.lineCount, 3)
        XCTAssertEqual(source.line(2), "b = 2")
        XCTAssertEqual(source.line(3), "c")
        XCTAssertEqual(source.location(ofOffset: 7), SourceLocation(line: 2, column: 1, offset: 7))
    }
}

final class InteractiveInputTests: XCTestCase {
    func testIncompleteInput() {
        for text in ["x = (1,", "if x:", "if x:\n    y = 1", "def f(a,\n", "s = '''abc", "x = 1 + \\", "for i in y:  # c"] {
            XCTAssertTrue(Parser.needsMoreInput(text), text.debugDescription)
        }
        for text in ["x = 1", "if x:\n    y = 1\n\n", "print(1)", "x = 1 2", "", "s = 'abc"] {
            XCTAssertFalse(Parser.needsMoreInput(text), text.debugDescription)
        }
    }
}

final class PathologicalInputTests: XCTestCase {
    /// The second pass re-reads input around an error; memoisation keeps that from growing exponentially with
    /// nesting (each case would take minutes without it).
    func testErrorsDeepInsideBracketsAreFoundWithoutBlowingUp() {
        let depth = 190
        let cases = [
            String(repeating: "(", count: depth) + "a b" + String(repeating: ")", count: depth),
            String(repeating: "f(", count: depth / 2) + "a b" + String(repeating: ")", count: depth / 2),
            String(repeating: "[x, ", count: depth) + "1 +" + String(repeating: "]", count: depth),
            "x = " + String(repeating: "a + (", count: depth) + "b * " + String(repeating: ")", count: depth),
            String(repeating: "{1: ", count: depth) + "2 3" + String(repeating: "}", count: depth),
        ]
        for source in cases {
            let start = Date()
            XCTAssertThrowsError(try Parser.parseModule(source))
            XCTAssertLessThan(Date().timeIntervalSince(start), 10, String(source.prefix(20)))
        }
    }
}

final class EmptyInputTests: XCTestCase {
    func testEmptyAndBlankSourcesParseToNothing() throws {
        for text in ["", "\n", "   ", "# only a comment", "\n\n# c\n   \n", "\u{FEFF}x = 1"] {
            let module = try Parser.parseModule(text)
            XCTAssertEqual(module.body.count, text.contains("x") ? 1 : 0, text.debugDescription)
        }
    }
}

final class FuzzTests: XCTestCase {
    /// Random character soup (with the characters Python's grammar cares about) must parse or fail cleanly.
    func testRandomInputNeverCrashes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = [
            "(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "+", "-", "*", "**", "/", "//", "%", "@", "<", ">",
            "!", "~", "^", "|", "&", ";", "'", "\"", "'''", "\"\"\"", "f'", "rb'", "\\", "\\N{", "#", " ", "\t",
            "\n", "\n    ", "\n\t", "x", "def", "class", "if", "else", "for", "in", "lambda", "yield", "await", "async",
            "not", "is", "and", "or", "0", "1_", "0x", "1e", "1j", ".5", "é", "©", "\u{00A0}", "\u{2028}", ":=",
            "->", "...", "None", "print", "match", "case", "{x!r:>{w}}", "\r", "\u{0C}", "global", "return",
        ]
        let count = Int(ProcessInfo.processInfo.environment["FUZZ_COUNT"] ?? "") ?? 3000
        for _ in 0..<count {
            var text = ""
            for _ in 0..<next(40) { text += pieces[next(pieces.count)] }
            do {
                _ = try Parser.parseModule(text)
            } catch {
                XCTAssertFalse(error.message.isEmpty, text.debugDescription)
            }
        }
    }
}
