/// Every mistake a user can make with a tensor, carrying what went wrong and where. `message` turns each into the
/// text PyTorch prints for it; `kind` says which Python exception class it is.
public enum TensorError: Error, Equatable, Sendable {
    // Shapes and sizes.
    case negativeDimension(size: Int, shape: [Int])
    case broadcastMismatch(sizeA: Int, sizeB: Int, dim: Int)
    case dimensionOutOfRange(dim: Int, low: Int, high: Int)
    case repeatedDimension(dim: Int)
    case onlyOneDimensionInferred
    case invalidShapeDimension(size: Int)
    case shapeInvalidForInput(shape: [Int], count: Int)
    case cannotInferWithZero(shape: [Int])
    case viewNotCompatible
    case expandMismatch(target: [Int], actual: [Int], size: Int, existing: Int, dim: Int)
    case expandTooFewDims(target: [Int], actual: [Int], dtype: DType)
    case permuteMismatch(rank: Int, dims: Int)
    case squeezeSize(dim: Int, size: Int)
    case concatenateEmpty(op: String)
    case concatenateRankMismatch(op: String, expected: Int, got: Int, index: Int)
    case concatenateSizeMismatch(dim: Int, expected: Int, got: Int, index: Int)
    case stackSizeMismatch(first: [Int], other: [Int], index: Int)
    case repeatTooFewDims
    case zeroDimensionalConcatenate(index: Int)
    case inPlaceShapeMismatch(output: [Int], broadcast: [Int])
    /// A size PyTorch's Python code computed past int64 (`3 * embed_dim`), refused as `op`'s size argument at
    /// 1-based `position` cannot unpack it.
    case sizeArgumentOverflow(op: String, position: Int)

    // Matrix products.
    case matmulShapes(a: [Int], b: [Int])
    case matmulNeedsMatrix(operand: String)
    case matmulDTypeMismatch(a: DType, b: DType)
    case dotSizeMismatch(a: Int, b: Int)
    case mvSizeMismatch(matrix: [Int], vector: Int)
    case bmmBatchMismatch(expected: [Int], got: [Int])
    case bmmNeeds3D(operand: String)
    case matmulZeroDim(a: Int, b: Int)

    // Indexing.
    case indexOutOfRange(index: Int, dim: Int, size: Int)
    case indexOnScalar
    /// `given` is named only by the advanced-indexing kernel ("(got 3)"), not by the subscript itself.
    case tooManyIndices(rank: Int, given: Int?)
    case maskShapeMismatch(mask: [Int], maskDim: Int, indexed: [Int], dim: Int)
    case indexDTypeInvalid(dtype: DType)
    case indexBroadcastMismatch(shapes: [[Int]])
    case multipleEllipsis
    case gatherIndexOutOfBounds(index: Int, dim: Int, size: Int)
    case gatherRankMismatch(op: String)
    case gatherShapeMismatch(dim: Int, indexShape: [Int], selfShape: [Int], apartFrom: Int)
    case scatterShapeMismatch(indexShape: [Int], selfShape: [Int], srcShape: [Int]?, apartFrom: Int)
    case indexSelectNeedsVector
    case topkTooLarge
    case sliceStepNotPositive
    case sliceStepZero
    /// A one-off message PyTorch raises as an IndexError.
    case invalidIndex(op: String, detail: String)
    case oneHotNegative
    case oneHotClassTooSmall
    case oneHotNeedsLong

    // Dtypes and values.
    case notImplemented(op: String, dtype: DType)
    case dtypeMismatch(op: String, expected: DType, found: DType)
    case cannotCastResult(result: DType, output: DType)
    case boolNegation
    case boolSubtraction
    case integerDivisionByZero
    case integerNegativePower
    case itemOfManyElements(count: Int)
    case invalidRange(op: String, detail: String)
    case invalidArgument(op: String, detail: String)
    /// A one-off message that PyTorch raises as a `ValueError`.
    case invalidValue(op: String, detail: String)
    /// A one-off message that PyTorch raises as a `TypeError`.
    case invalidType(op: String, detail: String)
    /// A failed `assert` in PyTorch's Python code (`AssertionError`).
    case failedAssertion(op: String, detail: String)
    /// A one-off message that PyTorch raises as a `NotImplementedError`.
    case unsupported(op: String, detail: String)
    case outOfMemory(requestedBytes: Int?)
    /// The system refused an allocation that was within Attend's limit (a `ulimit`, or the machine out of memory).
    case systemOutOfMemory(requestedBytes: Int)
    case emptyReductionDim(op: String, dim: Int?)

