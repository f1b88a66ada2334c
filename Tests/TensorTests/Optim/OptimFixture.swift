import FixtureSupport
import Foundation
import XCTest
@testable import Tensor

/// Reading `Fixtures/optim.json` (written by generate_optim.py) and building what its specs describe.
enum OptimFixture {
    /// The whole fixture.
    static func load() throws -> FixtureValue {
        try loadFixture("optim", as: FixtureValue.self)
    }

    /// A tensor stored as {dtype, shape, values}.
    static func tensor(_ value: FixtureValue) throws -> Tensor {
        let dtype = try FixtureTensor.dtype(named: value["dtype"].string)
        let scalars: [NestedValues] = value["values"].array.map { item in
            switch item {
            case .string("nan"): return .scalar(.float(.nan))
            case .string("inf"): return .scalar(.float(.infinity))
            case .string("-inf"): return .scalar(.float(-.infinity))
            case .string("-0.0"): return .scalar(.float(-0.0))
            case .bool(let flag): return .scalar(.bool(flag))
            default: return .scalar(item.scalarValue ?? .float(item.double))
            }
        }
        return try Tensor(nested: .list(scalars), dtype: dtype).reshape(value["shape"].ints)
    }

    /// A Python number as the fixture tags it (whole-number floats as {"float": x}).
    static func scalar(_ value: FixtureValue) -> Scalar? { value.scalarValue }

    /// A group option or state-dict value as the optimizer keeps it.
    static func optionValue(_ value: FixtureValue, tuple: Bool = false) -> OptimizerValue {
        switch value {
        case .null: return .none
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .string(text)
        case .array(let items):
            let values = items.map { optionValue($0) }
            return tuple ? .tuple(values) : .list(values)
        default: return value.scalarValue.map(OptimizerValue.init) ?? .none
        }
    }

    /// Group options from a fixture object, in key order (the order only matters to state dicts, not compared here).
    static func options(_ value: FixtureValue) -> [(key: String, value: OptimizerValue)] {
        value.object.keys.sorted().map { key in (key, optionValue(value[key], tuple: key == "betas")) }
    }

    /// The optimizer `spec` names (`{optimizer, kwargs}`) over `groups`.
    static func optimizer(_ name: String, kwargs: FixtureValue, groups: [ParamGroup]) throws -> Optimizer {
        func number(_ key: String, _ fallback: Scalar) -> Scalar { scalar(kwargs[key]) ?? fallback }
        func flag(_ key: String) -> Bool { kwargs[key].bool }
        let betas = kwargs["betas"].array.compactMap(scalar)
        let betaPair = betas.count == 2 ? (betas[0], betas[1]) : (Scalar.float(0.9), Scalar.float(0.999))
        switch name {
        case "SGD":
            return try SGD(groups: groups, lr: number("lr", 1e-3), momentum: number("momentum", 0),
                           dampening: number("dampening", 0), weightDecay: number("weight_decay", 0),
                           nesterov: flag("nesterov"), maximize: flag("maximize"))
        case "Adam":
            return try Adam(groups: groups, lr: number("lr", 1e-3), betas: betaPair, eps: number("eps", 1e-8),
                            weightDecay: number("weight_decay", 0), amsgrad: flag("amsgrad"),
                            maximize: flag("maximize"))
        case "AdamW":
            return try AdamW(groups: groups, lr: number("lr", 1e-3), betas: betaPair, eps: number("eps", 1e-8),
                             weightDecay: number("weight_decay", 1e-2), amsgrad: flag("amsgrad"),
                             maximize: flag("maximize"))
        default:
            throw FixtureError.missing("optimizer \(name)")
        }
    }

    /// The factor functions the fixture's LambdaLR cases name.
    static func lambda(_ name: String) -> (Int) throws -> Double {
        switch name {
        case "pow095": return { Foundation.pow(0.95, Double($0)) }
        case "inverse": return { 1 / Double($0 + 1) }
        case "pow09": return { Foundation.pow(0.9, Double($0)) }
        default: return { Double($0 % 3 + 1) / 2 }
        }
    }

