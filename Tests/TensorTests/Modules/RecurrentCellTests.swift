import XCTest
@testable import Tensor

/// `RNNCell`, `GRUCell` and `LSTMCell`: PyTorch's seeded parameters, one step agreeing with the multi-step layers
/// run for a single step with the same weights, the grad_fns PyTorch's CPU cells record, and the errors.
final class RecurrentCellTests: XCTestCase {
    /// The layer's `_l0` weights renamed to the cell's.
    private func cellState(of layer: RecurrentBase) -> [(name: String, tensor: Tensor)] {
        layer.stateDict().map { (name: String($0.name.dropLast(3)), tensor: $0.tensor) }
    }

    private func assertClose(_ a: Tensor, _ b: Tensor, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.shape, b.shape, file: file, line: line)
        for (x, y) in zip(a.doubles, b.doubles) { XCTAssertEqual(x, y, accuracy: 1e-6, file: file, line: line) }
    }

    func testSeededParametersAreTorchs() throws {
        Generator.default.manualSeed(0)
        let cell = try GRUCell(3, 4)
        // torch.manual_seed(0); nn.GRUCell(3, 4)
        let weight = try XCTUnwrap(cell.parameter("weight_ih"))
        XCTAssertEqual(weight.shape, [12, 3])
        XCTAssertEqual(Array(weight.doubles.prefix(3)),
                       [-0.003743410110473633, 0.26822179555892944, -0.4115225672721863])
        XCTAssertEqual(cell.parameter("bias_hh")?.doubles.last, -0.38567835092544556)
        XCTAssertEqual(cell.stateDict().map(\.name), ["weight_ih", "weight_hh", "bias_ih", "bias_hh"])
        XCTAssertEqual(cell.description, "GRUCell(3, 4)")
        let plain = try RNNCell(3, 4, bias: false, nonlinearity: "relu")
        XCTAssertEqual(plain.description, "RNNCell(3, 4, bias=False, nonlinearity=relu)")
        XCTAssertEqual(plain.parameters().count, 2)
        XCTAssertEqual(try LSTMCell(2, 5).parameter("weight_hh")?.shape, [20, 5])
    }

    func testOneStepMatchesTheLayers() throws {
        Generator.default.manualSeed(3)
        let x = try Tensor.randn([2, 3])
        let h = try Tensor.randn([2, 4])
        let c = try Tensor.randn([2, 4])

        let rnn = try RNN(3, 4, nonlinearity: "relu")
        let rnnCell = try RNNCell(3, 4, nonlinearity: "relu")
        try rnnCell.loadStateDict(cellState(of: rnn))
        assertClose(try rnnCell(x, hx: h), try rnn(try x.unsqueeze(0), hx: try h.unsqueeze(0)).hN.squeeze(0))

        let gru = try GRU(3, 4)
        let gruCell = try GRUCell(3, 4)
        try gruCell.loadStateDict(cellState(of: gru))
        assertClose(try gruCell(x, hx: h), try gru(try x.unsqueeze(0), hx: try h.unsqueeze(0)).hN.squeeze(0))
        // Unbatched, from zeros.
        assertClose(try gruCell(try x.select(dim: 0, index: 1), hx: nil),
                    try gru(try x.slice(dim: 0, start: 1, end: 2).unsqueeze(0), hx: nil).hN.reshape([4]))

        let lstm = try LSTM(3, 4, dtype: .float64)
        let lstmCell = try LSTMCell(3, 4, dtype: .float64)
        try lstmCell.loadStateDict(cellState(of: lstm))
        let (x64, h64, c64) = (try x.to(.float64), try h.to(.float64), try c.to(.float64))
        let step = try lstmCell(x64, state: (h64, c64))
        let layer = try lstm(try x64.unsqueeze(0), state: (try h64.unsqueeze(0), try c64.unsqueeze(0))).state
        assertClose(step.h, try layer.h.squeeze(0))
        assertClose(step.c, try layer.c.squeeze(0))
    }

    func testGradFnsAreTheCPUCells() throws {
        let x = try Tensor.randn([2, 3])
        XCTAssertEqual(try RNNCell(3, 4)(x, hx: nil).gradFn?.name, "TanhBackward0")
        XCTAssertEqual(try RNNCell(3, 4, nonlinearity: "relu")(x, hx: nil).gradFn?.name, "ReluBackward0")
        XCTAssertEqual(try GRUCell(3, 4)(x, hx: nil).gradFn?.name, "AddBackward0")
        let (h, c) = try LSTMCell(3, 4)(x, state: nil)
        XCTAssertEqual(h.gradFn?.name, "MulBackward0")
        XCTAssertEqual(c.gradFn?.name, "AddBackward0")
        XCTAssertEqual(try GRUCell(3, 4)(try x.select(dim: 0, index: 0), hx: nil).gradFn?.name, "SqueezeBackward1")
        let pieces = try x.requiresGrad_().unsafeChunk(3, dim: 1)
        XCTAssertEqual(pieces.map { $0.gradFn?.name }, Array(repeating: "UnsafeSplitBackward0", count: 3))
        XCTAssertNil(pieces[0].multiOutputViewNumber)
    }

    func testBackwardReachesEveryWeight() throws {
        let cell = try LSTMCell(2, 3)
        var state: (h: Tensor, c: Tensor)?
        var total = try Tensor.zeros([])
        for step in try Tensor.randn([4, 1, 2]).unbind(dim: 0) {
            let next = try cell(step, state: state)
            state = next
            total = try total.add(try next.h.sum())
        }
        try total.backward()
        XCTAssertEqual(cell.parameters().map { $0.grad?.shape }, [[12, 2], [12, 3], [12], [12]])
    }

    func testErrorsAreTorchs() throws {
        let gru = try GRUCell(3, 4)
        XCTAssertThrowsError(try gru(try Tensor.randn([2, 2, 3]), hx: nil)) { error in
            XCTAssertEqual("\(error)", "ValueError: GRUCell: Expected input to be 1D or 2D, got 3D instead")
        }
        XCTAssertThrowsError(try gru(try Tensor.randn([2, 5]), hx: nil)) { error in
            XCTAssertEqual("\(error)", "RuntimeError: input has inconsistent input_size: got 5 expected 3")
        }
        XCTAssertThrowsError(try gru(try Tensor.randn([2, 3]), hx: try Tensor.randn([3, 4]))) { error in
            XCTAssertEqual("\(error)", "RuntimeError: Input batch size 2 doesn't match hidden0 batch size 3")
        }
        XCTAssertThrowsError(try LSTMCell(3, 4)(try Tensor.randn([2, 3]),
                                               state: (try Tensor.randn([2, 4]), try Tensor.randn([2, 5])))) { error in
            XCTAssertEqual("\(error)", "RuntimeError: hidden1 has inconsistent hidden_size: got 5, expected 4")
        }
        let odd = try RNNCell(3, 4, nonlinearity: "foo")
        XCTAssertEqual(odd.description, "RNNCell(3, 4, nonlinearity=foo)")
        XCTAssertThrowsError(try odd(try Tensor.randn([2, 3]), hx: nil)) { error in
            XCTAssertEqual("\(error)", "RuntimeError: Unknown nonlinearity: foo")
        }
        XCTAssertThrowsError(try GRUCell(-1, 4)) { error in
            XCTAssertEqual("\(error)", "RuntimeError: Trying to create tensor with negative dimension -1: [12, -1]")
        }
        // PyTorch's `3 * hidden_size` is a Python int past int64, which `torch.empty` cannot unpack.
        XCTAssertThrowsError(try GRUCell(3, Int.max)) { error in
            XCTAssertEqual("\(error)", "TypeError: empty(): argument 'size' failed to unpack the object at pos 1 with "
                + "error \"Overflow when unpacking long long")
        }
    }

    func testDeepCopyKeepsValuesAndConfiguration() throws {
        let cell = try RNNCell(3, 4, bias: false, nonlinearity: "relu")
        let copy = try XCTUnwrap(try cell.deepCopy() as? RNNCell)
        XCTAssertEqual(copy.description, cell.description)
        XCTAssertEqual(copy.parameter("weight_hh")?.doubles, cell.parameter("weight_hh")?.doubles)
    }
}
