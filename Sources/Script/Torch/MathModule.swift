import Foundation

/// A minimal `math` module: constants and the functions notebook code reaches for.
enum MathModule {
    static func make() -> ModuleObject {
        var attributes: [String: Value] = [
            "pi": .float(Double.pi), "e": .float(M_E), "tau": .float(2 * Double.pi),
            "inf": .float(.infinity), "nan": .float(.nan),
        ]
        func define(_ name: String, _ body: @escaping ([Value]) throws -> Value) {
            attributes[name] = .builtin(BuiltinFunction(name) { _, arguments in
                guard arguments.keywords.isEmpty else {
                    throw PythonError.typeError("math.\(name)() takes no keyword arguments")
                }
                return try body(arguments.positional)
            })
        }
        func unary(_ name: String, _ domain: @escaping (Double) -> Bool = { _ in true },
                   _ f: @escaping (Double) -> Double) {
            define(name) { values in
                guard values.count == 1 else {
                    throw PythonError.typeError("math.\(name)() takes exactly one argument (\(values.count) given)")
                }
                let x = try real(values[0])
                guard domain(x) else { throw PythonError.valueError("math domain error") }
                let y = f(x)
                if y.isInfinite && x.isFinite { throw PythonError.overflowError("math range error") }
                return .float(y)
            }
        }
        unary("exp") { Foundation.exp($0) }
        unary("sqrt", { $0 >= 0 || $0.isNaN }) { $0.squareRoot() }
        unary("sin", { !$0.isInfinite }) { Foundation.sin($0) }
        unary("cos", { !$0.isInfinite }) { Foundation.cos($0) }
        unary("tan", { !$0.isInfinite }) { Foundation.tan($0) }
        unary("tanh") { Foundation.tanh($0) }
        unary("fabs") { Swift.abs($0) }
        define("log") { values in
            guard (1...2).contains(values.count) else {
                throw PythonError.typeError("log expected at least 1 argument, got \(values.count)")
            }
            let x = try logarithm(values[0])
            guard values.count == 2 else { return .float(x) }
            let base = try logarithm(values[1])
            guard base != 0 else { throw PythonError.zeroDivision("float division by zero") }
            return .float(x / base)
        }
        for (name, test) in [("isnan", { (x: Double) in x.isNaN }), ("isinf", { $0.isInfinite }),
                             ("isfinite", { $0.isFinite })] {
            define(name) { values in
                guard values.count == 1 else {
                    throw PythonError.typeError("math.\(name)() takes exactly one argument (\(values.count) given)")
                }
                return .bool(test(try real(values[0])))
            }
        }
        for name in ["floor", "ceil"] {
            define(name) { values in
                guard values.count == 1 else {
                    throw PythonError.typeError("math.\(name)() takes exactly one argument (\(values.count) given)")
                }
                if case .int(let n) = values[0] { return .int(n) }
                let x = try real(values[0])
                let rounded = name == "floor" ? x.rounded(.down) : x.rounded(.up)
                guard x.isFinite else {
                    if x.isNaN { throw PythonError.valueError("cannot convert float NaN to integer") }
                    throw PythonError.overflowError("cannot convert float infinity to integer")
                }
                guard let n = Int(exactly: rounded) else { throw PythonError.overflowError("int too large") }
                return .int(n)
            }
        }
        return ModuleObject(name: "math", attributes: attributes)
    }

    private static func real(_ value: Value) throws -> Double {
        switch value {
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .float(let x): return x
        case .tensor(let t) where t.count == 1: return try t.item().doubleValue
        default: throw PythonError.typeError("must be real number, not \(value.typeName)")
        }
    }

    /// The natural logarithm with Python's domain check (`math.log(0)` is a ValueError).
    private static func logarithm(_ value: Value) throws -> Double {
        let x = try real(value)
        guard x > 0 || x.isNaN else { throw PythonError.valueError("math domain error") }
        return Foundation.log(x)
    }
}
