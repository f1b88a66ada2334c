import Tensor

extension NativeModules {
    /// The Transformer layers and stacks, with their forward signatures and masks.
    static let transformer: [NativeModuleClass] = [encoderLayer, decoderLayer, encoder, decoder, transformerModel]

    private static let home = "torch.nn.modules.transformer"
    /// The layer constructors' parameters after `d_model` and `nhead`.
    private static let layerParameters = ["dim_feedforward", "dropout", "activation", "layer_norm_eps",
                                          "batch_first", "norm_first", "bias", "device", "dtype"]
    /// The forward parameters of the decoder layer and the decoder stack.
    private static let decoderForwardParameters = ["tgt", "memory", "tgt_mask", "memory_mask", "tgt_key_padding_mask",
                                                   "memory_key_padding_mask", "tgt_is_causal", "memory_is_causal"]

    /// A layer's `activation` argument: `"relu"`/`"gelu"`, `F.relu`/`F.gelu`, a module, or any callable.
    private static func activation(_ value: Value?, _ interpreter: Interpreter) throws -> TransformerActivation {
        switch value {
        case nil, .none?: return .relu
        case .str(let name)?: return try TransformerActivation(name)
        case .builtin(let function)? where function.name == "relu" || function.name == "gelu":
            return function.name == "relu" ? .relu : .gelu
        case let value?:
            if let module = ModuleBridge.module(of: value) { return .module(module) }
            // NOTE: the engine layer keeps the callable; the interpreter outlives every module a script builds.
            return .function { [unowned interpreter] x in
                let result = try interpreter.call(value, Arguments([.tensor(x)]))
                return try Convert.tensor(result, "activation result")
            }
        }
    }

    /// Whether an `activation` argument is a callable the engine can only hold as a closure.
    private static func isScriptActivation(_ value: Value) -> Bool {
        switch value {
        case .function: return true
        case .builtin(let function): return function.name != "relu" && function.name != "gelu"
        default: return false
        }
    }

    /// An optional mask argument.
    private static func mask(_ value: Value?, _ name: String) throws -> Tensor? { try optionalTensor(value, name) }

    /// An `is_causal` argument that may be `None` (detect from the mask).
    private static func causal(_ value: Value?, _ name: String) throws -> Bool? {
        try optionalBool(value, name)
    }

    /// The settings both layer kinds take after `d_model` and `nhead`, in `layerParameters` order.
    private struct LayerSettings {
        let dimFeedforward: Int, dropout: Double, activation: TransformerActivation, eps: Double
        let batchFirst: Bool, normFirst: Bool, bias: Bool, dtype: DType

        init(_ values: [Value?], _ interpreter: Interpreter) throws {
            dimFeedforward = try int(values[2] ?? .int(2048), "dim_feedforward")
            dropout = try double(values[3], default: 0.1)
            activation = try NativeModules.activation(values[4], interpreter)
            eps = try double(values[5], default: 1e-5)
            batchFirst = try Convert.bool(values[6], "batch_first", default: false)
            normFirst = try Convert.bool(values[7], "norm_first", default: false)
            bias = try Convert.bool(values[8], "bias", default: true)
            dtype = try Convert.dtype(values[10]) ?? .defaultFloat
        }
    }

    private static var encoderLayer: NativeModuleClass {
        var spec = NativeModuleClass(
            "TransformerEncoderLayer", home: home, [TransformerEncoderLayer.self],
            parameters: ["d_model", "nhead"] + layerParameters, required: 2
        ) { interpreter, values in
            let settings = try LayerSettings(values, interpreter)
            return try TransformerEncoderLayer(
                dModel: try int(values[0], "TransformerEncoderLayer(): argument 'd_model'"),
                nhead: try int(values[1], "TransformerEncoderLayer(): argument 'nhead'"),
                dimFeedforward: settings.dimFeedforward, dropout: settings.dropout, activation: settings.activation,
                layerNormEps: settings.eps, batchFirst: settings.batchFirst, normFirst: settings.normFirst,
                bias: settings.bias, dtype: settings.dtype)
        } forward: { _, _, module, arguments in
            let (tensors, rest) = try forwardArguments(
                "TransformerEncoderLayer", arguments, ["src", "src_mask", "src_key_padding_mask", "is_causal"],
                required: 1)
            return .tensor(try typed(module, TransformerEncoderLayer.self).forward(
                tensors[0], srcMask: try mask(rest[0], "src_mask"),
                srcKeyPaddingMask: try mask(rest[1], "src_key_padding_mask"),
                isCausal: try Convert.bool(rest[2], "is_causal", default: false)))
        }
        spec.plainAttributes = [(4, "activation", isScriptActivation)]
        spec.attribute = { interpreter, module, name in
            guard let layer = module as? TransformerEncoderLayer else { return nil }
            return try layerAttribute(name, normFirst: layer.normFirst, activation: layer.activation, interpreter)
        }
        return spec
    }

