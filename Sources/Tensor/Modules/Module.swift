/// A layer or a model, with PyTorch's `nn.Module` behaviour: parameters, buffers and submodules registered by name in
/// order, train/eval mode, traversal, state dicts, and the printed module tree.
///
/// Subclasses register what they own in their initialiser and read it back by name, so a state dict load or a
/// script's `module.weight = nn.Parameter(...)` is seen by `forward`. Modules defined in scripts subclass this too,
/// overriding `typeName` and `forward`.
open class Module {
    /// Parameters by name (`_parameters`); a nil value is a registered `None`, such as `bias=False`'s bias.
    public internal(set) var parameterSlots = OrderedSlots<Tensor?>()
    /// Buffers by name (`_buffers`).
    public internal(set) var bufferSlots = OrderedSlots<Tensor?>()
    /// Submodules by name (`_modules`).
    public internal(set) var moduleSlots = OrderedSlots<Module?>()
    /// Buffers left out of the state dict (`register_buffer(..., persistent=False)`).
    public internal(set) var nonPersistentBuffers = Set<String>()
    /// Whether the module is in training mode (dropout active); `train` sets it on the whole tree.
    public var training = true

    /// An empty module.
    public init() {}

    /// The class name printed in the module tree, such as `Linear`.
    open var typeName: String { String(describing: type(of: self)) }

    /// A name printed in the module tree in place of `typeName`: that of a subclass defined outside the engine (a
    /// script class deriving from `nn.Linear`) that runs this layer.
    public var printedTypeName: String?

    /// The text between the parentheses of this module's line in the tree (PyTorch's `extra_repr`).
    open var extraDescription: String { "" }

    /// The printed lines for the children, `(name): child` each; `ModuleList` overrides it to group repeats.
    open func describedChildren() -> [String] {
        moduleSlots.entries.map { entry in
            "(\(entry.name)): " + Module.indented(entry.value.map(\.description) ?? "None")
        }
    }

    /// Computes the module's output for one tensor; modules with other signatures provide their own methods.
    open func forward(_ input: Tensor) throws -> Tensor {
        throw ModuleError.missingForward(module: typeName)
    }

    /// Runs `forward` (calling a module in Python).
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try forward(input)
    }

    // MARK: Registration

    /// Registers a parameter (`register_parameter`); nil registers `None`.
    public func registerParameter(_ name: String, _ tensor: Tensor?) throws(ModuleError) {
        try checkName(name, kind: "parameter", allowExisting: parameterSlots.contains(name))
        if let tensor, !tensor.isParameter {
            throw .invalidParameterAssignment(typeName: tensor.dtype.legacyTypeName, name: name, registering: true)
        }
        parameterSlots[name] = .some(tensor)
    }

    /// Registers a buffer (`register_buffer`): state that is saved and moved with the module but not trained.
    public func registerBuffer(_ name: String, _ tensor: Tensor?, persistent: Bool = true) throws(ModuleError) {
        try checkName(name, kind: "buffer", allowExisting: bufferSlots.contains(name))
        bufferSlots[name] = .some(tensor)
        if persistent { nonPersistentBuffers.remove(name) } else { nonPersistentBuffers.insert(name) }
    }

    /// Registers a submodule (`add_module`); nil registers `None`.
    public func registerModule(_ name: String, _ module: Module?) throws(ModuleError) {
        try checkName(name, kind: "module", allowExisting: moduleSlots.contains(name))
        moduleSlots[name] = .some(module)
    }

    private func checkName(_ name: String, kind: String, allowExisting: Bool) throws(ModuleError) {
        let taken = parameterSlots.contains(name) || bufferSlots.contains(name) || moduleSlots.contains(name)
        // `add_module` looks for a clash before it looks at the name; the parameter and buffer registrations after.
        if kind == "module" && taken && !allowExisting { throw .attributeExists(name: name) }
        if name.isEmpty || name.contains(".") { throw .invalidName(kind: kind, name: name) }
        if taken && !allowExisting { throw .attributeExists(name: name) }
    }

    /// Removes whatever parameter, buffer or submodule is registered under `name` (`del module.name`); false when
    /// nothing was.
    @discardableResult
    public func removeMember(_ name: String) -> Bool {
        let found = parameterSlots.contains(name) || bufferSlots.contains(name) || moduleSlots.contains(name)
        parameterSlots[name] = nil
        bufferSlots[name] = nil
        moduleSlots[name] = nil
        nonPersistentBuffers.remove(name)
        return found
    }

    /// The parameter registered under `name`, if any.
    public func parameter(_ name: String) -> Tensor? { parameterSlots[name] ?? nil }

    /// The buffer registered under `name`, if any.
    public func buffer(_ name: String) -> Tensor? { bufferSlots[name] ?? nil }

    /// The submodule registered under `name`, if any.
    public func submodule(_ name: String) -> Module? { moduleSlots[name] ?? nil }

    /// The parameter a module's own code relies on, as an error if a user removed it.
    func requiredParameter(_ name: String) throws(ModuleError) -> Tensor {
        guard let tensor = parameter(name) else {
            throw .invalidArgument(module: typeName, detail: "'\(typeName)' object has no parameter '\(name)'")
        }
        return tensor
    }

    /// The submodule at a dotted path such as `encoder.layers.0` (`get_submodule`).
    public func submodule(path: String) throws(ModuleError) -> Module {
        var module = self
        for name in path.split(separator: ".", omittingEmptySubsequences: false) where !path.isEmpty {
            guard let next = module.submodule(String(name)) else {
                throw .noSuchAttribute(module: module.typeName, name: String(name))
            }
            module = next
        }
        return module
    }

    // MARK: Mode

    /// Sets training mode on this module and every submodule (`train`).
    @discardableResult
    public func train(_ mode: Bool = true) -> Self {
        for module in modules() { module.training = mode }
        return self
    }

    /// Sets evaluation mode (`eval`): `train(false)`.
    @discardableResult
    public func eval() -> Self { train(false) }

    /// Clears the gradients of every parameter (`zero_grad`): to nil, or to zeros in place.
    public func zeroGrad(setToNone: Bool = true) throws(TensorError) {
        for parameter in parameters() {
            guard let grad = parameter.grad else { continue }
            if setToNone {
                parameter.grad = nil
            } else {
                try GradMode.with(enabled: false) { () throws(TensorError) in try grad.detach_().zero_() }
            }
        }
    }

    /// Sets `requires_grad` on every parameter (`requires_grad_`).
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws(TensorError) -> Self {
        for parameter in parameters() { try parameter.requiresGrad_(flag) }
        return self
    }

    /// Calls `body` on every submodule, children first, then on this module (`apply`).
    @discardableResult
    public func apply(_ body: (Module) throws -> Void) rethrows -> Self {
        for child in children() { try child.apply(body) }
        try body(self)
        return self
    }
}
