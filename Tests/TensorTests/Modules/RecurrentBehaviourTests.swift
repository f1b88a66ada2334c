import XCTest
@testable import Tensor

/// Module behaviour around the recurrent layers: dropout between layers, grad modes, empty batches, in-place writes
/// to outputs, reassigned and loaded parameters.
final class RecurrentBehaviourTests: XCTestCase {
    func testDropoutRunsBetweenLayersOnlyWhileTraining() throws {
        Generator.default.manualSeed(0)
        let x = try Tensor.randn([5, 2, 3])
        // dropout=1 zeroes the first layer's output, so the second layer sees zeros.
        let gru = try GRU(3, 4, numLayers: 2, dropout: 1)
        XCTAssertNil(gru.constructionWarning)
        let (trained, trainedH) = try gru(x, hx: nil)
        let second = try GRU(4, 4)
        let renamed = gru.stateDict().filter { $0.name.hasSuffix("_l1") }.map {
            (name: String($0.name.dropLast(3)) + "_l0", tensor: $0.tensor)
        }
        try second.loadStateDict(renamed)
        let (expected, _) = try second(try Tensor.zeros([5, 2, 4]), hx: nil)
        XCTAssertEqual(trained.doubles, expected.doubles)
        XCTAssertEqual(trainedH.shape, [2, 2, 4])
        gru.eval()
        XCTAssertNotEqual(try gru(x, hx: nil).output.doubles, trained.doubles)

        // No dropout after the last layer: a single layer trains as it evaluates (PyTorch warns about it).
        let single = try LSTM(3, 4, dropout: 0.5)
        XCTAssertEqual(single.constructionWarning, "dropout option adds dropout after all but last recurrent layer, "
            + "so non-zero dropout expects num_layers greater than 1, but got dropout=0.5 and num_layers=1")
        let trainOutput = try single(x, state: nil).output.doubles
        single.eval()
        XCTAssertEqual(try single(x, state: nil).output.doubles, trainOutput)

        // Dropout in training still back-propagates into every layer.
        let rnn = try RNN(3, 4, numLayers: 3, dropout: 0.5)
        try rnn(x).sum().backward()
        XCTAssertTrue(rnn.parameters().allSatisfy { $0.grad != nil })
    }

    func testNoGradAndDetachedInputsRecordNothing() throws {
        let gru = try GRU(3, 4)
        let x = try Tensor.randn([5, 2, 3])
        let (output, hN) = try GradMode.with(enabled: false) { try gru(x, hx: nil) }
        XCTAssertNil(output.gradFn)
        XCTAssertNil(hN.gradFn)
        XCTAssertFalse(output.requiresGrad)
        try gru.requiresGrad_(false)
        let (plain, _) = try gru(x, hx: nil)
        XCTAssertFalse(plain.requiresGrad)
        XCTAssertEqual(plain.doubles, output.doubles)
        // Only the input needs a gradient: the layer's node still records, and its input edge is the only one used.
        let leaf = try x.detach().requiresGrad_()
        let (out, _) = try gru(leaf, hx: nil)
        try out.sum().backward()
        XCTAssertEqual(leaf.grad?.shape, [5, 2, 3])
        XCTAssertNil(gru.parameter("weight_ih_l0")?.grad)
    }

    func testLSTMNodesAndPromotedCellState() throws {
        let lstm = try LSTM(3, 4)
        let (output, state) = try lstm(try Tensor.randn([5, 2, 3]).requiresGrad_(), state: nil)
        XCTAssertEqual(output.gradFn?.name, "MkldnnRnnLayerBackward0")
        XCTAssertEqual(state.c.gradFn?.nextFunctions.first??.name, "MkldnnRnnLayerBackward0")
        // A float64 LSTM promotes a float32 cell state, as PyTorch's reference path does.
        let double = try LSTM(3, 4, dtype: .float64)
        let c0 = try Tensor.randn([1, 2, 4]).requiresGrad_()
        let h0 = try Tensor.randn([1, 2, 4], dtype: .float64)
        let result = try double(try Tensor.randn([5, 2, 3], dtype: .float64), state: (h0, c0))
        XCTAssertEqual(result.state.c.dtype, .float64)
        XCTAssertEqual(result.output.gradFn?.name, "StackBackward0")
        try result.state.c.sum().backward()
        XCTAssertEqual(c0.grad?.dtype, .float32)
    }

    func testEmptyBatchGivesEmptyOutputs() throws {
        let lstm = try LSTM(3, 4, bidirectional: true)
        let (output, state) = try lstm(try Tensor.zeros([5, 0, 3]), state: nil)
        XCTAssertEqual(output.shape, [5, 0, 8])
        XCTAssertEqual(state.h.shape, [2, 0, 4])
        XCTAssertEqual(state.c.shape, [2, 0, 4])
        XCTAssertEqual(output.gradFn?.name, "CatBackward0")
        try output.sum().backward()
        XCTAssertEqual(lstm.parameter("weight_hh_l0")?.grad?.doubles, Array(repeating: 0, count: 64))
    }

