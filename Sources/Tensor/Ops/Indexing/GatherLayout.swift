/// The storage positions a gather-like result reads (or a scatter-like write touches), factored as
/// `before × middle × after`: every combination `b + m + a`, in that nesting order, is one result element.
///
/// Advanced indexing and `index_select` both address an outer block of plain dimensions, then the positions the
/// indices pick, then an inner block of plain dimensions. Keeping three short offset lists instead of one per element
/// keeps the memory small and the inner loop a plain walk.
struct GatherLayout {
    /// Offsets of the outer plain dimensions, in elements, row-major.
    let before: [Int]
    /// Offsets of the indexed positions, in the order the result lists them.
    let middle: [Int]
    /// Offsets of the inner plain dimensions, row-major.
    let after: [Int]

    /// The number of result elements.
    var count: Int { before.count * middle.count * after.count }

    /// Calls `body(k, offset)` for result element `k` and its storage offset, in result order.
    @inline(__always)
    func forEach(_ body: (Int, Int) -> Void) {
        var k = 0
        for b in before {
            for m in middle {
                let base = b + m
                for a in after {
                    body(k, base + a)
                    k += 1
                }
            }
        }
    }

    /// The offsets of every position of `shape` walked with `strides`, in row-major order.
    static func offsets(shape: [Int], strides: [Int]) -> [Int] {
        let count = shape.reduce(1, *)
        var result = [Int](repeating: 0, count: count)
        guard count > 1 else { return result }
        var index = [Int](repeating: 0, count: shape.count)
        var offset = 0
        for k in 1..<count {
            var dim = shape.count - 1
            while dim >= 0 {
                index[dim] += 1
                offset += strides[dim]
                if index[dim] < shape[dim] { break }
                offset -= strides[dim] * shape[dim]
                index[dim] = 0
                dim -= 1
            }
            result[k] = offset
        }
        return result
    }

    /// Copies the addressed elements of `source` into the contiguous `out`, in result order.
    func gather(from source: Tensor, into out: Tensor) {
        switch source.dtype {
        case .float32: gather(source.pointer(as: Float.self), out.pointer(as: Float.self))
        case .float64: gather(source.pointer(as: Double.self), out.pointer(as: Double.self))
        case .int64: gather(source.pointer(as: Int64.self), out.pointer(as: Int64.self))
        case .bool: gather(source.pointer(as: Bool.self), out.pointer(as: Bool.self))
        }
    }

    private func gather<T>(_ src: UnsafeMutablePointer<T>, _ dst: UnsafeMutablePointer<T>) {
        forEach { k, offset in dst[k] = src[offset] }
    }

    /// Writes `values` (contiguous in result order, or a single element used everywhere) to the addressed elements of
    /// `target`, adding to what is there when `accumulate` is set. Later duplicates win when not accumulating.
    func put(_ values: Tensor, into target: Tensor, accumulate: Bool) {
        // Each branch passes its own closure literal so the kernel inlines it (no call per element).
        switch (target.dtype, accumulate) {
        case (.float32, true): put(values, target) { (x: inout Float, v: Float) in x += v }
        case (.float32, false): put(values, target) { (x: inout Float, v: Float) in x = v }
        case (.float64, true): put(values, target) { (x: inout Double, v: Double) in x += v }
        case (.float64, false): put(values, target) { (x: inout Double, v: Double) in x = v }
        case (.int64, true): put(values, target) { (x: inout Int64, v: Int64) in x &+= v }
        case (.int64, false): put(values, target) { (x: inout Int64, v: Int64) in x = v }
        case (.bool, true): put(values, target) { (x: inout Bool, v: Bool) in x = x || v }
        case (.bool, false): put(values, target) { (x: inout Bool, v: Bool) in x = v }
        }
    }

    @inline(__always)
    private func put<T: TensorElement>(_ values: Tensor, _ target: Tensor, _ combine: (inout T, T) -> Void) {
        let dst = target.pointer(as: T.self)
        let src = values.pointer(as: T.self)
        if values.count == 1 {
            let value = src.pointee
            forEach { _, offset in combine(&dst[offset], value) }
        } else {
            forEach { k, offset in combine(&dst[offset], src[k]) }
        }
    }
}
