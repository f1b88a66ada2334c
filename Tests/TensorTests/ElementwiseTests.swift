import XCTest
@testable import Tensor

final class ElementwiseTests: XCTestCase {
    func testBroadcastAddAndBackward() throws {
        let a = try Tensor([1, 2, 3] as [Float], shape: [3, 1]).requiresGrad_()
        let b = try Tensor([10, 20] as [Float], shape: [1, 2]).requiresGrad_()
        let c = try a.add(b)
        XCTAssertEqual(c.shape, [3, 2])
        XCTAssertEqual(c.doubles, [11, 21, 12, 22, 13, 23])
        XCTAssertEqual(c.gradFn?.name, "AddBackward0")
        try c.sum().backward()
        XCTAssertEqual(a.grad?.doubles, [2, 2, 2])
        XCTAssertEqual(b.grad?.doubles, [3, 3])
    }

    func testTransposeViewSharesStorageAndMatmul() throws {
        let m = try Tensor([1, 2, 3, 4, 5, 6] as [Float], shape: [2, 3])
        let t = try m.t()
        XCTAssertEqual(t.doubles, [1, 4, 2, 5, 3, 6])
        let p = try m.matmul(t)
        XCTAssertEqual(p.doubles, [14, 32, 32, 77])
        XCTAssertThrowsError(try m.matmul(m)) { error in
            XCTAssertEqual((error as? TensorError)?.message, "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)")
        }
    }

    // MARK: - PyTorch fixtures

    func testBinaryOpsOverEveryDTypePair() throws {
        let cases = try loadFixture("core_binary", as: CaseFile.self).cases
        CaseRunner.run(cases, ElementwiseOps.apply)
    }

    func testBinaryOpsWithBroadcastingViewsZeroDimAndWrappedNumbers() throws {
        let cases = try loadFixture("core_binary_layouts", as: CaseFile.self).cases
        CaseRunner.run(cases, ElementwiseOps.apply)
    }

    func testBinaryEdgeCasesNaNSignedZeroDivisionByZeroAndOverflow() throws {
        let cases = try loadFixture("core_binary_edges", as: CaseFile.self).cases
        CaseRunner.run(cases, ElementwiseOps.apply)
    }

    func testUnaryOpsConversionsAndPowers() throws {
        let cases = try loadFixture("core_unary", as: CaseFile.self).cases
        CaseRunner.run(cases, ElementwiseOps.apply)
    }

    func testWhereAndMaskedFill() throws {
        let cases = try loadFixture("core_select", as: CaseFile.self).cases
        CaseRunner.run(cases, ElementwiseOps.apply)
    }

    func testInPlaceOps() throws {
        let cases = try loadFixture("core_inplace", as: CaseFile.self).cases
        CaseRunner.run(cases, ElementwiseOps.apply)
    }

    // MARK: - Finite differences

    func testBinaryGradientsMatchFiniteDifferences() throws {
        let a = try Tensor([-1.5, 0.3, 2.0, 0.7, -0.2, 3.25], shape: [2, 3])
        // No quotient a / b is an integer and no pair ties, so every op is smooth at these points.
        let b = try Tensor([0.4, -2.0, 1.7], shape: [3])
        let positive = try Tensor([0.5, 1.3, 2.0, 0.7, 1.2, 3.25], shape: [2, 3])
        let ops: [(String, ([Tensor]) throws -> Tensor)] = [
            ("add", { try $0[0].add($0[1]) }), ("add alpha", { try $0[0].add($0[1], alpha: .float(-1.5)) }),
            ("sub", { try $0[0].sub($0[1]) }), ("sub alpha", { try $0[0].sub($0[1], alpha: .int(3)) }),
            ("rsub", { try $0[0].rsub($0[1]) }), ("mul", { try $0[0].mul($0[1]) }),
            ("div", { try $0[0].div($0[1]) }), ("maximum", { try $0[0].maximum($0[1]) }),
            ("minimum", { try $0[0].minimum($0[1]) }), ("remainder", { try $0[0].remainder($0[1]) }),
            ("where", { try Tensor.where($0[0].gt($0[1]), $0[0], $0[1]) }),
        ]
        for (name, op) in ops {
            print("finite differences:", name)
            try assertGradientsMatchFiniteDifferences([a.clone().detach(), b.clone().detach()]) { try op($0) }
        }
        try assertGradientsMatchFiniteDifferences([positive.clone().detach(), b.abs().detach()]) {
            try $0[0].pow($0[1])
        }
    }

