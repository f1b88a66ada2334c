extension Functional {
    /// `input @ weight.T + bias` (`F.linear`), taking the routes PyTorch takes so results and grad_fns match: `addmm`
    /// for a matrix; for any other contiguous input with a 1-D bias, `addmm` on the input flattened to a matrix and a
    /// view back; otherwise `matmul` and an in-place add of the bias.
    public static func linear(_ input: Tensor, weight: Tensor, bias: Tensor? = nil) throws(TensorError) -> Tensor {
        guard input.rank != 0 && weight.rank != 0 else {
            throw .invalidArgument(op: "linear", detail: "both arguments to linear need to be at least 1D, but they "
                + "are \(input.rank)D and \(weight.rank)D")
        }
        let transposed = try weight.t()
        guard let bias else { return try input.matmul(transposed) }
        if input.rank == 2 { return try Tensor.addmm(bias, input, transposed) }
        if input.isContiguous && bias.rank == 1 {
            // The leading dims multiply out without -1, which a zero-sized dim would make ambiguous.
            let leading = Array(input.shape.dropLast())
            let rows = try input.reshape([leading.reduce(1, *), input.shape[input.rank - 1]])
            let product = try Tensor.addmm(bias, rows, transposed)
            return try product.view(leading + [product.shape[1]])
        }
        let output = try input.matmul(transposed)
        return try output.add_(bias)
    }
}
