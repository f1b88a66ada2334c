import FixtureSupport
import XCTest
@testable import Tensor

/// The contents of `reductions.json` (written by `generate_reductions.py`).
struct ReductionFixtures: Decodable {
    struct Input: Decodable {
        let base: FixtureTensor
        let view: String?
    }

    struct Case: Decodable {
        let op: String
        let input: String
        let args: [String: FixtureValue]
        let out: [FixtureTensor]
        let gradFn: String?
        let grad: FixtureTensor?

        enum CodingKeys: String, CodingKey {
            case op, input, args, out, grad
            case gradFn = "grad_fn"
        }
    }

    struct ErrorCase: Decodable {
        struct Expected: Decodable {
            let type: String
            let message: String
        }

        let op: String
        let input: String
        let args: [String: FixtureValue]
        let requiresGrad: Bool?
        let error: Expected

        enum CodingKeys: String, CodingKey {
            case op, input, args, error
            case requiresGrad = "requires_grad"
        }
    }

    struct Seed: Decodable {
        let logits: FixtureTensor
        let probs: FixtureTensor
        let logProbs: FixtureTensor
        let argmax: Int64

        enum CodingKeys: String, CodingKey {
            case logits, probs, argmax
            case logProbs = "log_probs"
        }
    }

    struct PrecisionRows: Decodable {
        let input: FixtureTensor
        let softmaxLast: FixtureTensor
        let logSoftmaxLast: FixtureTensor
        let softmaxFirst: FixtureTensor
        let logSoftmaxFirst: FixtureTensor

        enum CodingKeys: String, CodingKey {
            case input
            case softmaxLast = "softmax_last"
            case logSoftmaxLast = "log_softmax_last"
            case softmaxFirst = "softmax_first"
            case logSoftmaxFirst = "log_softmax_first"
        }
    }

    let inputs: [String: Input]
    let cases: [Case]
    let errors: [ErrorCase]
    let seed: Seed
    let precision: [PrecisionRows]

    static let shared: Result<ReductionFixtures, Error> = Result { try loadFixture("reductions") }

    /// The named input, viewed as the generator viewed it, as a fresh leaf (requiring grad when floating point).
    func input(_ name: String, requiresGrad: Bool = true) throws -> Tensor {
        guard let input = inputs[name] else { throw FixtureError.missing(name) }
        var x = try input.base.tensor()
        switch input.view {
        case "t": x = try x.transpose(0, -1)
        case "step": x = try x.slice(dim: -1, step: 2)
        case "expand": x = try x.expand([3, 4])
        default: break
        }
        x = x.detach()
        if requiresGrad && x.dtype.isFloatingPoint { try x.requiresGrad_() }
        return x
    }
}

extension Dictionary where Key == String, Value == FixtureValue {
    func dims(_ key: String = "dims") -> [Int]? {
        if case .array(let dims)? = self[key] { return dims.compactMap(\.intValue) }
        return nil
    }

    func int(_ key: String) -> Int? { self[key]?.intValue }

    func bool(_ key: String) -> Bool? { self[key]?.boolValue }

    func double(_ key: String) -> Double? { self[key]?.doubleValue }

    func dtype() throws -> DType? {
        guard case .string(let name)? = self["dtype"] else { return nil }
        return try FixtureTensor.dtype(named: name)
    }

    var keepdim: Bool { bool("keepdim") ?? false }

    /// `norm`'s `p`: a number or a name.
    var normOrder: NormOrder {
        if let p = double("p") { return .number(p) }
        if case .string(let name)? = self["p"] { return .name(name) }
        return .fro
    }
}

