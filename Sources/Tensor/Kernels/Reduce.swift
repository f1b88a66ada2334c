/// How a reduction walks its input: an outer loop over the kept dimensions (one output element each) and an inner
/// loop over the reduced ones.
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
        let src = input.pointer(as: T.self)
        let dst = out.pointer(as: R.self)
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
                        for k in 0..<innerLength {
                            combine(&accumulator, p.pointee, k)
                            p += innerStride
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
}
