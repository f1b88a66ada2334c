/// The stack of layers inside `TransformerEncoder` and `TransformerDecoder`: deep copies of one layer, registered
/// as `0`, `1`, ... and printed as PyTorch prints a `ModuleList`, with runs of identical layers folded into
/// `(0-5): 6 x Layer(...)`.
final class TransformerLayers: Module, ReplicableModule {
    /// `count` deep copies of `layer`.
    init(copying layer: Module, count: Int) throws {
        super.init()
        for index in 0..<Swift.max(count, 0) { try registerModule(String(index), try layer.deepCopy()) }
    }

    private override init() { super.init() }

    override var typeName: String { "ModuleList" }

    /// The layers, in order.
    var layers: [Module] { moduleSlots.entries.compactMap(\.value) }

    override func describedChildren() -> [String] {
        let entries = moduleSlots.entries.map { $0.value?.description ?? "None" }
        var lines: [String] = []
        var start = 0
        while start < entries.count {
            var end = start
            while end + 1 < entries.count && entries[end + 1] == entries[start] { end += 1 }
            let label = start == end ? "(\(start)): " : "(\(start)-\(end)): \(end - start + 1) x "
            lines.append(Module.indented(label + entries[start]))
            start = end + 1
        }
        return lines
    }

    func makeReplica() throws -> Module { TransformerLayers() }
}
