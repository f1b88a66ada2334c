"""Fixtures for the basic layers: activations, Linear, Embedding, Conv1d, LayerNorm, Dropout, F.pad, the containers,
nn.init and the Module base (state dicts, printed trees).

Run with PyTorch 2.13 CPU: /work/torchenv/bin/python generate_layers.py. Writes layers.json with sections:

- "functional": cases in generate_core.py's format ({op, args, kw, out | error, grad_fn, grads, tol}), run by the
  Swift CaseRunner. Arguments are tensors {"t", "v": view, "rg": requires grad}; gradients come from
  out.backward(weights) with weights[i] = 0.5 + (i % 7) * 0.25 and are reported for the bases in argument order.
- "modules": a module built from {kind, args} right after torch.manual_seed(seed): its parameters (compared bit for
  bit), repr, and for an input its output, grad_fn and the gradients of sum(out * weights) for the input and every
  parameter. Modules run in eval mode when "eval" is set.
- "init": nn.init functions on fresh tensors after manual_seed, bit for bit, or the error they raise.
- "texts": printed trees and error messages of named scenarios that the Swift tests rebuild.
"""
import math
import re
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

from fixture_support import check_version, encode, write
from fixture_support import encode_spec, realise, weights_like

check_version()
torch.manual_seed(0)

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}
F32_TOL = [2e-6, 1e-7]
F64_TOL = [1e-12, 1e-300]
# Products and normalisations sum in another order than PyTorch's kernels.
F32_SUM_TOL = [2e-5, 2e-6]
F64_SUM_TOL = [1e-11, 1e-13]


def error_dict(e):
    message = str(e)
    # NOTE: PyTorch prints these Python sets in an order that changes with the interpreter's string hashing; Attend
    # prints one fixed order.
    message = message.replace("{'same', 'valid'}", "{'valid', 'same'}")
    message = re.sub(r"padding_mode must be one of \{[^}]*\}",
                     "padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}", message)
    return {"type": type(e).__name__, "message": message}


def zeros(shape):
    """Inputs for cases that only check an error: the values do not matter and zeros print short."""
    return torch.zeros(shape)


def rand(shape, dtype="float32", scale=1.0):
    """Normal samples rounded to sixteenths (times `scale`), so the inputs print short and convert exactly."""
    return ((torch.randn(shape, dtype=torch.float64) * 16).round() / 16 * scale).to(DTYPES[dtype])


def encode_result(t):
    """A computed tensor compared within a tolerance: floats with 9 (float32) or 15 (float64) significant digits."""
    record = encode(t)
    if t.dtype in (torch.float32, torch.float64):
        digits = 9 if t.dtype == torch.float32 else 15
        record["values"] = [float(f"{v:.{digits}g}") if isinstance(v, float) else v for v in record["values"]]
    return record


def arg(t, view=None, rg=None, shape=None):
    spec = {"t": t, "v": view, "rg": rg}
    if shape is not None:
        spec["shape"] = shape
    return spec








FUNCTIONAL = []


def case(op, fn, args, kw=None, tol=None):
    """Runs fn(*args, **kw) and records output or error, grad_fn and gradients."""
    kw = kw or {}
    record = {"op": op, "args": [encode_spec(a) for a in args]}
    if kw:
        record["kw"] = kw
    values, leaves = [], []
    for a in args:
        v, leaf = realise(a)
        values.append(v)
        leaves.append(leaf)
    call_kw = {k: DTYPES[v] if k == "dtype" else v for k, v in kw.items()}
    try:
        out = fn(*values, **call_kw)
    except Exception as e:  # noqa: BLE001
        record["error"] = error_dict(e)
        FUNCTIONAL.append(record)
        return
    record["out"] = encode_result(out)
    if tol is None and out.dtype.is_floating_point:
        tol = F32_TOL if out.dtype == torch.float32 else F64_TOL
    if tol is not None:
        record["tol"] = tol
    if out.grad_fn is not None:
        record["grad_fn"] = type(out.grad_fn).__name__
    if out.requires_grad:
        try:
            out.backward(weights_like(out))
            record["grads"] = [encode_result(l.grad) if l is not None and l.grad is not None else None
                               for l in leaves]
        except Exception as e:  # noqa: BLE001
            record["backward_error"] = error_dict(e)
    FUNCTIONAL.append(record)


def sum_tol(dtype):
    return F32_SUM_TOL if dtype == "float32" else F64_SUM_TOL


# ---------------------------------------------------------------------------------------------------------------
# Activations
# ---------------------------------------------------------------------------------------------------------------

SPECIAL = torch.tensor([float("nan"), float("inf"), -float("inf"), 0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 30.0, -30.0,
                        100.0, -100.0, 1e-30, -1e-30, -800.0], dtype=torch.float64)

for dtype in ("float32", "float64"):
    x = rand([3, 4], dtype)
    special = SPECIAL.to(DTYPES[dtype])
    case("relu", F.relu, [arg(x, rg=True)])
    case("relu", F.relu, [arg(x, "t", rg=True)])
    case("relu", F.relu, [arg(special)])
    case("gelu", F.gelu, [arg(x, rg=True)])
    case("gelu", F.gelu, [arg(x, "s", rg=True)], {"approximate": "tanh"})
    case("gelu", F.gelu, [arg(special)], {"approximate": "tanh"})
    case("gelu", F.gelu, [arg(x)], {"approximate": "foo"})
    case("silu", F.silu, [arg(x, rg=True)])
    case("silu", F.silu, [arg(x, "t", rg=True)])
    case("silu", F.silu, [arg(special)], tol=[4e-6, 1e-300] if dtype == "float32" else [2e-15, 1e-300])
    case("tanh", F.tanh, [arg(x, rg=True)])
    case("sigmoid", F.sigmoid, [arg(x, "t", rg=True)])
    case("softplus", F.softplus, [arg(x * 10, rg=True)])
    case("softplus", F.softplus, [arg(x * 10, rg=True)], {"beta": 2.0, "threshold": 5.0})
    case("softplus", F.softplus, [arg(x, "t", rg=True)], {"beta": 0.5})
    for dim in (0, 1, -1):
        case("softmax", F.softmax, [arg(x, rg=True)], {"dim": dim})
        case("log_softmax", F.log_softmax, [arg(x, "t", rg=True)], {"dim": dim})
    case("softmax", F.softmax, [arg(x, rg=True)], {"dim": 2})
    case("softmax", F.softmax, [arg(x, rg=True)], {"dim": 1, "dtype": "float64"})
    case("log_softmax", F.log_softmax, [arg(x, rg=True)], {"dim": 0, "dtype": "float64"})
    for shape in ([], [5], [2, 3], [2, 3, 2], [2, 2, 2, 2]):
        case("softmax", F.softmax, [arg(rand(shape, dtype), rg=True)])
        case("log_softmax", F.log_softmax, [arg(rand(shape, dtype), rg=True)])

