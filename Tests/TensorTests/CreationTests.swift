import FixtureSupport
import XCTest
@testable import Tensor

/// Factory functions against PyTorch: arange's length rule and exact float values, linspace, zeros/ones/full/empty/eye,
/// the `_like` variants and `torch.tensor` from nested lists, with their error messages.
final class CreationTests: XCTestCase {
    struct Case: Decodable {
        let name: String
        let args: [CaseValue]?
        let kinds: [String]?
        let dtype: String?
        let shape: [Int]?
        let value: CaseValue?
        let vt: String?
        let n: Int?
        let m: Int?
        let like: FixtureTensor?
        let values: Tagged?
        let out: FixtureTensor?
        let error: CaseError?

        var label: String {
            "\(name) args=\(args?.map(\.description) ?? []) kinds=\(kinds ?? []) dtype=\(dtype ?? "-") "
                + "shape=\(shape ?? []) value=\(value?.description ?? "-") n=\(n.map(String.init) ?? "-") "
                + "m=\(m.map(String.init) ?? "-")"
        }
    }

    /// Nested values with each number tagged by its Python type: `{"i": 1}`, `{"f": 1.5}`, `{"b": true}`.
    indirect enum Tagged: Decodable {
        case list([Tagged])
        case number(Scalar)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([Tagged].self) {
                self = .list(list)
                return
            }
            let tagged = try container.decode([String: FixtureNumber].self)
            guard let (tag, number) = tagged.first else { throw FixtureError.missing("tagged number") }
            switch tag {
            case "i": self = .number(.int(Int64(scalar: number.scalar)))
            case "b": self = .number(.bool(number.scalar.isNonZero))
            default: self = .number(.float(number.double))
            }
        }

        var nested: NestedValues {
            switch self {
            case .list(let items): return .list(items.map(\.nested))
            case .number(let scalar): return .scalar(scalar)
            }
        }
    }

    struct File: Decodable {
        let cases: [Case]
    }

    func testCreationFixtures() throws {
        let cases = try loadFixture("core_creation", as: File.self).cases
        XCTAssertGreaterThan(cases.count, 300)
        var failures = 0
        for testCase in cases {
            if let problem = check(testCase) {
                failures += 1
                if failures <= 60 { XCTFail("\(testCase.label): \(problem)") }
            }
        }
    }

    private func check(_ c: Case) -> String? {
        let result: Tensor
        do {
            result = try make(c)
        } catch let error as TensorError {
            guard let expected = c.error else { return "unexpected error \(error)" }
            return CaseRunner.compare(error, expected)
        } catch {
            return "unexpected error \(error)"
        }
        guard let expected = c.out else {
            let wanted = "\(c.error?.type ?? ""): \(c.error?.message ?? "")"
            return "expected \(wanted), got \(result.dtype.name) \(result.shape)"
        }
        return CaseRunner.compare(result, expected, tol: nil)
    }

    private func make(_ c: Case) throws -> Tensor {
        let dtype = try c.dtype.map { try FixtureTensor.dtype(named: $0) }
        switch c.name {
        case "arange", "arange_end":
            let args = try (c.args ?? []).enumerated().map { index, value in
                guard let kind = c.kinds?[index], let scalar = value.scalar(kind: .string(kind)) else {
                    throw FixtureError.missing("arange argument")
                }
                return scalar
            }
            if c.name == "arange_end" { return try Tensor.arange(args[0], dtype: dtype) }
            return try Tensor.arange(args[0], args[1], step: args[2], dtype: dtype)
        case "linspace":
            let args = c.args ?? []
            guard args.count == 3, let start = args[0].scalar(kind: nil), let end = args[1].scalar(kind: nil),
                  case .number(let steps) = args[2] else { throw FixtureError.missing("linspace arguments") }
            return try Tensor.linspace(start, end, steps: Int(Int64(scalar: steps.scalar)), dtype: dtype ?? .float32)
        case "zeros": return try Tensor.zeros(c.shape ?? [], dtype: dtype ?? .float32)
        case "ones": return try Tensor.ones(c.shape ?? [], dtype: dtype ?? .float32)
        case "empty": return try Tensor.empty(c.shape ?? [], dtype: dtype ?? .float32)
        case "full":
            guard let value = c.value?.scalar(kind: c.vt.map { .string($0) }) else {
                throw FixtureError.missing("value")
            }
            return try Tensor.full(c.shape ?? [], value, dtype: dtype)
        case "eye": return try Tensor.eye(c.n ?? 0, c.m, dtype: dtype ?? .float32)
        case "zeros_like": return try Tensor.zeros(like: likeTensor(c))
        case "ones_like": return try Tensor.ones(like: likeTensor(c))
        case "ones_like_f64": return try Tensor.ones(like: likeTensor(c), dtype: .float64)
        case "full_like": return try Tensor.full(like: likeTensor(c), .int(7))
        case "full_like_float": return try Tensor.full(like: likeTensor(c), .float(2.7))
        case "empty_like": return try Tensor.empty(like: likeTensor(c))
        case "tensor":
            guard let values = c.values else { throw FixtureError.missing("values") }
            return try Tensor(nested: values.nested, dtype: dtype)
        default:
            throw FixtureError.missing("creation op \(c.name)")
        }
    }

    private func likeTensor(_ c: Case) throws -> Tensor {
        guard let like = c.like else { throw FixtureError.missing("like") }
        return try like.tensor()
    }

    // MARK: - Memory

    func testAllocationAboveTheMemoryLimitIsAMemoryErrorNamingTheSize() throws {
        let budget = MemoryBudget.shared
        let saved = budget.limit
        budget.limit = budget.live + 1 << 20
        defer { budget.limit = saved }
        XCTAssertThrowsError(try Tensor.zeros([1024, 1024])) { error in
            guard let error = error as? TensorError else { return XCTFail("not a TensorError") }
            XCTAssertEqual(error.kind, .memoryError)
            XCTAssertTrue(error.message.contains("4194304 bytes"), error.message)
        }
        // Small allocations still succeed, and a refused request leaves nothing charged.
        let live = budget.live
        let small = try Tensor.ones([16, 16])
        XCTAssertEqual(small.count, 256)
        XCTAssertThrowsError(try Tensor.ones([2048, 1024]))
        XCTAssertEqual(budget.live, live + 1024)
    }

    func testShapeProductsThatOverflowThrowInsteadOfTrapping() throws {
        let huge = 1 << 62
        assertTensorError("Storage size calculation overflowed with sizes=[\(huge), 4]") {
            try Tensor.zeros([huge, 4])
        }
        assertTensorError("Storage size calculation overflowed with sizes=[\(huge)]") {
            try Tensor.empty([huge])
        }
        assertTensorError("Trying to create tensor with negative dimension -3: [2, -3]") {
            try Tensor.ones([2, -3])
        }
        assertTensorError("zeros: Dimension size must be non-negative.") { try Tensor.zeros([2, -3]) }
        XCTAssertThrowsError(try Tensor.arange(.int(0), .int(Int64(huge)))) { error in
            XCTAssertEqual((error as? TensorError)?.kind, .runtimeError)
        }
    }
}

