import Tensor

extension FunctionalModule {
    /// The loss functions, each with PyTorch's parameters including the deprecated `size_average`/`reduce`.
    static func defineLosses(_ table: inout FunctionTable) {
        table.define("cross_entropy", ["input", "target", "weight", "size_average", "ignore_index", "reduce",
                                       "reduction", "label_smoothing"], required: 2,
                     kernel: "cross_entropy_loss") { arguments in
            .tensor(try Functional.crossEntropy(
                try arguments.tensor("input"), try arguments.tensor("target"),
                weight: try arguments.optionalTensor("weight"),
                sizeAverage: try arguments.optionalBool("size_average"),
                ignoreIndex: try arguments.int("ignore_index", default: -100),
                reduce: try arguments.optionalBool("reduce"),
                reduction: try arguments.reduction(),
                labelSmoothing: try arguments.double("label_smoothing", default: 0)))
        }
        table.define("nll_loss", ["input", "target", "weight", "size_average", "ignore_index", "reduce",
                                  "reduction"], required: 2, kernel: "nll_loss_nd") { arguments in
            .tensor(try Functional.nllLoss(
                try arguments.tensor("input"), try arguments.tensor("target"),
                weight: try arguments.optionalTensor("weight"),
                sizeAverage: try arguments.optionalBool("size_average"),
                ignoreIndex: try arguments.int("ignore_index", default: -100),
                reduce: try arguments.optionalBool("reduce"),
                reduction: try arguments.reduction()))
        }
        for name in ["mse_loss", "l1_loss"] {
            table.define(name, ["input", "target", "size_average", "reduce", "reduction", "weight"],
                         required: 2) { arguments in
                let (input, target) = (try arguments.tensor("input"), try arguments.tensor("target"))
                let (sizeAverage, reduce) = (try arguments.optionalBool("size_average"),
                                             try arguments.optionalBool("reduce"))
                let reduction = try arguments.reduction()
                let weight = try arguments.optionalTensor("weight")
                return .tensor(name == "mse_loss"
                    ? try Functional.mseLoss(input, target, sizeAverage: sizeAverage, reduce: reduce,
                                             reduction: reduction, weight: weight)
                    : try Functional.l1Loss(input, target, sizeAverage: sizeAverage, reduce: reduce,
                                            reduction: reduction, weight: weight))
            }
        }
        table.define("smooth_l1_loss", ["input", "target", "size_average", "reduce", "reduction", "beta"],
                     required: 2) { arguments in
            .tensor(try Functional.smoothL1Loss(
                try arguments.tensor("input"), try arguments.tensor("target"),
                sizeAverage: try arguments.optionalBool("size_average"), reduce: try arguments.optionalBool("reduce"),
                reduction: try arguments.reduction(),
                beta: try arguments.double("beta", default: 1)))
        }
        table.define("huber_loss", ["input", "target", "reduction", "delta", "weight"], required: 2) { arguments in
            .tensor(try Functional.huberLoss(
                try arguments.tensor("input"), try arguments.tensor("target"),
                reduction: try arguments.reduction(),
                delta: try arguments.double("delta", default: 1), weight: try arguments.optionalTensor("weight")))
        }
        table.define("kl_div", ["input", "target", "size_average", "reduce", "reduction", "log_target"],
                     required: 2) { arguments in
            .tensor(try Functional.klDiv(
                try arguments.tensor("input"), try arguments.tensor("target"),
                sizeAverage: try arguments.optionalBool("size_average"), reduce: try arguments.optionalBool("reduce"),
                reduction: try arguments.reduction(),
                logTarget: try arguments.bool("log_target", default: false)))
        }
        table.define("binary_cross_entropy", ["input", "target", "weight", "size_average", "reduce", "reduction"],
                     required: 2) { arguments in
            .tensor(try Functional.binaryCrossEntropy(
                try arguments.tensor("input"), try arguments.tensor("target"),
                weight: try arguments.optionalTensor("weight"),
                sizeAverage: try arguments.optionalBool("size_average"), reduce: try arguments.optionalBool("reduce"),
                reduction: try arguments.reduction()))
        }
        table.define("binary_cross_entropy_with_logits", ["input", "target", "weight", "size_average", "reduce",
                                                          "reduction", "pos_weight"], required: 2) { arguments in
            .tensor(try Functional.binaryCrossEntropyWithLogits(
                try arguments.tensor("input"), try arguments.tensor("target"),
                weight: try arguments.optionalTensor("weight"),
                sizeAverage: try arguments.optionalBool("size_average"), reduce: try arguments.optionalBool("reduce"),
                reduction: try arguments.reduction(),
                posWeight: try arguments.optionalTensor("pos_weight")))
        }
    }
}
