"""Fixtures for the engine core: elementwise ops, type promotion, creation, matrix products and autograd semantics.

Run with PyTorch 2.13 CPU: /work/torchenv/bin/python generate_core.py. Writes core_elementwise.json,
core_promotion.json, core_creation.json, core_matmul.json and core_autograd.json.

Elementwise cases are {op, args, kw, out | error, grad_fn, grads | backward_error, tol}. An argument is a tensor
{"t": encoded base, "v": view, "rg": requires grad} or a wrapped Python number {"w": value, "wt": "int"|"float"|"bool"}.
Views: "t" transposes the base's last two dims, "s" takes every other element of the last dim, "e" expands the base
to "shape". A tensor that requires grad is the base (a leaf); the view is applied after. Gradients come from
out.backward(weights) with weights[i] = 0.5 + (i % 7) * 0.25, and are reported for the bases in argument order.
"""
import math

import torch

from fixture_support import check_version, encode, error_of, write
from fixture_support import encode_spec, realise, weights_like

check_version()
torch.manual_seed(0)

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}
F32_TOL = [2e-6, 1e-7]
F64_TOL = [1e-13, 1e-300]


def error_dict(e):
    kind = type(e).__name__
    return {"type": kind, "message": str(e)}


def tensor(values, dtype, shape=None):
    t = torch.tensor(values, dtype=DTYPES[dtype])
    return t.reshape(shape) if shape is not None else t


def arg_t(base, view=None, rg=None, shape=None):
    spec = {"t": base, "v": view, "rg": rg}
    if shape is not None:
        spec["shape"] = shape
    return spec


def arg_w(value, kind):
    return {"w": value, "wt": kind}








def run_case(op, fn, args, kw=None, tol=None, grad=True):
    """Runs fn on the realised args; records output or error, grad_fn and gradients."""
    kw = kw or {}
    case = {"op": op, "args": [encode_spec(a) for a in args]}
    if kw:
        case["kw"] = kw
    values, leaves = [], []
    for a in args:
        v, leaf = realise(a)
        values.append(v)
        leaves.append(leaf)
    try:
        out = fn(*values)
    except TypeError as e:
        # Python's argument parser refused the call (say, a number where only a tensor is allowed); that is the
        # interpreter's business, not the engine's.
        return None
    except Exception as e:  # noqa: BLE001
        case["error"] = error_dict(e)
        return case
    case["out"] = encode(out)
    if tol is not None:
        case["tol"] = tol
    if out.grad_fn is not None:
        case["grad_fn"] = type(out.grad_fn).__name__
    if grad and out.requires_grad:
        try:
            out.backward(weights_like(out))
            case["grads"] = [encode(l.grad) if l is not None and l.grad is not None else None for l in leaves]
        except Exception as e:  # noqa: BLE001
            case["backward_error"] = error_dict(e)
    return case


# ---------------------------------------------------------------------------------------------------------------
# Elementwise
# ---------------------------------------------------------------------------------------------------------------

VALUES = {
    "float32": [[-1.5, 0.3, 2.0], [0.7, -0.2, 3.25]],
    "float64": [[-1.5, 0.3, 2.0], [0.7, -0.2, 3.25]],
    "int64": [[-7, 3, 0], [5, -2, 9]],
    "bool": [[True, False, True], [False, False, True]],
}
# Second operands: no zeros, so integer division succeeds in the dtype matrix.
OTHER = {
    "float32": [[0.5, -2.0, 2.0], [-1.25, 3.0, 0.75]],
    "float64": [[0.5, -2.0, 2.0], [-1.25, 3.0, 0.75]],
    "int64": [[2, -3, 4], [-1, 3, 2]],
    "bool": [[True, True, False], [True, False, True]],
}
POSITIVE = [[0.25, 1.5, 2.0], [0.7, 3.0, 10.0]]
SPECIAL = [float("nan"), float("inf"), -float("inf"), 0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 1e30, -1e30, 1e-30]

BINARY = {
    "add": lambda a, b: torch.add(a, b),
    "add_alpha": lambda a, b: torch.add(a, b, alpha=2),
    "sub": lambda a, b: torch.sub(a, b),
    "sub_alpha": lambda a, b: torch.sub(a, b, alpha=2),
    "add_alpha_frac": lambda a, b: torch.add(a, b, alpha=0.7),
    "sub_alpha_bool": lambda a, b: torch.sub(a, b, alpha=True),
    "rsub": lambda a, b: torch.rsub(a, b),
    "mul": lambda a, b: torch.mul(a, b),
    "div": lambda a, b: torch.div(a, b),
    "div_trunc": lambda a, b: torch.div(a, b, rounding_mode="trunc"),
    "div_floor": lambda a, b: torch.div(a, b, rounding_mode="floor"),
    "floor_divide": lambda a, b: torch.floor_divide(a, b),
    "remainder": lambda a, b: torch.remainder(a, b),
    "pow": lambda a, b: torch.pow(a, b),
    "maximum": lambda a, b: torch.maximum(a, b),
    "minimum": lambda a, b: torch.minimum(a, b),
    "eq": lambda a, b: torch.eq(a, b),
    "ne": lambda a, b: torch.ne(a, b),
    "lt": lambda a, b: torch.lt(a, b),
    "le": lambda a, b: torch.le(a, b),
    "gt": lambda a, b: torch.gt(a, b),
    "ge": lambda a, b: torch.ge(a, b),
    "logical_and": lambda a, b: torch.logical_and(a, b),
    "logical_or": lambda a, b: torch.logical_or(a, b),
    "logical_xor": lambda a, b: torch.logical_xor(a, b),
    "bitwise_and": lambda a, b: torch.bitwise_and(a, b),
    "bitwise_or": lambda a, b: torch.bitwise_or(a, b),
    "bitwise_xor": lambda a, b: torch.bitwise_xor(a, b),
}
# Ops whose float results are not exactly reproducible by a different but correct evaluation order.
# NOTE: add with a fractional alpha is a fused multiply-add in PyTorch's vector loop, but with a one-element `other`
# some elements of short tensors come out as if `alpha * other` were rounded first; the engine always fuses (and
# matches bit for bit when both operands are tensors: see the 64-element case).
INEXACT = {"pow", "add_alpha_frac"}
# Binary ops PyTorch accepts with a Python number as the first argument.
LEFT_WRAPPED = ["add", "sub", "mul", "div", "div_trunc", "div_floor", "floor_divide", "remainder", "pow"]

UNARY = {
    "neg": lambda x: torch.neg(x),
    "abs": lambda x: torch.abs(x),
    "sign": lambda x: torch.sign(x),
    "exp": lambda x: torch.exp(x),
    "log": lambda x: torch.log(x),
    "log1p": lambda x: torch.log1p(x),
    "sqrt": lambda x: torch.sqrt(x),
    "rsqrt": lambda x: torch.rsqrt(x),
    "reciprocal": lambda x: torch.reciprocal(x),
    "sin": lambda x: torch.sin(x),
    "cos": lambda x: torch.cos(x),
    "tanh": lambda x: torch.tanh(x),
    "sigmoid": lambda x: torch.sigmoid(x),
    "erf": lambda x: torch.erf(x),
    "floor": lambda x: torch.floor(x),
    "ceil": lambda x: torch.ceil(x),
    "round": lambda x: torch.round(x),
    "trunc": lambda x: torch.trunc(x),
    "frac": lambda x: torch.frac(x),
    "exp2": lambda x: torch.exp2(x),
    "erfinv": lambda x: torch.erfinv(x),
    "log2": lambda x: torch.log2(x),
    "log10": lambda x: torch.log10(x),
    "expm1": lambda x: torch.expm1(x),
    "relu": lambda x: torch.relu(x),
    "gelu": lambda x: torch.nn.functional.gelu(x),
    "gelu_tanh": lambda x: torch.nn.functional.gelu(x, approximate="tanh"),
    "softplus": lambda x: torch.nn.functional.softplus(x),
    "softplus_b2_t1": lambda x: torch.nn.functional.softplus(x, beta=2, threshold=1),
    "clamp_min": lambda x: torch.clamp(x, min=0),
    "clamp_max": lambda x: torch.clamp(x, max=1),
    "clamp_both": lambda x: torch.clamp(x, min=-1, max=1),
    "clamp_float_both": lambda x: torch.clamp(x, min=-0.5, max=1.5),
    "clamp_inverted": lambda x: torch.clamp(x, min=2, max=-1),
    "clamp_min_method": lambda x: x.clamp_min(0),
    "clamp_max_method": lambda x: x.clamp_max(1),
    "logical_not": lambda x: torch.logical_not(x),
    "bitwise_not": lambda x: torch.bitwise_not(x),
    "isnan": lambda x: torch.isnan(x),
    "isinf": lambda x: torch.isinf(x),
    "isfinite": lambda x: torch.isfinite(x),
    "to_float32": lambda x: x.to(torch.float32),
    "to_float64": lambda x: x.to(torch.float64),
    "to_int64": lambda x: x.to(torch.int64),
    "to_bool": lambda x: x.to(torch.bool),
    "float": lambda x: x.float(),
    "double": lambda x: x.double(),
    "long": lambda x: x.long(),
    "bool": lambda x: x.bool(),
    "clone": lambda x: x.clone(),
    "contiguous": lambda x: x.contiguous(),
}
EXACT_UNARY = {
    "neg", "abs", "sign", "relu", "floor", "ceil", "round", "trunc", "frac", "clamp_min", "clamp_max", "clamp_both", "clamp_float_both", "clamp_inverted",
    "clamp_min_method", "clamp_max_method", "logical_not", "bitwise_not", "isnan", "isinf", "isfinite", "to_float32",
    "to_float64", "to_int64", "to_bool", "float", "double", "long", "bool", "clone", "contiguous", "reciprocal",
}
# NOTE: sqrt and rsqrt are not exact: PyTorch computes them with MKL's vector math, within an ulp but not always
# correctly rounded.
POW_EXPONENTS = [("int", 2), ("int", 3), ("float", 0.5), ("float", -0.5), ("int", -1), ("int", -2), ("int", 0),
                 ("int", 1), ("float", 1.5), ("float", 2.0), ("float", -1.0), ("float", 3.0), ("float", 0.0),
                 ("bool", True), ("bool", False)]
