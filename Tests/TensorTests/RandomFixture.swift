import Foundation
@testable import Tensor

extension FixtureValue {
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
