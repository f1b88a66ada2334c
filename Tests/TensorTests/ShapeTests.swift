import FixtureSupport
import XCTest
@testable import Tensor

/// One argument of a fixture case: an int, a list of ints (Python lists and tuples) or None.
enum ShapeArg: Decodable, Equatable {
    case int(Int)
    case list([Int])
    case none

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .none
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else {
            self = .list(try container.decode([Int].self))
        }
    }

    var int: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The ints of a list, or a lone int as a one-element list.
    var list: [Int]? {
        switch self {
        case .list(let values): return values
        case .int(let value): return [value]
        case .none: return nil
        }
    }
}

struct ShapeInput: Decodable {
    let base: FixtureTensor
    let layout: String
}

struct ShapeErrorInfo: Decodable {
    let type: String
    let message: String
}

struct ShapeCase: Decodable {
    let op: String
    let note: String
    let inputs: [ShapeInput]
    let args: [ShapeArg]
    let error: ShapeErrorInfo?
    let outputs: [FixtureTensor]?
    let grad_fns: [String?]?
    let is_view: [Bool]?
    let identity: [Bool]?
    let strides: [[Int]]?
    let offsets: [Int]?
    let contiguous: [Bool]?
    let grads: [FixtureTensor?]?
    let pick: [Int]?
    let written_output: Int?
    let written_base: FixtureTensor?

    var label: String { "\(op) \(args) \(inputs.map { "\($0.base.shape)/\($0.layout)/\($0.base.dtype)" }) \(note)" }
}

/// A gradient of a gradient: `first` is d(sum(y * y * w))/dx with its graph, `second` the gradient of sum(first * w).
struct ShapeDoubleCase: Decodable {
    let op: String
    let args: [ShapeArg]
    let pick: Int
    let input: FixtureTensor
    let first: FixtureTensor
    let first_grad_fn: String
    let second: FixtureTensor
}

/// A named in-place write through a piece of a multi-output view, and the error PyTorch raises (nil when allowed).
struct ShapeInPlaceCase: Decodable {
    let name: String
    let error: ShapeErrorInfo?
}

struct ShapeFixture: Decodable {
    let cases: [ShapeCase]
    let double: [ShapeDoubleCase]
    let inplace: [ShapeInPlaceCase]
}

