import Foundation
import Tensor

/// `torch.finfo(dtype)` / `torch.iinfo(dtype)`: the limits of a numeric dtype, printed as PyTorch prints them.
final class TypeInfoObject: ForeignObject {
    /// The dtype described.
    let dtype: DType
    var typeName: String { dtype.isFloatingPoint ? "finfo" : "iinfo" }

    /// The limits of `dtype`.
    init(_ dtype: DType) { self.dtype = dtype }

    /// `float32`: the dtype's name without the `torch.` prefix.
    private var shortName: String { String(dtype.name.dropFirst("torch.".count)) }

    /// The named limits, in the order PyTorch's repr lists them.
    private var limits: [(String, Value)] {
        switch dtype {
        case .float32:
            return [("resolution", .float(1e-06)), ("min", .float(-Double(Float.greatestFiniteMagnitude))),
                    ("max", .float(Double(Float.greatestFiniteMagnitude))), ("eps", .float(Double(Float.ulpOfOne))),
                    ("smallest_normal", .float(Double(Float.leastNormalMagnitude))),
                    ("tiny", .float(Double(Float.leastNormalMagnitude)))]
        case .float64:
            return [("resolution", .float(1e-15)), ("min", .float(-Double.greatestFiniteMagnitude)),
                    ("max", .float(Double.greatestFiniteMagnitude)), ("eps", .float(Double.ulpOfOne)),
                    ("smallest_normal", .float(Double.leastNormalMagnitude)),
                    ("tiny", .float(Double.leastNormalMagnitude))]
        case .int64, .bool:
            return [("min", .int(Int(Int64.min))), ("max", .int(Int(Int64.max)))]
        }
    }

    func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "bits": return .int(dtype.itemSize * 8)
        case "dtype": return .str(shortName)
        default: return limits.first { $0.0 == name }?.1
        }
    }

    func repr(interpreter: Interpreter) throws -> String {
        let fields = limits.map { name, value -> String in
            let number: Double
            switch value {
            case .int(let n): number = Double(n)
            case .float(let x): number = x
            default: number = 0
            }
            return "\(name)=\(String(format: "%g", number))"
        }
        return "\(typeName)(\((fields + ["dtype=\(shortName)"]).joined(separator: ", ")))"
    }

    func call(_ arguments: Arguments, interpreter: Interpreter) throws -> Value? { nil }
}