RPOW_BASES = [("int", 2), ("float", 2.5), ("float", 0.0), ("int", -2), ("float", 1.0), ("bool", True)]


def tol_for(op, dtype, exact):
    """The tolerance for a unary op's result on `dtype` input (integers compute in float32)."""
    if exact:
        return None
    if op in ("gelu", "gelu_tanh") and dtype != "float64":
        # PyTorch's float32 GELU runs through oneDNN, whose erf approximation is off by up to ~1e-6.
        return [2e-6, 2e-6]
    return F64_TOL if dtype == "float64" else F32_TOL


def elementwise_cases():
    """The elementwise cases, in groups small enough for one fixture file each."""
    groups = {}
    cases = []
    # 1. Every binary op over the full dtype matrix, same shapes, contiguous.
    for op, fn in BINARY.items():
        for da in DTYPES:
            for db in DTYPES:
                a = tensor(VALUES[da], da)
                b = tensor(OTHER[db], db)
                fa, fb = da.startswith("float"), db.startswith("float")
                out_float = fa or fb
                tol = None
                if op in INEXACT and out_float:
                    tol = F64_TOL if "float64" in (da, db) else F32_TOL
                cases.append(run_case(op, fn, [arg_t(a, rg=fa or None), arg_t(b, rg=fb or None)], tol=tol))
    groups["core_binary"] = cases
    cases = []
    # 2. Layouts: broadcasting, transposed and stepped operands, 0-dim tensors, wrapped numbers on either side.
    for op, fn in BINARY.items():
        for d in ["float32", "float64", "int64"]:
            fl = d.startswith("float") or None
            tol = (F32_TOL if d == "float32" else F64_TOL) if op in INEXACT and fl else None
            a = tensor(VALUES[d], d)
            row = tensor(OTHER[d][0], d)
            col = tensor([[OTHER[d][0][0]], [OTHER[d][1][1]]], d)
            cases.append(run_case(op, fn, [arg_t(a, rg=fl), arg_t(row, rg=fl)], tol=tol))
            cases.append(run_case(op, fn, [arg_t(col, rg=fl), arg_t(a, rg=fl)], tol=tol))
            cases.append(run_case(op, fn, [arg_t(col, rg=fl), arg_t(row, rg=fl)], tol=tol))
            base_t = tensor(OTHER[d], d, None).t().contiguous()
            cases.append(run_case(op, fn, [arg_t(a, rg=fl), arg_t(base_t, "t", rg=fl)], tol=tol))
            wide = torch.cat([tensor(OTHER[d], d), tensor(OTHER[d], d)], 1)[:, [0, 3, 1, 4, 2, 5]].contiguous()
            cases.append(run_case(op, fn, [arg_t(wide, "s", rg=fl), arg_t(a, rg=fl)], tol=tol))
            cases.append(run_case(op, fn, [arg_t(a, rg=fl), arg_t(row.reshape(1, 3), "e", rg=fl, shape=[2, 3])],
                                  tol=tol))
            zero_dim = tensor(OTHER[d][0][1], d)
            cases.append(run_case(op, fn, [arg_t(a, rg=fl), arg_t(zero_dim, rg=fl)], tol=tol))
            cases.append(run_case(op, fn, [arg_t(zero_dim, rg=fl), arg_t(a, rg=fl)], tol=tol))
            cases.append(run_case(op, fn, [arg_t(zero_dim, rg=fl), arg_t(tensor(OTHER[d][1][0], d), rg=fl)],
                                  tol=tol))
            for kind, value in [("int", 3), ("int", -2), ("float", -1.5), ("bool", True)]:
                wtol = tol
                if op in INEXACT and kind == "float" and wtol is None:
                    wtol = F32_TOL
                cases.append(run_case(op, fn, [arg_t(a, rg=fl), arg_w(value, kind)], tol=wtol))
                if op in LEFT_WRAPPED:
                    # NOTE: backward of a bool base to a power trips an internal assert in PyTorch 2.13.
                    cases.append(run_case(op, fn, [arg_w(value, kind), arg_t(a, rg=fl)], tol=wtol,
                                          grad=not (op == "pow" and kind == "bool")))
        for kind, value in [("int", 3), ("float", 1.5), ("bool", True)]:
            b = tensor(VALUES["bool"], "bool")
            cases.append(run_case(op, fn, [arg_t(b), arg_w(value, kind)], tol=F32_TOL if op in INEXACT else None))
    groups["core_binary_layouts"] = cases
    cases = []
    # 3. Broadcast failures.
    for op in ["add", "mul", "eq", "logical_and", "bitwise_and", "maximum"]:
        cases.append(run_case(op, BINARY[op], [arg_t(tensor([1.0, 2.0, 3.0], "float32")),
                                                arg_t(tensor([1.0, 2.0], "float32"))]))
    cases.append(run_case("add", BINARY["add"], [arg_t(tensor([[1.0, 2.0, 3.0]] * 2, "float32")),
                                                 arg_t(tensor([[1.0] * 4] * 3, "float32"))]))
    # 4. NaN, infinities and signed zeros.
    special = tensor(SPECIAL, "float32")
    special_b = tensor([1.0, float("nan"), 2.0, -0.0, 0.0, float("inf"), -float("inf"), 0.0, -0.0, 3.0, 1e30, -1e-30],
                       "float32")
    for d in ["float32", "float64"]:
        sa, sb = special.to(DTYPES[d]), special_b.to(DTYPES[d])
        for op in ["add", "sub", "mul", "div", "floor_divide", "remainder", "pow", "maximum", "minimum", "eq", "ne",
                   "lt", "le", "gt", "ge", "logical_and", "div_trunc", "div_floor"]:
            tol = (F32_TOL if d == "float32" else F64_TOL) if op in INEXACT else None
            fn = BINARY[op]
            if op in ("maximum", "minimum"):
                # NOTE: on a tie of 0.0 and -0.0 PyTorch's scalar loop keeps the first operand and its vector loop
                # the second, so the answer depends on the element's position; we record the scalar loop's.
                fn = lambda a, b, f=BINARY[op]: torch.cat([f(a[i:i + 1], b[i:i + 1]) for i in range(a.numel())])
            cases.append(run_case(op, fn, [arg_t(sa), arg_t(sb)], tol=tol))
            cases.append(run_case(op, fn, [arg_t(sb), arg_t(sa)], tol=tol))
    # 5. Python sign rules and integer edge cases.
    ints_a = tensor([-7, 7, -7, 7, 0, -1, 1, 6, -6, 2**62, -2**63, 2**63 - 1], "int64")
    # NOTE: INT64_MIN // -1 kills the PyTorch process (SIGFPE), so it is left out.
    ints_b = tensor([2, -2, -2, 2, 3, 3, -3, 3, -3, 3, 2, 2], "int64")
    for op in ["floor_divide", "remainder", "div_trunc", "div_floor", "div", "mul", "add", "sub", "pow"]:
        cases.append(run_case(op, BINARY[op], [arg_t(ints_a), arg_t(ints_b)], tol=F32_TOL if op == "div" else None))
    floats_a = tensor([-7.0, 7.0, -7.0, 7.0, 0.0, -1.0, 1.0, 6.5, -6.5, -0.0, 5.0, -5.0], "float64")
    floats_b = tensor([2.0, -2.0, -2.0, 2.0, 3.0, float("inf"), -float("inf"), 0.5, -0.25, 3.0, 0.0, -0.0], "float64")
    for op in ["floor_divide", "remainder", "div_trunc", "div_floor"]:
        for d in ["float32", "float64"]:
            cases.append(run_case(op, BINARY[op], [arg_t(floats_a.to(DTYPES[d])), arg_t(floats_b.to(DTYPES[d]))]))
    # add with a fractional alpha rounds once per element (a fused multiply-add), bit for bit.
    g = torch.Generator().manual_seed(2)
    for d in ["float32", "float64"]:
        x = torch.rand(64, generator=g, dtype=torch.float64).to(DTYPES[d])
        y = torch.rand(64, generator=g, dtype=torch.float64).to(DTYPES[d])
        cases.append(run_case("add_alpha_frac", BINARY["add_alpha_frac"], [arg_t(x), arg_t(y)]))
    big = tensor([2**62, 2**63 - 1, -2**63], "int64")
    cases.append(run_case("mul", BINARY["mul"], [arg_t(big), arg_w(4, "int")]))
    cases.append(run_case("add", BINARY["add"], [arg_t(big), arg_w(1, "int")]))
    cases.append(run_case("neg", UNARY["neg"], [arg_t(big)]))
    cases.append(run_case("abs", UNARY["abs"], [arg_t(big)]))
    cases.append(run_case("pow_scalar", lambda x: x ** 3, [arg_t(big)], kw={"exponent": 3, "et": "int"}))
    # Integer division by zero, by tensor and by number.
    zero_b = tensor([2, 0, 1], "int64")
    for op in ["floor_divide", "remainder", "div_trunc", "div_floor", "div"]:
        cases.append(run_case(op, BINARY[op], [arg_t(tensor([5, 6, 7], "int64")), arg_t(zero_b)]))
        cases.append(run_case(op, BINARY[op], [arg_t(tensor([5, 6, 7], "int64")), arg_w(0, "int")]))
        cases.append(run_case(op, BINARY[op], [arg_t(tensor([5, 6, 7], "int64")), arg_w(False, "bool")]))
        cases.append(run_case(op, BINARY[op], [arg_t(tensor([5, 6, 7], "int64")), arg_w(0.0, "float")]))
    # Integer powers with negative exponents.
    cases.append(run_case("pow", BINARY["pow"], [arg_t(tensor([2, -1, 1, 3], "int64")),
                                                 arg_t(tensor([-1, -3, -2, 2], "int64"))]))
    cases.append(run_case("pow", BINARY["pow"], [arg_t(tensor([2, -1, 1, 3], "int64")), arg_t(tensor(-1, "int64"))]))
    cases.append(run_case("pow", BINARY["pow"], [arg_t(tensor([2, -1, 1, 3], "int64")), arg_w(-1, "int")]))
    cases.append(run_case("pow", BINARY["pow"], [arg_w(-2, "int"), arg_t(tensor([2, -1, 0, 3], "int64"))]))
    cases.append(run_case("pow", BINARY["pow"], [arg_w(2, "int"), arg_t(tensor([-1, 0, 3], "int64"))]))
    # Powers with zero bases and their gradients.
    cases.append(run_case("pow", BINARY["pow"], [arg_t(tensor([0.0, 0.0, 0.0, 2.0, -2.0], "float64"), rg=True),
                                                 arg_t(tensor([0.0, 2.0, -1.0, 0.5, 2.0], "float64"), rg=True)]))

    groups["core_binary_edges"] = cases
    cases = []
    # 6. Unary ops over all dtypes, layouts and special values.
    for op, fn in UNARY.items():
        exact = op in EXACT_UNARY
        for d in DTYPES:
            logarithmic = op in ("log", "log2", "log10", "sqrt", "rsqrt", "log1p")
            values = POSITIVE if logarithmic and d.startswith("float") else VALUES[d]
            fl = d.startswith("float") or None
            cases.append(run_case(op, fn, [arg_t(tensor(values, d), rg=fl)], tol=tol_for(op, d, exact)))
        for d in ["float32", "float64", "int64"]:
            fl = d.startswith("float") or None
            base = tensor(VALUES[d], d).t().contiguous()
            cases.append(run_case(op, fn, [arg_t(base, "t", rg=fl)], tol=tol_for(op, d, exact)))
            wide = tensor(VALUES[d] * 2, d).reshape(2, 6)
            cases.append(run_case(op, fn, [arg_t(wide, "s", rg=fl)], tol=tol_for(op, d, exact)))
            cases.append(run_case(op, fn, [arg_t(tensor(VALUES[d][1][0], d), rg=fl)], tol=tol_for(op, d, exact)))
            cases.append(run_case(op, fn, [arg_t(tensor([], d).reshape(0, 3), rg=fl)], tol=tol_for(op, d, exact)))
        for d in ["float32", "float64"]:
            cases.append(run_case(op, fn, [arg_t(tensor(SPECIAL, d))], tol=tol_for(op, d, exact)))
    # Wider value ranges for the transcendental kernels.
    wide_values = [-20.0, -8.5, -3.0, -1.0, -0.5, -1e-4, 0.0, 1e-4, 0.5, 1.0, 3.0, 8.5, 15.0, 19.9, 20.5, 40.0]
    for op in ["exp", "expm1", "sin", "cos", "tanh", "sigmoid", "erf", "gelu", "gelu_tanh", "softplus", "softplus_b2_t1"]:
        for d in ["float32", "float64"]:
            cases.append(run_case(op, UNARY[op], [arg_t(tensor(wide_values, d), rg=True)], tol=tol_for(op, d, False)))
    log_values = [1e-20, 1e-5, 0.1, 0.9, 1.0, 1.1, 2.0, 100.0, 1e20]
    for op in ["log", "log2", "log10", "log1p", "sqrt", "rsqrt", "reciprocal"]:
        for d in ["float32", "float64"]:
            cases.append(run_case(op, UNARY[op], [arg_t(tensor(log_values, d), rg=True)],
                                  tol=tol_for(op, d, op in EXACT_UNARY)))
    # erfinv across its domain: both rational forms and the tails.
    inverse_values = [-0.9999, -0.95, -0.71, -0.69, -0.3, -1e-6, 0.0, 0.2, 0.5, 0.7, 0.9, 0.999]
    for d in ["float32", "float64"]:
        cases.append(run_case("erfinv", UNARY["erfinv"], [arg_t(tensor(inverse_values, d), rg=True)],
                              tol=tol_for("erfinv", d, False)))
    # Float to integer casts of negative, fractional and out-of-range values.
    for d in ["float32", "float64"]:
        big_floats = [-2.5, -0.5, 0.5, 2.99, -2.99, 3e9, -3e9, 1e19, -1e19, 9.3e18, -9.3e18, float("nan")]
        cases.append(run_case("to_int64", UNARY["to_int64"], [arg_t(tensor(big_floats, d))]))
        cases.append(run_case("to_bool", UNARY["to_bool"], [arg_t(tensor(big_floats + [0.0, -0.0], d))]))
    cases.append(run_case("to_float32", UNARY["to_float32"], [arg_t(tensor([2**53 + 1, -2**63, 2**63 - 1, 16777217],
                                                                           "int64"))]))
    cases.append(run_case("to_float32", UNARY["to_float32"],
                          [arg_t(tensor([1e39, -1e39, 1e-46, 3.4028235677973366e38, 0.1], "float64"))]))

    groups["core_unary"] = cases
    cases = []
    # 7. pow with a number exponent (including the exact special exponents) and a number base.
    for kind, value in POW_EXPONENTS:
        for d in DTYPES:
            values = VALUES[d]
            fl = d.startswith("float") or None
            exact = value in (2, 0, 1, -1, True, False, 2.0, 0.0, -1.0)
            cases.append(run_case("pow_scalar", lambda x, v=value: torch.pow(x, v), [arg_t(tensor(values, d), rg=fl)],
                                  kw={"exponent": value, "et": kind}, tol=tol_for("pow", d, exact)))
        for d in ["float32", "float64"]:
            cases.append(run_case("pow_scalar", lambda x, v=value: torch.pow(x, v),
                                  [arg_t(tensor(SPECIAL, d))], kw={"exponent": value, "et": kind},
                                  tol=tol_for("pow", d, False)))
            cases.append(run_case("pow_scalar", lambda x, v=value: torch.pow(x, v),
                                  [arg_t(tensor(VALUES[d], d).t().contiguous(), "t", rg=True)],
                                  kw={"exponent": value, "et": kind}, tol=tol_for("pow", d, False)))
    for kind, value in RPOW_BASES:
        for d in DTYPES:
            fl = d.startswith("float") or None
            # NOTE: backward through a bool base trips an internal assert in PyTorch 2.13, so it is not recorded.
            cases.append(run_case("rpow", lambda x, v=value: torch.pow(v, x), [arg_t(tensor(VALUES[d], d), rg=fl)],
                                  kw={"base": value, "bt": kind}, tol=tol_for("pow", d, False), grad=kind != "bool"))

    # 8. where and masked_fill.
    cond = tensor([[True, False, True], [False, True, False]], "bool")
    for da in DTYPES:
        for db in DTYPES:
            fa, fb = da.startswith("float") or None, db.startswith("float") or None
            cases.append(run_case("where", lambda c, a, b: torch.where(c, a, b),
                                  [arg_t(cond), arg_t(tensor(VALUES[da], da), rg=fa), arg_t(tensor(OTHER[db], db),
                                                                                             rg=fb)]))
    for d in ["float32", "int64", "bool"]:
        fl = d.startswith("float") or None
        a = tensor(VALUES[d], d)
        cases.append(run_case("where", lambda c, a, b: torch.where(c, a, b),
                              [arg_t(tensor([True, False, True], "bool")), arg_t(a, rg=fl),
                               arg_t(tensor([[OTHER[d][0][0]], [OTHER[d][1][0]]], d), rg=fl)]))
        cases.append(run_case("where", lambda c, a, b: torch.where(c, a, b),
                              [arg_t(cond.t().contiguous(), "t"), arg_t(a.t().contiguous(), "t", rg=fl),
                               arg_t(tensor(OTHER[d][0][0], d), rg=fl)]))
        for kind, value in [("int", 3), ("float", 1.5), ("bool", False)]:
            cases.append(run_case("where", lambda c, a, b: torch.where(c, a, b),
                                  [arg_t(cond), arg_t(a, rg=fl), arg_w(value, kind)]))
            cases.append(run_case("where", lambda c, a, b: torch.where(c, a, b),
                                  [arg_t(cond), arg_w(value, kind), arg_t(a, rg=fl)]))
    cases.append(run_case("where", lambda c, a, b: torch.where(c, a, b),
                          [arg_t(cond), arg_w(2, "int"), arg_w(3.5, "float")]))
    cases.append(run_case("where", lambda c, a, b: torch.where(c, a, b),
                          [arg_t(cond), arg_w(2, "int"), arg_w(3, "int")]))
    cases.append(run_case("where", lambda c, a, b: torch.where(c, a, b),
                          [arg_t(tensor([1, 0, 1], "int64")), arg_t(tensor([1.0, 2, 3], "float32")),
                           arg_t(tensor([4.0, 5, 6], "float32"))]))
    cases.append(run_case("where", lambda c, a, b: torch.where(c, a, b),
                          [arg_t(tensor([1.0, 0, 1], "float32")), arg_t(tensor([1.0, 2, 3], "float32")),
                           arg_t(tensor([4.0, 5, 6], "float32"))]))
    cases.append(run_case("where", lambda c, a, b: torch.where(c, a, b),
                          [arg_t(tensor([True, False], "bool")), arg_t(tensor([1.0, 2, 3], "float32")),
                           arg_t(tensor([4.0, 5, 6], "float32"))]))
    for d in DTYPES:
        fl = d.startswith("float") or None
        a = tensor(VALUES[d], d)
        for kind, value in [("int", 7), ("float", 2.5), ("bool", True), ("float", float("nan"))]:
            if value != value and not fl:
                continue
            cases.append(run_case("masked_fill", lambda x, m, v=value: x.masked_fill(m, v),
                                  [arg_t(a, rg=fl), arg_t(cond)], kw={"value": "nan" if value != value else value,
                                                                      "vt": kind}))
            cases.append(run_case("masked_fill_tensor", lambda x, m, v=value: x.masked_fill(m, torch.tensor(v)),
                                  [arg_t(a, rg=fl), arg_t(cond)], kw={"value": "nan" if value != value else value,
                                                                      "vt": kind}))
        cases.append(run_case("masked_fill", lambda x, m: x.masked_fill(m, 1),
                              [arg_t(a, rg=fl), arg_t(tensor([True, False, True], "bool"))], kw={"value": 1, "vt": "int"}))
        cases.append(run_case("masked_fill", lambda x, m: x.masked_fill(m, 1),
                              [arg_t(a.t().contiguous(), "t", rg=fl), arg_t(tensor([[True], [False], [True]], "bool"))],
                              kw={"value": 1, "vt": "int"}))
    cases.append(run_case("masked_fill", lambda x, m: x.masked_fill(m, 1),
                          [arg_t(tensor([1.0, 2.0, 3.0], "float32"), rg=True), arg_t(cond)], kw={"value": 1, "vt": "int"}))
    cases.append(run_case("masked_fill", lambda x, m: x.masked_fill(m, 1),
                          [arg_t(tensor([1.0, 2.0, 3.0], "float32")), arg_t(tensor([1, 0, 1], "int64"))],
                          kw={"value": 1, "vt": "int"}))
    cases.append(run_case("masked_fill", lambda x, m: x.masked_fill(m, 1),
                          [arg_t(tensor([1.0, 2.0, 3.0], "float32")), arg_t(tensor([True, False], "bool"))],
                          kw={"value": 1, "vt": "int"}))
    cases.append(run_case("masked_fill_tensor", lambda x, m: x.masked_fill(m, torch.tensor([1.0])),
                          [arg_t(tensor([1.0, 2.0, 3.0], "float32")), arg_t(tensor([True, False, True], "bool"))],
                          kw={"value": [1.0], "vt": "float"}))
    cases.append(run_case("masked_fill", lambda x, m: x.masked_fill(m, 2.5),
                          [arg_t(tensor([1, 2, 3], "int64")), arg_t(tensor([True, False, True], "bool"))],
                          kw={"value": 2.5, "vt": "float"}))
    groups["core_select"] = cases
    return groups