/// Runs a fixture op by name, with the fixture's positional arguments.
func runShapeOp(_ op: String, _ xs: [Tensor], _ args: [ShapeArg]) throws -> [Tensor] {
    func arg(_ i: Int) -> ShapeArg { i < args.count ? args[i] : .none }
    func int(_ i: Int, _ fallback: Int) -> Int { arg(i).int ?? fallback }
    let x = xs.first
    func first() throws -> Tensor {
        guard let x else { throw FixtureError.missing("input") }
        return x
    }
    switch op {
    case "cat": return [try Tensor.cat(xs, dim: int(0, 0))]
    case "stack": return [try Tensor.stack(xs, dim: int(0, 0))]
    case "hstack": return [try Tensor.hstack(xs)]
    case "vstack": return [try Tensor.vstack(xs)]
    case "dstack": return [try Tensor.dstack(xs)]
    case "column_stack": return [try Tensor.columnStack(xs)]
    case "atleast_1d": return [try first().atLeast1D()]
    case "atleast_2d": return [try first().atLeast2D()]
    case "atleast_3d": return [try first().atLeast3D()]
    case "split":
        if case .list(let sizes) = arg(0) { return try first().split(sizes: sizes, dim: int(1, 0)) }
        return try first().split(int(0, 0), dim: int(1, 0))
    case "chunk": return try first().chunk(int(0, 0), dim: int(1, 0))
    case "unbind": return try first().unbind(dim: int(0, 0))
    case "tensor_split":
        if case .list(let indices) = arg(0) { return try first().tensorSplit(indices: indices, dim: int(1, 0)) }
        return try first().tensorSplit(sections: int(0, 0), dim: int(1, 0))
    case "tril": return [try first().tril(int(0, 0))]
    case "triu": return [try first().triu(int(0, 0))]
    case "tril_": return [try first().clone().tril_(int(0, 0))]
    case "triu_": return [try first().clone().triu_(int(0, 0))]
    case "repeat": return [try first().repeat(arg(0).list ?? [])]
    case "tile": return [try first().tile(arg(0).list ?? [])]
    case "repeat_interleave": return [try first().repeatInterleave(int(0, 0), dim: arg(1).int)]
    case "repeat_interleave_tensor": return [try first().repeatInterleave(xs[1], dim: arg(0).int)]
    case "repeat_interleave_indices": return [try Tensor.repeatInterleave(try first())]
    case "flip": return [try first().flip(arg(0).list ?? [])]
    case "fliplr": return [try first().fliplr()]
    case "flipud": return [try first().flipud()]
    case "roll": return [try first().roll(arg(0).list ?? [], dims: arg(1).list ?? [])]
    case "movedim": return [try first().movedim(arg(0).list ?? [], arg(1).list ?? [])]
    case "diagonal": return [try first().diagonal(offset: int(0, 0), dim1: int(1, 0), dim2: int(2, 1))]
    case "diag": return [try first().diag(int(0, 0))]
    case "diag_embed": return [try first().diagEmbed(offset: int(0, 0), dim1: int(1, -2), dim2: int(2, -1))]
    case "view": return [try first().view(arg(0).list ?? [])]
    case "reshape": return [try first().reshape(arg(0).list ?? [])]
    case "view_as": return [try first().view(as: xs[1])]
    case "reshape_as": return [try first().reshape(as: xs[1])]
    case "expand_as": return [try first().expand(as: xs[1])]
    case "expand": return [try first().expand(arg(0).list ?? [])]
    case "unflatten": return [try first().unflatten(dim: int(0, 0), sizes: arg(1).list ?? [])]
    case "flatten": return [try first().flatten(startDim: int(0, 0), endDim: int(1, -1))]
    case "transpose": return [try first().transpose(int(0, 0), int(1, 0))]
    case "t": return [try first().t()]
    case "T": return [try first().reversedDimensions()]
    case "mT": return [try first().matrixTranspose()]
    case "permute": return [try first().permute(arg(0).list ?? [])]
    case "squeeze":
        switch arg(0) {
        case .none: return [try first().squeeze()]
        case .int(let dim): return [try first().squeeze(dim)]
        case .list(let dims): return [try first().squeeze(dims: dims)]
        }
    case "unsqueeze": return [try first().unsqueeze(int(0, 0))]
    case "contiguous": return [try first().contiguous()]
    case "narrow": return [try first().narrow(dim: int(0, 0), start: int(1, 0), length: int(2, 0))]
    case "select": return [try first().select(dim: int(0, 0), index: int(1, 0))]
    default: throw FixtureError.missing("op \(op)")
    }
}

/// Reads a fixture base through its layout: as is, with all dimensions reversed, or every second last-dim element.
func throughLayout(_ base: Tensor, _ layout: String) throws -> Tensor {
    switch layout {
    case "transposed": return try base.permute(Array((0..<base.rank).reversed()))
    case "sliced": return try base.slice(dim: -1, step: 2)
    default: return base
    }
}

/// The weights the fixture script multiplies each output by before summing: 0.5 + (k % 7) * 0.25.
func fixtureWeights(like tensor: Tensor) throws -> Tensor {
    try Tensor((0..<tensor.count).map { 0.5 + Double($0 % 7) * 0.25 }, shape: tensor.shape).to(tensor.dtype)
}

final class ShapeTests: XCTestCase {
    static let fixture: ShapeFixture? = try? loadFixture("shape")

    func testFixtureLoads() throws {
        let fixture = try XCTUnwrap(ShapeTests.fixture, "shape.json did not decode")
        XCTAssertGreaterThan(fixture.cases.count, 300)
    }

    func testFixtureCases() throws {
        let fixture = try XCTUnwrap(ShapeTests.fixture)
        for item in fixture.cases {
            try check(item)
        }
    }

