import Foundation

extension Init {
    /// Fills with N(mean, std²) truncated to [a, b] (`trunc_normal_`), by PyTorch's rejection sampling so seeded
    /// draws match: redrawing out-of-range normals when the interval holds more than 30% of the mass, otherwise
    /// uniform proposals on [a, b] accepted with probability pdf(x) / pdf(mode).
    public static func truncNormal_(
        _ tensor: Tensor, mean: Double = 0, std: Double = 1, a: Double = -2, b: Double = 2,
        generator: Generator? = nil
    ) throws(ModuleError) {
        guard std != 0 else { throw .invalidValue(module: "init", detail: "float division by zero") }
        func cdf(_ x: Double) -> Double { (1 + Foundation.erf(x / 2.0.squareRoot())) / 2 }
        let mass = cdf((b - mean) / std) - cdf((a - mean) / std)
        do {
            try GradMode.with(enabled: false) { () throws(TensorError) in
                if mass > 0.3 {
                    try redrawOutliers(tensor, mean: mean, std: std, a: a, b: b, generator: generator)
                } else {
                    try acceptUniforms(tensor, mean: mean, std: std, a: a, b: b, generator: generator)
                }
            }
        } catch {
            throw .tensor(error)
        }
    }

    /// Normal draws, with every one outside [a, b] drawn again until none is.
    private static func redrawOutliers(
        _ tensor: Tensor, mean: Double, std: Double, a: Double, b: Double, generator: Generator?
    ) throws(TensorError) {
        // The bounds in the tensor's dtype, so the test agrees with the values it can hold.
        let low = Tensor(.float(a), dtype: tensor.dtype), high = Tensor(.float(b), dtype: tensor.dtype)
        var result = try tensor.normal_(mean: mean, std: std, generator: generator)
        while true {
            let outside = try result.lt(low).logicalOr(try result.gt(high))
            guard try outside.any().item().isNonZero else { break }
            let redrawn = try Tensor.empty(like: result).normal_(mean: mean, std: std, generator: generator)
            result = try Tensor.where(outside, redrawn, result)
        }
        if result !== tensor { _ = try tensor.copy_(result) }
    }

    /// Uniform proposals on [a, b], each accepted when log(u) <= log pdf(x) - log pdf(mode), redrawn until all are.
    private static func acceptUniforms(
        _ tensor: Tensor, mean: Double, std: Double, a: Double, b: Double, generator: Generator?
    ) throws(TensorError) {
        // Python's min and max: the first argument unless the second compares beyond it (NaN stays put).
        let clipped = b < mean ? b : mean
        let mode = clipped > a ? clipped : a
        let logPeak = -0.5 * ((mode - mean) / std) * ((mode - mean) / std)
        let candidates = try Tensor.empty(like: tensor), acceptance = try Tensor.empty(like: tensor)
        func logDensity(_ x: Tensor) throws(TensorError) {
            _ = try x.sub_(number(mean)).div_(number(std)).pow_(Tensor.wrapping(.int(2))).mul_(number(-0.5))
                .sub_(number(logPeak))
        }
        _ = try tensor.uniform_(from: a, to: b, generator: generator)
        _ = try candidates.copy_(tensor)
        try logDensity(candidates)
        var pending = try acceptance.uniform_(generator: generator).log_().gt(candidates)
        guard try pending.any().item().isNonZero else { return }
        var result = tensor
        while true {
            _ = try candidates.uniform_(from: a, to: b, generator: generator)
            result = try Tensor.where(pending, candidates, result)
            try logDensity(candidates)
            let rejected = try acceptance.uniform_(generator: generator).log_().gt(candidates)
            pending = try Tensor.where(pending, rejected, pending)
            guard try pending.any().item().isNonZero else { break }
        }
        _ = try tensor.copy_(result)
    }

    private static func number(_ x: Double) -> Tensor { Tensor.wrapping(.float(x)) }
}
