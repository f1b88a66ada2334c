/// One group of parameters with its options (an entry of `optimizer.param_groups`).
///
/// A group is shared by reference, as PyTorch's dict is: a scheduler or a script that sets `group["lr"]` changes what
/// the next `step()` uses. Options keep the order they were set in: the caller's first, then the optimizer's defaults.
public final class ParamGroup {
    /// The tensors this group updates (`group["params"]`).
    public var params: [Tensor]
    /// Every option but `params`, in insertion order.
    public private(set) var options: [(key: String, value: OptimizerValue)]

    /// A group of `params` with options that override the optimizer's defaults, such as `["lr": 0.1]`.
    public init(params: [Tensor], options: [(key: String, value: OptimizerValue)] = []) {
        self.params = params
        self.options = []
        for (key, value) in options { self[key] = value }
    }

    /// The option named `key`; setting a new key appends it, setting nil removes it.
    public subscript(key: String) -> OptimizerValue? {
        get { options.first { $0.key == key }?.value }
        set {
            let index = options.firstIndex { $0.key == key }
            switch (index, newValue) {
            case let (index?, value?): options[index].value = value
            case let (nil, value?): options.append((key, value))
            case let (index?, nil): options.remove(at: index)
            case (nil, nil): break
            }
        }
    }

    /// The option names in insertion order.
    public var keys: [String] { options.map(\.key) }

    /// Sets `key` only if it is absent (`dict.setdefault`).
    public func setDefault(_ key: String, _ value: OptimizerValue) {
        if self[key] == nil { self[key] = value }
    }

    /// The option as a number, for an optimizer's arithmetic; a missing key is a `KeyError`, as in Python.
    func number(_ key: String, source: String) throws(OptimizerError) -> Double {
        guard let value = self[key] else { throw .missingKey(source: source, detail: key) }
        guard let number = value.doubleValue else {
            throw .invalidType(source: source, detail: "unsupported operand type(s) for \(key): "
                + "'\(value.pythonTypeName)'")
        }
        return number
    }

    /// The option as a Python number, for a scheduler's arithmetic.
    func scalar(_ key: String, source: String) throws(OptimizerError) -> Scalar {
        guard let value = self[key] else { throw .missingKey(source: source, detail: key) }
        guard let scalar = value.scalar else {
            throw .invalidType(source: source, detail: "unsupported operand type(s) for \(key): "
                + "'\(value.pythonTypeName)'")
        }
        return scalar
    }

    /// The option's Python truth value, as `if group["nesterov"]:` reads it.
    func flag(_ key: String, source: String) throws(OptimizerError) -> Bool {
        guard let value = self[key] else { throw .missingKey(source: source, detail: key) }
        return value.isTruthy
    }

    /// A pair option such as `betas`, as two numbers.
    func pair(_ key: String, source: String) throws(OptimizerError) -> (Double, Double) {
        guard let value = self[key] else { throw .missingKey(source: source, detail: key) }
        switch value {
        case let .tuple(items), let .list(items):
            guard items.count == 2, let first = items[0].doubleValue, let second = items[1].doubleValue else { break }
            return (first, second)
        default:
            break
        }
        throw .invalidType(source: source, detail: "\(key) must be a pair of numbers, not \(value.pythonRepr)")
    }
}

/// What an optimizer keeps for one parameter (`optimizer.state[p]`): named tensors in the order they were made, such
/// as `step`, `exp_avg` and `exp_avg_sq` for Adam or `momentum_buffer` for SGD.
public struct ParameterState {
    /// The entries in insertion order.
    public private(set) var entries: [(key: String, value: Tensor)] = []

    /// An empty state.
    public init() {}

    /// The tensor named `key`; setting a new key appends it, setting nil removes it.
    public subscript(key: String) -> Tensor? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case let (index?, value?): entries[index].value = value
            case let (nil, value?): entries.append((key, value))
            case let (index?, nil): entries.remove(at: index)
            case (nil, nil): break
            }
        }
    }

    /// Whether nothing has been stored yet.
    public var isEmpty: Bool { entries.isEmpty }

    /// The tensor named `key`, or the `KeyError` PyTorch raises when a loaded state lacks it.
    func required(_ key: String, source: String) throws(OptimizerError) -> Tensor {
        guard let tensor = self[key] else { throw .missingKey(source: source, detail: key) }
        return tensor
    }
}
