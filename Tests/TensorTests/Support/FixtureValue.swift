import Foundation
@testable import Tensor

/// Any JSON value from a fixture, keeping integers exact (seeds and int64 samples need all 64 bits).
enum FixtureValue: Decodable, Sendable {
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bool(Bool)
    case array([FixtureValue])
    case object([String: FixtureValue])
    case null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(UInt64.self) {
            self = .uint(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([FixtureValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: FixtureValue].self))
        }
    }

    subscript(key: String) -> FixtureValue {
        if case .object(let fields) = self { return fields[key] ?? .null }
        return .null
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    var double: Double {
        switch self {
        case .int(let v): return Double(v)
        case .uint(let v): return Double(v)
        case .double(let v): return v
        case .bool(let v): return v ? 1 : 0
        default: return .nan
        }
    }

    var int64: Int64 {
        switch self {
        case .int(let v): return v
        case .uint(let v): return Int64(bitPattern: v)
        case .double(let v): return Int64(v)
        case .bool(let v): return v ? 1 : 0
        default: return .min
        }
    }

    var uint64: UInt64 {
        switch self {
        case .int(let v): return UInt64(bitPattern: v)
        case .uint(let v): return v
        default: return 0
        }
    }

    var int: Int { Int(int64) }
    var bool: Bool {
        if case .bool(let v) = self { return v }
        return false
    }
    var string: String {
        if case .string(let v) = self { return v }
        return ""
    }
    var array: [FixtureValue] {
        if case .array(let v) = self { return v }
        return []
    }
    var object: [String: FixtureValue] {
        if case .object(let v) = self { return v }
        return [:]
    }
    var ints: [Int] { array.map(\.int) }
    var doubles: [Double] { array.map(\.double) }

    var dtype: DType {
        switch string {
        case "float64": return .float64
        case "int64": return .int64
        case "bool": return .bool
        default: return .float32
        }
    }

    /// The value as an int, if it is one.
    var intValue: Int? {
        switch self {
        case .int(let v): return Int(exactly: v)
        case .uint(let v): return Int(exactly: v)
        default: return nil
        }
    }

    /// The value as a bool, if it is one.
    var boolValue: Bool? {
        if case .bool(let v) = self { return v }
        return nil
    }

    /// The value as a string, if it is one.
    var stringValue: String? {
        if case .string(let v) = self { return v }
        return nil
    }

    /// The value as a number, with the strings "inf" and "-inf" for infinities.
    var doubleValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .uint(let v): return Double(v)
        case .double(let v): return v
        case .string("inf"): return .infinity
        case .string("-inf"): return -.infinity
        default: return nil
        }
    }

    /// The value as a Python number; a float that Python wrote as a whole number is stored as `{"float": x}`.
    var scalarValue: Scalar? {
        switch self {
        case .bool(let v): return .bool(v)
        case .int(let v): return .int(v)
        case .double(let v): return .float(v)
        case .object(let fields): return fields["float"]?.doubleValue.map { .float($0) }
        default: return nil
        }
    }
}
