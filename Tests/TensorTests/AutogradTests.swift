import FixtureSupport
import XCTest
@testable import Tensor

/// Autograd semantics against PyTorch: each scenario here mirrors the function of the same name in
/// `generate_core.py` and records the same observations, which must match PyTorch's.
final class AutogradTests: XCTestCase {
    enum Observation: Decodable, Equatable {
        case tensor(FixtureTensor)
        case string(String?)
        case bool(Bool)
        case int(Int)
        case error(CaseError)

        enum Keys: String, CodingKey { case t, s, b, i, e }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            if let t = try c.decodeIfPresent(FixtureTensor.self, forKey: .t) { self = .tensor(t) }
            else if let b = try c.decodeIfPresent(Bool.self, forKey: .b) { self = .bool(b) }
            else if let i = try c.decodeIfPresent(Int.self, forKey: .i) { self = .int(i) }
            else if let e = try c.decodeIfPresent(CaseError.self, forKey: .e) { self = .error(e) }
            else { self = .string(try c.decodeIfPresent(String.self, forKey: .s)) }
        }

        static func == (lhs: Observation, rhs: Observation) -> Bool { false }
    }

    struct Scenario: Decodable {
        let name: String
        let observations: [[Entry]]

        enum Entry: Decodable {
            case key(String)
            case value(Observation)

            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let key = try? c.decode(String.self) { self = .key(key) } else {
                    self = .value(try c.decode(Observation.self))
                }
            }
        }

        var pairs: [(String, Observation)] {
            observations.compactMap { entry in
                guard entry.count == 2, case .key(let key) = entry[0], case .value(let value) = entry[1] else {
                    return nil
                }
                return (key, value)
            }
        }
    }

    struct File: Decodable {
        let scenarios: [Scenario]
    }

    /// What a Swift scenario saw, in order; tensors are copied when seen, as the generator encodes them then.
    final class Recorder {
        var seen: [(String, Any?)] = []
        func see(_ key: String, _ value: Any?) {
            if let tensor = value as? Tensor {
                seen.append((key, try? tensor.detach().contiguousCopy()))
            } else {
                seen.append((key, value))
            }
        }
    }

    func testScenariosMatchPyTorch() throws {
        let scenarios = try loadFixture("core_autograd", as: File.self).scenarios
        XCTAssertGreaterThan(scenarios.count, 30)
        for scenario in scenarios {
            guard let body = Self.scenarios[scenario.name] else {
                XCTFail("no Swift mirror for scenario \(scenario.name)")
                continue
            }
            let recorder = Recorder()
            do {
                try GradMode.with(enabled: true) { try body(recorder) }
            } catch {
                recorder.see("error", error)
            }
            compare(scenario, recorder.seen)
        }
    }

    private func compare(_ scenario: Scenario, _ seen: [(String, Any?)]) {
        let expected = scenario.pairs
        XCTAssertEqual(seen.map(\.0), expected.map(\.0), "\(scenario.name): observation keys")
        for ((key, actual), (_, wanted)) in zip(seen, expected) {
            let label = "\(scenario.name) / \(key)"
            switch wanted {
            case .tensor(let tensor):
                if let problem = CaseRunner.compare(actual as? Tensor, tensor, tol: [1e-6, 1e-7]) {
                    XCTFail("\(label): \(problem)")
                }
            case .string(let string):
                XCTAssertEqual(actual as? String, string, label)
            case .bool(let bool):
                XCTAssertEqual(actual as? Bool, bool, label)
            case .int(let int):
                XCTAssertEqual(actual as? Int, int, label)
            case .error(let error):
                guard let actual = actual as? TensorError else {
                    XCTFail("\(label): expected \(error.message), got \(String(describing: actual))")
                    continue
                }
                if let problem = CaseRunner.compare(actual, error) { XCTFail("\(label): \(problem)") }
            }
        }
    }

    // MARK: - Scenarios

    static func leaf(_ values: [Double], _ dtype: DType = .float32, shape: [Int]? = nil) throws -> Tensor {
        try Tensor(values, shape: shape ?? [values.count]).to(dtype).detach().requiresGrad_()
    }

    static func floats(_ values: [Double], shape: [Int]? = nil) throws -> Tensor {
        try Tensor(values, shape: shape ?? [values.count]).to(.float32)
    }

    static var two: Tensor { Tensor.wrapping(.int(2)) }

    nonisolated(unsafe) static let scenarios: [String: (Recorder) throws -> Void] = [
        "explicit_gradient": { see in
            let a = try leaf([1, 2, 3])
            try a.mul(two).backward(gradient: floats([1, 0.1, 0.01]))
            see.see("a.grad", a.grad)
        },
        "explicit_gradient_other_dtypes": { see in
            let a = try leaf([1, 2, 3])
            try a.mul(two).backward(gradient: Tensor([1, 2, 3] as [Int64]))
            see.see("a.grad int seed", a.grad)
            let b = try leaf([1, 2, 3])
            try b.mul(two).backward(gradient: Tensor([1, 2, 3] as [Double]))
            see.see("b.grad float64 seed", b.grad)
        },
        "gradient_shape_mismatch": { _ in
            let a = try Tensor(.float(2), dtype: .float32).requiresGrad_()
            try a.mul(two).backward(gradient: floats([3]))
        },
        "implicit_gradient_needs_scalar": { _ in try leaf([1, 2]).mul(two).backward() },
        "backward_without_grad": { _ in try floats([1, 2]).sum().backward() },
        "accumulate_in_place": { see in
            let a = try leaf([1, 2, 3])
            try a.mul(two).sum().backward()
            let g = a.grad
            see.see("after first", try g?.clone())
            try a.mul(a).sum().backward()
            see.see("reference taken before", g)
            see.see("a.grad", a.grad)
            see.see("same object", g === a.grad)
        },
        "accumulate_broadcast": { see in
            let a = try leaf([1, 2, 3])
            try a.add(Tensor.ones([2, 3])).sum().backward()
            see.see("a.grad", a.grad)
            see.see("contiguous", a.grad?.isContiguous)
            try a.expand([4, 3]).sum().backward()
            see.see("a.grad again", a.grad)
        },
        "retain_graph": { see in
            let a = try leaf([1, 2, 3])
            let y = try a.mul(a).sum()
            try y.backward(retainGraph: true)
            see.see("first", try a.grad?.clone())
            try y.backward()
            see.see("second", a.grad)
        },
        "second_backward_fails": { see in
            let a = try leaf([1, 2, 3])
            let y = try a.mul(a).sum()
            try y.backward()
            see.see("a.grad", a.grad)
            try y.backward()
        },
        "second_backward_without_saved_tensors": { see in
            let a = try leaf([1, 2, 3])
            let y = try a.add(Tensor.wrapping(.int(1))).sum()
            try y.backward()
            try y.backward()
            see.see("a.grad", a.grad)
        },
        "retain_grad_on_non_leaf": { see in
            let a = try leaf([1, 2, 3])
            let h = try a.mul(two)
            try h.retainGrad()
            let k = try a.mul(Tensor.wrapping(.int(3)))
            try h.mul(h).sum().add(k.sum()).backward()
            see.see("h.grad", h.grad)
            see.see("k.grad", k.grad as Any?)
            see.see("a.grad", a.grad)
            see.see("h.is_leaf", h.isLeaf)
            see.see("h.retains_grad", h.retainsGrad)
            try a.retainGrad()
            see.see("leaf retains_grad", a.retainsGrad)
        },
        "retain_grad_needs_requires_grad": { _ in try floats([1]).retainGrad() },
        "requires_grad_propagation": { see in
            let a = try leaf([1, 2])
            let c = try floats([3, 4])
            see.see("a.is_leaf", a.isLeaf)
            see.see("(a+c).requires_grad", try a.add(c).requiresGrad)
            see.see("(a+c).is_leaf", try a.add(c).isLeaf)
            see.see("(c*2).requires_grad", try c.mul(two).requiresGrad)
            see.see("(c*2).is_leaf", try c.mul(two).isLeaf)
            see.see("(c*2).grad_fn", try c.mul(two).gradFn?.name as Any?)
            see.see("(a>0).requires_grad", try a.gt(Tensor.wrapping(.int(0))).requiresGrad)
            see.see("a.long().requires_grad", try a.long().requiresGrad)
            see.see("a.double().requires_grad", try a.double().requiresGrad)
            see.see("a.float() is a", try a.float() === a)
            let x = try a.mul(two).add(c)
            let names = { (node: Node?) in node?.nextFunctions.map { $0?.name ?? "None" }.joined(separator: ",") }
            see.see("next_functions", names(x.gradFn))
            see.see("next of mul", names(x.gradFn?.nextFunctions.first ?? nil))
        },
        "no_grad_mode": { see in
            let a = try leaf([1, 2, 3])
            let y = try GradMode.with(enabled: false) { () throws -> Tensor in
                let y = try a.mul(two)
                try a.add_(Tensor.wrapping(.int(1)))
                return y
            }
            see.see("y.requires_grad", y.requiresGrad)
            see.see("y.is_leaf", y.isLeaf)
            see.see("y.grad_fn", y.gradFn?.name as Any?)
            see.see("a", a)
            see.see("a.is_leaf", a.isLeaf)
            see.see("a.requires_grad", a.requiresGrad)
            see.see("a._version", a.version)
            see.see("grad mode restored", try a.mul(two).requiresGrad)
        },
        "modified_leaf_under_no_grad": { _ in
            let a = try leaf([1, 2, 3])
            let y = try a.mul(a).sum()
            try GradMode.with(enabled: false) { () throws in try a.mul_(two) }
            try y.backward()
        },
        "detach_shares_storage": { see in
            let a = try leaf([1, 2, 3])
            let d = a.detach()
            see.see("d.requires_grad", d.requiresGrad)
            see.see("d.is_leaf", d.isLeaf)
            try d.add_(Tensor.wrapping(.int(1)))
            see.see("a after d.add_", a)
            see.see("a._version", a.version)
            let h = try a.mul(two)
            h.detach_()
            see.see("h.requires_grad", h.requiresGrad)
            see.see("h.is_leaf", h.isLeaf)
            see.see("h.grad_fn", h.gradFn?.name as Any?)
        },
        "requires_grad_on_integers": { _ in try Tensor([1, 2] as [Int64]).requiresGrad_() },
        "requires_grad_false_on_non_leaf": { see in
            let b = try leaf([1]).mul(two)
            try b.requiresGrad_(true)
            see.see("b.requires_grad", b.requiresGrad)
            try b.requiresGrad_(false)
        },
        "leaf_in_place": { _ in try leaf([1, 2]).add_(Tensor.wrapping(.int(1))) },
        "view_of_leaf_in_place": { _ in try leaf([1, 2, 3]).slice(dim: 0, start: 0, end: 2).mul_(two) },
        "view_of_leaf_in_place_reshaped": { _ in try leaf([1, 2, 3, 4], shape: [2, 2]).view([4]).fill_(.int(1)) },
        "in_place_on_non_leaf": { see in
            let a = try leaf([1, 2, 3])
            let x = try a.mul(two)
            try x.mul_(Tensor.wrapping(.int(3)))
            see.see("x.grad_fn", x.gradFn?.name)
            see.see("x._version", x.version)
            try x.sum().backward()
            see.see("a.grad", a.grad)
        },
        "in_place_chain_on_non_leaf": { see in
            let a = try leaf([0.5, 1, 2])
            let x = try a.mul(Tensor.wrapping(.int(1)))
            try x.sin_()
            try x.add_(a)
            try x.pow_(two)
            try x.mul_(floats([1, -1, 0.5]))
            try x.clamp_(min: .int(-3), max: .int(3))
            see.see("x", x)
            see.see("x.grad_fn", x.gradFn?.name)
            try x.mul(floats([1, 2, 3])).sum().backward()
            see.see("a.grad", a.grad)
        },
        "in_place_saved_output_overwritten": { see in
            let a = try leaf([0.5, 1, 2])
            let x = try a.mul(Tensor.wrapping(.int(1)))
            try x.exp_()
            try x.add_(a)
            see.see("x.grad_fn", x.gradFn?.name)
            try x.sum().backward()
        },
        "in_place_with_itself": { _ in
            let x = try leaf([0.5, 1, 2]).mul(Tensor.wrapping(.int(1)))
            try x.mul_(x)
            try x.sum().backward()
        },
        "copy_slices": { see in
            let a = try leaf([1, 2, 3, 4], shape: [2, 2])
            let y = try a.clone()
            let v = try y.select(dim: 1, index: 0)
            try v.mul_(two)
            see.see("y", y)
            see.see("y.grad_fn", y.gradFn?.name)
            see.see("v.grad_fn", v.gradFn?.name)
            try y.mul(floats([1, 2, 3, 4], shape: [2, 2])).sum().backward()
            see.see("a.grad", a.grad)
        },
        "copy_slices_with_saved_view": { see in
            let a = try leaf([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], .float64, shape: [2, 3])
            let b = try leaf([1, -1], .float64)
            let y = try a.mul(Tensor.wrapping(.int(1)))
            let v = try y.select(dim: 1, index: 1)
            try v.mul_(b)
            try v.exp_()
            let w = try y.narrow(dim: 1, start: 2, length: 1)
            try w.add_(y.narrow(dim: 1, start: 0, length: 1))
            see.see("y", y)
            see.see("y.grad_fn", y.gradFn?.name)
            try y.mul(y).sum().backward()
            see.see("a.grad", a.grad)
            see.see("b.grad", b.grad)
        },
        "modified_saved_output": { _ in
            let b = try leaf([1, 2, 3]).sigmoid()
            try b.mul_(two)
            try b.sum().backward()
        },
        "modified_saved_input": { _ in
            let b = try leaf([1, 2, 3]).mul(two)
            let c = try b.mul(b)
            try b.add_(Tensor.wrapping(.int(1)))
            try c.sum().backward()
        },
        "modified_saved_plain_tensor": { _ in
            let a = try leaf([1, 2, 3])
            let w = try Tensor.ones([3])
            let y = try a.mul(w)
            try w.add_(Tensor.wrapping(.int(1)))
            try y.sum().backward()
        },
        "modified_saved_copy_slices": { _ in
            let y = try leaf([1, 2, 3, 4], shape: [2, 2]).clone()
            try y.select(dim: 1, index: 0).mul_(two)
            let c = try y.mul(y)
            try y.select(dim: 1, index: 1).mul_(two)
            try c.sum().backward()
        },
        "deep_chain": { see in
            let a = try leaf([1, 2], .float64)
            var x = a
            let factor = Tensor.wrapping(.float(1.0001))
            for _ in 0..<10000 { x = try x.mul(factor) }
            see.see("x", x)
            try x.sum().backward()
            see.see("a.grad", a.grad)
        },
        "grad_fn_names": { see in
            let a = try leaf([1, -2, 3, 4, 5, -6], shape: [2, 3])
            let zero = Tensor.wrapping(.int(0))
            let ops: [(String, () throws -> Tensor)] = [
                ("reshape copy", { try a.t().reshape([6]) }), ("reshape view", { try a.reshape([6]) }),
                ("flatten", { try a.flatten() }), ("contiguous of t", { try a.t().contiguous() }),
                ("double", { try a.double() }), ("sum", { try a.sum() }), ("sum dim", { try a.sum(dims: [0]) }),
                ("squeeze", { try a.unsqueeze(0).squeeze() }), ("squeeze dim", { try a.unsqueeze(0).squeeze(0) }),
                ("unsqueeze", { try a.unsqueeze(0) }), ("expand", { try a.unsqueeze(0).expand([2, 2, 3]) }),
                ("permute", { try a.permute([1, 0]) }), ("select", { try a.select(dim: 0, index: 0) }),
                ("slice", { try a.slice(dim: 1, start: 1) }), ("narrow", { try a.narrow(dim: 1, start: 0, length: 2) }),
                ("T", { try a.reversedDimensions() }), ("mT", { try a.matrixTranspose() }),
                ("t of vector", { try a.select(dim: 0, index: 0).t() }), ("view", { try a.view([3, 2]) }),
                ("neg", { try a.neg() }), ("clone", { try a.clone() }),
                ("rsub number", { try a.rsub(Tensor.wrapping(.int(1))) }),
                ("add number", { try a.add(Tensor.wrapping(.int(1))) }),
                ("sub number", { try a.sub(Tensor.wrapping(.int(1))) }), ("div number", { try a.div(two) }),
                ("pow tensor", { try a.pow(a) }),
                ("where", { try Tensor.where(a.gt(zero), a, Tensor.wrapping(.float(0))) }), ("relu", { try a.relu() }),
                ("masked_fill", { try a.maskedFill(a.gt(zero), .float(0)) }),
                ("clamp", { try a.clamp(min: .int(-1), max: .int(1)) }), ("abs", { try a.abs() }),
                ("to float64", { try a.to(.float64) }), ("mul number", { try a.mul(two) }),
                ("matmul", { try a.matmul(a.t()) }), ("exp", { try a.exp() }),
                ("copy_ into clone", { try a.clone().copy_(a) }), ("fill_ clone", { try a.clone().fill_(.int(1)) }),
                ("zero_ clone", { try a.clone().zero_() }),
                ("masked_fill_ clone", { try a.clone().maskedFill_(a.gt(zero), .float(1)) }),
                ("clamp_ clone", { try a.clone().clamp_(min: .int(0), max: .int(1)) }),
                ("add_ clone", { try a.clone().add_(a) }),
                ("add_ alpha clone", { try a.clone().add_(a, alpha: .int(2)) }),
            ]
            for (name, op) in ops { see.see(name, try op().gradFn?.name as Any?) }
        },
        "in_place_gradients": { see in
            let ops: [(String, (Tensor, Tensor) throws -> Tensor)] = [
                ("sin_", { x, _ in try x.sin_() }), ("cos_", { x, _ in try x.cos_() }),
                ("log_", { x, _ in try x.log_() }),
                ("exp_", { x, _ in try x.exp_() }), ("sqrt_", { x, _ in try x.sqrt_() }),
                ("tanh_", { x, _ in try x.tanh_() }), ("sigmoid_", { x, _ in try x.sigmoid_() }),
                ("relu_", { x, _ in try x.relu_() }), ("neg_", { x, _ in try x.neg_() }),
                ("abs_", { x, _ in try x.abs_() }),
                ("pow_ number", { x, _ in try x.pow_(two) }), ("pow_ tensor", { x, b in try x.pow_(b) }),
                ("mul_", { x, b in try x.mul_(b) }), ("div_", { x, b in try x.div_(b) }),
                ("add_", { x, b in try x.add_(b) }),
                ("sub_", { x, b in try x.sub_(b) }), ("add_ alpha", { x, b in try x.add_(b, alpha: .float(-1.5)) }),
                ("sub_ alpha", { x, b in try x.sub_(b, alpha: .int(3)) }),
                ("remainder_", { x, b in try x.remainder_(b) }),
                ("clamp_", { x, _ in try x.clamp_(min: .float(0.6), max: .float(1.5)) }),
                ("masked_fill_", { x, _ in try x.maskedFill_(Tensor([true, false, false]), .float(0.5)) }),
                ("fill_", { x, _ in try x.fill_(.int(2)) }), ("zero_", { x, _ in try x.zero_() }),
                ("copy_", { x, b in try x.copy_(b) }),
            ]
            for (name, op) in ops {
                let a = try leaf([0.5, 1, 2], .float64)
                let b = try leaf([1.5, -0.75, 0.3], .float64)
                let x = try a.mul(Tensor.wrapping(.int(1)))
                _ = try op(x, b)
                see.see(name + " grad_fn", x.gradFn?.name as Any?)
                try x.mul(Tensor([1.0, 2.0, 3.0])).sum().backward()
                see.see(name + " a.grad", a.grad as Any?)
                see.see(name + " b.grad", b.grad as Any?)
            }
        },
        "set_grad_and_zero": { see in
            let a = try leaf([1, 2])
            let three = Tensor.wrapping(.int(3))
            try a.mul(three).sum().backward()
            try a.grad?.zero_()
            see.see("zeroed", a.grad)
            try a.mul(three).sum().backward()
            see.see("after zero", a.grad)
            a.grad = nil
            try a.mul(Tensor.wrapping(.int(5))).sum().backward()
            see.see("after None", a.grad)
        },
    ]

    // MARK: - Direct checks

    func testDeepGraphsDoNotOverflowTheStack() throws {
        // Building, differentiating and freeing a 100k-step chain: backward and deallocation must not recurse.
        let a = try Tensor([1.0, 2.0]).requiresGrad_()
        var x = a
        let one = Tensor.wrapping(.float(1))
        for _ in 0..<100_000 { x = try x.mul(one).add(Tensor.wrapping(.int(0))) }
        try x.sum().backward()
        XCTAssertEqual(a.grad?.doubles, [1, 1])
        x = a
    }

    func testIntegerLeavesCannotRequireGrad() {
        assertTensorError("only Tensors of floating point dtype can require gradients") {
            try Tensor([1, 2] as [Int64]).requiresGrad_()
        }
        XCTAssertNoThrow(try Tensor([1, 2] as [Int64]).requiresGrad_(false))
    }
}

