import Foundation

/// The `math` module: constants and float functions with CPython's domain and range errors.
enum MathModule {
    /// A fresh `math` module.
    static func make(_ interpreter: Interpreter) -> ModuleObject {
        var module = LibraryModule("math")
        module.attributes = [
            "pi": .float(Double.pi), "e": .float(M_E), "tau": .float(2 * Double.pi),
            "inf": .float(.infinity), "nan": .float(.nan),
        ]
        defineFloatFunctions(&module)
        defineRounding(&module)
        defineIntegerFunctions(&module, interpreter)
        defineSums(&module, interpreter)
        return module.make()
    }

    /// A float result checked as CPython checks libm's: NaN from a non-NaN input is a domain error, infinity from
    /// finite inputs a range error.
    static func checked(_ y: Double, _ inputs: Double...) throws -> Value {
        if y.isNaN && !inputs.contains(where: \.isNaN) { throw domainError }
        if y.isInfinite && inputs.allSatisfy(\.isFinite) { throw rangeError }
        return .float(y)
    }

    /// `ValueError: math domain error`.
    static var domainError: PythonError { PythonError.valueError("math domain error") }
    /// `OverflowError: math range error`.
    static var rangeError: PythonError { PythonError.overflowError("math range error") }

    private static func defineFloatFunctions(_ module: inout LibraryModule) {
        let plain: [(String, (Double) -> Double)] = [
            ("exp", Foundation.exp), ("expm1", Foundation.expm1), ("sqrt", { $0.squareRoot() }),
            ("sin", Foundation.sin), ("cos", Foundation.cos), ("tan", Foundation.tan),
            ("asin", Foundation.asin), ("acos", Foundation.acos), ("atan", Foundation.atan),
            ("sinh", Foundation.sinh), ("cosh", Foundation.cosh), ("tanh", Foundation.tanh),
            ("asinh", Foundation.asinh), ("acosh", Foundation.acosh), ("erf", Foundation.erf),
            ("erfc", Foundation.erfc), ("fabs", Swift.abs),
            ("degrees", { $0 * (180 / Double.pi) }), ("radians", { $0 * (Double.pi / 180) }),
        ]
        for (name, f) in plain {
            module.unary(name) { value in
                let x = try LibraryModule.real(value)
                return try checked(f(x), x)
            }
        }
        // Poles (log(0), atanh(1), gamma(0)) are domain errors in CPython, not range errors.
        let poles: [(String, (Double) -> Bool, (Double) -> Double)] = [
            ("log2", { $0 > 0 }, Foundation.log2), ("log10", { $0 > 0 }, Foundation.log10),
            ("log1p", { $0 > -1 }, Foundation.log1p), ("atanh", { Swift.abs($0) < 1 }, Foundation.atanh),
            ("gamma", { $0 > 0 || $0 != $0.rounded(.down) }, Foundation.tgamma),
            ("lgamma", { $0 > 0 || $0 != $0.rounded(.down) }, { Foundation.lgamma($0) }),
        ]
        for (name, domain, f) in poles {
            module.unary(name) { value in
                let x = try LibraryModule.real(value)
                guard x.isNaN || x.isInfinite || domain(x) else { throw domainError }
                if name == "gamma" && x == -.infinity { throw domainError }
                return try checked(f(x), x)
            }
        }
        module.define("log") { arguments in
            try LibraryModule.noKeywords(arguments, "log()")
            guard (1...2).contains(arguments.positional.count) else {
                throw PythonError.typeError("math.log requires 1 to 2 arguments")
            }
            let x = try logarithm(arguments.positional[0])
            guard arguments.positional.count == 2 else { return .float(x) }
            let base = try logarithm(arguments.positional[1])
            guard base != 0 else { throw PythonError.zeroDivision("float division by zero") }
            return .float(x / base)
        }
        let binary: [(String, (Double, Double) -> Double)] = [
            ("atan2", Foundation.atan2), ("copysign", Foundation.copysign), ("fmod", Foundation.fmod),
        ]
        for (name, f) in binary {
            module.positional(name, 2...2) { values in
                let x = try LibraryModule.real(values[0]), y = try LibraryModule.real(values[1])
                return try checked(f(x, y), x, y)
            }
        }
        module.positional("pow", 2...2) { values in
            let x = try LibraryModule.real(values[0]), y = try LibraryModule.real(values[1])
            let result = Foundation.pow(x, y)
            // 0 ** negative is a pole: a domain error, where other infinite results from finite inputs overflow.
            if x == 0 && y < 0 && y.isFinite { throw domainError }
            return try checked(result, x, y)
        }
        for (name, test) in [("isnan", { (x: Double) in x.isNaN }), ("isinf", { $0.isInfinite }),
                             ("isfinite", { $0.isFinite })] {
            module.unary(name) { value in .bool(test(try LibraryModule.real(value))) }
        }
        module.define("isclose") { arguments in
            guard arguments.positional.count <= 2 else {
                throw PythonError.typeError(
                    "isclose() takes exactly 2 positional arguments (\(arguments.positional.count) given)")
            }
            let values = try BuiltinMethods.keywordArguments(arguments, "isclose", ["a", "b", "rel_tol", "abs_tol"])
            for (index, name) in ["a", "b"].enumerated() where values[index] == nil {
                throw PythonError.typeError("isclose() missing required argument '\(name)' (pos \(index + 1))")
            }
            let a = try LibraryModule.real(values[0] ?? .none), b = try LibraryModule.real(values[1] ?? .none)
            let relative = try values[2].map(LibraryModule.real) ?? 1e-9
            let absolute = try values[3].map(LibraryModule.real) ?? 0
            guard relative >= 0 && absolute >= 0 else {
                throw PythonError.valueError("tolerances must be non-negative")
            }
            if a == b { return .true }
            if a.isInfinite || b.isInfinite { return .false }
            let difference = Swift.abs(b - a)
            return .bool(difference <= Swift.abs(relative * b) || difference <= Swift.abs(relative * a)
                || difference <= absolute)
        }
    }

