import CBLAS
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// OpenBLAS set up once for the machine before the first matrix product (the kernels for the CPU it runs on), and
/// told before each product how many threads to use. `Gemm` (matmul, linear, bmm, convolution) always runs OpenBLAS
/// on one thread and splits large products into one band per core itself; the fused attention and recurrent kernels
/// let OpenBLAS thread their large products, and keep small ones on one thread, which finish before waking another
/// thread would pay (and on a busy machine wait for a descheduled worker: a lesson of many 200 × 256 × 256 products
/// ran six times slower threaded).
///
/// OpenBLAS picks its kernels from the CPU model at load time, and a release that predates the CPU falls back to a
/// generic SSE3 core ("Prescott"), several times slower than the AVX2 or AVX-512 kernels the same library ships
/// (0.3.21 on a 2023 Xeon ran 1024² sgemm at about 60 GFLOP/s instead of 150). When it chose such a core on a CPU that
/// reports AVX2 or AVX-512, the dynamic-architecture table is re-initialised for the matching core, exactly as the
/// `OPENBLAS_CORETYPE` variable would have done at load. Variables the user set always win.
enum BLASSetup {
    /// The threads a large product uses, OpenBLAS's or `Gemm`'s bands (set on first read): one per core, or the count
    /// the user set.
    static let parallelThreads: Int = configure()
    /// The thread count OpenBLAS was last told.
    private static let currentThreads = Atomic<Int>(0)
    /// The multiply-adds from which a product uses every thread (a 128 x 64 x 128 product, about 10 µs of one
    /// core's AVX-512 work): `CoreWorkers` hands out a loop in a few microseconds while its workers spin, so a
    /// key/value projection over a growing cache already gains (KV-cache decoding 22 -> 18 ms for 400 steps);
    /// below it, the hand-out costs what it saves.
    static let parallelWork = Double(1 << 20)

    /// Makes sure OpenBLAS is set up; costs one load after the first call.
    @inline(__always)
    static func ensure() { _ = parallelThreads }

    /// Tells OpenBLAS to run each product on its calling thread alone, for kernels that run several products side
    /// by side on their own threads.
    static func prepareSerial() { prepare(m: 1, n: 1, k: 1) }

    /// Sets up OpenBLAS and its thread count for an `m × n` product over `k` (called from one thread at a time, as
    /// every tensor op is).
    @inline(__always)
    static func prepare(m: Int, n: Int, k: Int) {
        let threads = parallelThreads
        let wanted = Double(m) * Double(n) * Double(k) >= parallelWork ? threads : 1
        if currentThreads.load(ordering: .relaxed) != wanted {
            currentThreads.store(wanted, ordering: .relaxed)
            openblas_set_num_threads(Int32(clamping: wanted))
        }
    }

    /// The core OpenBLAS runs its kernels for, as it names it ("SkylakeX", "Haswell", ...).
    static var coreName: String {
        ensure()
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// Whether OpenBLAS runs AVX-512 kernels, which it does only where the processor and the system support them.
    static var usesAVX512: Bool {
        ["skylakex", "cooperlake", "sapphirerapids"].contains(coreName.lowercased())
    }

    private static func configure() -> Int {
        #if os(Linux) && arch(x86_64)
        if getenv("OPENBLAS_CORETYPE") == nil, let name = openblas_get_corename(),
           genericCores.contains(String(cString: name).lowercased()),
           let core = bestCore(flags: cpuFlags()) {
            reinitialise(core: core)
        }
        #endif
        // A thread count the user set is the most a product uses.
        let threadVariables = ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"]
        if threadVariables.allSatisfy({ getenv($0) == nil }) {
            return Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
        }
        return Swift.max(1, Int(openblas_get_num_threads()))
    }

    /// Cores OpenBLAS falls back to on a CPU it does not know, none using AVX2.
    private static let genericCores: Set<String> = [
        "prescott", "core2", "penryn", "dunnington", "nehalem", "sandybridge", "atom", "nano", "katmai",
        "coppermine", "northwood", "banias", "athlon", "opteron", "opteron(sse3)", "barcelona", "bobcat",
    ]

    /// The best OpenBLAS core for a CPU with these `/proc/cpuinfo` flags, or nil if it has no AVX2.
    static func bestCore(flags: Set<String>) -> String? {
        let avx512 = ["avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"]
        if avx512.allSatisfy(flags.contains) { return "SkylakeX" }
        if flags.contains("avx2") && flags.contains("fma") { return "Haswell" }
        return nil
    }

    #if os(Linux) && arch(x86_64)
    /// The flags of the first processor in `/proc/cpuinfo` (those the kernel lets programs use).
    private static func cpuFlags() -> Set<String> {
        guard let file = fopen("/proc/cpuinfo", "r") else { return [] }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 1 << 14)
        while fgets(&line, Int32(line.count), file) != nil {
            let bytes = line.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.hasPrefix("flags") else { continue }
            let values = text.split(separator: ":", maxSplits: 1).dropFirst().first ?? ""
            return Set(values.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init))
        }
        return []
    }

    /// Re-runs OpenBLAS's dynamic-architecture set-up for `core`, as loading it with `OPENBLAS_CORETYPE=core` does.
    /// Does nothing on a build without dynamic architecture (the functions are then absent).
    private static func reinitialise(core: String) {
        typealias Hook = @convention(c) () -> Void
        let library = dlopen(nil, RTLD_NOW)
        defer { if let library { dlclose(library) } }
        guard let quit = dlsym(library, "gotoblas_dynamic_quit"), let initialise = dlsym(library, "gotoblas_dynamic_init")
        else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        unsafeBitCast(quit, to: Hook.self)()
        unsafeBitCast(initialise, to: Hook.self)()
        // Child processes (a Python run for comparison) choose for themselves.
        unsetenv("OPENBLAS_CORETYPE")
    }
    #endif
}
