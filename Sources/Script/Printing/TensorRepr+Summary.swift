import Tensor

extension TensorRepr {
    /// The elements printing looks at: all of them, or, when summarising, only the edge items of every dimension.
    ///
    /// PyTorch chooses the formatter (width, integer and scientific modes) from these elements alone, so a huge value
    /// hidden behind `...` changes nothing.
    struct Summary: Equatable {
        /// The tensor's shape.
        var shape: [Int]
        /// The element type.
        var dtype: DType
        /// Whether the tensor has more elements than the threshold.
        var summarize: Bool
        /// Items kept at each edge of a summarised dimension.
        var edgeItems: Int
        /// The kept elements in row-major order over the kept indices of every dimension.
        var values: [Scalar]

        /// Whether dimension `dim` prints with `...` in its middle.
        func elides(dim: Int) -> Bool {
            // `size > 2 * edgeItems`, without overflow for absurd edge counts.
            summarize && edgeItems < (shape[dim] + 1) / 2
        }

        /// How many indices of dimension `dim` print.
        func keptCount(dim: Int) -> Int {
            elides(dim: dim) ? 2 * edgeItems : shape[dim]
        }

        /// The kept indices of dimension `dim`, in order.
        func keptIndices(dim: Int) -> [Int] {
            let size = shape[dim]
            guard elides(dim: dim) else { return Array(0..<size) }
            return Array(0..<edgeItems) + Array((size - edgeItems)..<size)
        }

        /// Whether the whole body is `[...]` (summarising with no edge items).
        var isFullyElided: Bool { summarize && edgeItems == 0 && !shape.isEmpty }
    }

    /// How many elements printing `tensor` shows, or nil when that count overflows (a huge threshold or edge count
    /// on an expanded tensor asks for more elements than memory holds).
    public static func printedCount(of tensor: Tensor, options: PrintOptions) -> Int? {
        guard tensor.count > 0 else { return 0 }
        let summary = Summary(shape: tensor.shape, dtype: tensor.dtype,
                              summarize: Double(tensor.count) > options.threshold,
                              edgeItems: options.effectiveEdgeItems, values: [])
        if summary.isFullyElided { return 0 }
        var count = 1
        for dim in tensor.shape.indices {
            // `2 * edgeItems` only when eliding, that is when it is below the size.
            let (product, overflow) = count.multipliedReportingOverflow(by: summary.keptCount(dim: dim))
            if overflow { return nil }
            count = product
        }
        return count
    }

    /// Gathers the elements a tensor prints from. The tensor must have at least one element.
    static func summary(of tensor: Tensor, options: PrintOptions) -> Summary {
        let count = tensor.count
        let summarize = Double(count) > options.threshold
        var summary = Summary(shape: tensor.shape, dtype: tensor.dtype, summarize: summarize,
                              edgeItems: options.effectiveEdgeItems, values: [])
        let elidesSomewhere = tensor.shape.indices.contains { summary.elides(dim: $0) }
        if summary.isFullyElided || !elidesSomewhere {
            // Nothing prints but `[...]`, or everything prints.
            if !summary.isFullyElided { summary.values = tensor.scalars }
            return summary
        }
        do {
            // Views of the edges only, so printing a huge tensor reads a few dozen elements.
            summary.values = try gatherEdges(of: tensor.detach(), summary: summary, dim: 0)
        } catch {
            summary.values = gatherFromAll(tensor.scalars, summary: summary)
        }
        return summary
    }

    private static func gatherEdges(of tensor: Tensor, summary: Summary, dim: Int) throws(TensorError) -> [Scalar] {
        let size = tensor.shape[0]
        if tensor.rank == 1 {
            guard summary.elides(dim: dim) else { return tensor.scalars }
            let edge = summary.edgeItems
            return try tensor.narrow(dim: 0, start: 0, length: edge).scalars
                + tensor.narrow(dim: 0, start: size - edge, length: edge).scalars
        }
        var values: [Scalar] = []
        for index in summary.keptIndices(dim: dim) {
            values += try gatherEdges(of: tensor.select(dim: 0, index: index), summary: summary, dim: dim + 1)
        }
        return values
    }

    /// The kept elements picked out of all elements in row-major order.
    static func gatherFromAll(_ all: [Scalar], summary: Summary) -> [Scalar] {
        let shape = summary.shape
        var strides = [Int](repeating: 1, count: shape.count)
        for dim in stride(from: shape.count - 2, through: 0, by: -1) { strides[dim] = strides[dim + 1] * shape[dim + 1] }
        let kept = shape.indices.map { summary.keptIndices(dim: $0) }
        var values: [Scalar] = []
        func walk(_ dim: Int, _ base: Int) {
            if dim == shape.count {
                if base < all.count { values.append(all[base]) }
                return
            }
            for index in kept[dim] { walk(dim + 1, base + index * strides[dim]) }
        }
        walk(0, 0)
        return values
    }
}
