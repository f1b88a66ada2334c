extension Tensor {
    /// Computes the gradient of this tensor with respect to every leaf that requires grad, accumulating into their
    /// `.grad` (PyTorch's `Tensor.backward`).
    ///
    /// - Parameters:
    ///   - gradient: the gradient of some scalar with respect to this tensor; may be omitted for a one-element tensor.
    ///   - retainGraph: keep the saved tensors so backward can run through the graph again.
    ///   - createGraph: record the backward computation itself, for higher-order gradients.
    public func backward(
        gradient: Tensor? = nil, retainGraph: Bool? = nil, createGraph: Bool = false
    ) throws(TensorError) {
        guard requiresGrad else { throw .noGradFn }
        let seed: Tensor
        if let gradient {
            guard gradient.shape == shape else {
                throw .gradShapeMismatch(expected: shape, got: gradient.shape)
            }
            // PyTorch casts the given gradient to the output's dtype.
            seed = try gradient.detach().converted(to: dtype)
        } else {
            guard count == 1 else { throw .gradOnNonScalar }
            seed = try Tensor.ones(like: self)
        }
        try BackwardEngine.run(
            root: gradientEdge(), seed: seed, retainGraph: retainGraph ?? createGraph, createGraph: createGraph)
    }

    /// Asks a non-leaf tensor to keep its `.grad` after backward.
    public func retainGrad() throws(TensorError) {
        guard requiresGrad else {
            throw .invalidArgument(op: "retain_grad", detail: "can't retain_grad on Tensor that has requires_grad=False")
        }
        guard let gradFn else { return }
        retainsGrad = true
        gradFn.retainedOutput = self
    }
}

/// Runs a backward pass: orders the graph's nodes so that each runs after every node that feeds it a gradient, then
/// sums incoming gradients per node and calls each node's backward once.
enum BackwardEngine {
    static func run(root: Node, seed: Tensor, retainGraph: Bool, createGraph: Bool) throws(TensorError) {
        let order = topologicalOrder(from: root)
        var pending: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): seed]
        try GradMode.with(enabled: createGraph) { () throws(TensorError) in
            for node in order {
                guard let grad = pending.removeValue(forKey: ObjectIdentifier(node)) else { continue }
                if let leaf = node.leaf {
                    try accumulate(grad, into: leaf, createGraph: createGraph)
                    continue
                }
                if let output = node.retainedOutput, output.retainsGrad {
                    try accumulate(grad, into: output, createGraph: createGraph)
                }
                let inputGrads = try node.apply(grad)
                for (edge, inputGrad) in zip(node.edges, inputGrads) {
                    guard let edge, let inputGrad else { continue }
                    let key = ObjectIdentifier(edge)
                    if let existing = pending[key] {
                        pending[key] = try existing.add(inputGrad)
                    } else {
                        pending[key] = inputGrad
                    }
                }
            }
        }
        if !retainGraph {
            for node in order { node.releaseSaved() }
        }
    }

    /// The nodes reachable from `root`, each placed after every node that sends it a gradient.
    ///
    /// Iterative depth-first post-order, reversed: recurrent graphs thousands of steps deep must not overflow the
    /// stack.
    static func topologicalOrder(from root: Node) -> [Node] {
        var visited = Set<ObjectIdentifier>([ObjectIdentifier(root)])
        var postOrder: [Node] = []
        var stack: [(node: Node, nextEdge: Int)] = [(root, 0)]
        while let (node, nextEdge) = stack.last {
            if nextEdge < node.edges.count {
                stack[stack.count - 1].nextEdge += 1
                if let child = node.edges[nextEdge], visited.insert(ObjectIdentifier(child)).inserted {
                    stack.append((child, 0))
                }
            } else {
                postOrder.append(node)
                stack.removeLast()
            }
        }
        return postOrder.reversed()
    }

    /// Adds a gradient into a tensor's `.grad`, in place when one exists, as PyTorch does.
    private static func accumulate(_ grad: Tensor, into tensor: Tensor, createGraph: Bool) throws(TensorError) {
        if let existing = tensor.grad {
            if createGraph {
                tensor.grad = try existing.add(grad)
            } else {
                try GradMode.with(enabled: false) { () throws(TensorError) in
                    _ = try existing.add_(grad)
                }
            }
        } else {
            // A gradient may be a broadcast view or shared with another node; the stored one must own its memory,
            // in the tensor's dtype.
            let owned = createGraph ? grad : try grad.detach().contiguousCopy()
            tensor.grad = owned.dtype == tensor.dtype ? owned : try owned.to(tensor.dtype)
        }
    }
}