ints = torch.tensor([[-3, 0, 4], [7, -1, 2]])
bools = torch.tensor([True, False])
for op, fn in (("relu", F.relu), ("gelu", F.gelu), ("silu", F.silu), ("tanh", F.tanh), ("sigmoid", F.sigmoid),
               ("softplus", F.softplus)):
    case(op, fn, [arg(ints)])
    case(op, fn, [arg(bools)])
case("softmax", F.softmax, [arg(ints)], {"dim": 1})
case("softmax", F.softmax, [arg(ints)], {"dim": 0})
case("softmax", F.softmax, [arg(ints)], {"dim": 1, "dtype": "float32"})
case("log_softmax", F.log_softmax, [arg(ints)], {"dim": 0})
case("softmax", F.softmax, [arg(torch.ones(2))], {"dim": 0, "dtype": "int64"})

for classes in ([3, 1, 0, 2], [[0, 2], [1, 1]]):
    case("one_hot", F.one_hot, [arg(torch.tensor(classes))])
    case("one_hot", F.one_hot, [arg(torch.tensor(classes))], {"num_classes": 5})
case("one_hot", F.one_hot, [arg(torch.tensor(2))], {"num_classes": 4})
case("one_hot", F.one_hot, [arg(torch.tensor([3, 1]))], {"num_classes": 3})
case("one_hot", F.one_hot, [arg(torch.tensor([3, -1]))])
case("one_hot", F.one_hot, [arg(torch.tensor([1.0]))])
case("one_hot", F.one_hot, [arg(torch.tensor([], dtype=torch.int64))])
case("one_hot", F.one_hot, [arg(torch.tensor([], dtype=torch.int64))], {"num_classes": 3})
case("one_hot", F.one_hot, [arg(torch.tensor([1]))], {"num_classes": 0})
case("one_hot", F.one_hot, [arg(torch.tensor([1]))], {"num_classes": -2})

# ---------------------------------------------------------------------------------------------------------------
# Embedding
# ---------------------------------------------------------------------------------------------------------------

for dtype in ("float32", "float64"):
    w = rand([6, 3], dtype)
    case("embedding", F.embedding, [arg(torch.tensor([[0, 5, 2], [2, 2, 1]])), arg(w, rg=True)])
    case("embedding", F.embedding, [arg(torch.tensor([1, 4, 4, 0])), arg(w, rg=True)], {"padding_idx": 4})
    case("embedding", F.embedding, [arg(torch.tensor([1, 5, 4, 5])), arg(w, rg=True)], {"padding_idx": -1})
    case("embedding", F.embedding, [arg(torch.tensor(3)), arg(w, rg=True)])
    case("embedding", F.embedding, [arg(torch.tensor([[1, 2, 3], [3, 3, 0]]), "t"), arg(w, rg=True)])
    case("embedding", F.embedding, [arg(torch.tensor([1, 3, 1, 1, 0])), arg(w, rg=True)],
         {"scale_grad_by_freq": True, "padding_idx": 0})
    case("embedding", F.embedding, [arg(torch.tensor([1, 3, 1])), arg(w * 3, rg=True)], {"max_norm": 1.5})
    case("embedding", F.embedding, [arg(torch.tensor([1, 3, 1])), arg(w * 3, rg=True)],
         {"max_norm": 2.0, "norm_type": 1.0})
    case("embedding", F.embedding, [arg(torch.tensor([], dtype=torch.int64)), arg(w, rg=True)])
case("embedding", F.embedding, [arg(torch.tensor([1, 0])), arg(torch.arange(6).view(3, 2))])
case("embedding", F.embedding, [arg(torch.tensor([3])), arg(rand([3, 2]))])
case("embedding", F.embedding, [arg(torch.tensor([-4])), arg(rand([3, 2]))])
case("embedding", F.embedding, [arg(torch.tensor([1.0])), arg(rand([3, 2]))])
case("embedding", F.embedding, [arg(torch.tensor([1.0], dtype=torch.float64)), arg(rand([3, 2]))])
case("embedding", F.embedding, [arg(torch.tensor([True])), arg(rand([3, 2]))])
case("embedding", F.embedding, [arg(torch.tensor([1])), arg(rand([3]))])
case("embedding", F.embedding, [arg(torch.tensor([1])), arg(rand([3, 2, 2]))])
case("embedding", F.embedding, [arg(torch.tensor([1])), arg(rand([3, 2]))], {"padding_idx": 3})
case("embedding", F.embedding, [arg(torch.tensor([1])), arg(rand([3, 2]))], {"padding_idx": -4})
case("embedding", F.embedding, [arg(torch.tensor([1])), arg(rand([0, 2]))])
case("embedding", F.embedding, [arg(torch.tensor([1])), arg(rand([]))], {"padding_idx": 1})
case("embedding", F.embedding, [arg(torch.tensor([5])), arg(rand([3, 2]))], {"max_norm": 1.0})

# ---------------------------------------------------------------------------------------------------------------
# F.pad
# ---------------------------------------------------------------------------------------------------------------


def pad(x, pad, **kw):
    if isinstance(kw.get("value"), str):
        kw["value"] = float(kw["value"])
    return F.pad(x, pad, **kw)


x2 = rand([2, 3])
x3 = rand([2, 3, 4])
x4 = rand([1, 1, 3, 4])
x5 = rand([1, 1, 2, 2, 3])
for p in ([1, 2], [0, 0], [-1, 2], [2, -3], [-1, -1], [1, 1, 2, 0], [0, 1, -1, 2], [1, 0, 1, 1, 1, 1]):
    case("pad", pad, [arg(x3, rg=True)], {"pad": p})