    func testOutputsMayBeWrittenInPlaceBeforeBackward() throws {
        // PyTorch's layer outputs are fresh tensors nobody saved, so writing them in place is allowed.
        for module in [try GRU(3, 4) as RecurrentBase, try LSTM(3, 4), try RNN(3, 4)] {
            let output = try module(try Tensor.randn([4, 2, 3]))
            try output.mul_(Tensor(.float(2)))
            try output.sum().backward()
            XCTAssertNotNil(module.parameter("weight_ih_l0")?.grad)
        }
    }

    func testForwardReadsParametersByName() throws {
        let gru = try GRU(3, 4)
        let x = try Tensor.randn([4, 2, 3])
        let before = try gru(x).doubles
        try gru.registerParameter("bias_hh_l0", try Tensor.parameter(try Tensor.zeros([12])))
        XCTAssertNotEqual(try gru(x).doubles, before)
        // A parameter of the wrong shape is refused, not read out of bounds.
        try gru.registerParameter("weight_hh_l0", try Tensor.parameter(try Tensor.zeros([12, 5])))
        XCTAssertThrowsError(try gru(x)) {
            XCTAssertEqual(($0 as? TensorError)?.message, "mat1 and mat2 shapes cannot be multiplied (2x4 and 5x12)")
        }
        try gru.registerParameter("weight_hh_l0", try Tensor.parameter(try Tensor.zeros([9, 4])))
        XCTAssertThrowsError(try gru(x)) {
            XCTAssertEqual(($0 as? TensorError)?.message, "The expanded size of the tensor (9) must match the existing "
                + "size (12) at non-singleton dimension 1.  Target sizes: [2, 9].  Tensor sizes: [12]")
        }
        try gru.registerParameter("weight_hh_l0", try Tensor.parameter(try Tensor.zeros([12, 4], dtype: .float64)))
        XCTAssertThrowsError(try gru(x)) {
            XCTAssertEqual(($0 as? TensorError)?.message, "self and mat2 must have the same dtype, but got Float and "
                + "Double")
        }
        try gru.registerParameter("weight_hh_l0", nil)
        XCTAssertThrowsError(try gru(x))
    }

    func testNonContiguousParametersAreRead() throws {
        let gru = try GRU(3, 4, dtype: .float64)
        let x = try Tensor.randn([4, 2, 3], dtype: .float64)
        let expected = try gru(x).doubles
        let weight = try XCTUnwrap(gru.parameter("weight_hh_l0"))
        let transposedCopy = try weight.t().contiguous().t()
        XCTAssertFalse(transposedCopy.isContiguous)
        try gru.registerParameter("weight_hh_l0", try Tensor.parameter(transposedCopy))
        XCTAssertEqual(try gru(x).doubles, expected)
        try gru(x).sum().backward()
        XCTAssertEqual(gru.parameter("weight_hh_l0")?.grad?.shape, [12, 4])
    }

    func testRetainedGraphAndDoubleBackward() throws {
        let gru = try GRU(3, 4)
        let x = try Tensor.randn([4, 2, 3]).requiresGrad_()
        let (output, hN) = try gru(x, hx: nil)
        let loss = try output.sum().add(hN.sum())
        try loss.backward(retainGraph: true)
        let once = try XCTUnwrap(x.grad).doubles
        try loss.backward()
        assertClose(try XCTUnwrap(x.grad).doubles, once.map { $0 * 2 }, rtol: 1e-6)
        assertTensorError("Trying to backward through the graph a second time (or directly access saved tensors after "
            + "they have already been freed). Saved intermediate values of the graph are freed when you call "
            + ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a "
            + "second time or if you need to access saved tensors after calling backward.") { try loss.backward() }
        // Second-order gradients through the fused backward are refused rather than silently wrong.
        let (again, _) = try gru(x, hx: nil)
        assertTensorError("Attend's recurrent layers do not support double backward (create_graph=True through GRU)") {
            try again.sum().backward(createGraph: true)
        }
    }

    func testAbsurdSizesThrowInsteadOfTrapping() {
        XCTAssertThrowsError(try GRU(3, Int.max))
        XCTAssertThrowsError(try LSTM(Int.max, 2, bidirectional: true, projSize: 1))
        XCTAssertThrowsError(try RNN(3, 4, numLayers: -1))
        XCTAssertThrowsError(try GRU(3, 4, dropout: .nan))
    }
}
