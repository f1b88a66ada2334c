extension Tensor {
    /// The elements where `mask` is true, `self` and `mask` broadcast together, as a vector in row-major order
    /// (`Tensor.masked_select`).
    public func maskedSelect(_ mask: Tensor) throws(TensorError) -> Tensor {
        guard mask.dtype == .bool else {
            throw .invalidArgument(op: "masked_select", detail: "masked_select: expected BoolTensor for mask")
        }
        let shape = try Shape.broadcast(mask.shape, self.shape)
        // PyTorch materialises the broadcast operands first, so a broadcast too large to hold fails at once (with
        // its strided wording) instead of after counting every element.
        _ = try Shape.checkedCount(shape, itemSize: dtype.itemSize, naming: .stridedEmpty)
        _ = try Tensor(uninitializedShape: shape, dtype: dtype)
        let loop = StridedLoop(shape: shape, strides: [mask.strides(broadcastTo: shape), strides(broadcastTo: shape)])
        let selected = Tensor.countTrue(mask, loop)
        let out = try Tensor(uninitializedShape: [selected], dtype: dtype)
        switch dtype {
        case .float32: Tensor.maskedSelectKernel(self, mask, loop, out, Float.self)
        case .float64: Tensor.maskedSelectKernel(self, mask, loop, out, Double.self)
        case .int64: Tensor.maskedSelectKernel(self, mask, loop, out, Int64.self)
        case .bool: Tensor.maskedSelectKernel(self, mask, loop, out, Bool.self)
        }
        let inputShape = self.shape
        out.recordGradient("MaskedSelectBackward0", inputs: [self], saving: [mask]) { grad, saved throws(TensorError) in
            // Flattened, so that a zero-dimensional mask still has a dimension to index.
            let mask = try saved[0].expand(shape).reshape([-1])
            let full = try Tensor.zeros([mask.count], dtype: grad.dtype).indexPut_(tensors: [mask], values: grad)
            return [try full.reshape(shape).sumToShape(inputShape)]
        }
        return out
    }

    private static func countTrue(_ mask: Tensor, _ loop: StridedLoop) -> Int {
        let flags = mask.pointer(as: Bool.self)
        let (stride, length) = (loop.rowStride(0), loop.rowLength)
        var count = 0
        loop.forEachRow { offsets in
            var p = flags + offsets[0]
            for _ in 0..<length {
                if p.pointee { count += 1 }
                p += stride
            }
        }
        return count
    }

    private static func maskedSelectKernel<T: TensorElement>(
        _ source: Tensor, _ mask: Tensor, _ loop: StridedLoop, _ out: Tensor, _ type: T.Type
    ) {
        let flags = mask.pointer(as: Bool.self)
        let src = source.pointer(as: T.self)
        var dst = out.pointer(as: T.self)
        let (strideM, strideS, length) = (loop.rowStride(0), loop.rowStride(1), loop.rowLength)
        loop.forEachRow { offsets in
            var m = flags + offsets[0]
            var s = src + offsets[1]
            for _ in 0..<length {
                if m.pointee {
                    dst.pointee = s.pointee
                    dst += 1
                }
                m += strideM
                s += strideS
            }
        }
    }
}