    private func check(_ item: ShapeCase) throws {
        // The script makes every floating-point input require grad.
        let bases = try item.inputs.map { input -> Tensor in
            let base = try input.base.tensor().contiguousCopy()
            if base.dtype.isFloatingPoint { try base.requiresGrad_() }
            return base
        }
        let views = try zip(bases, item.inputs).map { try throughLayout($0, $1.layout) }
        if let expected = item.error {
            do {
                _ = try runShapeOp(item.op, views, item.args)
                XCTFail("expected \(expected.type): \(expected.message) — \(item.label)")
            } catch let error as TensorError {
                XCTAssertEqual(error.message, expected.message, item.label)
                XCTAssertEqual(error.kind.rawValue, expected.type, item.label)
            }
            return
        }
        let outputs: [Tensor]
        do {
            outputs = try runShapeOp(item.op, views, item.args)
        } catch {
            XCTFail("unexpected \(error) — \(item.label)")
            return
        }
        let expected = item.outputs ?? []
        XCTAssertEqual(outputs.count, expected.count, "output count — \(item.label)")
        guard outputs.count == expected.count else { return }
        for (i, (output, want)) in zip(outputs, expected).enumerated() {
            assertTensor(output, equals: want, rtol: 0, atol: 0, "output \(i) — \(item.label)")
            XCTAssertEqual(output.gradFn?.name, item.grad_fns?[i] ?? nil, "grad_fn \(i) — \(item.label)")
            let isView = item.is_view?[i] ?? false
            XCTAssertEqual(output.isView, isView, "is view \(i) — \(item.label)")
            let identity = views.contains { $0 === output }
            XCTAssertEqual(identity, item.identity?[i] ?? false, "identity \(i) — \(item.label)")
            if isView && output.count > 0 {
                XCTAssertEqual(output.strides, item.strides?[i], "strides \(i) — \(item.label)")
                XCTAssertEqual(output.offset, item.offsets?[i], "offset \(i) — \(item.label)")
                XCTAssertEqual(output.isContiguous, item.contiguous?[i], "contiguous \(i) — \(item.label)")
            }
        }
        try checkWriteThrough(item)
        guard let grads = item.grads else { return }
        var loss: Tensor?
        let used = item.pick.map { $0.map { outputs[$0] } } ?? outputs
        for output in used where output.requiresGrad {
            let term = try output.mul(fixtureWeights(like: output)).sum()
            loss = try loss.map { try $0.add(term) } ?? term
        }
        try XCTUnwrap(loss, "no differentiable output — \(item.label)").backward()
        for (i, (base, want)) in zip(bases, grads).enumerated() {
            guard let want else {
                let zero = base.grad?.doubles.allSatisfy { $0 == 0 } ?? true
                XCTAssertTrue(zero, "grad \(i) — \(item.label)")
                continue
            }
            assertTensor(base.grad, equals: want, rtol: 1e-6, atol: 1e-6, "grad \(i) — \(item.label)")
        }
        try checkFiniteDifferences(item)
    }

    /// Checks the op's backward against central differences, for cases whose float inputs are all float64.
    private func checkFiniteDifferences(_ item: ShapeCase) throws {
        let floats = item.inputs.indices.filter { ["float32", "float64"].contains(item.inputs[$0].base.dtype) }
        guard floats.allSatisfy({ item.inputs[$0].base.dtype == "float64" }) else { return }
        let constants = try item.inputs.map { try $0.base.tensor().contiguousCopy() }
        let leaves = floats.map { constants[$0] }
        try assertGradientsMatchFiniteDifferences(leaves) { current in
            var inputs = constants
            for (slot, leaf) in zip(floats, current) { inputs[slot] = leaf }
            let views = try zip(inputs, item.inputs).map { try throughLayout($0, $1.layout) }
            let all = try runShapeOp(item.op, views, item.args)
            let outputs = (item.pick.map { $0.map { all[$0] } } ?? all).filter { $0.dtype == .float64 }
            return try Tensor.cat(try outputs.map { try $0.reshape([-1]) } + [Tensor.zeros([0], dtype: .float64)])
        }
    }

