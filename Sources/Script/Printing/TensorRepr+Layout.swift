import Tensor

extension TensorRepr {
    /// The bracketed body of a tensor with at least one element, as it follows `tensor(`: nested brackets, rows
    /// wrapped to the line width, `...` where summarised, and one blank line more between blocks per dimension.
    static func body(of summary: Summary, formatter: Formatter, indent: Int, options: PrintOptions) -> String {
        if summary.shape.isEmpty {
            return summary.values.first.map(formatter.format) ?? ""
        }
        if summary.isFullyElided { return "[...]" }
        let layout = Layout(summary: summary, formatter: formatter, lineWidth: options.effectiveLineWidth)
        return layout.block(dim: 0, start: 0, indent: indent)
    }

    /// Walks the kept elements dimension by dimension, writing the nested text.
    private struct Layout {
        let summary: Summary
        let formatter: Formatter
        let lineWidth: Int
        /// How many kept elements one index of each dimension spans.
        let spans: [Int]

        init(summary: Summary, formatter: Formatter, lineWidth: Int) {
            self.summary = summary
            self.formatter = formatter
            self.lineWidth = lineWidth
            var spans = [Int](repeating: 1, count: summary.shape.count)
            for dim in stride(from: summary.shape.count - 2, through: 0, by: -1) {
                spans[dim] = spans[dim + 1] * summary.keptCount(dim: dim + 1)
            }
            self.spans = spans
        }

        /// The text of the sub-tensor at dimension `dim` whose first kept element is `values[start]`.
        func block(dim: Int, start: Int, indent: Int) -> String {
            let rank = summary.shape.count
            if dim == rank - 1 { return row(start: start, indent: indent) }
            let kept = summary.keptCount(dim: dim)
            var pieces: [String] = []
            pieces.reserveCapacity(kept + 1)
            for position in 0..<kept {
                if summary.elides(dim: dim) && position == summary.edgeItems { pieces.append("...") }
                pieces.append(block(dim: dim + 1, start: start + position * spans[dim], indent: indent + 1))
            }
            let separator = "," + String(repeating: "\n", count: rank - dim - 1)
                + String(repeating: " ", count: indent + 1)
            return "[" + pieces.joined(separator: separator) + "]"
        }

        /// One innermost row: elements joined by `, `, as many per line as fit, continuation lines indented past
        /// the bracket. A summarised row counts its ` ...` as an element.
        private func row(start: Int, indent: Int) -> String {
            let dim = summary.shape.count - 1
            let elementLength = formatter.width + 2
            // NOTE: PyTorch floors a possibly negative quotient and keeps at least one element per line.
            let available = lineWidth - indent
            let perLine = Swift.max(1, Self.floorDivide(available, elementLength))
            var items: [String] = []
            let kept = summary.keptCount(dim: dim)
            items.reserveCapacity(kept + 1)
            for position in 0..<kept {
                if summary.elides(dim: dim) && position == summary.edgeItems { items.append(" ...") }
                let index = start + position
                items.append(index < summary.values.count ? formatter.format(summary.values[index]) : "")
            }
            var lines: [String] = []
            var lineStart = 0
            while lineStart < items.count {
                let lineEnd = Swift.min(lineStart + perLine, items.count)
                lines.append(items[lineStart..<lineEnd].joined(separator: ", "))
                lineStart = lineEnd
            }
            return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
        }

        private static func floorDivide(_ a: Int, _ b: Int) -> Int {
            let quotient = a / b
            return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
        }
    }
}
