import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Work run on a thread of its own with a large stack (deep Python recursion and deeply nested source need more than
/// a thread's default).
///
/// Foundation's `Thread` says nothing when the system refuses its stack (an address-space `ulimit` below the size):
/// the thread never runs and a caller waiting for it waits forever. Here the stack shrinks by halves until the system
/// grants one, and the caller learns when none was granted. The thread records its stack's bounds first
/// (`StackRoom`), so recursion on it stops with a RecursionError wherever the stack granted runs short.
enum LargeStack {
    /// The smallest stack tried.
    static let smallestBytes = 16 << 20

    /// Runs `body` on a new thread with a stack of `bytes`, or of the largest half, quarter ... (down to 16 MB) the
    /// system grants, and returns when it has finished: true, or false having run nothing when no thread started.
    static func run(bytes: Int, _ body: @escaping () -> Void) -> Bool {
        #if os(Linux)
        guard let thread = spawn(bytes: bytes, body) else { return false }
        pthread_join(thread, nil)
        return true
        #else
        let done = DispatchSemaphore(value: 0)
        guard start(bytes: bytes, { body(); done.signal() }) else { return false }
        done.wait()
        return true
        #endif
    }

    /// Starts `body` on a new thread as `run` does, without waiting for it: false, having run nothing, when no
    /// thread started.
    static func start(bytes: Int, _ body: @escaping () -> Void) -> Bool {
        #if os(Linux)
        guard let thread = spawn(bytes: bytes, body) else { return false }
        pthread_detach(thread)
        return true
        #else
        let thread = Thread {
            StackRoom.recordCurrentThread(stackBytes: bytes)
            body()
        }
        thread.stackSize = bytes
        thread.start()
        return true
        #endif
    }

    /// At most `1/parts` of the address space when a limit (`ulimit -v`) is set, else `bytes`: the stack to ask for
    /// so that the other stacks and OpenBLAS's buffers (which OpenBLAS waits for forever when the system refuses
    /// them) still fit.
    static func bytes(_ bytes: Int, orPartsOfAddressSpace parts: Int) -> Int {
        min(bytes, (AddressSpace.limit ?? .max) / parts)
    }

    #if os(Linux)
    /// A new thread running `body` with the largest stack granted, halving from `bytes` down to `smallestBytes`.
    private static func spawn(bytes: Int, _ body: @escaping () -> Void) -> pthread_t? {
        final class Work {
            let body: () -> Void
            let stackBytes: Int
            init(_ body: @escaping () -> Void, stackBytes: Int) {
                self.body = body
                self.stackBytes = stackBytes
            }
        }
        var size = max(bytes, smallestBytes)
        while size >= smallestBytes {
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            if pthread_attr_setstacksize(&attributes, size) == 0 {
                let work = Unmanaged.passRetained(Work(body, stackBytes: size))
                var thread = pthread_t()
                let started = pthread_create(&thread, &attributes, { context in
                    guard let context else { return nil }
                    let work = Unmanaged<Work>.fromOpaque(context).takeRetainedValue()
                    StackRoom.recordCurrentThread(stackBytes: work.stackBytes)
                    work.body()
                    return nil
                }, work.toOpaque())
                if started == 0 { return thread }
                work.release()
            }
            size /= 2
        }
        return nil
    }
    #endif
}