extension AutogradTests {
    func testDeepGraphsThatAreNeverDifferentiatedAreFreedWithoutRecursion() throws {
        // Every step saves its input, so the chain also runs through saved tensors.
        let a = try Tensor([1.0, 2.0]).requiresGrad_()
        var x = a
        for _ in 0..<100_000 { x = try x.mul(x).sqrt() }
        XCTAssertEqual(x.gradFn?.name, "SqrtBackward0")
        x = a
        XCTAssertTrue(x.isLeaf)
    }
}

/// Views whose storage is written in place through another view must read the new history, as PyTorch's views do.
final class ViewHistoryTests: XCTestCase {
    func testTransposedViewSeesWriteThroughBase() throws {
        // x = a * 1; y = x.t(); x[0] = b * 3; (y * w).sum().backward()
        // PyTorch: a.grad = w.t() with row 0 zeroed; b.grad = 3 * w.t()[0]
        let a = try Tensor([1, 2, 3, 4, 5, 6] as [Double], shape: [2, 3]).requiresGrad_()
        let b = try Tensor([7, 8, 9] as [Double]).requiresGrad_()
        let w = try Tensor([1, 2, 3, 4, 5, 6] as [Double], shape: [3, 2])
        let x = try a.mul(Tensor.wrapping(.int(1)))
        let y = try x.t()
        try x.select(dim: 0, index: 0).copy_(b.mul(Tensor.wrapping(.int(3))))
        XCTAssertEqual(y.doubles, [21, 4, 24, 5, 27, 6])
        XCTAssertEqual(y.gradFn?.name, "AsStridedBackward0")
        try y.mul(w).sum().backward()
        XCTAssertEqual(a.grad?.doubles, [0, 0, 0, 2, 4, 6])
        XCTAssertEqual(b.grad?.doubles, [3, 9, 15])
    }

    func testViewOfParameterFollowsNoGradUpdate() throws {
        let w = try Tensor([1, 2, 3] as [Double]).requiresGrad_()
        let first = try w.slice(dim: 0, start: 0, end: 2)
        try GradMode.with(enabled: false) { () throws(TensorError) in _ = try w.mul_(Tensor.wrapping(.int(2))) }
        try first.mul(first).sum().backward()
        XCTAssertEqual(first.doubles, [2, 4])
        XCTAssertEqual(w.grad?.doubles, [4, 8, 0])
    }
}
