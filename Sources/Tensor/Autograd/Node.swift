/// One recorded step of a computation: how to turn the gradient of its output into gradients of its inputs.
///
/// A node holds edges to the nodes that produced its inputs (or to the accumulators of leaf inputs) and the tensors its
/// backward needs. Those saved tensors are released after a backward pass unless the graph is retained, which is what
/// makes a second backward through the same graph an error, as in PyTorch.
public final class Node {
    /// The name PyTorch prints for this step, such as `MulBackward0`.
    public let name: String
    /// For each input, the node its gradient flows to, or nil when the input does not require grad.
    private(set) var edges: [Node?]
    /// The leaf whose `.grad` this node accumulates into; set only on `AccumulateGrad` nodes.
    let leaf: Tensor?
    /// A non-leaf output that asked to keep its gradient (`retain_grad()`).
    weak var retainedOutput: Tensor?
    /// A node this one calls from its backward without an edge to it (`CopySlices` wraps the in-place op's node).
    var wrappedNode: Node?

    private var saved: [Tensor]
    private var savedVersions: [Int]
    /// For saved tensors that are outputs, the node PyTorch names when one was overwritten ("output 0 of Exp").
    private var savedOutputNames: [Int: String] = [:]
    /// Saved tensors that are this node's own output. They are held as aliases without a grad_fn, so that an output
    /// and its node do not keep each other alive when no backward ever runs (PyTorch's saved variables likewise
    /// drop the grad_fn of a saved output); `apply` hands them back with this node attached.
    private var savedOutputIndices: Set<Int> = []
    /// For an output rebound to a view written in place, the view itself, unowned: its history is rebuilt from its
    /// base when read, and holding it would keep the base alive through this node.
    private var savedViews: [Int: WeakTensor] = [:]
    private var released = false
    private let backwardFunction: ((Tensor, [Tensor]) throws(TensorError) -> [Tensor?])?

    init(
        name: String,
        edges: [Node?],
        saving saved: [Tensor],
        backward: @escaping (Tensor, [Tensor]) throws(TensorError) -> [Tensor?]
    ) {
        self.name = name
        self.edges = edges
        self.leaf = nil
        self.saved = saved
        self.savedVersions = saved.map { $0.storage.version }
        self.backwardFunction = backward
    }

    /// Makes the gradient sink of a leaf tensor.
    init(accumulatingInto leaf: Tensor) {
        self.name = "AccumulateGrad"
        self.edges = []
        self.leaf = leaf
        self.saved = []
        self.savedVersions = []
        self.backwardFunction = nil
    }

    // Graphs of a hundred thousand steps are freed iteratively: letting each node release the next from its own
    // deinit would recurse once per step and overflow the stack. A node's links (edges, a wrapped node, and the
    // grad_fn of saved tensors nobody else holds) are moved to a worklist; a node from the list that nobody else
    // holds is emptied the same way before it is released.
    deinit {
        var pending: [Node] = []
        detachLinks(into: &pending)
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) { node.detachLinks(into: &pending) }
        }
    }

    private func detachLinks(into pending: inout [Node]) {
        for edge in edges { if let edge { pending.append(edge) } }
        edges = []
        if let wrappedNode { pending.append(wrappedNode) }
        wrappedNode = nil
        for index in saved.indices where isKnownUniquelyReferenced(&saved[index]) {
            if let producer = saved[index].gradFn {
                pending.append(producer)
                saved[index].gradFn = nil
            }
        }
        saved = []
    }

    /// The nodes this one sends gradients to, in input order (PyTorch's `next_functions`).
    public var nextFunctions: [Node?] { edges }

    /// Computes the gradients of the inputs from the gradient of the output.
    func apply(_ grad: Tensor) throws(TensorError) -> [Tensor?] {
        guard let backwardFunction else { return [] }
        if released { throw .backwardTwice }
        for (index, (tensor, version)) in zip(saved, savedVersions).enumerated()
        where tensor.storage.version != version {
            let producer = savedOutputNames[index] ?? tensor.gradFn?.name
            throw .modifiedByInPlace(
                typeName: tensor.dtype.legacyTypeName, shape: tensor.shape,
                node: producer.map(Node.forwardName), version: tensor.storage.version, expected: version)
        }
        guard GradMode.isEnabled && !savedOutputIndices.isEmpty else { return try backwardFunction(grad, saved) }
        // A recorded backward (create_graph) sees the outputs with their history, as they were saved.
        var unpacked = saved
        for index in savedOutputIndices {
            unpacked[index] = savedViews[index]?.tensor ?? saved[index].alias(gradFn: self)
        }
        return try backwardFunction(grad, unpacked)
    }

    /// Marks the saved tensors that are this node's own output, keeping them as aliases without this node.
    func markSavedOutput(_ output: Tensor) {
        for (index, tensor) in saved.enumerated() where tensor === output {
            savedOutputNames[index] = name
            saved[index] = output.alias(gradFn: nil)
            savedOutputIndices.insert(index)
        }
    }

    /// After an in-place op wrote `result` into `target`, saves `target` in its place at its new version, as PyTorch
    /// saves the written tensor itself. `outputName` is the node a later overwrite is blamed on (for a view, its
    /// `AsStridedBackward0`).
    func rebindSaved(_ result: Tensor, to target: Tensor, outputName: String) {
        for index in savedOutputIndices {
            saved[index] = target.alias(gradFn: nil)
            savedViews[index] = target.isView ? WeakTensor(tensor: target) : nil
            savedVersions[index] = target.storage.version
            savedOutputNames[index] = outputName
        }
    }

    /// The op name PyTorch's messages use for a node: `SigmoidBackward0` is `Sigmoid`.
    static func forwardName(_ name: String) -> String {
        if name == "CopySlices" { return "torch::autograd::CopySlices" }
        guard let range = name.range(of: "Backward", options: .backwards),
              name[range.upperBound...].allSatisfy(\.isNumber) else { return name }
        return String(name[..<range.lowerBound])
    }

    /// Frees the saved tensors once a backward pass no longer needs them.
    func releaseSaved() {
        wrappedNode?.releaseSaved()
        guard !saved.isEmpty else { return }
        saved = []
        savedVersions = []
        released = true
    }
}

