import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One thread per core beyond the caller's, kept for the engine's parallel loops (`ParallelRows`): the caller and
/// the workers take a loop's chunks in turn, and a worker that finishes spins for a short while before sleeping, so
/// the next loop (the next product of a layer, the next decoding step) starts on every core at once.
///
/// Waking a sleeping thread costs about as long as a 256² matrix product takes on one core; OpenMP runtimes keep
/// their threads spinning between parallel regions for the same reason.
final class CoreWorkers: @unchecked Sendable {
    /// The workers for this process's cores (none on one core).
    static let shared = CoreWorkers(count: ParallelRows.cores - 1)

    /// How long a worker looks for the next loop before it sleeps.
    static let spinNanoseconds: UInt64 = 300_000

    private let count: Int
    /// The loop being run: `generation` in the high 32 bits, the next chunk to take in the low 32.
    private let ticket = Atomic<UInt64>(0)
    /// Chunks of the current loop finished.
    private let finished = Atomic<Int>(0)
    /// Set while a caller runs a loop here; a loop started meanwhile (nested or from another thread) runs serially.
    private let busy = Atomic<Bool>(false)
    /// Workers asleep, or about to be.
    private let sleepers = Atomic<Int>(0)
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wake = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// The current loop's chunk count, written before its ticket is published.
    private let chunks = Atomic<Int>(0)
    /// The current loop's body: written before its ticket is published, read only by a thread that has taken one of
    /// its chunks (the caller waits for every chunk taken before it clears it).
    private var body: ((Int) -> Void)?
    private var started = false
    /// The CPU each worker keeps to, set when the workers start (empty when the system does not say which CPUs
    /// this process may use).
    private(set) var workerCPUs: [Int] = []

    private init(count: Int) {
        self.count = Swift.max(count, 0)
        pthread_mutex_init(lock, nil)
        pthread_cond_init(wake, nil)
    }

    /// Calls `body(chunk)` for every chunk in `0..<chunks`, on the caller and the workers, and returns when all have
    /// finished; serially when there are no workers or another loop is running here.
    func run(chunks: Int, _ body: (Int) -> Void) {
        guard chunks > 1, count > 0, busy.compareExchange(expected: false, desired: true, ordering: .acquiring)
            .exchanged else {
            for chunk in 0..<Swift.max(chunks, 0) { body(chunk) }
            return
        }
        defer { busy.store(false, ordering: .releasing) }
        startIfNeeded()
        withoutActuallyEscaping(body) { body in
            self.body = body
            self.chunks.store(chunks, ordering: .relaxed)
            finished.store(0, ordering: .relaxed)
            let generation = (ticket.load(ordering: .relaxed) >> 32) &+ 1
            ticket.store(generation << 32, ordering: .sequentiallyConsistent)
            if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
                pthread_mutex_lock(lock)
                pthread_cond_broadcast(wake)
                pthread_mutex_unlock(lock)
            }
            work(generation: generation)
            var spins = 0
            while finished.load(ordering: .acquiring) < chunks {
                spins += 1
                if spins > 1_000 { sched_yield() }
            }
            self.body = nil
        }
    }

    /// Takes and runs chunks of loop `generation` until none is left.
    private func work(generation: UInt64) {
        while true {
            let current = ticket.load(ordering: .acquiring)
            guard current >> 32 == generation, Int(current & 0xffff_ffff) < chunks.load(ordering: .relaxed) else {
                return
            }
            guard ticket.compareExchange(expected: current, desired: current &+ 1, ordering: .acquiringAndReleasing)
                .exchanged else { continue }
            body?(Int(current & 0xffff_ffff))
            finished.add(1, ordering: .releasing)
        }
    }

    private func startIfNeeded() {
        guard !started else { return }
        started = true
        let allowed = Self.allowedCPUs()
        // The caller keeps the first allowed CPU's place; worker i takes the one after it.
        workerCPUs = allowed.isEmpty ? [] : (0..<count).map { allowed[($0 + 1) % allowed.count] }
        for index in 0..<count {
            let cpu = workerCPUs.isEmpty ? nil : workerCPUs[index]
            let thread = Thread { [self] in
                if let cpu { Self.pin(toCPU: cpu) }
                loop()
            }
            thread.name = "attend-core"
            thread.start()
        }
    }

    /// A worker: runs each loop's chunks, spins for the next loop, then sleeps until one starts.
    private func loop() {
        var seen = ticket.load(ordering: .acquiring) >> 32
        while true {
            let deadline = DispatchTime.now().uptimeNanoseconds + Self.spinNanoseconds
            var spins = 0
            while ticket.load(ordering: .acquiring) >> 32 == seen {
                spins += 1
                guard spins & 255 != 0 || DispatchTime.now().uptimeNanoseconds < deadline else {
                    sleep(whileGeneration: seen)
                    break
                }
            }
            seen = ticket.load(ordering: .acquiring) >> 32
            work(generation: seen)
        }
    }

    /// glibc's `sched_getaffinity` and `sched_setaffinity` (declared only for `_GNU_SOURCE`, so looked up by name);
    /// pid 0 is the calling thread.
    private typealias Affinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32

    private static func affinityCall(_ name: String) -> Affinity? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name).map { unsafeBitCast($0, to: Affinity.self) }
    }

    /// The bytes of a CPU mask (glibc's `cpu_set_t`: 1,024 CPUs).
    private static let maskBytes = 128

    /// The CPUs this thread may run on, in order (empty when the system does not say).
    static func allowedCPUs() -> [Int] {
        guard let get = affinityCall("sched_getaffinity") else { return [] }
        var mask = [UInt8](repeating: 0, count: maskBytes)
        let status = mask.withUnsafeMutableBytes { bytes in bytes.baseAddress.map { get(0, maskBytes, $0) } ?? -1 }
        guard status == 0 else { return [] }
        return (0..<(maskBytes * 8)).filter { mask[$0 / 8] & (1 << ($0 % 8)) != 0 }
    }

    /// Keeps the calling thread on `cpu`: a worker woken by the caller is otherwise often placed on the caller's
    /// own core (the scheduler's wake-affine choice) and the two share it until the load balancer moves one, at
    /// half speed for milliseconds at a time.
    private static func pin(toCPU cpu: Int) {
        guard let set = affinityCall("sched_setaffinity"), cpu < maskBytes * 8 else { return }
        var mask = [UInt8](repeating: 0, count: maskBytes)
        mask[cpu / 8] |= UInt8(1 << (cpu % 8))
        _ = mask.withUnsafeMutableBytes { bytes in bytes.baseAddress.map { set(0, maskBytes, $0) } }
    }

    /// Sleeps until a loop after `generation` is published.
    private func sleep(whileGeneration generation: UInt64) {
        pthread_mutex_lock(lock)
        sleepers.add(1, ordering: .sequentiallyConsistent)
        while ticket.load(ordering: .sequentiallyConsistent) >> 32 == generation {
            pthread_cond_wait(wake, lock)
        }
        sleepers.subtract(1, ordering: .sequentiallyConsistent)
        pthread_mutex_unlock(lock)
    }
}
