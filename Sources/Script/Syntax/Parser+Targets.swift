/// Which kind of target CPython is looking for when it explains an invalid one.
enum TargetsType {
    case starTargets
    case deleteTargets
    case forTarget
}

extension Parser {
    // MARK: Parsing targets

    /// `star_targets`: assignment targets, a tuple if there is a comma (as in `for a, b in ...`).
    func parseStarTargets() throws(Failure) -> Expr {
        let start = try peek().range.start
        let first = try parseStarTarget()
        guard try check(.comma) else { return first }
        var elements = [first]
        while try accept(.comma) != nil {
            guard let next = try attempt({ () throws(Failure) -> Expr in try parseStarTarget() }) else { break }
            elements.append(next)
        }
        return Expr(.tuple(elements), range(from: start))
    }

    /// `star_target: '*' star_target | target_with_star_atom`.
    func parseStarTarget() throws(Failure) -> Expr {
        if let star = try accept(.star) {
            if try check(.star) { throw .noMatch }
            let inner = try parseStarTarget()
            if isStarred(inner) { throw .noMatch }
            return Expr(.starred(inner), range(from: star.range.start))
        }
        let target = try parsePrimary()
        guard isStarTarget(target) else { throw .noMatch }
        return target
    }

    // MARK: Validating targets

    /// Whether an expression can be assigned to (`star_targets`): a name, attribute, subscript, starred target, or a
    /// tuple or list of those.
    func isStarTarget(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .name, .attribute, .subscript:
            return true
        case .starred(let inner):
            return !isStarred(inner) && isStarTarget(inner)
        case .tuple(let elements), .list(let elements):
            return elements.allSatisfy(isStarTarget)
        default:
            return false
        }
    }

    /// `single_target`: a name, attribute or subscript (what augmented and annotated assignments take).
    func isSingleTarget(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .name, .attribute, .subscript: return true
        default: return false
        }
    }

    /// `del_target`: a name, attribute or subscript, or a tuple or list of those.
    func isDeleteTarget(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .name, .attribute, .subscript:
            return true
        case .tuple(let elements), .list(let elements):
            return elements.allSatisfy(isDeleteTarget)
        default:
            return false
        }
    }

    /// The part of an expression that cannot be a target, as CPython's `_PyPegen_get_invalid_target` finds it.
    func invalidTarget(_ expression: Expr, _ type: TargetsType) -> Expr? {
        switch expression.kind {
        case .list(let elements), .tuple(let elements):
            for element in elements {
                if let bad = invalidTarget(element, type) { return bad }
            }
            return nil
        case .starred(let inner):
            return type == .deleteTargets ? expression : invalidTarget(inner, type)
        case .compare(let left, let links):
            // `for a in b` parses as a comparison when the target is invalid: look left of the `in`.
            if type == .forTarget {
                return links.first?.op == .in ? invalidTarget(left, type) : nil
            }
            return expression
        case .name, .subscript, .attribute:
            return nil
        default:
            return expression
        }
    }

    /// What CPython calls an expression in error messages ("function call", "literal", ...).
    func expressionName(_ expression: Expr) -> String {
        switch expression.kind {
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .name: return "name"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolean, .binary, .unary: return "expression"
        case .generator: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .listComprehension: return "list comprehension"
        case .setComprehension: return "set comprehension"
        case .dictComprehension: return "dict comprehension"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .formattedString: return "f-string expression"
        case .constant(let value):
            switch value {
            case .none: return "None"
            case .bool(let flag): return flag ? "True" : "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .compare: return "comparison"
        case .conditional: return "conditional expression"
        case .namedExpr: return "named expression"
        case .slice: return "slice"
        case .await: return "await expression"
        }
    }
}
