"""Shared helpers for the fixture generators: run with PyTorch 2.13 CPU installed; tests never need it."""
import json
import math
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def number(x):
    """One element as JSON: bools and ints as they are, floats exactly (repr round-trips), non-finite and -0.0 as
    strings."""
    if isinstance(x, bool):
        return x
    if isinstance(x, int):
        return x
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0 and math.copysign(1.0, x) < 0:
        return "-0.0"
    return x


def encode(t):
    """A tensor as {dtype, shape, values}; values are row-major."""
    t = t.detach()
    dtype = str(t.dtype).replace("torch.", "")
    return {"dtype": dtype, "shape": list(t.shape), "values": [number(v) for v in t.reshape(-1).tolist()]}


def error_of(fn):
    """The (class name, message) of the exception `fn` raises, or None."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - we record whatever PyTorch raises
        return {"type": type(e).__name__, "message": str(e).split("\n")[0] if type(e).__name__ != "RuntimeError" else str(e)}
    return None


def write(name, payload):
    """Writes Fixtures/<name>.json compactly."""
    path = os.path.join(HERE, name + ".json")
    with open(path, "w") as f:
        json.dump(payload, f, separators=(",", ":"))
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")


def check_version():
    if not torch.__version__.startswith("2.13"):
        raise SystemExit(f"fixtures come from PyTorch 2.13, this is {torch.__version__}")


def realise(spec):
    """The PyTorch object for an argument spec, and the leaf whose grad we report (or None).

    A spec is {"w": value} for a plain Python value, or {"t": tensor, "v": view, "rg": requires_grad, "shape": ...}
    where the view is "t" (transposed), "s" (every other column) or "e" (expanded to "shape").
    """
    if "w" in spec:
        return spec["w"], None
    base = spec["t"].clone()
    if spec.get("rg"):
        base.requires_grad_()
    view = spec.get("v")
    if view == "t":
        x = base.transpose(-2, -1)
    elif view == "s":
        x = base[..., ::2]
    elif view == "e":
        x = base.expand(*spec["shape"])
    else:
        x = base
    return x, (base if spec.get("rg") else None)


def encode_spec(spec):
    """An argument spec as JSON, for the Swift side to rebuild the same (view of a) tensor."""
    if "w" in spec:
        return spec
    out = {"t": encode(spec["t"])}
    if spec.get("v"):
        out["v"] = spec["v"]
    if spec.get("rg"):
        out["rg"] = True
    if "shape" in spec:
        out["shape"] = spec["shape"]
    return out


def weights_like(out):
    """Uneven fixed weights shaped like `out`, so a weighted sum makes every output element matter."""
    n = out.numel()
    w = torch.tensor([0.5 + (i % 7) * 0.25 for i in range(n)], dtype=torch.float64).reshape(out.shape)
    return w.to(out.dtype)