    func testUnaryGradientsMatchFiniteDifferences() throws {
        let x = try Tensor([-2.5, -1.5, -0.3, 0.2, 0.7, 1.1, 2.0, 3.25, 4.5, -3.75], shape: [2, 5])
        // Around softplus's default threshold of 20, where it turns linear.
        let wide = try Tensor([-2.5, -0.3, 0.7, 3.25, 19.5, 21.0], shape: [2, 3])
        let positive = try x.abs().add(Tensor.wrapping(.float(0.1))).detach()
        let ops: [(Tensor, (Tensor) throws -> Tensor)] = [
            (x, { try $0.neg() }), (x, { try $0.abs() }), (x, { try $0.exp() }), (positive, { try $0.log() }),
            (positive, { try $0.log1p() }), (positive, { try $0.sqrt() }), (positive, { try $0.rsqrt() }),
            (x, { try $0.reciprocal() }), (x, { try $0.sin() }), (x, { try $0.cos() }), (x, { try $0.tanh() }),
            (x, { try $0.sigmoid() }), (x, { try $0.erf() }), (x, { try $0.relu() }),
            (x, { try $0.gelu() }), (x, { try $0.gelu(approximate: "tanh") }), (wide, { try $0.softplus() }),
            (wide, { try $0.softplus(beta: 2, threshold: 1) }),
            (x, { try $0.clamp(min: .float(-1), max: .float(2.5)) }),
            (x, { try $0.clamp(min: .int(0)) }), (x, { try $0.clamp(max: .float(0.5)) }),
            (x, { try $0.pow(.int(2)) }), (x, { try $0.pow(.int(3)) }), (positive, { try $0.pow(.float(0.5)) }),
            (positive, { try $0.pow(.float(-0.5)) }), (x, { try $0.pow(.int(-1)) }), (x, { try $0.pow(.int(-2)) }),
            (positive, { try $0.pow(.float(1.7)) }), (x, { try $0.pow(.int(0)) }), (x, { try $0.rpow(.float(2.5)) }),
            (x, { try $0.clone() }), (x, { try $0.t().contiguous() }),
            (x, { try $0.maskedFill($0.gt(Tensor.wrapping(.int(1))), .float(2)) }),
            (x, { try $0.div($0.abs().add(Tensor.wrapping(.int(1)))) }),
        ]
        for (index, (input, op)) in ops.enumerated() {
            print("finite differences: unary op", index)
            try assertGradientsMatchFiniteDifferences([input.clone().detach()]) { try op($0[0]) }
        }
        // A 0-dim value tensor gets the sum of the gradient where the mask holds (MaskedFillBackward1).
        try assertGradientsMatchFiniteDifferences([x.clone().detach(), Tensor(.float(0.25), dtype: .float64)]) {
            try $0[0].maskedFill($0[0].gt(Tensor.wrapping(.int(1))), $0[1])
        }
        // A float32 round trip is a staircase at fine scale; a coarse step sees its slope of 1.
        try assertGradientsMatchFiniteDifferences([x.clone().detach()], eps: 1e-3, rtol: 1e-3) {
            try $0[0].to(.float32).to(.float64)
        }
    }

    // MARK: - Direct checks

