"""Fixtures for torch.nn.utils.clip_grad_norm_ and clip_grad_value_.

Each case gives parameters (float32 or float64) with seeded gradients, some without a gradient, and records the
returned total norm and every gradient afterwards, or PyTorch's error.

Run with /work/torchenv/bin/python.
"""
import math

import torch

from fixture_support import check_version, encode, error_of, write

check_version()


def make_params(spec):
    torch.manual_seed(spec["seed"])
    params = []
    for shape, dtype, has_grad in spec["params"]:
        p = torch.randn(shape, dtype=getattr(torch, dtype), requires_grad=True)
        if has_grad:
            p.grad = torch.randn(shape, dtype=getattr(torch, dtype)) * spec["scale"]
        params.append(p)
    if spec.get("poison"):
        params[0].grad.view(-1)[0] = float(spec["poison"])
    return params


def norm_type_json(x):
    return x if not math.isinf(x) else ("inf" if x > 0 else "-inf")


NORM_CASES = [
    dict(seed=0, params=[[[3, 4], "float32", True], [[4], "float32", True]], scale=1.0, max_norm=1.0, norm_type=2.0),
    dict(seed=1, params=[[[3, 4], "float32", True], [[4], "float32", True]], scale=0.01, max_norm=1.0, norm_type=2.0),
    dict(seed=2, params=[[[5], "float64", True], [[2, 2], "float64", False], [[2, 3], "float64", True]], scale=3.0,
         max_norm=0.5, norm_type=2.0),
    dict(seed=3, params=[[[6], "float32", True], [[2, 5], "float32", True]], scale=2.0, max_norm=1.5, norm_type=1.0),
    dict(seed=4, params=[[[6], "float32", True], [[2, 5], "float32", True]], scale=2.0, max_norm=0.25,
         norm_type=math.inf),
    dict(seed=5, params=[[[7], "float32", True]], scale=1.0, max_norm=2.0, norm_type=3.0),
    dict(seed=6, params=[[[3], "float32", False], [[2], "float32", False]], scale=1.0, max_norm=1.0, norm_type=2.0),
    dict(seed=7, params=[[[4], "float32", True], [[3], "float32", True]], scale=1.0, max_norm=1.0, norm_type=2.0,
         poison="nan"),
    dict(seed=8, params=[[[4], "float32", True], [[3], "float32", True]], scale=1.0, max_norm=1.0, norm_type=2.0,
         poison="inf", error_if_nonfinite=True),
]

VALUE_CASES = [
    dict(seed=10, params=[[[3, 4], "float32", True], [[4], "float64", True], [[2], "float32", False]], scale=2.0,
         clip_value=0.5),
    dict(seed=11, params=[[[5], "float32", True]], scale=1.0, clip_value=0.0),
]


def spec_json(spec):
    out = {k: v for k, v in spec.items() if k not in ("poison",)}
    if "norm_type" in out:
        out["norm_type"] = norm_type_json(out["norm_type"])
    out["poison"] = spec.get("poison")
    return out


def params_json(params):
    return [{"data": encode(p.detach()), "grad": None if p.grad is None else encode(p.grad)} for p in params]


norm = []
for spec in NORM_CASES:
    params = make_params(spec)
    before = params_json(params)
    error = error_of(lambda: torch.nn.utils.clip_grad_norm_(
        params, spec["max_norm"], spec["norm_type"], error_if_nonfinite=spec.get("error_if_nonfinite", False)))
    params = make_params(spec)
    total = None if error else torch.nn.utils.clip_grad_norm_(
        params, spec["max_norm"], spec["norm_type"], error_if_nonfinite=spec.get("error_if_nonfinite", False))
    norm.append(dict(spec=spec_json(spec), before=before, error=error,
                     total=None if total is None else encode(total), after=params_json(params)))

value = []
for spec in VALUE_CASES:
    params = make_params(spec)
    before = params_json(params)
    result = torch.nn.utils.clip_grad_value_(params, spec["clip_value"])
    assert result is None
    value.append(dict(spec=spec_json(spec), before=before, after=params_json(params)))

write("clip_grad", {"norm": norm, "value": value})
