/// The base of every learning-rate scheduler (`torch.optim.lr_scheduler.LRScheduler`).
///
/// Construction records each group's `initial_lr` (when starting fresh, `lastEpoch == -1`) and performs the initial
/// step PyTorch performs, which moves `lastEpoch` to 0. Each `step()` then advances `lastEpoch`, asks the subclass for
/// the new rates (`computeLR`, PyTorch's chainable `get_lr`, which works from the groups' current rates) and writes
/// them into the optimizer's groups. Rates are Python numbers: an int rate times an int factor stays an int.
open class LRScheduler {
    /// The optimizer whose groups' `lr` this scheduler sets.
    public let optimizer: Optimizer
    /// Each group's `initial_lr` (`base_lrs`).
    public internal(set) var baseLRs: [Scalar] = []
    /// The index of the last epoch stepped (`last_epoch`).
    public internal(set) var lastEpoch: Int
    /// How many times `step` has run, the initial step included (`_step_count`).
    public internal(set) var stepCount = 0
    /// The rates the last step set (`get_last_lr()`).
    public internal(set) var lastLR: [Scalar] = []
    /// Whether the constructor's initial step is running (`_is_initial`).
    public internal(set) var isInitial = false

    /// A scheduler for `optimizer`; `lastEpoch` other than -1 resumes one, which needs every group's `initial_lr`.
    public init(_ optimizer: Optimizer, lastEpoch: Int = -1) throws {
        self.optimizer = optimizer
        self.lastEpoch = lastEpoch
        let source = typeName
        if lastEpoch == -1 {
            for group in optimizer.paramGroups {
                guard let lr = group["lr"] else { throw OptimizerError.missingKey(source: source, detail: "lr") }
                group.setDefault("initial_lr", lr)
            }
        } else {
            for (index, group) in optimizer.paramGroups.enumerated() where group["initial_lr"] == nil {
                throw OptimizerError.missingKey(source: source, detail: "param 'initial_lr' is not specified in "
                    + "param_groups[\(index)] when resuming scheduler with last_epoch >= 0.\nThis typically happens "
                    + "when:\n1. You're trying to resume training from a checkpoint but haven't properly loaded the "
                    + "optimizer state\n2. You're using last_epoch >= 0 for a fresh training run (not recommended)")
            }
        }
        baseLRs = try optimizer.paramGroups.map { group throws(OptimizerError) in
            try group.scalar("initial_lr", source: source)
        }
        stepCount = 0
        isInitial = true
        defer { isInitial = false }
        try step()
    }

    /// The class name, such as `StepLR`.
    open var typeName: String { String(describing: type(of: self)) }

    /// The next rate of each group, from the current ones (PyTorch's chainable `get_lr`). Subclasses override this.
    open func computeLR() throws -> [Scalar] {
        throw OptimizerError.notImplemented(source: typeName)
    }

    /// The rate of each group at `lastEpoch` computed directly from `baseLRs`, or nil for schedulers without a closed
    /// form (`_get_closed_form_lr`); used by the deprecated `step(epoch:)`.
    open func closedFormLR() throws -> [Scalar]? { nil }

    /// Advances one epoch, or jumps to `epoch` (deprecated in PyTorch; uses the closed form where there is one), and
    /// sets each group's `lr`.
    open func step(epoch: Int? = nil) throws {
        stepCount &+= 1
        let values: [Scalar]
        if let epoch {
            lastEpoch = epoch
            values = try closedFormLR() ?? computeLR()
        } else {
            // Python's ints never overflow; wrapping is the nearest thing that never traps.
            lastEpoch &+= 1
            values = try computeLR()
        }
        let groups = optimizer.paramGroups
        try LRScheduler.checkSameLength(groups.count, values.count, source: typeName)
        for (group, lr) in zip(groups, values) { group["lr"] = OptimizerValue(lr) }
        lastLR = try currentLRs()
    }

    /// The rates the last step set (`get_last_lr()`).
    public func getLastLR() -> [Scalar] { lastLR }

    /// Each group's current `lr` (`_param_groups_val_list(optimizer, "lr")`).
    public func currentLRs() throws(OptimizerError) -> [Scalar] {
        let source = typeName
        return try optimizer.paramGroups.map { group throws(OptimizerError) in try group.scalar("lr", source: source) }
    }

    /// Refuses lists of different lengths the way Python's `zip(..., strict=True)` does.
    static func checkSameLength(_ first: Int, _ second: Int, source: String) throws(OptimizerError) {
        guard first != second else { return }
        throw .invalidValue(source: source, detail: "zip() argument 2 is \(second < first ? "shorter" : "longer") "
            + "than argument 1")
    }

    /// Each base rate paired with its group's current rate, refusing a group added after construction as PyTorch's
    /// strict `zip` does.
    func baseAndCurrentLRs() throws(OptimizerError) -> [(base: Scalar, current: Scalar)] {
        let current = try currentLRs()
        try LRScheduler.checkSameLength(baseLRs.count, current.count, source: typeName)
        return Array(zip(baseLRs, current))
    }
}
