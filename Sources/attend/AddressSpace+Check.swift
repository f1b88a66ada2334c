import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Script

extension AddressSpace {
    /// Exits with a message when the address-space limit is below `minimumBytes`, rather than hang in OpenBLAS; under
    /// a limit above it, keeps malloc to one arena, since each thread's own arena reserves 64 MB of the space.
    static func check() {
        guard let limit else { return }
        guard limit < minimumBytes else {
            setMallocArenas(1)
            return
        }
        Console.error("attend: needs at least \(minimumBytes >> 20) MB of address space, and the limit here "
                      + "(ulimit -v) is \(limit >> 20) MB")
        // Not exit(): its handlers join OpenBLAS's start-up thread, which may be retrying an allocation forever.
        _exit(1)
    }

    /// glibc's `mallopt(M_ARENA_MAX, count)`, looked up at run time since Swift's Glibc module leaves out malloc.h.
    private static func setMallocArenas(_ count: Int32) {
        #if os(Linux)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, count)
        #endif
    }
}
