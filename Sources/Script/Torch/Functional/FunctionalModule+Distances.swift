import Tensor

extension FunctionalModule {
    /// `normalize`, `cosine_similarity` and `pairwise_distance`, composed from norms as PyTorch computes them.
    static func defineDistances(_ table: inout FunctionTable) {
        table.define("normalize", ["input", "p", "dim", "eps", "out"]) { arguments in
            let input = try arguments.tensor("input")
            let norm = try input.vectorNorm(ord: try arguments.double("p", default: 2),
                                            dims: [try arguments.int("dim", default: 1)], keepdim: true)
            let denominator = try norm.clampMin(.float(try arguments.double("eps", default: 1e-12)))
            return .tensor(try input.div(try denominator.expand(as: input)))
        }
        table.define("cosine_similarity", ["x1", "x2", "dim", "eps"], required: 2) { arguments in
            // Both sides broadcast to one shape first, so a mismatch is reported as PyTorch reports it.
            let shape = try arguments.tensor("x1").mul(try arguments.tensor("x2")).shape
            let x1 = try arguments.tensor("x1").expand(shape), x2 = try arguments.tensor("x2").expand(shape)
            let dim = try arguments.int("dim", default: 1)
            let eps = Convert.scalar(.float(try arguments.double("eps", default: 1e-8))) ?? .float(1e-8)
            // Each side is divided by its own (clamped) norm before the product, for precision.
            let unit1 = try x1.div(try x1.vectorNorm(dims: [dim], keepdim: true).clampMin(eps))
            let unit2 = try x2.div(try x2.vectorNorm(dims: [dim], keepdim: true).clampMin(eps))
            return .tensor(try unit1.mul(unit2).sum(dims: [dim]))
        }
        table.define("pairwise_distance", ["x1", "x2", "p", "eps", "keepdim"], required: 2) { arguments in
            let x1 = try arguments.tensor("x1"), x2 = try arguments.tensor("x2")
            let difference = try x1.sub(x2).add(number(try arguments.double("eps", default: 1e-6)))
            let dim = Swift.max(x1.rank, x2.rank) - 1
            return .tensor(try difference.vectorNorm(ord: try arguments.double("p", default: 2),
                                                     dims: [Swift.max(dim, 0)],
                                                     keepdim: try arguments.bool("keepdim", default: false)))
        }
    }
}
