/// How a reduction walks its input.
///
/// Usually an outer loop over the kept dimensions (one output element each) and an inner loop over the reduced ones.
/// When the input's innermost dimension is kept (`sum(dim=0)` of a matrix, a bias gradient), that inner loop would
/// stride across memory, so the plan walks the input in row-major order instead and folds each row into a buffer of
/// accumulators. Either way each output element sees its elements in the same order, so results are identical.
struct ReductionPlan {
    /// The output shape with reduced dimensions removed.
    let keptShape: [Int]
    /// The output shape with reduced dimensions kept as size 1.
    let keepdimShape: [Int]
    /// The reduced dimensions, sorted.
    let dims: [Int]
    /// How many input elements fold into each output element.
    let reducedCount: Int
    private let keptStrides: [Int]
    private let reducedShape: [Int]
    private let reducedStrides: [Int]
    private let inputShape: [Int]
    /// Per input dimension: its stride in the input, in the output (0 if reduced) and in the reduced positions (0 if
    /// kept).
    private let walkStrides: [[Int]]
    /// Whether to fold row by row into a buffer of accumulators.
    private let accumulatesAcrossRows: Bool

    /// Plans a reduction of `input` over `dims` (already normalised; empty means every dimension).
    init(input: Tensor, dims requested: [Int]) {
        let reduceAll = requested.isEmpty
        let dims = reduceAll ? Array(0..<input.rank) : requested.sorted()
        var kept: [Int] = [], keptStrides: [Int] = [], keepdim: [Int] = []
        var reduced: [Int] = [], reducedStrides: [Int] = []
        for dim in 0..<input.rank {
            if dims.contains(dim) {
                reduced.append(input.shape[dim])
                reducedStrides.append(input.strides[dim])
                keepdim.append(1)
            } else {
                kept.append(input.shape[dim])
                keptStrides.append(input.strides[dim])
                keepdim.append(input.shape[dim])
            }
        }
        self.dims = dims
        self.keptShape = kept
        self.keptStrides = keptStrides
        self.keepdimShape = keepdim
        self.reducedShape = reduced
        self.reducedStrides = reducedStrides
        self.reducedCount = reduced.reduce(1, *)
        self.inputShape = input.shape
        let outputStrides = Shape.contiguousStrides(kept)
        let positionStrides = Shape.contiguousStrides(reduced)
        var walk: [[Int]] = [input.strides, [], []]
        var (keptIndex, reducedIndex) = (0, 0)
        for dim in 0..<input.rank {
            if dims.contains(dim) {
                walk[1].append(0)
                walk[2].append(positionStrides[reducedIndex])
                reducedIndex += 1
            } else {
                walk[1].append(outputStrides[keptIndex])
                walk[2].append(0)
                keptIndex += 1
            }
        }
        self.walkStrides = walk
        let innermost = (0..<input.rank).last { input.shape[$0] != 1 }
        self.accumulatesAcrossRows = innermost.map { !dims.contains($0) && input.strides[$0] == 1 } ?? false
            && reducedStrides.contains { $0 != 1 } && reduced.reduce(1, *) > 1
    }

    /// The output shape for the `keepdim` flag.
    func outputShape(keepdim: Bool) -> [Int] { keepdim ? keepdimShape : keptShape }

    /// Folds each group of reduced elements of `input` into one element of the contiguous `out`.
    ///
    /// `combine` sees elements in row-major order of the reduced dimensions, with their flat position in that order
    /// (which `argmax` and friends report).
    @inline(__always)
    func run<T: TensorElement, Accumulator, R: TensorElement>(
        _ input: Tensor, into out: Tensor, initial: Accumulator,
        combine: (inout Accumulator, T, Int) -> Void, finish: (Accumulator) -> R
    ) {
        // The loops' geometry multiplies sizes that an empty tensor may claim (`zeros(2**62, 0, 4).sum((0, 1))`): with
        // no elements every output is the empty reduction, written directly.
        let src = input.pointer(as: T.self)
        let dst = out.pointer(as: R.self)
        if input.count == 0 {
            let empty = finish(initial)
            for i in 0..<out.count { dst[i] = empty }
            return
        }
        if accumulatesAcrossRows {
            runAcrossRows(src, into: dst, outputCount: out.count, initial: initial, combine: combine, finish: finish)
            return
        }
        let inner = StridedLoop(shape: reducedShape, strides: [reducedStrides])
        let (innerStride, innerLength) = (inner.rowStride(0), inner.rowLength)
        let innerIsOneRow = inner.shape.count == 1
        let count = reducedCount
        let outer = StridedLoop(shape: keptShape, strides: [keptStrides, Shape.contiguousStrides(keptShape)])
        let (outerStrideIn, outerStrideOut, outerLength) = (outer.rowStride(0), outer.rowStride(1), outer.rowLength)
        outer.forEachRow { offsets in
            var base = src + offsets[0]
            var target = dst + offsets[1]
            for _ in 0..<outerLength {
                var accumulator = initial
                if count > 0 {
                    if innerIsOneRow {
                        var p = base
                        Interruption.forEachChunk(of: innerLength) { range in
                            for k in range {
                                combine(&accumulator, p.pointee, k)
                                p += innerStride
                            }
                        }
                    } else {
                        var position = 0
                        inner.forEachRow { innerOffsets in
                            var p = base + innerOffsets[0]
                            for _ in 0..<innerLength {
                                combine(&accumulator, p.pointee, position)
                                position += 1
                                p += innerStride
                            }
                        }
                    }
                }
                target.pointee = finish(accumulator)
                base += outerStrideIn
                target += outerStrideOut
            }
        }
    }

    /// The memory-order walk: every input row folds into the accumulators of the outputs it belongs to.
    @inline(__always)
    private func runAcrossRows<T: TensorElement, Accumulator, R: TensorElement>(
        _ src: UnsafeMutablePointer<T>, into dst: UnsafeMutablePointer<R>, outputCount: Int, initial: Accumulator,
        combine: (inout Accumulator, T, Int) -> Void, finish: (Accumulator) -> R
    ) {
        let accumulators = UnsafeMutablePointer<Accumulator>.allocate(capacity: outputCount)
        accumulators.initialize(repeating: initial, count: outputCount)
        defer {
            accumulators.deinitialize(count: outputCount)
            accumulators.deallocate()
        }
        let walk = StridedLoop(shape: inputShape, strides: walkStrides)
        let (strideIn, strideOut, stridePosition) = (walk.rowStride(0), walk.rowStride(1), walk.rowStride(2))
        let length = walk.rowLength
        walk.forEachRow { offsets in
            var p = src + offsets[0]
            var target = offsets[1]
            var position = offsets[2]
            for _ in 0..<length {
                combine(&accumulators[target], p.pointee, position)
                p += strideIn
                target += strideOut
                position += stridePosition
            }
        }
        for i in 0..<outputCount { dst[i] = finish(accumulators[i]) }
    }
}
