import Foundation

/// `random.Random`'s methods written in Python in CPython (ranges, choices, shuffles, distributions), following
/// the same recipes so that they consume the generator exactly as CPython does.
enum RandomMethods {
    /// The body of the method `name` on `generator`, or nil; `signature` builds its parameter matcher.
    static func body(_ name: String, _ generator: RandomGenerator, _ interpreter: Interpreter,
                     _ signature: @escaping ([String], Int?, [String]) -> PythonSignature)
        -> ((Arguments) throws -> Value)? {
        unowned let interpreter = interpreter
        func parse(_ arguments: Arguments, _ names: [String], required: Int? = nil,
                   keywordOnly: [String] = []) throws -> [Value?] {
            try signature(names, required, keywordOnly).parse(arguments)
        }
        switch name {
        case "randrange":
            return { arguments in
                let values = try parse(arguments, ["start", "stop", "step"], required: 1)
                return .int(try randrange(values[0] ?? .none, values[1], values[2], generator, interpreter))
            }
        case "randint":
            return { arguments in
                let values = try parse(arguments, ["a", "b"])
                let b = try interpreter.binaryOperation(.add, values[1] ?? .none, .int(1))
                return .int(try randrange(values[0] ?? .none, b, nil, generator, interpreter))
            }
        case "choice":
            return { arguments in
                let sequence = try parse(arguments, ["seq"])[0] ?? .none
                let count = try interpreter.length(sequence)
                guard count > 0 else { throw PythonError.indexError("Cannot choose from an empty sequence") }
                return try interpreter.getItem(sequence, .int(generator.below(count)))
            }
        case "choices":
            return { arguments in
                let values = try parse(arguments, ["population", "weights"], required: 1,
                                       keywordOnly: ["cum_weights", "k"])
                return try choices(values, generator, interpreter)
            }
        case "shuffle":
            return { arguments in
                let sequence = try parse(arguments, ["x"])[0] ?? .none
                let count = try interpreter.length(sequence)
                for i in stride(from: count - 1, to: 0, by: -1) {
                    let j = generator.below(i + 1)
                    let a = try interpreter.getItem(sequence, .int(i)), b = try interpreter.getItem(sequence, .int(j))
                    try interpreter.setItem(sequence, .int(i), b)
                    try interpreter.setItem(sequence, .int(j), a)
                }
                return .none
            }
        case "sample":
            return { arguments in
                let values = try parse(arguments, ["population", "k"], keywordOnly: ["counts"])
                return try sample(values, generator, interpreter)
            }
        case "uniform":
            return { arguments in
                let values = try parse(arguments, ["a", "b"])
                let a = try LibraryModule.real(values[0] ?? .none), b = try LibraryModule.real(values[1] ?? .none)
                return .float(a + (b - a) * generator.random())
            }
        case "gauss", "normalvariate":
            return { arguments in
                let values = try parse(arguments, ["mu", "sigma"], required: 0)
                let mu = try values[0].map(LibraryModule.real) ?? 0
                let sigma = try values[1].map(LibraryModule.real) ?? 1
                let z = name == "gauss" ? gauss(generator) : normal(generator)
                return .float(mu + z * sigma)
            }
        case "expovariate":
            return { arguments in
                let lambda = try LibraryModule.real(try parse(arguments, ["lambd"])[0] ?? .none)
                guard lambda != 0 else { throw PythonError.zeroDivision("float division by zero") }
                return .float(-Foundation.log(1 - generator.random()) / lambda)
            }
        default:
            return nil
        }
    }

    /// An int argument of randrange: ints as they are; other values through `int()`, which must not change them.
    private static func rangeBound(_ value: Value, _ position: Int, _ interpreter: Interpreter) throws -> Int {
        switch value {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        default:
            let converted = try Conversions.int(interpreter, Arguments([value]))
            guard case .int(let n) = converted, try interpreter.equals(converted, value) else {
                throw PythonError.valueError("non-integer arg \(position) for randrange()")
            }
            return n
        }
    }

    private static func randrange(_ start: Value, _ stop: Value?, _ step: Value?, _ generator: RandomGenerator,
                                  _ interpreter: Interpreter) throws -> Int {
        let first = try rangeBound(start, 1, interpreter)
        guard let stop, !stop.isNone else {
            guard first > 0 else { throw PythonError.valueError("empty range for randrange()") }
            return generator.below(first)
        }
        let last = try rangeBound(stop, 2, interpreter)
        let (width, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow else { throw Arithmetic.overflow() }
        let stride = try step.map { try rangeBound($0, 3, interpreter) } ?? 1
        if stride == 1 {
            guard width > 0 else {
                throw PythonError.valueError("empty range for randrange() (\(first), \(last), \(width))")
            }
            return first + generator.below(width)
        }
        guard stride != 0 else { throw PythonError.valueError("zero step for randrange()") }
        // The count of values, rounding away from zero as CPython's floor division of the adjusted width does.
        let (adjusted, wrapped) = width.addingReportingOverflow(stride > 0 ? stride - 1 : stride + 1)
        guard !wrapped else { throw Arithmetic.overflow() }
        var count = adjusted / stride
        if adjusted % stride != 0 && (adjusted < 0) != (stride < 0) { count -= 1 }
        guard count > 0 else { throw PythonError.valueError("empty range for randrange()") }
        return first + stride * generator.below(count)
    }

    /// Python's `random()`-based gauss with its cached second value.
    private static func gauss(_ generator: RandomGenerator) -> Double {
        if let next = generator.gaussNext {
            generator.gaussNext = nil
            return next
        }
        let angle = generator.random() * 2 * Double.pi
        let radius = (-2 * Foundation.log(1 - generator.random())).squareRoot()
        generator.gaussNext = Foundation.sin(angle) * radius
        return Foundation.cos(angle) * radius
    }

    /// Kinderman and Monahan's ratio-of-uniforms method, as `normalvariate` uses it.
    private static func normal(_ generator: RandomGenerator) -> Double {
        let magic = 4 * Foundation.exp(-0.5) / 2.0.squareRoot()
        while true {
            let u1 = generator.random()
            let u2 = 1 - generator.random()
            let z = magic * (u1 - 0.5) / u2
            if z * z / 4 <= -Foundation.log(u2) { return z }
        }
    }
}
