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


def res(t):
    """An expected result: float32 values to 7 significant digits, far inside the tests' tolerance."""
    j = encode(t)
    if j["dtype"] == "float32":
        j["values"] = [float(f"{v:.7g}") if isinstance(v, float) else v for v in j["values"]]
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
             "out": res(out), "grad_fn": out.grad_fn.name() if out.grad_fn is not None else None}
    if out.requires_grad:
        weighted_loss(out).backward()
        entry["grads"] = [res(t.grad) if t is not None and t.grad is not None else None for t in leaves]
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
sdpa_case("fused plain", T(2, 2, 3, 4), T(2, 2, 4, 4), T(2, 2, 4, 4))
sdpa_case("fused float64", T(1, 2, 3, 4, dtype="float64"), T(1, 2, 4, 4, dtype="float64"), T(1, 2, 4, 4, dtype="float64"))
sdpa_case("fused causal L<S", T(1, 2, 3, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), is_causal=True)
sdpa_case("fused causal L>S", T(1, 2, 6, 4), T(1, 2, 3, 4), T(1, 2, 3, 4), is_causal=True)
sdpa_case("fused causal square", T(1, 2, 5, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), is_causal=True)
sdpa_case("fused bool mask", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(4, 5, dtype="bool"))
sdpa_case("fused float mask", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(4, 5))
sdpa_case("fused 4d mask per batch", T(2, 1, 3, 4), T(2, 1, 5, 4), T(2, 1, 5, 4), T(2, 1, 1, 5, dtype="bool"))
sdpa_case("fused 4d mask per head", T(1, 3, 3, 4), T(1, 3, 4, 4), T(1, 3, 4, 4), T(1, 3, 3, 4))
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
sdpa_case("fused gqa", T(1, 4, 3, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), enable_gqa=True)
sdpa_case("fused gqa mask", T(1, 4, 3, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(1, 4, 3, 5), enable_gqa=True)
sdpa_case("fused gqa causal", T(1, 4, 3, 4), T(1, 2, 3, 4), T(1, 2, 3, 4), enable_gqa=True, is_causal=True)
sdpa_case("fused long rows", T(1, 1, 2, 2), T(1, 1, 40, 2), T(1, 1, 40, 2))
sdpa_case("fused causal and mask", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(4, 5), is_causal=True)
sdpa_case("fused 2d 1x1 mask", T(1, 2, 3, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(1, 1))

# PyTorch's math route, composed of primitives.
sdpa_case("math 3d", T(2, 3, 4), T(2, 5, 4), T(2, 5, 4))
sdpa_case("math 3d causal", T(2, 3, 4), T(2, 5, 4), T(2, 5, 4), is_causal=True)
sdpa_case("math 3d bool mask", T(2, 3, 4), T(2, 5, 4), T(2, 5, 3), T(3, 5, dtype="bool"))
sdpa_case("math 2d", T(3, 4), T(5, 4), T(5, 4))
sdpa_case("math 2d float mask", T(3, 4), T(5, 4), T(5, 3), T(3, 5))
sdpa_case("math 5d", T(1, 2, 1, 3, 4), T(1, 2, 1, 5, 4), T(1, 2, 1, 5, 4))
sdpa_case("math value dim", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 3), T(4, 5, dtype="bool"))
sdpa_case("math key last stride", T(1, 2, 4, 4), T(1, 2, 4, 5, view=[("transpose", -1, -2)]), T(1, 2, 5, 4))
sdpa_case("math mask requires grad", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), T(4, 5), requires=(True, True, True, True))
sdpa_case("math broadcast batch", T(2, 2, 3, 4), T(1, 2, 5, 4), T(1, 2, 5, 4))
sdpa_case("math broadcast value batch", T(4, 4), T(5, 4), T(2, 5, 3))
sdpa_case("math 1d mask", T(2, 3, 4), T(2, 5, 4), T(2, 5, 4), T(5, dtype="bool"))
sdpa_case("math 0d mask", T(2, 3, 4), T(2, 5, 4), T(2, 5, 4), torch.tensor(0.5))
sdpa_case("math 3d mask on 4d", T(1, 3, 3, 4), T(1, 3, 5, 4), T(1, 3, 5, 4), T(3, 3, 5))
sdpa_case("fused negative scale", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), scale=-0.5)
sdpa_case("math negative scale", T(2, 3, 4), T(2, 5, 4), T(2, 5, 4), scale=-0.5)
sdpa_case("fused zero scale", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), scale=0.0)
sdpa_case("math negative dropout", T(2, 4, 4), T(2, 5, 4), T(2, 5, 4), dropout_p=-0.5)
sdpa_case("math dropout one", T(1, 2, 4, 4), T(1, 2, 5, 4), T(1, 2, 5, 4), dropout_p=1.0)
sdpa_case("math gqa 3d", T(4, 3, 4), T(2, 5, 4), T(2, 5, 4), enable_gqa=True)
sdpa_case("math gqa value heads", T(1, 4, 3, 4), T(1, 2, 5, 4), T(1, 1, 5, 6), enable_gqa=True)
sdpa_case("math double with float mask", T(1, 3, 4, dtype="float64"), T(1, 4, 4, dtype="float64"), T(1, 4, 4, dtype="float64"), T(3, 4))
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
sdpa_case("empty queries", T(1, 2, 0, 4), T(1, 2, 3, 4), T(1, 2, 3, 4))
sdpa_case("empty keys", T(1, 2, 3, 4), T(1, 2, 0, 4), T(1, 2, 0, 3))
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