case("pad", pad, [arg(x3, "t", rg=True)], {"pad": [1, 1, 1, 1], "value": 2.5})
case("pad", pad, [arg(x4, "s", rg=True)], {"pad": [1, 0, 0, 2, 0, 0, 1, 1]})
case("pad", pad, [arg(x2, rg=True)], {"pad": []})
case("pad", pad, [arg(x3.double(), rg=True)], {"pad": [2, -1, 1, 0], "value": -1.0})
for mode in ("reflect", "replicate", "circular"):
    for source, p in ((x2, [1, 2]), (x3, [2, 1]), (x3, [-1, 2]), (x3, [0, 0]), (x3, [1, 1, 2, 1]),
                      (x4, [1, 2, 2, 1]), (x4, [-1, 1, 1, -2]), (x4, [1, 1, 1, 1, 1, 1]),
                      (x5, [2, 1, 1, 2, 1, 0])):
        case("pad", pad, [arg(source, rg=True)], {"pad": p, "mode": mode})
    case("pad", pad, [arg(x3.double(), rg=True)], {"pad": [2, 1], "mode": mode})
    case("pad", pad, [arg(x4.double(), rg=True)], {"pad": [1, 2, 2, 1], "mode": mode})
    case("pad", pad, [arg(x3, "t", rg=True)], {"pad": [2, 1], "mode": mode})
    case("pad", pad, [arg(x3, rg=True)], {"pad": [3, 3], "mode": mode})
    case("pad", pad, [arg(x3, rg=True)], {"pad": [-2, -2], "mode": mode})
    case("pad", pad, [arg(x4, rg=True)], {"pad": [4, 0, 1, 1], "mode": mode})
    case("pad", pad, [arg(x4, rg=True)], {"pad": [1, 1, 3, 0], "mode": mode})
    case("pad", pad, [arg(x4, rg=True)], {"pad": [-4, 0, -3, 0], "mode": mode})
    case("pad", pad, [arg(x4, rg=True)], {"pad": [-4, 0, 1, 1], "mode": mode})
    case("pad", pad, [arg(x4, rg=True)], {"pad": [1, 1, 1, 1, 2, 0], "mode": mode})
    case("pad", pad, [arg(x5, rg=True)], {"pad": [-4, 0, -3, 0, -2, 0], "mode": mode})
ints3 = torch.arange(12).view(2, 2, 3)
for mode in ("constant", "reflect", "replicate", "circular"):
    case("pad", pad, [arg(ints3)], {"pad": [1, 1], "mode": mode})
    case("pad", pad, [arg(ints3 > 4)], {"pad": [1, 1], "mode": mode})
    case("pad", pad, [arg(ints3 > 4)], {"pad": [1, 1, 1, 1], "mode": mode})
    case("pad", pad, [arg(rand([2, 3]))], {"pad": [1, 1, 1, 1], "mode": mode})
    case("pad", pad, [arg(zeros([1, 1, 1, 2, 1, 2]))], {"pad": [1, 1], "mode": mode})
    case("pad", pad, [arg(rand([2, 3]))], {"pad": [1], "mode": mode})
    case("pad", pad, [arg(rand([2, 3]))], {"pad": [1, 1, 1, 1, 1, 1], "mode": mode})
    case("pad", pad, [arg(rand([1, 2, 3]))], {"pad": [1, 1], "mode": mode, "value": 1.5})
    case("pad", pad, [arg(rand([1, 2, 3]))], {"pad": [1, 1], "mode": mode, "value": 0.0})
    case("pad", pad, [arg(torch.zeros(1, 0, 3))], {"pad": [1, 1], "mode": mode})
    case("pad", pad, [arg(torch.zeros(0, 2, 3))], {"pad": [1, 1], "mode": mode})
    case("pad", pad, [arg(torch.zeros(2, 0))], {"pad": [1, 1], "mode": mode})
    case("pad", pad, [arg(torch.zeros(2, 0, 3, 4))], {"pad": [1, 1, 1, 1], "mode": mode})
case("pad", pad, [arg(rand([2, 3]))], {"pad": [1, 1], "mode": "bogus"})
case("pad", pad, [arg(torch.tensor(1.0))], {"pad": [1, 1]})
case("pad", pad, [arg(rand([2, 3]))], {"pad": [-4, 0]})
case("pad", pad, [arg(rand([2, 3]))], {"pad": [-2, -2]})
case("pad", pad, [arg(torch.arange(6).view(2, 3))], {"pad": [1, 1], "value": -2.7})
case("pad", pad, [arg(torch.arange(6).view(2, 3))], {"pad": [1, 1], "value": "nan"})
case("pad", pad, [arg(torch.arange(6).view(2, 3) > 2)], {"pad": [1, 1], "value": 0.5})
case("pad", pad, [arg(rand([2, 3]))], {"pad": [1, 1], "value": "-inf"})
for mode in ("constant", "replicate", "circular", "reflect"):
    case("pad", pad, [arg(zeros([1, 2, 3]))], {"pad": [2 ** 62, 2 ** 62], "mode": mode})
    case("pad", pad, [arg(zeros([1, 2, 3]))], {"pad": [2 ** 63 - 1, 1], "mode": mode})
case("pad", pad, [arg(zeros([1, 1, 3, 4]))], {"pad": [-5, 0, 1, 1], "mode": "replicate"})

# ---------------------------------------------------------------------------------------------------------------
# conv1d
# ---------------------------------------------------------------------------------------------------------------


def conv1d(x, w, b=None, **kw):
    return F.conv1d(x, w, b, **kw)


for dtype in ("float32", "float64"):
    tol = sum_tol(dtype)
    x = rand([2, 3, 7], dtype)
    w = rand([4, 3, 3], dtype)
    b = rand([4], dtype)
    configurations = ({}, {"stride": 3, "padding": 1, "dilation": 2}, {"padding": "same"}, {"padding": 7},
                      {"stride": 2}, {"padding": 2}, {"dilation": 2}, {"padding": "valid", "stride": 2})
    for kw in configurations if dtype == "float32" else configurations[:4]:
        case("conv1d", conv1d, [arg(x, rg=True), arg(w, rg=True), arg(b, rg=True)], kw, tol)
    case("conv1d", conv1d, [arg(x), arg(rand([4, 3, 0], dtype))], {})
    case("conv1d", conv1d, [arg(x), arg(w)], {"dilation": 0})
    case("conv1d", conv1d, [arg(x), arg(rand([4, 3, 0], dtype))], {"dilation": 0})
    if dtype == "float64":
        continue
    case("conv1d", conv1d, [arg(x, rg=True), arg(w, rg=True)], {"padding": 1}, tol)
    case("conv1d", conv1d, [arg(x[0], rg=True), arg(w, rg=True), arg(b, rg=True)], {}, tol)
    case("conv1d", conv1d, [arg(x[0], rg=True), arg(rand([4, 3, 4], dtype), rg=True)], {"padding": "same"}, tol)
    case("conv1d", conv1d, [arg(x, rg=True), arg(rand([4, 3, 4], dtype), rg=True), arg(b, rg=True)],
         {"padding": "same", "dilation": 3}, tol)
    x4c = rand([2, 4, 7], dtype)
    case("conv1d", conv1d, [arg(x4c, rg=True), arg(rand([6, 2, 3], dtype), rg=True), arg(rand([6], dtype), rg=True)],
         {"groups": 2, "padding": 1}, tol)
    case("conv1d", conv1d, [arg(x4c, rg=True), arg(rand([4, 1, 2], dtype), rg=True)], {"groups": 4}, tol)
    case("conv1d", conv1d, [arg(rand([2, 7, 3], dtype), "t", rg=True), arg(w, rg=True), arg(b, rg=True)],
         {"stride": 2}, tol)
    case("conv1d", conv1d, [arg(rand([2, 3, 14], dtype), "s", rg=True), arg(rand([4, 3, 3], dtype), "t", rg=True)],
         {}, tol)
    case("conv1d", conv1d, [arg(rand([0, 3, 7], dtype), rg=True), arg(w, rg=True), arg(b, rg=True)], {}, tol)
    case("conv1d", conv1d, [arg(rand([2, 0, 7], dtype), rg=True), arg(rand([4, 0, 3], dtype), rg=True),
                            arg(b, rg=True)], {}, tol)
    case("conv1d", conv1d, [arg(x, rg=True), arg(rand([4, 3, 7], dtype), rg=True)], {}, tol)
