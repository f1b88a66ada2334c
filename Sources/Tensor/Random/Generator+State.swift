extension Generator {
    /// The number of bytes in PyTorch's serialized CPU generator state (`torch.get_rng_state().numel()`).
    public static let stateByteCount = 5056

    // Byte offsets of the fields of PyTorch's `CPUGeneratorImplState`, a packed C struct on x86-64.
    private enum Layout {
        static let seed = 0
        static let left = 8
        static let seeded = 12
        static let next = 16
        static let words = 24
        static let normalY = words + MersenneTwister.stateSize * 8 + 8
        static let normalIsValid = normalY + 16
        static let floatNormal = normalIsValid + 8
        static let floatNormalIsValid = floatNormal + 4
    }

    /// The generator's full state in the byte layout of `torch.get_rng_state()`, so states can be exchanged with
    /// PyTorch.
    public var state: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Generator.stateByteCount)
        Self.store(initialSeed, at: Layout.seed, in: &bytes)
        Self.store(UInt32(engine.left), at: Layout.left, in: &bytes)
        Self.store(UInt32(1), at: Layout.seeded, in: &bytes)
        Self.store(UInt64(engine.next), at: Layout.next, in: &bytes)
        for (i, word) in engine.state.enumerated() {
            Self.store(UInt64(word), at: Layout.words + 8 * i, in: &bytes)
        }
        if let cached = nextDoubleNormal {
            Self.store(cached.bitPattern, at: Layout.normalY, in: &bytes)
            Self.store(UInt32(1), at: Layout.normalIsValid, in: &bytes)
        }
        if let cached = nextFloatNormal {
            Self.store(cached.bitPattern, at: Layout.floatNormal, in: &bytes)
            bytes[Layout.floatNormalIsValid] = 1
        }
        return bytes
    }

    /// Restores a state produced by `state` or by `torch.get_rng_state()` (`set_state`).
    public func setState(_ bytes: [UInt8]) throws(TensorError) {
        guard bytes.count == Generator.stateByteCount else {
            throw .invalidArgument(op: "set_state", detail: "Expected a CPUGeneratorImplState of size "
                + "\(Generator.stateByteCount) but found the input RNG state size to be \(bytes.count)")
        }
        var words = [UInt32](repeating: 0, count: MersenneTwister.stateSize)
        for i in words.indices {
            words[i] = UInt32(truncatingIfNeeded: Self.load(UInt64.self, at: Layout.words + 8 * i, in: bytes))
        }
        let left = Int(Self.load(UInt32.self, at: Layout.left, in: bytes))
        // PyTorch keeps only the low 32 bits of the saved `next`.
        let next = Int(UInt32(truncatingIfNeeded: Self.load(UInt64.self, at: Layout.next, in: bytes)))
        let seeded = Self.load(UInt32.self, at: Layout.seeded, in: bytes) != 0
        guard seeded, let engine = MersenneTwister(state: words, left: left, next: next) else {
            throw .invalidArgument(op: "set_state", detail: "Invalid mt19937 state")
        }
        self.engine = engine
        initialSeed = Self.load(UInt64.self, at: Layout.seed, in: bytes)
        nextDoubleNormal = Self.load(UInt32.self, at: Layout.normalIsValid, in: bytes) != 0
            ? Double(bitPattern: Self.load(UInt64.self, at: Layout.normalY, in: bytes)) : nil
        nextFloatNormal = bytes[Layout.floatNormalIsValid] != 0
            ? Float(bitPattern: Self.load(UInt32.self, at: Layout.floatNormal, in: bytes)) : nil
    }

    private static func store<T: FixedWidthInteger>(_ value: T, at offset: Int, in bytes: inout [UInt8]) {
        var value = value.littleEndian
        withUnsafeBytes(of: &value) { raw in
            for (i, byte) in raw.enumerated() { bytes[offset + i] = byte }
        }
    }

    private static func load<T: FixedWidthInteger>(_: T.Type, at offset: Int, in bytes: [UInt8]) -> T {
        var value: T = 0
        for i in 0..<MemoryLayout<T>.size {
            value |= T(truncatingIfNeeded: bytes[offset + i]) << (8 * i)
        }
        return value
    }
}
