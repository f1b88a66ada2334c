import Tensor

/// The text PyTorch prints for tensors (`repr(t)`, `str(t)`, `print(t)`) and their companions: `torch.Size`, dtypes.
///
/// Everything here is a pure function of the tensor and a `PrintOptions` value, so the interpreter's `print` and
/// the notebook's renderer produce the same characters.
public enum TensorRepr {
    /// `repr(t)` (which `str(t)` and `print(t)` share): `tensor([...])` with its suffixes, or for a parameter
    /// `Parameter containing:` and that text on the next line.
    public static func repr(_ tensor: Tensor, options: PrintOptions = .default) -> String {
        let text = plainRepr(tensor, options: options)
        return tensor.isParameter ? "Parameter containing:\n" + text : text
    }

    /// The `tensor(...)` text alone, without the parameter heading.
    public static func plainRepr(_ tensor: Tensor, options: PrintOptions = .default) -> String {
        let prefix = "tensor("
        let indent = prefix.count
        var suffixes: [String] = []
        let body: String
        if tensor.count == 0 {
            // NumPy's rule: the shape is shown unless it is (0,); the dtype always unless the default float, as
            // there are no elements to show it.
            if tensor.rank != 1 { suffixes.append("size=" + shapeTuple(tensor.shape)) }
            if tensor.dtype != DType.defaultFloat { suffixes.append("dtype=" + tensor.dtype.name) }
            body = "[]"
        } else {
            if options.effectiveEdgeItems == 0 { suffixes.append("size=" + shapeTuple(tensor.shape)) }
            if !hasDefaultDType(tensor.dtype) { suffixes.append("dtype=" + tensor.dtype.name) }
            let summary = summary(of: tensor, options: options)
            let formatter = Formatter(values: summary.values, dtype: summary.dtype, options: options)
            body = self.body(of: summary, formatter: formatter, indent: indent, options: options)
        }
        if let gradFn = tensor.gradFn {
            suffixes.append("grad_fn=<\(gradFn.name)>")
        } else if tensor.requiresGrad {
            suffixes.append("requires_grad=True")
        }
        return withSuffixes(prefix + body, suffixes: suffixes, indent: indent, lineWidth: options.effectiveLineWidth)
    }

    /// `torch.Size([2, 3])`, as `print(t.shape)` and `repr(t.shape)` show a shape.
    public static func size(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    /// `torch.float32`, as `print(t.dtype)` and `repr(t.dtype)` show a dtype.
    public static func dtype(_ dtype: DType) -> String {
        dtype.name
    }

    /// Whether a non-empty tensor of this dtype prints without `dtype=`: the default float, int64 and bool, whose
    /// elements already show their type.
    static func hasDefaultDType(_ dtype: DType) -> Bool {
        switch dtype {
        case .int64, .bool: return true
        case .float32, .float64: return dtype == DType.defaultFloat
        }
    }

    /// A shape as the Python tuple `size=` shows: `(0, 3)`, `(5,)`, `()`.
    static func shapeTuple(_ shape: [Int]) -> String {
        PythonRepr.tuple(shape.map(String.init))
    }

    /// Appends `, suffix` items and the closing parenthesis, starting a new line indented under the opening one
    /// whenever a suffix would pass the line width.
    ///
    /// NOTE: PyTorch measures the last line as two characters longer than it is (and the whole text, when it has
    /// no newline, likewise); that overcount decides where `grad_fn=` breaks, so it is kept.
    static func withSuffixes(_ text: String, suffixes: [String], indent: Int, lineWidth: Int) -> String {
        var result = text
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? Substring(text)
        var lastLineLength = lastLine.count + 2
        for suffix in suffixes {
            if lastLineLength + suffix.count + 2 > lineWidth {
                result += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLineLength = indent + suffix.count
            } else {
                result += ", " + suffix
                lastLineLength += suffix.count + 2
            }
        }
        return result + ")"
    }
}