# ---------------------------------------------------------------------------------------------------------------
# nn.MultiheadAttention

def state(module):
    return [[name, enc(t)] for name, t in module.state_dict().items()]


mha_inits = []


def build_mha(ctor):
    kw = dict(ctor)
    if "dtype" in kw:
        kw["dtype"] = DTYPES[kw["dtype"]]
    return nn.MultiheadAttention(**kw)


def mha_init(seed, **ctor):
    """Constructs after manual_seed(seed) and records the parameters; returns the init's index."""
    torch.manual_seed(seed)
    m = build_mha(ctor)
    mha_inits.append({"seed": seed, "ctor": ctor, "state": state(m), "repr": repr(m),
                      "named_parameters": [n for n, _ in m.named_parameters()]})
    return len(mha_inits) - 1


mha_cases = []


def mha_case(name, init, q, k="q", v="k", mode="train", no_grad=False, param_grads=False, inputs_require_grad=True,
             **kw):
    """k and v may name an earlier input ("q", "k") to pass the same tensor object, as self-attention does."""
    spec = mha_inits[init]
    torch.manual_seed(spec["seed"])
    m = build_mha(spec["ctor"])
    if mode == "eval":
        m.eval()
    gen = torch.Generator().manual_seed(100 + len(mha_cases))
    made, specs = {}, {}
    for key_name, s in (("q", q), ("k", k), ("v", v)):
        if isinstance(s, str):
            made[key_name] = made[s]
            specs[key_name] = s
            continue
        t, j = make(s, gen)
        if inputs_require_grad and not no_grad:
            t = t.detach().requires_grad_()
        made[key_name] = t
        specs[key_name] = j
    masks = {}
    for mask_name in ("key_padding_mask", "attn_mask"):
        if mask_name in kw:
            t, j = make(kw.pop(mask_name), gen)
            masks[mask_name] = t
            specs[mask_name] = j
    ctx = torch.no_grad() if no_grad else torch.enable_grad()
    with ctx:
        out, w = m(made["q"], made["k"], made["v"], **masks, **kw)
    entry = {"name": name, "init": init, "inputs": specs, "mode": mode, "no_grad": no_grad,
             "inputs_require_grad": inputs_require_grad and not no_grad, "kwargs": kw,
             "out": res(out), "out_grad_fn": out.grad_fn.name() if out.grad_fn is not None else None,
             "weights": res(w) if w is not None else None,
             "weights_grad_fn": w.grad_fn.name() if w is not None and w.grad_fn is not None else None}
    if out.requires_grad:
        weighted_loss(out, w).backward()
        entry["input_grads"] = {n: res(t.grad) for n, t in made.items()
                                if isinstance(specs[n], dict) and t.grad is not None}
        if param_grads:
            entry["param_grads"] = [[n, res(p.grad)] for n, p in m.named_parameters() if p.grad is not None]
    mha_cases.append(entry)


mha_errors = []


def mha_error(name, ctor, shapes=(), **kw):
    e = None
    mask_specs = {n: kw.pop(n) for n in ("key_padding_mask", "attn_mask") if n in kw}
    try:
        m = nn.MultiheadAttention(**ctor)
    except Exception as ex:  # noqa: BLE001
        e = {"type": type(ex).__name__, "message": str(ex)}
    if e is None:
        gen = torch.Generator().manual_seed(7)
        tensors = [make(s, gen)[0] for s in shapes]
        masks = {n: make(s, gen)[0] for n, s in mask_specs.items()}
        e = error_of(lambda: m(*tensors, **masks, **kw))
    assert e is not None, name
    shape_of = lambda s: {"shape": s[0], "dtype": s[1]}  # noqa: E731
    entry = {"name": name, "ctor": ctor, "shapes": [shape_of(s) for s in shapes],
             "masks": {n: shape_of(s) for n, s in mask_specs.items()}, "kwargs": kw, "error": e}
    mha_errors.append(entry)


