import Tensor

/// The `torch.nn` module: `Module`, `Parameter`, the native layer classes, and the `functional` submodule.
enum NNModule {
    /// The classes one torch binding defines for `torch.nn`.
    struct Classes {
        /// `nn.Module`.
        let module: ClassObject
        /// `nn.Parameter`, a subclass of `torch.Tensor`.
        let parameter: ClassObject
        /// The native layer classes by name.
        let layers: [String: ClassObject]
    }

    /// Builds `nn.Module`, `nn.Parameter` and every native layer class, registering the layers with `bridge`.
    static func makeClasses(tensorClass: ClassObject, bridge: ModuleBridge) throws -> Classes {
        let parameter = try ClassObject(name: "Parameter", bases: [tensorClass], isBuiltin: true) { _, arguments in
            let values = try ArgumentParser("Parameter", ["data", "requires_grad"]).parse(arguments)
            let data: Tensor
            switch values[0] ?? .none {
            case .none: data = try Tensor.zeros([0])
            case .tensor(let tensor): data = tensor.detach()
            case let other:
                throw PythonError.typeError("Parameter(): argument 'data' must be Tensor, not \(other.typeName)")
            }
            let requiresGrad = try Convert.bool(values[1], "requires_grad", default: true)
            return .tensor(try Tensor.parameter(data, requiresGrad: requiresGrad))
        }
        parameter.home = "torch.nn.parameter"
        var layers: [String: ClassObject] = [:]
        for spec in NativeModules.all {
            let base = spec.base.flatMap { layers[$0] } ?? bridge.moduleClass
            let cls = try spec.makeClass(base: base)
            layers[spec.name] = cls
            for type in spec.engineTypes { bridge.register(cls, for: type) }
            bridge.register(named: cls)
        }
        return Classes(module: bridge.moduleClass, parameter: parameter, layers: layers)
    }

    /// The `torch.nn` module object, with `functional` attached.
    static func make(_ classes: Classes, functional: ModuleObject) -> ModuleObject {
        var attributes: [String: Value] = [
            "Module": .type(classes.module),
            "Parameter": .type(classes.parameter),
            "functional": .module(functional),
        ]
        for (name, cls) in classes.layers { attributes[name] = .type(cls) }
        return ModuleObject(name: "torch.nn", attributes: attributes)
    }
}
