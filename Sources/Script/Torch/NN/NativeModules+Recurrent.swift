import Tensor

extension NativeModules {
    /// `nn.RNN`, `nn.GRU` and `nn.LSTM`: forward returns `(output, h_n)`, or `(output, (h_n, c_n))` for the LSTM.
    static let recurrent: [NativeModuleClass] = [rnn, gru, lstm]

    private static let home = "torch.nn.modules.rnn"
    /// `RNNBase`'s constructor parameters after the two sizes.
    private static let baseParameters = ["num_layers", "bias", "batch_first", "dropout", "bidirectional",
                                         "proj_size", "device", "dtype"]

    /// The checked constructor arguments every recurrent layer shares.
    private struct Settings {
        var inputSize = 0, hiddenSize = 0, numLayers = 1, projSize = 0
        var bias = true, batchFirst = false, bidirectional = false
        var dropout = 0.0
        var dtype = DType.defaultFloat

        /// Reads the values parsed against `["input_size", "hidden_size"] + baseParameters`, checking them as
        /// `RNNBase.__init__` does.
        init(_ values: [Value?], module: String) throws {
            for (index, name) in ["input_size", "hidden_size"].enumerated() {
                guard case .int(let size)? = values[index] else {
                    let given = (values[index] ?? .none).typeName
                    throw PythonError.typeError("\(name) should be of type int, got: \(given)")
                }
                if index == 0 { inputSize = size } else { hiddenSize = size }
            }
            if let layers = values[2] {
                guard case .int(let count) = layers else {
                    throw PythonError.typeError("'\(layers.typeName)' object cannot be interpreted as an integer")
                }
                numLayers = count
            }
            bias = try Convert.bool(values[3], "bias", default: true)
            batchFirst = try Convert.bool(values[4], "batch_first", default: false)
            switch values[5] {
            case nil: break
            case .int(let p)?: dropout = Double(p)
            case .float(let p)?: dropout = p
            default:
                throw PythonError.valueError("dropout should be a number in range [0, 1] representing the "
                    + "probability of an element being zeroed")
            }
            bidirectional = try Convert.bool(values[6], "bidirectional", default: false)
            projSize = try Convert.optionalInt(values[7], "proj_size") ?? 0
            if projSize != 0 && module != "LSTM" {
                throw PythonError.valueError("proj_size argument is only supported for LSTM, not RNN or GRU")
            }
            dtype = try Convert.dtype(values[9]) ?? .defaultFloat
        }
    }

    private static var rnn: NativeModuleClass {
        // RNN takes `nonlinearity` fourth, then RNNBase's parameters.
        let parameters = ["input_size", "hidden_size", "num_layers", "nonlinearity"] + baseParameters.dropFirst()
        var spec = NativeModuleClass("RNN", home: home, [RNN.self], parameters: parameters) { _, values in
            var base = values
            let nonlinearity = try string(base.remove(at: 3), "nonlinearity", default: "tanh")
            let settings = try Settings(base, module: "RNN")
            return try RNN(
                settings.inputSize, settings.hiddenSize, numLayers: settings.numLayers, nonlinearity: nonlinearity,
                bias: settings.bias, batchFirst: settings.batchFirst, dropout: settings.dropout,
                bidirectional: settings.bidirectional, dtype: settings.dtype)
        } forward: { _, _, module, arguments in
            let (tensors, rest) = try forwardArguments("RNN", arguments, ["input", "hx"], required: 1)
            let (output, hN) = try typed(module, RNN.self).forward(tensors[0], hx: try optionalTensor(rest[0], "hx"))
            return .tuple([.tensor(output), .tensor(hN)])
        }
        spec.attribute = { _, module, name in
            if name == "nonlinearity" { return (module as? RNN).map { .str($0.nonlinearity) } }
            return recurrentAttribute(module, name)
        }
        return shared(spec)
    }

    private static var gru: NativeModuleClass {
        let spec = NativeModuleClass("GRU", home: home, [GRU.self],
                                     parameters: ["input_size", "hidden_size"] + baseParameters) { _, values in
            let settings = try Settings(values, module: "GRU")
            return try GRU(
                settings.inputSize, settings.hiddenSize, numLayers: settings.numLayers, bias: settings.bias,
                batchFirst: settings.batchFirst, dropout: settings.dropout, bidirectional: settings.bidirectional,
                dtype: settings.dtype)
        } forward: { _, _, module, arguments in
            let (tensors, rest) = try forwardArguments("GRU", arguments, ["input", "hx"], required: 1)
            let (output, hN) = try typed(module, GRU.self).forward(tensors[0], hx: try optionalTensor(rest[0], "hx"))
            return .tuple([.tensor(output), .tensor(hN)])
        }
        return shared(spec)
    }

