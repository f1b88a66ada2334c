import Tensor

extension NativeModules {
    /// `nn.MultiheadAttention` and the `NonDynamicallyQuantizableLinear` it projects its output with.
    static let attention: [NativeModuleClass] = [nonDynamicallyQuantizableLinear, multiheadAttention]

    /// A `Linear` under the name PyTorch gives MultiheadAttention's `out_proj`.
    private static var nonDynamicallyQuantizableLinear: NativeModuleClass {
        var spec = NativeModuleClass(
            "NonDynamicallyQuantizableLinear", home: "torch.nn.modules.linear", [],
            parameters: ["in_features", "out_features", "bias", "device", "dtype"], required: 2
        ) { _, values in
            try Linear(try int(values[0], "Linear(): argument 'in_features'"),
                       try int(values[1], "Linear(): argument 'out_features'"),
                       bias: try Convert.bool(values[2], "bias", default: true),
                       dtype: try Convert.dtype(values[4]) ?? .defaultFloat,
                       printedName: "NonDynamicallyQuantizableLinear")
        }
        spec.base = "Linear"
        return spec
    }

    private static var multiheadAttention: NativeModuleClass {
        var spec = NativeModuleClass(
            "MultiheadAttention", home: "torch.nn.modules.activation", [MultiheadAttention.self],
            parameters: ["embed_dim", "num_heads", "dropout", "bias", "add_bias_kv", "add_zero_attn", "kdim", "vdim",
                         "batch_first", "device", "dtype"], required: 2
        ) { _, values in
            try MultiheadAttention(
                try int(values[0], "MultiheadAttention(): argument 'embed_dim'"),
                try int(values[1], "MultiheadAttention(): argument 'num_heads'"),
                dropout: try double(values[2], default: 0), bias: try Convert.bool(values[3], "bias", default: true),
                addBiasKV: try Convert.bool(values[4], "add_bias_kv", default: false),
                addZeroAttn: try Convert.bool(values[5], "add_zero_attn", default: false),
                kdim: try Convert.optionalInt(values[6], "kdim"), vdim: try Convert.optionalInt(values[7], "vdim"),
                batchFirst: try Convert.bool(values[8], "batch_first", default: false),
                dtype: try Convert.dtype(values[10]) ?? .defaultFloat)
        } forward: { _, _, module, arguments in
            let (tensors, rest) = try forwardArguments(
                "MultiheadAttention", arguments,
                ["query", "key", "value", "key_padding_mask", "need_weights", "attn_mask", "average_attn_weights",
                 "is_causal"], required: 3)
            let (output, weights) = try typed(module, MultiheadAttention.self).forward(
                tensors[0], tensors[1], tensors[2], keyPaddingMask: try optionalTensor(rest[0], "key_padding_mask"),
                needWeights: try Convert.bool(rest[1], "need_weights", default: true),
                attnMask: try optionalTensor(rest[2], "attn_mask"),
                averageAttnWeights: try Convert.bool(rest[3], "average_attn_weights", default: true),
                isCausal: try Convert.bool(rest[4], "is_causal", default: false))
            return .tuple([.tensor(output), optional(weights)])
        }
        spec.attribute = { _, module, name in
            guard let attention = module as? MultiheadAttention else { return nil }
            switch name {
            case "embed_dim": return .int(attention.embedDim)
            case "kdim": return .int(attention.kdim)
            case "vdim": return .int(attention.vdim)
            case "_qkv_same_embed_dim": return .bool(attention.qkvSameEmbedDim)
            case "num_heads": return .int(attention.numHeads)
            case "dropout": return .float(attention.dropout)
            case "batch_first": return .bool(attention.batchFirst)
            case "head_dim": return .int(attention.headDim)
            case "add_zero_attn": return .bool(attention.addZeroAttn)
            // Without `add_bias_kv` PyTorch keeps them as plain `None` attributes.
            case "bias_k", "bias_v": return Value.none
            default: return nil
            }
        }
        spec.methods["_reset_parameters"] = { _, _, module, _ in
            try typed(module, MultiheadAttention.self).resetParameters()
            return .none
        }
        return spec
    }
}