    private static var decoderLayer: NativeModuleClass {
        var spec = NativeModuleClass(
            "TransformerDecoderLayer", home: home, [TransformerDecoderLayer.self],
            parameters: ["d_model", "nhead"] + layerParameters, required: 2
        ) { interpreter, values in
            let settings = try LayerSettings(values, interpreter)
            return try TransformerDecoderLayer(
                dModel: try int(values[0], "TransformerDecoderLayer(): argument 'd_model'"),
                nhead: try int(values[1], "TransformerDecoderLayer(): argument 'nhead'"),
                dimFeedforward: settings.dimFeedforward, dropout: settings.dropout, activation: settings.activation,
                layerNormEps: settings.eps, batchFirst: settings.batchFirst, normFirst: settings.normFirst,
                bias: settings.bias, dtype: settings.dtype)
        } forward: { _, _, module, arguments in
            let (tensors, rest) = try forwardArguments(
                "TransformerDecoderLayer", arguments, decoderForwardParameters, required: 2)
            return .tensor(try typed(module, TransformerDecoderLayer.self).forward(
                tensors[0], memory: tensors[1], tgtMask: try mask(rest[0], "tgt_mask"),
                memoryMask: try mask(rest[1], "memory_mask"),
                tgtKeyPaddingMask: try mask(rest[2], "tgt_key_padding_mask"),
                memoryKeyPaddingMask: try mask(rest[3], "memory_key_padding_mask"),
                tgtIsCausal: try Convert.bool(rest[4], "tgt_is_causal", default: false),
                memoryIsCausal: try Convert.bool(rest[5], "memory_is_causal", default: false)))
        }
        spec.plainAttributes = [(4, "activation", isScriptActivation)]
        spec.attribute = { interpreter, module, name in
            guard let layer = module as? TransformerDecoderLayer else { return nil }
            return try layerAttribute(name, normFirst: layer.normFirst, activation: layer.activation, interpreter)
        }
        return spec
    }

    /// The settings both layers keep: `norm_first`, `activation_relu_or_gelu` (1 for ReLU, 2 for GELU), and
    /// `activation` when it is `F.relu` or `F.gelu` (a module activation is a registered child; a script callable
    /// stays in the instance's dict).
    private static func layerAttribute(
        _ name: String, normFirst: Bool, activation: TransformerActivation, _ interpreter: Interpreter
    ) throws -> Value? {
        switch name {
        case "norm_first": return .bool(normFirst)
        case "activation":
            let function: String
            switch activation {
            case .relu: function = "relu"
            case .gelu: function = "gelu"
            case .module, .function: return nil
            }
            return try interpreter.getAttribute(.module(try interpreter.importModule("torch.nn.functional")), function)
        case "activation_relu_or_gelu":
            switch activation {
            case .relu: return .int(1)
            case .gelu: return .int(2)
            case .module(let module): return .int(module.typeName == "ReLU" ? 1 : module.typeName == "GELU" ? 2 : 0)
            case .function: return .int(0)
            }
        default: return nil
        }
    }

    private static var encoder: NativeModuleClass {
        var spec = NativeModuleClass(
            "TransformerEncoder", home: home, [TransformerEncoder.self],
            parameters: ["encoder_layer", "num_layers", "norm", "enable_nested_tensor", "mask_check"], required: 2
        ) { _, values in
            try TransformerEncoder(
                try requiredModule(values[0] ?? .none), numLayers: try int(values[1], "num_layers"),
                norm: try optionalModule(values[2] ?? .none),
                enableNestedTensor: try Convert.bool(values[3], "enable_nested_tensor", default: true),
                maskCheck: try Convert.bool(values[4], "mask_check", default: true))
        } forward: { _, _, module, arguments in
            let (tensors, rest) = try forwardArguments(
                "TransformerEncoder", arguments, ["src", "mask", "src_key_padding_mask", "is_causal"], required: 1)
            return .tensor(try typed(module, TransformerEncoder.self).forward(
                tensors[0], mask: try mask(rest[0], "mask"),
                srcKeyPaddingMask: try mask(rest[1], "src_key_padding_mask"),
                isCausal: try causal(rest[2], "is_causal")))
        }
        spec.attribute = { _, module, name in
            guard let encoder = module as? TransformerEncoder else { return nil }
            switch name {
            case "num_layers": return .int(encoder.numLayers)
            case "enable_nested_tensor": return .bool(encoder.enableNestedTensor)
            case "use_nested_tensor": return .bool(encoder.useNestedTensor)
            case "mask_check": return .bool(encoder.maskCheck)
            // PyTorch stores a missing norm as a `None` attribute.
            case "norm": return Value.none
            default: return nil
            }
        }
        return spec
    }

