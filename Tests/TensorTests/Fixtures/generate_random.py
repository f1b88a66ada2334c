"""Writes random.json: what PyTorch's CPU generator produces for Attend's random operations.

Run with a PyTorch CPU build (pip install torch==2.13.0+cpu):  python generate_random.py
Every case seeds a generator, runs its steps in order (so later steps see the state earlier ones left) and records
each result exactly: floats by repr of the Python float (float32 values widen exactly), ints as ints.
"""
import json
import os

import torch

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}
NAMES = {v: k for k, v in DTYPES.items()}


def encode(t):
    t = t.detach().contiguous()
    values = t.reshape(-1).tolist()
    if t.dtype == torch.bool:
        values = [int(v) for v in values]
    return {"shape": list(t.shape), "dtype": NAMES[t.dtype], "values": values}


def digest(t):
    """Sum of the element bit patterns mod 2^64, plus a few values: a compact check for large outputs."""
    shape = list(t.shape)
    t = t.contiguous().reshape(-1)
    if t.dtype == torch.float32:
        bits = t.view(torch.int32).to(torch.int64) & 0xFFFFFFFF
    else:
        bits = t.view(torch.int64)
    total = 0
    for chunk in bits.split(65536):
        total = (total + int(chunk.remainder(2**32).sum()) + (int((chunk >> 32).remainder(2**32).sum()) << 32)) % 2**64
    return {"shape": shape, "dtype": NAMES[t.dtype], "bit_sum": total,
            "head": t[:4].tolist(), "tail": t[-4:].tolist()}


def make_view(spec, dtype):
    base = torch.zeros(spec["base"], dtype=dtype)
    view = base.permute(spec["permute"])
    for dim, (start, end, step) in enumerate(spec["slices"]):
        view = view[(slice(None),) * dim + (slice(start, end, step),)]
    return base, view


def run_step(step, gen):
    op = step["op"]
    kw = {"generator": gen}
    dtype = DTYPES.get(step.get("dtype", "float32"))
    if op == "rand":
        out = torch.rand(step["shape"], dtype=dtype, **kw)
    elif op == "randn":
        out = torch.randn(step["shape"], dtype=dtype, **kw)
    elif op == "randint":
        out = torch.randint(step["low"], step["high"], step["shape"], dtype=dtype, **kw)
    elif op == "randperm":
        out = torch.randperm(step["n"], dtype=dtype, **kw)
    elif op == "uniform_":
        out = torch.empty(step["shape"], dtype=dtype).uniform_(step["from"], step["to"], **kw)
    elif op == "normal_":
        out = torch.empty(step["shape"], dtype=dtype).normal_(step["mean"], step["std"], **kw)
    elif op == "exponential_":
        out = torch.empty(step["shape"], dtype=dtype).exponential_(step["lambda"], **kw)
    elif op == "bernoulli_scalar":
        out = torch.empty(step["shape"], dtype=dtype).bernoulli_(step["p"], **kw)
    elif op == "bernoulli_tensor":
        p = torch.tensor(step["p"], dtype=DTYPES[step["p_dtype"]]).reshape(step["p_shape"])
        out = torch.empty(step["shape"], dtype=dtype).bernoulli_(p, **kw)
    elif op == "bernoulli":
        p = torch.tensor(step["p"], dtype=dtype).reshape(step["p_shape"])
        out = torch.bernoulli(p, **kw)
    elif op == "multinomial":
        probs = torch.tensor(step["probs"], dtype=dtype).reshape(step["probs_shape"])
        if step.get("transpose"):
            probs = probs.t()
        out = torch.multinomial(probs, step["n"], step["replacement"], **kw)
    elif op in ("rand_like", "randn_like"):
        src = torch.empty(step["shape"], dtype=dtype)
        if step.get("transpose"):
            src = src.t()
        fn = torch.rand_like if op == "rand_like" else torch.randn_like
        out = fn(src, generator=gen) if "generator" in fn.__doc__ else None
        if out is None:
            raise RuntimeError("rand_like lacks generator")
        step["out_strides"] = list(out.stride())
    elif op.endswith("_view"):
        base, view = make_view(step["view"], dtype)
        kind = op[: -len("_view")]
        if kind == "uniform":
            view.uniform_(step["from"], step["to"], **kw)
        elif kind == "normal":
            view.normal_(step["mean"], step["std"], **kw)
        elif kind == "random":
            view.random_(step["low"], step["high"], **kw)
        elif kind == "bernoulli":
            view.bernoulli_(step["p"], **kw)
        elif kind == "exponential":
            view.exponential_(step["lambda"], **kw)
        else:
            raise ValueError(op)
        out = base
    else:
        raise ValueError(op)
    if step.pop("digest", False):
        step["digest"] = digest(out)
    else:
        step["out"] = encode(out)
    return step


