extension Tensor {
    /// The positions of the non-zero (true, NaN included) elements, one row per element in row-major order: int64 of
    /// shape `[n, rank]` (`Tensor.nonzero`).
    public func nonzero() throws(TensorError) -> Tensor {
        let (count, coordinates) = nonzeroCoordinates()
        let out = try Tensor(uninitializedShape: [count, rank], dtype: .int64)
        let dst = out.pointer(as: Int64.self)
        for (i, coordinate) in coordinates.enumerated() { dst[i] = Int64(coordinate) }
        return out
    }

    /// `nonzero(as_tuple=True)`: one int64 vector of positions per dimension; a zero-dimensional tensor answers as
    /// if it were one-dimensional.
    public func nonzeroAsTuple() throws(TensorError) -> [Tensor] {
        let (count, coordinates) = nonzeroCoordinates()
        guard rank > 0 else {
            let out = try Tensor(zerosShape: [count], dtype: .int64)
            return [out]
        }
        var result: [Tensor] = []
        for dim in 0..<rank {
            let out = try Tensor(uninitializedShape: [count], dtype: .int64)
            let dst = out.pointer(as: Int64.self)
            for i in 0..<count { dst[i] = Int64(coordinates[i * rank + dim]) }
            result.append(out)
        }
        return result
    }

    /// The number of non-zero elements and their coordinates, flattened row after row (`count * rank` entries).
    func nonzeroCoordinates() -> (count: Int, coordinates: [Int]) {
        switch dtype {
        case .float32: return nonzeroCoordinates { (x: Float) in x != 0 }
        case .float64: return nonzeroCoordinates { (x: Double) in x != 0 }
        case .int64: return nonzeroCoordinates { (x: Int64) in x != 0 }
        case .bool: return nonzeroCoordinates { (x: Bool) in x }
        }
    }

    @inline(__always)
    private func nonzeroCoordinates<T: TensorElement>(_ isNonZero: (T) -> Bool) -> (count: Int, coordinates: [Int]) {
        var coordinates: [Int] = []
        var count = 0
        var index = [Int](repeating: 0, count: rank)
        let shape = self.shape
        Elementwise.forEach(self) { (x: T) in
            if isNonZero(x) {
                coordinates.append(contentsOf: index)
                count += 1
            }
            var dim = shape.count - 1
            while dim >= 0 {
                index[dim] += 1
                if index[dim] < shape[dim] { break }
                index[dim] = 0
                dim -= 1
            }
        }
        return (count, coordinates)
    }
}
