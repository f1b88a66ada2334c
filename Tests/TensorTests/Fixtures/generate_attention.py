"""Writes attention.json: F.scaled_dot_product_attention, nn.MultiheadAttention and the Transformer family, as PyTorch
2.13 CPU computes them.

Tensors are stored as a base plus a list of view steps (["transpose", a, b], ["step", dim, step],
["expand", shape]) so non-contiguous inputs reach the Swift tests with the same strides. Gradients are of
sum(out * w) with w = 0.5 + (i % 7) * 0.25 over the output's elements in row-major order, as the Swift tests use.

Run: /work/torchenv/bin/python Tests/TensorTests/Fixtures/generate_attention.py
"""
import copy
import math
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

from fixture_support import check_version, encode, error_of, number, write

check_version()
warnings.simplefilter("ignore")

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}


def enc(t):
    """Like encode, but float32 values with 9 significant digits (enough to round-trip a float32) to keep the file
    small."""
    j = encode(t)
    if j["dtype"] == "float32":
        j["values"] = [float(f"{v:.9g}") if isinstance(v, float) else v for v in j["values"]]
    return j


def spec_only(t):
    """A tensor's dtype, shape and view without its values: error cases depend on shapes alone."""
    return {"dtype": t["dtype"], "shape": t["shape"]}


def weights(t):
    return (0.5 + (torch.arange(t.numel()) % 7) * 0.25).reshape(t.shape).to(t.dtype)


def weighted_loss(*outs):
    return sum((o * weights(o)).sum() for o in outs if o is not None and o.requires_grad)


def apply_view(t, steps):
    for step in steps:
        if step[0] == "transpose":
            t = t.transpose(step[1], step[2])
        elif step[0] == "step":
            t = t[(slice(None),) * (step[1] % t.dim()) + (slice(None, None, step[2]),)]
        elif step[0] == "expand":
            t = t.expand(*step[1])
        else:
            raise ValueError(step)
    return t


def make(spec, gen):
    """spec: (shape, dtype, steps) or a ready tensor; returns (tensor, json)."""
    if isinstance(spec, torch.Tensor):
        return spec, {"base": enc(spec), "view": []}
    shape, dtype, steps = spec
    if dtype == "bool":
        base = torch.rand(shape, generator=gen) > 0.3
    elif dtype == "int64":
        base = torch.randint(-3, 4, shape, generator=gen)
    else:
        base = torch.randn(shape, generator=gen, dtype=DTYPES[dtype])
    return apply_view(base, steps), {"base": enc(base), "view": steps}


def T(*shape, dtype="float32", view=()):
    return (list(shape), dtype, [list(s) for s in view])


# ---------------------------------------------------------------------------------------------------------------
# F.scaled_dot_product_attention

sdpa_cases = []
sdpa_errors = []


def sdpa_case(name, q, k, v, mask=None, requires=(True, True, True, False), **kw):
    gen = torch.Generator().manual_seed(len(sdpa_cases) + 1)
    tensors, specs = [], []
    for spec in (q, k, v, mask):
        if spec is None:
            tensors.append(None)
            specs.append(None)
            continue
        t, j = make(spec, gen)
        tensors.append(t)
        specs.append(j)
    leaves = []
    for t, r in zip(tensors, requires):
        if t is not None and r:
            t = t.detach().requires_grad_()
        leaves.append(t)
    q_, k_, v_, m_ = leaves
    out = F.scaled_dot_product_attention(q_, k_, v_, attn_mask=m_, **kw)
    entry = {"name": name, "inputs": specs, "requires": list(requires), "args": {k2: number(v2) if isinstance(v2, float) else v2 for k2, v2 in kw.items()},
             "out": enc(out), "grad_fn": out.grad_fn.name() if out.grad_fn is not None else None}
    if out.requires_grad:
        weighted_loss(out).backward()
        entry["grads"] = [enc(t.grad) if t is not None and t.grad is not None else None for t in leaves]
    sdpa_cases.append(entry)


