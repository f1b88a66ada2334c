/// The syntax errors CPython raises after parsing, from its symbol table and compiler. (Filled in below.)
enum SyntaxChecker {
    static func check(_ body: [Stmt], source: SourceText) throws(SyntaxError) {}
}