    /// Writes through the op's first view output on fresh inputs and checks the first input's storage saw it.
    private func checkWriteThrough(_ item: ShapeCase) throws {
        guard let index = item.written_output, let expected = item.written_base else { return }
        let bases = try item.inputs.map { try $0.base.tensor().contiguousCopy() }
        let views = try zip(bases, item.inputs).map { try throughLayout($0, $1.layout) }
        let output = try runShapeOp(item.op, views, item.args)[index]
        XCTAssertTrue(output.isView, "written output is a view — \(item.label)")
        try output.fill_(output.dtype == .bool ? .bool(true) : .int(99))
        assertTensor(bases[0], equals: expected, rtol: 0, atol: 0, "base after write — \(item.label)")
    }

    func testDoubleBackward() throws {
        let fixture = try XCTUnwrap(ShapeTests.fixture)
        for item in fixture.double {
            let label = "\(item.op) \(item.args)"
            let x = try item.input.tensor().contiguousCopy().requiresGrad_()
            let y = try runShapeOp(item.op, [x], item.args)[item.pick]
            try y.mul(y).mul(fixtureWeights(like: y)).sum().backward(createGraph: true)
            let first = try XCTUnwrap(x.grad, label)
            assertTensor(first, equals: item.first, "first — \(label)")
            XCTAssertEqual(first.gradFn?.name, item.first_grad_fn, "first grad_fn — \(label)")
            x.grad = nil
            try first.mul(fixtureWeights(like: first)).sum().backward()
            assertTensor(x.grad, equals: item.second, "second — \(label)")
        }
    }

    /// The scenarios of the fixture's `inplace` list, on the 4x3 leaf the script uses.
    private func runInPlaceScenario(_ name: String) throws {
        let x = try Tensor((1...12).map(Double.init), shape: [4, 3]).to(.float32).requiresGrad_()
        let two = Tensor(.float(2), dtype: .float32)
        switch name {
        case "split_second": try x.clone().split(2)[1].mul_(two)
        case "unbind_third": try x.clone().unbind()[2].mul_(two)
        case "chunk_first_zero": try x.clone().chunk(2)[0].zero_()
        case "split_sizes_fill": try x.clone().split(sizes: [2, 2])[0].fill_(1)
        case "split_t": try x.clone().split(2)[0].t().mul_(two)
        case "split_reshape_view": try x.clone().split(2)[0].reshape([6]).mul_(two)
        case "split_reshape_copy": try x.clone().split(2)[0].t().reshape([6]).mul_(two)
        case "split_detach": try x.clone().split(2)[0].detach().mul_(two)
        case "split_contiguous": try x.clone().split(2)[0].contiguous().mul_(two)
        case "tensor_split": try x.clone().tensorSplit(sections: 2)[0].mul_(two)
        case "split_of_leaf": try x.split(2)[0].mul_(two)
        case "split_copy": try x.clone().split(2)[0].copy_(Tensor.zeros([2, 3]))
        case "split_select": try x.clone().split(2)[0].select(dim: 0, index: 0).fill_(5)
        case "split_no_grad":
            let piece = try x.clone().split(2)[0]
            try GradMode.with(enabled: false) { try piece.mul_(two) }
        case "split_without_grad": try x.detach().clone().split(2)[0].mul_(two)
        default: throw FixtureError.missing("scenario \(name)")
        }
    }

    func testInPlaceThroughMultiOutputViews() throws {
        let fixture = try XCTUnwrap(ShapeTests.fixture)
        XCTAssertFalse(fixture.inplace.isEmpty)
        for item in fixture.inplace {
            do {
                try runInPlaceScenario(item.name)
                XCTAssertNil(item.error, "expected \(item.error?.message ?? "") — \(item.name)")
            } catch let error as TensorError {
                XCTAssertEqual(error.message, item.error?.message, item.name)
                XCTAssertEqual(error.kind.rawValue, item.error?.type, item.name)
            }
        }
    }
}