    private static var decoder: NativeModuleClass {
        var spec = NativeModuleClass(
            "TransformerDecoder", home: home, [TransformerDecoder.self],
            parameters: ["decoder_layer", "num_layers", "norm"], required: 2
        ) { _, values in
            try TransformerDecoder(try requiredModule(values[0] ?? .none), numLayers: try int(values[1], "num_layers"),
                                   norm: try optionalModule(values[2] ?? .none))
        } forward: { _, _, module, arguments in
            let (tensors, rest) = try forwardArguments(
                "TransformerDecoder", arguments, decoderForwardParameters, required: 2)
            return .tensor(try typed(module, TransformerDecoder.self).forward(
                tensors[0], memory: tensors[1], tgtMask: try mask(rest[0], "tgt_mask"),
                memoryMask: try mask(rest[1], "memory_mask"),
                tgtKeyPaddingMask: try mask(rest[2], "tgt_key_padding_mask"),
                memoryKeyPaddingMask: try mask(rest[3], "memory_key_padding_mask"),
                tgtIsCausal: try causal(rest[4], "tgt_is_causal"),
                memoryIsCausal: try Convert.bool(rest[5], "memory_is_causal", default: false)))
        }
        spec.attribute = { _, module, name in
            guard let decoder = module as? TransformerDecoder else { return nil }
            switch name {
            case "num_layers": return .int(decoder.numLayers)
            case "norm": return Value.none
            default: return nil
            }
        }
        return spec
    }

    private static var transformerModel: NativeModuleClass {
        var spec = NativeModuleClass(
            "Transformer", home: home, [Transformer.self],
            parameters: ["d_model", "nhead", "num_encoder_layers", "num_decoder_layers", "dim_feedforward", "dropout",
                         "activation", "custom_encoder", "custom_decoder", "layer_norm_eps", "batch_first",
                         "norm_first", "bias", "device", "dtype"]
        ) { interpreter, values in
            try Transformer(
                dModel: try int(values[0] ?? .int(512), "d_model"), nhead: try int(values[1] ?? .int(8), "nhead"),
                numEncoderLayers: try int(values[2] ?? .int(6), "num_encoder_layers"),
                numDecoderLayers: try int(values[3] ?? .int(6), "num_decoder_layers"),
                dimFeedforward: try int(values[4] ?? .int(2048), "dim_feedforward"),
                dropout: try double(values[5], default: 0.1), activation: try activation(values[6], interpreter),
                customEncoder: try optionalModule(values[7] ?? .none),
                customDecoder: try optionalModule(values[8] ?? .none),
                layerNormEps: try double(values[9], default: 1e-5),
                batchFirst: try Convert.bool(values[10], "batch_first", default: false),
                normFirst: try Convert.bool(values[11], "norm_first", default: false),
                bias: try Convert.bool(values[12], "bias", default: true),
                dtype: try Convert.dtype(values[14]) ?? .defaultFloat)
        } forward: { _, _, module, arguments in
            let (tensors, rest) = try forwardArguments(
                "Transformer", arguments,
                ["src", "tgt", "src_mask", "tgt_mask", "memory_mask", "src_key_padding_mask", "tgt_key_padding_mask",
                 "memory_key_padding_mask", "src_is_causal", "tgt_is_causal", "memory_is_causal"], required: 2)
            return .tensor(try typed(module, Transformer.self).forward(
                tensors[0], tensors[1], srcMask: try mask(rest[0], "src_mask"), tgtMask: try mask(rest[1], "tgt_mask"),
                memoryMask: try mask(rest[2], "memory_mask"),
                srcKeyPaddingMask: try mask(rest[3], "src_key_padding_mask"),
                tgtKeyPaddingMask: try mask(rest[4], "tgt_key_padding_mask"),
                memoryKeyPaddingMask: try mask(rest[5], "memory_key_padding_mask"),
                srcIsCausal: try causal(rest[6], "src_is_causal"), tgtIsCausal: try causal(rest[7], "tgt_is_causal"),
                memoryIsCausal: try Convert.bool(rest[8], "memory_is_causal", default: false)))
        }
        spec.attribute = { _, module, name in
            guard let transformer = module as? Transformer else { return nil }
            switch name {
            case "d_model": return .int(transformer.dModel)
            case "nhead": return .int(transformer.nhead)
            case "batch_first": return .bool(transformer.batchFirst)
            default: return nil
            }
        }
        spec.staticMethods["generate_square_subsequent_mask"] = { _, _, arguments in
            let values = try ArgumentParser("generate_square_subsequent_mask", ["sz", "device", "dtype"], required: 1)
                .parse(arguments)
            // PyTorch makes the mask float32 unless told otherwise, whatever the default dtype.
            return .tensor(try Transformer.generateSquareSubsequentMask(
                try int(values[0], "generate_square_subsequent_mask(): argument 'sz'"),
                dtype: try Convert.dtype(values[2]) ?? .float32))
        }
        return spec
    }
}
