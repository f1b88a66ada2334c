/// `import` and `from ... import`.
extension Parser {
    /// `import a.b as c, d`.
    func parseImport() throws(Failure) -> Stmt {
        let keyword = try advance()
        var names: [ImportAlias] = []
        repeat {
            let start = try peek().range.start
            let name = try parseDottedName()
            var alias: String?
            if try accept(.as) != nil {
                alias = try identifier(try expect(.name))
            }
            names.append(ImportAlias(name: name, asName: alias, range: range(from: start)))
        } while try accept(.comma) != nil
        return Stmt(.import(names), range(from: keyword.range.start))
    }

    /// `from module import names`; relative imports parse but are refused.
    func parseFromImport() throws(Failure) -> Stmt {
        let keyword = try advance()
        var dots = 0
        var dotsRange: SourceRange?
        while try check(.dot, .ellipsis) {
            let dot = try advance()
            dots += dot.kind == .dot ? 1 : 3
            dotsRange = dotsRange.map { $0.union(dot.range) } ?? dot.range
        }
        var module = ""
        var hasModule = dots == 0
        if !hasModule { hasModule = try check(.name) }
        if hasModule {
            module = try parseDottedName()
        }
        try expect(.import)
        if let dotsRange {
            unsupported("relative imports are not supported", at: dotsRange)
        }
        var names: [ImportAlias] = []
        if let star = try accept(.star) {
            names = [ImportAlias(name: "*", asName: nil, range: star.range)]
        } else if try accept(.leftParen) != nil {
            names = try parseImportNames()
            _ = try accept(.comma)
            try expect(.rightParen)
        } else {
            names = try parseImportNames()
            if try check(.comma) {
                if diagnose, try kind(1) == .newline {
                    try advance()
                    try advance()
                    throw .error(errorAtFurthest("trailing comma not allowed without surrounding parentheses"))
                }
                throw .noMatch
            }
        }
        return Stmt(.importFrom(module: module, names: names), range(from: keyword.range.start))
    }

    /// `','.import_from_as_name+`.
    func parseImportNames() throws(Failure) -> [ImportAlias] {
        var names: [ImportAlias] = []
        repeat {
            guard try check(.name) else {
                if names.isEmpty { throw .noMatch }
                index -= 1
                break
            }
            let name = try advance()
            var alias: String?
            if try accept(.as) != nil {
                alias = try identifier(try expect(.name))
            }
            names.append(ImportAlias(name: try identifier(name), asName: alias, range: range(from: name.range.start)))
        } while try accept(.comma) != nil
        return names
    }

    /// `NAME ('.' NAME)*`.
    func parseDottedName() throws(Failure) -> String {
        var name = try identifier(try expect(.name))
        while try check(.dot) {
            try advance()
            name += "." + (try identifier(try expect(.name)))
        }
        return name
    }
}
