import Tensor

/// The binding that makes tensors behave as `torch.Tensor` and registers `torch` and `torch.nn.functional`.
public final class TorchBinding: ForeignBinding {
    /// `torch.Tensor`, the class `type(t)` returns.
    public let tensorClass: ClassObject
    /// The link between engine modules and the script objects standing for them.
    let modules: ModuleBridge
    /// `nn.Module`, `nn.Parameter` and the native layer classes.
    let nnClasses: NNModule.Classes
    /// How tensors print; `torch.set_printoptions` changes it.
    var printOptions = PrintOptions.default

    init() throws {
        tensorClass = try ClassObject(name: "Tensor", bases: [Interpreter.objectClass], isBuiltin: true) { _, arguments in
            try LegacyConstructors.construct(arguments, dtype: .float32)
        }
        tensorClass.home = "torch"
        let moduleClass = try ModuleClass.make()
        moduleClass.home = "torch.nn.modules.module"
        modules = ModuleBridge(moduleClass: moduleClass)
        nnClasses = try NNModule.makeClasses(tensorClass: tensorClass, bridge: modules)
    }

    /// Installs the binding and its modules into `interpreter`.
    public static func install(in interpreter: Interpreter) throws {
        let binding = try TorchBinding()
        interpreter.binding = binding
        let functional = FunctionalModule.make()
        interpreter.modules["torch.nn.functional"] = { functional }
        OptimBinding.install(in: interpreter)
        interpreter.modules["torch.nn.init"] = { [initModule = InitModule.make()] in initModule }
        interpreter.modules["torch.nn"] = { [unowned interpreter] in
            let nn = NNModule.make(binding.nnClasses, functional: functional)
            nn.attributes["utils"] = .module(try interpreter.importModule("torch.nn.utils"))
            nn.attributes["init"] = .module(try interpreter.importModule("torch.nn.init"))
            return nn
        }
        let autogradFunctional = AutogradModule.makeFunctional()
        interpreter.modules["torch.autograd.functional"] = { autogradFunctional }
        interpreter.modules["torch.autograd"] = { [autograd = AutogradModule.make(functional: autogradFunctional)] in
            autograd
        }
        let (cuda, backends) = DeviceObject.acceleratorModules()
        interpreter.modules["torch.cuda"] = { cuda }
        interpreter.modules["torch.backends"] = { backends }
        // `torch.nn` is the one module object `import torch.nn as nn` gives.
        interpreter.modules["torch"] = { [unowned interpreter] in
            let torch = TorchModule.make(binding: binding, nn: try interpreter.importModule("torch.nn"))
            torch.attributes["cuda"] = .module(try interpreter.importModule("torch.cuda"))
            torch.attributes["backends"] = .module(try interpreter.importModule("torch.backends"))
            torch.attributes["optim"] = .module(try interpreter.importModule("torch.optim"))
            torch.attributes["autograd"] = .module(try interpreter.importModule("torch.autograd"))
            torch.attributes["device"] = .builtin(BuiltinFunction("device") { _, arguments in
                .foreign(try DeviceObject.parse(arguments))
            })
            return torch
        }
    }

    /// `t.name`: a data attribute, or a method bound to the tensor.
    public func attribute(of tensor: Value, _ name: String, interpreter: Interpreter) throws -> Value? {
        guard case .tensor(let t) = tensor else { return nil }
        if let property = try TensorMethods.property(t, name) { return property }
        guard let body = TensorMethods.method(t, name, interpreter: interpreter) else { return nil }
        return .builtin(BuiltinFunction(name) { _, arguments in try body(arguments) })
    }

    /// `t.name` as a method, without binding it into a builtin (the interpreter calls it at once).
    public func method(of tensor: Value, _ name: String, interpreter: Interpreter) throws
        -> ((Arguments) throws -> Value)? {
        guard case .tensor(let t) = tensor, !TensorMethods.propertyNames.contains(name) else { return nil }
        return TensorMethods.method(t, name, interpreter: interpreter)
    }

