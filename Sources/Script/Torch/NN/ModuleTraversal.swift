import Tensor

/// The methods of `nn.Module` that walk the tree: parameters, buffers, children and modules, plain and named, each a
/// generator as in PyTorch, plus `apply` and `get_submodule`.
enum ModuleTraversal {
    static func define(into attributes: inout [String: Value]) {
        ModuleClass.method("parameters", ["recurse"], into: &attributes) { _, _, module, values in
            let recurse = try Convert.bool(values[0], "recurse", default: true)
            return generator(module.parameters(recurse: recurse).map { .tensor($0) })
        }
        ModuleClass.method("named_parameters", ["prefix", "recurse", "remove_duplicate"], into: &attributes) {
            _, _, module, values in
            let entries = module.namedParameters(
                prefix: try string(values[0], "prefix"), recurse: try Convert.bool(values[1], "recurse", default: true),
                removeDuplicate: try Convert.bool(values[2], "remove_duplicate", default: true))
            return generator(entries.map { .tuple([.str($0.name), .tensor($0.tensor)]) })
        }
        ModuleClass.method("buffers", ["recurse"], into: &attributes) { _, _, module, values in
            let recurse = try Convert.bool(values[0], "recurse", default: true)
            return generator(module.buffers(recurse: recurse).map { .tensor($0) })
        }
        ModuleClass.method("named_buffers", ["prefix", "recurse", "remove_duplicate"], into: &attributes) {
            _, _, module, values in
            let entries = module.namedBuffers(
                prefix: try string(values[0], "prefix"), recurse: try Convert.bool(values[1], "recurse", default: true),
                removeDuplicate: try Convert.bool(values[2], "remove_duplicate", default: true))
            return generator(entries.map { .tuple([.str($0.name), .tensor($0.tensor)]) })
        }
        ModuleClass.method("children", [], into: &attributes) { interpreter, _, module, _ in
            let bridge = try ModuleClass.bridge(interpreter)
            return generator(module.children().map { bridge.value(for: $0) })
        }
        ModuleClass.method("named_children", [], into: &attributes) { interpreter, _, module, _ in
            let bridge = try ModuleClass.bridge(interpreter)
            return generator(module.namedChildren().map { .tuple([.str($0.name), bridge.value(for: $0.module)]) })
        }
        ModuleClass.method("modules", [], into: &attributes) { interpreter, _, module, _ in
            let bridge = try ModuleClass.bridge(interpreter)
            return generator(module.modules().map { bridge.value(for: $0) })
        }
        ModuleClass.method("named_modules", ["memo", "prefix", "remove_duplicate"], into: &attributes) {
            interpreter, _, module, values in
            let bridge = try ModuleClass.bridge(interpreter)
            let entries = module.namedModules(
                prefix: try string(values[1], "prefix"),
                removeDuplicate: try Convert.bool(values[2], "remove_duplicate", default: true))
            return generator(entries.map { .tuple([.str($0.name), bridge.value(for: $0.module)]) })
        }
        ModuleClass.method("apply", ["fn"], required: 1, into: &attributes) { interpreter, instance, module, values in
            let bridge = try ModuleClass.bridge(interpreter)
            let function = values[0] ?? .none
            try module.apply { child in _ = try interpreter.call(function, Arguments([bridge.value(for: child)])) }
            return .instance(instance)
        }
        ModuleClass.method("get_submodule", ["target"], required: 1, into: &attributes) {
            interpreter, instance, _, values in
            try submodule(of: instance, path: try string(values[0], "target"), interpreter)
        }
        ModuleClass.method("get_parameter", ["target"], required: 1, into: &attributes) {
            interpreter, instance, _, values in
            let (path, _, name) = try string(values[0], "target").rpartition(".")
            let owner = try submodule(of: instance, path: path, interpreter)
            let value = try member(owner, name, interpreter)
            guard case .tensor(let tensor) = value, tensor.isParameter else {
                throw PythonError.attributeError("`\(name)` is not an nn.Parameter")
            }
            return value
        }
    }

    /// The module at a dotted path, read attribute by attribute as `get_submodule` does: a missing name and a name
    /// that is not a module are different errors.
    private static func submodule(of instance: Instance, path: String, _ interpreter: Interpreter) throws -> Value {
        var current = Value.instance(instance)
        for name in path.split(separator: ".", omittingEmptySubsequences: false) where !path.isEmpty {
            current = try member(current, String(name), interpreter)
            guard ModuleBridge.module(of: current) != nil else {
                throw PythonError.attributeError("`\(name)` is not an nn.Module")
            }
        }
        return current
    }

    /// `getattr(module, name)`, or PyTorch's "has no attribute" error naming the module's class.
    private static func member(_ module: Value, _ name: String, _ interpreter: Interpreter) throws -> Value {
        do {
            return try interpreter.getAttribute(module, name)
        } catch let error as PythonError where error.exception.cls.isSubclass(of: Builtins.attributeError) {
            let className = (ModuleBridge.module(of: module)?.typeName) ?? module.typeName
            throw PythonError.attributeError("\(className) has no attribute `\(name)`")
        }
    }

    /// A generator over already-computed items, as PyTorch's traversal methods return.
    static func generator(_ items: [Value]) -> Value {
        var iterator = items.makeIterator()
        return .iterator(IteratorObject("generator") { iterator.next() })
    }

    /// A str argument, or "" when omitted.
    static func string(_ value: Value?, _ what: String) throws -> String {
        guard let value, !value.isNone else { return "" }
        guard case .str(let text) = value else {
            throw PythonError.typeError("\(what) must be str, not \(value.typeName)")
        }
        return text
    }
}

private extension String {
    /// Python's `str.rpartition` for one separator character.
    func rpartition(_ separator: Character) -> (String, String, String) {
        guard let index = lastIndex(of: separator) else { return ("", "", self) }
        return (String(self[..<index]), String(separator), String(self[self.index(after: index)...]))
    }
}
