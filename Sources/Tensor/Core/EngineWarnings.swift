#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Warnings PyTorch issues from inside its ops (an implicit softmax dimension, a loss target that broadcasts),
/// queued by the engine for its host to show through the host's own warnings machinery. The engine never prints.
///
/// Each thread has its own queue: an interpreter runs a program on a thread of its own and drains what that
/// program's ops issued, so another interpreter, a generator's thread or a host calling the engine directly never
/// sees (or shows at its own line) a warning that was not its own.
public enum EngineWarnings {
    private final class Queue {
        var messages: [String] = []
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { queue in
            if let queue { Unmanaged<Queue>.fromOpaque(queue).release() }
        }
        return key
    }()

    /// This thread's queue, made on first use.
    private static var queue: Queue {
        if let existing = pthread_getspecific(key) { return Unmanaged<Queue>.fromOpaque(existing).takeUnretainedValue() }
        let made = Queue()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    /// Queues a `UserWarning` with PyTorch's text.
    public static func issue(_ message: String) {
        queue.messages.append(message)
    }

    /// The warnings this thread queued since the last call, oldest first, leaving its queue empty.
    public static func drain() -> [String] {
        guard let existing = pthread_getspecific(key) else { return [] }
        let queue = Unmanaged<Queue>.fromOpaque(existing).takeUnretainedValue()
        defer { queue.messages.removeAll() }
        return queue.messages
    }

    /// Whether no warning waits on this thread (a cheap check before draining on every call).
    public static var isEmpty: Bool {
        guard let existing = pthread_getspecific(key) else { return true }
        return Unmanaged<Queue>.fromOpaque(existing).takeUnretainedValue().messages.isEmpty
    }

    /// PyTorch's warning for `softmax`-family calls without `dim` (`op`: softmax, log_softmax, softmin).
    public static func implicitDimension(_ op: String) {
        issue("Implicit dimension choice for \(op) has been deprecated. Change the call to include dim=X as an "
            + "argument.")
    }
}
