/// A compact S-expression form of the AST, one top-level statement per line, with `@line:col-line:col` ranges
/// after each node when asked. The test fixtures hold the same form produced from CPython's `ast` module
/// (Tests/ScriptTests/Fixtures/sexp.py), so the two can be compared text for text.
extension Program {
    /// The S-expression dump of every statement.
    public func dump(ranges: Bool = true) -> String {
        var dumper = ASTDumper(ranges: ranges)
        return body.map { dumper.statement($0) }.joined(separator: "\n")
    }
}

extension Expr {
    /// The S-expression dump of this expression.
    public func dump(ranges: Bool = false) -> String {
        var dumper = ASTDumper(ranges: ranges)
        return dumper.expression(self)
    }
}

struct ASTDumper {
    var ranges: Bool

    func at(_ range: SourceRange) -> String {
        guard ranges else { return "" }
        return "@\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)"
    }

    mutating func optional(_ expression: Expr?) -> String {
        expression.map { self.expression($0) } ?? "-"
    }

    mutating func list(_ head: String, _ items: [String]) -> String {
        "(" + ([head] + items).joined(separator: " ") + ")"
    }

    mutating func expression(_ e: Expr) -> String {
        expressionBody(e) + at(e.range)
    }

    mutating func expressionBody(_ e: Expr) -> String {
        switch e.kind {
        case .name(let name):
            return name
        case .constant(let value):
            return Self.constant(value)
        case .formattedString(let parts):
            return "(f" + parts.map { " " + part($0) }.joined() + ")"
        case .unary(let op, let operand):
            let name: String
            switch op {
            case .not: name = "not"
            case .negate: name = "neg"
            case .plus: name = "pos"
            case .invert: name = "inv"
            }
            return "(\(name) \(expression(operand)))"
        case .binary(let left, let op, let right):
            return "(\(op.rawValue) \(expression(left)) \(expression(right)))"
        case .boolean(let op, let operands):
            return list(op.rawValue, operands.map { expression($0) })
        case .compare(let left, let links):
            var parts = [expression(left)]
            for link in links {
                parts.append(link.op.rawValue.replacingOccurrences(of: " ", with: "-"))
                parts.append(expression(link.right))
            }
            return list("cmp", parts)
        case .call(let function, let arguments, let keywords):
            let parts = [expression(function)] + arguments.map { expression($0) } + keywords.map { keyword($0) }
            return list("call", parts)
        case .attribute(let value, let name):
            return "(. \(expression(value)) \(name))"
        case .subscript(let value, let index):
            return "([] \(expression(value)) \(expression(index)))"
        case .slice(let lower, let upper, let step):
            return "(: \(optional(lower)) \(optional(upper)) \(optional(step)))"
        case .starred(let value):
            return "(* \(expression(value)))"
        case .tuple(let elements):
            return list("tuple", elements.map { expression($0) })
        case .list(let elements):
            return list("list", elements.map { expression($0) })
        case .set(let elements):
            return list("set", elements.map { expression($0) })
        case .dict(let entries):
            return list("dict", entries.map { entry in
                switch entry {
                case .pair(let key, let value): return "(kv \(expression(key)) \(expression(value)))"
                case .unpack(let value): return "(** \(expression(value)))"
                }
            })
        case .listComprehension(let element, let clauses):
            return list("listcomp", [expression(element)] + clauses.map { comprehension($0) })
        case .setComprehension(let element, let clauses):
            return list("setcomp", [expression(element)] + clauses.map { comprehension($0) })
        case .generator(let element, let clauses):
            return list("genexp", [expression(element)] + clauses.map { comprehension($0) })
        case .dictComprehension(let key, let value, let clauses):
            return list("dictcomp", [expression(key), expression(value)] + clauses.map { comprehension($0) })
        case .conditional(let test, let body, let orElse):
            return "(ifexp \(expression(test)) \(expression(body)) \(expression(orElse)))"
        case .lambda(let parameters, let body):
            return "(lambda \(self.parameters(parameters)) \(expression(body)))"
        case .namedExpr(let target, let value):
            return "(:= \(expression(target)) \(expression(value)))"
        case .yield(let value):
            return value.map { "(yield \(expression($0)))" } ?? "(yield)"
        case .yieldFrom(let value):
            return "(yield-from \(expression(value)))"
        case .await(let value):
            return "(await \(expression(value)))"
        }
    }

    mutating func part(_ part: FStringPart) -> String {
        switch part {
        case .literal(let text, let range):
            return Self.quoted(text) + at(range)
        case .field(let field):
            let conversion = field.conversion.map { String($0.rawValue) } ?? "-"
            return "(fv \(expression(field.value)) \(conversion) \(optional(field.formatSpec)))" + at(field.range)
        }
    }

    mutating func keyword(_ keyword: Keyword) -> String {
        "(kw \(keyword.name ?? "**") \(expression(keyword.value)))" + at(keyword.range)
    }

    mutating func comprehension(_ clause: Comprehension) -> String {
        list("for", [expression(clause.target), expression(clause.iterable)]
            + clause.conditions.map { "(if \(expression($0)))" })
    }

    mutating func parameter(_ parameter: Parameter, prefix: String = "") -> String {
        let name = prefix + parameter.name + at(parameter.range)
        guard parameter.annotation != nil || parameter.defaultValue != nil else { return name }
        var parts = [name]
        if let annotation = parameter.annotation { parts += [":", expression(annotation)] }
        if let value = parameter.defaultValue { parts += ["=", expression(value)] }
        return "(" + parts.joined(separator: " ") + ")"
    }

