"""The compact S-expression form of a Python `ast` tree that Attend's `Module.dump` prints, so the two can be compared
text for text. Columns are in characters (CPython records UTF-8 bytes; `Columns` converts)."""
import ast
import json

BINOPS = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.MatMult: "@", ast.Div: "/", ast.FloorDiv: "//",
    ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|", ast.BitXor: "^",
    ast.BitAnd: "&",
}
UNARYOPS = {ast.Not: "not", ast.USub: "neg", ast.UAdd: "pos", ast.Invert: "inv"}
CMPOPS = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Is: "is",
    ast.IsNot: "is-not", ast.In: "in", ast.NotIn: "not-in",
}


class Columns:
    """Converts CPython's UTF-8 byte columns into character columns for one source text."""

    def __init__(self, source):
        text = source.replace("\r\n", "\n").replace("\r", "\n")
        self.lines = text.split("\n")

    def char(self, line, col):
        if line - 1 >= len(self.lines) or line < 1:
            return col
        raw = self.lines[line - 1].encode("utf-8")
        return len(raw[:col].decode("utf-8", errors="replace"))


def string(s):
    return json.dumps(s, ensure_ascii=False)


def const(value):
    if value is None:
        return "None"
    if value is True:
        return "True"
    if value is False:
        return "False"
    if value is Ellipsis:
        return "..."
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return string(value)
    raise ValueError(f"unsupported constant {value!r}")


