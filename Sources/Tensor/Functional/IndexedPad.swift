/// Reflection and replication padding of the last one to three dimensions (`reflection_padNd`,
/// `replication_padNd`): each output coordinate reads one input coordinate per padded dimension, looked up in a
/// table, so the forward gathers and the backward scatter-adds along the same tables.
struct IndexedPad {
    let mode: Functional.PadMode
    /// For each padded dimension, outermost first, the input coordinate each output coordinate reads.
    let tables: [[Int]]
    /// The input's padded sizes, outermost first.
    let inputSizes: [Int]
    /// The output's full shape.
    let outputShape: [Int]

    /// Checks the input and padding as PyTorch does and builds the tables. `pad` has 2, 4 or 6 entries and the input
    /// one or two more dimensions than it pads.
    init(mode: Functional.PadMode, input: Tensor, pad: [Int]) throws(TensorError) {
        self.mode = mode
        let padded = pad.count / 2
        let rank = input.rank
        let batched = rank == padded + 2
        if input.shape.dropFirst(batched ? 1 : 0).contains(0) {
            throw .invalidArgument(op: "pad", detail: "Expected \(padded + 1)D or \(padded + 2)D (batch mode) tensor "
                + "with possibly 0 batch size and other non-zero dimensions for input, but got: "
                + Shape.describe(input.shape))
        }
        // PyTorch's checks and messages name the dimensions innermost first: W, then H, then D.
        var sizes: [Int] = []
        var outputs: [Int] = []
        for i in 0..<padded {
            let dim = rank - 1 - i
            let (before, after) = (pad[2 * i], pad[2 * i + 1])
            let size = input.shape[dim]
            if mode == .reflect && (before >= size || after >= size) {
                throw .invalidArgument(op: "pad", detail: "Argument #\(4 + 2 * i): Padding size should be less than "
                    + "the corresponding input dimension, but got: padding (\(before), \(after)) at dimension \(dim) "
                    + "of input \(Shape.describe(input.shape))")
            }
            sizes.append(size)
            outputs.append(size &+ before &+ after)
        }
        if outputs.allSatisfy({ $0 < 1 }) {
            throw .invalidArgument(op: "pad", detail: IndexedPad.tooSmall(mode: mode, sizes: sizes, outputs: outputs))
        }
        let outputShape = Array(input.shape.prefix(rank - padded)) + outputs.reversed()
        // The tables are as long as the output: an output too large to allocate is refused before they are built.
        _ = try Tensor(uninitializedShape: outputShape, dtype: input.dtype)
        var tables: [[Int]] = []
        for i in 0..<padded {
            let table = IndexedPad.table(mode: mode, size: sizes[i], before: pad[2 * i], output: outputs[i])
            // The checks above keep every entry inside the input; refuse rather than read outside it if not.
            guard table.allSatisfy({ $0 >= 0 && $0 < sizes[i] }) else {
                throw .invalidArgument(op: "pad", detail: "padding \(Shape.describe(pad)) does not fit an input of size "
                    + Shape.describe(input.shape))
            }
            tables.append(table)
        }
        self.tables = tables.reversed()
        self.inputSizes = sizes.reversed()
        self.outputShape = outputShape
    }

    private static func tooSmall(mode: Functional.PadMode, sizes: [Int], outputs: [Int]) -> String {
        switch sizes.count {
        case 1:
            return "input (W: \(sizes[0])) is too small. Calculated output W: \(outputs[0])"
        case 2:
            return "input (H: \(sizes[1]), W: \(sizes[0])\(mode == .replicate ? " " : "")) is too small. Calculated "
                + "output H: \(outputs[1]) W: \(outputs[0])"
        default:
            return "input (D: \(sizes[2]) H: \(sizes[1]), W: \(sizes[0])) is too small. Calculated output "
                + "D: \(outputs[2]) H: \(outputs[1]) W: \(outputs[0])"
        }
    }

    /// The input coordinate each of `output` coordinates reads, for a dimension of `size` padded by `before`.
    private static func table(mode: Functional.PadMode, size: Int, before: Int, output: Int) -> [Int] {
        let inputStart = Swift.max(0, 0 &- before)
        let outputStart = Swift.max(0, before)
        // Wrapping arithmetic: absurd pads give entries outside the input, which the caller refuses.
        return (0..<Swift.max(output, 0)).map { j in
            let position: Int
            if j < before {
                position = mode == .reflect ? 2 &* before &- j : before
            } else if j < size &+ before {
                position = j
            } else {
                position = mode == .reflect ? 2 &* (size &+ before &- 1) &- j : size &+ before &- 1
            }
            return position &- outputStart &+ inputStart
        }
    }

