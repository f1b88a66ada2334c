/// The base of every optimizer (`torch.optim.Optimizer`): parameter groups whose options override the defaults,
/// per-parameter state, `zeroGrad`, `step`, state dicts and PyTorch's printed form.
///
/// A subclass validates its hyperparameters, passes them as `defaults`, and overrides `update(_:)` to apply one step
/// to one group. `step()` runs every group's update without recording gradients; parameters whose `grad` is nil are
/// left alone and get no state.
open class Optimizer {
    /// The options each group starts from, in PyTorch's order (`defaults`).
    public let defaults: [(key: String, value: OptimizerValue)]
    /// The groups of parameters, in the order they were added (`param_groups`).
    public internal(set) var paramGroups: [ParamGroup] = []
    /// The parameters that have state, in the order their state was first made.
    private var stateOrder: [Tensor] = []
    /// Each parameter's state, by tensor identity.
    private var states: [ObjectIdentifier: ParameterState] = [:]

    /// An optimizer over `groups`, each filled in from `defaults` where it sets no value of its own.
    public init(groups: [ParamGroup], defaults: [(key: String, value: OptimizerValue)]) throws(OptimizerError) {
        self.defaults = defaults
        if groups.isEmpty {
            throw .invalidValue(source: typeName, detail: "optimizer got an empty parameter list")
        }
        for group in groups { try addParamGroup(group) }
    }

    /// The class name printed in the repr, such as `Adam`.
    open var typeName: String { String(describing: type(of: self)) }

    /// Applies one step to the parameters of `group` that have a gradient. Subclasses override this.
    open func update(_ group: ParamGroup) throws {
        throw OptimizerError.notImplemented(source: typeName)
    }

    /// Fills in options a group loaded from an older state dict may lack (PyTorch's `__setstate__`).
    open func restoreDefaults(_ group: ParamGroup) {}

    /// Performs one optimisation step on every group (`step()`), without recording gradients.
    open func step() throws {
        try GradMode.with(enabled: false) { () throws in
            for group in paramGroups { try update(group) }
        }
    }

    /// Re-evaluates the model with `closure` (with gradients recorded), then steps; returns the closure's result
    /// (`step(closure)`).
    @discardableResult
    public func step<Result>(closure: () throws -> Result) throws -> Result {
        let result = try GradMode.with(enabled: true) { () throws in try closure() }
        try step()
        return result
    }

    /// Adds a group (`add_param_group`): options it lacks are taken from the defaults; a parameter may belong to only
    /// one group and must be a leaf (or retain its gradient).
    public func addParamGroup(_ group: ParamGroup) throws(OptimizerError) {
        for param in group.params where !(param.isLeaf || param.retainsGrad) {
            throw .invalidValue(source: typeName, detail: "can't optimize a non-leaf Tensor")
        }
        for (key, value) in defaults { group.setDefault(key, value) }
        var existing = Set<ObjectIdentifier>()
        for other in paramGroups {
            for param in other.params { existing.insert(ObjectIdentifier(param)) }
        }
        if group.params.contains(where: { existing.contains(ObjectIdentifier($0)) }) {
            throw .invalidValue(source: typeName, detail: "some parameters appear in more than one parameter group")
        }
        paramGroups.append(group)
    }

    /// Clears every parameter's gradient (`zero_grad`): to nil, or to zeros in place.
    public func zeroGrad(setToNone: Bool = true) throws(TensorError) {
        for group in paramGroups {
            for param in group.params {
                guard let grad = param.grad else { continue }
                if setToNone {
                    param.grad = nil
                } else {
                    try GradMode.with(enabled: false) { () throws(TensorError) in
                        if grad.gradFn != nil { _ = grad.detach_() } else { _ = try grad.requiresGrad_(false) }
                        _ = try grad.zero_()
                    }
                }
            }
        }
    }

    // MARK: State

    /// The state kept for `parameter` (`state[p]`), if any.
    public func state(for parameter: Tensor) -> ParameterState? {
        states[ObjectIdentifier(parameter)]
    }

    /// Every parameter that has state, with its state, in the order the states were made (`state.items()`).
    public var stateEntries: [(parameter: Tensor, state: ParameterState)] {
        stateOrder.compactMap { parameter in states[ObjectIdentifier(parameter)].map { (parameter, $0) } }
    }

    /// Replaces the state kept for `parameter`.
    public func setState(_ state: ParameterState, for parameter: Tensor) {
        let key = ObjectIdentifier(parameter)
        if states.updateValue(state, forKey: key) == nil { stateOrder.append(parameter) }
    }

    /// Forgets every parameter's state.
    func clearState() {
        stateOrder = []
        states = [:]
    }
}

extension Optimizer: CustomStringConvertible {
    /// The optimizer as `print(optimizer)` shows it: each group's options but `params`, sorted by name.
    public var description: String {
        var text = typeName + " ("
        for (index, group) in paramGroups.enumerated() {
            text += "\nParameter Group \(index)\n"
            let sorted = group.options.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            for (key, value) in sorted { text += "    \(key): \(value)\n" }
        }
        return text + ")"
    }
}