    // Autograd.
    case requiresGradOnNonFloat
    case gradOnNonScalar
    case noGradFn
    case backwardTwice
    case leafInPlace
    case modifiedByInPlace(typeName: String, shape: [Int], node: String?, version: Int, expected: Int)
    case gradShapeMismatch(expected: [Int], got: [Int])
    case viewOfLeafInPlace
    case nonLeafGradAssignment
}

extension TensorError {
    /// The Python exception class PyTorch raises for this error.
    public enum Kind: String, Sendable {
        case runtimeError = "RuntimeError"
        case indexError = "IndexError"
        case valueError = "ValueError"
        case typeError = "TypeError"
        case memoryError = "MemoryError"
        case zeroDivisionError = "ZeroDivisionError"
        case notImplementedError = "NotImplementedError"
        case keyError = "KeyError"
        case attributeError = "AttributeError"
        case assertionError = "AssertionError"
    }

    /// The Python exception class this error becomes.
    public var kind: Kind {
        switch self {
        case let .concatenateEmpty(op) where op == "cat":
            return .valueError
        case .dimensionOutOfRange, .indexOutOfRange, .indexOnScalar, .tooManyIndices, .maskShapeMismatch,
             .indexDTypeInvalid, .indexBroadcastMismatch, .multipleEllipsis, .indexSelectNeedsVector, .invalidIndex,
             .emptyReductionDim:
            return .indexError
        case .sliceStepNotPositive, .sliceStepZero, .permuteMismatch, .invalidValue:
            return .valueError
        case .invalidType, .sizeArgumentOverflow:
            return .typeError
        case .failedAssertion:
            return .assertionError
        case .outOfMemory, .systemOutOfMemory:
            return .memoryError
        case .notImplemented, .unsupported:
            return .notImplementedError
        default:
            return .runtimeError
        }
    }

