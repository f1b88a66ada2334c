extension Functional {
    /// `input @ weight.T + bias` (`F.linear`), taking the routes PyTorch takes so results and grad_fns match:
    /// `addmm` for matrices, a flattened `addmm` for contiguous 3-D input, `matmul` then an in-place add otherwise.
    public static func linear(_ input: Tensor, weight: Tensor, bias: Tensor? = nil) throws(TensorError) -> Tensor {
        let transposed = try weight.t()
        guard let bias else { return try input.matmul(transposed) }
        if input.rank == 2 { return try Tensor.addmm(bias, input, transposed) }
        if input.rank == 3 && input.isContiguous {
            let features = input.shape[2]
            guard weight.rank == 2, weight.shape[1] == features else {
                throw .matmulShapes(a: [input.shape[0] * input.shape[1], features], b: transposed.shape)
            }
            let rows = try input.view([-1, features])
            return try Tensor.addmm(bias, rows, transposed).view([input.shape[0], input.shape[1], weight.shape[0]])
        }
        let output = try input.matmul(transposed)
        return try output.add_(bias)
    }
}
