extension Tensor {
    /// A parameter sharing `data`'s storage, a leaf that requires grad unless told otherwise (`nn.Parameter`).
    public static func parameter(_ data: Tensor, requiresGrad: Bool = true) throws(TensorError) -> Tensor {
        let parameter = Tensor(storage: data.storage, shape: data.shape, strides: data.strides, offset: data.offset,
                               dtype: data.dtype)
        parameter.isParameter = true
        try parameter.requiresGrad_(requiresGrad)
        return parameter
    }
}
