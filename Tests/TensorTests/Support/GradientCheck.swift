import XCTest
@testable import Tensor

/// Checks autograd against central finite differences in float64.
///
/// `f` maps the inputs to any tensor; the check differentiates `sum(f(inputs) * weights)` for fixed, uneven weights
/// so every output element matters and errors cannot cancel. Inputs must be float64 leaves.
func assertGradientsMatchFiniteDifferences(
    _ inputs: [Tensor], eps: Double = 1e-6, rtol: Double = 1e-4, atol: Double = 1e-6,
    file: StaticString = #filePath, line: UInt = #line,
    _ f: ([Tensor]) throws -> Tensor
) throws {
    for input in inputs {
        precondition(input.dtype == .float64 && input.isLeaf, "gradient checks take float64 leaves")
        try input.requiresGrad_()
        input.grad = nil
    }
    let probe = try f(inputs)
    let weights = try Tensor((0..<probe.count).map { 0.5 + Double($0 % 7) * 0.25 }, shape: probe.shape)
    func objective() throws -> Double {
        try GradMode.with(enabled: false) { try f(inputs).mul(weights).sum().item().doubleValue }
    }
    try probe.mul(weights).sum().backward()
    for (index, input) in inputs.enumerated() {
        let analytic = input.grad?.doubles ?? [Double](repeating: 0, count: input.count)
        var numeric: [Double] = []
        let data = input.pointer(as: Double.self)
        let positions = input.contiguousPositions()
        for position in positions {
            let original = data[position]
            data[position] = original + eps
            let plus = try objective()
            data[position] = original - eps
            let minus = try objective()
            data[position] = original
            numeric.append((plus - minus) / (2 * eps))
        }
        assertClose(analytic, numeric, rtol: rtol, atol: atol, "gradient of input \(index)", file: file, line: line)
    }
}

extension Tensor {
    /// The storage position of every element in row-major order (relative to `pointer(as:)`).
    func contiguousPositions() -> [Int] {
        var positions: [Int] = []
        var index = [Int](repeating: 0, count: rank)
        for _ in 0..<count {
            positions.append(zip(index, strides).map(*).reduce(0, +))
            var dim = rank - 1
            while dim >= 0 {
                index[dim] += 1
                if index[dim] < shape[dim] { break }
                index[dim] = 0
                dim -= 1
            }
        }
        return positions
    }
}