def sdpa_error(name, q, k, v, mask=None, **kw):
    gen = torch.Generator().manual_seed(1000 + len(sdpa_errors))
    tensors, specs = [], []
    for spec in (q, k, v, mask):
        if spec is None:
            tensors.append(None)
            specs.append(None)
            continue
        t, j = make(spec, gen)
        tensors.append(t)
        specs.append(j)
    e = error_of(lambda: F.scaled_dot_product_attention(tensors[0], tensors[1], tensors[2], attn_mask=tensors[3], **kw))
    assert e is not None, name
    specs = [None if j is None else {"base": spec_only(j["base"]), "view": j["view"]} for j in specs]
    sdpa_errors.append({"name": name, "inputs": specs, "args": {k2: number(v2) if isinstance(v2, float) else v2 for k2, v2 in kw.items()}, "error": e})


# The fused CPU route: 4-D, matching batch/heads/head dims, no dropout.
sdpa_case("fused plain", T(2, 2, 3, 4), T(2, 2, 5, 4), T(2, 2, 5, 4))
sdpa_case("fused float64", T(2, 2, 4, 6, dtype="float64"), T(2, 2, 5, 6, dtype="float64"), T(2, 2, 5, 6, dtype="float64"))
sdpa_case("fused causal L<S", T(1, 2, 3, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), is_causal=True)
sdpa_case("fused causal L>S", T(1, 2, 6, 4), T(1, 2, 3, 4), T(1, 2, 3, 4), is_causal=True)
sdpa_case("fused causal square", T(2, 2, 5, 4), T(2, 2, 5, 4), T(2, 2, 5, 4), is_causal=True)
sdpa_case("fused bool mask", T(2, 2, 4, 4), T(2, 2, 5, 4), T(2, 2, 5, 4), T(4, 5, dtype="bool"))
sdpa_case("fused float mask", T(2, 2, 4, 4), T(2, 2, 5, 4), T(2, 2, 5, 4), T(4, 5))
sdpa_case("fused 4d mask per batch", T(2, 2, 4, 4), T(2, 2, 5, 4), T(2, 2, 5, 4), T(2, 1, 1, 5, dtype="bool"))
sdpa_case("fused 4d mask per head", T(2, 3, 4, 4), T(2, 3, 5, 4), T(2, 3, 5, 4), T(1, 3, 4, 5))
full_mask = torch.ones(4, 5, dtype=torch.bool)
full_mask[1] = False
full_mask[3, 2:] = False
sdpa_case("fused fully masked row", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), full_mask)
float_full = torch.zeros(4, 5)
float_full[2] = -math.inf
sdpa_case("fused float -inf row", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), float_full)
sdpa_case("fused scale", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), scale=0.3)
sdpa_case("fused transposed heads", T(1, 4, 2, 4, view=[("transpose", 1, 2)]), T(1, 5, 2, 4, view=[("transpose", 1, 2)]),
          T(1, 5, 2, 4, view=[("transpose", 1, 2)]))
