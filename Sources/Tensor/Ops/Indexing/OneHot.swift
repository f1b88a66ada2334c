extension Tensor {
    /// Each class number of this int64 tensor as a row of zeros with a one at that position: shape
    /// `shape + [numClasses]`, int64 (`torch.nn.functional.one_hot`). The default -1 uses the largest class + 1.
    public func oneHot(numClasses: Int = -1) throws(TensorError) -> Tensor {
        guard dtype == .int64 else { throw .oneHotNeedsLong }
        // Contiguous first, as PyTorch reads them: an expanded input too large to copy fails there.
        let classes = try contiguous().checkedElements(as: Int64.self)
        if classes.isEmpty {
            guard numClasses > 0 else {
                throw .invalidArgument(op: "one_hot", detail: "Can not infer total number of classes from empty "
                    + "tensor.")
            }
            return try Tensor(zerosShape: shape + [numClasses], dtype: .int64)
        }
        if let smallest = classes.min(), smallest < 0 { throw .oneHotNegative }
        let largest = Int(classes.max() ?? 0)
        let width: Int
        if numClasses == -1 {
            // PyTorch's int64 `max + 1` wraps to a negative size for the largest int64 class, which its
            // `zeros` then refuses.
            let (next, overflow) = largest.addingReportingOverflow(1)
            if overflow {
                throw .invalidArgument(op: "one_hot", detail: "zeros: Dimension size must be non-negative.")
            }
            width = next
        } else {
            guard largest < numClasses else { throw .oneHotClassTooSmall }
            width = numClasses
        }
        let out = try Tensor(zerosShape: shape + [width], dtype: .int64)
        let dst = out.pointer(as: Int64.self)
        for (row, value) in classes.enumerated() { dst[row * width + Int(value)] = 1 }
        return out
    }
}
