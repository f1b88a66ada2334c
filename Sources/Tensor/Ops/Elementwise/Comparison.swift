/// The elementwise comparisons, computed in the operands' promoted dtype, giving bool tensors.
enum Comparison {
    case eq, ne, lt, le, gt, ge

    @inline(__always)
    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .eq: return a == b
        case .ne: return a != b
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        }
    }

    func apply(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let computeType = ResultType.of(a, b)
        let (x, y) = (try a.converted(to: computeType), try b.converted(to: computeType))
        let out = try Tensor(uninitializedShape: try Shape.broadcast(a.shape, b.shape), dtype: .bool)
        switch computeType {
        case .float32: Elementwise.map(x, y, into: out) { (p: Float, q: Float) in holds(p, q) }
        case .float64: Elementwise.map(x, y, into: out) { (p: Double, q: Double) in holds(p, q) }
        case .int64: Elementwise.map(x, y, into: out) { (p: Int64, q: Int64) in holds(p, q) }
        case .bool: Elementwise.map(x, y, into: out) { (p: Bool, q: Bool) in holds(p ? 1 : 0, q ? 1 : 0) }
        }
        return out
    }
}

/// The elementwise logical and bitwise connectives.
enum Connective {
    case and, or, xor

    @inline(__always)
    func combine(_ a: Bool, _ b: Bool) -> Bool {
        switch self {
        case .and: return a && b
        case .or: return a || b
        case .xor: return a != b
        }
    }

    @inline(__always)
    func combine(_ a: Int64, _ b: Int64) -> Int64 {
        switch self {
        case .and: return a & b
        case .or: return a | b
        case .xor: return a ^ b
        }
    }

    /// `logical_and` and friends: any dtype, compared with zero, giving bools.
    func logical(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let (x, y) = (try a.converted(to: .bool), try b.converted(to: .bool))
        let out = try Tensor(uninitializedShape: try Shape.broadcast(a.shape, b.shape), dtype: .bool)
        Elementwise.map(x, y, into: out) { (p: Bool, q: Bool) in combine(p, q) }
        return out
    }

    /// `&`, `|`, `^`: bools stay bools, integers combine bit by bit, floats are refused.
    func bitwise(_ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape)
        let computeType = ResultType.of(a, b)
        let name = "bitwise_\(self)_cpu"
        if computeType.isFloatingPoint { throw .notImplemented(op: name, dtype: computeType) }
        let (x, y) = (try a.converted(to: computeType), try b.converted(to: computeType))
        let out = try Tensor(uninitializedShape: shape, dtype: computeType)
        if computeType == .bool {
            Elementwise.map(x, y, into: out) { (p: Bool, q: Bool) in combine(p, q) }
        } else {
            Elementwise.map(x, y, into: out) { (p: Int64, q: Int64) in combine(p, q) }
        }
        return out
    }
}

extension Tensor {
    /// Elementwise `==`.
    public func eq(_ other: Tensor) throws(TensorError) -> Tensor { try Comparison.eq.apply(self, other) }
    /// Elementwise `!=`.
    public func ne(_ other: Tensor) throws(TensorError) -> Tensor { try Comparison.ne.apply(self, other) }
    /// Elementwise `<`.
    public func lt(_ other: Tensor) throws(TensorError) -> Tensor { try Comparison.lt.apply(self, other) }
    /// Elementwise `<=`.
    public func le(_ other: Tensor) throws(TensorError) -> Tensor { try Comparison.le.apply(self, other) }
    /// Elementwise `>`.
    public func gt(_ other: Tensor) throws(TensorError) -> Tensor { try Comparison.gt.apply(self, other) }
    /// Elementwise `>=`.
    public func ge(_ other: Tensor) throws(TensorError) -> Tensor { try Comparison.ge.apply(self, other) }

    /// Elementwise logical and, treating non-zero as true.
    public func logicalAnd(_ other: Tensor) throws(TensorError) -> Tensor { try Connective.and.logical(self, other) }
    /// Elementwise logical or.
    public func logicalOr(_ other: Tensor) throws(TensorError) -> Tensor { try Connective.or.logical(self, other) }
    /// Elementwise logical exclusive or.
    public func logicalXor(_ other: Tensor) throws(TensorError) -> Tensor { try Connective.xor.logical(self, other) }

    /// Elementwise logical not: true where the element is zero.
    public func logicalNot() throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: shape, dtype: .bool)
        Elementwise.map(try converted(to: .bool), into: out) { (x: Bool) in !x }
        return out
    }

    /// `&`: logical for bools, bitwise for integers.
    public func bitwiseAnd(_ other: Tensor) throws(TensorError) -> Tensor { try Connective.and.bitwise(self, other) }
    /// `|`: logical for bools, bitwise for integers.
    public func bitwiseOr(_ other: Tensor) throws(TensorError) -> Tensor { try Connective.or.bitwise(self, other) }
    /// `^`: logical for bools, bitwise for integers.
    public func bitwiseXor(_ other: Tensor) throws(TensorError) -> Tensor { try Connective.xor.bitwise(self, other) }

    /// `~`: logical not for bools, bitwise not for integers.
    public func bitwiseNot() throws(TensorError) -> Tensor {
        switch dtype {
        case .bool: return try logicalNot()
        case .int64:
            let out = try Tensor(uninitializedShape: shape, dtype: .int64)
            Elementwise.map(self, into: out) { (x: Int64) in ~x }
            return out
        case .float32, .float64:
            throw .notImplemented(op: "bitwise_not_cpu", dtype: dtype)
        }
    }

    /// Where each element is NaN.
    public func isnan() throws(TensorError) -> Tensor {
        try classify { $0.isNaN } double: { $0.isNaN }
    }

    /// Where each element is positive or negative infinity.
    public func isinf() throws(TensorError) -> Tensor {
        try classify { $0.isInfinite } double: { $0.isInfinite }
    }

    /// Where each element is neither infinite nor NaN.
    public func isfinite() throws(TensorError) -> Tensor {
        try classify { $0.isFinite } double: { $0.isFinite }
    }

    @inline(__always)
    private func classify(float: (Float) -> Bool, double: (Double) -> Bool) throws(TensorError) -> Tensor {
        let out = try Tensor(uninitializedShape: shape, dtype: .bool)
        switch dtype {
        case .float32: Elementwise.map(self, into: out) { (x: Float) in float(x) }
        case .float64: Elementwise.map(self, into: out) { (x: Double) in double(x) }
        case .int64, .bool:
            // Integers are always finite and never NaN.
            let finite = float(1)
            out.fillUnchecked(.bool(finite))
        }
        return out
    }
}