def inplace_cases():
    """In-place ops on plain tensors (no autograd): values, dtype rules and shape rules."""
    cases = []
    ops = {
        "add_": lambda a, b: a.add_(b), "sub_": lambda a, b: a.sub_(b), "mul_": lambda a, b: a.mul_(b),
        "div_": lambda a, b: a.div_(b), "floor_divide_": lambda a, b: a.floor_divide_(b),
        "remainder_": lambda a, b: a.remainder_(b), "pow_": lambda a, b: a.pow_(b),
        "copy_": lambda a, b: a.copy_(b),
    }
    for op, fn in ops.items():
        for da in DTYPES:
            for db in DTYPES:
                a = tensor(VALUES[da], da)
                b = tensor(OTHER[db], db)
                cases.append(run_case(op, lambda x, y, fn=fn: fn(x, y), [arg_t(a), arg_t(b)]))
            a = tensor(VALUES[da], da)
            for kind, value in [("int", 2), ("float", 1.5), ("bool", True)]:
                cases.append(run_case(op, lambda x, y, fn=fn: fn(x, torch.tensor(y) if op == "copy_" else y),
                                      [arg_t(a), arg_w(value, kind)]))
            cases.append(run_case(op, lambda x, y, fn=fn: fn(x, y),
                                  [arg_t(a.t().contiguous(), "t"), arg_t(tensor(OTHER[da][0][:2], da))]))
            cases.append(run_case(op, lambda x, y, fn=fn: fn(x, y),
                                  [arg_t(tensor(VALUES[da][0], da)), arg_t(tensor(OTHER[da], da))]))
    unary = {
        "neg_": lambda x: x.neg_(), "abs_": lambda x: x.abs_(), "exp_": lambda x: x.exp_(),
        "log_": lambda x: x.log_(), "sqrt_": lambda x: x.sqrt_(), "sin_": lambda x: x.sin_(),
        "cos_": lambda x: x.cos_(), "tanh_": lambda x: x.tanh_(), "sigmoid_": lambda x: x.sigmoid_(),
        "relu_": lambda x: x.relu_(), "clamp_": lambda x: x.clamp_(min=0, max=2),
        "clamp_float_": lambda x: x.clamp_(min=0.5), "fill_int_": lambda x: x.fill_(3),
        "fill_float_": lambda x: x.fill_(2.5), "fill_bool_": lambda x: x.fill_(True), "zero_": lambda x: x.zero_(),
        "masked_fill_": lambda x: x.masked_fill_(torch.tensor([True, False, True]), 5),
        "masked_fill_float_": lambda x: x.masked_fill_(torch.tensor([True, False, True]), 0.5),
    }
    for op, fn in unary.items():
        for d in DTYPES:
            values = POSITIVE if d.startswith("float") else VALUES[d]
            tol = None if d in ("int64", "bool") else (F32_TOL if d == "float32" else F64_TOL)
            cases.append(run_case(op, fn, [arg_t(tensor(values, d))], tol=tol))
            cases.append(run_case(op, fn, [arg_t(tensor(values, d).t().contiguous(), "t")], tol=tol))
    cases.append(run_case("masked_fill_", lambda x: x.masked_fill_(torch.tensor([True, False, True]), 5),
                          [arg_t(tensor([1.0], "float32"))]))
    return cases


