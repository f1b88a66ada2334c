/// A source of pseudo-random numbers that reproduces PyTorch's CPU generator (`torch.Generator()`) bit for bit.
///
/// Every random operation takes an optional generator and falls back to `Generator.default`, the counterpart of
/// `torch.default_generator` that `torch.manual_seed` reseeds.
public final class Generator {
    /// The seed PyTorch gives a freshly constructed `torch.Generator()`.
    public static let defaultSeed: UInt64 = 67_280_421_310_721

    // NOTE: the engine is single-threaded, so one shared mutable generator is safe; PyTorch guards its default
    // generator with a mutex for the same reason.
    /// The generator every random operation uses when none is passed (`torch.default_generator`).
    nonisolated(unsafe) public static let `default` = Generator(seed: Generator.nondeterministicSeed())

    var engine: MersenneTwister
    /// The seed set by the last `manualSeed`, as `initial_seed()` reports it.
    public internal(set) var initialSeed: UInt64
    /// The second Box-Muller sample of the last serial normal draw, returned by the next one.
    var nextDoubleNormal: Double?
    /// PyTorch's float counterpart of `nextDoubleNormal`; no CPU kernel fills it, but it is part of the state.
    var nextFloatNormal: Float?

    /// A generator seeded as `torch.Generator()` is.
    public convenience init() {
        self.init(seed: Generator.defaultSeed)
    }

    /// A generator seeded with `seed`, as `torch.Generator().manual_seed(seed)` leaves it.
    public init(seed: UInt64) {
        engine = MersenneTwister(seed: seed)
        initialSeed = seed
    }

    /// Reseeds the generator and forgets any cached normal sample (`manual_seed`).
    public func manualSeed(_ seed: UInt64) {
        engine = MersenneTwister(seed: seed)
        initialSeed = seed
        nextDoubleNormal = nil
        nextFloatNormal = nil
    }

    /// Reseeds from a signed seed the way PyTorch does: a negative seed's two's-complement bits become the seed.
    public func manualSeed(_ seed: Int) {
        manualSeed(UInt64(bitPattern: Int64(seed)))
    }

    /// Reseeds from the operating system's entropy and returns the new seed (`torch.Generator.seed()`).
    @discardableResult
    public func seed() -> UInt64 {
        let seed = Generator.nondeterministicSeed()
        manualSeed(seed)
        return seed
    }

    /// The next 32 random bits (`CPUGeneratorImpl::random`).
    @inline(__always)
    func random() -> UInt32 {
        engine.next32()
    }

    /// The next 64 random bits: two 32-bit draws, the first one high (`CPUGeneratorImpl::random64`).
    @inline(__always)
    func random64() -> UInt64 {
        let high = UInt64(engine.next32())
        let low = UInt64(engine.next32())
        return high << 32 | low
    }

    /// A seed below 2^53, like the one PyTorch draws from `std::random_device` for its default generator.
    static func nondeterministicSeed() -> UInt64 {
        var system = SystemRandomNumberGenerator()
        return system.next() & (1 << 53 - 1)
    }
}