/// Applies a fixture op by its PyTorch name to `x`, returning its outputs in PyTorch's order.
func applyFixtureOp(_ op: String, _ x: Tensor, _ a: [String: FixtureValue]) throws -> [Tensor] {
    let keepdim = a.keepdim
    switch op {
    case "sum":
        if let dims = a.dims() { return [try x.sum(dims: dims, keepdim: keepdim, dtype: a.dtype())] }
        return [try x.sum(dtype: a.dtype())]
    case "mean":
        if let dims = a.dims() { return [try x.mean(dims: dims, keepdim: keepdim, dtype: a.dtype())] }
        return [try x.mean(dtype: a.dtype())]
    case "var", "std", "var_mean", "std_mean":
        let correction = a.bool("unbiased").map { $0 ? 1.0 : 0.0 } ?? a.double("correction") ?? 1
        let dims = a.dims()
        switch op {
        case "var": return [try x.var(dims: dims, correction: correction, keepdim: keepdim)]
        case "std": return [try x.std(dims: dims, correction: correction, keepdim: keepdim)]
        case "var_mean":
            let (v, m) = try x.varMean(dims: dims, correction: correction, keepdim: keepdim)
            return [v, m]
        default:
            let (s, m) = try x.stdMean(dims: dims, correction: correction, keepdim: keepdim)
            return [s, m]
        }
    case "max", "min":
        if let dim = a.int("dim") {
            let (values, indices) = op == "max"
                ? try x.max(dim: dim, keepdim: keepdim) : try x.min(dim: dim, keepdim: keepdim)
            return [values, indices]
        }
        return [op == "max" ? try x.max() : try x.min()]
    case "amax": return [try x.amax(dims: a.dims() ?? [], keepdim: keepdim)]
    case "amin": return [try x.amin(dims: a.dims() ?? [], keepdim: keepdim)]
    case "argmax": return [try x.argmax(dim: a.int("dim"), keepdim: keepdim)]
    case "argmin": return [try x.argmin(dim: a.int("dim"), keepdim: keepdim)]
    case "prod":
        if let dim = a.int("dim") { return [try x.prod(dim: dim, keepdim: keepdim, dtype: a.dtype())] }
        return [try x.prod(dtype: a.dtype())]
    case "logsumexp": return [try x.logsumexp(dims: a.dims() ?? [], keepdim: keepdim)]
    case "norm": return [try x.norm(p: a.normOrder, dims: a.dims(), keepdim: keepdim, dtype: a.dtype())]
    case "vector_norm":
        return [try x.vectorNorm(ord: a.double("ord") ?? 2, dims: a.dims(), keepdim: keepdim, dtype: a.dtype())]
    case "all":
        if let dims = a.dims() { return [try x.all(dims: dims, keepdim: keepdim)] }
        return [try x.all()]
    case "any":
        if let dims = a.dims() { return [try x.any(dims: dims, keepdim: keepdim)] }
        return [try x.any()]
    case "count_nonzero": return [try x.countNonzero(dims: a.dims())]
    case "cumsum": return [try x.cumsum(dim: a.int("dim") ?? 0, dtype: a.dtype())]
    case "cumprod": return [try x.cumprod(dim: a.int("dim") ?? 0, dtype: a.dtype())]
    case "softmax": return [try x.softmax(dim: a.int("dim") ?? 0, dtype: a.dtype())]
    case "log_softmax": return [try x.logSoftmax(dim: a.int("dim") ?? 0, dtype: a.dtype())]
    default: throw FixtureError.missing("op \(op)")
    }
}

/// The tolerances fixture values are compared with: float32 within 2 ulp (the worst measured: sums and norms
/// accumulate in double, PyTorch in float), float64 near exactly, others exactly.
func fixtureTolerance(_ dtype: String) -> (rtol: Double, atol: Double) {
    switch dtype {
    case "float32": return (2.4e-7, 1e-30)
    case "float64": return (1e-12, 1e-14)
    default: return (0, 0)
    }
}

/// The tolerances gradients are compared with: looser, since they subtract nearly equal terms (softmax's
/// `g - sum(g * y)`, var's `x - mean`) that round differently in each library.
func gradientTolerance(_ dtype: String) -> (rtol: Double, atol: Double) {
    dtype == "float32" ? (1e-5, 1e-6) : (1e-10, 1e-12)
}

