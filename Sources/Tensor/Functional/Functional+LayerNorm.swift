extension Functional {
    /// Normalises over the trailing `normalizedShape` dimensions to zero mean and unit variance, then scales and shifts
    /// (`F.layer_norm`). One fused kernel forward and backward (`NativeLayerNormBackward0`).
    public static func layerNorm(
        _ input: Tensor, normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil, eps: Double = 1e-5
    ) throws(TensorError) -> Tensor {
        let normalizedRank = normalizedShape.count
        guard normalizedRank > 0, input.rank >= normalizedRank,
              Array(input.shape.suffix(normalizedRank)) == normalizedShape else {
            throw .invalidArgument(op: "layer_norm", detail: "Given normalized_shape=\(Shape.describe(normalizedShape))"
                + ", expected input with shape [*, \(normalizedShape.map(String.init).joined(separator: ", "))], but "
                + "got input of size\(Shape.describe(input.shape))")
        }
        for (name, parameter) in [("weight", weight), ("bias", bias)] {
            if let parameter, parameter.shape != normalizedShape {
                throw .invalidArgument(op: "layer_norm", detail: "Expected \(name) to be of same shape as "
                    + "normalized_shape, but got \(name) of shape \(Shape.describe(parameter.shape)) and "
                    + "normalized_shape = \(Shape.describe(normalizedShape))")
            }
        }
        if [weight, bias].contains(where: { $0 != nil && $0?.dtype != input.dtype }) {
            throw .invalidArgument(op: "layer_norm", detail: input.dtype == .float32
                ? "mixed dtype (CPU): expect parameter to have scalar type of Float"
                : "mixed dtype (CPU): all inputs must share same datatype.")
        }
        guard input.dtype.isFloatingPoint else {
            throw .notImplemented(op: "LayerNormKernelImpl", dtype: input.dtype)
        }
        let width = normalizedShape.reduce(1, *)
        let x = try input.contiguous()
        let gamma = try weight?.converted(to: x.dtype).contiguous()
        let beta = try bias?.converted(to: x.dtype).contiguous()
        let rows = width == 0 ? 0 : x.count / width
        let out = try Tensor(uninitializedShape: x.shape, dtype: x.dtype)
        let statistics = try Tensor(uninitializedShape: [2, rows], dtype: .float64)
        switch x.dtype {
        case .float32: LayerNormKernel<Float>.forward(x, gamma, beta, eps, width, rows, out, statistics)
        case .float64: LayerNormKernel<Double>.forward(x, gamma, beta, eps, width, rows, out, statistics)
        case .int64, .bool: break
        }
        let inputs = [input] + [weight, bias].compactMap { $0 }
        let (hasWeight, hasBias) = (weight != nil, bias != nil)
        let saving = [x, statistics] + (gamma.map { [$0] } ?? [])
        out.recordGradient("NativeLayerNormBackward0", inputs: inputs, saving: saving) {
            grad, saved throws(TensorError) in
            let (x, statistics) = (saved[0], saved[1])
            let gamma = hasWeight ? saved[2] : nil
            let dy = try grad.converted(to: x.dtype).contiguous()
            let dx = try Tensor(uninitializedShape: x.shape, dtype: x.dtype)
            let dgamma = try Tensor(zerosShape: normalizedShape, dtype: x.dtype)
            let dbeta = try Tensor(zerosShape: normalizedShape, dtype: x.dtype)
            switch x.dtype {
            case .float32:
                LayerNormKernel<Float>.backward(dy, x, gamma, statistics, width, rows, dx, dgamma, dbeta)
            case .float64:
                LayerNormKernel<Double>.backward(dy, x, gamma, statistics, width, rows, dx, dgamma, dbeta)
            case .int64, .bool: break
            }
            return [dx] + (hasWeight ? [dgamma] : []) + (hasBias ? [dbeta] : [])
        }
        return out
    }
}

/// The layer norm loops over contiguous rows. Means and variances accumulate in double.
enum LayerNormKernel<T: TensorFloat> {
    /// Normalises each row, writing the output and each row's mean and reciprocal standard deviation.
    static func forward(
        _ x: Tensor, _ gamma: Tensor?, _ beta: Tensor?, _ eps: Double, _ width: Int, _ rows: Int,
        _ out: Tensor, _ statistics: Tensor
    ) {
        let (px, py) = (x.pointer(as: T.self), out.pointer(as: T.self))
        let pg = gamma?.pointer(as: T.self)
        let pb = beta?.pointer(as: T.self)
        let stats = statistics.pointer(as: Double.self)
        for row in 0..<rows {
            let base = px + row * width
            var sum = 0.0
            for j in 0..<width { sum += Double(base[j]) }
            let mean = sum / Double(width)
            var squares = 0.0
            for j in 0..<width {
                let d = Double(base[j]) - mean
                squares += d * d
            }
            let rstd = 1 / (squares / Double(width) + eps).squareRoot()
            stats[row] = mean
            stats[rows + row] = rstd
            // PyTorch applies `x * scale + shift` in the element type, then the affine transform. The shift is the
            // rounded product of the rounded factors, so an element equal to the mean normalises to exactly zero.
            let scale = T(rstd)
            let shift = -(T(mean) * scale)
            let target = py + row * width
            for j in 0..<width {
                var y = base[j] * scale + shift
                if let pg { y *= pg[j] }
                if let pb { y += pb[j] }
                target[j] = y
            }
        }
    }

    /// The gradients of the input, weight and bias for each row, accumulated in double.
    static func backward(
        _ dy: Tensor, _ x: Tensor, _ gamma: Tensor?, _ statistics: Tensor, _ width: Int, _ rows: Int,
        _ dx: Tensor, _ dgamma: Tensor, _ dbeta: Tensor
    ) {
        let (pdy, px, pdx) = (dy.pointer(as: T.self), x.pointer(as: T.self), dx.pointer(as: T.self))
        let pg = gamma?.pointer(as: T.self)
        let stats = statistics.pointer(as: Double.self)
        var gammaSums = [Double](repeating: 0, count: width)
        var betaSums = [Double](repeating: 0, count: width)
        for row in 0..<rows {
            let (mean, rstd) = (stats[row], stats[rows + row])
            let (rowX, rowDy, rowDx) = (px + row * width, pdy + row * width, pdx + row * width)
            var meanScaled = 0.0
            var meanScaledXhat = 0.0
            for j in 0..<width {
                let xhat = (Double(rowX[j]) - mean) * rstd
                let g = Double(rowDy[j])
                gammaSums[j] += g * xhat
                betaSums[j] += g
                let scaled = pg.map { g * Double($0[j]) } ?? g
                meanScaled += scaled
                meanScaledXhat += scaled * xhat
            }
            meanScaled /= Double(width)
            meanScaledXhat /= Double(width)
            for j in 0..<width {
                let xhat = (Double(rowX[j]) - mean) * rstd
                let scaled = pg.map { Double(rowDy[j]) * Double($0[j]) } ?? Double(rowDy[j])
                rowDx[j] = T(rstd * (scaled - meanScaled - xhat * meanScaledXhat))
            }
        }
        let (pdg, pdb) = (dgamma.pointer(as: T.self), dbeta.pointer(as: T.self))
        for j in 0..<width {
            pdg[j] = T(gammaSums[j])
            pdb[j] = T(betaSums[j])
        }
    }
}
