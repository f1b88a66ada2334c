extension LRScheduler {
    /// Restores the progress a scheduler's `state_dict()` saved (`load_state_dict`): the epoch, the base rates, the
    /// step count and the last rates set. The schedule's own settings (step size, factors ...) are its constructor's.
    public func restore(lastEpoch: Int, baseLRs: [Scalar], stepCount: Int, lastLR: [Scalar]) {
        self.lastEpoch = lastEpoch
        self.baseLRs = baseLRs
        self.stepCount = stepCount
        self.lastLR = lastLR
    }
}
