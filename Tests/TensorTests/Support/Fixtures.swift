import FixtureSupport
import Foundation
import XCTest
@testable import Tensor

/// Loads `Fixtures/<name>.json` from the test bundle and decodes it.
func loadFixture<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    try FixtureSupport.loadFixture(name, as: type, in: Bundle.module)
}

/// Asserts that `actual` has the fixture's dtype and shape and values within `rtol`/`atol` (NaNs must line up).
func assertTensor(
    _ actual: Tensor?, equals expected: FixtureTensor, rtol: Double = 1e-5, atol: Double = 1e-6,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
    guard let actual else {
        XCTFail("missing tensor \(message())", file: file, line: line)
        return
    }
    XCTAssertEqual(actual.dtype, try? FixtureTensor.dtype(named: expected.dtype), "dtype \(message())",
                   file: file, line: line)
    XCTAssertEqual(actual.shape, expected.shape, "shape \(message())", file: file, line: line)
    guard actual.shape == expected.shape else { return }
    assertClose(actual.doubles, expected.values.map(\.double), rtol: rtol, atol: atol, message(), file: file,
                line: line)
}

/// Asserts two lists of numbers agree elementwise within `rtol`/`atol`, reporting the first difference.
func assertClose(
    _ actual: [Double], _ expected: [Double], rtol: Double = 1e-5, atol: Double = 1e-6,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
    guard actual.count == expected.count else {
        XCTFail("count \(actual.count) != \(expected.count) \(message())", file: file, line: line)
        return
    }
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        if a.isNaN && e.isNaN { continue }
        if a == e { continue }
        if Swift.abs(a - e) > atol + rtol * Swift.abs(e) || a.isNaN || e.isNaN {
            XCTFail("element \(i): \(a) != \(e) \(message())", file: file, line: line)
            return
        }
    }
}

/// Asserts that `body` throws a `TensorError` whose message is `expected`.
func assertTensorError<T>(
    _ expected: String, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T
) {
    do {
        _ = try body()
        XCTFail("expected error: \(expected)", file: file, line: line)
    } catch let error as TensorError {
        XCTAssertEqual(error.message, expected, file: file, line: line)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}