# ---------------------------------------------------------------------------------------------------------------
# Type promotion
# ---------------------------------------------------------------------------------------------------------------

def promotion_table():
    """Result dtype (or error) for every pair of operand kinds, per op."""
    def operand(kind, dtype):
        if kind == "dim":
            return torch.tensor([1, 1], dtype=DTYPES[dtype]).to(DTYPES[dtype])
        if kind == "zerodim":
            return torch.tensor(1, dtype=DTYPES[dtype])
        return {"int": 2, "float": 2.5, "bool": True}[dtype]

    kinds = [("dim", d) for d in DTYPES] + [("zerodim", d) for d in DTYPES] + [("wrapped", w) for w in
                                                                               ["int", "float", "bool"]]
    ops = {
        "add": lambda a, b: torch.add(a, b), "mul": lambda a, b: torch.mul(a, b), "div": lambda a, b: torch.div(a, b),
        "floor_divide": lambda a, b: torch.floor_divide(a, b), "sub": lambda a, b: torch.sub(a, b),
        "eq": lambda a, b: torch.eq(a, b), "lt": lambda a, b: torch.lt(a, b), "remainder": lambda a, b: torch.remainder(a, b),
        "pow": lambda a, b: torch.pow(a, b), "maximum": lambda a, b: torch.maximum(a, b),
        "where": lambda a, b: torch.where(torch.tensor([True, False]), a, b),
        "bitwise_and": lambda a, b: torch.bitwise_and(a, b),
    }
    rows = []
    for op, fn in ops.items():
        for ka in kinds:
            for kb in kinds:
                if ka[0] == "wrapped" and kb[0] == "wrapped" and op != "where":
                    continue
                a, b = operand(*ka), operand(*kb)
                row = {"op": op, "a": list(ka), "b": list(kb)}
                try:
                    if ka[0] == "wrapped" and op not in ("add", "mul", "div", "floor_divide", "sub", "remainder", "pow",
                                                         "where"):
                        continue
                    r = fn(a, b)
                    row["dtype"] = str(r.dtype).replace("torch.", "")
                except TypeError:
                    continue  # Python's argument parser refused a number: the interpreter's concern.
                except Exception as e:  # noqa: BLE001
                    row["error"] = error_dict(e)
                rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------------------------
