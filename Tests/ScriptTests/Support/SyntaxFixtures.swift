import FixtureSupport
import Foundation
import XCTest
@testable import Script

enum SyntaxFixtureError: Error {
    case missing(String)
}

/// Loads `Fixtures/<name>.json` from the test bundle and decodes it.
func loadSyntaxFixture<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    let data = try Data(contentsOf: try fixtureURL("\(name).json"))
    return try JSONDecoder().decode(T.self, from: data)
}

/// The URL of a file under `Fixtures/`.
func fixtureURL(_ relativePath: String) throws -> URL {
    guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        throw SyntaxFixtureError.missing("Fixtures directory")
    }
    return directory.appendingPathComponent(relativePath)
}

/// One case of syntax_tokens.json: a source and CPython's tokens as [type, string, line, col, endLine, endCol].
struct TokenCase: Decodable {
    let source: String
    let tokens: [[TokenField]]
}

/// A string or an integer in a token row.
enum TokenField: Decodable, Equatable, CustomStringConvertible {
    case text(String)
    case number(Int)

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .number(value)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    var description: String {
        switch self {
        case .text(let s): return "\"\(s)\""
        case .number(let n): return "\(n)"
        }
    }
}

/// One case of syntax_ast.json: a source and its S-expression dump with ranges.
struct ASTCase: Decodable {
    let name: String
    let source: String
    let dump: String
}

/// One case of syntax_errors.json: a broken program and what CPython 3.11's `compile()` raised (nil if it compiled).
struct ErrorCase: Decodable {
    struct Expected: Decodable {
        let `class`: String
        let message: String
        let line: Int?
        let offset: Int?
        let endLine: Int?
        let endOffset: Int?
        let text: String?
        let formatted: String?
    }

    let group: String
    let source: String
    let error: Expected?
}