    /// The scheduler `spec` describes (`{type, kwargs}`), attached to `optimizer`.
    static func scheduler(_ spec: FixtureValue, optimizer: Optimizer) throws -> LRScheduler {
        let kwargs = spec["kwargs"]
        func number(_ key: String, _ fallback: Scalar) -> Scalar { scalar(kwargs[key]) ?? fallback }
        switch spec["type"].string {
        case "StepLR":
            return try StepLR(optimizer, stepSize: kwargs["step_size"].int, gamma: number("gamma", 0.1))
        case "MultiStepLR":
            return try MultiStepLR(optimizer, milestones: kwargs["milestones"].ints, gamma: number("gamma", 0.1))
        case "ExponentialLR":
            return try ExponentialLR(optimizer, gamma: number("gamma", 0.1))
        case "LinearLR":
            return try LinearLR(optimizer, startFactor: number("start_factor", .float(1.0 / 3)),
                                endFactor: number("end_factor", 1.0),
                                totalIters: kwargs["total_iters"].intValue ?? 5)
        case "CosineAnnealingLR":
            return try CosineAnnealingLR(optimizer, tMax: kwargs["T_max"].int, etaMin: number("eta_min", 0.0))
        case "LambdaLR":
            if case .array(let names) = kwargs["lr_lambda"] {
                return try LambdaLR(optimizer, lrLambdas: names.map { lambda($0.string) })
            }
            return try LambdaLR(optimizer, lrLambda: lambda(kwargs["lr_lambda"].string))
        default:
            throw FixtureError.missing("scheduler \(spec["type"].string)")
        }
    }

    /// Asserts `actual` has the stored tensor's dtype and shape and values within `rtol`/`atol`.
    static func assertTensor(
        _ actual: Tensor?, _ expected: FixtureValue, rtol: Double = 1e-5, atol: Double = 1e-6,
        _ message: String = "", file: StaticString = #filePath, line: UInt = #line
    ) throws {
        guard let actual else { return XCTFail("missing tensor \(message)", file: file, line: line) }
        let wanted = try tensor(expected)
        XCTAssertEqual(actual.dtype, wanted.dtype, "dtype \(message)", file: file, line: line)
        XCTAssertEqual(actual.shape, wanted.shape, "shape \(message)", file: file, line: line)
        assertClose(actual.doubles, wanted.doubles, rtol: rtol, atol: atol, message, file: file, line: line)
    }

    /// Asserts a list of Python numbers matches the fixture's exactly, ints as ints and floats as floats.
    static func assertNumbers(
        _ actual: [Scalar], _ expected: FixtureValue, _ message: String, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let wanted = expected.array.map { $0.scalarValue }
        XCTAssertEqual(actual.count, wanted.count, message, file: file, line: line)
        for (a, e) in zip(actual, wanted) where a != e {
            XCTFail("\(message): \(a) != \(String(describing: e))", file: file, line: line)
            return
        }
    }

    /// The distance between two floats of a dtype in units in the last place (how many representable values apart).
    static func ulps(_ a: Double, _ b: Double, dtype: DType) -> Int64 {
        if a == b { return 0 }
        if a.isNaN || b.isNaN { return .max }
        func ordered(_ x: Double) -> Int64 {
            if dtype == .float32 {
                let bits = Int64(Int32(bitPattern: Float(x).bitPattern))
                return bits < 0 ? Int64(Int32.min) - bits : bits
            }
            let bits = Int64(bitPattern: x.bitPattern)
            return bits < 0 ? Int64.min &- bits : bits
        }
        let (difference, overflow) = ordered(a).subtractingReportingOverflow(ordered(b))
        return overflow ? .max : Swift.abs(difference)
    }
}
