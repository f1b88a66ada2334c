extension Functional {
    /// Zeroes each element with probability `p` and scales the rest by `1 / (1 - p)` while training; the identity
    /// otherwise (`F.dropout`).
    public static func dropout(
        _ input: Tensor, p: Double = 0.5, training: Bool = true, inplace: Bool = false, generator: Generator? = nil
    ) throws(TensorError) -> Tensor {
        // NaN passes PyTorch's Python-side range check and is refused by the kernel, as a RuntimeError.
        if p.isNaN {
            throw .invalidArgument(op: "dropout", detail: "dropout probability has to be between 0 and 1, but got nan")
        }
        guard p >= 0 && p <= 1 else {
            throw .invalidValue(op: "dropout", detail: "dropout probability has to be between 0 and 1, but got "
                + p.pythonRepr)
        }
        guard training && p > 0 else { return input }
        if p == 1 {
            return inplace ? try input.mul_(Tensor.wrapping(.int(0))) : try input.mul(Tensor.wrapping(.int(0)))
        }
        // The mask has the input's dtype, so an integer input fails dividing it by 1 - p, as in PyTorch.
        let noise = try Tensor.empty(like: input)
        try noise.bernoulli_(p: 1 - p, generator: generator)
        try noise.div_(Tensor.wrapping(.float(1 - p)))
        return inplace ? try input.mul_(noise) : try input.mul(noise)
    }
}