i_default = mha_init(0, embed_dim=8, num_heads=2)
i_default_s1 = mha_init(1, embed_dim=8, num_heads=2)
i_batch_first = mha_init(2, embed_dim=8, num_heads=2, batch_first=True)
i_kv_dims = mha_init(3, embed_dim=8, num_heads=2, kdim=4, vdim=6)
i_no_bias = mha_init(4, embed_dim=8, num_heads=2, bias=False, batch_first=True)
i_bias_kv = mha_init(5, embed_dim=8, num_heads=2, add_bias_kv=True, add_zero_attn=True)
i_zero_attn = mha_init(6, embed_dim=8, num_heads=4, add_zero_attn=True, batch_first=True)
i_float64 = mha_init(8, embed_dim=6, num_heads=3, dtype="float64")
i_seed_doc = mha_init(123, embed_dim=16, num_heads=4, batch_first=True)

L, S, N, E = 3, 4, 2, 8
causal_bool = torch.ones(L, L, dtype=torch.bool).triu(1)
causal_float = torch.full((L, L), -math.inf).triu(1)
kpm_bool = torch.tensor([[False, False, True, False], [False, True, True, False]])
kpm_float = torch.tensor([[0.0, -1.5, -math.inf, 0.5], [0.0, 0.0, -math.inf, 2.0]])
full_kpm = torch.tensor([[False, False, False], [True, True, True]])

mha_case("self attention", i_default, T(L, N, E), param_grads=True)
mha_case("self attention seed 1", i_default_s1, T(L, N, E))
mha_case("cross attention", i_default, T(L, N, E), T(S, N, E), "k")
mha_case("distinct q k v", i_default, T(L, N, E), T(S, N, E), T(S, N, E))
mha_case("no weights", i_default, T(L, N, E), T(S, N, E), T(S, N, E), need_weights=False, param_grads=True)
mha_case("per-head weights", i_default, T(L, N, E), T(S, N, E), "k", average_attn_weights=False)
mha_case("bool attn mask", i_default, T(L, N, E), attn_mask=causal_bool)
mha_case("float attn mask", i_default, T(L, N, E), T(S, N, E), "k", attn_mask=T(L, S))
mha_case("bool 3d attn mask", i_default, T(L, N, E), T(S, N, E), "k", attn_mask=T(N * 2, L, S, dtype="bool"))
mha_case("float 3d attn mask", i_default, T(L, N, E), T(S, N, E), "k", attn_mask=T(N * 2, L, S))
mha_case("bool key padding", i_default, T(L, N, E), T(S, N, E), "k", key_padding_mask=kpm_bool)
mha_case("float key padding", i_default, T(L, N, E), T(S, N, E), "k", key_padding_mask=kpm_float)
mha_case("bool masks combined", i_default, T(L, N, E), T(S, N, E), "k", key_padding_mask=kpm_bool,
         attn_mask=T(L, S, dtype="bool"))
mha_case("float masks combined", i_default, T(L, N, E), T(S, N, E), "k", key_padding_mask=kpm_float, attn_mask=T(L, S))
mha_case("masks combined no weights", i_default, T(L, N, E), T(S, N, E), "k", key_padding_mask=kpm_bool,
         attn_mask=T(L, S), need_weights=False, param_grads=True)
mha_case("causal hint", i_default, T(L, N, E), attn_mask=causal_float, is_causal=True, need_weights=False)
mha_case("causal hint with weights", i_default, T(L, N, E), attn_mask=causal_bool, is_causal=True)
mha_case("causal hint with padding", i_default, T(L, N, E), attn_mask=causal_bool, is_causal=True, need_weights=False,
         key_padding_mask=torch.tensor([[False, False, True], [False, False, False]]))
mha_case("fully masked query", i_default, T(L, N, E), attn_mask=torch.tensor([[False, False, False], [True, True, True],
                                                                                [False, True, True]]))
mha_case("fully masked query no weights", i_default, T(L, N, E), need_weights=False,
         attn_mask=torch.tensor([[False, False, False], [True, True, True], [False, True, True]]))
mha_case("batch first", i_batch_first, T(N, L, E))
mha_case("batch first cross", i_batch_first, T(N, L, E), T(N, S, E), T(N, S, E), key_padding_mask=kpm_bool,
         need_weights=False)
mha_case("batch first key is value", i_batch_first, T(N, L, E), T(N, S, E), "k", attn_mask=T(L, S))
mha_case("kdim vdim", i_kv_dims, T(L, N, E), T(S, N, 4), T(S, N, 6), param_grads=True)
mha_case("kdim vdim masks", i_kv_dims, T(L, N, E), T(S, N, 4), T(S, N, 6), need_weights=False,
         key_padding_mask=kpm_bool, attn_mask=T(L, S))
mha_case("no bias", i_no_bias, T(N, L, E), T(N, S, E), T(N, S, E), param_grads=True)
mha_case("bias kv and zero attn", i_bias_kv, T(L, N, E), T(S, N, E), "k", key_padding_mask=kpm_bool,
         attn_mask=T(L, S), param_grads=True)
mha_case("zero attn no weights", i_zero_attn, T(N, L, E), need_weights=False, attn_mask=causal_bool)
mha_case("unbatched", i_default, T(L, E), T(S, E), "k")
mha_case("unbatched masks", i_default, T(L, E), T(S, E), "k", key_padding_mask=torch.tensor([False, True, False, False]),
         attn_mask=T(2, L, S))
