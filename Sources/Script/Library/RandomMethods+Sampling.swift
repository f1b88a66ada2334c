import Foundation

/// `choices` and `sample`: weighted draws with replacement and draws without, consuming the generator as CPython.
extension RandomMethods {
    /// `choices(population, weights=None, *, cum_weights=None, k=1)`.
    static func choices(_ values: [Value?], _ generator: RandomGenerator, _ interpreter: Interpreter) throws -> Value {
        let population = values[0] ?? .none
        let count = try interpreter.length(population)
        let k = try values[3].map { try LibraryModule.integer($0, interpreter) } ?? 1
        try BuiltinMethods.checkLength(k)
        var picks: [Value] = []
        let weights = values[1].flatMap { $0.isNone ? nil : $0 }
        let given = values[2].flatMap { $0.isNone ? nil : $0 }
        var cumulative: [Double]
        if let given {
            guard weights == nil else {
                throw PythonError.typeError("Cannot specify both weights and cumulative weights")
            }
            cumulative = try interpreter.collect(given).map(LibraryModule.real)
        } else if let weights {
            if case .int(let n) = weights {
                throw PythonError.typeError("The number of choices must be a keyword argument: k=\(n)")
            }
            var total = 0.0
            cumulative = try interpreter.collect(weights).map {
                total += try LibraryModule.real($0)
                return total
            }
        } else {
            for _ in 0..<max(k, 0) {
                let index = Int((generator.random() * Double(count)).rounded(.down))
                picks.append(try interpreter.getItem(population, .int(index)))
            }
            return .list(ListObject(picks))
        }
        guard cumulative.count == count else {
            throw PythonError.valueError("The number of weights does not match the population")
        }
        let total = cumulative.last ?? 0
        guard total > 0 else { throw PythonError.valueError("Total of weights must be greater than zero") }
        guard total.isFinite else { throw PythonError.valueError("Total of weights must be finite") }
        for _ in 0..<max(k, 0) {
            let index = bisectRight(cumulative, generator.random() * total, upTo: count - 1)
            picks.append(try interpreter.getItem(population, .int(index)))
        }
        return .list(ListObject(picks))
    }

    /// The first index in `sorted[..<upTo]` whose value exceeds `x`.
    private static func bisectRight(_ sorted: [Double], _ x: Double, upTo: Int) -> Int {
        var low = 0, high = upTo
        while low < high {
            let middle = (low + high) / 2
            if x < sorted[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// `sample(population, k, *, counts=None)`.
    static func sample(_ values: [Value?], _ generator: RandomGenerator, _ interpreter: Interpreter) throws -> Value {
        let population = values[0] ?? .none
        switch population {
        case .list, .tuple, .str, .range: break
        case .foreign(let object) where object is SizeObject: break
        default:
            throw PythonError.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
        }
        let n = try interpreter.length(population)
        let k = try LibraryModule.integer(values[1] ?? .none, interpreter)
        if let counts = values[2], !counts.isNone {
            var cumulative: [Int] = []
            var total = 0
            for item in try interpreter.collect(counts) {
                let (sum, overflow) = total.addingReportingOverflow(try LibraryModule.integer(item, interpreter))
                guard !overflow else { throw Arithmetic.overflow() }
                total = sum
                cumulative.append(total)
            }
            guard cumulative.count == n else {
                throw PythonError.valueError("The number of counts does not match the population")
            }
            guard total > 0 else { throw PythonError.valueError("Total of counts must be greater than zero") }
            let indexes = try draw(total, k, generator)
            return .list(ListObject(try indexes.map { index in
                var low = 0, high = n
                while low < high {
                    let middle = (low + high) / 2
                    if index < cumulative[middle] { high = middle } else { low = middle + 1 }
                }
                return try interpreter.getItem(population, .int(low))
            }))
        }
        return .list(ListObject(try draw(n, k, generator).map { try interpreter.getItem(population, .int($0)) }))
    }

    /// `k` distinct indexes below `n`: a partial shuffle of a pool for small populations, rejection of repeats
    /// for large ones (CPython's choice between them, by the same size rule).
    private static func draw(_ n: Int, _ k: Int, _ generator: RandomGenerator) throws -> [Int] {
        guard k >= 0 && k <= n else { throw PythonError.valueError("Sample larger than population or is negative") }
        try BuiltinMethods.checkLength(k)
        var setSize = 21
        if k > 5 { setSize += Int(Foundation.pow(4, (Foundation.log(Double(k * 3)) / Foundation.log(4)).rounded(.up))) }
        var result: [Int] = []
        result.reserveCapacity(k)
        if n <= setSize {
            var pool = Array(0..<n)
            for i in 0..<k {
                let j = generator.below(n - i)
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                var j = generator.below(n)
                while selected.contains(j) { j = generator.below(n) }
                selected.insert(j)
                result.append(j)
            }
        }
        return result
    }
}
