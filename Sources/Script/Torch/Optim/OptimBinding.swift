import Tensor

/// Registers `torch.optim`, `torch.optim.lr_scheduler` and `torch.nn.utils`, and makes them attributes of `torch`
/// (`torch.optim.SGD`, `torch.optim.lr_scheduler.StepLR`, `torch.nn.utils.clip_grad_norm_` after `import torch`).
enum OptimBinding {
    /// Installs the modules into `interpreter`. Call after `torch` is registered: its loader is wrapped so the module
    /// it makes gains `optim` (and `nn.utils`, unless whoever built `nn` attached one).
    static func install(in interpreter: Interpreter) {
        interpreter.modules["torch.optim.lr_scheduler"] = { schedulerModule() }
        interpreter.modules["torch.optim"] = { [unowned interpreter] in
            let optim = optimModule()
            optim.attributes["lr_scheduler"] = .module(try interpreter.importModule("torch.optim.lr_scheduler"))
            return optim
        }
        interpreter.modules["torch.nn.utils"] = { utilsModule() }
    }

    /// `torch.optim`: the optimizers.
    static func optimModule() -> ModuleObject {
        var attributes: [String: Value] = [:]
        for kind in OptimizerKind.allCases {
            attributes[kind.rawValue] = .builtin(BuiltinFunction(kind.rawValue) { interpreter, arguments in
                try OptimizerObject.construct(kind, arguments, interpreter: interpreter)
            })
        }
        return ModuleObject(name: "torch.optim", attributes: attributes)
    }

    /// `torch.optim.lr_scheduler`: the learning-rate schedulers.
    static func schedulerModule() -> ModuleObject {
        var attributes: [String: Value] = [:]
        for kind in SchedulerKind.allCases {
            attributes[kind.rawValue] = .builtin(BuiltinFunction(kind.rawValue) { interpreter, arguments in
                try SchedulerObject.construct(kind, arguments, interpreter: interpreter)
            })
        }
        return ModuleObject(name: "torch.optim.lr_scheduler", attributes: attributes)
    }

    /// `torch.nn.utils`: gradient clipping. Whoever builds `torch.nn` may attach this as its `utils` attribute; the
    /// interpreter's `torch.nn.utils` import gives the module registered by `install`.
    static func utilsModule() -> ModuleObject {
        ModuleObject(name: "torch.nn.utils", attributes: ClipGradFunctions.functions())
    }
}