mha_case("unbatched no weights", i_default, T(L, E), T(S, E), T(S, E), need_weights=False, attn_mask=T(L, S, dtype="bool"))
mha_case("float64", i_float64, T(L, N, 6, dtype="float64"), T(S, N, 6, dtype="float64"), "k", param_grads=True,
         attn_mask=T(L, S, dtype="float64"))
mha_case("eval grad", i_batch_first, T(N, L, E), mode="eval")
mha_case("fast path", i_batch_first, T(N, L, E), mode="eval", no_grad=True)
mha_case("fast path masks", i_batch_first, T(N, L, E), mode="eval", no_grad=True, attn_mask=causal_bool,
         average_attn_weights=False)
mha_case("fast path fully masked", i_batch_first, T(N, L, E), mode="eval", no_grad=True, key_padding_mask=full_kpm)
mha_case("fast path fully masked no weights", i_batch_first, T(N, L, E), mode="eval", no_grad=True,
         key_padding_mask=full_kpm, need_weights=False)
mha_case("fast path causal no weights", i_batch_first, T(N, L, E), mode="eval", no_grad=True,
         attn_mask=torch.tensor([[False, True, True], [True, True, True], [False, False, False]]), need_weights=False,
         is_causal=True)
mha_case("no grad slow path fully masked", i_batch_first, T(N, L, E), T(N, L, E), "k", mode="eval", no_grad=True,
         key_padding_mask=full_kpm, need_weights=False)
mha_case("eval float mask no fast path", i_batch_first, T(N, L, E), mode="eval", no_grad=True,
         attn_mask=torch.tensor([[0.0, -math.inf, -math.inf], [-math.inf] * 3, [0.0, 0.0, 0.0]]), need_weights=False)

mha_error("embed 0", dict(embed_dim=0, num_heads=2))
mha_error("heads 0", dict(embed_dim=8, num_heads=0))
mha_error("indivisible", dict(embed_dim=8, num_heads=3))
D = dict(embed_dim=8, num_heads=2)
F32 = "float32"
mha_error("query 4d", D, [T(1, 3, 2, 8), T(1, 3, 2, 8), T(1, 3, 2, 8)])
mha_error("query 1d", D, [T(8), T(8), T(8)])
mha_error("key 2d", D, [T(3, 2, 8), T(4, 8), T(4, 2, 8)])
mha_error("unbatched key 3d", D, [T(3, 8), T(4, 2, 8), T(4, 2, 8)])
mha_error("kpm 3d", D, [T(3, 2, 8), T(4, 2, 8), T(4, 2, 8)], key_padding_mask=T(2, 4, 1, dtype="bool"))
mha_error("kpm unbatched 2d", D, [T(3, 8), T(4, 8), T(4, 8)], key_padding_mask=T(2, 4, dtype="bool"))
mha_error("attn 4d", D, [T(3, 2, 8), T(4, 2, 8), T(4, 2, 8)], attn_mask=T(1, 1, 3, 4))
mha_error("unbatched attn 3d shape", D, [T(3, 8), T(4, 8), T(4, 8)], attn_mask=T(2, 3, 5))
mha_error("int attn mask", D, [T(3, 2, 8), T(4, 2, 8), T(4, 2, 8)], attn_mask=T(3, 4, dtype="int64"))
mha_error("int key padding", D, [T(3, 2, 8), T(4, 2, 8), T(4, 2, 8)], key_padding_mask=T(2, 4, dtype="int64"))
mha_error("causal without mask", D, [T(3, 2, 8), T(4, 2, 8), T(4, 2, 8)], is_causal=True)
mha_error("embed mismatch", D, [T(3, 2, 6), T(4, 2, 8), T(4, 2, 8)])
mha_error("key value mismatch", D, [T(3, 2, 8), T(4, 2, 8), T(5, 2, 8)])
mha_error("2d mask shape", D, [T(3, 2, 8), T(4, 2, 8), T(4, 2, 8)], attn_mask=T(3, 5))
mha_error("3d mask shape", D, [T(3, 2, 8), T(4, 2, 8), T(4, 2, 8)], attn_mask=T(3, 3, 4))
mha_error("kpm batch", D, [T(3, 2, 8), T(4, 2, 8), T(4, 2, 8)], key_padding_mask=T(3, 4, dtype="bool"))
mha_error("kpm length", D, [T(3, 2, 8), T(4, 2, 8), T(4, 2, 8)], key_padding_mask=T(2, 5, dtype="bool"))
mha_error("kdim key features", dict(embed_dim=8, num_heads=2, kdim=4, vdim=6), [T(3, 2, 8), T(4, 2, 5), T(4, 2, 6)])
mha_error("kdim value length", dict(embed_dim=8, num_heads=2, kdim=4, vdim=6), [T(3, 2, 8), T(4, 2, 4), T(5, 2, 6)])
mha_error("packed key features", D, [T(3, 2, 8), T(4, 2, 6), T(4, 2, 6)])
mha_error("batch mismatch", D, [T(3, 2, 8), T(4, 3, 8), T(4, 3, 8)])