case("conv1d", conv1d, [arg(torch.arange(12).view(1, 2, 6)), arg(torch.arange(6).view(3, 2, 1) - 2)], {"stride": 2})
xf = torch.zeros(2, 3, 5)
for args, kw in (
        ([zeros([5]), zeros([4, 3, 3])], {}),
        ([zeros([1, 2, 3, 5]), zeros([4, 3, 3])], {}),
        ([xf, zeros([4, 3])], {}),
        ([xf, zeros([4, 3, 3, 1])], {}),
        ([xf, zeros([4, 3, 3])], {"groups": 0}),
        ([xf, zeros([4, 3, 3])], {"stride": 0}),
        ([xf, zeros([4, 3, 3])], {"padding": -1}),
        ([xf, zeros([4, 3, 3])], {"dilation": -1}),
        ([xf, zeros([4, 3, 3])], {"padding": -1, "stride": 0}),
        ([xf, zeros([4, 3, 3])], {"groups": 5}),
        ([zeros([2, 6, 10]), zeros([5, 3, 3])], {"groups": 2}),
        ([xf, zeros([4, 3, 3])], {"groups": 2}),
        ([xf, zeros([4, 5, 3])], {}),
        ([xf, zeros([0, 3, 3])], {}),
        ([xf, zeros([4, 3, 3]), zeros([3])], {}),
        ([xf, zeros([4, 3, 3]), zeros([4, 1])], {}),
        ([zeros([2, 3, 2]), zeros([4, 3, 3])], {}),
        ([zeros([2, 3, 2]), zeros([4, 3, 3])], {"padding": 1, "dilation": 2}),
        ([zeros([5]), zeros([4, 3, 3])], {"padding": "same", "stride": 2}),
        ([xf, zeros([4, 3, 3])], {"padding": "same", "stride": 2}),
        ([xf, zeros([4, 3, 3])], {"padding": "foo"}),
        ([xf, zeros([4, 3, 3, 3])], {"padding": "same"}),
        ([xf, zeros([4, 3, 3])], {"padding": "same", "dilation": -1}),
        ([xf.double(), zeros([4, 3, 3])], {}),
        ([xf, zeros([4, 3, 3]).double()], {}),
        ([xf, zeros([4, 3, 3]), zeros([4]).double()], {}),
        ([xf.double(), zeros([4, 3, 3]), zeros([4])], {}),
        ([xf.long(), zeros([4, 3, 3])], {}),
        ([xf, zeros([4, 3, 3]) > 0], {}),
        ([xf > 0, zeros([4, 3, 3]) > 0], {}),
        ([xf, zeros([4, 3, 30])], {"dilation": 0}),
        ([xf, zeros([4, 3, 30])], {}),
        ([xf.double(), zeros([4, 3, 3]).double()], {"dilation": 0}),
        ([xf.double(), zeros([4, 3, 0]).double()], {}),
        ([xf.double(), zeros([4, 3, 0]).double()], {"dilation": 0}),
        ([xf, zeros([4, 3, 3])], {"padding": 2 ** 62}),
        ([xf, zeros([4, 3, 3])], {"padding": 2 ** 62 - 1}),
):
    case("conv1d", conv1d, [arg(a) for a in args], kw)

# ---------------------------------------------------------------------------------------------------------------
# linear, layer_norm, dropout
# ---------------------------------------------------------------------------------------------------------------

for dtype in ("float32", "float64"):
    tol = sum_tol(dtype)
    w = rand([4, 3], dtype)
    b = rand([4], dtype)
    shapes = ((rand([3], dtype), None), (rand([2, 3], dtype), None), (rand([2, 2, 3], dtype), None),
              (rand([2, 3, 2], dtype), "t"), (rand([2, 2, 2, 3], dtype), None), (rand([2, 2, 3, 2], dtype), "t"),
              (rand([3, 2], dtype), "t"), (rand([0, 3], dtype), None), (rand([2, 0, 3], dtype), None),
              (rand([1, 2, 2, 2, 3], dtype), None), (rand([2, 2, 6], dtype), "s"))
    for x, view in (shapes if dtype == "float32" else shapes[:5]):
        case("linear", F.linear, [arg(x, view, rg=True), arg(w, rg=True), arg(b, rg=True)], tol=tol)
        case("linear", F.linear, [arg(x, view, rg=True), arg(w, rg=True)], tol=tol)
        case("linear", F.linear, [arg(x, view), arg(w, rg=True), arg(b, rg=True)], tol=tol)
    if dtype == "float64":
        continue
    case("linear", F.linear, [arg(rand([1, 2, 3], dtype), "e", shape=[2, 2, 3], rg=True), arg(w, rg=True),
                              arg(b, rg=True)], tol=tol)
    case("linear", F.linear, [arg(rand([2, 2, 3], dtype), rg=True), arg(w.t().contiguous(), "t", rg=True),
                              arg(b, rg=True)], tol=tol)
    case("linear", F.linear, [arg(rand([2, 2, 3], dtype), rg=True), arg(w, rg=True), arg(rand([4, 4], dtype), rg=True)],
         tol=tol)
    case("linear", F.linear, [arg(rand([2, 3], dtype), rg=True), arg(w, rg=True), arg(rand([2, 4], dtype), rg=True)],
         tol=tol)
    case("linear", F.linear, [arg(rand([2, 2, 3], dtype), rg=True), arg(w, rg=True), arg(rand([1], dtype), rg=True)],
         tol=tol)
    case("linear", F.linear, [arg(rand([2, 2, 3], dtype), rg=True), arg(w, rg=True), arg(rand([], dtype), rg=True)],
         tol=tol)
    case("linear", F.linear, [arg(rand([2, 3], dtype), rg=True), arg(rand([3], dtype), rg=True)], tol=tol)
