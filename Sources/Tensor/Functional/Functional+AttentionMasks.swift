extension Functional {
    /// A mask as `nn.MultiheadAttention` and the Transformer layers take it, made additive: a bool mask becomes
    /// -inf where true (the position is masked) and 0 elsewhere, in `dtype`; a float mask is returned unchanged
    /// (PyTorch's `F._canonical_mask`). Other dtypes are refused.
    public static func canonicalMask(_ mask: Tensor?, name: String, dtype: DType) throws(TensorError) -> Tensor? {
        guard let mask else { return nil }
        if mask.dtype.isFloatingPoint { return mask }
        guard mask.dtype == .bool else {
            throw .failedAssertion(op: "_canonical_mask", detail: "only bool and floating types of \(name) are "
                + "supported")
        }
        return try Tensor.where(mask, Tensor(.float(-.infinity), dtype: dtype), Tensor(.float(0), dtype: dtype))
    }

    /// A mask with one more zero column on its last dimension (`F.pad(mask, (0, 1))`), for the extra key that
    /// `add_bias_kv` and `add_zero_attn` append.
    static func padLastDimension(_ mask: Tensor) throws(TensorError) -> Tensor {
        var shape = mask.shape
        shape[shape.count - 1] = 1
        return try Tensor.cat([mask, try Tensor.zeros(shape, dtype: mask.dtype)], dim: -1)
    }
}

/// Python spellings of shapes for the messages PyTorch's Python code builds.
enum PythonShape {
    /// `torch.Size([2, 3])`.
    static func size(_ shape: [Int]) -> String { "torch.Size(\(Shape.describe(shape)))" }

    /// `(2, 3)`, or `(8,)` for one element.
    static func tuple(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
