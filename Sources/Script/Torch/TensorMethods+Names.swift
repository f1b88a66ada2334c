import Tensor

extension TensorMethods {
    /// The data attributes `property` answers (a set: every method call asks whether its name is one).
    static let propertyNames: Set<String> = ["T", "mT", "data", "device", "dtype", "grad", "grad_fn", "is_cuda", "is_leaf",
                                "ndim", "requires_grad", "shape"]

    // PyTorch's public tensor methods that Attend may implement; `names(of:)` keeps those the binding answers, so
    // completion never offers a method that would raise AttributeError.
    private static let candidateMethods = [
        "abs", "abs_", "acos", "add", "add_", "addmm", "all", "allclose", "amax", "amin", "any", "argmax", "argmin",
        "argsort", "asin", "atan", "backward", "baddbmm", "bernoulli", "bernoulli_", "bfloat16", "bmm", "bool",
        "byte", "ceil", "char", "chunk", "clamp", "clamp_", "clamp_max", "clamp_min", "clip", "clip_", "clone",
        "contiguous", "copy_", "cos", "cosh", "count_nonzero", "cpu", "cuda", "cumprod", "cumsum", "detach",
        "detach_", "diag", "diagonal", "dim", "div", "div_", "dot", "double", "element_size", "eq", "equal", "erf",
        "exp", "exp_", "expand", "expand_as", "expm1", "exponential_", "fill_", "flatten", "flip", "fliplr", "float",
        "floor", "floor_divide", "fmod", "frac", "gather", "ge", "ger", "gt", "half", "index_add", "index_add_",
        "index_select", "int", "is_contiguous", "is_floating_point", "isclose", "isfinite", "isinf", "isnan", "item",
        "le", "lerp", "log", "log10", "log1p", "log2", "log_softmax", "logical_and", "logical_not", "logical_or",
        "logical_xor", "logsumexp", "long", "lt", "masked_fill", "masked_fill_", "masked_select", "matmul", "max",
        "maximum", "mean", "median", "min", "minimum", "mm", "moveaxis", "movedim", "mul", "mul_", "multinomial",
        "mv", "nan_to_num", "narrow", "ndimension", "ne", "neg", "neg_", "nelement", "new_empty", "new_full",
        "new_ones", "new_tensor", "new_zeros", "nonzero", "norm", "normal_", "numel", "numpy", "outer", "permute",
        "pow", "prod", "reciprocal", "relu", "relu_", "remainder", "repeat", "repeat_interleave", "requires_grad_",
        "reshape", "reshape_as", "retain_grad", "roll", "round", "rsqrt", "scatter", "scatter_", "scatter_add",
        "scatter_add_", "short", "sigmoid", "sigmoid_", "sign", "sin", "sinh", "size", "softmax", "sort", "split",
        "sqrt", "square", "squeeze", "std", "storage_offset", "stride", "sub", "sub_", "sum", "swapaxes", "t",
        "take_along_dim", "tan", "tanh", "tanh_", "tile", "to", "tolist", "topk", "transpose", "tril", "triu",
        "trunc", "type", "type_as", "unbind", "unflatten", "uniform_", "unique", "unsqueeze", "var", "view",
        "view_as", "zero_",
    ]

    /// The attribute and method names `t.name` resolves, sorted.
    static func names(of t: Tensor, interpreter: Interpreter) -> [String] {
        let methods = candidateMethods.filter { method(t, $0, interpreter: interpreter) != nil }
        return (Array(propertyNames) + methods).sorted()
    }
}
