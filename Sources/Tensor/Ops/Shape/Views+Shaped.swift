extension Tensor {
    /// `view(other.shape)` (`Tensor.view_as`).
    public func view(as other: Tensor) throws(TensorError) -> Tensor { try view(other.shape) }

    /// `reshape(other.shape)` (`Tensor.reshape_as`).
    public func reshape(as other: Tensor) throws(TensorError) -> Tensor { try reshape(other.shape) }

    /// The view with dimension `dim` split into `sizes`, one of which may be -1 (`Tensor.unflatten`).
    public func unflatten(dim: Int, sizes: [Int]) throws(TensorError) -> Tensor {
        guard !sizes.isEmpty else {
            throw .invalidArgument(op: "unflatten", detail: "unflatten: sizes must be non-empty")
        }
        let d = try Shape.normalize(dim: dim, rank: rank)
        guard rank > 0 else {
            throw .invalidArgument(op: "unflatten", detail: "unflatten got an unexpected error:\nDimension specified "
                + "as 0 but tensor has no dimensions")
        }
        let inferred: [Int]
        do {
            inferred = try Shape.infer(sizes, count: shape[d])
        } catch .shapeInvalidForInput {
            throw .invalidArgument(op: "unflatten", detail: "unflatten: Provided sizes \(Shape.describe(sizes)) don't "
                + "multiply up to the size of dim \(d) (\(shape[d])) in the input tensor")
        } catch {
            // PyTorch wraps any other size error this way (followed by a C++ trace, which Attend leaves out).
            throw .invalidArgument(op: "unflatten", detail: "unflatten got an unexpected error:\n\(error.message)")
        }
        return try view(Array(shape[..<d]) + inferred + Array(shape[(d + 1)...]))
    }
}
