import Tensor
import XCTest

@testable import Script

/// The extension point torch bindings will use: tensors as values, their operators, reprs and class.
final class InterpreterBindingTests: XCTestCase {
    private final class MiniBinding: ForeignBinding {
        let tensorClass: ClassObject

        init() throws {
            tensorClass = try ClassObject(name: "Tensor", bases: [Interpreter.objectClass], isBuiltin: true)
        }

        func attribute(of tensor: Value, _ name: String, interpreter: Interpreter) throws -> Value? {
            guard case .tensor(let t) = tensor, name == "shape" else { return nil }
            return .tuple(t.shape.map { .int($0) })
        }

        func binary(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value, interpreter: Interpreter) throws -> Value? {
            guard op == .add, case .tensor(let a) = lhs, case .tensor(let b) = rhs else { return nil }
            return .tensor(try a.add(b))
        }

        func compare(_ op: ComparisonOperator, _ lhs: Value, _ rhs: Value, interpreter: Interpreter) throws -> Value? {
            nil
        }

        func unary(_ op: UnaryOperator, _ operand: Value, interpreter: Interpreter) throws -> Value? { nil }

        func repr(_ tensor: Value, interpreter: Interpreter) throws -> String {
            guard case .tensor(let t) = tensor else { return "?" }
            return TensorRepr.repr(t)
        }

        func typeObject(of value: Value) -> ClassObject? { tensorClass }
    }

    func testTensorsGoThroughTheBinding() throws {
        var output = ""
        let interpreter = Interpreter { output += $0 }
        let binding = try MiniBinding()
        interpreter.binding = binding
        interpreter.defineBuiltin("Tensor", .type(binding.tensorClass))
        interpreter.defineBuiltin("arange", .builtin(BuiltinFunction("arange") { _, arguments in
            guard case .int(let n)? = arguments.positional.first else { return .none }
            return .tensor(try Tensor.arange(.int(Int64(n))))
        }))
        let source = """
            t = arange(3)
            print(t + t, t.shape, type(t).__name__, isinstance(t, Tensor))
            print(f"{t!r}")
            t + "x"
            """
        guard case .exception(let error, _) = interpreter.run(source: source) else { return XCTFail(output) }
        XCTAssertEqual(output, "tensor([0, 2, 4]) (3,) Tensor True\ntensor([0, 1, 2])\n")
        XCTAssertEqual(interpreter.exceptionLine(error.exception),
                       "TypeError: unsupported operand type(s) for +: 'Tensor' and 'str'")
    }
}
