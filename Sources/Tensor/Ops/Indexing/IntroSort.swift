/// A value to be sorted together with its original position along the sorted dimension.
struct Keyed<Key> {
    var key: Key
    var index: Int64
}

/// A strict weak ordering of keys, as one of PyTorch's sort comparators defines it.
protocol SortOrder {
    associatedtype Key
    static func less(_ a: Key, _ b: Key) -> Bool
}

/// Ascending floats with NaN greatest (PyTorch's `KeyValueCompAsc`).
enum FloatAscending<T: TensorFloat>: SortOrder {
    @inline(__always) static func less(_ a: T, _ b: T) -> Bool { (!a.isNaN && b.isNaN) || a < b }
}

/// Descending floats with NaN first (PyTorch's `KeyValueCompDesc`).
enum FloatDescending<T: TensorFloat>: SortOrder {
    @inline(__always) static func less(_ a: T, _ b: T) -> Bool { (a.isNaN && !b.isNaN) || a > b }
}

/// Ascending integers.
enum IntegerAscending: SortOrder {
    @inline(__always) static func less(_ a: Int64, _ b: Int64) -> Bool { a < b }
}

/// Descending integers.
enum IntegerDescending: SortOrder {
    @inline(__always) static func less(_ a: Int64, _ b: Int64) -> Bool { a > b }
}

/// False before true.
enum BoolAscending: SortOrder {
    @inline(__always) static func less(_ a: Bool, _ b: Bool) -> Bool { !a && b }
}

/// True before false.
enum BoolDescending: SortOrder {
    @inline(__always) static func less(_ a: Bool, _ b: Bool) -> Bool { a && !b }
}

/// The algorithms behind libstdc++'s `std::sort`, `std::nth_element` and `std::partial_sort`, step for step.
///
/// PyTorch's CPU `sort` (unless `stable=True`) and `topk` run these on (value, index) pairs comparing values only, so
/// the order of equal values in their output is whatever these algorithms leave. Reproducing them exactly (median of
/// three pivots, the 16-element insertion-sort threshold, the heap fallbacks) is what makes tie order match PyTorch.
enum IntroSort<Order: PairOrder> {
    typealias Element = Keyed<Order.Key>
    private static var threshold: Int { 16 }

    @inline(__always)
    private static func less(_ a: Element, _ b: Element) -> Bool { Order.less(a, b) }

    @inline(__always)
    private static func swapAt(_ p: UnsafeMutablePointer<Element>, _ i: Int, _ j: Int) {
        let t = p[i]
        p[i] = p[j]
        p[j] = t
    }

    /// `std::__lg`: the floor of the base-2 logarithm.
    private static func log2Floor(_ n: Int) -> Int { Int.bitWidth - 1 - n.leadingZeroBitCount }

    /// `std::sort` of `p[first..<last]`.
    static func sort(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ last: Int) {
        guard first != last else { return }
        introsortLoop(p, first, last, 2 * log2Floor(last - first))
        finalInsertionSort(p, first, last)
    }

    /// `std::nth_element`: puts the element that belongs at `nth` there, smaller ones before it, larger after.
    static func nthElement(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ nth: Int, _ last: Int) {
        guard first != last && nth != last else { return }
        introselect(p, first, nth, last, 2 * log2Floor(last - first))
    }

    /// `std::partial_sort`: the smallest `middle - first` elements, sorted, at the front.
    static func partialSort(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ middle: Int, _ last: Int) {
        heapSelect(p, first, middle, last)
        sortHeap(p, first, middle)
    }

    private static func introsortLoop(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ last: Int, _ depth: Int) {
        var (last, depth) = (last, depth)
        while last - first > threshold {
            if depth == 0 {
                partialSort(p, first, last, last)
                return
            }
            depth -= 1
            let cut = unguardedPartitionPivot(p, first, last)
            introsortLoop(p, cut, last, depth)
            last = cut
        }
    }

    private static func introselect(
        _ p: UnsafeMutablePointer<Element>, _ first: Int, _ nth: Int, _ last: Int, _ depth: Int
    ) {
        var (first, last, depth) = (first, last, depth)
        while last - first > 3 {
            if depth == 0 {
                heapSelect(p, first, nth + 1, last)
                swapAt(p, first, nth)
                return
            }
            depth -= 1
            let cut = unguardedPartitionPivot(p, first, last)
            if cut <= nth { first = cut } else { last = cut }
        }
        insertionSort(p, first, last)
    }