    /// The message PyTorch prints for this error.
    public var message: String {
        switch self {
        case let .negativeDimension(size, shape):
            return "Trying to create tensor with negative dimension \(size): \(Shape.describe(shape))"
        case let .broadcastMismatch(sizeA, sizeB, dim):
            return "The size of tensor a (\(sizeA)) must match the size of tensor b (\(sizeB)) at non-singleton "
                + "dimension \(dim)"
        case let .dimensionOutOfRange(dim, low, high):
            return "Dimension out of range (expected to be in range of [\(low), \(high)], but got \(dim))"
        case let .repeatedDimension(dim):
            return "dim \(dim) appears multiple times in the list of dims"
        case .onlyOneDimensionInferred:
            return "only one dimension can be inferred"
        case let .invalidShapeDimension(size):
            return "invalid shape dimension \(size)"
        case let .shapeInvalidForInput(shape, count):
            return "shape '\(Shape.describe(shape))' is invalid for input of size \(count)"
        case let .cannotInferWithZero(shape):
            return "cannot reshape tensor of 0 elements into shape \(Shape.describe(shape)) because the unspecified "
                + "dimension size -1 can be any value and is ambiguous"
        case .viewNotCompatible:
            return "view size is not compatible with input tensor's size and stride (at least one dimension spans "
                + "across two contiguous subspaces). Use .reshape(...) instead."
        case let .expandMismatch(target, actual, size, existing, dim):
            return "The expanded size of the tensor (\(size)) must match the existing size (\(existing)) at "
                + "non-singleton dimension \(dim).  Target sizes: \(Shape.describe(target)).  Tensor sizes: "
                + "\(Shape.describe(actual))"
        case let .expandTooFewDims(target, actual, dtype):
            return "expand(\(dtype.legacyTypeName){\(Shape.describe(actual))}, size=\(Shape.describe(target))): "
                + "the number of sizes provided (\(target.count)) must be greater or equal to the number of dimensions "
                + "in the tensor (\(actual.count))"
        case let .permuteMismatch(rank, dims):
            return "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the "
                + "desired ordering of dimensions i.e. input.dim() = \(rank) is not equal to len(dims) = \(dims)"
        case let .squeezeSize(dim, size):
            return "cannot select an entry of size \(size) at dimension \(dim)"
        case let .concatenateEmpty(op):
            return op == "cat" ? "torch.cat(): expected a non-empty list of Tensors"
                : "\(op) expects a non-empty TensorList"
        case let .concatenateRankMismatch(_, expected, got, _):
            return "Tensors must have same number of dimensions: got \(expected) and \(got)"
        case let .concatenateSizeMismatch(dim, expected, got, index):
            return "Sizes of tensors must match except in dimension \(dim). Expected size \(expected) but got size "
                + "\(got) for tensor number \(index) in the list."
        case let .stackSizeMismatch(first, other, index):
            return "stack expects each tensor to be equal size, but got \(Shape.describe(first)) at entry 0 and "
                + "\(Shape.describe(other)) at entry \(index)"
        case .repeatTooFewDims:
            return "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor"
        case let .inPlaceShapeMismatch(output, broadcast):
            return "output with shape \(Shape.describe(output)) doesn't match the broadcast shape "
                + "\(Shape.describe(broadcast))"
        case let .sizeArgumentOverflow(op, position):
            // PyTorch's text really has no closing quote: its C++ frames follow the message.
            return "\(op)(): argument 'size' failed to unpack the object at pos \(position) with error \"Overflow when "
                + "unpacking long long"
        case let .zeroDimensionalConcatenate(index):
            return "zero-dimensional tensor (at position \(index)) cannot be concatenated"

        case let .matmulShapes(a, b):
            return "mat1 and mat2 shapes cannot be multiplied (\(Shape.describeMatrix(a)) and "
                + "\(Shape.describeMatrix(b)))"
        case let .matmulNeedsMatrix(operand):
            return "\(operand) must be a matrix"
        case let .matmulDTypeMismatch(a, b):
            return "expected m1 and m2 to have the same dtype, but got: \(a.cppName) != \(b.cppName)"
        case let .dotSizeMismatch(a, b):
            return "inconsistent tensor size, expected tensor [\(a)] and src [\(b)] to have the same number of "
                + "elements, but got \(a) and \(b) elements respectively"
        case let .mvSizeMismatch(matrix, vector):
            return "size mismatch, got input (\(matrix[0])), mat (\(Shape.describeMatrix(matrix))), vec (\(vector))"
        case let .bmmBatchMismatch(expected, got):
            return "Expected size for first two dimensions of batch2 tensor to be: \(Shape.describe(expected)) but "
                + "got: \(Shape.describe(got))."
        case let .bmmNeeds3D(operand):
            return "\(operand) must be a 3D tensor"
        case let .matmulZeroDim(a, b):
            return "both arguments to matmul need to be at least 1D, but they are \(a)D and \(b)D"

        case let .indexOutOfRange(index, dim, size):
            return "index \(index) is out of bounds for dimension \(dim) with size \(size)"
        case .indexOnScalar:
            return "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to "
                + "convert a 0-dim tensor to a number"
        case let .tooManyIndices(rank, given):
            return "too many indices for tensor of dimension \(rank)" + (given.map { " (got \($0))" } ?? "")
        case let .maskShapeMismatch(mask, maskDim, indexed, dim):
            return "The shape of the mask \(Shape.describe(mask)) at index \(maskDim) does not match the shape of the "
                + "indexed tensor \(Shape.describe(indexed)) at index \(dim)"
        case .indexDTypeInvalid:
            return "tensors used as indices must be long, int, byte or bool tensors"
        case let .indexBroadcastMismatch(shapes):
            return "shape mismatch: indexing tensors could not be broadcast together with shapes "
                + shapes.map(Shape.describe).joined(separator: ", ")
        case .multipleEllipsis:
            return "an index can only have a single ellipsis ('...')"
        case let .gatherIndexOutOfBounds(index, dim, size):
            return "index \(index) is out of bounds for dimension \(dim) with size \(size)"
        case let .gatherRankMismatch(op):
            return "Index tensor must have the same number of dimensions as \(op) tensor"
        case let .gatherShapeMismatch(dim, indexShape, selfShape, apartFrom):
            return "Size does not match at dimension \(dim) expected index \(Shape.describe(indexShape)) to be no "
                + "larger than self \(Shape.describe(selfShape)) apart from dimension \(apartFrom)"
        case let .scatterShapeMismatch(indexShape, selfShape, srcShape, apartFrom):
            return "Expected index \(Shape.describe(indexShape)) to be no larger than self "
                + "\(Shape.describe(selfShape)) apart from dimension \(apartFrom)"
                + (srcShape.map { " and to be no larger size than src \(Shape.describe($0))" } ?? "")
        case .indexSelectNeedsVector:
            return "index_select(): Index is supposed to be a vector"
        case .topkTooLarge:
            return "selected index k out of range"
        case .sliceStepNotPositive:
            return "step must be greater than zero"
        case .sliceStepZero:
            return "slice step cannot be zero"
        case .oneHotNegative:
            return "Class values must be non-negative."
        case .oneHotClassTooSmall:
            return "Class values must be smaller than num_classes."
        case .oneHotNeedsLong:
            return "one_hot is only applicable to index tensor of type LongTensor."

        case let .notImplemented(op, dtype):
            return "\"\(op)\" not implemented for '\(dtype.scalarTypeName)'"
        case let .dtypeMismatch(_, expected, found):
            return "expected scalar type \(expected.scalarTypeName) but found \(found.scalarTypeName)"
        case let .cannotCastResult(result, output):
            return "result type \(result.scalarTypeName) can't be cast to the desired output type "
                + "\(output.scalarTypeName)"
        case .boolNegation:
            return "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a "
                + "mask, use the `~` or `logical_not()` operator instead."
        case .boolSubtraction:
            return "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert "
                + "a mask, use the `~` or `logical_not()` operator instead."
        case .integerDivisionByZero:
            return "ZeroDivisionError"
        case .integerNegativePower:
            return "Integers to negative integer powers are not allowed."
        case let .itemOfManyElements(count):
            return "a Tensor with \(count) elements cannot be converted to Scalar"
        case let .invalidRange(_, detail), let .invalidArgument(_, detail), let .invalidIndex(_, detail),
             let .invalidValue(_, detail), let .invalidType(_, detail), let .failedAssertion(_, detail),
             let .unsupported(_, detail):
            return detail
        case let .emptyReductionDim(op, dim?):
            return "\(op)(): Expected reduction dim \(dim) to have non-zero size."
        case let .emptyReductionDim(op, nil):
            return "\(op)(): Expected reduction dim to be specified for input.numel() == 0."
        case let .outOfMemory(requestedBytes):
            let limit = MemoryBudget.shared.limit
            if let requestedBytes {
                return "can't allocate memory: you tried to allocate \(requestedBytes) bytes, and Attend's tensor "
                    + "memory limit is \(limit) bytes"
            }
            return "can't allocate memory: the requested size is too large to represent"
        case let .systemOutOfMemory(requestedBytes):
            return "can't allocate memory: you tried to allocate \(requestedBytes) bytes, and the system refused them"

        case .requiresGradOnNonFloat:
            return "only Tensors of floating point and complex dtype can require gradients"
        case .gradOnNonScalar:
            return "grad can be implicitly created only for scalar outputs"
        case .noGradFn:
            return "element 0 of tensors does not require grad and does not have a grad_fn"
        case .backwardTwice:
            return "Trying to backward through the graph a second time (or directly access saved tensors after they "
                + "have already been freed). Saved intermediate values of the graph are freed when you call "
                + ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
                + "graph a second time or if you need to access saved tensors after calling backward."
        case .leafInPlace:
            return "a leaf Variable that requires grad is being used in an in-place operation."
        case let .modifiedByInPlace(typeName, shape, node, version, expected):
            return "one of the variables needed for gradient computation has been modified by an inplace operation: "
                + "[\(typeName) \(Shape.describe(shape))]\(node.map { ", which is output 0 of \($0)," } ?? "") is at "
                + "version \(version); "
                + "expected version \(expected) instead. Hint: enable anomaly detection to find the operation that "
                + "failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
        case let .gradShapeMismatch(expected, got):
            return "Mismatch in shape: grad_output[0] has a shape of torch.Size(\(Shape.describe(got))) and "
                + "output[0] has a shape of torch.Size(\(Shape.describe(expected)))."
        case .viewOfLeafInPlace:
            return "a view of a leaf Variable that requires grad is being used in an in-place operation."
        case .nonLeafGradAssignment:
            return "assigned grad has data of a different size"
        }
    }
}

extension TensorError: CustomStringConvertible {
    /// `Kind: message`, as Python prints an uncaught exception's last line.
    public var description: String { "\(kind.rawValue): \(message)" }
}

extension DType {
    /// The C++ type name PyTorch uses in some dtype messages, such as `float`.
    public var cppName: String {
        switch self {
        case .bool: return "bool"
        case .int64: return "long int"
        case .float32: return "float"
        case .float64: return "double"
        }
    }
}