# Creation
# ---------------------------------------------------------------------------------------------------------------

def creation_cases():
    cases = []

    def rec(name, fn, **kw):
        case = {"name": name, **kw}
        try:
            case["out"] = encode(fn())
        except Exception as e:  # noqa: BLE001
            case["error"] = error_dict(e)
        cases.append(case)

    for args in [(0, 5), (0, 5, 2), (5, 0, -1), (5, 0, -2), (-3, 3), (1, 2.5, 0.5), (0, 1, 0.1), (0, 1, 0.3),
                 (1.0, 0.0, -0.25), (0, 10, 3), (0, -10, -3), (0.5, 3), (0, 0), (5, 5), (0, 1, 1e-1), (-1, 1, 0.2),
                 (0, 2, 0.7), (1, 0), (0, 5, -1), (0, 5, 0), (0, float("inf")), (0, float("nan")), (0, 1e-3, 1e-4),
                 (10, 2.5, -0.5), (True, 5), (0, 3, True), (2**53, 2**53 + 3), (0, 2**62, 2**60), (-5, 5, 3),
                 # Long enough for PyTorch's vectorised runs: exact float values depend on them.
                 (0, 10, 0.1), (-5, 5, 0.01), (0.3, 100, 0.7), (-3, 7, 0.3), (0.5, 5, 0.9), (0, 1e30, 1e10),
                 (-5, 5, 1e-18), (0, 5, 0.0), (0, 2**62, 1)]:
        start, end, *rest = args
        step = rest[0] if rest else 1
        kinds = ["bool" if isinstance(x, bool) else "int" if isinstance(x, int) else "float" for x in (start, end, step)]
        rec("arange", lambda s=start, e=end, st=step: torch.arange(s, e, st),
            args=[number_or_str(start), number_or_str(end), number_or_str(step)], kinds=kinds)
        if all(k != "bool" for k in kinds):
            for dt in ["float64", "int64", "float32"]:
                rec("arange", lambda s=start, e=end, st=step, dt=dt: torch.arange(s, e, st, dtype=DTYPES[dt]),
                    args=[number_or_str(start), number_or_str(end), number_or_str(step)], kinds=kinds, dtype=dt)
    for end in [5, 2.5, 0, -1]:
        kind = "int" if isinstance(end, int) else "float"
        rec("arange_end", lambda e=end: torch.arange(e), args=[end], kinds=[kind])
    for start, end, steps in [(0, 1, 5), (0, 1, 0), (0, 1, 1), (0, 1, 2), (-1, 1, 7), (0, 10, 11), (0.1, 0.7, 13),
                              (1, 0, 4), (0, 1, 100), (-3.3, 7.7, 37), (0, 1, -1), (2, 2, 3), (1e-3, 1e3, 9),
                              (-2.5, 7.9, 6), (0.5, -3.7, 5), (-1, 1, 7), (-7.25, 13.1, 301)]:
        for dt in [None, "float64", "int64"]:
            kw = {} if dt is None else {"dtype": DTYPES[dt]}
            rec("linspace", lambda s=start, e=end, n=steps, kw=kw: torch.linspace(s, e, n, **kw),
                args=[start, end, steps], dtype=dt)
    for shape in [[2, 3], [], [0], [3, 0, 2], [-1, 2], [2, -3]]:
        rec("zeros", lambda s=shape: torch.zeros(s), shape=shape)
        rec("ones", lambda s=shape: torch.ones(s, dtype=torch.int64), shape=shape, dtype="int64")
        rec("empty", lambda s=shape: torch.empty(s).zero_(), shape=shape)
    for value, kind in [(3, "int"), (2.5, "float"), (True, "bool"), (float("inf"), "float"), (-0.0, "float")]:
        rec("full", lambda v=value: torch.full([2, 2], v), shape=[2, 2], value=number_or_str(value), vt=kind)
        rec("full", lambda v=value: torch.full([2], v, dtype=torch.float64), shape=[2], value=number_or_str(value),
            vt=kind, dtype="float64")
        rec("full", lambda v=value: torch.full([2], v, dtype=torch.int64), shape=[2], value=number_or_str(value),
            vt=kind, dtype="int64")
    rec("full", lambda: torch.full([2], 2.5, dtype=torch.bool), shape=[2], value=2.5, vt="float", dtype="bool")
    for n, m in [(3, None), (2, 4), (4, 2), (0, None), (0, 3), (-1, None), (2, -1), (1, 1)]:
        rec("eye", lambda n=n, m=m: torch.eye(n) if m is None else torch.eye(n, m), n=n, m=m)
    rec("eye", lambda: torch.eye(3, dtype=torch.int64), n=3, m=None, dtype="int64")
    rec("eye", lambda: torch.eye(2, 3, dtype=torch.bool), n=2, m=3, dtype="bool")
    src = torch.tensor([[1, 2, 3], [4, 5, 6]])
    for name, fn in [("zeros_like", lambda: torch.zeros_like(src)), ("ones_like", lambda: torch.ones_like(src)),
                     ("full_like", lambda: torch.full_like(src, 7)), ("full_like_float", lambda: torch.full_like(src, 2.7)),
                     ("ones_like_f64", lambda: torch.ones_like(src, dtype=torch.float64)),
                     ("empty_like", lambda: torch.empty_like(src).zero_())]:
        rec(name, fn, like=encode(src))
    # torch.tensor from nested lists.
    nested = [
        [1, 2, 3], [1.0, 2, 3], [True, False], [True, 2], [True, 2.5], [[1, 2], [3, 4]], [], [[], []], [[1], [2, 3]],
        [[1, 2], 3], [1, [2, 3]], [[[1.5]]], 7, 2.5, False, [[1, 2], [3, 4.5]], [[True], [0]], [[[]]],
        [[1, 2], []], [2**63 - 1, -2**63],
    ]
    for values in nested:
        for dt in [None, "float64", "int64", "bool"]:
            kw = {} if dt is None else {"dtype": DTYPES[dt]}
            rec("tensor", lambda v=values, kw=kw: torch.tensor(v, **kw), values=tag_nested(values), dtype=dt)
    for values, dt in [([1.5, float("inf")], "int64"), ([1e19], "int64"), ([-2.7, 2.7], "int64"), ([0.5, 0.0], "bool")]:
        rec("tensor", lambda v=values, dt=dt: torch.tensor(v, dtype=DTYPES[dt]), values=tag_nested(values), dtype=dt)
    return cases


def number_or_str(x):
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return "nan" if math.isnan(x) else ("inf" if x > 0 else "-inf")
    if isinstance(x, float) and x == 0 and math.copysign(1, x) < 0:
        return "-0.0"
    return x


def tag_nested(v):
    """Nested values with each number tagged by its Python type: {"i": 1}, {"f": 1.0}, {"b": true}."""
    if isinstance(v, list):
        return [tag_nested(x) for x in v]
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, int):
        return {"i": v}
    return {"f": number_or_str(v)}


