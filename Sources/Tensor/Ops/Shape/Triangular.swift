import Foundation

extension Tensor {
    /// The lower triangles of the matrices in the last two dimensions: elements above diagonal `diagonal` become
    /// zero (`torch.tril`). Positive `diagonal` keeps diagonals above the main one, negative ones drops more.
    public func tril(_ diagonal: Int = 0) throws(TensorError) -> Tensor {
        try triangle(lower: true, diagonal)
    }

    /// The upper triangles of the matrices in the last two dimensions: elements below diagonal `diagonal` become
    /// zero (`torch.triu`).
    public func triu(_ diagonal: Int = 0) throws(TensorError) -> Tensor {
        try triangle(lower: false, diagonal)
    }

    /// `tril` in place (`Tensor.tril_`).
    @discardableResult
    public func tril_(_ diagonal: Int = 0) throws(TensorError) -> Tensor {
        try triangleInPlace(lower: true, diagonal)
    }

    /// `triu` in place (`Tensor.triu_`).
    @discardableResult
    public func triu_(_ diagonal: Int = 0) throws(TensorError) -> Tensor {
        try triangleInPlace(lower: false, diagonal)
    }

    private func triangle(lower: Bool, _ diagonal: Int) throws(TensorError) -> Tensor {
        guard rank >= 2 else {
            let name = lower ? "tril" : "triu"
            throw .invalidArgument(op: name, detail: "\(name): input tensor must have at least 2 dimensions")
        }
        let out = try contiguousCopy()
        Tensor.zeroOutsideTriangle(out, lower: lower, diagonal: diagonal)
        out.recordGradient(lower ? "TrilBackward0" : "TriuBackward0", inputs: [self]) { grad, _ throws(TensorError) in
            [try grad.triangle(lower: lower, diagonal)]
        }
        return out
    }

    private func triangleInPlace(lower: Bool, _ diagonal: Int) throws(TensorError) -> Tensor {
        let result = try triangle(lower: lower, diagonal)
        try checkInPlace(resultShape: shape)
        Cast.copy(result, into: self)
        bumpVersion()
        if let node = result.gradFn { adoptInPlace(node) }
        return self
    }

    /// Zeroes, in every matrix of the contiguous `out`, the elements outside the kept triangle. A zero of every dtype
    /// is all-zero bytes, so rows are cleared with `memset` whatever the dtype.
    private static func zeroOutsideTriangle(_ out: Tensor, lower: Bool, diagonal: Int) {
        let (rows, columns) = (out.shape[out.rank - 2], out.shape[out.rank - 1])
        guard rows > 0 && columns > 0 else { return }
        let matrices = out.count / (rows * columns)
        let itemSize = out.dtype.itemSize
        // Offsets past either edge act like the edge itself; clamping keeps `row + k` from overflowing.
        let k = Swift.min(Swift.max(diagonal, -rows - 1), columns + 1)
        let base = out.storage.bytes + out.offset * itemSize
        for matrix in 0..<matrices {
            for row in 0..<rows {
                let rowStart = base + ((matrix * rows + row) * columns) * itemSize
                // tril keeps columns <= row + k; triu keeps columns >= row + k.
                let (from, to) = lower
                    ? (Swift.max(row + k + 1, 0), columns)
                    : (0, Swift.min(Swift.max(row + k, 0), columns))
                if from < to { memset(rowStart + from * itemSize, 0, (to - from) * itemSize) }
            }
        }
    }
}