    func testIntegerDivisionByZeroIsARuntimeErrorNamedZeroDivisionError() throws {
        let a = try Tensor([5, 6] as [Int64])
        let zero = try Tensor([1, 0] as [Int64])
        for op in [{ try a.floorDivide(zero) }, { try a.remainder(zero) }, { try a.div(zero, roundingMode: "trunc") }] {
            XCTAssertThrowsError(try op()) { error in
                XCTAssertEqual((error as? TensorError)?.message, "ZeroDivisionError")
                XCTAssertEqual((error as? TensorError)?.kind, .runtimeError)
            }
        }
    }

    func testNotImplementedKernelsRaiseNotImplementedError() throws {
        let flags = try Tensor([true, false])
        XCTAssertThrowsError(try flags.floorDivide(flags)) { error in
            XCTAssertEqual((error as? TensorError)?.kind, .notImplementedError)
            XCTAssertEqual((error as? TensorError)?.message, "\"div_floor_cpu\" not implemented for 'Bool'")
        }
    }
}

/// A decoded list of recorded cases.
struct CaseFile: Decodable {
    let cases: [OpCase]
}

/// Maps the fixture op names onto engine calls.
enum ElementwiseOps {
    nonisolated(unsafe) static let binary: [String: (Tensor, Tensor) throws -> Tensor] = [
        "add": { try $0.add($1) }, "add_alpha": { try $0.add($1, alpha: .int(2)) },
        "sub": { try $0.sub($1) }, "sub_alpha": { try $0.sub($1, alpha: .int(2)) },
        "add_alpha_frac": { try $0.add($1, alpha: .float(0.7)) }, "sub_alpha_bool": { try $0.sub($1, alpha: .bool(true)) },
        "rsub": { try $0.rsub($1) }, "mul": { try $0.mul($1) }, "div": { try $0.div($1) },
        "div_trunc": { try $0.div($1, roundingMode: "trunc") }, "div_floor": { try $0.div($1, roundingMode: "floor") },
        "floor_divide": { try $0.floorDivide($1) }, "remainder": { try $0.remainder($1) },
        "pow": { try $0.pow($1) }, "maximum": { try $0.maximum($1) }, "minimum": { try $0.minimum($1) },
        "eq": { try $0.eq($1) }, "ne": { try $0.ne($1) }, "lt": { try $0.lt($1) }, "le": { try $0.le($1) },
        "gt": { try $0.gt($1) }, "ge": { try $0.ge($1) },
        "logical_and": { try $0.logicalAnd($1) }, "logical_or": { try $0.logicalOr($1) },
        "logical_xor": { try $0.logicalXor($1) }, "bitwise_and": { try $0.bitwiseAnd($1) },
        "bitwise_or": { try $0.bitwiseOr($1) }, "bitwise_xor": { try $0.bitwiseXor($1) },
        "add_": { try $0.add_($1) }, "sub_": { try $0.sub_($1) }, "mul_": { try $0.mul_($1) },
        "div_": { try $0.div_($1) }, "floor_divide_": { try $0.floorDivide_($1) },
        "remainder_": { try $0.remainder_($1) }, "pow_": { try $0.pow_($1) },
        "copy_": { try $0.copy_($1) },
    ]

