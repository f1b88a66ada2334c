extension Tensor {
    /// Whether the elements tile a block of memory exactly once in some dimension order (PyTorch's
    /// `is_non_overlapping_and_dense`), the condition under which `*_like` factories keep this tensor's strides.
    var isNonOverlappingAndDense: Bool {
        if isContiguous { return true }
        let dims = (0..<rank).filter { shape[$0] > 1 }.sorted { strides[$0] < strides[$1] }
        var expected = 1
        for dim in dims {
            if strides[dim] != expected { return false }
            expected *= shape[dim]
        }
        return true
    }
}
