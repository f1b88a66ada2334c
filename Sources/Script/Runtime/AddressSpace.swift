#if canImport(Glibc)
import Glibc
#endif

/// The process's address space: its limit (`ulimit -v`) and the least Attend runs in.
///
/// Under a smaller limit OpenBLAS cannot map the buffers its threads and each product need, and it retries forever
/// rather than fail (its start-up thread even keeps the process from exiting).
public enum AddressSpace {
    /// The least address space Attend runs in: the libraries mapped, OpenBLAS's per-thread buffers, the
    /// interpreter's and generators' stacks (sized to the limit, see `LargeStack`) and a working set of tensors.
    public static let minimumBytes = 1 << 30

    /// The soft address-space limit in bytes, or nil when there is none.
    public static var limit: Int? {
        #if os(Linux)
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0,
              limit.rlim_cur < rlim_t(Int.max) else { return nil }
        return Int(limit.rlim_cur)
        #else
        return nil
        #endif
    }
}
