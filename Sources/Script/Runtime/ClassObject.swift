/// A Python class: its name, bases, method resolution order and namespace. Built-in types are classes too, with a
/// Swift constructor.
public final class ClassObject {
    /// `__name__`.
    public let name: String
    /// `__bases__`.
    public let bases: [ClassObject]
    /// `__mro__`, starting with this class.
    public private(set) var mro: [ClassObject] = []
    /// The class namespace (methods, class attributes).
    public var attributes: [String: Value]
    /// How calling a built-in type builds its value (nil for program-defined classes and exceptions).
    let constructor: ((Interpreter, Arguments) throws -> Value)?
    /// True for classes built into the interpreter.
    public let isBuiltin: Bool
    /// The module a binding's class lives in, shown by its repr (`torch.nn.modules.linear` for `nn.Linear`).
    public var home: String?

    /// A class with the given bases (its MRO computed as CPython's C3; TypeError when inconsistent). Bindings make
    /// native classes such as `nn.Module` this way, with builtin functions as methods, so programs can subclass them.
    public init(name: String, bases: [ClassObject], attributes: [String: Value] = [:], isBuiltin: Bool = false,
                constructor: ((Interpreter, Arguments) throws -> Value)? = nil) throws {
        self.name = name
        self.bases = bases
        self.attributes = attributes
        self.isBuiltin = isBuiltin
        self.constructor = constructor
        self.mro = [self] + (try Self.linearize(bases, name: name))
    }

    /// A built-in class with single inheritance (its MRO cannot fail).
    init(builtin name: String, base: ClassObject?,
         constructor: ((Interpreter, Arguments) throws -> Value)? = nil) {
        self.name = name
        self.bases = base.map { [$0] } ?? []
        self.attributes = [:]
        self.isBuiltin = true
        self.constructor = constructor
        self.mro = [self] + (base?.mro ?? [])
    }

    /// True when this class is `other` or derives from it.
    public func isSubclass(of other: ClassObject) -> Bool {
        mro.contains { $0 === other }
    }

    /// Looks `name` up along the MRO.
    public func lookup(_ name: String) -> Value? {
        for cls in mro {
            if let value = cls.attributes[name] { return value }
        }
        return nil
    }

    // C3 linearization, as CPython computes `__mro__`.
    private static func linearize(_ bases: [ClassObject], name: String) throws -> [ClassObject] {
        var sequences = bases.map(\.mro) + [bases]
        var result: [ClassObject] = []
        while true {
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { return result }
            var chosen: ClassObject?
            for sequence in sequences {
                guard let head = sequence.first else { continue }
                let inTail = sequences.contains { tail in tail.dropFirst().contains { $0 === head } }
                if !inTail {
                    chosen = head
                    break
                }
            }
            guard let next = chosen else {
                let names = bases.map(\.name).joined(separator: ", ")
                throw PythonError.typeError(
                    "Cannot create a consistent method resolution order (MRO) for bases \(names)")
            }
            result.append(next)
            sequences = sequences.map { sequence in sequence.first === next ? Array(sequence.dropFirst()) : sequence }
        }
    }
}
