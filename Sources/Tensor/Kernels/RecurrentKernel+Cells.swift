import Foundation

/// The fused gate math of each cell for one step over the whole batch, forward and backward. Each forward follows
/// the operation order of PyTorch's CPU cells (hidden gates plus input gates, then the nonlinearities), so float32
/// results round as PyTorch's do wherever the GEMMs agree.
extension RecurrentKernel {
    @inline(__always)
    static func sigmoid(_ x: T) -> T { 1 / (1 + T.exp(-x)) }

    /// tanh; in float32 evaluated in double and rounded once, which is faster than the C library's `tanhf` and
    /// correctly rounded wherever we sampled (PyTorch's vectorised float tanh is within 1 ulp).
    @inline(__always)
    static func tanh(_ x: T) -> T {
        guard T.self == Float.self else { return T.tanh(x) }
        let d = Double(x)
        let magnitude = Swift.abs(d)
        // NOTE: near 0, 1 - 2/(e^2x + 1) cancels; the odd series is exact there to double precision.
        if magnitude < 0x1p-7 {
            let square = d * d
            return T(d - d * square * (1.0 / 3 - square * (2.0 / 15 - square * 17.0 / 315)))
        }
        return T(1 - 2 / (Foundation.exp(2 * d) + 1))
    }

    /// h' = tanh(gh + gi) or relu(gh + gi).
    static func simpleStep(
        _ g: RecurrentGeometry, t: Int, _ inputGates: UnsafeMutablePointer<T>, _ hiddenGates: UnsafeMutablePointer<T>,
        _ next: UnsafeMutablePointer<T>
    ) {
        let width = g.hiddenSize
        let relu = g.mode == .rnnRelu
        for b in 0..<g.batch {
            let (gi, gh, h) = (inputGates + g.inputRow(time: t, batch: b) * width, hiddenGates + b * width,
                               next + b * width)
            for j in 0..<width {
                let pre = gh[j] + gi[j]
                // NOTE: `pre < 0 ? 0 : pre` keeps NaN as NaN, as PyTorch's relu does.
                h[j] = relu ? (pre < 0 ? 0 : pre) : tanh(pre)
            }
        }
    }

    /// r = σ(ghr + gir), z = σ(ghz + giz), n = tanh(gin + r ghn), h' = (h - n) z + n.
    static func gruStep(
        _ g: RecurrentGeometry, s: Int, t: Int, _ inputGates: UnsafeMutablePointer<T>,
        _ hiddenGates: UnsafeMutablePointer<T>, _ previous: UnsafeMutablePointer<T>, _ next: UnsafeMutablePointer<T>,
        _ stash: UnsafeMutablePointer<T>
    ) {
        let hidden = g.hiddenSize
        for b in 0..<g.batch {
            let gi = inputGates + g.inputRow(time: t, batch: b) * 3 * hidden
            let gh = hiddenGates + b * 3 * hidden
            let (hp, hn) = (previous + b * hidden, next + b * hidden)
            let kept = stash + (s * g.batch + b) * 4 * hidden
            for j in 0..<hidden {
                let r = sigmoid(gh[j] + gi[j])
                let z = sigmoid(gh[hidden + j] + gi[hidden + j])
                let hiddenPart = gh[2 * hidden + j]
                let n = tanh(gi[2 * hidden + j] + hiddenPart * r)
                hn[j] = (hp[j] - n) * z + n
                kept[j] = r
                kept[hidden + j] = z
                kept[2 * hidden + j] = n
                kept[3 * hidden + j] = hiddenPart
            }
        }
    }

    /// i, f, o = σ(gh + gi), g = tanh(gh + gi), c' = f c + i g, h' = o tanh(c') (projected afterwards if asked).
    static func lstmStep(
        _ g: RecurrentGeometry, s: Int, t: Int, _ inputGates: UnsafeMutablePointer<T>,
        _ hiddenGates: UnsafeMutablePointer<T>, _ cells: UnsafeMutablePointer<T>, _ emitted: UnsafeMutablePointer<T>,
        _ stash: UnsafeMutablePointer<T>
    ) {
        let hidden = g.hiddenSize
        for b in 0..<g.batch {
            let gi = inputGates + g.inputRow(time: t, batch: b) * 4 * hidden
            let gh = hiddenGates + b * 4 * hidden
            let cPrevious = cells + (s * g.batch + b) * hidden
            let cNext = cells + ((s + 1) * g.batch + b) * hidden
            let h = emitted + b * hidden
            let kept = stash + (s * g.batch + b) * 4 * hidden
            for j in 0..<hidden {
                let i = sigmoid(gh[j] + gi[j])
                let f = sigmoid(gh[hidden + j] + gi[hidden + j])
                let cell = tanh(gh[2 * hidden + j] + gi[2 * hidden + j])
                let o = sigmoid(gh[3 * hidden + j] + gi[3 * hidden + j])
                let c = f * cPrevious[j] + i * cell
                cNext[j] = c
                h[j] = o * tanh(c)
                kept[j] = i
                kept[hidden + j] = f
                kept[2 * hidden + j] = cell
                kept[3 * hidden + j] = o
            }
        }
    }

