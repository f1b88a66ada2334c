/// An n-dimensional array of one dtype, viewing a storage through a shape, strides and an offset, with autograd state.
///
/// A tensor made by a view operation (slicing, `transpose`, `expand`, `view`) shares its storage with the tensor it
/// came from, so writes through one are seen through the other, as in PyTorch.
public final class Tensor {
    /// The memory this tensor views.
    public internal(set) var storage: Storage
    /// The size of each dimension.
    public internal(set) var shape: [Int]
    /// The distance, in elements, between neighbours along each dimension (0 along a broadcast dimension).
    public internal(set) var strides: [Int]
    /// The position of the first element in the storage, in elements.
    public internal(set) var offset: Int
    /// The element type.
    public internal(set) var dtype: DType

    /// Whether operations on this tensor are recorded for autograd.
    public internal(set) var requiresGrad: Bool = false
    /// The accumulated gradient, for leaves and tensors that called `retainGrad()`.
    public var grad: Tensor?
    /// The node that produced this tensor, when it was computed from tensors that require grad.
    ///
    /// A view's node is rebuilt from its base's current history when the shared storage was written in place since
    /// the node was recorded, so `y = x.t(); x[0] = v` leaves `y` reading the new values, as PyTorch does.
    public internal(set) var gradFn: Node? {
        get { viewBase == nil ? recordedGradFn : refreshedViewGradFn() }
        set {
            recordedGradFn = newValue
            gradFnVersion = storage.version
        }
    }
    /// The node as last recorded.
    var recordedGradFn: Node?
    /// The storage version when `recordedGradFn` was recorded.
    var gradFnVersion = 0
    /// Whether a non-leaf keeps its gradient after backward.
    public internal(set) var retainsGrad: Bool = false
    /// The leaf's gradient sink, created once so every path into the leaf accumulates in one place.
    weak var gradAccumulator: Node?
    /// The tensor whose storage this view shares, if this is a view.
    public internal(set) var viewBase: Tensor?
    /// For a view returned by an op that returns several views (`split`, `chunk`, `unbind`), or a view of one: the
    /// output number PyTorch names when it refuses an in-place write through it.
    var multiOutputViewNumber: Int?
    /// Whether this tensor is an `nn.Parameter` (it then prints as `Parameter containing:`).
    public internal(set) var isParameter = false
    /// Whether this tensor stands for a Python number in an expression such as `t * 2` (it then ranks lowest in type
    /// promotion).
    public internal(set) var isWrappedNumber = false

    /// Makes a tensor over existing storage. The caller guarantees the geometry fits the storage.
    init(storage: Storage, shape: [Int], strides: [Int], offset: Int, dtype: DType) {
        self.gradFnVersion = storage.version
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
        self.dtype = dtype
    }

    /// Makes a contiguous tensor of the given shape with uninitialised elements.
    init(uninitializedShape shape: [Int], dtype: DType) throws(TensorError) {
        let count = try Shape.checkedCount(shape, itemSize: dtype.itemSize)
        self.storage = try Storage.uninitialized(count: count, dtype: dtype)
        self.shape = shape
        self.strides = Shape.contiguousStrides(shape)
        self.offset = 0
        self.dtype = dtype
    }

    /// Makes a contiguous tensor of the given shape with uninitialised elements, sharing `source`'s strides array
    /// when `source` has this shape and row-major strides (a small op then allocates no metadata).
    init(uninitializedShape shape: [Int], dtype: DType, stridesFrom source: Tensor) throws(TensorError) {
        let count = try Shape.checkedCount(shape, itemSize: dtype.itemSize)
        self.storage = try Storage.uninitialized(count: count, dtype: dtype)
        self.shape = shape
        self.strides = source.shape == shape && Shape.hasRowMajorStrides(shape: shape, strides: source.strides)
            ? source.strides : Shape.contiguousStrides(shape)
        self.offset = 0
        self.dtype = dtype
    }

    /// Makes a contiguous tensor of the given shape with every element zero.
    init(zerosShape shape: [Int], dtype: DType) throws(TensorError) {
        let count = try Shape.checkedCount(shape, itemSize: dtype.itemSize)
        self.storage = try Storage.zeroed(count: count, dtype: dtype)
        self.shape = shape
        self.strides = Shape.contiguousStrides(shape)
        self.offset = 0
        self.dtype = dtype
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    // Wrapping: every shape with no zero size is checked to fit when made, and a product with a zero is zero even
    // when the other sizes overflow on the way (an empty `[2**62, 2**62, 0]` permuted from a view).
    /// The number of elements.
    public var count: Int { shape.reduce(1, &*) }

    /// Whether the elements are laid out in row-major order with no gaps.
    public var isContiguous: Bool { Shape.isContiguous(shape: shape, strides: strides) }

    /// Whether this tensor was created by the user rather than computed from tensors that require grad.
    public var isLeaf: Bool { gradFn == nil }

    /// Whether this tensor is a view of another tensor's storage.
    public var isView: Bool { viewBase != nil }

    /// A pointer to the first element, typed. The caller must match `T` to `dtype`.
    @inline(__always)
    func pointer<T: TensorElement>(as type: T.Type) -> UnsafeMutablePointer<T> {
        assert(T.dtype == dtype, "element type \(T.self) does not match \(dtype)")
        return storage.pointer(as: type) + offset
    }

    /// Marks an in-place write so saved copies of this storage can be detected as stale.
    func bumpVersion() {
        storage.version &+= 1
    }
}

extension Tensor: CustomStringConvertible {
    /// A short description for debugging: dtype and shape. PyTorch's repr is `TensorRepr` in the Script target.
    public var description: String {
        "Tensor(\(dtype.name), shape: \(Shape.describe(shape)))"
    }
}
