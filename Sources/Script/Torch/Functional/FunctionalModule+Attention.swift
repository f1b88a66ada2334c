import Tensor

extension FunctionalModule {
    /// `scaled_dot_product_attention` and `multi_head_attention_forward`.
    static func defineAttention(_ table: inout FunctionTable) {
        table.define("scaled_dot_product_attention", ["query", "key", "value", "attn_mask", "dropout_p", "is_causal",
                                                      "scale", "enable_gqa"], required: 3) { arguments in
            .tensor(try Functional.scaledDotProductAttention(
                try arguments.tensor("query"), try arguments.tensor("key"), try arguments.tensor("value"),
                attnMask: try arguments.optionalTensor("attn_mask"),
                dropoutP: try arguments.double("dropout_p", default: 0),
                isCausal: try arguments.bool("is_causal", default: false),
                scale: try arguments.optionalDouble("scale"),
                enableGQA: try arguments.bool("enable_gqa", default: false)))
        }
        let parameters = ["query", "key", "value", "embed_dim_to_check", "num_heads", "in_proj_weight",
                          "in_proj_bias", "bias_k", "bias_v", "add_zero_attn", "dropout_p", "out_proj_weight",
                          "out_proj_bias", "training", "key_padding_mask", "need_weights", "attn_mask",
                          "use_separate_proj_weight", "q_proj_weight", "k_proj_weight", "v_proj_weight", "static_k",
                          "static_v", "average_attn_weights", "is_causal"]
        table.define("multi_head_attention_forward", parameters, required: 13) { arguments in
            let staticKeyValue = Functional.StaticKeyValue(key: try arguments.optionalTensor("static_k"),
                                                           value: try arguments.optionalTensor("static_v"))
            let result = try Functional.multiHeadAttentionForward(
                query: try arguments.tensor("query"), key: try arguments.tensor("key"),
                value: try arguments.tensor("value"),
                embedDimToCheck: try arguments.int("embed_dim_to_check", default: 0),
                numHeads: try arguments.int("num_heads", default: 1),
                inProjWeight: try arguments.optionalTensor("in_proj_weight"),
                inProjBias: try arguments.optionalTensor("in_proj_bias"),
                biasK: try arguments.optionalTensor("bias_k"), biasV: try arguments.optionalTensor("bias_v"),
                addZeroAttn: try arguments.bool("add_zero_attn", default: false),
                dropoutP: try arguments.double("dropout_p", default: 0),
                outProjWeight: try arguments.tensor("out_proj_weight"),
                outProjBias: try arguments.optionalTensor("out_proj_bias"),
                training: try arguments.bool("training", default: true),
                keyPaddingMask: try arguments.optionalTensor("key_padding_mask"),
                needWeights: try arguments.bool("need_weights", default: true),
                attnMask: try arguments.optionalTensor("attn_mask"),
                useSeparateProjWeight: try arguments.bool("use_separate_proj_weight", default: false),
                qProjWeight: try arguments.optionalTensor("q_proj_weight"),
                kProjWeight: try arguments.optionalTensor("k_proj_weight"),
                vProjWeight: try arguments.optionalTensor("v_proj_weight"),
                staticKeyValue: staticKeyValue,
                averageAttnWeights: try arguments.bool("average_attn_weights", default: true),
                isCausal: try arguments.bool("is_causal", default: false))
            return .tuple([.tensor(result.output), result.weights.map { .tensor($0) } ?? .none])
        }
    }
}