# The seed document's cells.
torch.manual_seed(123)
Q = torch.randn(2, 4, 16)
K = torch.randn(2, 5, 16)
V = torch.randn(2, 5, 16)
scores = Q @ K.transpose(-2, -1) / (16 ** 0.5)
sd_weights = F.softmax(scores, dim=-1)
sd_out = sd_weights @ V
mha = nn.MultiheadAttention(embed_dim=16, num_heads=4, batch_first=True)
mha_out, attn_weights = mha(Q, K, V)
seed_cells = {"multihead": {"Q": enc(Q), "K": enc(K), "V": enc(V), "sdpa_out": res(sd_out),
                            "out": res(mha_out), "weights": res(attn_weights),
                            "out_grad_fn": mha_out.grad_fn.name(), "weights_grad_fn": attn_weights.grad_fn.name()}}

torch.manual_seed(0)
mha = nn.MultiheadAttention(16, 2, batch_first=True)
cache_k = cache_v = None
steps = []
for t in range(5):
    x_t = torch.randn(1, 1, 16)
    cache_k = x_t if cache_k is None else torch.cat([cache_k, x_t], dim=1)
    cache_v = x_t if cache_v is None else torch.cat([cache_v, x_t], dim=1)
    out, w = mha(x_t, cache_k, cache_v)
    steps.append({"x": enc(x_t), "out": res(out), "weights": res(w)})
seed_cells["kv_cache"] = {"steps": steps}

torch.manual_seed(42)
x = torch.randn(1, 6, 8)
rnn = nn.RNN(8, 8, batch_first=True)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
attn_out, attn_weights = mha(x, x, x)
seed_cells["parallel"] = {"x": enc(x), "rnn_shapes": [list(p.shape) for p in rnn.parameters()],
                          "out": res(attn_out), "weights": res(attn_weights)}

# F.multi_head_attention_forward called directly, with a static key and value.
gen = torch.Generator().manual_seed(77)
fn_inputs = {"query": torch.randn(2, 1, 4, generator=gen), "static_k": torch.randn(2, 3, 2, generator=gen),
             "static_v": torch.randn(2, 3, 2, generator=gen), "in_proj_weight": torch.randn(12, 4, generator=gen),
             "in_proj_bias": torch.randn(12, generator=gen), "out_proj_weight": torch.randn(4, 4, generator=gen),
             "out_proj_bias": torch.randn(4, generator=gen), "key_padding_mask": torch.tensor([[False, True, False]])}
leaves = {n: (t.clone().requires_grad_() if t.dtype.is_floating_point else t) for n, t in fn_inputs.items()}
out, w = F.multi_head_attention_forward(
    leaves["query"], leaves["query"], leaves["query"], 4, 2, leaves["in_proj_weight"], leaves["in_proj_bias"], None,
    None, False, 0.0, leaves["out_proj_weight"], leaves["out_proj_bias"], training=False,
    key_padding_mask=leaves["key_padding_mask"], static_k=leaves["static_k"], static_v=leaves["static_v"])
weighted_loss(out, w).backward()
mha_functional = {"inputs": {n: enc(t) for n, t in fn_inputs.items()}, "out": res(out), "weights": res(w),
                  "grads": {n: res(t.grad) for n, t in leaves.items() if t.grad is not None}}

print(len(mha_cases), "mha cases,", len(mha_errors), "mha errors")
payload.update({"mha_inits": mha_inits, "mha": mha_cases, "mha_errors": mha_errors, "seed_cells": seed_cells,
                "mha_functional": mha_functional})

write("attention", payload)

# ---------------------------------------------------------------------------------------------------------------
# The Transformer family (transformer.json)

def build(kind, ctor):
    """Builds a module of `kind` from a JSON-able ctor, drawing from the default generator in PyTorch's order."""
    def layer_kwargs(c):
        kw = dict(c)
        if "dtype" in kw:
            kw["dtype"] = DTYPES[kw["dtype"]]
        return kw
    if kind == "encoder_layer":
        return nn.TransformerEncoderLayer(**layer_kwargs(ctor))
    if kind == "decoder_layer":
        return nn.TransformerDecoderLayer(**layer_kwargs(ctor))
    if kind == "encoder":
        layer = nn.TransformerEncoderLayer(**layer_kwargs(ctor["layer"]))
        norm = nn.LayerNorm(ctor["layer"]["d_model"]) if ctor.get("norm") else None
        return nn.TransformerEncoder(layer, ctor["num_layers"], norm=norm)
    if kind == "decoder":
        layer = nn.TransformerDecoderLayer(**layer_kwargs(ctor["layer"]))
        norm = nn.LayerNorm(ctor["layer"]["d_model"]) if ctor.get("norm") else None
        return nn.TransformerDecoder(layer, ctor["num_layers"], norm=norm)
    if kind == "transformer":
        return nn.Transformer(**ctor)
    raise ValueError(kind)