for args in (
        [zeros([3]), zeros([4, 2])],
        [zeros([3]), zeros([4, 2]), zeros([4])],
        [zeros([5, 3]), zeros([4, 2]), zeros([4])],
        [zeros([2, 5, 3]), zeros([4, 2]), zeros([4])],
        [zeros([2, 2, 5, 3]), zeros([4, 3]), zeros([5])],
        [zeros([2, 5, 3]), zeros([4, 3]).double(), zeros([4])],
        [zeros([2, 3]), zeros([4, 3]), zeros([4]).double()],
        [zeros([2, 3]), zeros([3]), zeros([4])],
        [zeros([2, 2, 3]), zeros([4, 3]), zeros([4, 4])],
        [zeros([]), zeros([4, 3])],
        [zeros([2, 3]), zeros([4, 3, 2])],
        [torch.ones(2, 3, dtype=torch.int64), torch.ones(4, 3, dtype=torch.int64), torch.ones(4, dtype=torch.int64)],
        [torch.ones(2, 3, dtype=torch.int64), torch.ones(4, 3, dtype=torch.int64)],
        [torch.ones(2, 3) > 0, torch.ones(4, 3) > 0],
):
    case("linear", F.linear, [arg(a) for a in args])
xt = rand([2, 3, 5])
case("linear", F.linear, [arg(xt, "t"), arg(rand([4, 3]).double()), arg(rand([4]))])
case("linear", F.linear, [arg(xt, "t"), arg(rand([4, 3])), arg(rand([5]))])


def layer_norm(x, *params, normalized_shape, eps=1e-5, affine="both"):
    weight = params[0] if affine in ("both", "weight") else None
    bias = params[-1] if affine in ("both", "bias") else None
    return F.layer_norm(x, normalized_shape, weight, bias, eps)


for dtype in ("float32", "float64"):
    tol = sum_tol(dtype)
    x = rand([2, 3, 4], dtype, 3.0) + 1.5
    for shape in ([4], [3, 4], [2, 3, 4]):
        w = rand(shape, dtype)
        b = rand(shape, dtype)
        case("layer_norm", layer_norm, [arg(x, rg=True), arg(w, rg=True), arg(b, rg=True)],
             {"normalized_shape": shape}, tol)
        case("layer_norm", layer_norm, [arg(x, rg=True)], {"normalized_shape": shape, "affine": "none"}, tol)
    w = rand([4], dtype)
    case("layer_norm", layer_norm, [arg(x, rg=True), arg(w, rg=True)],
         {"normalized_shape": [4], "affine": "weight", "eps": 0.1}, tol)
    case("layer_norm", layer_norm, [arg(x, rg=True), arg(w, rg=True)],
         {"normalized_shape": [4], "affine": "bias"}, tol)
    case("layer_norm", layer_norm, [arg(rand([2, 4, 3], dtype), "t", rg=True), arg(w, rg=True), arg(w * 2, rg=True)],
         {"normalized_shape": [4]}, tol)
    case("layer_norm", layer_norm, [arg(torch.full([2, 4], 3.0, dtype=DTYPES[dtype]), rg=True)],
         {"normalized_shape": [4], "affine": "none"}, tol)
    case("layer_norm", layer_norm, [arg(rand([0, 4], dtype), rg=True)], {"normalized_shape": [4], "affine": "none"},
         tol)
    case("layer_norm", layer_norm, [arg(rand([3], dtype), rg=True)], {"normalized_shape": [3], "affine": "none"},
         tol)
case("layer_norm", layer_norm, [arg(rand([2, 3]))], {"normalized_shape": [4], "affine": "none"})
case("layer_norm", layer_norm, [arg(rand([2, 3]))], {"normalized_shape": [2, 3, 4], "affine": "none"})
case("layer_norm", layer_norm, [arg(rand([2, 3])), arg(rand([2]))], {"normalized_shape": [3], "affine": "weight"})
case("layer_norm", layer_norm, [arg(rand([2, 3])), arg(rand([2]))], {"normalized_shape": [3], "affine": "bias"})
case("layer_norm", layer_norm, [arg(torch.ones(2, 3, dtype=torch.int64))], {"normalized_shape": [3],
                                                                             "affine": "none"})
case("layer_norm", layer_norm, [arg(rand([2, 3])), arg(rand([3]).double())], {"normalized_shape": [3],
                                                                               "affine": "weight"})
case("layer_norm", layer_norm, [arg(rand([2, 3]).double()), arg(rand([3])), arg(rand([3]))], {"normalized_shape": [3]})

for dtype in ("float32", "float64"):
    x = rand([3, 4], dtype)
    case("dropout", F.dropout, [arg(x, rg=True)], {"p": 0.0})
    case("dropout", F.dropout, [arg(x, rg=True)], {"p": 0.7, "training": False})
    case("dropout", F.dropout, [arg(x, rg=True)], {"p": 1.0})
    case("dropout", F.dropout, [arg(x)], {"p": 1.0, "inplace": True})
case("dropout", F.dropout, [arg(rand([3]))], {"p": 1.5})
case("dropout", F.dropout, [arg(rand([3]))], {"p": -0.1})
case("dropout", F.dropout, [arg(torch.arange(3))], {"p": 0.0})
case("dropout", F.dropout, [arg(torch.arange(3))], {"p": 1.0})
case("dropout", F.dropout, [arg(torch.arange(3))], {"p": 0.5})
case("dropout", F.dropout, [arg(torch.arange(3) > 0)], {"p": 0.5})
case("dropout", F.dropout, [arg(rand([3]), rg=True)], {"p": 0.5, "inplace": True})

# ---------------------------------------------------------------------------------------------------------------
# Modules: seeded parameters, repr, forward and gradients
# ---------------------------------------------------------------------------------------------------------------

MODULES = []


def build(kind, args):
    kw = {k: v for k, v in args.items() if not k.startswith("_")}
    if "dtype" in kw:
        kw["dtype"] = DTYPES[kw["dtype"]]
    if kind == "Linear":
        return nn.Linear(**kw)
    if kind == "Embedding":
        return nn.Embedding(**kw)
    if kind == "Conv1d":
        return nn.Conv1d(**kw)
    if kind == "LayerNorm":
        return nn.LayerNorm(**kw)
    if kind == "Dropout":
        return nn.Dropout(**kw)
    if kind == "MLP":
        # Sequential(Linear, activation, Linear): the draws of several layers in order.
        dt = kw.get("dtype")
        act = {"ReLU": nn.ReLU(), "GELU": nn.GELU(), "Tanh": nn.Tanh(), "SiLU": nn.SiLU(), "Sigmoid": nn.Sigmoid(),
               "GELUtanh": nn.GELU("tanh"), "Identity": nn.Identity()}[kw["activation"]]
        return nn.Sequential(nn.Linear(kw["inp"], kw["hidden"], dtype=dt), act,
                             nn.Linear(kw["hidden"], kw["out"], dtype=dt), nn.LayerNorm(kw["out"], dtype=dt),
                             nn.Softmax(dim=-1) if kw.get("softmax") else nn.Identity())
    raise ValueError(kind)


