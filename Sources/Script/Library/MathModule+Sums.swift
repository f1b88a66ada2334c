import Foundation

/// `math`'s reductions: `prod`, the exactly rounded `fsum`, and the Euclidean norms `hypot` and `dist`.
extension MathModule {
    /// Defines prod, fsum, hypot and dist.
    static func defineSums(_ module: inout LibraryModule, _ interpreter: Interpreter) {
        // The module is kept in the interpreter: its functions must not keep the interpreter.
        unowned let interpreter = interpreter
        module.define("prod") { arguments in
            for keyword in arguments.keywords where keyword.name != "start" {
                throw PythonError.typeError("'\(keyword.name)' is an invalid keyword argument for prod()")
            }
            guard arguments.positional.count == 1 else {
                throw PythonError.typeError(
                    "prod() takes exactly 1 positional argument (\(arguments.positional.count) given)")
            }
            var result = arguments.keywords.first?.value ?? .int(1)
            for item in try interpreter.collect(arguments.positional[0]) {
                result = try interpreter.binaryOperation(.multiply, result, item)
            }
            return result
        }
        module.unary("fsum") { value in
            .float(try exactSum(try interpreter.collect(value).map(LibraryModule.real)))
        }
        module.variadic("hypot") { values in
            .float(norm(try values.map { Swift.abs(try LibraryModule.real($0)) }))
        }
        module.positional("dist", 2...2) { values in
            let p = try interpreter.collect(values[0]).map(LibraryModule.real)
            let q = try interpreter.collect(values[1]).map(LibraryModule.real)
            guard p.count == q.count else {
                throw PythonError.valueError("both points must have the same number of dimensions")
            }
            return .float(norm(zip(p, q).map { Swift.abs($0 - $1) }))
        }
    }

    /// The correctly rounded sum of `values`, kept exact as non-overlapping partial sums (Shewchuk's method).
    static func exactSum(_ values: [Double]) throws -> Double {
        var partials: [Double] = []
        var special = 0.0, infinities = 0.0
        for value in values {
            var x = value
            guard x.isFinite else {
                // Infinities and NaNs bypass the partials; their own sum decides the answer.
                if x.isInfinite { infinities += x }
                special += x
                continue
            }
            var kept = 0
            for var y in partials {
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let high = x + y
                let low = y - (high - x)
                if low != 0 {
                    partials[kept] = low
                    kept += 1
                }
                x = high
            }
            guard x.isFinite else { throw PythonError.overflowError("intermediate overflow in fsum") }
            partials.removeSubrange(kept...)
            partials.append(x)
        }
        if special != 0 {
            if infinities.isNaN { throw PythonError.valueError("-inf + inf in fsum") }
            return special
        }
        guard var index = partials.indices.last else { return 0 }
        var high = partials[index], low = 0.0
        while index > 0 {
            index -= 1
            let x = high, y = partials[index]
            high = x + y
            low = y - (high - x)
            if low != 0 { break }
        }
        // Round half to even across the partials below: when the rest pushes the same way as `low`, the halfway
        // case is not a tie and `high` must move.
        if index > 0 && ((low < 0 && partials[index - 1] < 0) || (low > 0 && partials[index - 1] > 0)) {
            let y = low * 2, x = high + y
            if y == x - high { high = x }
        }
        return high
    }

    /// The Euclidean norm of non-negative magnitudes, scaled by a power of two and summed exactly so that it is
    /// correctly rounded in nearly every case.
    private static func norm(_ magnitudes: [Double]) -> Double {
        if magnitudes.contains(where: \.isInfinite) { return .infinity }
        if magnitudes.contains(where: \.isNaN) { return .nan }
        guard let largest = magnitudes.max(), largest > 0 else { return 0 }
        if magnitudes.count == 1 { return largest }
        // Scaling by a power of two is exact; scalbn rather than a multiplier, which would overflow for subnormals.
        let exponent = Foundation.frexp(largest).1
        var terms: [Double] = []
        for magnitude in magnitudes {
            let x = Foundation.scalbn(magnitude, -exponent)
            let square = x * x
            terms.append(square)
            terms.append(Foundation.fma(x, x, -square))
        }
        let sum = (try? exactSum(terms)) ?? .nan
        var root = sum.squareRoot()
        // One Newton step on the exact residual corrects the last bit of the square root.
        let residual = (try? exactSum(terms + [-root * root, -Foundation.fma(root, root, -root * root)])) ?? 0
        root += residual / (2 * root)
        return Foundation.scalbn(root, exponent)
    }
}
