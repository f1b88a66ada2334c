import Foundation
import Synchronization

/// A reference-counted, untyped block of memory that one or more tensors view.
///
/// Views (slices, transposes, expands) share a storage; in-place writes through any of them are seen by all. The
/// version counter is bumped by every in-place write so autograd can tell when a saved tensor was overwritten.
public final class Storage {
    /// The start of the block, aligned for any element type.
    let bytes: UnsafeMutableRawPointer

    /// The address of the first byte, as `Tensor.data_ptr()` reports it (identity only; never dereferenced).
    public var address: Int { Int(bitPattern: bytes) }
    /// The size of the block in bytes.
    let byteCount: Int
    /// How many in-place writes the block has seen.
    var version: Int = 0

    /// Allocates `byteCount` bytes, charging them to the memory budget.
    init(byteCount: Int) throws(TensorError) {
        if byteCount > Storage.smallByteCount { try MemoryBudget.shared.reserve(byteCount) }
        // Allocate at least one byte so zero-sized tensors still have a distinct, valid pointer.
        guard let block = Storage.allocate(max(byteCount, 1), alignment: Storage.alignment(byteCount)) else {
            if byteCount > Storage.smallByteCount { MemoryBudget.shared.release(byteCount) }
            throw .systemOutOfMemory(requestedBytes: byteCount)
        }
        bytes = block
        self.byteCount = byteCount
    }

    /// A block from the C allocator, or nil when the system refuses it (under a `ulimit`, or with the machine's
    /// memory gone while still under the budget): Swift's own allocator would end the process instead. The block is
    /// freed by `deallocate()`, which on every platform Swift runs on hands it back to `free`.
    private static func allocate(_ byteCount: Int, alignment: Int) -> UnsafeMutableRawPointer? {
        var block: UnsafeMutableRawPointer?
        // NOTE: glibc serves alignments up to 16 from malloc's fast lists, as the tiny tensors need.
        return posix_memalign(&block, alignment, byteCount) == 0 ? block : nil
    }

    /// Allocates room for a single element, which the budget never refuses: a learner at the memory limit can still
    /// compute with numbers.
    init(singleElementOf dtype: DType) {
        bytes = UnsafeMutableRawPointer.allocate(byteCount: dtype.itemSize, alignment: Storage.alignment(dtype.itemSize))
        byteCount = dtype.itemSize
    }

    /// The alignment a block of `byteCount` bytes gets: 64 (a cache line) for blocks big enough for kernels to care,
    /// and malloc's own 16 for tiny ones, which then come from its fast free lists instead of the much slower
    /// aligned allocator (the difference is most of the cost of allocating a tiny tensor).
    static func alignment(_ byteCount: Int) -> Int { byteCount <= smallByteCount ? 16 : 64 }

    /// Allocations this small are not charged to the budget.
    static let smallByteCount = 64

    /// Allocates zero-filled storage for `count` elements of `dtype`.
    static func zeroed(count: Int, dtype: DType) throws(TensorError) -> Storage {
        let storage = try Storage(byteCount: try byteCount(count: count, dtype: dtype))
        storage.bytes.initializeMemory(as: UInt8.self, repeating: 0, count: storage.byteCount)
        return storage
    }

    /// Allocates uninitialised storage for `count` elements of `dtype`.
    static func uninitialized(count: Int, dtype: DType) throws(TensorError) -> Storage {
        try Storage(byteCount: try byteCount(count: count, dtype: dtype))
    }

    private static func byteCount(count: Int, dtype: DType) throws(TensorError) -> Int {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        if overflow || count < 0 { throw .outOfMemory(requestedBytes: nil) }
        return bytes
    }

    deinit {
        bytes.deallocate()
        if byteCount > Storage.smallByteCount { MemoryBudget.shared.release(byteCount) }
    }

    /// The block as a typed pointer.
    @inline(__always)
    func pointer<T>(as type: T.Type) -> UnsafeMutablePointer<T> {
        bytes.assumingMemoryBound(to: type)
    }
}

/// How much tensor memory may be allocated, and how much is live.
///
/// A request that would take the live total past the limit is refused with an error that names its size, so a
/// learner who asks for `torch.zeros(10**6, 10**6)` gets a message instead of an out-of-memory kill.
public final class MemoryBudget: Sendable {
    /// The budget every storage allocation is charged to.
    public static let shared = MemoryBudget(limit: MemoryBudget.defaultLimit)

    /// Half the machine's physical memory.
    public static var defaultLimit: Int {
        Int(clamping: ProcessInfo.processInfo.physicalMemory / 2)
    }

    private let limitBytes: Atomic<Int>
    private let liveBytes = Atomic<Int>(0)

    init(limit: Int) {
        limitBytes = Atomic(limit)
    }

    /// The most bytes that may be live at once.
    public var limit: Int {
        get { limitBytes.load(ordering: .relaxed) }
        set { limitBytes.store(newValue, ordering: .relaxed) }
    }

    /// The bytes held by live storages now.
    public var live: Int { liveBytes.load(ordering: .relaxed) }

    func reserve(_ bytes: Int) throws(TensorError) {
        // A wrapped (negative) total means the request itself was absurdly large.
        let total = liveBytes.wrappingAdd(bytes, ordering: .relaxed).newValue
        if total > limit || total < 0 {
            liveBytes.wrappingSubtract(bytes, ordering: .relaxed)
            throw .outOfMemory(requestedBytes: bytes)
        }
    }

    /// Refuses `bytes` that would take the live total past the limit, without reserving them: for Swift arrays as
    /// large as a tensor, which are not charged but must not be absurd.
    func check(_ bytes: Int) throws(TensorError) {
        let (total, overflow) = live.addingReportingOverflow(bytes)
        if overflow || bytes < 0 || total > limit { throw .outOfMemory(requestedBytes: bytes) }
    }

    func release(_ bytes: Int) {
        liveBytes.wrappingSubtract(bytes, ordering: .relaxed)
    }
}