def module_case(kind, args, seed, input_shape=None, dtype="float32", indices=None, eval_mode=False, tol=None):
    torch.manual_seed(seed)
    try:
        module = build(kind, args)
    except Exception as e:  # noqa: BLE001
        MODULES.append({"kind": kind, "args": args, "seed": seed, "error": error_dict(e)})
        return
    record = {"kind": kind, "args": args, "seed": seed, "repr": repr(module),
              "params": [{"name": name, "t": encode(p)} for name, p in module.named_parameters()]}
    if eval_mode:
        module.eval()
        record["eval"] = True
    if input_shape is not None or indices is not None:
        torch.manual_seed(seed + 1000)
        if indices is not None:
            x = torch.tensor(indices)
            record["input"] = encode(x)
        else:
            x = rand(input_shape, dtype).requires_grad_()
            record["input"] = encode(x)
        try:
            out = module(x)
        except Exception as e:  # noqa: BLE001
            record["forward_error"] = error_dict(e)
            MODULES.append(record)
            return
        record["output"] = encode_result(out)
        record["tol"] = tol or sum_tol(dtype)
        record["grad_fn"] = type(out.grad_fn).__name__ if out.grad_fn is not None else None
        if out.requires_grad:
            out.backward(weights_like(out))
            grads = [{"name": "input", "t": encode_result(x.grad)}] if x.grad is not None else []
            grads += [{"name": name, "t": encode_result(p.grad)} for name, p in module.named_parameters()
                      if p.grad is not None]
            record["grads"] = grads
    MODULES.append(record)


for seed in (0, 7):
    # Every kind at two seeds; the variants alternate between them.
    other = 7 - seed
    module_case("Linear", {"in_features": 3, "out_features": 4}, seed, [2, 3])
    module_case("Linear", {"in_features": 5, "out_features": 2, "bias": False}, seed, [2, 2, 5])
    module_case("Linear", {"in_features": 7, "out_features": 3, "dtype": "float64"}, other, [4, 7], "float64")
    module_case("Linear", {"in_features": 0, "out_features": 3}, seed, [2, 0])
    module_case("Embedding", {"num_embeddings": 10, "embedding_dim": 4}, seed, indices=[[1, 2, 9], [0, 2, 2]])
    module_case("Embedding", {"num_embeddings": 6, "embedding_dim": 3, "padding_idx": 2}, seed, indices=[2, 0, 2, 5])
    module_case("Conv1d", {"in_channels": 3, "out_channels": 4, "kernel_size": 3}, seed, [2, 3, 8])
    module_case("LayerNorm", {"normalized_shape": [4]}, seed, [2, 3, 4])
module_case("Linear", {"in_features": 16, "out_features": 8}, 0, [1, 16])
module_case("Linear", {"in_features": 3, "out_features": 0}, 7, [2, 3])
module_case("Embedding", {"num_embeddings": 6, "embedding_dim": 3, "padding_idx": -2}, 7, indices=[4, 1, 4])
module_case("Embedding", {"num_embeddings": 5, "embedding_dim": 2, "dtype": "float64", "max_norm": 1.0,
                          "scale_grad_by_freq": True}, 0, indices=[1, 1, 3])
module_case("Conv1d", {"in_channels": 4, "out_channels": 6, "kernel_size": 2, "stride": 2, "padding": 1,
                       "dilation": 2, "groups": 2, "bias": False}, 7, [2, 4, 9])
module_case("Conv1d", {"in_channels": 2, "out_channels": 3, "kernel_size": 4, "padding": "same",
                       "dtype": "float64"}, 0, [2, 2, 7], "float64")
module_case("Conv1d", {"in_channels": 2, "out_channels": 2, "kernel_size": 3, "padding": 2,
                       "padding_mode": "reflect"}, 7, [1, 2, 5])
module_case("Conv1d", {"in_channels": 2, "out_channels": 2, "kernel_size": 3, "padding": 1,
                       "padding_mode": "replicate"}, 0, [2, 5])
module_case("Conv1d", {"in_channels": 2, "out_channels": 2, "kernel_size": 3, "padding": 2,
                       "padding_mode": "circular"}, 7, [1, 2, 5])
module_case("Conv1d", {"in_channels": 2, "out_channels": 4, "kernel_size": 4, "padding": "same",
                       "padding_mode": "reflect"}, 0, [1, 2, 6])
module_case("LayerNorm", {"normalized_shape": [3, 4], "eps": 1e-3, "dtype": "float64"}, 7, [2, 3, 4], "float64")
module_case("LayerNorm", {"normalized_shape": [4], "elementwise_affine": False}, 0, [3, 4])
module_case("LayerNorm", {"normalized_shape": [4], "bias": False}, 7, [3, 4])
for seed, activation in ((0, "ReLU"), (7, "GELU"), (1, "SiLU"), (2, "Tanh"), (3, "Sigmoid"), (4, "Identity")):
    module_case("MLP", {"inp": 4, "hidden": 6, "out": 3, "activation": activation, "softmax": seed % 2 == 1}, seed,
                [3, 4])
module_case("MLP", {"inp": 3, "hidden": 5, "out": 4, "activation": "GELUtanh", "dtype": "float64"}, 5, [2, 3],
            "float64")
module_case("Dropout", {"p": 0.3}, 0, [3, 4], eval_mode=True)
module_case("Dropout", {"p": 0.0}, 0, [3, 4])
module_case("Conv1d", {"in_channels": 0, "out_channels": 4, "kernel_size": 3}, 0)
module_case("Conv1d", {"in_channels": 4, "out_channels": 4, "kernel_size": 0}, 0)
module_case("Embedding", {"num_embeddings": 0, "embedding_dim": 3}, 0)
module_case("Embedding", {"num_embeddings": 5, "embedding_dim": 3, "padding_idx": 5}, 0)
module_case("Embedding", {"num_embeddings": 5, "embedding_dim": 3, "padding_idx": -6}, 0)
module_case("Embedding", {"num_embeddings": 5, "embedding_dim": 3}, 0, indices=[5])
module_case("Embedding", {"num_embeddings": 5, "embedding_dim": 3}, 0, indices=[1.0])
module_case("Conv1d", {"in_channels": 3, "out_channels": 4, "kernel_size": 3, "groups": 2}, 0)
module_case("Conv1d", {"in_channels": 4, "out_channels": 3, "kernel_size": 3, "groups": 2}, 0)
module_case("Conv1d", {"in_channels": 4, "out_channels": 4, "kernel_size": 3, "groups": 0}, 0)
module_case("Conv1d", {"in_channels": 4, "out_channels": 4, "kernel_size": 3, "padding": "foo"}, 0)
module_case("Conv1d", {"in_channels": 4, "out_channels": 4, "kernel_size": 3, "padding_mode": "bad"}, 0)
module_case("Conv1d", {"in_channels": 4, "out_channels": 4, "kernel_size": 3, "padding": "same", "stride": 2}, 0)
module_case("Conv1d", {"in_channels": 3, "out_channels": 4, "kernel_size": 3}, 0, [2, 5, 10])
module_case("Conv1d", {"in_channels": 3, "out_channels": 4, "kernel_size": 3}, 0, [2, 3, 2])
module_case("Conv1d", {"in_channels": 3, "out_channels": 4, "kernel_size": 3}, 0, [10])
module_case("Conv1d", {"in_channels": 3, "out_channels": 4, "kernel_size": 3}, 0, [2, 3, 10], "float64")
module_case("Dropout", {"p": 1.5}, 0)
module_case("Linear", {"in_features": 3, "out_features": 4}, 0, [2, 5])
module_case("LayerNorm", {"normalized_shape": [4]}, 0, [2, 3])

