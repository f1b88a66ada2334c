import Script
import XCTest

/// `format(value, spec)` against CPython 3.11, results and errors alike.
final class PythonFormatTests: XCTestCase {
    func testEveryFixtureFormatMatchesCPython() throws {
        let table = try PythonCases.load().format
        XCTAssertGreaterThan(table.cases.count, 2000)
        var failures = 0
        for fixture in table.cases {
            let value = table.values[fixture.value].formatValue
            let actual = Outcome { () throws(FormatError) in try PythonFormat.format(value, spec: fixture.spec) }
            if actual != fixture.outcome {
                failures += 1
                if failures <= 25 {
                    XCTFail("format(\(value.repr), \(PythonRepr.string(fixture.spec))): expected \(fixture.outcome), "
                        + "got \(actual)")
                }
            }
        }
        XCTAssertEqual(failures, 0, "format() results that differ from CPython")
    }
}

/// `template % arguments` against CPython 3.11, results and errors alike.
final class PercentFormatTests: XCTestCase {
    func testEveryFixturePercentFormatMatchesCPython() throws {
        let table = try PythonCases.load().percent
        XCTAssertGreaterThan(table.cases.count, 1000)
        var failures = 0
        for fixture in table.cases {
            let arguments = Self.arguments(fixture.arguments, values: table.values)
            let actual = Outcome { () throws(FormatError) in try PercentFormat.format(fixture.template, arguments) }
            if actual != fixture.outcome {
                failures += 1
                if failures <= 25 {
                    XCTFail("\(PythonRepr.string(fixture.template)) % \(fixture.arguments): expected "
                        + "\(fixture.outcome), got \(actual)")
                }
            }
        }
        XCTAssertEqual(failures, 0, "% results that differ from CPython")
    }

    private static func arguments(_ arguments: PercentCase.Arguments, values: [PyValue]) -> PercentFormat.Arguments {
        if let tuple = arguments.tuple { return .tuple(tuple.map { values[$0].formatValue }) }
        if let single = arguments.single { return .single(values[single].formatValue) }
        let mapping = arguments.mapping ?? [:]
        let whole = FormatValue.object(FormatObject(typeName: "dict", str: arguments.repr ?? "{}",
                                                    repr: arguments.repr ?? "{}"))
        return .mapping(whole) { (key: String) throws(FormatError) -> FormatValue in
            guard let index = mapping[key] else { throw FormatError(.keyError, PythonRepr.string(key)) }
            return values[index].formatValue
        }
    }
}
