extension Tensor {
    /// How many in-place writes this tensor's storage has seen (`Tensor._version`), shared by all its views.
    public var version: Int { storage.version }

    /// Refuses an in-place write PyTorch refuses: a result of another shape, a leaf that requires grad, or a view of
    /// one, while grad mode is on. Call before writing anything.
    func checkInPlace(resultShape: [Int], resultDType: DType? = nil) throws(TensorError) {
        // Autograd refuses the write before the kernel looks at shapes and dtypes, as in PyTorch.
        try checkInPlaceAutograd()
        if resultShape != shape { throw .inPlaceShapeMismatch(output: shape, broadcast: resultShape) }
        if let resultDType, !DType.canCast(from: resultDType, to: dtype) {
            throw .cannotCastResult(result: resultDType, output: dtype)
        }
    }

    /// `checkInPlace` for an op that computes every element of its output from the matching input elements
    /// (`add_`, `exp_`, `copy_` ...): such an op also refuses an expanded tensor, where one write would land on
    /// several elements, as PyTorch does (`fill_`, `zero_` and `masked_fill_` still write one).
    func checkElementwiseInPlace(resultShape: [Int], resultDType: DType? = nil) throws(TensorError) {
        try checkInPlace(resultShape: resultShape, resultDType: resultDType)
        try checkNoInternalOverlap()
    }

    /// Refuses to write into a tensor whose elements share memory, as PyTorch does for expanded tensors.
    func checkNoInternalOverlap() throws(TensorError) {
        for dim in 0..<rank where strides[dim] == 0 && shape[dim] > 1 {
            throw .invalidArgument(op: "inplace", detail: "unsupported operation: more than one element of the "
                + "written-to tensor refers to a single memory location. Please clone() the tensor before "
                + "performing the operation.")
        }
    }

    /// Refuses an in-place write to a leaf that requires grad, or to a view of one, while grad mode is on.
    func checkInPlaceAutograd() throws(TensorError) {
        guard GradMode.isEnabled else { return }
        if requiresGrad, let number = multiOutputViewNumber, let name = gradFn?.name {
            throw .invalidArgument(op: "inplace", detail: "Output \(number) of \(Node.functionName(name)) is a view "
                + "and is being modified inplace. This view is the output of a function that returns multiple views. "
                + "Such functions do not allow the output views to be modified inplace. You should replace the inplace "
                + "operation by an out-of-place one.")
        }
        if let base = viewBase, base.requiresGrad, base.isLeaf { throw .viewOfLeafInPlace }
        if requiresGrad && isLeaf { throw .leafInPlace }
    }

    /// Records an in-place operation that overwrote `self` using `inputs`.
    ///
    /// `backward` gets the gradient of the new values and returns gradients for the old values of `self` followed by
    /// one per input.
    func recordInPlace(
        _ name: String,
        inputs: [Tensor],
        saving: [Tensor] = [],
        backward: @escaping (Tensor, [Tensor]) throws(TensorError) -> [Tensor?]
    ) {
        guard GradMode.isEnabled, requiresGrad || inputs.contains(where: { $0.requiresGrad }) else { return }
        let edges = ([self] + inputs).map { $0.requiresGrad ? $0.gradientEdge() : nil }
        adoptInPlace(Node(name: name, edges: edges, saving: saving, backward: backward))
    }

    /// A copy of this tensor's current values that stands for it in the graph (same grad_fn), for an in-place op
    /// whose backward needs the values the write destroys; PyTorch saves such a copy too.
    func inPlaceSnapshot() throws(TensorError) -> Tensor {
        let copy = try contiguousCopy()
        copy.gradFn = gradFn
        copy.requiresGrad = requiresGrad
        return copy
    }

    /// Writes `result` (computed out of place from `self`, or from its snapshot) into `self`, and makes its node the
    /// producer of `self`'s new values. A saved `result` becomes `self` itself, so a later write to `self` is caught.
    func adoptInPlaceResult(_ result: Tensor) {
        Cast.copy(result, into: self)
        bumpVersion()
        guard let node = result.gradFn else { return }
        adoptInPlace(node)
        node.rebindSaved(result, to: self, outputName: isView ? (gradFn?.name ?? node.name) : node.name)
    }