# ---------------------------------------------------------------------------------------------------------------
# nn.init
# ---------------------------------------------------------------------------------------------------------------

INIT = []


def init_case(fn, shape, seed=0, dtype="float32", **kw):
    torch.manual_seed(seed)
    t = torch.empty(shape, dtype=DTYPES[dtype])
    record = {"fn": fn, "shape": shape, "dtype": dtype, "seed": seed, "kw": kw}
    try:
        getattr(nn.init, fn)(t, **kw)
        record["out"] = encode(t)
        record["next"] = torch.rand(1, dtype=torch.float64).item()
    except Exception as e:  # noqa: BLE001
        record["error"] = error_dict(e)
    INIT.append(record)


for seed, shapes in ((0, ([3, 5], [2, 3, 2, 2])), (42, ([4, 2, 3],))):
    for shape in shapes:
        for dtype in ("float32", "float64"):
            init_case("uniform_", shape, seed, dtype)
            init_case("normal_", shape, seed, dtype, mean=0.5, std=2.0)
            init_case("kaiming_uniform_", shape, seed, dtype, a=math.sqrt(5))
            init_case("xavier_uniform_", shape, seed, dtype)
            if dtype == "float64":
                continue
            init_case("uniform_", shape, seed, dtype, a=-0.3, b=0.7)
            init_case("kaiming_uniform_", shape, seed, dtype)
            init_case("kaiming_uniform_", shape, seed, dtype, mode="fan_out", nonlinearity="relu")
            init_case("kaiming_normal_", shape, seed, dtype)
            init_case("kaiming_normal_", shape, seed, dtype, a=0.2, mode="fan_out")
            init_case("xavier_uniform_", shape, seed, dtype, gain=5.0 / 3)
            init_case("xavier_normal_", shape, seed, dtype, gain=math.sqrt(2.0))
    init_case("normal_", [17], seed)
    init_case("uniform_", [40], seed)
    init_case("normal_", [20], seed, "float64")
init_case("constant_", [2, 3], val=0.25)
init_case("constant_", [2, 3], dtype="int64", val=3)
init_case("zeros_", [2, 3])
init_case("ones_", [2, 3], dtype="float64")
init_case("kaiming_uniform_", [4])
init_case("kaiming_uniform_", [0, 3])
init_case("kaiming_normal_", [3, 0])
init_case("kaiming_uniform_", [3, 4], mode="fan_avg")
init_case("kaiming_uniform_", [4], mode="fan_avg")
init_case("kaiming_normal_", [3, 4], mode="FAN_OUT")
init_case("kaiming_uniform_", [3, 4], nonlinearity="foo")
init_case("kaiming_uniform_", [3, 4], nonlinearity="tanh")
init_case("kaiming_uniform_", [3, 4], nonlinearity="selu")
init_case("kaiming_uniform_", [3, 4], nonlinearity="leaky_relu", a=0.0)
init_case("xavier_uniform_", [4])
init_case("xavier_normal_", [5])
init_case("uniform_", [2, 2], a=1.0, b=0.0)
init_case("normal_", [2, 2], std=-1.0)
# trunc_normal_: redrawn normals (wide interval) and accepted uniforms (narrow or distant interval).
for seed in (0, 3):
    init_case("trunc_normal_", [3, 4], seed, std=0.02)
    init_case("trunc_normal_", [64], seed, a=-0.5, b=0.5)
    init_case("trunc_normal_", [8], seed, a=2.0, b=3.0)
    init_case("trunc_normal_", [6], seed, "float64", mean=5.0, std=0.5, a=-1.0, b=1.0)
init_case("trunc_normal_", [4], a=0.0, b=0.0)

GAINS = []
for name, param in (("linear", None), ("conv1d", None), ("sigmoid", None), ("tanh", None), ("relu", None),
                    ("leaky_relu", None), ("leaky_relu", 0.2), ("leaky_relu", 1), ("selu", None), ("conv2d", None),
                    ("conv_transpose1d", None), ("foo", None)):
    try:
        GAINS.append({"name": name, "param": param, "gain": nn.init.calculate_gain(name, param)})
    except Exception as e:  # noqa: BLE001
        GAINS.append({"name": name, "param": param, "error": error_dict(e)})

# ---------------------------------------------------------------------------------------------------------------
# Texts: printed trees and error messages of named scenarios
# ---------------------------------------------------------------------------------------------------------------

TEXTS = {}


def text(name, fn):
    try:
        TEXTS[name] = repr(fn())
    except Exception as e:  # noqa: BLE001
        TEXTS[name] = f"{type(e).__name__}: {e}"


text("activations", lambda: nn.Sequential(nn.ReLU(), nn.ReLU(inplace=True), nn.GELU(), nn.GELU(approximate="tanh"),
                                          nn.Tanh(), nn.Sigmoid(), nn.SiLU(), nn.SiLU(inplace=True), nn.Softmax(),
                                          nn.Softmax(dim=-1), nn.LogSoftmax(dim=1), nn.Identity(),
                                          nn.Dropout(), nn.Dropout(0.1, inplace=True)))
text("layers", lambda: nn.ModuleList([nn.Linear(2, 3), nn.Linear(2, 3, bias=False), nn.Embedding(5, 3),
                                      nn.Embedding(5, 3, padding_idx=-1, max_norm=1.0, norm_type=3.0,
                                                   scale_grad_by_freq=True, sparse=True),
                                      nn.Conv1d(3, 4, 3), nn.Conv1d(4, 4, 3, stride=2, padding=1, dilation=2, groups=2,
                                                                    bias=False, padding_mode="reflect"),
                                      nn.Conv1d(3, 4, 3, padding="same"), nn.Conv1d(3, 4, 3, padding="valid"),
                                      nn.LayerNorm(4), nn.LayerNorm([2, 3], eps=1e-6, elementwise_affine=False),
                                      nn.LayerNorm(3, bias=False)]))
text("gelu_foo_module", lambda: nn.GELU("foo"))
text("gelu_foo_forward", lambda: nn.GELU("foo")(torch.ones(2)))


