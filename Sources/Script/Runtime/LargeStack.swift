import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Work run on a thread of its own with a large stack (deep Python recursion and deeply nested source need more than
/// a thread's default), waited for by the caller.
///
/// Foundation's `Thread` says nothing when the system refuses its stack (an address-space `ulimit` below the size):
/// the thread never runs and a caller waiting for it waits forever. Here the stack shrinks by halves until the system
/// grants one, and the caller learns when none was granted.
enum LargeStack {
    /// The smallest stack tried.
    static let smallestBytes = 16 << 20

    /// Runs `body` on a new thread with a stack of `bytes`, or of the largest half, quarter ... (down to 16 MB) the
    /// system grants, and returns when it has finished: true, or false having run nothing when no thread started.
    static func run(bytes: Int, _ body: @escaping () -> Void) -> Bool {
        #if os(Linux)
        final class Work {
            let body: () -> Void
            init(_ body: @escaping () -> Void) { self.body = body }
        }
        var size = bytes
        while size >= smallestBytes {
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            if pthread_attr_setstacksize(&attributes, size) == 0 {
                let work = Unmanaged.passRetained(Work(body))
                var thread = pthread_t()
                let started = pthread_create(&thread, &attributes, { context in
                    if let context { Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body() }
                    return nil
                }, work.toOpaque())
                if started == 0 {
                    pthread_join(thread, nil)
                    return true
                }
                work.release()
            }
            size /= 2
        }
        return false
        #else
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.stackSize = bytes
        thread.start()
        done.wait()
        return true
        #endif
    }
}
