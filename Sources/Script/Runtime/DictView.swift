/// `dict.keys()`, `dict.values()` and `dict.items()`: live views that iterate, measure and print as CPython's do
/// (`dict_keys(['a', 'b'])`).
final class DictView: ForeignObject {
    enum Kind: String {
        case keys = "dict_keys"
        case values = "dict_values"
        case items = "dict_items"
    }

    let dict: DictObject
    let kind: Kind

    init(_ dict: DictObject, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }

    var typeName: String { dict.isOrderedDict ? "o" + kind.rawValue : kind.rawValue }

    /// The view's current elements.
    var elements: [Value] {
        switch kind {
        case .keys: return dict.items.map(\.key)
        case .values: return dict.items.map(\.value)
        case .items: return dict.items.map { .tuple([$0.key, $0.value]) }
        }
    }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "__iter__":
            return .builtin(BuiltinFunction("__iter__") { interpreter, _ in
                .iterator(interpreter.sequenceIterator(self.elements, typeName: "\(self.kind.rawValue)iterator"))
            })
        case "__len__":
            return .builtin(BuiltinFunction("__len__") { _, _ in .int(self.dict.count) })
        default:
            return nil
        }
    }

    func repr(interpreter: Interpreter) throws -> String {
        "\(typeName)(\(try interpreter.repr(.list(ListObject(elements)))))"
    }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
}