extension CreationTests {
    func testExtremeArangeBoundsThrowInsteadOfTrapping() {
        assertTensorError("invalid size, possible overflow?") { try Tensor.arange(.int(.min), .int(.max)) }
        assertTensorError("invalid size, possible overflow?") {
            try Tensor.arange(.int(.max), .int(.min), step: .int(-1))
        }
        XCTAssertThrowsError(try Tensor.arange(.float(0), .float(9.223372036854775807e18)))
        assertTensorError("step must be nonzero") { try Tensor.arange(.float(0), .float(1), step: .float(.nan)) }
        XCTAssertThrowsError(try Tensor.linspace(.int(0), .int(1), steps: .max))
        XCTAssertThrowsError(try Tensor.eye(.max, 2))
    }
}

/// Factories hand back tensors that no user has written to: version 0, as PyTorch's `_version` shows.
final class FactoryVersionTests: XCTestCase {
    func testEveryFactoryStartsAtVersionZero() throws {
        let base = try Tensor.zeros([2, 3])
        let made: [(String, Tensor)] = [
            ("rand", try Tensor.rand([3])), ("randn", try Tensor.randn([20])),
            ("randint", try Tensor.randint(low: 0, high: 5, shape: [3])), ("randperm", try Tensor.randperm(4)),
            ("rand_like", try Tensor.rand(like: base)), ("randn_like", try Tensor.randn(like: base)),
            ("zeros", base), ("ones", try Tensor.ones([2])), ("full", try Tensor.full([2], .float(3))),
            ("arange", try Tensor.arange(.int(3))), ("eye", try Tensor.eye(2)),
            ("linspace", try Tensor.linspace(.int(0), .int(1), steps: 3)),
        ]
        for (name, tensor) in made { XCTAssertEqual(tensor.version, 0, name) }
    }
}