sdpa_case("fused mask transposed", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(5, 4, view=[("transpose", 0, 1)]))
sdpa_case("fused mask expanded", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(1, 5, view=[("expand", [4, 5])]))
sdpa_case("fused only query grad", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), requires=(True, False, False, False))
sdpa_case("fused gqa", T(2, 4, 3, 4), T(2, 2, 5, 4), T(2, 2, 5, 4), enable_gqa=True)
sdpa_case("fused gqa mask", T(1, 4, 3, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(1, 4, 3, 5), enable_gqa=True)
sdpa_case("fused gqa causal", T(1, 6, 4, 4), T(1, 2, 4, 4), T(1, 2, 4, 4), enable_gqa=True, is_causal=True)
sdpa_case("fused long rows", T(1, 1, 3, 4), T(1, 1, 100, 4), T(1, 1, 100, 4))
sdpa_case("fused causal and mask", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(4, 5), is_causal=True)
sdpa_case("fused 2d 1x1 mask", T(1, 2, 3, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(1, 1))

# PyTorch's math route, composed of primitives.
sdpa_case("math 3d", T(2, 3, 4), T(2, 5, 4), T(2, 5, 4))
sdpa_case("math 3d causal", T(2, 3, 4), T(2, 5, 4), T(2, 5, 4), is_causal=True)
sdpa_case("math 3d bool mask", T(2, 3, 4), T(2, 5, 4), T(2, 5, 3), T(3, 5, dtype="bool"))
sdpa_case("math 2d", T(3, 4), T(5, 4), T(5, 4))
sdpa_case("math 2d float mask", T(3, 4), T(5, 4), T(5, 3), T(3, 5))
sdpa_case("math 5d", T(1, 2, 2, 3, 4), T(1, 2, 2, 5, 4), T(1, 2, 2, 5, 4))
sdpa_case("math value dim", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 3), T(4, 5, dtype="bool"))
sdpa_case("math key last stride", T(1, 2, 4, 4), T(1, 2, 4, 5, view=[("transpose", -1, -2)]), T(1, 2, 5, 4))
sdpa_case("math mask requires grad", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(4, 5), requires=(True, True, True, True))
sdpa_case("math broadcast batch", T(2, 3, 4, 4), T(1, 3, 5, 4), T(1, 3, 5, 4))
sdpa_case("math broadcast value batch", T(4, 4), T(5, 4), T(2, 5, 3))
sdpa_case("math 1d mask", T(2, 3, 4), T(2, 5, 4), T(2, 5, 4), T(5, dtype="bool"))
sdpa_case("math 0d mask", T(2, 3, 4), T(2, 5, 4), T(2, 5, 4), torch.tensor(0.5))
sdpa_case("math 3d mask on 4d", T(2, 3, 3, 4), T(2, 3, 5, 4), T(2, 3, 5, 4), T(3, 3, 5))
sdpa_case("math negative scale", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), scale=-0.5)
sdpa_case("math zero scale", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), scale=0.0)
sdpa_case("math negative dropout", T(2, 4, 4), T(2, 5, 4), T(2, 5, 4), dropout_p=-0.5)
sdpa_case("math dropout one", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), dropout_p=1.0)
sdpa_case("math gqa 3d", T(4, 3, 4), T(2, 5, 4), T(2, 5, 4), enable_gqa=True)
sdpa_case("math gqa value heads", T(1, 4, 3, 4), T(1, 2, 5, 4), T(1, 1, 5, 6), enable_gqa=True)
sdpa_case("math double with float mask", T(2, 4, 4, dtype="float64"), T(2, 5, 4, dtype="float64"), T(2, 5, 4, dtype="float64"), T(4, 5))
sdpa_case("math fully masked row", T(2, 4, 4), T(2, 5, 4), T(2, 5, 4), full_mask)
sdpa_case("math step query", T(2, 4, 8, view=[("step", -1, 2)]), T(2, 5, 4), T(2, 5, 4))

# Without gradients, the fused kernel serves the math route's shapes: same numbers.
sdpa_case("nograd 3d", T(2, 3, 4), T(2, 5, 4), T(2, 5, 3), requires=(False, False, False, False))
sdpa_case("nograd 3d causal", T(2, 6, 8), T(2, 4, 8), T(2, 4, 8), requires=(False, False, False, False), is_causal=True)
sdpa_case("nograd 2d mask", T(3, 4), T(5, 4), T(5, 4), T(3, 5, dtype="bool"), requires=(False, False, False, False))
sdpa_case("nograd broadcast", T(2, 3, 4, 4), T(1, 3, 5, 4), T(3, 5, 2), T(3, 1, 5), requires=(False, False, False, False))
sdpa_case("nograd gqa 3d", T(6, 3, 4), T(2, 5, 4), T(2, 5, 4), T(6, 3, 5), requires=(False, False, False, False), enable_gqa=True)
sdpa_case("nograd fully masked", T(2, 4, 4), T(2, 5, 4), T(2, 5, 4), full_mask, requires=(False, False, False, False))
sdpa_case("nograd value broadcast", T(4, 4), T(5, 4), T(2, 5, 3), requires=(False, False, False, False))
sdpa_case("nograd step key", T(2, 4, 4), T(2, 5, 8, view=[("step", -1, 2)]), T(2, 5, 4), requires=(False, False, False, False))

# Empty operands: zeros that still depend on every input.
sdpa_case("empty queries", T(2, 3, 0, 8), T(2, 3, 5, 8), T(2, 3, 5, 8))
sdpa_case("empty keys", T(2, 3, 4, 8), T(2, 3, 0, 8), T(2, 3, 0, 6))
sdpa_case("empty head dim", T(1, 1, 2, 0), T(1, 1, 3, 0), T(1, 1, 3, 0))

