import FixtureSupport
import Foundation
import Script
import XCTest

/// The decoded `Fixtures/printing_python.json`: CPython's repr, format() and % results.
struct PythonCases: Decodable {
    let format: Table<FormatCase>
    let percent: Table<PercentCase>
    let repr: ReprCases

    nonisolated(unsafe) static let shared: Result<PythonCases, Error> = Result {
        guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw FixtureError.missing("Fixtures directory")
        }
        let data = try Data(contentsOf: directory.appendingPathComponent("printing_python.json"))
        return try JSONDecoder().decode(PythonCases.self, from: data)
    }

    static func load() throws -> PythonCases { try shared.get() }

    /// Values stored once and cases that refer to them by index.
    struct Table<Case: Decodable>: Decodable {
        let values: [PyValue]
        let cases: [Case]
    }
}

/// A Python value as the generator encodes it: `{"int": 1}`, `{"str": "a"}`, `{"obj": {...}}`, ...
enum PyValue: Decodable {
    case int(Int64)
    case bool(Bool)
    case float(Double)
    case str(String)
    case none
    case obj(FormatObject)

    private enum Key: String, CodingKey {
        case int, bool, float, str, none, obj
    }

    private struct Object: Decodable {
        let type: String
        let str: String
        let repr: String
        let index: Int64?
        let int: Int64?
        let float: Double?
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let value = try container.decodeIfPresent(Int64.self, forKey: .int) {
            self = .int(value)
        } else if let value = try container.decodeIfPresent(Bool.self, forKey: .bool) {
            self = .bool(value)
        } else if container.contains(.float) {
            // JSON cannot tell 1.0 from 1, so an integral float may decode as an int.
            self = .float(try container.decode(FixtureNumber.self, forKey: .float).scalar.doubleValue)
        } else if let value = try container.decodeIfPresent(String.self, forKey: .str) {
            self = .str(value)
        } else if container.contains(.none) {
            self = .none
        } else {
            let object = try container.decode(Object.self, forKey: .obj)
            self = .obj(FormatObject(typeName: object.type, str: object.str, repr: object.repr, index: object.index,
                                     int: object.int, float: object.float))
        }
    }

    var formatValue: FormatValue {
        switch self {
        case .int(let value): return .int(value)
        case .bool(let value): return .bool(value)
        case .float(let value): return .float(value)
        case .str(let value): return .string(value)
        case .none: return .none
        case .obj(let object): return .object(object)
        }
    }
}

/// A string result, or the exception class and message.
enum Outcome: Decodable, Equatable, CustomStringConvertible {
    case text(String)
    case error(String, String)

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            let pair = try container.decode([String].self)
            guard pair.count == 2 else { throw FixtureError.missing("error pair") }
            self = .error(pair[0], pair[1])
        }
    }

    init(_ body: () throws(FormatError) -> String) {
        do {
            self = .text(try body())
        } catch {
            self = .error(error.kind.rawValue, error.message)
        }
    }

    var description: String {
        switch self {
        case .text(let text): return PythonRepr.string(text)
        case .error(let kind, let message): return "\(kind): \(message)"
        }
    }
}

/// `format(values[value], spec)` and its outcome.
struct FormatCase: Decodable {
    let value: Int
    let spec: String
    let outcome: Outcome

    init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        value = try container.decode(Int.self)
        spec = try container.decode(String.self)
        outcome = try container.decode(Outcome.self)
    }
}

/// `template % arguments` and its outcome.
struct PercentCase: Decodable {
    let template: String
    let arguments: Arguments
    let outcome: Outcome

    struct Arguments: Decodable {
        let tuple: [Int]?
        let single: Int?
        let mapping: [String: Int]?
        let repr: String?
    }

    init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        template = try container.decode(String.self)
        arguments = try container.decode(Arguments.self)
        outcome = try container.decode(Outcome.self)
    }
}

/// repr() of floats, strings (with ascii()), containers and ranges.
struct ReprCases: Decodable {
    let floats: [FloatCase]
    let strings: [[String]]
    let containers: [ContainerCase]
    let ranges: [[RangePart]]

    /// A float and its repr.
    struct FloatCase: Decodable {
        let value: Double
        let repr: String

        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            value = try container.decode(FixtureNumber.self).scalar.doubleValue
            repr = try container.decode(String.self)
        }
    }

    enum RangePart: Decodable {
        case int(Int64)
        case string(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Int64.self) {
                self = .int(value)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    struct ContainerCase: Decodable {
        let tree: Tree
        let repr: String

        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            tree = try container.decode(Tree.self)
            repr = try container.decode(String.self)
        }
    }

    /// A nested container as the generator writes it.
    indirect enum Tree: Decodable {
        case list([Tree])
        case tuple([Tree])
        case dict([(Tree, Tree)])
        case set([Tree])
        case frozenset([Tree])
        case leaf(PyValue)

        private enum Key: String, CodingKey {
            case list, tuple, dict, set, frozenset
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            if let items = try container.decodeIfPresent([Tree].self, forKey: .list) {
                self = .list(items)
            } else if let items = try container.decodeIfPresent([Tree].self, forKey: .tuple) {
                self = .tuple(items)
            } else if let pairs = try container.decodeIfPresent([[Tree]].self, forKey: .dict) {
                self = .dict(pairs.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil })
            } else if let items = try container.decodeIfPresent([Tree].self, forKey: .set) {
                self = .set(items)
            } else if let items = try container.decodeIfPresent([Tree].self, forKey: .frozenset) {
                self = .frozenset(items)
            } else {
                self = .leaf(try PyValue(from: decoder))
            }
        }

        /// The repr, built with PythonRepr's container functions.
        var repr: String {
            switch self {
            case .list(let items): return PythonRepr.list(items.map(\.repr))
            case .tuple(let items): return PythonRepr.tuple(items.map(\.repr))
            case .dict(let pairs): return PythonRepr.dict(pairs.map { (key: $0.0.repr, value: $0.1.repr) })
            case .set(let items): return PythonRepr.set(items.map(\.repr))
            case .frozenset(let items): return PythonRepr.frozenset(items.map(\.repr))
            case .leaf(let value): return value.formatValue.repr
            }
        }
    }
}
