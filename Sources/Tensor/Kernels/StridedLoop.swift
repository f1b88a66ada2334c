/// The geometry of a loop over several tensors of one (broadcast) shape, reduced to as few dimensions as possible.
///
/// Adjacent dimensions that every operand walks contiguously are merged and size-1 dimensions dropped, so a
/// contiguous tensor becomes a single row and a broadcast `(N, 1) + (1, M)` becomes N rows of M. Kernels then run a
/// tight inner loop per row over raw pointers; the per-row bookkeeping is all this type does.
struct StridedLoop {
    /// Sizes of the merged dimensions; the last is the row length. Never empty.
    let shape: [Int]
    /// Per operand, its stride along each merged dimension, in elements.
    let strides: [[Int]]

    /// Builds the loop for operands already broadcast to `shape` (a stride of 0 repeats an element).
    init(shape: [Int], strides operandStrides: [[Int]]) {
        // An empty tensor is no rows at all, however large its other sizes (a [2**62, 0] tensor must not walk 2**62
        // empty rows, nor multiply its sizes past Int.max).
        if shape.contains(0) {
            self.shape = [0]
            self.strides = Array(repeating: [0], count: operandStrides.count)
            return
        }
        var mergedShape: [Int] = []
        var merged: [[Int]] = Array(repeating: [], count: operandStrides.count)
        for dim in 0..<shape.count where shape[dim] != 1 {
            let size = shape[dim]
            let foldable = operandStrides.indices.allSatisfy {
                let span = operandStrides[$0][dim].multipliedReportingOverflow(by: size)
                return !span.overflow && merged[$0].last == span.partialValue
            }
            if foldable, let lastSize = mergedShape.last, !lastSize.multipliedReportingOverflow(by: size).overflow {
                // The previous dimension steps exactly over this one for every operand: fold it in.
                mergedShape[mergedShape.count - 1] = lastSize * size
                for op in operandStrides.indices { merged[op][merged[op].count - 1] = operandStrides[op][dim] }
            } else {
                mergedShape.append(size)
                for op in operandStrides.indices { merged[op].append(operandStrides[op][dim]) }
            }
        }
        if mergedShape.isEmpty {
            mergedShape = [1]
            merged = Array(repeating: [0], count: operandStrides.count)
        }
        self.shape = mergedShape
        self.strides = merged
    }

    /// The number of elements in one row.
    var rowLength: Int { shape[shape.count - 1] }

    /// The number of rows (none when a size is 0; Int.max for a broadcast view with more, which only Ctrl-C ends).
    var rowCount: Int {
        guard rowLength > 0 else { return 0 }
        var rows = 1
        for size in shape.dropLast() {
            let product = rows.multipliedReportingOverflow(by: size)
            if product.overflow { return .max }
            rows = product.partialValue
        }
        return rows
    }

    /// Each operand's stride within a row.
    func rowStride(_ operand: Int) -> Int { strides[operand][shape.count - 1] }

    /// Calls `body` once per row with each operand's element offset at the row's start, stopping early when an
    /// interrupt is requested.
    @inline(__always)
    func forEachRow(_ body: (UnsafeBufferPointer<Int>) -> Void) {
        let operands = strides.count
        let outer = shape.count - 1
        withUnsafeTemporaryAllocation(of: Int.self, capacity: operands + max(outer, 1)) { scratch in
            let offsets = UnsafeMutableBufferPointer(rebasing: scratch[0..<operands])
            let counters = UnsafeMutableBufferPointer(rebasing: scratch[operands...])
            offsets.initialize(repeating: 0)
            counters.initialize(repeating: 0)
            let rows = rowCount
            for _ in 0..<rows {
                if Interruption.isRequested { return }
                body(UnsafeBufferPointer(offsets))
                // Advance the odometer over the outer dimensions.
                var dim = outer - 1
                while dim >= 0 {
                    counters[dim] += 1
                    for op in 0..<operands { offsets[op] += strides[op][dim] }
                    if counters[dim] < shape[dim] { break }
                    for op in 0..<operands { offsets[op] -= strides[op][dim] * shape[dim] }
                    counters[dim] = 0
                    dim -= 1
                }
            }
        }
    }

    /// Calls `body` with each operand's offset and a run length for every stretch of at most `Interruption.chunk`
    /// elements of every row, so that a single long row (a contiguous tensor) still looks at the interrupt flag.
    /// For kernels whose elements are independent; reductions along a row use `forEachRow`.
    @inline(__always)
    func forEachRun(_ body: (UnsafeBufferPointer<Int>, Int) -> Void) {
        let length = rowLength
        guard length > Interruption.chunk else {
            forEachRow { body($0, length) }
            return
        }
        let operands = strides.count
        let rowStrides = (0..<operands).map(rowStride)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: operands) { runOffsets in
            forEachRow { offsets in
                var start = 0
                while start < length {
                    if Interruption.isRequested { return }
                    for op in 0..<operands { runOffsets[op] = offsets[op] + start * rowStrides[op] }
                    let run = Swift.min(Interruption.chunk, length - start)
                    body(UnsafeBufferPointer(runOffsets), run)
                    start += run
                }
            }
        }
    }
}

extension Tensor {
    /// This tensor's strides as seen from a broadcast `shape`.
    func strides(broadcastTo target: [Int]) -> [Int] {
        Shape.broadcastStrides(shape: shape, strides: strides, to: target)
    }
}