/// Runs every fixture case whose op satisfies `include`: outputs, grad_fn name and input gradient.
func checkFixtureCases(where include: (String) -> Bool, file: StaticString = #filePath, line: UInt = #line) throws {
    let fixtures = try ReductionFixtures.shared.get()
    var checked = 0
    for c in fixtures.cases where include(c.op) {
        let label = "\(c.op)(\(c.input), \(c.args))"
        let x = try fixtures.input(c.input)
        let outs = try applyFixtureOp(c.op, x, c.args)
        XCTAssertEqual(outs.count, c.out.count, label, file: file, line: line)
        for (actual, expected) in zip(outs, c.out) {
            let (rtol, atol) = fixtureTolerance(expected.dtype)
            assertTensor(actual, equals: expected, rtol: rtol, atol: atol, label, file: file, line: line)
        }
        XCTAssertEqual(outs.first?.gradFn?.name, c.gradFn, "grad_fn of \(label)", file: file, line: line)
        if let expectedGrad = c.grad {
            var loss: Tensor?
            for out in outs where out.dtype.isFloatingPoint && out.requiresGrad {
                let weights = try Tensor((0..<out.count).map { 0.5 + Double($0 % 7) * 0.25 }, shape: out.shape)
                let term = try out.mul(weights.to(out.dtype)).sum()
                loss = try loss.map { try $0.add(term) } ?? term
            }
            try loss?.backward()
            let (rtol, atol) = gradientTolerance(expectedGrad.dtype)
            assertTensor(x.grad, equals: expectedGrad, rtol: rtol, atol: atol, "grad of \(label)", file: file,
                         line: line)
        } else if c.out.contains(where: { $0.dtype.hasPrefix("float") }) && x.dtype.isFloatingPoint {
            // PyTorch left the input without a gradient (the 0-"norm"): so must we.
            var loss: Tensor?
            for out in outs where out.requiresGrad { loss = try out.sum() }
            try loss?.backward()
            XCTAssertNil(x.grad, "no grad for \(label)", file: file, line: line)
        }
        checked += 1
    }
    XCTAssertGreaterThan(checked, 0, file: file, line: line)
}

/// Runs every fixture error case whose op satisfies `include`: message and exception class.
func checkFixtureErrors(where include: (String) -> Bool, file: StaticString = #filePath, line: UInt = #line) throws {
    let fixtures = try ReductionFixtures.shared.get()
    var checked = 0
    for c in fixtures.errors where include(c.op) {
        let x = try fixtures.input(c.input, requiresGrad: c.requiresGrad ?? false)
        do {
            _ = try applyFixtureOp(c.op, x, c.args)
            XCTFail("\(c.op)(\(c.input), \(c.args)) should fail with \(c.error.message)", file: file, line: line)
        } catch let error as TensorError {
            XCTAssertEqual(error.message, c.error.message, "\(c.op)(\(c.input), \(c.args))", file: file, line: line)
            XCTAssertEqual(error.kind.rawValue, c.error.type, "\(c.op)(\(c.input), \(c.args))", file: file, line: line)
        }
        checked += 1
    }
    XCTAssertGreaterThan(checked, 0, file: file, line: line)
}

final class ReductionTests: XCTestCase {
    private static let softmaxOps: Set<String> = ["softmax", "log_softmax"]

    func testFixtureCasesMatchPyTorch() throws {
        try checkFixtureCases(where: { !Self.softmaxOps.contains($0) })
    }

    func testFixtureErrorsMatchPyTorch() throws {
        try checkFixtureErrors(where: { !Self.softmaxOps.contains($0) })
    }
}

final class ReductionGradientTests: XCTestCase {
    /// Distinct values (no ties, no zeros) in a [3, 4] float64 tensor, and a transposed view of them.
    private func inputs() throws -> [Tensor] {
        let values = (0..<12).map { 0.3 + sin(Double($0) * 2.3) * 1.7 }
        let x = try Tensor(values, shape: [3, 4])
        return [x, try Tensor(values, shape: [4, 3]).t().detach()]
    }

    private func check(_ f: @escaping (Tensor) throws -> Tensor, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        for x in try inputs() {
            try assertGradientsMatchFiniteDifferences([x], file: file, line: line) { try f($0[0]) }
        }
    }

    func testSumMeanAndMomentsMatchFiniteDifferences() throws {
        try check { try $0.sum(dims: [1], keepdim: true) }
        try check { try $0.mean() }
        try check { try $0.mean(dims: [0]) }
        try check { try $0.var() }
        try check { try $0.var(dims: [1], correction: 0, keepdim: true) }
        try check { try $0.std(dims: [0]) }
        try check { try $0.std(correction: 2.5) }
        try check { x in
            let (v, m) = try x.varMean(dims: [1])
            return try v.add(m.mul(Tensor.wrapping(.float(3))))
        }
        try check { x in
            let (s, m) = try x.stdMean(dims: [0], correction: 0, keepdim: true)
            return try s.mul(m)
        }
    }