def sequential_ops():
    s = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
    out = [repr(s), repr(s[1:]), repr(s[::-1]), repr(s[-1]), str(len(s))]
    s.append(nn.Tanh())
    out.append(repr(s))
    del s[0]
    out.append(repr(s))
    s.insert(0, nn.GELU())
    s.insert(-1, nn.SiLU())
    out.append(repr(s))
    out.append(repr(s.pop(1)))
    s.extend([nn.Sigmoid()])
    s[0] = nn.Identity()
    out.append(repr(s))
    named = nn.Sequential(OrderedDict([("a", nn.ReLU()), ("b", nn.Tanh()), ("c", nn.Sigmoid())]))
    out += [repr(named), repr(named[1:])]
    del named[::2]
    out.append(repr(named))
    for fn in (lambda: s[10], lambda: s[-11], lambda: s.insert(20, nn.ReLU()), lambda: s[::0]):
        try:
            fn()
        except Exception as e:  # noqa: BLE001
            out.append(f"{type(e).__name__}: {e}")
    return "\n".join(out)


class Raw:
    def __init__(self, text_):
        self.text = text_

    def __repr__(self):
        return self.text


text("sequential_ops", lambda: Raw(sequential_ops()))


def module_list_ops():
    ml = nn.ModuleList([nn.Linear(2, 2), nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 2), nn.Linear(2, 2), nn.Linear(2, 2)])
    out = [repr(ml), repr(ml[-1]), repr(ml[1:3]), repr(ml[::2]), str(len(ml))]
    ml.insert(1, nn.Tanh())
    out.append(repr(ml))
    ml.append(nn.Linear(2, 2))
    ml.extend([nn.ReLU(), nn.ReLU()])
    out.append(repr(ml))
    del ml[0]
    del ml[-2:]
    out.append(repr(ml))
    out.append(repr(ml.pop(0)))
    ml[0] = nn.GELU()
    out.append(repr(ml))
    for fn in (lambda: ml[20], lambda: ml[-20], lambda: ml.insert(-1, nn.ReLU())):
        try:
            fn()
        except Exception as e:  # noqa: BLE001
            out.append(f"{type(e).__name__}: {e}")
    out.append(repr(ml))
    ml2 = nn.ModuleList([nn.ReLU()])
    ml2.insert(5, nn.Tanh())
    out.append(repr(ml2))
    try:
        ml2[1]
    except Exception as e:  # noqa: BLE001
        out.append(f"{type(e).__name__}: {e}")
    out.append(repr(nn.ModuleList()))
    nested = nn.ModuleList([nn.Sequential(nn.Linear(1, 1), nn.ReLU()), nn.Sequential(nn.Linear(1, 1), nn.ReLU()),
                            nn.ModuleList([nn.Tanh(), nn.Tanh()])])
    out.append(repr(nested))
    return "\n".join(out)


text("module_list_ops", lambda: Raw(module_list_ops()))


def module_dict_ops():
    md = nn.ModuleDict({"b": nn.ReLU(), "a": nn.Linear(1, 2)})
    out = [repr(md), ",".join(md.keys()), str("a" in md), str("z" in md), str(len(md))]
    md["c"] = nn.Tanh()
    md["b"] = nn.GELU()
    out.append(repr(md))
    out.append(repr(md.pop("a")))
    md.update([("d", nn.ReLU()), ("c", nn.Sigmoid())])
    out.append(repr(md))
    for fn in (lambda: md["z"], lambda: md.pop("z"), lambda: nn.ModuleDict({"x.y": nn.ReLU()}),
               lambda: nn.ModuleDict({"": nn.ReLU()})):
        try:
            fn()
        except Exception as e:  # noqa: BLE001
            out.append(f"{type(e).__name__}: {e}")
    md.clear()
    out.append(repr(md))
    return "\n".join(out)


text("module_dict_ops", lambda: Raw(module_dict_ops()))


class Holder(nn.Module):
    def __init__(self):
        super().__init__()
        self.first = nn.Linear(2, 2)
        self.empty = None
        self.register_module("gap", None)
        self.blocks = nn.ModuleList([nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.2)) for _ in range(2)])
        self.heads = nn.ModuleDict({"x": nn.Linear(2, 1), "y": nn.Identity()})
        self.tail = nn.Sequential()


text("nested_tree", Holder)


def state_dict_texts():
    out = []
    lin = nn.Linear(2, 3)
    sd = OrderedDict([("weight", torch.zeros(3, 3)), ("x", torch.zeros(1)), ("y", torch.zeros(1))])
    for strict in (True, False):
        try:
            lin.load_state_dict(sd, strict=strict)
        except Exception as e:  # noqa: BLE001
            out.append(f"{type(e).__name__}: {e}")
    out.append(repr(lin.load_state_dict(OrderedDict([("weight", torch.ones(3, 2))]), strict=False)))
    out.append(repr(lin.load_state_dict(OrderedDict([("weight", torch.ones(3, 2)), ("bias", torch.ones(3)),
                                                     ("extra", torch.ones(1))]), strict=False)))
    m = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 2))
    try:
        m.load_state_dict({"z": torch.zeros(1), "0.weight": torch.zeros(2, 2), "1.bias": torch.zeros(3),
                           "2.x": torch.zeros(1), "0.q": torch.zeros(1)})
    except Exception as e:  # noqa: BLE001
        out.append(f"{type(e).__name__}: {e}")
    out.append(str(m[0].weight.detach().abs().sum().item() == 0.0))
    return "\n".join(out)


text("state_dict_errors", lambda: Raw(state_dict_texts()))

def chain(t):
    """The grad_fn names from the output back, following the first input that is not a leaf."""
    names, fn = [], t.grad_fn
    while fn is not None:
        names.append(type(fn).__name__)
        following = [f for f, _ in fn.next_functions if f is not None and type(f).__name__ != "AccumulateGrad"]
        fn = following[0] if following else None
    return " <- ".join(names)


def linear_chains():
    lines = []
    for name, shape, view in (("1d", [3], None), ("2d", [5, 3], None), ("2d_t", [3, 5], "t"), ("3d", [2, 5, 3], None),
                              ("3d_t", [2, 3, 5], "t"), ("3d_s", [2, 5, 6], "s"), ("4d", [2, 2, 5, 3], None),
                              ("4d_t", [2, 2, 3, 5], "t"), ("5d", [1, 2, 2, 2, 3], None)):
        for bias in (True, False):
            for rg in (True, False):
                x = torch.zeros(shape, requires_grad=rg)
                x = x.transpose(-2, -1) if view == "t" else x[..., ::2] if view == "s" else x
                b = torch.zeros(4, requires_grad=True) if bias else None
                y = F.linear(x, torch.zeros(4, 3, requires_grad=True), b)
                lines.append(f"{name} bias={bias} rg={rg}: {chain(y)}")
    return "\n".join(lines)


text("linear_chains", lambda: Raw(linear_chains()))

write("layers", {"functional": FUNCTIONAL, "modules": MODULES, "init": INIT, "gains": GAINS, "texts": TEXTS})
