import XCTest
@testable import Tensor

/// Checks Attend's random operations against what PyTorch 2.13's CPU build produced for the same seeds
/// (`Fixtures/generate_random.py`). Every value is compared bit for bit, normal samples included: the block path
/// reproduces PyTorch's AVX2 polynomial log/sincos with its fused multiply-adds, and the serial and float64 paths call
/// the same C library functions PyTorch does.
final class RandomTests: XCTestCase {
    // XCTest runs these tests one at a time on one thread, so the decoded fixture can be shared.
    nonisolated(unsafe) private static var cachedFixture: FixtureValue?

    private func fixture() throws -> FixtureValue {
        if let cached = Self.cachedFixture { return cached }
        let loaded = try FixtureValue.loadRandom()
        Self.cachedFixture = loaded
        return loaded
    }

    func testFixtureCasesMatchPyTorchBitForBit() throws {
        let cases = try fixture()["cases"].array
        XCTAssertGreaterThan(cases.count, 40)
        for testCase in cases {
            let name = testCase["name"].string
            let generator: Generator?
            if testCase["generator"].string == "default" {
                Generator.default.manualSeed(testCase["seed"].uint64)
                generator = nil
            } else {
                let fresh = Generator()
                if !testCase["seed"].isNull { fresh.manualSeed(testCase["seed"].uint64) }
                generator = fresh
            }
            for (index, step) in testCase["steps"].array.enumerated() {
                let label = "\(name) step \(index) (\(step["op"].string))"
                let result = try run(step, generator: generator)
                if !step["out_strides"].isNull {
                    XCTAssertEqual(result.strides, step["out_strides"].ints, label)
                }
                if step["digest"].isNull {
                    assertEqual(result, step["out"], label)
                } else {
                    assertDigest(result, step["digest"], label)
                }
            }
            if !testCase["state_after"].isNull {
                let state = (generator ?? Generator.default).state
                XCTAssertEqual(state, bytes(fromHex: testCase["state_after"].string), "\(name) final state")
            }
        }
    }

    func testSetStateReplaysSavedStateIncludingCachedNormal() throws {
        let replay = try fixture()["replay"]
        let generator = Generator(seed: 0)
        try generator.setState(bytes(fromHex: replay["state"].string))
        XCTAssertNotNil(generator.nextDoubleNormal)
        XCTAssertEqual(generator.state, bytes(fromHex: replay["state"].string))
        for (index, step) in replay["steps"].array.enumerated() {
            assertEqual(try run(step, generator: generator), step["out"], "replay step \(index)")
        }
    }

    func testSeedsAndDefaults() throws {
        let meta = try fixture()["meta"]
        XCTAssertEqual(Generator().initialSeed, meta["fresh_generator_initial_seed"].uint64)
        let generator = Generator()
        generator.manualSeed(-1)
        XCTAssertEqual(generator.initialSeed, meta["negative_seed_initial_seed"].uint64)
        // The default generator starts from an unpredictable seed below 2^53, as PyTorch's does.
        let fresh = Generator(seed: 1)
        let seed = fresh.seed()
        XCTAssertLessThan(seed, 1 << 53)
        XCTAssertEqual(fresh.initialSeed, seed)
    }

    func testManualSeedForgetsCachedNormal() throws {
        let generator = Generator(seed: 3)
        _ = try Tensor.randn([1], dtype: .float64, generator: generator)
        XCTAssertNotNil(generator.nextDoubleNormal)
        generator.manualSeed(3)
        XCTAssertNil(generator.nextDoubleNormal)
        XCTAssertEqual(generator.state, Generator(seed: 3).state)
    }

    func testGradFnNamesOfRandomFills() throws {
        let names = try fixture()["grad_fns"]
        let leaf = try Tensor.ones([3]).requiresGrad_()
        let fills: [(String, (Tensor) throws(TensorError) -> Tensor)] = [
            ("uniform_", { x throws(TensorError) in try x.uniform_() }),
            ("normal_", { x throws(TensorError) in try x.normal_() }),
            ("bernoulli_scalar", { x throws(TensorError) in try x.bernoulli_(p: 0.5) }),
            ("bernoulli_tensor", { x throws(TensorError) in try x.bernoulli_(p: try Tensor.rand([3])) }),
            ("exponential_", { x throws(TensorError) in try x.exponential_() }),
            ("random_", { x throws(TensorError) in try x.random_(from: 0, to: 5) }),
        ]
        for (name, fill) in fills {
            let x = try leaf.mul(Tensor.wrapping(.int(1)))
            _ = try fill(x)
            XCTAssertEqual(x.gradFn?.name, names[name].string, name)
        }
        let probabilities = try Tensor.rand([3]).requiresGrad_()
        XCTAssertEqual(try probabilities.bernoulli().gradFn?.name, names["bernoulli"].string)
        // Random fills pass no gradient back to what they overwrote.
        let x = try leaf.mul(Tensor.wrapping(.int(2)))
        try x.normal_().sum().backward()
        XCTAssertEqual(leaf.grad?.doubles, [0, 0, 0])
    }

    func testInPlaceFillOfLeafRequiringGradIsRefused() throws {
        let leaf = try Tensor.zeros([4]).requiresGrad_()
        XCTAssertThrowsError(try leaf.uniform_()) { error in
            XCTAssertEqual(error as? TensorError, .leafInPlace)
        }
    }

    // MARK: - Running fixture steps