def case(name, seed, steps, generator="default", state_after=False):
    if generator == "default":
        torch.manual_seed(seed)
        gen = None
    else:
        gen = torch.Generator()
        if seed is not None:
            gen.manual_seed(seed)
    result = {"name": name, "seed": seed, "generator": generator,
              "steps": [run_step(dict(s), gen) for s in steps]}
    if state_after:
        state = torch.get_rng_state() if gen is None else gen.get_state()
        result["state_after"] = bytes(state.tolist()).hex()
    return result


SIZES = [1, 3, 15, 16, 17, 31, 33, 100]


def probs(n, seed):
    g = torch.Generator().manual_seed(seed)
    return [round(x, 3) for x in torch.rand(n, generator=g, dtype=torch.float64).tolist()]


def per_seed_cases(seed):
    cases = []
    for dt in ("float32", "float64"):
        cases.append(case(f"rand_{dt}_{seed}", seed, [{"op": "rand", "shape": [n], "dtype": dt} for n in SIZES]))
        cases.append(case(f"randn_{dt}_{seed}", seed, [{"op": "randn", "shape": [n], "dtype": dt} for n in SIZES]))
    cases.append(case(f"randn_2d_{seed}", seed, [{"op": "randn", "shape": [3, 5]}, {"op": "randn", "shape": [4, 5]},
                                                 {"op": "randn", "shape": [2, 3, 6], "dtype": "float64"}]))
    cases.append(case(f"randint_{seed}", seed, [
        {"op": "randint", "low": 0, "high": 10, "shape": [20], "dtype": "int64"},
        {"op": "randint", "low": -5, "high": 5, "shape": [3, 4], "dtype": "int64"},
        {"op": "randint", "low": 0, "high": 2**32, "shape": [6], "dtype": "int64"},
        {"op": "randint", "low": 0, "high": 2**33, "shape": [6], "dtype": "int64"},
        {"op": "randint", "low": -2**40, "high": 2**40, "shape": [5], "dtype": "int64"},
        {"op": "randint", "low": 0, "high": 2, "shape": [7], "dtype": "bool"},
        {"op": "randint", "low": 0, "high": 100, "shape": [6], "dtype": "float32"},
        {"op": "randint", "low": -3, "high": 2**35, "shape": [4], "dtype": "float64"},
        {"op": "randint", "low": 7, "high": 8, "shape": [3], "dtype": "int64"},
    ]))
    cases.append(case(f"randperm_{seed}", seed, [
        {"op": "randperm", "n": n, "dtype": "int64"} for n in (0, 1, 2, 3, 16, 17, 100)
    ] + [{"op": "randperm", "n": 10, "dtype": "float32"}, {"op": "randperm", "n": 10, "dtype": "float64"}]))
    cases.append(case(f"uniform_normal_{seed}", seed, [
        {"op": "uniform_", "shape": [33], "dtype": "float32", "from": -2.5, "to": 7.25},
        {"op": "uniform_", "shape": [17], "dtype": "float64", "from": -2.5, "to": 7.25},
        {"op": "uniform_", "shape": [9], "dtype": "float32", "from": 1.0, "to": 1.0000001},
        {"op": "normal_", "shape": [33], "dtype": "float32", "mean": 1.5, "std": 0.3},
        {"op": "normal_", "shape": [5], "dtype": "float32", "mean": 1.5, "std": 0.3},
        {"op": "normal_", "shape": [17], "dtype": "float64", "mean": -2.0, "std": 4.5},
        {"op": "normal_", "shape": [3], "dtype": "float64", "mean": -2.0, "std": 4.5},
        {"op": "normal_", "shape": [16], "dtype": "float32", "mean": 0.0, "std": 0.0},
    ]))
    p32 = probs(20, seed)
    cases.append(case(f"bernoulli_{seed}", seed, [
        {"op": "bernoulli_scalar", "shape": [40], "dtype": "float32", "p": 0.3},
        {"op": "bernoulli_scalar", "shape": [10], "dtype": "int64", "p": 0.5},
        {"op": "bernoulli_scalar", "shape": [10], "dtype": "bool", "p": 0.9},
        {"op": "bernoulli_scalar", "shape": [17], "dtype": "float64", "p": 0.25},
        {"op": "bernoulli_tensor", "shape": [20], "dtype": "float32", "p": p32, "p_shape": [20], "p_dtype": "float32"},
        {"op": "bernoulli_tensor", "shape": [20], "dtype": "float64", "p": p32, "p_shape": [20], "p_dtype": "float64"},
        {"op": "bernoulli_tensor", "shape": [3, 4], "dtype": "float32", "p": [0.1, 0.5, 0.9, 1.0], "p_shape": [4],
         "p_dtype": "float32"},
        {"op": "bernoulli_tensor", "shape": [6], "dtype": "int64", "p": [0.5] * 6, "p_shape": [6],
         "p_dtype": "float64"},
        {"op": "bernoulli", "dtype": "float32", "p": p32, "p_shape": [4, 5]},
        {"op": "bernoulli", "dtype": "float64", "p": p32, "p_shape": [20]},
    ]))
    cases.append(case(f"exponential_{seed}", seed, [
        {"op": "exponential_", "shape": [20], "dtype": "float32", "lambda": 1.5},
        {"op": "exponential_", "shape": [20], "dtype": "float64", "lambda": 1.5},
        {"op": "exponential_", "shape": [5], "dtype": "float32", "lambda": 0.5},
    ]))
    cases.append(case(f"multinomial_{seed}", seed, [
        {"op": "multinomial", "dtype": dt, "probs": pr, "probs_shape": shape, "n": n, "replacement": rep}
        for dt in ("float32", "float64")
        for (pr, shape) in ((probs(10, seed + 1), [10]), (probs(24, seed + 2), [3, 8]))
        for (n, rep) in ((1, False), (4, False), (shape[-1], False), (1, True), (20, True))
    ] + [
        {"op": "multinomial", "dtype": "float32", "probs": probs(12, seed + 3), "probs_shape": [4, 3],
         "transpose": True, "n": 2, "replacement": False},
        {"op": "multinomial", "dtype": "float32", "probs": [0.0, 0.2, 0.0, 0.8, 0.0], "probs_shape": [5], "n": 2,
         "replacement": False},
        {"op": "multinomial", "dtype": "float32", "probs": [0.0, 0.2, 0.0, 0.8, 0.0], "probs_shape": [5], "n": 9,
         "replacement": True},
    ]))
    cases.append(case(f"views_{seed}", seed, [
        {"op": "uniform_view", "dtype": "float32", "from": 0.0, "to": 1.0,
         "view": {"base": [3, 4], "permute": [1, 0], "slices": []}},
        {"op": "normal_view", "dtype": "float32", "mean": 0.0, "std": 1.0,
         "view": {"base": [4, 5, 6], "permute": [2, 0, 1], "slices": [[0, 6, 1], [1, 3, 1], [0, 5, 2]]}},
        {"op": "normal_view", "dtype": "float64", "mean": 0.5, "std": 2.0,
         "view": {"base": [6, 8], "permute": [0, 1], "slices": [[0, 6, 1], [0, 8, 2]]}},
        {"op": "random_view", "dtype": "int64", "low": 0, "high": 1000,
         "view": {"base": [5, 4], "permute": [1, 0], "slices": [[1, 4, 1]]}},
        {"op": "bernoulli_view", "dtype": "float32", "p": 0.5,
         "view": {"base": [4, 4], "permute": [1, 0], "slices": [[0, 4, 1], [0, 4, 2]]}},
        {"op": "exponential_view", "dtype": "float64", "lambda": 2.0,
         "view": {"base": [2, 3, 4], "permute": [1, 2, 0], "slices": []}},
        {"op": "rand_like", "shape": [5, 4], "dtype": "float32", "transpose": True},
        {"op": "randn_like", "shape": [8, 4], "dtype": "float32", "transpose": True},
        {"op": "randn_like", "shape": [8, 4], "dtype": "float64", "transpose": False},
    ]))
    cases.append(case(f"mixed_{seed}", seed, [
        {"op": "randn", "shape": [3]},
        {"op": "rand", "shape": [5]},
        {"op": "randn", "shape": [20]},
        {"op": "randint", "low": 0, "high": 10, "shape": [5], "dtype": "int64"},
        {"op": "randn", "shape": [1]},
        {"op": "randn", "shape": [1], "dtype": "float64"},
        {"op": "normal_", "shape": [15], "dtype": "float32", "mean": 0.0, "std": 1.0},
        {"op": "randperm", "n": 8, "dtype": "int64"},
        {"op": "bernoulli_scalar", "shape": [6], "dtype": "float32", "p": 0.5},
        {"op": "multinomial", "dtype": "float32", "probs": [0.1, 0.2, 0.3, 0.4], "probs_shape": [4], "n": 2,
         "replacement": False},
        {"op": "randn", "shape": [2]},
        {"op": "rand", "shape": [20], "dtype": "float64"},
        {"op": "randn", "shape": [5], "dtype": "float64"},
    ], state_after=(seed == 42)))
    return cases