    /// `a op b` with a tensor on either side; Python numbers take PyTorch's routes (`2 - t` is rsub).
    public func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, interpreter: Interpreter) throws -> Value? {
        if case .tensor(let a) = lhs, let b = Convert.operand(rhs) {
            return try Self.apply(op, a, b).map { .tensor($0) }
        }
        guard case .tensor(let t) = rhs, let scalar = Convert.scalar(lhs) else { return nil }
        let wrapped = Tensor.wrapping(scalar)
        // Python numbers on the left take PyTorch's reflected routes.
        switch op {
        case .add: return .tensor(try t.add(wrapped))
        case .multiply: return .tensor(try t.mul(wrapped))
        case .subtract: return .tensor(try t.rsub(wrapped))
        case .divide: return .tensor(try t.reciprocal().mul(wrapped))
        case .power: return .tensor(try t.rpow(scalar))
        default: return try Self.apply(op, wrapped, t).map { .tensor($0) }
        }
    }

    /// `a op b` for two engine tensors (Python numbers already wrapped), or nil for an unsupported operator.
    static func apply(_ op: BinaryOperator, _ a: Tensor, _ b: Tensor) throws -> Tensor? {
        switch op {
        case .add: return try a.add(b)
        case .subtract: return try a.sub(b)
        case .multiply: return try a.mul(b)
        case .divide: return try a.div(b)
        case .floorDivide: return try a.floorDivide(b)
        case .modulo: return try a.remainder(b)
        case .power:
            if b.isWrappedNumber { return try a.pow(try b.item()) }
            return try a.pow(b)
        case .matrixMultiply:
            guard !a.isWrappedNumber, !b.isWrappedNumber else { return nil }
            return try a.matmul(b)
        case .bitAnd: return try a.bitwiseAnd(b)
        case .bitOr: return try a.bitwiseOr(b)
        case .bitXor: return try a.bitwiseXor(b)
        default: return nil
        }
    }

    /// Elementwise comparisons, giving bool tensors; `==` with a non-number is False as in PyTorch.
    public func compare(_ op: ComparisonOperator, _ lhs: Value, _ rhs: Value, interpreter: Interpreter) throws -> Value? {
        var (left, right, op) = (lhs, rhs, op)
        if case .tensor = left {} else {
            // `2 < t` is `t > 2`.
            (left, right) = (right, left)
            switch op {
            case .less: op = .greater
            case .lessEqual: op = .greaterEqual
            case .greater: op = .less
            case .greaterEqual: op = .lessEqual
            default: break
            }
        }
        guard case .tensor(let a) = left, let b = Convert.operand(right) else {
            switch op {
            case .equal: return .bool(false)
            case .notEqual: return .bool(true)
            default: return nil
            }
        }
        switch op {
        case .equal: return .tensor(try a.eq(b))
        case .notEqual: return .tensor(try a.ne(b))
        case .less: return .tensor(try a.lt(b))
        case .lessEqual: return .tensor(try a.le(b))
        case .greater: return .tensor(try a.gt(b))
        case .greaterEqual: return .tensor(try a.ge(b))
        default: return nil
        }
    }

    /// `-t`, `+t`, `~t`.
    public func unary(_ op: UnaryOperator, _ operand: Value, interpreter: Interpreter) throws -> Value? {
        guard case .tensor(let t) = operand else { return nil }
        switch op {
        case .negate: return .tensor(try t.neg())
        case .plus: return operand
        case .invert: return .tensor(try t.bitwiseNot())
        default: return nil
        }
    }

    /// PyTorch's printed form, through TensorRepr.
    public func repr(_ tensor: Value, interpreter: Interpreter) throws -> String {
        guard case .tensor(let t) = tensor else { return "" }
        // The cap on items built in one step: print options that show every element of an expanded tensor would
        // format more of them than memory holds.
        let shown = TensorRepr.printedCount(of: t, options: printOptions)
        guard let shown, shown <= Interpreter.maximumItems else { throw PythonError(Builtins.memoryError) }
        return TensorRepr.repr(t, options: printOptions)
    }

    /// `torch.Tensor` for tensors, `nn.Parameter` for parameters.
    public func typeObject(of value: Value) -> ClassObject? {
        if case .tensor(let tensor) = value { return tensor.isParameter ? nnClasses.parameter : tensorClass }
        return nil
    }

    /// A tensor's properties and the methods this binding implements.
    public func attributeNames(of value: Value, interpreter: Interpreter) -> [String] {
        guard case .tensor(let tensor) = value else { return [] }
        return TensorMethods.names(of: tensor, interpreter: interpreter)
    }
}