    private func run(_ step: FixtureValue, generator: Generator?) throws -> Tensor {
        let op = step["op"].string
        let dtype = step["dtype"].isNull ? DType.float32 : step["dtype"].dtype
        let shape = step["shape"].ints
        switch op {
        case "rand": return try Tensor.rand(shape, dtype: dtype, generator: generator)
        case "randn": return try Tensor.randn(shape, dtype: dtype, generator: generator)
        case "randint":
            return try Tensor.randint(low: step["low"].int64, high: step["high"].int64, shape: shape, dtype: dtype,
                                      generator: generator)
        case "randperm": return try Tensor.randperm(step["n"].int, dtype: dtype, generator: generator)
        case "uniform_":
            return try Tensor.empty(shape, dtype: dtype)
                .uniform_(from: step["from"].double, to: step["to"].double, generator: generator)
        case "normal_":
            return try Tensor.empty(shape, dtype: dtype)
                .normal_(mean: step["mean"].double, std: step["std"].double, generator: generator)
        case "exponential_":
            return try Tensor.empty(shape, dtype: dtype)
                .exponential_(lambda: step["lambda"].double, generator: generator)
        case "bernoulli_scalar":
            return try Tensor.empty(shape, dtype: dtype).bernoulli_(p: step["p"].double, generator: generator)
        case "bernoulli_tensor":
            let p = try tensor(step["p"].doubles, shape: step["p_shape"].ints, dtype: step["p_dtype"].dtype)
            return try Tensor.empty(shape, dtype: dtype).bernoulli_(p: p, generator: generator)
        case "bernoulli":
            return try tensor(step["p"].doubles, shape: step["p_shape"].ints, dtype: dtype)
                .bernoulli(generator: generator)
        case "multinomial":
            var probabilities = try tensor(step["probs"].doubles, shape: step["probs_shape"].ints, dtype: dtype)
            if step["transpose"].bool { probabilities = try probabilities.t() }
            return try probabilities.multinomial(numSamples: step["n"].int, replacement: step["replacement"].bool,
                                                 generator: generator)
        case "rand_like", "randn_like":
            var source = try Tensor.empty(shape, dtype: dtype)
            if step["transpose"].bool { source = try source.t() }
            return op == "rand_like" ? try Tensor.rand(like: source, generator: generator)
                : try Tensor.randn(like: source, generator: generator)
        default:
            return try runOnView(step, op: op, dtype: dtype, generator: generator)
        }
    }

    /// Runs an in-place fill on a permuted, sliced view of a zero tensor and returns the whole base.
    private func runOnView(_ step: FixtureValue, op: String, dtype: DType, generator: Generator?) throws -> Tensor {
        let spec = step["view"]
        let base = try Tensor.zeros(spec["base"].ints, dtype: dtype)
        var view = try base.permute(spec["permute"].ints)
        for (dim, slice) in spec["slices"].array.enumerated() {
            let (start, end, stride) = (slice.array[0].int, slice.array[1].int, slice.array[2].int)
            view = try view.slice(dim: dim, start: start, end: end, step: stride)
        }
        switch op {
        case "uniform_view": try view.uniform_(from: step["from"].double, to: step["to"].double, generator: generator)
        case "normal_view": try view.normal_(mean: step["mean"].double, std: step["std"].double, generator: generator)
        case "random_view": try view.random_(from: step["low"].int64, to: step["high"].int64, generator: generator)
        case "bernoulli_view": try view.bernoulli_(p: step["p"].double, generator: generator)
        case "exponential_view": try view.exponential_(lambda: step["lambda"].double, generator: generator)
        default: XCTFail("unknown fixture op \(op)")
        }
        return base
    }

    private func tensor(_ values: [Double], shape: [Int], dtype: DType) throws -> Tensor {
        try Tensor(values, shape: shape).to(dtype)
    }

    // MARK: - Comparing

    private func assertEqual(_ actual: Tensor, _ expected: FixtureValue, _ label: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.shape, expected["shape"].ints, "\(label): shape", file: file, line: line)
        XCTAssertEqual(actual.dtype, expected["dtype"].dtype, "\(label): dtype", file: file, line: line)
        let want = expected["values"].array
        let got = actual.scalars
        guard got.count == want.count else {
            XCTFail("\(label): \(got.count) values, expected \(want.count)", file: file, line: line)
            return
        }
        for (i, (value, target)) in zip(got, want).enumerated() where !same(value, target, dtype: actual.dtype) {
            XCTFail("\(label): element \(i) is \(value), PyTorch gave \(target.double)", file: file, line: line)
            return
        }
    }

    private func same(_ value: Scalar, _ target: FixtureValue, dtype: DType) -> Bool {
        switch (dtype, value) {
        case (.float32, .float(let x)): return Float(x).bitPattern == Float(target.double).bitPattern
        case (.float64, .float(let x)): return x.bitPattern == target.double.bitPattern
        case (.int64, .int(let x)): return x == target.int64
        case (.bool, .bool(let x)): return (x ? 1 : 0) == target.int64
        default: return false
        }
    }

    private func assertDigest(_ actual: Tensor, _ expected: FixtureValue, _ label: String) {
        XCTAssertEqual(actual.shape, expected["shape"].ints, "\(label): shape")
        var sum: UInt64 = 0
        switch actual.dtype {
        case .float32: for x in actual.elements(as: Float.self) { sum &+= UInt64(x.bitPattern) }
        case .float64: for x in actual.elements(as: Double.self) { sum &+= x.bitPattern }
        case .int64, .bool: XCTFail("\(label): digest of a non-float tensor")
        }
        XCTAssertEqual(sum, expected["bit_sum"].uint64, "\(label): bit-pattern sum")
        let values = actual.doubles
        XCTAssertEqual(Array(values.prefix(4)), expected["head"].doubles, "\(label): head")
        XCTAssertEqual(Array(values.suffix(4)), expected["tail"].doubles, "\(label): tail")
    }
}