    mutating func parameters(_ parameters: Parameters) -> String {
        var parts: [String] = []
        for parameter in parameters.positionalOnly { parts.append(self.parameter(parameter)) }
        if !parameters.positionalOnly.isEmpty { parts.append("/") }
        for parameter in parameters.regular { parts.append(self.parameter(parameter)) }
        if let star = parameters.varPositional {
            parts.append(parameter(star, prefix: "*"))
        } else if !parameters.keywordOnly.isEmpty {
            parts.append("*")
        }
        for parameter in parameters.keywordOnly { parts.append(self.parameter(parameter)) }
        if let doubleStar = parameters.varKeyword { parts.append(parameter(doubleStar, prefix: "**")) }
        return list("params", parts)
    }

    mutating func block(_ head: String, _ body: [Stmt]) -> String {
        list(head, body.map { statement($0) })
    }

    mutating func statement(_ s: Stmt) -> String {
        statementBody(s) + at(s.range)
    }

    mutating func statementBody(_ s: Stmt) -> String {
        switch s.kind {
        case .expression(let value):
            return "(expr \(expression(value)))"
        case .assign(let targets, let value):
            return list("=", targets.map { expression($0) } + [expression(value)])
        case .augmentedAssign(let target, let op, let value):
            return "(\(op.rawValue)= \(expression(target)) \(expression(value)))"
        case .annotatedAssign(let target, let annotation, let value, let isSimple):
            return "(\(isSimple ? "ann" : "ann-paren") \(expression(target)) \(expression(annotation)) \(optional(value)))"
        case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
            let head: String
            if case .if = s.kind { head = "if" } else { head = "while" }
            var parts = [expression(test), block("do", body)]
            if !orElse.isEmpty { parts.append(block("else", orElse)) }
            return list(head, parts)
        case .for(let target, let iterable, let body, let orElse):
            var parts = [expression(target), expression(iterable), block("do", body)]
            if !orElse.isEmpty { parts.append(block("else", orElse)) }
            return list("for", parts)
        case .break:
            return "break"
        case .continue:
            return "continue"
        case .pass:
            return "pass"
        case .return(let value):
            return value.map { "(return \(expression($0)))" } ?? "(return)"
        case .functionDef(let function):
            var parts = [function.name, parameters(function.parameters)]
            if let returns = function.returns { parts.append("(-> \(expression(returns)))") }
            if !function.decorators.isEmpty { parts.append(list("@", function.decorators.map { expression($0) })) }
            parts.append(block("do", function.body))
            return list("def", parts)
        case .classDef(let definition):
            var parts = [definition.name]
            if !definition.bases.isEmpty { parts.append(list("bases", definition.bases.map { expression($0) })) }
            if !definition.decorators.isEmpty {
                parts.append(list("@", definition.decorators.map { expression($0) }))
            }
            parts.append(block("do", definition.body))
            return list("class", parts)
        case .with(let items, let body):
            let parts = items.map { item in
                item.target.map { "(item \(expression(item.context)) \(expression($0)))" }
                    ?? "(item \(expression(item.context)))"
            }
            return list("with", parts + [block("do", body)])
        case .try(let body, let handlers, let orElse, let final):
            var parts = [block("do", body)]
            for handler in handlers {
                parts.append(
                    list("except", [optional(handler.type), handler.name ?? "-", block("do", handler.body)])
                        + at(handler.range))
            }
            if !orElse.isEmpty { parts.append(block("else", orElse)) }
            if !final.isEmpty { parts.append(block("finally", final)) }
            return list("try", parts)
        case .raise(let exception, let cause):
            guard let exception else { return "(raise)" }
            guard let cause else { return "(raise \(expression(exception)))" }
            return "(raise \(expression(exception)) (from \(expression(cause))))"
        case .assert(let test, let message):
            return message.map { "(assert \(expression(test)) \(expression($0)))" } ?? "(assert \(expression(test)))"
        case .delete(let targets):
            return list("del", targets.map { expression($0) })
        case .global(let names):
            return list("global", names)
        case .nonlocal(let names):
            return list("nonlocal", names)
        case .import(let names):
            return list("import", names.map { alias($0) })
        case .importFrom(let module, let names):
            return list("from", [module] + names.map { alias($0) })
        }
    }

    func alias(_ alias: ImportAlias) -> String {
        (alias.asName.map { "(as \(alias.name) \($0))" } ?? alias.name) + at(alias.range)
    }

    static func constant(_ value: Constant) -> String {
        switch value {
        case .none: return "None"
        case .ellipsis: return "..."
        case .bool(let flag): return flag ? "True" : "False"
        case .int(let literal): return literal.digits
        case .float(let number): return pythonFloatRepr(number)
        case .string(let text): return quoted(text)
        }
    }

    /// A string as JSON writes it (`json.dumps(s, ensure_ascii=False)`).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Python's `repr()` of a float: the shortest round-tripping digits, in exponent form outside 1e-4 ..< 1e16.
    static func pythonFloatRepr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description holds the shortest round-tripping digits; re-lay them out as Python does.
        var text = "\(value.magnitude)"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var digits = text.replacingOccurrences(of: ".", with: "")
        let pointIndex = text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? text.count
        exponent += pointIndex - 1
        let leadingZeros = digits.prefix(while: { $0 == "0" }).count
        digits.removeFirst(leadingZeros)
        exponent -= leadingZeros
        while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
        if digits.isEmpty { digits = "0" }
        let sign = value < 0 ? "-" : ""
        if exponent < -4 || exponent >= 16 {
            let mantissa = digits.count == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
            let magnitude = String(abs(exponent))
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        if digits.count <= exponent + 1 {
            return sign + digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: exponent + 1)
        return sign + digits[..<split] + "." + digits[split...]
    }
}