    func testExtremaMatchFiniteDifferences() throws {
        try check { try $0.max() }
        try check { try $0.min() }
        try check { try $0.max(dim: 1).values }
        try check { try $0.min(dim: 0, keepdim: true).values }
        try check { try $0.amax(dims: [0]) }
        try check { try $0.amin(dims: [0, 1], keepdim: true) }
    }

    func testProductsLogsumexpNormsAndScansMatchFiniteDifferences() throws {
        try check { try $0.prod() }
        try check { try $0.prod(dim: 1) }
        try check { try $0.logsumexp(dims: [1]) }
        try check { try $0.logsumexp(dims: [0, 1], keepdim: true) }
        for p: Double in [1, 2, 3, 1.5, 0.5, -1, .infinity, -.infinity] {
            try check { try $0.vectorNorm(ord: p, dims: [1]) }
        }
        try check { try $0.norm() }
        try check { try $0.cumsum(dim: 0) }
        try check { try $0.cumsum(dim: 1) }
        try check { try $0.cumprod(dim: 1) }
        try check { try $0.cumprod(dim: 0) }
    }

    func testProductGradientsWithZerosMatchFiniteDifferences() throws {
        let x = try Tensor([2, 0, 3, 1, 2, 3, 0, 4, 0, 5, 0.5, -1], shape: [3, 4])
        try assertGradientsMatchFiniteDifferences([x]) { try $0[0].prod() }
        try assertGradientsMatchFiniteDifferences([x]) { try $0[0].prod(dim: 1) }
        try assertGradientsMatchFiniteDifferences([x]) { try $0[0].prod(dim: 0, keepdim: true) }
        try assertGradientsMatchFiniteDifferences([x]) { try $0[0].cumprod(dim: 1) }
        try assertGradientsMatchFiniteDifferences([x]) { try $0[0].cumprod(dim: 0) }
        let twoZeros = try Tensor([1.5, 0, 2, 0], shape: [4])
        try assertGradientsMatchFiniteDifferences([twoZeros]) { try $0[0].prod() }
    }

    /// Backwards built from differentiable ops can themselves be differentiated (`create_graph=True`). (Linear
    /// reductions are left out: their gradients do not depend on the input at all.)
    func testSecondOrderGradientsMatchFiniteDifferences() throws {
        let reductions: [(Tensor) throws -> Tensor] = [
            { try $0.var(dims: [1]) }, { try $0.std() }, { try $0.logsumexp(dims: [0]) },
            { try $0.vectorNorm(ord: 3, dims: [1]) }, { try $0.norm() },
            { try $0.prod(dim: 1) }, { try $0.cumprod(dim: 0) }, { try $0.cumsum(dim: 1).exp() },
        ]
        for f in reductions {
            let x = try inputs()[0]
            try assertGradientsMatchFiniteDifferences([x]) { inputs in
                try GradMode.with(enabled: true) {
                    let y = try f(inputs[0])
                    let weights = try Tensor((0..<y.count).map { 1 + Double($0) * 0.5 }, shape: y.shape)
                    let first = try SoftmaxTests.gradient(of: y.mul(weights).sum(), withRespectTo: inputs[0])
                    return try first.mul(first)
                }
            }
        }
    }
}

final class ReductionBehaviourTests: XCTestCase {
    func testTiesPickTheFirstPositionAndShareGradients() throws {
        let x = try Tensor([3, 1, 3] as [Float]).requiresGrad_()
        XCTAssertEqual(try x.argmax().item(), .int(0))
        let (values, indices) = try x.max(dim: 0)
        XCTAssertEqual(try indices.item(), .int(0))
        try values.backward()
        XCTAssertEqual(x.grad?.doubles, [1, 0, 0])
        x.grad = nil
        try x.max().backward()
        XCTAssertEqual(x.grad?.doubles, [0.5, 0, 0.5])
        x.grad = nil
        try x.amax().backward()
        XCTAssertEqual(x.grad?.doubles, [0.5, 0, 0.5])
    }