# ---------------------------------------------------------------------------------------------------------------
# Matrix products
# ---------------------------------------------------------------------------------------------------------------

def matmul_cases():
    cases = []
    g = torch.Generator().manual_seed(1)

    def rand(shape, dtype):
        if dtype == "int64":
            return torch.randint(-5, 6, shape, generator=g)
        return (torch.rand(shape, generator=g, dtype=torch.float64) * 4 - 2).to(DTYPES[dtype])

    ops = {"matmul": lambda a, b: torch.matmul(a, b), "mm": lambda a, b: torch.mm(a, b),
           "bmm": lambda a, b: torch.bmm(a, b), "mv": lambda a, b: torch.mv(a, b), "dot": lambda a, b: torch.dot(a, b)}
    shapes = [
        ("matmul", [3], [3]), ("matmul", [2, 3], [3]), ("matmul", [3], [3, 4]), ("matmul", [2, 3], [3, 4]),
        ("matmul", [2, 2, 3], [3, 4]), ("matmul", [2, 2, 3], [3]), ("matmul", [3], [2, 3, 4]),
        ("matmul", [2, 3], [2, 3, 4]), ("matmul", [2, 2, 3], [2, 3, 4]), ("matmul", [2, 1, 2, 3], [3, 3, 2]),
        ("matmul", [1, 2, 3], [4, 3, 2]), ("matmul", [2, 2, 2, 3], [3]), ("matmul", [3], [2, 2, 3, 2]),
        ("matmul", [0, 3], [3, 2]), ("matmul", [2, 0], [0, 3]), ("matmul", [2, 3], [3, 0]), ("matmul", [0], [0]),
        ("matmul", [2, 0, 3], [3, 2]), ("matmul", [0, 2, 3], [0, 3, 2]),
        ("mm", [2, 3], [3, 4]), ("mm", [1, 1], [1, 1]), ("mm", [4, 1], [1, 3]), ("bmm", [2, 2, 3], [2, 3, 4]),
        ("bmm", [3, 1, 2], [3, 2, 1]), ("mv", [2, 3], [3]), ("dot", [4], [4]), ("mv", [0, 3], [3]),
        ("dot", [0], [0]),
    ]
    for op, sa, sb in shapes:
        for d in ["float32", "float64", "int64"]:
            a, b = rand(sa, d), rand(sb, d)
            fl = d != "int64" or None
            tol = F32_TOL if d == "float32" else (F64_TOL if d == "float64" else None)
            cases.append(run_case(op, ops[op], [arg_t(a, rg=fl), arg_t(b, rg=fl)], tol=[1e-5, 1e-6] if tol == F32_TOL
                                  else tol))
    # Transposed and stepped operands (the BLAS transpose path and the copy path).
    for d in ["float32", "float64", "int64"]:
        fl = d != "int64" or None
        tol = [1e-5, 1e-6] if d == "float32" else (F64_TOL if d == "float64" else None)
        a, b = rand([3, 2], d), rand([4, 3], d)
        cases.append(run_case("mm", ops["mm"], [arg_t(a, "t", rg=fl), arg_t(b, "t", rg=fl)], tol=tol))
        cases.append(run_case("matmul", ops["matmul"], [arg_t(a, "t", rg=fl), arg_t(rand([3, 4], d), rg=fl)], tol=tol))
        cases.append(run_case("matmul", ops["matmul"], [arg_t(rand([2, 3], d), rg=fl), arg_t(b, "t", rg=fl)], tol=tol))
        cases.append(run_case("matmul", ops["matmul"], [arg_t(rand([2, 6], d), "s", rg=fl), arg_t(rand([3, 8], d), "s",
                                                                                                  rg=fl)], tol=tol))
        cases.append(run_case("bmm", ops["bmm"], [arg_t(rand([2, 3, 2], d), "t", rg=fl),
                                                  arg_t(rand([2, 4, 3], d), "t", rg=fl)], tol=tol))
        cases.append(run_case("matmul", ops["matmul"], [arg_t(rand([2, 3, 2], d), "t", rg=fl),
                                                        arg_t(rand([3, 4], d), rg=fl)], tol=tol))
        cases.append(run_case("mv", ops["mv"], [arg_t(rand([3, 2], d), "t", rg=fl), arg_t(rand([6], d), "s", rg=fl)],
                              tol=tol))
        cases.append(run_case("dot", ops["dot"], [arg_t(rand([6], d), "s", rg=fl), arg_t(rand([3], d), rg=fl)], tol=tol))
        cases.append(run_case("matmul", ops["matmul"], [arg_t(rand([1, 3], d), "e", rg=fl, shape=[2, 3]),
                                                        arg_t(rand([3, 2], d), rg=fl)], tol=tol))
    # Errors.
    f = lambda *s: rand(list(s), "float32")  # noqa: E731
    errors = [
        ("matmul", f(2, 3), f(4, 5)), ("matmul", f(3), f(4)), ("matmul", f(2, 3), f(4)), ("matmul", f(3), f(4, 5)),
        ("matmul", f(2, 2, 3), f(4, 5)), ("matmul", f(2, 2, 3), f(2, 4, 5)), ("matmul", f(2, 2, 3), f(3, 3, 2)),
        ("matmul", torch.tensor(1.0), f(3)), ("matmul", f(3), torch.tensor(1.0)), ("matmul", f(2, 3), f(3, 2).double()),
        ("matmul", f(2, 3), torch.ones(3, 2, dtype=torch.int64)), ("matmul", f(2, 2, 3), f(4)),
        ("matmul", f(3), f(2, 4, 5)), ("mm", f(2, 3), f(4, 5)), ("mm", f(3), f(3, 2)), ("mm", f(2, 3), f(3)),
        ("mm", f(2, 3), f(3, 2).double()), ("bmm", f(2, 2, 3), f(3, 3, 4)), ("bmm", f(2, 2, 3), f(2, 4, 4)),
        ("bmm", f(2, 3), f(2, 3, 4)), ("bmm", f(2, 2, 3), f(3, 4)), ("mv", f(2, 3), f(4)), ("mv", f(3), f(3)),
        ("mv", f(2, 3), f(3, 1)), ("dot", f(3), f(4)), ("dot", f(2, 3), f(3)), ("dot", f(3), f(3).double()),
        ("mm", torch.ones(2, 2, dtype=torch.bool), torch.ones(2, 2, dtype=torch.bool)),
        ("matmul", torch.ones(2, 2, dtype=torch.bool), torch.ones(2, 2, dtype=torch.bool)),
        ("dot", torch.ones(2, dtype=torch.bool), torch.ones(2, dtype=torch.bool)),
        ("mv", f(2, 3).double(), f(3)), ("bmm", f(2, 2, 3), f(2, 3, 4).double()),
        ("matmul", torch.ones(3, dtype=torch.int64), torch.ones(3)),
        ("mv", f(2, 3), f(3).double()), ("mm", f(2, 3), f(4, 5).double()), ("bmm", f(2, 2, 3), f(2, 4, 5).double()),
        ("dot", f(3), f(4).double()), ("mv", f(2, 3), f(4).double()),
        ("bmm", torch.ones(1, 2, 2, dtype=torch.bool), torch.ones(1, 2, 2, dtype=torch.bool)),
        ("mv", torch.ones(2, 2, dtype=torch.bool), torch.ones(2, dtype=torch.bool)), ("mv", f(2, 2, 2), f(2)),
        ("dot", torch.tensor(1.0), f(1)), ("bmm", f(2, 2, 3), torch.tensor(1.0)), ("mm", torch.tensor(1.0), f(2, 2)),
        ("matmul", f(2, 2, 3), f(3, 4).double()), ("matmul", f(3), f(3, 4).double()),
        ("matmul", f(2, 2, 3), f(2, 3, 4).double()),
        ("matmul", torch.ones(2, 2, dtype=torch.bool), torch.ones(2, dtype=torch.bool)),
    ]
    for op, a, b in errors:
        cases.append(run_case(op, ops[op], [arg_t(a), arg_t(b)]))
    # Which operands require grad decides PyTorch's route through matmul, and so the grad_fn.
    for sa, sb in [([2, 3], [2, 3, 4]), ([3], [2, 3, 4]), ([1, 2, 3], [4, 3, 2]), ([4, 2, 3], [1, 3, 2]),
                   ([2, 2, 3], [3, 4]), ([2, 2, 3], [3]), ([1, 2, 3], [1, 3, 2]), ([2, 1], [2, 1, 4]),
                   ([1, 2, 3], [2, 2, 3, 2]), ([3], [1, 3, 2]), ([2, 3, 1], [1, 2])]:
        for ra, rb in [(True, False), (False, True), (True, True)]:
            a, b = rand(sa, "float64"), rand(sb, "float64")
            cases.append(run_case("matmul", ops["matmul"], [arg_t(a, rg=ra or None), arg_t(b, rg=rb or None)],
                                  tol=F64_TOL))
    a, b = rand([3, 2, 2], "float64"), rand([2, 3], "float64")
    cases.append(run_case("matmul", ops["matmul"], [arg_t(a, "t", rg=True), arg_t(b, rg=None)], tol=F64_TOL))
    return cases