class Dumper:
    def __init__(self, source, ranges=True):
        self.cols = Columns(source)
        self.ranges = ranges

    def at(self, node):
        if not self.ranges:
            return ""
        return "@%d:%d-%d:%d" % (
            node.lineno, self.cols.char(node.lineno, node.col_offset),
            node.end_lineno, self.cols.char(node.end_lineno, node.end_col_offset))

    def opt(self, node):
        return "-" if node is None else self.expr(node)

    def expr(self, e):
        return self.expr_body(e) + self.at(e)

    def fpart(self, v):
        if isinstance(v, ast.Constant):
            return string(v.value) + self.at(v)
        conv = "-" if v.conversion == -1 else chr(v.conversion)
        spec = "-" if v.format_spec is None else self.expr(v.format_spec)
        return "(fv %s %s %s)" % (self.expr(v.value), conv, spec) + self.at(v)

    def expr_body(self, e):
        x = self.expr
        if isinstance(e, ast.Name):
            return e.id
        if isinstance(e, ast.Constant):
            return const(e.value)
        if isinstance(e, ast.JoinedStr):
            return "(f%s)" % "".join(" " + self.fpart(v) for v in e.values)
        if isinstance(e, ast.UnaryOp):
            return "(%s %s)" % (UNARYOPS[type(e.op)], x(e.operand))
        if isinstance(e, ast.BinOp):
            return "(%s %s %s)" % (BINOPS[type(e.op)], x(e.left), x(e.right))
        if isinstance(e, ast.BoolOp):
            op = "and" if isinstance(e.op, ast.And) else "or"
            return "(%s %s)" % (op, " ".join(x(v) for v in e.values))
        if isinstance(e, ast.Compare):
            parts = [x(e.left)]
            for op, right in zip(e.ops, e.comparators):
                parts += [CMPOPS[type(op)], x(right)]
            return "(cmp %s)" % " ".join(parts)
        if isinstance(e, ast.Call):
            parts = [x(e.func)] + [x(a) for a in e.args] + [self.keyword(k) for k in e.keywords]
            return "(call %s)" % " ".join(parts)
        if isinstance(e, ast.Attribute):
            return "(. %s %s)" % (x(e.value), e.attr)
        if isinstance(e, ast.Subscript):
            return "([] %s %s)" % (x(e.value), x(e.slice))
        if isinstance(e, ast.Slice):
            return "(: %s %s %s)" % (self.opt(e.lower), self.opt(e.upper), self.opt(e.step))
        if isinstance(e, ast.Starred):
            return "(* %s)" % x(e.value)
        if isinstance(e, (ast.Tuple, ast.List, ast.Set)):
            name = {ast.Tuple: "tuple", ast.List: "list", ast.Set: "set"}[type(e)]
            return "(%s)" % " ".join([name] + [x(v) for v in e.elts])
        if isinstance(e, ast.Dict):
            parts = ["dict"]
            for k, v in zip(e.keys, e.values):
                parts.append("(** %s)" % x(v) if k is None else "(kv %s %s)" % (x(k), x(v)))
            return "(%s)" % " ".join(parts)
        if isinstance(e, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            name = {ast.ListComp: "listcomp", ast.SetComp: "setcomp", ast.GeneratorExp: "genexp"}[type(e)]
            return "(%s %s %s)" % (name, x(e.elt), " ".join(self.comp(g) for g in e.generators))
        if isinstance(e, ast.DictComp):
            return "(dictcomp %s %s %s)" % (x(e.key), x(e.value), " ".join(self.comp(g) for g in e.generators))
        if isinstance(e, ast.IfExp):
            return "(ifexp %s %s %s)" % (x(e.test), x(e.body), x(e.orelse))
        if isinstance(e, ast.Lambda):
            return "(lambda %s %s)" % (self.params(e.args), x(e.body))
        if isinstance(e, ast.NamedExpr):
            return "(:= %s %s)" % (x(e.target), x(e.value))
        if isinstance(e, ast.Yield):
            return "(yield)" if e.value is None else "(yield %s)" % x(e.value)
        if isinstance(e, ast.YieldFrom):
            return "(yield-from %s)" % x(e.value)
        if isinstance(e, ast.Await):
            return "(await %s)" % x(e.value)
        raise ValueError(f"unsupported expression {ast.dump(e)}")

    def keyword(self, k):
        name = "**" if k.arg is None else k.arg
        return "(kw %s %s)" % (name, self.expr(k.value)) + self.at(k)

    def comp(self, g):
        parts = [self.expr(g.target), self.expr(g.iter)] + ["(if %s)" % self.expr(c) for c in g.ifs]
        return "(for %s)" % " ".join(parts)

    def param(self, a, prefix="", default=None):
        name = prefix + a.arg + self.at(a)
        if a.annotation is None and default is None:
            return name
        parts = [name]
        if a.annotation is not None:
            parts += [":", self.expr(a.annotation)]
        if default is not None:
            parts += ["=", self.expr(default)]
        return "(%s)" % " ".join(parts)

    def params(self, args):
        positional = args.posonlyargs + args.args
        defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
        parts = ["params"]
        for i, a in enumerate(positional):
            parts.append(self.param(a, default=defaults[i]))
            if args.posonlyargs and i == len(args.posonlyargs) - 1:
                parts.append("/")
        if args.vararg is not None:
            parts.append(self.param(args.vararg, prefix="*"))
        elif args.kwonlyargs:
            parts.append("*")
        for a, d in zip(args.kwonlyargs, args.kw_defaults):
            parts.append(self.param(a, default=d))
        if args.kwarg is not None:
            parts.append(self.param(args.kwarg, prefix="**"))
        return "(%s)" % " ".join(parts)

    def block(self, name, body):
        return "(%s)" % " ".join([name] + [self.stmt(s) for s in body])

    def stmt(self, s):
        return self.stmt_body(s) + self.at(s)

    def stmt_body(self, s):
        x = self.expr
        if isinstance(s, ast.Expr):
            return "(expr %s)" % x(s.value)
        if isinstance(s, ast.Assign):
            return "(= %s)" % " ".join([x(t) for t in s.targets] + [x(s.value)])
        if isinstance(s, ast.AugAssign):
            return "(%s= %s %s)" % (BINOPS[type(s.op)], x(s.target), x(s.value))
        if isinstance(s, ast.AnnAssign):
            name = "ann" if s.simple else "ann-paren"
            return "(%s %s %s %s)" % (name, x(s.target), x(s.annotation), self.opt(s.value))
        if isinstance(s, (ast.If, ast.While)):
            name = "if" if isinstance(s, ast.If) else "while"
            parts = [name, x(s.test), self.block("do", s.body)]
            if s.orelse:
                parts.append(self.block("else", s.orelse))
            return "(%s)" % " ".join(parts)
        if isinstance(s, ast.For):
            parts = ["for", x(s.target), x(s.iter), self.block("do", s.body)]
            if s.orelse:
                parts.append(self.block("else", s.orelse))
            return "(%s)" % " ".join(parts)
        if isinstance(s, ast.Break):
            return "break"
        if isinstance(s, ast.Continue):
            return "continue"
        if isinstance(s, ast.Pass):
            return "pass"
        if isinstance(s, ast.Return):
            return "(return)" if s.value is None else "(return %s)" % x(s.value)
        if isinstance(s, ast.FunctionDef):
            parts = ["def", s.name, self.params(s.args)]
            if s.returns is not None:
                parts.append("(-> %s)" % x(s.returns))
            if s.decorator_list:
                parts.append("(@ %s)" % " ".join(x(d) for d in s.decorator_list))
            parts.append(self.block("do", s.body))
            return "(%s)" % " ".join(parts)
        if isinstance(s, ast.ClassDef):
            if s.keywords:
                raise ValueError("class keywords are rejected by Attend")
            parts = ["class", s.name]
            if s.bases:
                parts.append("(bases %s)" % " ".join(x(b) for b in s.bases))
            if s.decorator_list:
                parts.append("(@ %s)" % " ".join(x(d) for d in s.decorator_list))
            parts.append(self.block("do", s.body))
            return "(%s)" % " ".join(parts)
        if isinstance(s, ast.With):
            items = []
            for item in s.items:
                if item.optional_vars is None:
                    items.append("(item %s)" % x(item.context_expr))
                else:
                    items.append("(item %s %s)" % (x(item.context_expr), x(item.optional_vars)))
            return "(with %s %s)" % (" ".join(items), self.block("do", s.body))
        if isinstance(s, ast.Try):
            parts = ["try", self.block("do", s.body)]
            for h in s.handlers:
                hp = ["except", self.opt(h.type), h.name or "-", self.block("do", h.body)]
                parts.append("(%s)" % " ".join(hp) + self.at(h))
            if s.orelse:
                parts.append(self.block("else", s.orelse))
            if s.finalbody:
                parts.append(self.block("finally", s.finalbody))
            return "(%s)" % " ".join(parts)
        if isinstance(s, ast.Raise):
            if s.exc is None:
                return "(raise)"
            if s.cause is None:
                return "(raise %s)" % x(s.exc)
            return "(raise %s (from %s))" % (x(s.exc), x(s.cause))
        if isinstance(s, ast.Assert):
            return "(assert %s)" % x(s.test) if s.msg is None else "(assert %s %s)" % (x(s.test), x(s.msg))
        if isinstance(s, ast.Delete):
            return "(del %s)" % " ".join(x(t) for t in s.targets)
        if isinstance(s, ast.Global):
            return "(global %s)" % " ".join(s.names)
        if isinstance(s, ast.Nonlocal):
            return "(nonlocal %s)" % " ".join(s.names)
        if isinstance(s, ast.Import):
            return "(import %s)" % " ".join(self.alias(a) for a in s.names)
        if isinstance(s, ast.ImportFrom):
            if s.level:
                raise ValueError("relative imports are rejected by Attend")
            return "(from %s %s)" % (s.module, " ".join(self.alias(a) for a in s.names))
        raise ValueError(f"unsupported statement {ast.dump(s)}")

    def alias(self, a):
        text = a.name if a.asname is None else "(as %s %s)" % (a.name, a.asname)
        return text + self.at(a)

    def module(self, tree):
        return "\n".join(self.stmt(s) for s in tree.body)


def dump(source, ranges=True):
    tree = ast.parse(source)
    return Dumper(source, ranges).module(tree)