POSITIONAL = {"encoder_layer": ["src"], "decoder_layer": ["tgt", "memory"], "encoder": ["src"],
              "decoder": ["tgt", "memory"], "transformer": ["src", "tgt"]}

tr_cases = []


def tr_case(name, kind, ctor, seed, inputs, mode="eval", no_grad=False, param_grads=False, store_state=False, **kw):
    torch.manual_seed(seed)
    m = build(kind, ctor)
    entry = {"name": name, "kind": kind, "ctor": ctor, "seed": seed, "mode": mode, "no_grad": no_grad}
    if store_state:
        entry["state"] = state(m)
    if mode == "eval":
        m.eval()
    gen = torch.Generator().manual_seed(500 + len(tr_cases))
    made, specs = {}, {}
    for input_name, spec in inputs.items():
        if isinstance(spec, str):
            made[input_name] = made[spec]
            specs[input_name] = spec
            continue
        t, j = make(spec, gen)
        if not no_grad and t.dtype.is_floating_point and not input_name.endswith("mask"):
            t = t.detach().requires_grad_()
        made[input_name] = t
        specs[input_name] = j
    args = [made[n] for n in POSITIONAL[kind]]
    masks = {n: t for n, t in made.items() if n not in POSITIONAL[kind]}
    with (torch.no_grad() if no_grad else torch.enable_grad()):
        out = m(*args, **masks, **kw)
    entry.update({"inputs": specs, "kwargs": kw, "out": res(out),
                  "grad_fn": out.grad_fn.name() if out.grad_fn is not None else None})
    if out.requires_grad:
        weighted_loss(out).backward()
        entry["input_grads"] = {n: res(t.grad) for n, t in made.items() if isinstance(specs[n], dict) and t.grad is not None}
        if param_grads:
            entry["param_grads"] = [[n, res(p.grad)] for n, p in m.named_parameters() if p.grad is not None]
    tr_cases.append(entry)


def layer(d_model=8, nhead=2, dim_feedforward=16, **kw):
    return dict(d_model=d_model, nhead=nhead, dim_feedforward=dim_feedforward, **kw)


S_, T_, N_, E_ = 4, 3, 2, 8
src_causal = torch.full((S_, S_), -math.inf).triu(1)
tgt_causal_bool = torch.ones(T_, T_, dtype=torch.bool).triu(1)
kpm_src = torch.tensor([[False, False, False, True], [False, False, True, True]])
kpm_tgt = torch.tensor([[False, False, True], [False, False, False]])
fully = torch.tensor([[False, False, False, False], [True, True, True, True]])

# Encoder layers: post-norm and pre-norm, both layouts, both activations, masks, unbatched, no bias.
tr_case("encoder layer", "encoder_layer", layer(), 0, {"src": T(S_, N_, E_)}, param_grads=True, store_state=True)
tr_case("encoder layer seed 1", "encoder_layer", layer(), 1, {"src": T(S_, N_, E_)}, store_state=True)
tr_case("encoder layer norm first", "encoder_layer", layer(norm_first=True), 2, {"src": T(S_, N_, E_)}, param_grads=True)
tr_case("encoder layer batch first gelu", "encoder_layer", layer(batch_first=True, activation="gelu"), 3,
        {"src": T(N_, S_, E_), "src_key_padding_mask": kpm_src})
tr_case("encoder layer causal", "encoder_layer", layer(norm_first=True), 4,
        {"src": T(S_, N_, E_), "src_mask": src_causal}, is_causal=True)
tr_case("encoder layer bool mask", "encoder_layer", layer(), 5,
        {"src": T(S_, N_, E_), "src_mask": T(S_, S_, dtype="bool"), "src_key_padding_mask": kpm_src})
tr_case("encoder layer float masks", "encoder_layer", layer(batch_first=True), 6,
        {"src": T(N_, S_, E_), "src_mask": T(S_, S_), "src_key_padding_mask": T(N_, S_)})
tr_case("encoder layer unbatched", "encoder_layer", layer(layer_norm_eps=1e-3), 7, {"src": T(S_, E_)})
tr_case("encoder layer no bias", "encoder_layer", layer(bias=False, batch_first=True), 8, {"src": T(N_, S_, E_)},
        param_grads=True, store_state=True)
tr_case("encoder layer float64", "encoder_layer", layer(dtype="float64"), 9, {"src": T(S_, N_, E_, dtype="float64")})
tr_case("encoder layer fast path", "encoder_layer", layer(batch_first=True), 10,
        {"src": T(N_, S_, E_), "src_key_padding_mask": kpm_src}, no_grad=True)
tr_case("encoder layer fast path norm first gelu", "encoder_layer", layer(batch_first=True, norm_first=True,
        activation="gelu"), 11, {"src": T(N_, S_, E_), "src_mask": T(S_, S_, dtype="bool")}, no_grad=True)
