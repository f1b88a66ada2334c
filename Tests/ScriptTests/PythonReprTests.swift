import Script
import Tensor
import XCTest

/// Python's repr of floats, strings, containers and ranges against CPython 3.11.
final class PythonReprTests: XCTestCase {
    func testFloatReprsMatchCPython() throws {
        let cases = try PythonCases.load().repr.floats
        XCTAssertGreaterThan(cases.count, 300)
        for fixture in cases {
            XCTAssertEqual(PythonRepr.float(fixture.value), fixture.repr)
            XCTAssertEqual(FormatValue.float(fixture.value).str, fixture.repr)
            XCTAssertEqual(try PythonFormat.format(float: fixture.value, spec: ""), fixture.repr)
            // The formatter's own shortest-digits path, which `format(x, '')` with a width takes.
            XCTAssertEqual(try PythonFormat.format(float: fixture.value, spec: "<1"), fixture.repr)
        }
    }

    func testStringReprAndAsciiMatchCPython() throws {
        for triple in try PythonCases.load().repr.strings {
            XCTAssertEqual(triple.count, 3)
            XCTAssertEqual(PythonRepr.string(triple[0]), triple[1], "repr of \(triple[0].unicodeScalars.map(\.value))")
            XCTAssertEqual(PythonRepr.asciiString(triple[0]), triple[2])
            XCTAssertEqual(FormatValue.string(triple[0]).ascii, triple[2])
        }
    }

    func testContainerReprsMatchCPython() throws {
        for container in try PythonCases.load().repr.containers {
            XCTAssertEqual(container.tree.repr, container.repr)
        }
    }

    func testRangeReprsMatchCPython() throws {
        for parts in try PythonCases.load().repr.ranges {
            guard parts.count == 4, case .int(let start) = parts[0], case .int(let stop) = parts[1],
                  case .int(let step) = parts[2], case .string(let expected) = parts[3] else {
                XCTFail("bad range case")
                continue
            }
            XCTAssertEqual(PythonRepr.range(start: start, stop: stop, step: step), expected)
        }
    }

    func testScalarsAndSmallValues() {
        XCTAssertEqual(PythonRepr.int(-9_223_372_036_854_775_808), "-9223372036854775808")
        XCTAssertEqual(PythonRepr.bool(true), "True")
        XCTAssertEqual(PythonRepr.none, "None")
        XCTAssertEqual(PythonRepr.ellipsis, "Ellipsis")
        XCTAssertEqual(PythonRepr.slice(start: "None", stop: "2", step: "None"), "slice(None, 2, None)")
        XCTAssertEqual(PythonRepr.recursive(open: "[", close: "]"), "[...]")
        XCTAssertEqual(TensorRepr.size([2, 3]), "torch.Size([2, 3])")
        XCTAssertEqual(TensorRepr.size([]), "torch.Size([])")
        XCTAssertEqual(TensorRepr.size([5]), "torch.Size([5])")
        XCTAssertEqual(TensorRepr.dtype(.float32), "torch.float32")
        XCTAssertEqual(TensorRepr.dtype(.int64), "torch.int64")
        XCTAssertEqual(TensorRepr.dtype(.bool), "torch.bool")
        XCTAssertEqual(TensorRepr.dtype(.float64), "torch.float64")
    }
}
