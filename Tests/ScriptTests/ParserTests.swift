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
                let dump = Module(body: body, source: SourceText(testCase.source)).dump()
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