sdpa_error("1-D", T(8), T(8), T(8))
sdpa_error("0-D", torch.tensor(1.0), torch.tensor(1.0), torch.tensor(1.0))
sdpa_error("dtype mismatch", T(2, 3, 4, 8), T(2, 3, 5, 8, dtype="float64"), T(2, 3, 5, 8))
sdpa_error("dtype before dims", T(8), T(2, 3, 5, 8, dtype="float64"), T(2, 3, 5, 8))
sdpa_error("dims before mask dtype", T(8), T(8), T(8), T(4, 5, dtype="int64"))
sdpa_error("long inputs", T(2, 3, 4, 8, dtype="int64"), T(2, 3, 5, 8, dtype="int64"), T(2, 3, 5, 8, dtype="int64"))
sdpa_error("long 2d", T(4, 8, dtype="int64"), T(5, 8, dtype="int64"), T(5, 8, dtype="int64"))
sdpa_error("mask long", T(2, 3, 4, 8), T(2, 3, 5, 8), T(2, 3, 5, 8), T(4, 5, dtype="int64"))
sdpa_error("mask double", T(2, 3, 4, 8), T(2, 3, 5, 8), T(2, 3, 5, 8), T(4, 5, dtype="float64"))
sdpa_error("mask shape", T(2, 3, 4, 8), T(2, 3, 5, 8), T(2, 3, 5, 8), T(4, 4))
sdpa_error("mask rows", T(2, 3, 4, 8), T(2, 3, 5, 8), T(2, 3, 5, 8), T(3, 5, dtype="bool"))
sdpa_error("mask 5d", T(2, 3, 4, 8), T(2, 3, 5, 8), T(2, 3, 5, 8), T(1, 2, 3, 4, 5, dtype="bool"))
sdpa_error("mask 4d on 3d", T(3, 4, 8), T(3, 5, 8), T(3, 5, 8), T(2, 3, 4, 5))
sdpa_error("mask 1d on 4d", T(2, 3, 4, 8), T(2, 3, 5, 8), T(2, 3, 5, 8), T(5, dtype="bool"))
sdpa_error("mask 0d on 4d", T(2, 3, 4, 8), T(2, 3, 5, 8), T(2, 3, 5, 8), torch.tensor(True))
sdpa_error("mask 4d batch", T(2, 3, 4, 8), T(2, 3, 5, 8), T(2, 3, 5, 8), T(3, 1, 4, 5))
sdpa_error("causal with mask math", T(2, 3, 4, 8), T(2, 3, 5, 8), T(2, 3, 5, 6), T(4, 5, dtype="bool"), is_causal=True)
sdpa_error("causal with mask 3d", T(3, 4, 8), T(3, 5, 8), T(3, 5, 8), T(4, 5, dtype="bool"), is_causal=True)
sdpa_error("dropout above one", T(2, 3, 4, 8), T(2, 3, 5, 8), T(2, 3, 5, 8), dropout_p=1.5)
sdpa_error("negative dropout fused", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), dropout_p=-0.5)
sdpa_error("head dim mismatch", T(2, 3, 4, 8), T(2, 3, 5, 7), T(2, 3, 5, 8))
sdpa_error("head dim mismatch 3d", T(3, 4, 8), T(3, 5, 7), T(3, 5, 8))
sdpa_error("key value length", T(2, 3, 4, 8), T(2, 3, 5, 8), T(2, 3, 6, 6))
sdpa_error("batch mismatch", T(2, 3, 4, 8), T(3, 3, 5, 8), T(3, 3, 5, 6))
sdpa_error("heads without gqa", T(2, 4, 4, 8), T(2, 2, 5, 8), T(2, 2, 5, 8))
sdpa_error("gqa indivisible", T(2, 4, 4, 8), T(2, 3, 5, 8), T(2, 3, 5, 8), enable_gqa=True)
sdpa_error("gqa 2d", T(4, 8), T(5, 8), T(5, 8), enable_gqa=True)

print(len(sdpa_cases), "sdpa cases,", len(sdpa_errors), "sdpa errors")

payload = {"sdpa": sdpa_cases, "sdpa_errors": sdpa_errors}

# MODULES

write("attention", payload)
