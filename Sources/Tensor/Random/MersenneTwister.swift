/// The 32-bit Mersenne Twister (MT19937) as PyTorch's CPU generator runs it: seeded from the low 32 bits of a
/// 64-bit seed with Knuth's linear recurrence, producing the same stream as `std::mt19937`.
///
/// The bookkeeping (`left` counts down to the next twist, `next` indexes the state) mirrors PyTorch's so that
/// `Generator.state` can be exchanged with `torch.get_rng_state()` byte for byte. Python's `random` module seeds
/// the same engine from a key of 32-bit words (`init(key:)`).
public struct MersenneTwister: Sendable {
    /// Words in the state vector.
    public static let stateSize = 624
    private static let shift = 397
    private static let matrixA: UInt32 = 0x9908_B0DF
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7FFF_FFFF

    /// The state vector.
    public internal(set) var state: [UInt32]
    /// Draws left before the next twist, plus one (PyTorch's `left_`).
    public internal(set) var left: Int
    /// Index of the next word to temper (PyTorch's `next_`).
    public internal(set) var next: Int

    /// Seeds the engine as `at::mt19937(seed)` does: only the low 32 bits take part.
    init(seed: UInt64) {
        var state = [UInt32](repeating: 0, count: Self.stateSize)
        state[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<Self.stateSize {
            let previous = state[j - 1]
            state[j] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(j)
        }
        self.state = state
        self.left = 1
        self.next = 0
    }

    /// Seeds the engine from a key of 32-bit words, as the reference `init_by_array` (and CPython's
    /// `random.seed`) does: the linear seeding of 19650218, then two mixing passes over the key.
    public init(key: [UInt32]) {
        self.init(seed: 19_650_218)
        let n = Self.stateSize
        let key = key.isEmpty ? [0] : key
        state.withUnsafeMutableBufferPointer { words in
            var i = 1, j = 0
            for _ in 0..<max(n, key.count) {
                let previous = words[i - 1]
                words[i] = (words[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
                i += 1
                j += 1
                if i >= n {
                    words[0] = words[n - 1]
                    i = 1
                }
                if j >= key.count { j = 0 }
            }
            for _ in 0..<(n - 1) {
                let previous = words[i - 1]
                words[i] = (words[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
                i += 1
                if i >= n {
                    words[0] = words[n - 1]
                    i = 1
                }
            }
            // The top bit alone guarantees a non-zero state.
            words[0] = 0x8000_0000
        }
    }

    /// Restores an engine from saved words and counters; nil when they cannot come from a running engine.
    public init?(state: [UInt32], left: Int, next: Int) {
        // Beyond PyTorch's range checks, the draws left before the next twist must stay inside the state vector.
        guard state.count == Self.stateSize, left >= 1, left <= Self.stateSize, next >= 0,
              next + left <= Self.stateSize + 1 else { return nil }
        self.state = state
        self.left = left
        self.next = next
    }

    /// The next 32-bit output.
    @inline(__always)
    public mutating func next32() -> UInt32 {
        left -= 1
        if left == 0 { twist() }
        var y = state[next]
        next += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// Regenerates all 624 words at once.
    private mutating func twist() {
        let n = Self.stateSize
        let m = Self.shift
        state.withUnsafeMutableBufferPointer { words in
            for k in 0..<n {
                let y = (words[k] & Self.upperMask) | (words[k + 1 == n ? 0 : k + 1] & Self.lowerMask)
                let source = k + m < n ? k + m : k + m - n
                words[k] = words[source] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
            }
        }
        left = n
        next = 0
    }
}