    /// Makes `node`, whose first edge is the old value of `self`, the producer of `self`'s new values.
    ///
    /// When `self` is a view, the write is recorded on its base as PyTorch's `CopySlices`: the base's gradient routes
    /// the view's region through `node` and passes the rest through unchanged, and the view then reads its values
    /// out of the rewritten base.
    func adoptInPlace(_ node: Node) {
        guard let base = viewBase else {
            gradFn = node
            requiresGrad = true
            return
        }
        let geometry = ViewGeometry(of: self, in: base)
        let edges = [base.requiresGrad ? base.gradientEdge() : nil] + node.edges.dropFirst()
        let copySlices = Node(name: "CopySlices", edges: edges, saving: []) { grad, _ throws(TensorError) in
            let result = try geometry.zerosLikeBase(dtype: grad.dtype)
            Cast.copy(grad, into: result)
            let region = geometry.region(of: result)
            var grads = try node.apply(try region.contiguousCopy())
            if let selfGrad = grads.first ?? nil {
                Cast.copy(selfGrad, into: region)
            } else {
                Cast.copy(Tensor(.int(0), dtype: region.dtype), into: region)
            }
            if grads.isEmpty { grads = [result] } else { grads[0] = result }
            return grads
        }
        copySlices.wrappedNode = node
        base.gradFn = copySlices
        base.requiresGrad = true
        gradFn = Tensor.readingRegion(geometry, from: copySlices)
        requiresGrad = true
    }

    /// This view's node, rebuilt to read from its base's current history if the storage was written in place (through
    /// the base or another view) since the node was recorded.
    func refreshedViewGradFn() -> Node? {
        guard let base = viewBase, storage.version != gradFnVersion else { return recordedGradFn }
        gradFnVersion = storage.version
        guard base.requiresGrad else { return recordedGradFn }
        recordedGradFn = Tensor.readingRegion(ViewGeometry(of: self, in: base), from: base.gradientEdge())
        requiresGrad = true
        return recordedGradFn
    }

    /// The node of a view that reads its region out of a base produced by `baseNode`.
    private static func readingRegion(_ geometry: ViewGeometry, from baseNode: Node) -> Node {
        Node(name: "AsStridedBackward0", edges: [baseNode], saving: []) { grad, _ throws(TensorError) in
            let full = try geometry.zerosLikeBase(dtype: grad.dtype)
            Cast.copy(grad, into: geometry.region(of: full))
            return [full]
        }
    }
}

/// Where a view sits inside its base, so the same region can be cut out of a gradient laid out like the base.
struct ViewGeometry {
    let baseShape: [Int]
    let baseStrides: [Int]
    let baseOffset: Int
    let storageBytes: Int
    let shape: [Int]
    let strides: [Int]
    let offset: Int

    init(of view: Tensor, in base: Tensor) {
        baseShape = base.shape
        baseStrides = base.strides
        baseOffset = base.offset
        storageBytes = base.storage.byteCount
        shape = view.shape
        strides = view.strides
        offset = view.offset
    }

    /// A zero tensor laid out in memory exactly as the base is.
    func zerosLikeBase(dtype: DType) throws(TensorError) -> Tensor {
        let elements = storageBytes / max(dtype.itemSize, 1)
        let storage = try Storage.zeroed(count: elements, dtype: dtype)
        return Tensor(storage: storage, shape: baseShape, strides: baseStrides, offset: baseOffset, dtype: dtype)
    }

    /// The view's region of a tensor made by `zerosLikeBase`.
    func region(of baseLike: Tensor) -> Tensor {
        Tensor(storage: baseLike.storage, shape: shape, strides: strides, offset: offset, dtype: baseLike.dtype)
    }
}

extension DType {
    /// Whether an in-place operation may store a result of dtype `from` into a tensor of dtype `to`
    /// (PyTorch's `canCast`: no float into integer, nothing non-bool into bool).
    static func canCast(from: DType, to: DType) -> Bool {
        if from.isFloatingPoint && !to.isFloatingPoint { return false }
        if from != .bool && to == .bool { return false }
        return true
    }
}

extension Node {
    /// The function a backward node is named after, as PyTorch's messages name it: `Split` for `SplitBackward0`.
    static func functionName(_ nodeName: String) -> String {
        guard let range = nodeName.range(of: "Backward", options: .backwards),
              nodeName[range.upperBound...].allSatisfy(\.isNumber) else { return nodeName }
        return String(nodeName[..<range.lowerBound])
    }
}