tr_case("encoder layer fast path fully masked", "encoder_layer", layer(batch_first=True), 12,
        {"src": T(N_, S_, E_), "src_key_padding_mask": fully}, no_grad=True)
tr_case("encoder layer slow path fully masked", "encoder_layer", layer(batch_first=True), 12,
        {"src": T(N_, S_, E_), "src_key_padding_mask": fully})
tr_case("encoder layer odd heads no grad", "encoder_layer", layer(nhead=1, batch_first=True), 13,
        {"src": T(N_, S_, E_), "src_key_padding_mask": fully}, no_grad=True)

# Decoder layers.
tr_case("decoder layer", "decoder_layer", layer(), 20, {"tgt": T(T_, N_, E_), "memory": T(S_, N_, E_)},
        param_grads=True, store_state=True)
tr_case("decoder layer norm first", "decoder_layer", layer(norm_first=True), 21,
        {"tgt": T(T_, N_, E_), "memory": T(S_, N_, E_)}, param_grads=True)
tr_case("decoder layer masks", "decoder_layer", layer(batch_first=True), 22,
        {"tgt": T(N_, T_, E_), "memory": T(N_, S_, E_), "tgt_mask": tgt_causal_bool, "memory_mask": T(T_, S_),
         "tgt_key_padding_mask": kpm_tgt, "memory_key_padding_mask": kpm_src})
tr_case("decoder layer causal hint", "decoder_layer", layer(batch_first=True, activation="gelu"), 23,
        {"tgt": T(N_, T_, E_), "memory": T(N_, S_, E_),
         "tgt_mask": torch.full((T_, T_), -math.inf).triu(1)}, tgt_is_causal=True)
tr_case("decoder layer memory is tgt", "decoder_layer", layer(batch_first=True), 24,
        {"tgt": T(N_, T_, E_), "memory": "tgt"})
tr_case("decoder layer unbatched", "decoder_layer", layer(), 25, {"tgt": T(T_, E_), "memory": T(S_, E_)})
tr_case("decoder layer no grad", "decoder_layer", layer(batch_first=True), 26,
        {"tgt": T(N_, T_, E_), "memory": T(N_, S_, E_), "tgt_mask": tgt_causal_bool}, no_grad=True)

# Stacks.
tr_case("encoder", "encoder", {"layer": layer(), "num_layers": 2, "norm": True}, 30, {"src": T(S_, N_, E_)},
        param_grads=True, store_state=True)
tr_case("encoder causal detected", "encoder", {"layer": layer(batch_first=True), "num_layers": 2}, 31,
        {"src": T(N_, S_, E_), "mask": src_causal})
tr_case("encoder nested path", "encoder", {"layer": layer(batch_first=True), "num_layers": 2, "norm": True}, 32,
        {"src": T(N_, S_, E_), "src_key_padding_mask": kpm_src}, no_grad=True)
tr_case("encoder nested float padding", "encoder", {"layer": layer(batch_first=True), "num_layers": 2}, 33,
        {"src": T(N_, S_, E_), "src_key_padding_mask": torch.tensor([[0.0, -1.0, 0.0, -math.inf], [0.0] * 4])},
        no_grad=True)
tr_case("encoder padding not at end", "encoder", {"layer": layer(batch_first=True), "num_layers": 2}, 34,
        {"src": T(N_, S_, E_), "src_key_padding_mask": torch.tensor([[True, False, False, False], [False] * 4])},
        no_grad=True)
tr_case("encoder nested fully padded", "encoder", {"layer": layer(batch_first=True), "num_layers": 2, "norm": True},
        35, {"src": T(N_, S_, E_), "src_key_padding_mask": fully}, no_grad=True)
tr_case("encoder with padding grad", "encoder", {"layer": layer(batch_first=True), "num_layers": 2, "norm": True}, 32,
        {"src": T(N_, S_, E_), "src_key_padding_mask": kpm_src})
tr_case("decoder", "decoder", {"layer": layer(), "num_layers": 2, "norm": True}, 40,
        {"tgt": T(T_, N_, E_), "memory": T(S_, N_, E_), "tgt_mask": torch.full((T_, T_), -math.inf).triu(1)},
        param_grads=True)
tr_case("decoder bool causal detected", "decoder", {"layer": layer(batch_first=True), "num_layers": 2}, 41,
        {"tgt": T(N_, T_, E_), "memory": T(N_, S_, E_), "tgt_mask": tgt_causal_bool,
         "memory_key_padding_mask": kpm_src})

# The full model: its own Xavier initialisation over every matrix.
tiny = dict(d_model=8, nhead=2, num_encoder_layers=2, num_decoder_layers=1, dim_feedforward=16)
tr_case("transformer", "transformer", tiny, 50, {"src": T(S_, N_, E_), "tgt": T(T_, N_, E_)}, param_grads=True,
        store_state=True)