    private static var lstm: NativeModuleClass {
        let spec = NativeModuleClass("LSTM", home: home, [LSTM.self],
                                     parameters: ["input_size", "hidden_size"] + baseParameters) { _, values in
            let settings = try Settings(values, module: "LSTM")
            return try LSTM(
                settings.inputSize, settings.hiddenSize, numLayers: settings.numLayers, bias: settings.bias,
                batchFirst: settings.batchFirst, dropout: settings.dropout, bidirectional: settings.bidirectional,
                projSize: settings.projSize, dtype: settings.dtype)
        } forward: { interpreter, _, module, arguments in
            let (tensors, rest) = try forwardArguments("LSTM", arguments, ["input", "hx"], required: 1)
            let state = try lstmState(rest[0], interpreter)
            let (output, final) = try typed(module, LSTM.self).forward(tensors[0], state: state)
            return .tuple([.tensor(output), .tuple([.tensor(final.h), .tensor(final.c)])])
        }
        return shared(spec)
    }

    /// `(h_0, c_0)` from the `hx` a script passed, read as PyTorch reads it: `hx[0]` and `hx[1]`.
    private static func lstmState(_ value: Value?, _ interpreter: Interpreter) throws -> (h: Tensor, c: Tensor)? {
        guard let value, !value.isNone else { return nil }
        if case .tensor(let tensor) = value {
            // `hx[1]` on a tensor, with the indexing error PyTorch reports.
            guard tensor.rank > 0 else {
                throw PythonError(Builtins.indexError, "invalid index of a 0-dim tensor. Use `tensor.item()` in Python "
                    + "or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
            }
            guard tensor.shape[0] > 1 else {
                throw PythonError(Builtins.indexError, "index \(tensor.shape[0]) is out of bounds for dimension 0 with "
                    + "size \(tensor.shape[0])")
            }
            return (try tensor.select(dim: 0, index: 0), try tensor.select(dim: 0, index: 1))
        }
        guard let items = Convert.sequence(value) else {
            throw PythonError.typeError("'\(value.typeName)' object is not subscriptable")
        }
        guard items.count >= 2 else {
            throw PythonError(Builtins.indexError, "\(value.typeName) index out of range")
        }
        return (try Convert.tensor(items[0], "hx[0]"), try Convert.tensor(items[1], "hx[1]"))
    }

    /// The settings, parameter lists and methods the three classes share.
    private static func shared(_ spec: NativeModuleClass) -> NativeModuleClass {
        var spec = spec
        if spec.name != "RNN" { spec.attribute = { _, module, name in recurrentAttribute(module, name) } }
        spec.methods["flatten_parameters"] = { _, _, module, _ in
            try typed(module, RecurrentBase.self).flattenParameters()
            return .none
        }
        spec.methods["reset_parameters"] = { _, _, module, _ in
            try typed(module, RecurrentBase.self).resetParameters()
            return .none
        }
        return spec
    }

    /// `RNNBase`'s settings (`hidden_size`, `_flat_weights_names`, `all_weights` ...).
    private static func recurrentAttribute(_ module: Module, _ name: String) -> Value? {
        guard let base = module as? RecurrentBase else { return nil }
        switch name {
        case "mode":
            switch base.mode {
            case .rnnTanh: return .str("RNN_TANH")
            case .rnnRelu: return .str("RNN_RELU")
            case .gru: return .str("GRU")
            case .lstm: return .str("LSTM")
            }
        case "input_size": return .int(base.inputSize)
        case "hidden_size": return .int(base.hiddenSize)
        case "num_layers": return .int(base.numLayers)
        case "bias": return .bool(base.bias)
        case "batch_first": return .bool(base.batchFirst)
        case "dropout": return .float(base.dropout)
        case "bidirectional": return .bool(base.bidirectional)
        case "proj_size": return .int(base.projSize)
        case "_flat_weights_names":
            return .list(ListObject(base.allWeightNames.joined().map { .str($0) }))
        case "all_weights":
            return .list(ListObject(base.allWeights.map { .list(ListObject($0.map { .tensor($0) })) }))
        default: return nil
        }
    }
}
