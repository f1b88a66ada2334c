import Tensor

extension NativeModules {
    /// The loss modules: each called with `(input, target)` and reducing by its `reduction`.
    static let losses: [NativeModuleClass] = [
        loss("MSELoss", [MSELoss.self], ["size_average", "reduce", "reduction"]) { values in
            let (sizeAverage, reduce, reduction) = try legacyReduction(values, at: (0, 1, 2))
            return MSELoss(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
        },
        loss("L1Loss", [L1Loss.self], ["size_average", "reduce", "reduction"]) { values in
            let (sizeAverage, reduce, reduction) = try legacyReduction(values, at: (0, 1, 2))
            return L1Loss(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
        },
        loss("SmoothL1Loss", [SmoothL1Loss.self], ["size_average", "reduce", "reduction", "beta"]) { values in
            let (sizeAverage, reduce, reduction) = try legacyReduction(values, at: (0, 1, 2))
            return SmoothL1Loss(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction,
                                beta: try double(values[3], default: 1))
        },
        loss("HuberLoss", [HuberLoss.self], ["reduction", "delta"]) { values in
            HuberLoss(reduction: try string(values[0], "reduction", default: "mean"),
                      delta: try double(values[1], default: 1))
        },
        loss("KLDivLoss", [KLDivLoss.self], ["size_average", "reduce", "reduction", "log_target"]) { values in
            let (sizeAverage, reduce, reduction) = try legacyReduction(values, at: (0, 1, 2))
            return KLDivLoss(sizeAverage: sizeAverage, reduce: reduce, reduction: reduction,
                             logTarget: try Convert.bool(values[3], "log_target", default: false))
        },
        loss("CrossEntropyLoss", [CrossEntropyLoss.self],
             ["weight", "size_average", "ignore_index", "reduce", "reduction", "label_smoothing"]) { values in
            let (sizeAverage, reduce, reduction) = try legacyReduction(values, at: (1, 3, 4))
            return try CrossEntropyLoss(
                weight: try optionalTensor(values[0], "weight"), sizeAverage: sizeAverage,
                ignoreIndex: try int(values[2] ?? .int(-100), "ignore_index"), reduce: reduce, reduction: reduction,
                labelSmoothing: try double(values[5], default: 0))
        },
        loss("NLLLoss", [NLLLoss.self], ["weight", "size_average", "ignore_index", "reduce", "reduction"]) { values in
            let (sizeAverage, reduce, reduction) = try legacyReduction(values, at: (1, 3, 4))
            return try NLLLoss(
                weight: try optionalTensor(values[0], "weight"), sizeAverage: sizeAverage,
                ignoreIndex: try int(values[2] ?? .int(-100), "ignore_index"), reduce: reduce, reduction: reduction)
        },
        loss("BCELoss", [BCELoss.self], ["weight", "size_average", "reduce", "reduction"]) { values in
            let (sizeAverage, reduce, reduction) = try legacyReduction(values, at: (1, 2, 3))
            return try BCELoss(weight: try optionalTensor(values[0], "weight"), sizeAverage: sizeAverage,
                               reduce: reduce, reduction: reduction)
        },
        loss("BCEWithLogitsLoss", [BCEWithLogitsLoss.self],
             ["weight", "size_average", "reduce", "reduction", "pos_weight"]) { values in
            let (sizeAverage, reduce, reduction) = try legacyReduction(values, at: (1, 2, 3))
            return try BCEWithLogitsLoss(
                weight: try optionalTensor(values[0], "weight"), sizeAverage: sizeAverage, reduce: reduce,
                reduction: reduction, posWeight: try optionalTensor(values[4], "pos_weight"))
        },
    ]

    /// A loss class: its constructor, `forward(input, target)`, and its settings.
    private static func loss(
        _ name: String, _ types: [Module.Type], _ parameters: [String],
        make: @escaping ([Value?]) throws -> Loss
    ) -> NativeModuleClass {
        var spec = NativeModuleClass(name, home: "torch.nn.modules.loss", types, parameters: parameters) { _, values in
            try make(values)
        } forward: { _, _, module, arguments in
            let (tensors, _) = try forwardArguments(name, arguments, ["input", "target"], required: 2)
            return .tensor(try typed(module, Loss.self).forward(tensors[0], tensors[1]))
        }
        spec.attribute = { _, module, name in lossAttribute(module, name) }
        return spec
    }

    /// The `size_average`, `reduce` and `reduction` arguments at the given positions.
    private static func legacyReduction(
        _ values: [Value?], at positions: (Int, Int, Int)
    ) throws -> (Bool?, Bool?, String) {
        (try optionalBool(values[positions.0], "size_average"), try optionalBool(values[positions.1], "reduce"),
         try string(values[positions.2], "reduction", default: "mean"))
    }

    /// The settings PyTorch keeps on a loss (its weights are buffers, found through the registry).
    private static func lossAttribute(_ module: Module, _ name: String) -> Value? {
        guard let loss = module as? Loss else { return nil }
        switch name {
        case "reduction": return .str(loss.reduction)
        case "ignore_index":
            return ((loss as? CrossEntropyLoss)?.ignoreIndex ?? (loss as? NLLLoss)?.ignoreIndex).map { .int($0) }
        case "label_smoothing": return (loss as? CrossEntropyLoss).map { .float($0.labelSmoothing) }
        case "beta": return (loss as? SmoothL1Loss).map { .float($0.beta) }
        case "delta": return (loss as? HuberLoss).map { .float($0.delta) }
        case "log_target": return (loss as? KLDivLoss).map { .bool($0.logTarget) }
        default: return nil
        }
    }
}
