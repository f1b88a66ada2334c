/// Adam with decoupled weight decay (`torch.optim.AdamW`): each step first scales the parameters by `1 − lr·wd`, and
/// the decay never enters the moment estimates. It is `Adam` with `decoupled_weight_decay=True`, weight decay 0.01.
public final class AdamW: Adam {
    /// An AdamW optimizer over `groups`, each group's own options overriding these defaults.
    public init(
        groups: [ParamGroup], lr: Scalar = 1e-3, betas: (Scalar, Scalar) = (0.9, 0.999), eps: Scalar = 1e-8,
        weightDecay: Scalar = 1e-2, amsgrad: Bool = false, maximize: Bool = false
    ) throws(OptimizerError) {
        try super.init(groups: groups, lr: lr, betas: betas, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad,
                       maximize: maximize, decoupledWeightDecay: true)
    }

    /// An AdamW optimizer over one group of `params`.
    public convenience init(
        _ params: [Tensor], lr: Scalar = 1e-3, betas: (Scalar, Scalar) = (0.9, 0.999), eps: Scalar = 1e-8,
        weightDecay: Scalar = 1e-2, amsgrad: Bool = false, maximize: Bool = false
    ) throws(OptimizerError) {
        try self.init(groups: params.isEmpty ? [] : [ParamGroup(params: params)], lr: lr, betas: betas, eps: eps,
                      weightDecay: weightDecay, amsgrad: amsgrad, maximize: maximize)
    }

    public override func restoreDefaults(_ group: ParamGroup) {
        super.restoreDefaults(group)
        // An AdamW always decays decoupled, whatever the loaded state says.
        group["decoupled_weight_decay"] = true
    }
}
