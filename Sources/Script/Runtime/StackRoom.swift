#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much of the current thread's stack is left, so that deep recursion (Python calls, nested reprs and
/// comparisons, deeply nested source) ends in a RecursionError rather than overflowing the stack.
///
/// Counting frames alone is not enough: a thread's stack may be smaller than planned (the system grants less under
/// an address-space limit, and `LargeStack` then halves it), and a debug build's frames are several times larger
/// than a release build's.
enum StackRoom {
    /// Bytes kept free below the deepest check: what one step of recursion (a Python call evaluating source nested
    /// to the parser's limits, a repr of one nesting level, one parse step) may use before the next check.
    #if DEBUG
    static let reserve = 6 << 20
    #else
    static let reserve = 2 << 20
    #endif

    /// Stack one level of a nested expression may take in any walk over it (measured at up to 17 KB in a debug
    /// build's evaluator, 4 KB in a release build's).
    #if DEBUG
    static let bytesPerLevel = 24 << 10
    #else
    static let bytesPerLevel = 8 << 10
    #endif

    /// A thread's stack when it was not recorded (the system's usual default).
    static let defaultStackBytes = 8 << 20

    /// How many levels of nesting, up to `limit`, the stack left below the caller holds beside `reserve`.
    static func levels(upTo limit: Int) -> Int {
        let room = (remaining ?? defaultStackBytes) - reserve
        return max(0, min(limit, room / bytesPerLevel))
    }

    /// Whether the stack left below the caller is under `reserve`.
    @inline(never)
    static var isLow: Bool { isBelow(limit) }

    /// The address below which the current thread's stack is low (`reserve` above its floor), or 0 when its stack
    /// was not recorded. Hot paths keep it and test it with `isBelow`.
    static var limit: UInt {
        let floor = currentFloor
        return floor == 0 ? 0 : floor + UInt(reserve)
    }

    /// Whether the caller's frame lies below `limit` (from `limit` on the same thread).
    @inline(__always)
    static func isBelow(_ limit: UInt) -> Bool {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } < limit
    }

    /// Bytes between the caller's frame and the lowest usable address of its thread's stack (nil when unknown).
    @inline(never)
    static var remaining: Int? {
        let floor = currentFloor
        guard floor != 0 else { return nil }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return here < floor ? 0 : Int(here - floor)
    }

    /// Records that the current thread's stack holds `bytes` below the caller (called first thing on the threads
    /// `LargeStack` starts; on other threads the stack's size is not known and only frame counts limit recursion).
    @inline(never)
    static func recordCurrentThread(stackBytes bytes: Int) {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        // Leave the guard page and the thread's own start-up frames out of the room.
        guard here > UInt(bytes) else { return }
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: here - UInt(bytes) + UInt(guardBytes)))
    }

    /// Bytes left out at the bottom of a recorded stack.
    private static let guardBytes = 64 << 10

    /// The key under which a thread keeps the lowest usable address of its stack.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The lowest usable address of the current thread's stack, or 0 when it was not recorded.
    private static var currentFloor: UInt {
        pthread_getspecific(key).map { UInt(bitPattern: $0) } ?? 0
    }
}
