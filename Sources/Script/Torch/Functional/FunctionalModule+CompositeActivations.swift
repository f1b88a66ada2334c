import Foundation
import Tensor

extension FunctionalModule {
    /// Activations PyTorch computes elementwise that are compositions of engine ops (leaky_relu, elu, hardtanh ...).
    static func defineCompositeActivations(_ table: inout FunctionTable) {
        table.define("leaky_relu", ["input", "negative_slope", "inplace"]) { arguments in
            let input = try floating(try arguments.tensor("input"), "leaky_relu_cpu")
            let slope = try arguments.double("negative_slope", default: 0.01)
            let result = try Tensor.where(try input.gt(zero), input, try input.mul(number(slope)))
            return try finish(result, into: input, inplace: try arguments.bool("inplace", default: false))
        }
        for name in ["elu", "celu"] {
            table.define(name, ["input", "alpha", "inplace"]) { arguments in
                let input = try floating(try arguments.tensor("input"), "elu_cpu")
                let alpha = try arguments.double("alpha", default: 1)
                if name == "celu" && alpha == 0 {
                    throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                                      "ZeroDivisionError: alpha cannot be 0 for CELU")
                }
                let scaled = name == "celu" ? try input.div(number(alpha)) : input
                let negative = try scaled.exp().sub(one).mul(number(alpha))
                let result = try Tensor.where(try input.gt(zero), input, negative)
                return try finish(result, into: input, inplace: try arguments.bool("inplace", default: false))
            }
        }
        table.define("selu", ["input", "inplace"]) { arguments in
            let input = try arguments.tensor("input")
            // The constants of Klambauer et al., as PyTorch spells them.
            let (alpha, scale) = (1.6732632423543772848170429916717, 1.0507009873554804934193349852946)
            let negative = try input.exp().sub(one).mul(number(alpha))
            let result = try Tensor.where(try input.gt(zero), input, negative).mul(number(scale))
            return try finish(result, into: input, inplace: try arguments.bool("inplace", default: false))
        }
        table.define("hardtanh", ["input", "min_val", "max_val", "inplace"]) { arguments in
            let input = try arguments.tensor("input")
            let low = try arguments.double("min_val", default: -1), high = try arguments.double("max_val", default: 1)
            guard low <= high else {
                throw PythonError.valueError("min_val cannot be greater than max_val")
            }
            let result = try input.clamp(min: .float(low), max: .float(high))
            return try finish(result, into: input, inplace: try arguments.bool("inplace", default: false))
        }
        table.define("relu6", ["input", "inplace"]) { arguments in
            let input = try arguments.tensor("input")
            let result = try input.clamp(min: .int(0), max: .int(6))
            return try finish(result, into: input, inplace: try arguments.bool("inplace", default: false))
        }
        table.define("hardsigmoid", ["input", "inplace"]) { arguments in
            let input = try arguments.tensor("input")
            let result = try input.add(number(3)).clamp(min: .int(0), max: .int(6)).div(number(6))
            return try finish(result, into: input, inplace: try arguments.bool("inplace", default: false))
        }
        table.define("hardswish", ["input", "inplace"]) { arguments in
            let input = try arguments.tensor("input")
            let result = try input.mul(try input.add(number(3)).clamp(min: .int(0), max: .int(6))).div(number(6))
            return try finish(result, into: input, inplace: try arguments.bool("inplace", default: false))
        }
        table.define("mish", ["input", "inplace"]) { arguments in
            let input = try arguments.tensor("input")
            let result = try input.mul(try input.softplus().tanh())
            return try finish(result, into: input, inplace: try arguments.bool("inplace", default: false))
        }
        table.define("logsigmoid", ["input"]) { arguments in
            .tensor(try arguments.tensor("input").neg().softplus().neg())
        }
        table.define("softsign", ["input"]) { arguments in
            let input = try arguments.tensor("input")
            return .tensor(try input.div(try input.abs().add(one)))
        }
        table.define("tanhshrink", ["input"]) { arguments in
            let input = try arguments.tensor("input")
            return .tensor(try input.sub(try input.tanh()))
        }
        table.define("threshold", ["input", "threshold", "value", "inplace"], required: 3) { arguments in
            let input = try arguments.tensor("input")
            let threshold = try arguments.double("threshold", default: 0)
            let value = try arguments.double("value", default: 0)
            let result = try Tensor.where(try input.gt(number(threshold)), input,
                                          try Tensor.full(like: input, .float(value)))
            return try finish(result, into: input, inplace: try arguments.bool("inplace", default: false))
        }
        table.define("glu", ["input", "dim"]) { arguments in
            let input = try arguments.tensor("input")
            guard input.rank > 0 else {
                throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                                  "glu does not support scalars because halving size must be even")
            }
            let dim = try TensorMethods.wrap(try arguments.int("dim", default: -1), input.rank)
            guard input.shape[dim] % 2 == 0 else {
                throw PythonError(Interpreter.exceptionClass(named: "RuntimeError"),
                                  "Halving dimension must be even, but dimension \(dim) is size \(input.shape[dim])")
            }
            let halves = try input.chunk(2, dim: dim)
            return .tensor(try halves[0].mul(try halves[1].sigmoid()))
        }
    }

    /// `input`, refused as PyTorch's kernel `kernel` refuses integer and bool tensors.
    static func floating(_ input: Tensor, _ kernel: String) throws -> Tensor {
        guard input.dtype.isFloatingPoint else { throw TensorError.notImplemented(op: kernel, dtype: input.dtype) }
        return input
    }

    /// A Python number as the engine wraps it in arithmetic.
    static func number(_ x: Double) -> Tensor { Tensor.wrapping(.float(x)) }
    /// The number 0 as arithmetic wraps it.
    static var zero: Tensor { Tensor.wrapping(.int(0)) }
    /// The number 1 as arithmetic wraps it.
    static var one: Tensor { Tensor.wrapping(.int(1)) }
}
