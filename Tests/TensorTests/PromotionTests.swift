import FixtureSupport
import XCTest
@testable import Tensor

/// Result dtypes for every pairing of operand kinds (dimensioned tensor, 0-dim tensor, wrapped Python number) and
/// dtypes, per op, as PyTorch computes them.
final class PromotionTests: XCTestCase {
    struct Row: Decodable {
        let op: String
        let a: [String]
        let b: [String]
        let dtype: String?
        let error: CaseError?
    }

    struct Table: Decodable {
        let rows: [Row]
    }

    static func operand(_ spec: [String]) throws -> Tensor {
        switch spec[0] {
        case "dim": return try Tensor.ones([2], dtype: FixtureTensor.dtype(named: spec[1]))
        case "zerodim": return Tensor(.int(1), dtype: try FixtureTensor.dtype(named: spec[1]))
        default:
            switch spec[1] {
            case "int": return Tensor.wrapping(.int(2))
            case "float": return Tensor.wrapping(.float(2.5))
            default: return Tensor.wrapping(.bool(true))
            }
        }
    }

    nonisolated(unsafe) static let ops: [String: (Tensor, Tensor) throws -> Tensor] = [
        "add": { try $0.add($1) }, "mul": { try $0.mul($1) }, "div": { try $0.div($1) },
        "floor_divide": { try $0.floorDivide($1) }, "sub": { try $0.sub($1) }, "eq": { try $0.eq($1) },
        "lt": { try $0.lt($1) }, "remainder": { try $0.remainder($1) }, "pow": { try $0.pow($1) },
        "maximum": { try $0.maximum($1) }, "bitwise_and": { try $0.bitwiseAnd($1) },
        "where": { try Tensor.where(Tensor([true, false]), $0, $1) },
    ]

    func testResultDTypeTable() throws {
        let rows = try loadFixture("core_promotion", as: Table.self).rows
        XCTAssertGreaterThan(rows.count, 1000)
        var failures = 0
        for row in rows {
            guard let op = Self.ops[row.op] else {
                XCTFail("unknown op \(row.op)")
                continue
            }
            let label = "\(row.op)(\(row.a.joined(separator: " ")), \(row.b.joined(separator: " ")))"
            do {
                let result = try op(try Self.operand(row.a), try Self.operand(row.b))
                if let expected = row.dtype {
                    if result.dtype != (try FixtureTensor.dtype(named: expected)) {
                        failures += 1
                        XCTFail("\(label): \(result.dtype.name) != \(expected)")
                    }
                } else {
                    failures += 1
                    XCTFail("\(label): expected \(row.error?.message ?? "?"), got \(result.dtype.name)")
                }
            } catch let error as TensorError {
                if let expected = row.error {
                    if let problem = CaseRunner.compare(error, expected) {
                        failures += 1
                        XCTFail("\(label): \(problem)")
                    }
                } else {
                    failures += 1
                    XCTFail("\(label): unexpected \(error)")
                }
            }
            if failures > 40 { return }
        }
    }

    func testWrappedFloatContributesTheDefaultDTypeNotFloat64() throws {
        let ints = try Tensor([1, 2] as [Int64])
        XCTAssertEqual(try ints.mul(Tensor.wrapping(.float(0.5))).dtype, .float32)
        // A 0-dim float64 tensor is a tensor, not a number: it does promote a dimensioned integer tensor to float64.
        XCTAssertEqual(try ints.mul(Tensor(.float(0.5), dtype: .float64)).dtype, .float64)
        let floats = try Tensor([1, 2] as [Float])
        XCTAssertEqual(try floats.mul(Tensor(.float(0.5), dtype: .float64)).dtype, .float32)
    }
}