    func testNaNPropagatesAndWinsArgReductions() throws {
        let x = try Tensor([1, .nan, 5, .nan] as [Double])
        XCTAssertTrue(try x.max().item().doubleValue.isNaN)
        XCTAssertTrue(try x.amin().item().doubleValue.isNaN)
        XCTAssertEqual(try x.argmax().item(), .int(1))
        XCTAssertEqual(try x.argmin().item(), .int(1))
        XCTAssertEqual(try x.min(dim: 0).indices.item(), .int(1))
        XCTAssertTrue(try x.sum().item().doubleValue.isNaN)
    }

    func testEmptyReductions() throws {
        let e = try Tensor.zeros([0, 3])
        XCTAssertEqual(try e.sum().item(), .float(0))
        XCTAssertTrue(try e.mean().item().doubleValue.isNaN)
        XCTAssertEqual(try e.prod().item(), .float(1))
        XCTAssertEqual(try e.logsumexp(dims: [0]).doubles, [-.infinity, -.infinity, -.infinity])
        XCTAssertEqual(try e.max(dim: 1).values.shape, [0])
        assertTensorError("max(): Expected reduction dim 0 to have non-zero size.") { try e.max(dim: 0) }
    }

    func testDTypeRules() throws {
        let i = try Tensor([1, 2, 3] as [Int64])
        let b = try Tensor([true, false, true])
        XCTAssertEqual(try b.sum().dtype, .int64)
        XCTAssertEqual(try b.prod().dtype, .int64)
        XCTAssertEqual(try i.cumsum(dim: 0).dtype, .int64)
        XCTAssertEqual(try i.all().dtype, .bool)
        XCTAssertEqual(try i.logsumexp(dims: [0]).dtype, .float32)
        XCTAssertEqual(try i.mean(dtype: .float64).dtype, .float64)
        XCTAssertEqual(try i.argmax().dtype, .int64)
        XCTAssertEqual(try i.countNonzero().dtype, .int64)
        let wrapped = try Tensor([Int64.max, 1]).sum()
        XCTAssertEqual(try wrapped.item(), .int(Int64.min))
    }

    func testGradFnNames() throws {
        let x = try Tensor([1, 2, 3, 4] as [Float], shape: [2, 2]).requiresGrad_()
        let names: [(Tensor, String)] = [
            (try x.sum(), "SumBackward0"), (try x.sum(dims: [0]), "SumBackward1"),
            (try x.mean(), "MeanBackward0"), (try x.mean(dims: [1]), "MeanBackward1"),
            (try x.var(), "VarBackward0"), (try x.std(dims: [0]), "StdBackward0"),
            (try x.varMean().variance, "VarMeanBackward0"), (try x.varMean().mean, "VarMeanBackward0"),
            (try x.stdMean().std, "StdMeanBackward0"), (try x.max(), "MaxBackward1"),
            (try x.max(dim: 0).values, "MaxBackward0"), (try x.min(), "MinBackward1"),
            (try x.min(dim: 1).values, "MinBackward0"), (try x.amax(), "AmaxBackward0"),
            (try x.amin(dims: [0]), "AminBackward0"), (try x.prod(), "ProdBackward0"),
            (try x.prod(dim: 0), "ProdBackward1"), (try x.logsumexp(dims: [0]), "LogsumexpBackward0"),
            (try x.norm(), "LinalgVectorNormBackward0"), (try x.norm(p: 1, dims: [0]), "LinalgVectorNormBackward0"),
            (try x.cumsum(dim: 0), "CumsumBackward0"), (try x.cumprod(dim: 1), "CumprodBackward0"),
        ]
        for (tensor, name) in names { XCTAssertEqual(tensor.gradFn?.name, name) }
        XCTAssertNil(try x.argmax().gradFn)
        XCTAssertNil(try x.max(dim: 0).indices.gradFn)
        XCTAssertFalse(try x.all().requiresGrad)
    }

    func testNuclearNormIsRefusedWithAnAttendMessage() throws {
        let x = try Tensor.ones([2, 2])
        assertTensorError("linalg.matrix_norm: the nuclear norm ('nuc') needs a singular value decomposition, which "
            + "Attend does not provide") { try x.norm(p: "nuc") }
    }
}