tr_case("transformer seed 1 masks", "transformer", dict(tiny, batch_first=True, norm_first=True), 51,
        {"src": T(N_, S_, E_), "tgt": T(N_, T_, E_), "tgt_mask": torch.full((T_, T_), -math.inf).triu(1),
         "src_key_padding_mask": kpm_src, "memory_key_padding_mask": kpm_src, "tgt_key_padding_mask": kpm_tgt},
        store_state=True)
tr_case("transformer no grad", "transformer", dict(tiny, batch_first=True), 52,
        {"src": T(N_, S_, E_), "tgt": T(N_, T_, E_), "src_key_padding_mask": kpm_src}, no_grad=True)

tr_errors = []


def tr_error(name, kind, ctor, inputs=None, **kw):
    e = None
    try:
        m = build(kind, ctor)
    except Exception as ex:  # noqa: BLE001
        e = {"type": type(ex).__name__, "message": str(ex)}
    if e is None:
        gen = torch.Generator().manual_seed(9)
        made = {n: make(sp, gen)[0] for n, sp in inputs.items()}
        args = [made[n] for n in POSITIONAL[kind]]
        masks = {n: t for n, t in made.items() if n not in POSITIONAL[kind]}
        e = error_of(lambda: m(*args, **masks, **kw))
    assert e is not None, name
    tr_errors.append({"name": name, "kind": kind, "ctor": ctor,
                      "inputs": {n: {"shape": sp[0], "dtype": sp[1]} for n, sp in (inputs or {}).items()},
                      "kwargs": kw, "error": e})


tr_error("bad activation", "encoder_layer", layer(activation="tanh"))
tr_error("transformer batch", "transformer", tiny, {"src": T(S_, N_, E_), "tgt": T(T_, 3, E_)})
tr_error("transformer features", "transformer", tiny, {"src": T(S_, N_, E_), "tgt": T(T_, N_, 6)})
tr_error("encoder layer int mask", "encoder_layer", layer(), {"src": T(S_, N_, E_), "src_mask": T(S_, S_, dtype="int64")})
tr_error("encoder int padding", "encoder", {"layer": layer(), "num_layers": 1},
         {"src": T(S_, N_, E_), "src_key_padding_mask": T(N_, S_, dtype="int64")})
tr_error("decoder layer mask shape", "decoder_layer", layer(), {"tgt": T(T_, N_, E_), "memory": T(S_, N_, E_),
                                                                 "memory_mask": T(T_, T_)})

reprs = {
    "decoder_layer": repr(nn.TransformerDecoderLayer(32, 4, batch_first=True)),
    "encoder": repr(nn.TransformerEncoder(nn.TransformerEncoderLayer(8, 2, 16), 3, norm=nn.LayerNorm(8))),
    "encoder_gelu_module": repr(nn.TransformerEncoderLayer(8, 2, 16, activation=nn.GELU())),
    "transformer": repr(nn.Transformer(16, 2, 1, 2, 32, batch_first=True)),
    "transformer_no_bias": repr(nn.Transformer(8, 2, 1, 1, 16, bias=False)),
}


# The seed document's MiniGPT, seeded and in eval mode; the embedding lookup is emulated by index_select on a weight
# drawn as nn.Embedding draws it (normal_ of [vocab, d] at construction).
class MiniGPT(nn.Module):
    def __init__(self, vocab_size=100, d_model=32, nhead=4, nlayers=2):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d_model)
        decoder_layer = nn.TransformerDecoderLayer(d_model=d_model, nhead=nhead, batch_first=True)
        self.decoder = nn.TransformerDecoder(decoder_layer, num_layers=nlayers)
        self.out = nn.Linear(d_model, vocab_size)

    def forward(self, x, memory=None, tgt_mask=None):
        h = self.embed(x)
        dec_out = self.decoder(h, memory if memory is not None else h, tgt_mask=tgt_mask)
        return self.out(dec_out)


minigpt = []
for seed in (0, 1):
    torch.manual_seed(seed)
    model = MiniGPT()
    x = torch.randint(0, 100, (1, 6))
    model.eval()
    logits = model(x)
    probs = torch.softmax(logits, dim=-1)
    causal_logits = model(x, tgt_mask=nn.Transformer.generate_square_subsequent_mask(6))
    minigpt.append({"seed": seed, "x": enc(x), "logits": res(logits), "probs_shape": list(probs.shape),
                    "predicted": torch.argmax(probs[:, -1, :], dim=-1).item(), "causal_logits": res(causal_logits),
                    "repr": repr(model)})

masks = {"square_4": enc(nn.Transformer.generate_square_subsequent_mask(4)),
         "square_3_double": enc(nn.Transformer.generate_square_subsequent_mask(3, dtype=torch.float64))}

print(len(tr_cases), "transformer cases,", len(tr_errors), "errors")
write("transformer", {"cases": tr_cases, "errors": tr_errors, "reprs": reprs, "minigpt": minigpt, "masks": masks})