/// A tensor held without keeping it alive.
private struct WeakTensor {
    weak var tensor: Tensor?
}

extension Tensor {
    /// Another tensor object over the same elements whose history is `gradFn` (none for nil).
    fileprivate func alias(gradFn node: Node?) -> Tensor {
        let alias = Tensor(storage: storage, shape: shape, strides: strides, offset: offset, dtype: dtype)
        if let node {
            alias.gradFn = node
            alias.requiresGrad = true
        }
        return alias
    }
}

extension Node: CustomStringConvertible {
    /// `<MulBackward0 object>`, as PyTorch prints a grad_fn.
    public var description: String { "<\(name) object>" }
}

/// Whether operations are being recorded for autograd (`torch.no_grad()` turns it off).
public enum GradMode {
    // NOTE: the engine runs on one thread; the interpreter enters and leaves no_grad scopes on that thread.
    nonisolated(unsafe) private static var enabled = true

    /// Whether new operations record their backward.
    public static var isEnabled: Bool {
        get { enabled }
        set { enabled = newValue }
    }

    /// Runs `body` with recording set to `enabled`, restoring the previous setting afterwards.
    @discardableResult
    public static func with<R, E: Error>(enabled value: Bool, _ body: () throws(E) -> R) throws(E) -> R {
        let previous = enabled
        enabled = value
        defer { enabled = previous }
        return try body()
    }
}

extension Tensor {
    /// Records how `self` was computed from `inputs`, if grad mode is on and any input requires grad.
    ///
    /// `backward` receives the gradient of `self` and the `saving` tensors and returns one gradient per input (nil
    /// where an input needs none). It must not capture tensors itself, so that they are freed with the graph.
    func recordGradient(
        _ name: String,
        inputs: [Tensor],
        saving: [Tensor] = [],
        backward: @escaping (Tensor, [Tensor]) throws(TensorError) -> [Tensor?]
    ) {
        guard GradMode.isEnabled, inputs.contains(where: { $0.requiresGrad }) else { return }
        let edges = inputs.map { $0.requiresGrad ? $0.gradientEdge() : nil }
        let node = Node(name: name, edges: edges, saving: saving, backward: backward)
        node.markSavedOutput(self)
        gradFn = node
        requiresGrad = true
    }

    /// The node a gradient for this tensor flows into: its producer, or its leaf accumulator.
    func gradientEdge() -> Node {
        if let gradFn { return gradFn }
        if let gradAccumulator { return gradAccumulator }
        let accumulator = Node(accumulatingInto: self)
        gradAccumulator = accumulator
        return accumulator
    }
}
