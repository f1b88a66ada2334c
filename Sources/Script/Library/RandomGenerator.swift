import Tensor

/// The state behind `random.Random`: CPython's MT19937 seeding and its recipes for floats, bits and bounded ints,
/// so a given int seed yields CPython's exact sequence.
final class RandomGenerator {
    private var engine: MersenneTwister
    /// The second of the pair `gauss` draws at a time, handed out by the next call.
    var gaussNext: Double?

    /// A generator seeded from the system's entropy, as `random.Random()` is.
    init() {
        engine = MersenneTwister(key: Self.entropy())
    }

    /// Seeds from an int as CPython does: the 32-bit words of its magnitude, least significant first.
    func seed(_ n: Int) {
        var magnitude = n.magnitude
        var key: [UInt32] = []
        repeat {
            key.append(UInt32(truncatingIfNeeded: magnitude))
            magnitude >>= 32
        } while magnitude != 0
        engine = MersenneTwister(key: key)
        gaussNext = nil
    }

    /// Seeds from the system's entropy (`random.seed()` / `seed(None)`).
    func seedFromEntropy() {
        engine = MersenneTwister(key: Self.entropy())
        gaussNext = nil
    }

    private static func entropy() -> [UInt32] {
        var system = SystemRandomNumberGenerator()
        return (0..<MersenneTwister.stateSize).map { _ in UInt32.random(in: .min ... .max, using: &system) }
    }

    /// A float in [0, 1) with 53 random bits, from two 32-bit outputs.
    func random() -> Double {
        let a = Double(engine.next32() >> 5), b = Double(engine.next32() >> 6)
        return (a * 67_108_864 + b) * (1 / 9_007_199_254_740_992)
    }

    /// An int of `bits` random bits (0 ≤ bits ≤ 63 here, where CPython's ints grow), the first output lowest.
    func randomBits(_ bits: Int) -> Int {
        var result: UInt64 = 0, filled = 0
        while filled < bits {
            var word = UInt64(engine.next32())
            let remaining = bits - filled
            if remaining < 32 { word >>= UInt64(32 - remaining) }
            result |= word << UInt64(filled)
            filled += 32
        }
        return Int(truncatingIfNeeded: result)
    }

    /// A uniform int in [0, n) for n > 0, by rejection from the smallest enclosing power of two.
    func below(_ n: Int) -> Int {
        let bits = Int.bitWidth - n.leadingZeroBitCount
        var r = randomBits(bits)
        while r >= n { r = randomBits(bits) }
        return r
    }

    /// The state as CPython's `getstate()` gives it: `(3, (624 words..., index), gauss_next)`.
    var state: Value {
        let index = MersenneTwister.stateSize + 1 - engine.left
        let words = engine.state.map { Value.int(Int($0)) } + [.int(index)]
        return .tuple([.int(3), .tuple(words), gaussNext.map { .float($0) } ?? .none])
    }

    /// Restores a state from `getstate()` (or from CPython's), with its errors for malformed ones.
    func restore(_ value: Value, _ interpreter: Interpreter) throws {
        guard case .tuple(let parts) = value else {
            throw PythonError.typeError("'\(value.typeName)' object is not subscriptable")
        }
        guard parts.count == 3 else {
            throw PythonError.valueError("too many values to unpack (expected 3)")
        }
        // Version 2 states (older Pythons) share version 3's layout; their floats are checked as words below.
        guard case .int(let version) = parts[0], version == 2 || version == 3 else {
            throw PythonError.valueError("state with version \(try interpreter.repr(parts[0])) passed to "
                + "Random.setstate() of version 3")
        }
        guard case .tuple(let items) = parts[1] else {
            throw PythonError.typeError("state vector must be a tuple")
        }
        guard items.count == MersenneTwister.stateSize + 1 else {
            throw PythonError.valueError("state vector is the wrong size")
        }
        var words: [UInt32] = []
        for item in items {
            guard case .int(let n) = item, let word = UInt32(exactly: n) else {
                throw PythonError.valueError("state vector items must be 32-bit unsigned ints")
            }
            words.append(word)
        }
        let index = Int(words.removeLast())
        guard index <= MersenneTwister.stateSize else { throw PythonError.valueError("invalid state") }
        // CPython's index counts words used since the last twist; the engine counts draws left before the next.
        let left = MersenneTwister.stateSize + 1 - index
        guard let restored = MersenneTwister(state: words, left: left, next: index == MersenneTwister.stateSize
                                             ? MersenneTwister.stateSize : index) else {
            throw PythonError.valueError("invalid state")
        }
        let gauss: Double?
        switch parts[2] {
        case .none: gauss = nil
        case .float(let x): gauss = x
        case .int(let n): gauss = Double(n)
        default: throw PythonError.typeError("must be real number, not \(parts[2].typeName)")
        }
        engine = restored
        gaussNext = gauss
    }
}