    private static func defineRounding(_ module: inout LibraryModule) {
        for (name, rule) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
            module.unary(name) { value in
                switch value {
                case .int(let n): return .int(n)
                case .bool(let b): return .int(b ? 1 : 0)
                case .float, .tensor: break
                default:
                    if name == "trunc" {
                        throw PythonError.typeError("type \(value.typeName) doesn't define __trunc__ method")
                    }
                }
                return try Conversions.fromDouble(try LibraryModule.real(value).rounded(rule))
            }
        }
        module.unary("modf") { value in
            let x = try LibraryModule.real(value)
            if x.isInfinite { return .tuple([.float(Foundation.copysign(0, x)), .float(x)]) }
            let whole = x.rounded(.towardZero)
            return .tuple([.float(Foundation.copysign(x - whole, x)), .float(whole)])
        }
        module.unary("frexp") { value in
            let x = try LibraryModule.real(value)
            guard x.isFinite && x != 0 else { return .tuple([.float(x), .int(0)]) }
            let parts = Foundation.frexp(x)
            return .tuple([.float(parts.0), .int(parts.1)])
        }
        module.positional("ldexp", 2...2) { values in
            let x = try LibraryModule.real(values[0])
            let exponent: Int
            switch values[1] {
            case .int(let n): exponent = n
            case .bool(let b): exponent = b ? 1 : 0
            default: throw PythonError.typeError("Expected an int as second argument to ldexp.")
            }
            guard x.isFinite && x != 0 else { return .float(x) }
            // Exponents far outside Double's range saturate; scalbn handles the rest exactly.
            let result = Foundation.scalbn(x, Swift.max(-4000, Swift.min(4000, exponent)))
            if result.isInfinite { throw rangeError }
            return .float(result)
        }
    }

    /// The natural logarithm with Python's domain check (`math.log(0)` is a ValueError).
    private static func logarithm(_ value: Value) throws -> Double {
        let x = try LibraryModule.real(value)
        guard x > 0 || x.isNaN else { throw domainError }
        return Foundation.log(x)
    }
}
