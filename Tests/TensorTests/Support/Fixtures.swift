import Foundation
import XCTest
@testable import Tensor

/// A tensor as the fixture scripts write it: dtype name, shape and row-major values. Non-finite floats are the
/// strings "nan", "inf" and "-inf", negative zero is "-0.0"; bools are JSON booleans.
struct FixtureTensor: Decodable {
    let dtype: String
    let shape: [Int]
    let values: [FixtureNumber]

    /// The tensor these values describe.
    func tensor() throws -> Tensor {
        let type = try FixtureTensor.dtype(named: dtype)
        return try Tensor(nested: .list(values.map { .scalar($0.scalar) }), dtype: type).reshape(shape)
    }

    static func dtype(named name: String) throws -> DType {
        switch name {
        case "float32": return .float32
        case "float64": return .float64
        case "int64": return .int64
        case "bool": return .bool
        default: throw FixtureError.unknownDType(name)
        }
    }
}

/// One number in a fixture.
enum FixtureNumber: Decodable {
    case bool(Bool)
    case int(Int64)
    case float(Double)

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .float(value)
        } else {
            switch try container.decode(String.self) {
            case "nan": self = .float(.nan)
            case "inf": self = .float(.infinity)
            case "-inf": self = .float(-.infinity)
            case "-0.0": self = .float(-0.0)
            case let other: throw FixtureError.badNumber(other)
            }
        }
    }

    var scalar: Scalar {
        switch self {
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .float(let value): return .float(value)
        }
    }

    var double: Double { scalar.doubleValue }
}

enum FixtureError: Error {
    case unknownDType(String)
    case badNumber(String)
    case missing(String)
}

/// Loads `Fixtures/<name>.json` from the test bundle and decodes it.
func loadFixture<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        throw FixtureError.missing("Fixtures directory")
    }
    let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
    return try JSONDecoder().decode(T.self, from: data)
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
