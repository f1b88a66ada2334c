import Tensor

extension NativeModules {
    /// Linear layers, activations and `Identity`.
    static let basicLayers: [NativeModuleClass] = {
        var linear = NativeModuleClass(
            "Linear", home: "torch.nn.modules.linear", [Linear.self],
            parameters: ["in_features", "out_features", "bias", "device", "dtype"], required: 2
        ) { _, values in
            try Linear(try int(values[0], "Linear(): argument 'in_features'"),
                       try int(values[1], "Linear(): argument 'out_features'"),
                       bias: try Convert.bool(values[2], "bias", default: true),
                       dtype: try Convert.dtype(values[4]) ?? .defaultFloat)
        }
        linear.attribute = { _, module, name in
            guard let linear = module as? Linear else { return nil }
            switch name {
            case "in_features": return .int(linear.inFeatures)
            case "out_features": return .int(linear.outFeatures)
            default: return nil
            }
        }
        linear.methods["reset_parameters"] = { _, _, module, _ in
            try (module as? Linear)?.resetParameters()
            return .none
        }
        let identity = NativeModuleClass(
            "Identity", home: "torch.nn.modules.linear", [Identity.self], parameters: ["args", "kwargs"]
        ) { _, _ in Identity() }
        var relu = NativeModuleClass("ReLU", home: "torch.nn.modules.activation", [ReLU.self],
                                     parameters: ["inplace"]) { _, values in
            ReLU(inplace: try Convert.bool(values[0], "inplace", default: false))
        }
        relu.attribute = { _, module, name in name == "inplace" ? (module as? ReLU).map { .bool($0.inplace) } : nil }
        let tanh = NativeModuleClass("Tanh", home: "torch.nn.modules.activation", [Tanh.self], parameters: []) { _, _ in
            Tanh()
        }
        let sigmoid = NativeModuleClass("Sigmoid", home: "torch.nn.modules.activation", [Sigmoid.self],
                                        parameters: []) { _, _ in Sigmoid() }
        return [linear, identity, relu, tanh, sigmoid]
    }()
}