def main():
    cases = []
    for seed in (0, 42, 123):
        cases += per_seed_cases(seed)
    for seed in (7, 2024, 2**40 + 7, 2**64 - 1):
        cases.append(case(f"rand_randn_{seed}", seed, [
            {"op": "rand", "shape": [17]}, {"op": "randn", "shape": [17]}, {"op": "randn", "shape": [5]},
            {"op": "rand", "shape": [4], "dtype": "float64"}, {"op": "randn", "shape": [33], "dtype": "float64"}]))
    cases.append(case("fresh_generator", None, [
        {"op": "rand", "shape": [5]}, {"op": "randn", "shape": [3]}, {"op": "randint", "low": 0, "high": 100,
                                                                        "shape": [4], "dtype": "int64"}],
        generator="fresh", state_after=True))
    cases.append(case("explicit_generator_123", 123, [
        {"op": "randn", "shape": [20]}, {"op": "multinomial", "dtype": "float64", "probs": probs(6, 9),
                                         "probs_shape": [6], "n": 3, "replacement": False}], generator="fresh"))
    for seed in (1, 99):
        cases.append(case(f"large_{seed}", seed, [
            {"op": "randn", "shape": [100003], "digest": True},
            {"op": "randn", "shape": [50001], "dtype": "float64", "digest": True},
            {"op": "rand", "shape": [100000], "digest": True},
            {"op": "randn", "shape": [300, 100], "digest": True}]))

    # Replaying a saved state must reproduce what follows it, including a cached normal sample.
    torch.manual_seed(5)
    torch.randn(1, dtype=torch.float64)
    saved = bytes(torch.get_rng_state().tolist()).hex()
    replay = {"state": saved, "steps": [run_step({"op": "randn", "shape": [3], "dtype": "float64"}, None),
                                        run_step({"op": "rand", "shape": [4]}, None)]}

    errors = {}
    def err(name, fn):
        try:
            fn()
        except Exception as e:  # noqa: BLE001
            errors[name] = {"kind": type(e).__name__, "message": str(e)}
        else:
            raise AssertionError(f"{name} did not raise")
    err("randint_equal", lambda: torch.randint(5, 5, (3,)))
    err("randint_reversed", lambda: torch.randint(5, 3, (3,)))
    err("randint_bool_range", lambda: torch.randint(0, 3, (3,), dtype=torch.bool))
    err("randint_bool_from", lambda: torch.randint(-1, 1, (3,), dtype=torch.bool))
    err("rand_negative", lambda: torch.rand(2, -3))
    err("rand_int64", lambda: torch.rand(3, dtype=torch.int64))
    err("randn_int64", lambda: torch.randn(3, dtype=torch.int64))
    err("randperm_negative", lambda: torch.randperm(-1))
    err("randperm_bool", lambda: torch.randperm(3, dtype=torch.bool))
    err("randperm_float_large", lambda: torch.randperm(2**24 + 2, dtype=torch.float32))
    err("uniform_reversed", lambda: torch.empty(3).uniform_(5, 3))
    err("uniform_inf", lambda: torch.empty(3).uniform_(0, float("inf")))
    err("uniform_span", lambda: torch.empty(3).uniform_(-3e38, 3e38))
    err("uniform_int64", lambda: torch.empty(3, dtype=torch.int64).uniform_())
    err("normal_negative_std", lambda: torch.empty(3).normal_(0, -1))
    err("normal_nan_std", lambda: torch.empty(3).normal_(0, float("nan")))
    err("normal_int64", lambda: torch.empty(3, dtype=torch.int64).normal_())
    err("exponential_zero", lambda: torch.empty(3).exponential_(0))
    err("exponential_negative", lambda: torch.empty(3).exponential_(-1.5))
    err("exponential_int64", lambda: torch.empty(3, dtype=torch.int64).exponential_())
    err("bernoulli_p_high", lambda: torch.empty(3).bernoulli_(1.5))
    err("bernoulli_p_negative", lambda: torch.empty(3).bernoulli_(-0.1))
    err("bernoulli_tensor_high", lambda: torch.bernoulli(torch.tensor([0.5, 1.5])))
    err("bernoulli_tensor_nan", lambda: torch.bernoulli(torch.tensor([float("nan")])))
    err("bernoulli_tensor_int64", lambda: torch.bernoulli(torch.tensor([0, 1])))
    err("bernoulli_broadcast", lambda: torch.empty(3).bernoulli_(torch.rand(4)))
    err("expanded_write", lambda: torch.zeros(3).expand(2, 3).uniform_())
    err("multinomial_negative", lambda: torch.multinomial(torch.tensor([0.5, -0.1, 0.6]), 1))
    err("multinomial_negative_replacement", lambda: torch.multinomial(torch.tensor([0.5, -0.1, 0.6]), 2, True))
    err("multinomial_inf", lambda: torch.multinomial(torch.tensor([0.5, float("inf")]), 1))
    err("multinomial_inf_replacement", lambda: torch.multinomial(torch.tensor([0.5, float("inf")]), 2, True))
    err("multinomial_nan", lambda: torch.multinomial(torch.tensor([0.5, float("nan")]), 1))
    err("multinomial_nan_replacement", lambda: torch.multinomial(torch.tensor([0.5, float("nan")]), 2, True))
    err("multinomial_zero_sum", lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 1))
    err("multinomial_zero_sum_replacement", lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 2, True))
    err("multinomial_zero_row", lambda: torch.multinomial(torch.tensor([[0.0, 0.0], [1.0, 1.0]]), 1))
    err("multinomial_too_many", lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 3))
    err("multinomial_zero_samples", lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 0))
    err("multinomial_3d", lambda: torch.multinomial(torch.ones(2, 2, 2), 1))
    err("multinomial_0d", lambda: torch.multinomial(torch.tensor(1.0), 1))
    err("multinomial_empty", lambda: torch.multinomial(torch.zeros(0), 1, True))
    err("multinomial_int64", lambda: torch.multinomial(torch.tensor([1, 2]), 1))
    err("set_state_size", lambda: torch.Generator().set_state(torch.zeros(10, dtype=torch.uint8)))
    err("set_state_invalid", lambda: torch.Generator().set_state(torch.zeros(5056, dtype=torch.uint8)))

    grad_fns = {}
    leaf = torch.ones(3, requires_grad=True)
    for name, fn in (("uniform_", lambda x: x.uniform_()), ("normal_", lambda x: x.normal_()),
                     ("bernoulli_scalar", lambda x: x.bernoulli_(0.5)),
                     ("bernoulli_tensor", lambda x: x.bernoulli_(torch.rand(3))),
                     ("exponential_", lambda x: x.exponential_()), ("random_", lambda x: x.random_(0, 5))):
        x = leaf * 1
        fn(x)
        grad_fns[name] = x.grad_fn.name()
    grad_fns["bernoulli"] = torch.bernoulli(torch.rand(3, requires_grad=True)).grad_fn.name()

    torch.manual_seed(0)
    meta = {"torch": torch.__version__, "cpu_capability": torch.backends.cpu.get_cpu_capability(),
            "negative_seed_initial_seed": torch.manual_seed(-1).initial_seed(),
            "fresh_generator_initial_seed": torch.Generator().initial_seed()}
    out = {"meta": meta, "cases": cases, "replay": replay, "errors": errors, "grad_fns": grad_fns}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "random.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print(f"wrote {path}: {os.path.getsize(path)} bytes, {len(cases)} cases, {len(errors)} errors")


if __name__ == "__main__":
    main()
