import Foundation

/// The `random` module: module-level functions share one hidden `Random`, and `random.Random(seed)` makes more.
enum RandomModule {
    /// A fresh `random` module with its own hidden generator.
    static func make(_ interpreter: Interpreter) -> ModuleObject {
        let shared = RandomObject(RandomGenerator())
        var attributes: [String: Value] = [:]
        for name in RandomObject.methodNames {
            if let method = shared.method(name, interpreter) { attributes[name] = method }
        }
        attributes["Random"] = .builtin(BuiltinFunction("Random") { interpreter, arguments in
            guard arguments.keywords.isEmpty else {
                throw PythonError.typeError("Random() takes no keyword arguments")
            }
            guard arguments.positional.count <= 1 else {
                throw PythonError.typeError("Random.__init__() takes from 1 to 2 positional arguments but "
                    + "\(arguments.positional.count + 1) were given")
            }
            let object = RandomObject(RandomGenerator())
            try object.seed(arguments.positional.first ?? .none, interpreter)
            return .foreign(object)
        })
        return ModuleObject(name: "random", attributes: attributes)
    }
}

/// A `random.Random` instance: a generator and its methods.
final class RandomObject: ForeignObject {
    /// The state the methods draw from.
    let generator: RandomGenerator
    /// `Random`.
    var typeName: String { "Random" }

    /// An instance drawing from `generator`.
    init(_ generator: RandomGenerator) {
        self.generator = generator
    }

    /// The methods `random.Random` instances (and the module) offer.
    static let methodNames = [
        "seed", "random", "getstate", "setstate", "getrandbits", "randrange", "randint", "choice", "choices",
        "shuffle", "sample", "uniform", "gauss", "normalvariate", "expovariate",
    ]

    /// Its methods.
    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        method(name, interpreter)
    }

    /// `<random.Random object at 0x...>`.
    func repr(interpreter: Interpreter) throws -> String {
        "<random.Random object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
    }

    /// Not callable.
    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }

    /// Reseeds: None from entropy, ints (and integral floats) as CPython does.
    func seed(_ value: Value, _ interpreter: Interpreter) throws {
        switch value {
        case .none: generator.seedFromEntropy()
        case .int(let n): generator.seed(n)
        case .bool(let b): generator.seed(b ? 1 : 0)
        case .float(let x) where x == x.rounded(.towardZero) && Swift.abs(x) < 0x1p63:
            // CPython seeds a float from its hash, which for an integral float is the int's.
            generator.seed(Int(x))
        case .float, .str:
            throw PythonError.typeError("Attend's random.seed() supports only int seeds and None, not "
                + "'\(value.typeName)' (CPython hashes them)")
        default:
            throw PythonError.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
        }
    }

    /// The bound method `name`, or nil.
    func method(_ name: String, _ interpreter: Interpreter) -> Value? {
        guard let body = methodBody(name, interpreter) else { return nil }
        return .builtin(BuiltinFunction(name) { _, arguments in try body(arguments) })
    }

    private func methodBody(_ name: String, _ interpreter: Interpreter) -> ((Arguments) throws -> Value)? {
        // The `random` module keeps these methods and the interpreter keeps the module: they must not keep it.
        unowned let interpreter = interpreter
        let generator = self.generator
        func signature(_ names: [String], required: Int? = nil, keywordOnly: [String] = []) -> PythonSignature {
            PythonSignature("Random.\(name)", names, required: required ?? names.count, keywordOnly: keywordOnly,
                            isMethod: true)
        }
        switch name {
        case "seed":
            return { arguments in
                let values = try signature(["a", "version"], required: 0).parse(arguments)
                try self.seed(values[0] ?? .none, interpreter)
                return .none
            }
        case "random":
            return { arguments in
                try LibraryModule.noKeywords(arguments, "Random.random()")
                guard arguments.positional.isEmpty else {
                    throw PythonError.typeError(
                        "Random.random() takes no arguments (\(arguments.positional.count) given)")
                }
                return .float(generator.random())
            }
        case "getstate":
            return { arguments in
                _ = try signature([]).parse(arguments)
                return generator.state
            }
        case "setstate":
            return { arguments in
                let values = try signature(["state"]).parse(arguments)
                try generator.restore(values[0] ?? .none, interpreter)
                return .none
            }
        case "getrandbits":
            return { arguments in
                try LibraryModule.noKeywords(arguments, "Random.getrandbits()")
                try LibraryModule.count(arguments.positional.count, 1...1, "getrandbits")
                let bits = try LibraryModule.integer(arguments.positional[0], interpreter)
                guard bits >= 0 else { throw PythonError.valueError("number of bits must be non-negative") }
                guard bits < Int.bitWidth else { throw Arithmetic.overflow() }
                return .int(generator.randomBits(bits))
            }
        default:
            return RandomMethods.body(name, generator, interpreter, signature)
        }
    }
}