    private static func moveMedianToFirst(_ p: UnsafeMutablePointer<Element>, _ result: Int, _ a: Int, _ b: Int,
                                          _ c: Int) {
        if less(p[a], p[b]) {
            if less(p[b], p[c]) {
                swapAt(p, result, b)
            } else if less(p[a], p[c]) {
                swapAt(p, result, c)
            } else {
                swapAt(p, result, a)
            }
        } else if less(p[a], p[c]) {
            swapAt(p, result, a)
        } else if less(p[b], p[c]) {
            swapAt(p, result, c)
        } else {
            swapAt(p, result, b)
        }
    }

    private static func unguardedPartition(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ last: Int,
                                           _ pivot: Int) -> Int {
        var (first, last) = (first, last)
        while true {
            while less(p[first], p[pivot]) { first += 1 }
            last -= 1
            while less(p[pivot], p[last]) { last -= 1 }
            if !(first < last) { return first }
            swapAt(p, first, last)
            first += 1
        }
    }

    private static func unguardedPartitionPivot(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ last: Int) -> Int {
        let mid = first + (last - first) / 2
        moveMedianToFirst(p, first, first + 1, mid, last - 1)
        return unguardedPartition(p, first + 1, last, first)
    }

    private static func insertionSort(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ last: Int) {
        guard first != last else { return }
        var i = first + 1
        while i != last {
            if less(p[i], p[first]) {
                let value = p[i]
                var j = i
                while j > first {
                    p[j] = p[j - 1]
                    j -= 1
                }
                p[first] = value
            } else {
                unguardedLinearInsert(p, i)
            }
            i += 1
        }
    }

    private static func unguardedLinearInsert(_ p: UnsafeMutablePointer<Element>, _ position: Int) {
        let value = p[position]
        var last = position
        var next = last - 1
        while less(value, p[next]) {
            p[last] = p[next]
            last = next
            next -= 1
        }
        p[last] = value
    }

    private static func finalInsertionSort(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ last: Int) {
        if last - first > threshold {
            insertionSort(p, first, first + threshold)
            for i in (first + threshold)..<last { unguardedLinearInsert(p, i) }
        } else {
            insertionSort(p, first, last)
        }
    }

    private static func pushHeap(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ hole: Int, _ top: Int,
                                 _ value: Element) {
        var hole = hole
        var parent = (hole - 1) / 2
        while hole > top && less(p[first + parent], value) {
            p[first + hole] = p[first + parent]
            hole = parent
            parent = (hole - 1) / 2
        }
        p[first + hole] = value
    }

    private static func adjustHeap(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ hole: Int, _ length: Int,
                                   _ value: Element) {
        let top = hole
        var hole = hole
        var child = hole
        while child < (length - 1) / 2 {
            child = 2 * (child + 1)
            if less(p[first + child], p[first + child - 1]) { child -= 1 }
            p[first + hole] = p[first + child]
            hole = child
        }
        if length & 1 == 0 && child == (length - 2) / 2 {
            child = 2 * (child + 1)
            p[first + hole] = p[first + child - 1]
            hole = child - 1
        }
        pushHeap(p, first, hole, top, value)
    }

    private static func makeHeap(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ last: Int) {
        let length = last - first
        guard length >= 2 else { return }
        var parent = (length - 2) / 2
        while true {
            adjustHeap(p, first, parent, length, p[first + parent])
            if parent == 0 { return }
            parent -= 1
        }
    }

    private static func popHeap(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ last: Int, _ result: Int) {
        let value = p[result]
        p[result] = p[first]
        adjustHeap(p, first, 0, last - first, value)
    }

    private static func heapSelect(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ middle: Int, _ last: Int) {
        makeHeap(p, first, middle)
        var i = middle
        while i < last {
            if less(p[i], p[first]) { popHeap(p, first, middle, i) }
            i += 1
        }
    }

    private static func sortHeap(_ p: UnsafeMutablePointer<Element>, _ first: Int, _ last: Int) {
        var last = last
        while last - first > 1 {
            last -= 1
            popHeap(p, first, last, last)
        }
    }
}

/// How the sorting algorithms compare (value, position) pairs.
protocol PairOrder {
    associatedtype Key
    static func less(_ a: Keyed<Key>, _ b: Keyed<Key>) -> Bool
}

/// Pairs compared by value alone, as PyTorch's kernels compare them.
enum ByValue<Base: SortOrder>: PairOrder {
    @inline(__always)
    static func less(_ a: Keyed<Base.Key>, _ b: Keyed<Base.Key>) -> Bool { Base.less(a.key, b.key) }
}

/// Pairs compared by value, then by original position: any correct sort then orders ties as `std::stable_sort` does.
enum ByValueThenPosition<Base: SortOrder>: PairOrder {
    @inline(__always)
    static func less(_ a: Keyed<Base.Key>, _ b: Keyed<Base.Key>) -> Bool {
        Base.less(a.key, b.key) || (!Base.less(b.key, a.key) && a.index < b.index)
    }
}