# ---------------------------------------------------------------------------------------------------------------
# Autograd semantics
# ---------------------------------------------------------------------------------------------------------------

def observe(value):
    """One observation: a tensor {"t"}, a string or None {"s"}, a bool {"b"}, or an int {"i"}."""
    if isinstance(value, torch.Tensor):
        return {"t": encode(value)}
    if isinstance(value, bool):
        return {"b": value}
    if isinstance(value, int):
        return {"i": value}
    return {"s": value}


def name_of(t):
    return type(t.grad_fn).__name__ if t.grad_fn is not None else None


def scenario(fn):
    """Runs a scenario: it fills `seen` with observations in order; an exception is recorded as the last one."""
    seen = []

    def see(key, value):
        seen.append([key, observe(value)])

    try:
        fn(see)
    except Exception as e:  # noqa: BLE001
        seen.append(["error", {"e": error_dict(e)}])
    return seen


def leaf(values, dtype=torch.float32):
    return torch.tensor(values, dtype=dtype, requires_grad=True)


def autograd_scenarios():
    """Each scenario is mirrored by a Swift function of the same name in AutogradTests."""
    s = {}

    def explicit_gradient(see):
        a = leaf([1.0, 2.0, 3.0])
        (a * 2).backward(torch.tensor([1.0, 0.1, 0.01]))
        see("a.grad", a.grad)
    s["explicit_gradient"] = explicit_gradient

    def explicit_gradient_other_dtypes(see):
        a = leaf([1.0, 2.0, 3.0])
        (a * 2).backward(torch.tensor([1, 2, 3]))
        see("a.grad int seed", a.grad)
        b = leaf([1.0, 2.0, 3.0])
        (b * 2).backward(torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64))
        see("b.grad float64 seed", b.grad)
    s["explicit_gradient_other_dtypes"] = explicit_gradient_other_dtypes

    def gradient_shape_mismatch(see):
        a = leaf(2.0)
        (a * 2).backward(torch.tensor([3.0]))
    s["gradient_shape_mismatch"] = gradient_shape_mismatch

    def implicit_gradient_needs_scalar(see):
        a = leaf([1.0, 2.0])
        (a * 2).backward()
    s["implicit_gradient_needs_scalar"] = implicit_gradient_needs_scalar

    def backward_without_grad(see):
        torch.tensor([1.0, 2.0]).sum().backward()
    s["backward_without_grad"] = backward_without_grad

    def accumulate_in_place(see):
        a = leaf([1.0, 2.0, 3.0])
        (a * 2).sum().backward()
        g = a.grad
        see("after first", g.clone())
        (a * a).sum().backward()
        see("reference taken before", g)
        see("a.grad", a.grad)
        see("same object", g is a.grad)
    s["accumulate_in_place"] = accumulate_in_place

    def accumulate_broadcast(see):
        a = leaf([1.0, 2.0, 3.0])
        (a + torch.ones(2, 3)).sum().backward()
        see("a.grad", a.grad)
        see("contiguous", a.grad.is_contiguous())
        (a.expand(4, 3)).sum().backward()
        see("a.grad again", a.grad)
    s["accumulate_broadcast"] = accumulate_broadcast

    def retain_graph(see):
        a = leaf([1.0, 2.0, 3.0])
        y = (a * a).sum()
        y.backward(retain_graph=True)
        see("first", a.grad.clone())
        y.backward()
        see("second", a.grad)
    s["retain_graph"] = retain_graph

    def second_backward_fails(see):
        a = leaf([1.0, 2.0, 3.0])
        y = (a * a).sum()
        y.backward()
        see("a.grad", a.grad)
        y.backward()
    s["second_backward_fails"] = second_backward_fails

    def second_backward_without_saved_tensors(see):
        a = leaf([1.0, 2.0, 3.0])
        y = (a + 1).sum()
        y.backward()
        y.backward()
        see("a.grad", a.grad)
    s["second_backward_without_saved_tensors"] = second_backward_without_saved_tensors

    def retain_grad_on_non_leaf(see):
        a = leaf([1.0, 2.0, 3.0])
        h = a * 2
        h.retain_grad()
        k = a * 3
        z = (h * h).sum() + k.sum()
        z.backward()
        see("h.grad", h.grad)
        see("k.grad", k.grad)
        see("a.grad", a.grad)
        see("h.is_leaf", h.is_leaf)
        see("h.retains_grad", h.retains_grad)
        a.retain_grad()
        see("leaf retains_grad", a.retains_grad)
    s["retain_grad_on_non_leaf"] = retain_grad_on_non_leaf

    def retain_grad_needs_requires_grad(see):
        torch.tensor([1.0]).retain_grad()
    s["retain_grad_needs_requires_grad"] = retain_grad_needs_requires_grad

    def requires_grad_propagation(see):
        a = leaf([1.0, 2.0])
        c = torch.tensor([3.0, 4.0])
        see("a.is_leaf", a.is_leaf)
        see("(a+c).requires_grad", (a + c).requires_grad)
        see("(a+c).is_leaf", (a + c).is_leaf)
        see("(c*2).requires_grad", (c * 2).requires_grad)
        see("(c*2).is_leaf", (c * 2).is_leaf)
        see("(c*2).grad_fn", name_of(c * 2))
        see("(a>0).requires_grad", (a > 0).requires_grad)
        see("a.long().requires_grad", a.long().requires_grad)
        see("a.double().requires_grad", a.double().requires_grad)
        see("a.float() is a", a.float() is a)
        x = a * 2 + c
        see("next_functions", ",".join(str(type(f).__name__) if f is not None else "None"
                                       for f, _ in x.grad_fn.next_functions))
        see("next of mul", ",".join(str(type(f).__name__) if f is not None else "None"
                                    for f, _ in x.grad_fn.next_functions[0][0].next_functions))
    s["requires_grad_propagation"] = requires_grad_propagation

    def no_grad_mode(see):
        a = leaf([1.0, 2.0, 3.0])
        with torch.no_grad():
            y = a * 2
            a.add_(1)
        see("y.requires_grad", y.requires_grad)
        see("y.is_leaf", y.is_leaf)
        see("y.grad_fn", name_of(y))
        see("a", a)
        see("a.is_leaf", a.is_leaf)
        see("a.requires_grad", a.requires_grad)
        see("a._version", a._version)
        z = a * 2
        see("grad mode restored", z.requires_grad)
    s["no_grad_mode"] = no_grad_mode

    def modified_leaf_under_no_grad(see):
        a = leaf([1.0, 2.0, 3.0])
        y = (a * a).sum()
        with torch.no_grad():
            a.mul_(2)
        y.backward()
    s["modified_leaf_under_no_grad"] = modified_leaf_under_no_grad

    def detach_shares_storage(see):
        a = leaf([1.0, 2.0, 3.0])
        d = a.detach()
        see("d.requires_grad", d.requires_grad)
        see("d.is_leaf", d.is_leaf)
        d.add_(1)
        see("a after d.add_", a)
        see("a._version", a._version)
        h = a * 2
        h.detach_()
        see("h.requires_grad", h.requires_grad)
        see("h.is_leaf", h.is_leaf)
        see("h.grad_fn", name_of(h))
    s["detach_shares_storage"] = detach_shares_storage

    def requires_grad_on_integers(see):
        torch.tensor([1, 2]).requires_grad_()
    s["requires_grad_on_integers"] = requires_grad_on_integers

    def requires_grad_false_on_non_leaf(see):
        a = leaf([1.0])
        b = a * 2
        b.requires_grad_(True)
        see("b.requires_grad", b.requires_grad)
        b.requires_grad_(False)
    s["requires_grad_false_on_non_leaf"] = requires_grad_false_on_non_leaf

    def leaf_in_place(see):
        leaf([1.0, 2.0]).add_(1)
    s["leaf_in_place"] = leaf_in_place

    def view_of_leaf_in_place(see):
        a = leaf([1.0, 2.0, 3.0])
        a[0:2].mul_(2)
    s["view_of_leaf_in_place"] = view_of_leaf_in_place

    def view_of_leaf_in_place_reshaped(see):
        a = leaf([[1.0, 2.0], [3.0, 4.0]])
        a.view(4).fill_(1)
    s["view_of_leaf_in_place_reshaped"] = view_of_leaf_in_place_reshaped

    def in_place_on_non_leaf(see):
        a = leaf([1.0, 2.0, 3.0])
        x = a * 2
        x.mul_(3)
        see("x.grad_fn", name_of(x))
        see("x._version", x._version)
        x.sum().backward()
        see("a.grad", a.grad)
    s["in_place_on_non_leaf"] = in_place_on_non_leaf

    def in_place_chain_on_non_leaf(see):
        # sin_ and pow_ need the values they overwrite: PyTorch saves copies, so this succeeds.
        a = leaf([0.5, 1.0, 2.0])
        x = a * 1
        x.sin_()
        x.add_(a)
        x.pow_(2)
        x.mul_(torch.tensor([1.0, -1.0, 0.5]))
        x.clamp_(-3, 3)
        see("x", x)
        see("x.grad_fn", name_of(x))
        (x * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
        see("a.grad", a.grad)
    s["in_place_chain_on_non_leaf"] = in_place_chain_on_non_leaf

    def in_place_saved_output_overwritten(see):
        # exp_ saves its result, the tensor itself, which add_ then overwrites.
        a = leaf([0.5, 1.0, 2.0])
        x = a * 1
        x.exp_()
        x.add_(a)
        see("x.grad_fn", name_of(x))
        x.sum().backward()
    s["in_place_saved_output_overwritten"] = in_place_saved_output_overwritten

    def in_place_with_itself(see):
        a = leaf([0.5, 1.0, 2.0])
        x = a * 1
        x.mul_(x)
        x.sum().backward()
    s["in_place_with_itself"] = in_place_with_itself

    def copy_slices(see):
        a = leaf([[1.0, 2.0], [3.0, 4.0]])
        y = a.clone()
        v = y.select(1, 0)
        v.mul_(2)
        see("y", y)
        see("y.grad_fn", name_of(y))
        see("v.grad_fn", name_of(v))
        (y * torch.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
        see("a.grad", a.grad)
    s["copy_slices"] = copy_slices

    def copy_slices_with_saved_view(see):
        a = leaf([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]], torch.float64)
        b = leaf([1.0, -1.0], torch.float64)
        y = a * 1
        v = y[:, 1]
        v.mul_(b)
        v.exp_()
        w = y.narrow(1, 2, 1)
        w.add_(y.narrow(1, 0, 1))
        see("y", y)
        see("y.grad_fn", name_of(y))
        (y * y).sum().backward()
        see("a.grad", a.grad)
        see("b.grad", b.grad)
    s["copy_slices_with_saved_view"] = copy_slices_with_saved_view

    def modified_saved_output(see):
        a = leaf([1.0, 2.0, 3.0])
        b = a.sigmoid()
        b.mul_(2)
        b.sum().backward()
    s["modified_saved_output"] = modified_saved_output

    def modified_saved_input(see):
        a = leaf([1.0, 2.0, 3.0])
        b = a * 2
        c = b * b
        b.add_(1)
        c.sum().backward()
    s["modified_saved_input"] = modified_saved_input

    def modified_saved_plain_tensor(see):
        a = leaf([1.0, 2.0, 3.0])
        w = torch.ones(3)
        y = a * w
        w.add_(1)
        y.sum().backward()
    s["modified_saved_plain_tensor"] = modified_saved_plain_tensor

    def modified_saved_copy_slices(see):
        a = leaf([[1.0, 2.0], [3.0, 4.0]])
        y = a.clone()
        y.select(1, 0).mul_(2)
        c = y * y
        y.select(1, 1).mul_(2)
        c.sum().backward()
    s["modified_saved_copy_slices"] = modified_saved_copy_slices

    def deep_chain(see):
        a = leaf([1.0, 2.0], torch.float64)
        x = a
        for _ in range(10000):
            x = x * 1.0001
        see("x", x)
        x.sum().backward()
        see("a.grad", a.grad)
    s["deep_chain"] = deep_chain

    def grad_fn_names(see):
        a = leaf([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]])
        ops = [
            ("reshape copy", lambda: a.t().reshape(6)), ("reshape view", lambda: a.reshape(6)),
            ("flatten", lambda: a.flatten()), ("contiguous of t", lambda: a.t().contiguous()),
            ("double", lambda: a.double()), ("sum", lambda: a.sum()), ("sum dim", lambda: a.sum(0)),
            ("squeeze", lambda: a.unsqueeze(0).squeeze()), ("squeeze dim", lambda: a.unsqueeze(0).squeeze(0)),
            ("unsqueeze", lambda: a.unsqueeze(0)), ("expand", lambda: a.unsqueeze(0).expand(2, 2, 3)),
            ("permute", lambda: a.permute(1, 0)), ("select", lambda: a[0]), ("slice", lambda: a[:, 1:]),
            ("narrow", lambda: a.narrow(1, 0, 2)), ("T", lambda: a.T), ("mT", lambda: a.mT),
            ("t of vector", lambda: a[0].t()), ("view", lambda: a.view(3, 2)), ("neg", lambda: -a),
            ("clone", lambda: a.clone()), ("rsub number", lambda: 1 - a), ("add number", lambda: a + 1),
            ("sub number", lambda: a - 1), ("div number", lambda: a / 2), ("pow tensor", lambda: a ** a),
            ("where", lambda: torch.where(a > 0, a, 0.0)), ("relu", lambda: a.relu()),
            ("masked_fill", lambda: a.masked_fill(a > 0, 0.0)), ("clamp", lambda: a.clamp(-1, 1)),
            ("abs", lambda: a.abs()), ("to float64", lambda: a.to(torch.float64)), ("mul number", lambda: a * 2),
            ("matmul", lambda: a @ a.t()), ("exp", lambda: a.exp()), ("copy_ into clone", lambda: a.clone().copy_(a)),
            ("fill_ clone", lambda: a.clone().fill_(1)), ("zero_ clone", lambda: a.clone().zero_()),
            ("masked_fill_ clone", lambda: a.clone().masked_fill_(a > 0, 1.0)),
            ("clamp_ clone", lambda: a.clone().clamp_(0, 1)), ("add_ clone", lambda: a.clone().add_(a)),
            ("add_ alpha clone", lambda: a.clone().add_(a, alpha=2)),
        ]
        for name, op in ops:
            see(name, name_of(op()))
    s["grad_fn_names"] = grad_fn_names

    def in_place_gradients(see):
        # Each in-place op applied to a non-leaf, then differentiated: grad_fn and gradients.
        ops = [
            ("sin_", lambda x, b: x.sin_()), ("cos_", lambda x, b: x.cos_()), ("log_", lambda x, b: x.log_()),
            ("exp_", lambda x, b: x.exp_()), ("sqrt_", lambda x, b: x.sqrt_()), ("tanh_", lambda x, b: x.tanh_()),
            ("sigmoid_", lambda x, b: x.sigmoid_()), ("relu_", lambda x, b: x.relu_()), ("neg_", lambda x, b: x.neg_()),
            ("abs_", lambda x, b: x.abs_()), ("pow_ number", lambda x, b: x.pow_(2)),
            ("pow_ tensor", lambda x, b: x.pow_(b)), ("mul_", lambda x, b: x.mul_(b)), ("div_", lambda x, b: x.div_(b)),
            ("add_", lambda x, b: x.add_(b)), ("sub_", lambda x, b: x.sub_(b)),
            ("add_ alpha", lambda x, b: x.add_(b, alpha=-1.5)), ("sub_ alpha", lambda x, b: x.sub_(b, alpha=3)),
            ("remainder_", lambda x, b: x.remainder_(b)), ("clamp_", lambda x, b: x.clamp_(0.6, 1.5)),
            ("masked_fill_", lambda x, b: x.masked_fill_(torch.tensor([True, False, False]), 0.5)),
            ("fill_", lambda x, b: x.fill_(2)), ("zero_", lambda x, b: x.zero_()), ("copy_", lambda x, b: x.copy_(b)),
        ]
        for name, op in ops:
            a = leaf([0.5, 1.0, 2.0], torch.float64)
            b = leaf([1.5, -0.75, 0.3], torch.float64)
            x = a * 1
            op(x, b)
            see(name + " grad_fn", name_of(x))
            (x * torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)).sum().backward()
            see(name + " a.grad", a.grad)
            see(name + " b.grad", b.grad)
    s["in_place_gradients"] = in_place_gradients

    def set_grad_and_zero(see):
        a = leaf([1.0, 2.0])
        (a * 3).sum().backward()
        a.grad.zero_()
        see("zeroed", a.grad)
        (a * 3).sum().backward()
        see("after zero", a.grad)
        a.grad = None
        (a * 5).sum().backward()
        see("after None", a.grad)
    s["set_grad_and_zero"] = set_grad_and_zero

    return [{"name": name, "observations": scenario(fn)} for name, fn in s.items()]


if __name__ == "__main__":
    for name, group in elementwise_cases().items():
        write(name, {"cases": [c for c in group if c is not None]})
    write("core_inplace", {"cases": [c for c in inplace_cases() if c is not None]})
    write("core_promotion", {"rows": promotion_table()})
    write("core_creation", {"cases": creation_cases()})
    write("core_matmul", {"cases": [c for c in matmul_cases() if c is not None]})
    write("core_autograd", {"scenarios": autograd_scenarios()})
