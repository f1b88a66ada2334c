/// A lookup table of `numEmbeddings` vectors of size `embeddingDim` (`nn.Embedding`), drawn from N(0, 1) with the
/// padding row, if any, zeroed.
public final class Embedding: Module {
    /// The number of rows.
    public let numEmbeddings: Int
    /// The size of each row.
    public let embeddingDim: Int
    /// The row that reads as zeros at first and gets no gradient, as a non-negative row number.
    public let paddingIdx: Int?
    /// Rows looked up with a larger norm are rescaled to this norm first.
    public let maxNorm: Double?
    /// The order of the norm `maxNorm` bounds.
    public let normType: Double
    /// Whether gradients are divided by how often each row was looked up in the batch.
    public let scaleGradByFreq: Bool
    /// Whether PyTorch would make sparse gradients (Attend's are dense).
    public let sparse: Bool

    /// A table drawn from N(0, 1), or wrapping `weight` (PyTorch's `_weight`) when given; `freeze` makes the
    /// weight not require grad.
    public init(
        _ numEmbeddings: Int, _ embeddingDim: Int, paddingIdx: Int? = nil, maxNorm: Double? = nil,
        normType: Double = 2, scaleGradByFreq: Bool = false, sparse: Bool = false, weight: Tensor? = nil,
        freeze: Bool = false, dtype: DType = .defaultFloat
    ) throws {
        self.numEmbeddings = numEmbeddings
        self.embeddingDim = embeddingDim
        if let paddingIdx,
           paddingIdx > 0 && paddingIdx >= numEmbeddings || paddingIdx < 0 && paddingIdx < 0 &- numEmbeddings {
            throw ModuleError.failedAssertion(module: "Embedding", detail: "Padding_idx must be within num_embeddings")
        }
        self.paddingIdx = paddingIdx.map { $0 < 0 ? $0 &+ numEmbeddings : $0 }
        self.maxNorm = maxNorm
        self.normType = normType
        self.scaleGradByFreq = scaleGradByFreq
        self.sparse = sparse
        super.init()
        if let weight {
            guard weight.shape == [numEmbeddings, embeddingDim] else {
                throw ModuleError.failedAssertion(module: "Embedding", detail: "Shape of weight does not match "
                    + "num_embeddings and embedding_dim")
            }
            try registerParameter("weight", try Tensor.parameter(weight, requiresGrad: !freeze))
        } else {
            let table = try Tensor.empty([numEmbeddings, embeddingDim], dtype: dtype)
            try registerParameter("weight", try Tensor.parameter(table, requiresGrad: !freeze))
            try resetParameters()
        }
    }

    /// A table holding `embeddings` (shared, not copied), frozen unless told otherwise (`from_pretrained`). The
    /// padding row is left as given.
    public static func fromPretrained(
        _ embeddings: Tensor, freeze: Bool = true, paddingIdx: Int? = nil, maxNorm: Double? = nil,
        normType: Double = 2, scaleGradByFreq: Bool = false, sparse: Bool = false
    ) throws -> Embedding {
        guard embeddings.rank == 2 else {
            throw ModuleError.failedAssertion(module: "Embedding", detail: "Embeddings parameter is expected to be "
                + "2-dimensional")
        }
        return try Embedding(
            embeddings.shape[0], embeddings.shape[1], paddingIdx: paddingIdx, maxNorm: maxNorm, normType: normType,
            scaleGradByFreq: scaleGradByFreq, sparse: sparse, weight: embeddings, freeze: freeze)
    }

    /// Draws the table afresh from N(0, 1) and zeroes the padding row (`reset_parameters`).
    public func resetParameters() throws {
        let weight = try requiredParameter("weight")
        try Init.normal_(weight)
        guard let paddingIdx else { return }
        do {
            try GradMode.with(enabled: false) { () throws(TensorError) in
                _ = try weight.select(dim: 0, index: paddingIdx).fill_(.int(0))
            }
        } catch {
            throw ModuleError.tensor(error)
        }
    }

    public override var extraDescription: String {
        var text = "\(numEmbeddings), \(embeddingDim)"
        if let paddingIdx { text += ", padding_idx=\(paddingIdx)" }
        if let maxNorm { text += ", max_norm=\(maxNorm.pythonRepr)" }
        if normType != 2 { text += ", norm_type=\(normType.pythonRepr)" }
        if scaleGradByFreq { text += ", scale_grad_by_freq=True" }
        if sparse { text += ", sparse=True" }
        return text
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.embedding(
            input, weight: try requiredParameter("weight"), paddingIdx: paddingIdx, maxNorm: maxNorm,
            normType: normType, scaleGradByFreq: scaleGradByFreq, sparse: sparse)
    }
}

extension Embedding: ReplicableModule {
    /// A table of the same sizes, options and dtype, for `deepCopy`; its weight is left uninitialised, as the copy
    /// replaces it.
    public func makeReplica() throws -> Module {
        let dtype = parameter("weight")?.dtype ?? .defaultFloat
        return try Embedding(
            numEmbeddings, embeddingDim, paddingIdx: paddingIdx, maxNorm: maxNorm, normType: normType,
            scaleGradByFreq: scaleGradByFreq, sparse: sparse,
            weight: try Tensor.empty([numEmbeddings, embeddingDim], dtype: dtype))
    }
}