    /// The grad_fn name, such as `ReflectionPad1DBackward0`.
    var backwardName: String {
        (mode == .reflect ? "ReflectionPad" : "ReplicationPad") + "\(tables.count)DBackward0"
    }

    /// The kernel name in PyTorch's dtype errors, such as `reflection_pad1d`.
    var kernelName: String {
        (mode == .reflect ? "reflection_pad" : "replication_pad") + "\(tables.count)d"
    }

    /// Pads `input`, recording the backward.
    func apply(_ input: Tensor) throws(TensorError) -> Tensor {
        if input.dtype == .bool { throw .notImplemented(op: kernelName, dtype: .bool) }
        let source = try input.contiguousData()
        let out = try Tensor(uninitializedShape: outputShape, dtype: input.dtype)
        switch input.dtype {
        case .float32: gather(source, into: out, as: Float.self)
        case .float64: gather(source, into: out, as: Double.self)
        case .int64: gather(source, into: out, as: Int64.self)
        case .bool: break
        }
        let pad = self
        let inputShape = input.shape
        out.recordGradient(backwardName, inputs: [input]) { grad, _ throws(TensorError) in
            let gradOut = try grad.contiguousData()
            let gradIn = try Tensor(zerosShape: inputShape, dtype: grad.dtype)
            switch grad.dtype {
            case .float32: pad.scatterAdd(gradOut, into: gradIn, as: Float.self)
            case .float64: pad.scatterAdd(gradOut, into: gradIn, as: Double.self)
            case .int64, .bool: break
            }
            return [gradIn]
        }
        return out
    }

    private func gather<T: TensorElement>(_ input: Tensor, into out: Tensor, as type: T.Type) {
        let (src, dst) = (input.pointer(as: T.self), out.pointer(as: T.self))
        let last = tables[tables.count - 1]
        forEachRow { inputRow, outputRow in
            let (from, to) = (src + inputRow, dst + outputRow)
            for j in 0..<last.count { to[j] = from[last[j]] }
        }
    }

    private func scatterAdd<T: TensorFloat>(_ gradOut: Tensor, into gradIn: Tensor, as type: T.Type) {
        let (src, dst) = (gradOut.pointer(as: T.self), gradIn.pointer(as: T.self))
        let last = tables[tables.count - 1]
        forEachRow { inputRow, outputRow in
            let (from, to) = (src + outputRow, dst + inputRow)
            for j in 0..<last.count { to[last[j]] += from[j] }
        }
    }

    /// Calls `body` with the offsets of the input row and the output row for every output row (all coordinates but
    /// the last), over every leading plane.
    @inline(__always)
    private func forEachRow(_ body: (Int, Int) -> Void) {
        let padded = tables.count
        let outputSizes = tables.map(\.count)
        let planes = outputShape.dropLast(padded).reduce(1, *)
        let inputPlane = inputSizes.reduce(1, *)
        let outputPlane = outputSizes.reduce(1, *)
        let rowLength = outputSizes[padded - 1]
        guard planes > 0 && outputPlane > 0 else { return }
        // Row-major strides of the padded dims inside one plane.
        var inputStrides = [Int](repeating: 1, count: padded)
        for d in stride(from: padded - 2, through: 0, by: -1) {
            inputStrides[d] = inputStrides[d + 1] * inputSizes[d + 1]
        }
        let rowsPerPlane = outputPlane / rowLength
        var counters = [Int](repeating: 0, count: Swift.max(padded - 1, 1))
        for plane in 0..<planes {
            for d in counters.indices { counters[d] = 0 }
            for row in 0..<rowsPerPlane {
                var inputRow = plane * inputPlane
                for d in 0..<(padded - 1) { inputRow += tables[d][counters[d]] * inputStrides[d] }
                body(inputRow, plane * outputPlane + row * rowLength)
                var d = padded - 2
                while d >= 0 {
                    counters[d] += 1
                    if counters[d] < outputSizes[d] { break }
                    counters[d] = 0
                    d -= 1
                }
            }
        }
    }
}
