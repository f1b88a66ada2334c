import Foundation
import Tensor

/// A tensor as the fixture scripts write it: dtype name, shape and row-major values. Non-finite floats are the
/// strings "nan", "inf" and "-inf", negative zero is "-0.0"; bools are JSON booleans.
public struct FixtureTensor: Decodable, Sendable {
    /// The dtype's name without `torch.`: `float32`, `float64`, `int64` or `bool`.
    public let dtype: String
    /// The shape.
    public let shape: [Int]
    /// The values in row-major order.
    public let values: [FixtureNumber]

    /// The tensor these values describe.
    public func tensor() throws -> Tensor {
        let type = try FixtureTensor.dtype(named: dtype)
        return try Tensor(nested: .list(values.map { .scalar($0.scalar) }), dtype: type).reshape(shape)
    }

    /// The dtype a fixture names.
    public static func dtype(named name: String) throws -> DType {
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
public enum FixtureNumber: Decodable, Sendable {
    case bool(Bool)
    case int(Int64)
    case float(Double)

    public init(from decoder: Decoder) throws {
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

    /// The number as a Python scalar.
    public var scalar: Scalar {
        switch self {
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .float(let value): return .float(value)
        }
    }

    /// The number as a double.
    public var double: Double { scalar.doubleValue }
}

/// What went wrong reading a fixture.
public enum FixtureError: Error {
    case unknownDType(String)
    case badNumber(String)
    case missing(String)
    case unknownOp(String)
}

/// Loads `<name>.json` from a test bundle's `Fixtures` folder and decodes it.
public func loadFixture<T: Decodable>(_ name: String, as type: T.Type = T.self, in bundle: Bundle) throws -> T {
    guard let directory = bundle.url(forResource: "Fixtures", withExtension: nil) else {
        throw FixtureError.missing("Fixtures directory")
    }
    let data = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
    return try JSONDecoder().decode(T.self, from: data)
}