    /// The pre-activation gradient of a tanh/relu step, from the gradient of its output.
    static func simpleStepBackward(
        _ g: RecurrentGeometry, s: Int, t: Int, _ hiddens: UnsafeMutablePointer<T>, _ dh: UnsafeMutablePointer<T>,
        _ inputGateGrads: UnsafeMutablePointer<T>, _ stepGateGrads: UnsafeMutablePointer<T>
    ) {
        let width = g.hiddenSize
        let relu = g.mode == .rnnRelu
        for b in 0..<g.batch {
            let h = hiddens + ((s + 1) * g.batch + b) * width
            let (grad, gi, gh) = (dh + b * width, inputGateGrads + g.inputRow(time: t, batch: b) * width,
                                  stepGateGrads + b * width)
            for j in 0..<width {
                let pre = relu ? (h[j] > 0 ? grad[j] : 0) : grad[j] * (1 - h[j] * h[j])
                gi[j] = pre
                gh[j] = pre
            }
        }
    }

    /// The gate gradients of a GRU step; leaves the direct path's gradient, dh' z, in `dh`.
    static func gruStepBackward(
        _ g: RecurrentGeometry, s: Int, t: Int, _ hiddens: UnsafeMutablePointer<T>, _ stash: UnsafeMutablePointer<T>,
        _ dh: UnsafeMutablePointer<T>, _ inputGateGrads: UnsafeMutablePointer<T>,
        _ stepGateGrads: UnsafeMutablePointer<T>
    ) {
        let hidden = g.hiddenSize
        for b in 0..<g.batch {
            let kept = stash + (s * g.batch + b) * 4 * hidden
            let hp = hiddens + (s * g.batch + b) * hidden
            let grad = dh + b * hidden
            let gi = inputGateGrads + g.inputRow(time: t, batch: b) * 3 * hidden
            let gh = stepGateGrads + b * 3 * hidden
            for j in 0..<hidden {
                let (r, z, n, hiddenPart) = (kept[j], kept[hidden + j], kept[2 * hidden + j], kept[3 * hidden + j])
                let d = grad[j]
                let dnPre = d * (1 - z) * (1 - n * n)
                let dzPre = d * (hp[j] - n) * z * (1 - z)
                let drPre = dnPre * hiddenPart * r * (1 - r)
                gi[j] = drPre
                gi[hidden + j] = dzPre
                gi[2 * hidden + j] = dnPre
                gh[j] = drPre
                gh[hidden + j] = dzPre
                gh[2 * hidden + j] = dnPre * r
                grad[j] = d * z
            }
        }
    }

    /// The gate gradients of an LSTM step from the gradient of its (unprojected) hidden output; carries the cell
    /// gradient back one step in `dc`.
    static func lstmStepBackward(
        _ g: RecurrentGeometry, s: Int, t: Int, _ cells: UnsafeMutablePointer<T>, _ stash: UnsafeMutablePointer<T>,
        _ dEmitted: UnsafeMutablePointer<T>, _ dc: UnsafeMutablePointer<T>,
        _ inputGateGrads: UnsafeMutablePointer<T>, _ stepGateGrads: UnsafeMutablePointer<T>
    ) {
        let hidden = g.hiddenSize
        for b in 0..<g.batch {
            let kept = stash + (s * g.batch + b) * 4 * hidden
            let cPrevious = cells + (s * g.batch + b) * hidden
            let cNext = cells + ((s + 1) * g.batch + b) * hidden
            let (dhRow, dcRow) = (dEmitted + b * hidden, dc + b * hidden)
            let gi = inputGateGrads + g.inputRow(time: t, batch: b) * 4 * hidden
            let gh = stepGateGrads + b * 4 * hidden
            for j in 0..<hidden {
                let (i, f, cell, o) = (kept[j], kept[hidden + j], kept[2 * hidden + j], kept[3 * hidden + j])
                let tanhC = tanh(cNext[j])
                let d = dhRow[j]
                let dC = dcRow[j] + d * o * (1 - tanhC * tanhC)
                let dI = dC * cell * i * (1 - i)
                let dF = dC * cPrevious[j] * f * (1 - f)
                let dG = dC * i * (1 - cell * cell)
                let dO = d * tanhC * o * (1 - o)
                dcRow[j] = dC * f
                gi[j] = dI
                gi[hidden + j] = dF
                gi[2 * hidden + j] = dG
                gi[3 * hidden + j] = dO
                gh[j] = dI
                gh[hidden + j] = dF
                gh[2 * hidden + j] = dG
                gh[3 * hidden + j] = dO
            }
        }
    }
}
