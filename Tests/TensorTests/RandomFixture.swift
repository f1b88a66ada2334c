import Foundation
@testable import Tensor

/// A JSON value from `Fixtures/random.json`, keeping integers exact (seeds and int64 samples need all 64 bits).
enum FixtureValue: Decodable {
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

    /// Loads and decodes `Fixtures/random.json` from the test bundle.
    static func loadRandom() throws -> FixtureValue {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let data = try Data(contentsOf: folder.appendingPathComponent("random.json"))
        return try JSONDecoder().decode(FixtureValue.self, from: data)
    }
}

/// Bytes from a lowercase hex string, as the fixture stores generator states.
func bytes(fromHex hex: String) -> [UInt8] {
    var result: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
        index = next
    }
    return result
}