    nonisolated(unsafe) static let unary: [String: (Tensor) throws -> Tensor] = [
        "neg": { try $0.neg() }, "abs": { try $0.abs() }, "sign": { try $0.sign() }, "exp": { try $0.exp() },
        "log": { try $0.log() }, "log1p": { try $0.log1p() }, "sqrt": { try $0.sqrt() }, "rsqrt": { try $0.rsqrt() },
        "reciprocal": { try $0.reciprocal() }, "sin": { try $0.sin() }, "cos": { try $0.cos() },
        "tanh": { try $0.tanh() }, "sigmoid": { try $0.sigmoid() }, "erf": { try $0.erf() }, "relu": { try $0.relu() },
        "floor": { try $0.floor() }, "ceil": { try $0.ceil() }, "round": { try $0.round() },
        "trunc": { try $0.trunc() }, "frac": { try $0.frac() }, "exp2": { try $0.exp2() },
        "erfinv": { try $0.erfinv() }, "log2": { try $0.log2() }, "log10": { try $0.log10() },
        "expm1": { try $0.expm1() },
        "gelu": { try $0.gelu() }, "gelu_tanh": { try $0.gelu(approximate: "tanh") },
        "softplus": { try $0.softplus() }, "softplus_b2_t1": { try $0.softplus(beta: 2, threshold: 1) },
        "clamp_min": { try $0.clamp(min: .int(0)) }, "clamp_max": { try $0.clamp(max: .int(1)) },
        "clamp_both": { try $0.clamp(min: .int(-1), max: .int(1)) },
        "clamp_float_both": { try $0.clamp(min: .float(-0.5), max: .float(1.5)) },
        "clamp_inverted": { try $0.clamp(min: .int(2), max: .int(-1)) },
        "clamp_min_method": { try $0.clampMin(.int(0)) }, "clamp_max_method": { try $0.clampMax(.int(1)) },
        "logical_not": { try $0.logicalNot() }, "bitwise_not": { try $0.bitwiseNot() },
        "isnan": { try $0.isnan() }, "isinf": { try $0.isinf() }, "isfinite": { try $0.isfinite() },
        "to_float32": { try $0.to(.float32) }, "to_float64": { try $0.to(.float64) },
        "to_int64": { try $0.to(.int64) }, "to_bool": { try $0.to(.bool) },
        "float": { try $0.float() }, "double": { try $0.double() }, "long": { try $0.long() },
        "bool": { try $0.bool() }, "clone": { try $0.clone() }, "contiguous": { try $0.contiguous() },
        "neg_": { try $0.neg_() }, "abs_": { try $0.abs_() }, "exp_": { try $0.exp_() }, "log_": { try $0.log_() },
        "sqrt_": { try $0.sqrt_() }, "sin_": { try $0.sin_() }, "cos_": { try $0.cos_() },
        "tanh_": { try $0.tanh_() }, "sigmoid_": { try $0.sigmoid_() }, "relu_": { try $0.relu_() },
        "clamp_": { try $0.clamp_(min: .int(0), max: .int(2)) }, "clamp_float_": { try $0.clamp_(min: .float(0.5)) },
        "fill_int_": { try $0.fill_(.int(3)) }, "fill_float_": { try $0.fill_(.float(2.5)) },
        "fill_bool_": { try $0.fill_(.bool(true)) }, "zero_": { try $0.zero_() },
        "masked_fill_": { try $0.maskedFill_(Tensor([true, false, true]), .int(5)) },
        "masked_fill_float_": { try $0.maskedFill_(Tensor([true, false, true]), .float(0.5)) },
    ]

    static func apply(_ testCase: OpCase, _ args: [Tensor]) throws -> Tensor? {
        let kw = testCase.kw ?? [:]
        switch testCase.op {
        case "pow_scalar":
            guard let exponent = kw["exponent"]?.scalar(kind: kw["et"]) else { return nil }
            return try args[0].pow(exponent)
        case "rpow":
            guard let base = kw["base"]?.scalar(kind: kw["bt"]) else { return nil }
            return try args[0].rpow(base)
        case "where":
            return try Tensor.where(args[0], args[1], args[2])
        case "masked_fill":
            guard let value = kw["value"]?.scalar(kind: kw["vt"]) else { return nil }
            return try args[0].maskedFill(args[1], value)
        case "masked_fill_tensor":
            switch kw["value"] {
            case .list(let values)?:
                return try args[0].maskedFill(args[1], Tensor(values.map(\.double)).to(.float32))
            default:
                guard let value = kw["value"]?.scalar(kind: kw["vt"]) else { return nil }
                return try args[0].maskedFill(args[1], Tensor(value))
            }
        default:
            if let op = binary[testCase.op] { return try op(args[0], args[1]) }
            if let op = unary[testCase.op] { return try op(args[0]) }
            return nil
        }
    }
}
