"""Writes printing.json (what PyTorch 2.13 prints for tensors) and printing_python.json (what CPython 3.11 gives for
repr, format() and %, from python_cases.py).

Run with /work/torchenv/bin/python (PyTorch 2.13 CPU, CPython 3.11); the Swift tests never need either.

Sections of printing.json:
- tensors: each case builds a tensor from values (or from a small integer generator, for the big ones), applies a
  list of value-preserving ops (so grad_fn names and views come out as PyTorch makes them), optionally calls
  torch.set_printoptions one or more times, and records repr(t).
- seed: the seed notebook's cell that prints logits and softmax with grad_fn, run for real.
printing_python.json holds repr (floats, strs, containers, ranges), format (format(value, spec)) and percent
(template % args), each outcome a string or the exception class and message.
"""
import json
import math
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OPTIONS = dict(precision=4, threshold=1000, edgeitems=3, linewidth=80, sci_mode=None)


def number(x):
    """One number as JSON: non-finite floats and -0.0 as strings."""
    if isinstance(x, bool) or isinstance(x, int):
        return x
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x == 0 and math.copysign(1.0, x) < 0:
        return "-0.0"
    return x


def unnumber(x):
    if x == "nan":
        return math.nan
    if x == "inf":
        return math.inf
    if x == "-inf":
        return -math.inf
    if x == "-0.0":
        return -0.0
    return x


DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}


# ---------------------------------------------------------------------------------------------------------------
# Tensors

def lcg_values(spec):
    """The generator the Swift test repeats exactly: a 32-bit LCG mapped to floats, ints or bools."""
    state = spec["seed"] & 0xFFFFFFFF
    values = []
    for _ in range(spec["count"]):
        state = (1664525 * state + 1013904223) & 0xFFFFFFFF
        if spec["dtype"] == "bool":
            values.append((state >> 31) == 1)
        elif spec["dtype"] == "int64":
            values.append(state % spec["modulus"] + spec["offset"])
        else:
            values.append(float(state) / 4294967296.0 * spec["scale"] + spec["offset"])
    for index, value in spec.get("overrides", []):
        values[index] = unnumber(value)
    return values


def build(case):
    """The tensor a case describes, before its ops."""
    if "gen" in case:
        spec = case["gen"]
        return torch.tensor(lcg_values(spec), dtype=DTYPES[spec["dtype"]]).reshape(spec["shape"])
    values = [unnumber(v) for v in case["values"]]
    return torch.tensor(values, dtype=DTYPES[case["dtype"]]).reshape(case["shape"])


def apply(t, op):
    name, args = op[0], op[1:]
    if name == "requires_grad":
        return t.requires_grad_()
    if name == "parameter":
        return torch.nn.Parameter(t)
    if name == "mul1":
        return t * 1
    if name == "add0":
        return t + 0
    if name == "neg":
        return -t
    if name == "relu":
        return t.relu()
    if name == "abs":
        return t.abs()
    if name == "clone":
        return t.clone()
    if name == "view":
        return t.view(args[0])
    if name == "t":
        return t.t()
    if name == "transpose":
        return t.transpose(args[0], args[1])
    if name == "permute":
        return t.permute(args[0])
    if name == "unsqueeze":
        return t.unsqueeze(args[0])
    if name == "expand":
        return t.expand(args[0])
    if name == "narrow":
        return t.narrow(args[0], args[1], args[2])
    if name == "select":
        return t.select(args[0], args[1])
    if name == "double":
        return t.double()
    if name == "float":
        return t.float()
    if name == "detach":
        return t.detach()
    if name == "cat":
        return torch.cat([t, t], dim=args[0])
    if name == "stack":
        return torch.stack([t, t], dim=args[0])
    if name == "mm_eye":
        return t @ torch.eye(t.shape[1], dtype=t.dtype)
    raise ValueError(name)


TENSORS = []


def tensor_case(name, values=None, dtype="float32", shape=None, ops=(), options=None, gen=None):
    """Records one tensor case. `options` is one dict of set_printoptions arguments or a list of them."""
    case = {"name": name}
    if gen is not None:
        case["gen"] = gen
    else:
        flat = list(values)
        case["dtype"] = dtype
        case["shape"] = list(shape) if shape is not None else [len(flat)]
        case["values"] = [number(v) for v in flat]
    if ops:
        case["ops"] = [list(op) for op in ops]
    calls = [] if options is None else (options if isinstance(options, list) else [options])
    if calls:
        case["options"] = [{k: number(v) if isinstance(v, float) else v for k, v in call.items()} for call in calls]
    for call in calls:
        torch.set_printoptions(**call)
    try:
        t = build(case)
        for op in case.get("ops", []):
            t = apply(t, op)
        text = repr(t)
        assert str(t) == text
    finally:
        torch.set_printoptions(profile="default", sci_mode=None)
    case["repr"] = text
    TENSORS.append(case)


def flat_range(n, scale=1.0, offset=0.0):
    return [i * scale + offset for i in range(n)]


def normal_values(seed, n, scale=1.0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(n, generator=g, dtype=torch.float64) * scale).tolist()


def shapes_section():
    # 0-d
    for v in [3.5, -2.0, 0.0, -0.0, 1e-5, 1e10, math.nan, math.inf, -math.inf, 0.1, 123456.789, 1e-45]:
        tensor_case(f"0d float32 {v}", [v], shape=[])
        tensor_case(f"0d float64 {v}", [v], dtype="float64", shape=[])
    for v in [0, 3, -7, 2**63 - 1, -2**63]:
        tensor_case(f"0d int64 {v}", [v], dtype="int64", shape=[])
    for v in [True, False]:
        tensor_case(f"0d bool {v}", [v], dtype="bool", shape=[])
    # empty in each position
    for shape in [[0], [0, 3], [3, 0], [2, 0, 4], [0, 0], [1, 0, 1], [2, 3, 0], [0, 2, 2, 2]]:
        for dtype in DTYPES:
            tensor_case(f"empty {shape} {dtype}", [], dtype=dtype, shape=shape)
    tensor_case("empty requires_grad", [], shape=[0], ops=[("requires_grad",)])
    tensor_case("empty 2-D float64 requires_grad", [], dtype="float64", shape=[2, 0], ops=[("requires_grad",)])
    # shapes of normal values
    seed = 1
    for shape in [[1], [2], [5], [8], [11], [12], [20], [40], [1, 1], [1, 8], [3, 4], [4, 3], [2, 2, 2], [2, 3, 4],
                  [3, 1, 2], [1, 1, 1, 1], [2, 2, 2, 2], [2, 1, 3, 2], [1, 2, 1, 2, 2], [2, 2, 1, 1, 2, 1],
                  [3, 12], [2, 3, 10], [16], [6, 16]]:
        n = math.prod(shape)
        for dtype in ["float32", "float64"]:
            seed += 1
            tensor_case(f"normal {shape} {dtype}", normal_values(seed, n), dtype=dtype, shape=shape)
        seed += 1
        ints = [int(round(x * 40)) for x in normal_values(seed, n)]
        tensor_case(f"ints {shape}", ints, dtype="int64", shape=shape)
        tensor_case(f"bools {shape}", [x > 0 for x in normal_values(seed + 1000, n)], dtype="bool", shape=shape)
        tensor_case(f"integral floats {shape}", [float(x) for x in ints], shape=shape)


def magnitudes_section():
    cases = {
        "tiny": [1e-5, 2e-6, -3e-7, 4.5e-5],
        "tiny positive": [1.5e-8, 2.5e-9],
        "huge": [1e9, -2.5e10, 3e12],
        "huge integral": [1e9, 2e9, 3e9],
        "max 1e8 integral": [1e8, 1e7, 5e6],
        "just above 1e8": [100000008.0, 1.0e7],
        "mixed": [1e-3, 1e3, 5.0],
        "ratio exactly 1000": [1.0, 1000.0],
        "ratio above 1000": [1.0, 1000.5],
        "ratio 1000 fraction": [0.5, 500.0],
        "ratio 1000 integral big": [1.0, 1001.0],
        "min 1e-4": [1e-4, 0.5],
        "min below 1e-4": [9.9e-5, 0.5],
        "negative": [-1.5, -2.25, -100.125],
        "all negative integral": [-1.0, -20.0, -300.0],
        "integral": [1.0, 2.0, 3.0, 10.0],
        "integral with zero": [0.0, 5.0, -3.0],
        "integral big": [12345678.0, -1.0],
        "nan inf mix": [1.5, math.nan, math.inf, -math.inf, 0.0],
        "integral nan inf": [1.0, math.nan, math.inf, -math.inf, 0.0, -0.0],
        "only nan": [math.nan, math.nan],
        "only inf": [math.inf, -math.inf],
        "zeros": [0.0, 0.0, 0.0],
        "negative zeros": [-0.0, 0.0, -0.0],
        "negative zero fraction": [-0.0, 0.5],
        "nan zero": [math.nan, 0.0],
        "rounding widen": [9.99995, 0.5],
        "rounding 0.99995": [0.99995, 0.1],
        "rounding half even": [0.00005, 0.5, 0.12345, 0.12355],
        "float32 limits": [3.4028234663852886e38, 1.1754943508222875e-38],
        "float32 subnormal": [1e-45, 1.0],
        "big and nan": [1e10, math.nan, 1.0],
        "small and inf": [1e-10, math.inf],
        "width from negative": [-1e-5, 1e-5],
        "sci exponent 3 digits": [1e-30, 1e30],
        "integral sci with nan": [1.0, 1e10, math.nan],
        "pi digits": [math.pi, -math.e, math.sqrt(2)],
        "0.1 family": [0.1, 0.2, 0.3, 0.7],
        "large fixed": [12345.6789, -9876.54321, 0.5],
        "seed logits": [-0.6512, 0.2615, 0.4667, 0.1221, 0.5225, 0.0916, -0.4690, 0.7660],
    }
    for name, values in cases.items():
        tensor_case(f"{name} float32", values)
        tensor_case(f"{name} float64", values, dtype="float64")
        tensor_case(f"{name} float32 2-D", values * 2, shape=[2, len(values)])
    f64 = {
        "float64 max": [1.7976931348623157e308, 1.0],
        "float64 min subnormal": [5e-324, 1.0],
        "float64 1e-4 exact": [1e-4, 0.5],
        "float64 many digits": [0.1 + 0.2, 1 / 3, 2 / 3],
        "float64 1e300": [1e300, -1e-300],
        "float64 integral huge": [1e15, 1.0],
        "float64 2^53": [9007199254740993.0, 1.0],
    }
    for name, values in f64.items():
        tensor_case(name, values, dtype="float64")
    ints = {
        "int64 extremes": [2**63 - 1, -2**63, 0],
        "int64 mixed widths": [1, -22, 333, -4444, 55555],
        "int64 zeros": [0, 0],
        "int64 negative": [-1, -2, -3],
    }
    for name, values in ints.items():
        tensor_case(name, values, dtype="int64")
        tensor_case(name + " 2-D", values * 2, dtype="int64", shape=[2, len(values)])
    tensor_case("bool all true", [True, True], dtype="bool")
    tensor_case("bool all false", [False, False], dtype="bool")
    tensor_case("bool 2-D mix", [True, False, False, True, True, False], dtype="bool", shape=[2, 3])


def lcg(count, shape, dtype="float32", seed=1, scale=2.0, offset=-1.0, modulus=1000, overrides=()):
    spec = {"count": count, "shape": shape, "dtype": dtype, "seed": seed, "scale": scale, "offset": offset}
    if dtype == "int64":
        spec["modulus"] = modulus
        spec["offset"] = int(offset)
    if overrides:
        spec["overrides"] = [[i, number(v)] for i, v in overrides]
    return spec


def sizes_section():
    # around the threshold: at or below it everything prints (two dtypes, small ints, to keep the file small)
    for shape in [[1000], [10, 10, 10], [4, 4, 4, 4, 4], [2] * 10, [3] * 7]:
        n = math.prod(shape)
        if len(shape) < 6:
            tensor_case(f"lcg {shape}", gen=lcg(n, shape, seed=n + len(shape)))
        tensor_case(f"lcg {shape} int64", gen=lcg(n, shape, dtype="int64", seed=n + 2, modulus=10, offset=-5))
    # above it, summarised
    for shape in [[1001], [10, 101], [10, 10, 11], [2, 501], [501, 2], [7, 143], [6, 167], [3, 334], [6, 6, 28],
                  [7, 7, 7, 3], [2, 3, 4, 43], [1, 1001], [1001, 1], [2000], [40, 40], [100, 100]]:
        n = math.prod(shape)
        seed = n + len(shape)
        tensor_case(f"lcg {shape}", gen=lcg(n, shape, seed=seed))
        if shape != [7, 7, 7, 3]:
            tensor_case(f"lcg {shape} float64", gen=lcg(n, shape, dtype="float64", seed=seed + 1, scale=20.0,
                                                         offset=-10.0))
        if n < 2000 and shape != [7, 7, 7, 3]:
            tensor_case(f"lcg {shape} int64", gen=lcg(n, shape, dtype="int64", seed=seed + 2, modulus=100000,
                                                       offset=-50000))
            tensor_case(f"lcg {shape} bool", gen=lcg(n, shape, dtype="bool", seed=seed + 3))
    # hidden values must not influence the formatter
    tensor_case("hidden huge in middle", gen=lcg(2000, [2000], seed=5, overrides=[(1000, 1e10)]))
    tensor_case("hidden tiny in middle", gen=lcg(2000, [2000], seed=6, overrides=[(1000, 1e-10)]))
    tensor_case("hidden fraction in middle of integers", gen=lcg(1100, [1100], seed=7, scale=0.0, offset=3.0,
                                                                 overrides=[(500, 0.5)]))
    tensor_case("hidden wide int in middle", gen=lcg(2000, [2000], dtype="int64", seed=8, modulus=10,
                                                     overrides=[(1000, -123456789)]))
    tensor_case("hidden nan row", gen=lcg(2000, [20, 100], seed=9, overrides=[(1050, math.nan)]))
    tensor_case("hidden row huge", gen=lcg(2000, [100, 20], seed=10, overrides=[(i, 1e12) for i in range(1000, 1020)]))
    tensor_case("summarised shown huge", gen=lcg(2000, [2000], seed=11, overrides=[(1, 1e10)]))
    tensor_case("summarised false nan edge", gen=lcg(2000, [2000], seed=12, overrides=[(0, math.nan), (1999, -math.inf)]))
    tensor_case("integral summarised", gen=lcg(1200, [1200], seed=13, scale=0.0, offset=7.0,
                                               overrides=[(0, -12.0), (1199, 300.0)]))
    # line width: rows that just fit or just wrap at 80 columns
    for n in [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 24, 25]:
        tensor_case(f"row of {n} fixed", flat_range(n, 0.5, -2.0))
        tensor_case(f"row of {n} integral", flat_range(n, 1.0, 0.0))
        tensor_case(f"row of {n} ints", [i * 7 for i in range(n)], dtype="int64")
        tensor_case(f"2-D rows of {n}", flat_range(2 * n, 0.25, -3.0), shape=[2, n])
        tensor_case(f"3-D rows of {n}", flat_range(2 * n, 0.25, -3.0), shape=[2, 1, n])
    tensor_case("row of 30 wide ints", [10**12 * (i + 1) for i in range(30)], dtype="int64")
    tensor_case("row of 5 max ints", [2**63 - 1] * 5, dtype="int64")
    tensor_case("row of 20 bools", [i % 3 == 0 for i in range(20)], dtype="bool")
    tensor_case("row of 30 sci", [10.0 ** (i - 15) for i in range(30)])
    tensor_case("randn 3x30", normal_values(0, 90), shape=[3, 30])
    tensor_case("non-contiguous transpose", flat_range(12, 0.5), shape=[3, 4], ops=[("t",)])
    tensor_case("non-contiguous permute", flat_range(24, 1.5), shape=[2, 3, 4], ops=[("permute", [2, 0, 1])])
    tensor_case("non-contiguous narrow", flat_range(24, 1.25), shape=[4, 6], ops=[("narrow", 1, 1, 3)])
    tensor_case("expanded", [1.5, 2.5], shape=[2, 1], ops=[("expand", [2, 3])])
    tensor_case("select to 0-d", [1.5, 2.5, 3.5], ops=[("select", 0, 1)])
    tensor_case("big transposed", gen=lcg(2000, [40, 50], seed=14), ops=[("t",)])
    tensor_case("big permuted", gen=lcg(3000, [10, 20, 15], seed=15), ops=[("permute", [1, 2, 0])])
    tensor_case("big expanded", gen=lcg(40, [40, 1], seed=16), ops=[("expand", [40, 30])])


def grad_section():
    base = [0.5, -1.25, 2.0, 3.75]
    tensor_case("requires_grad", base, ops=[("requires_grad",)])
    tensor_case("requires_grad 0-d", [2.5], shape=[], ops=[("requires_grad",)])
    tensor_case("requires_grad float64", base, dtype="float64", ops=[("requires_grad",)])
    tensor_case("parameter", base, ops=[("parameter",)])
    tensor_case("parameter 2-D", flat_range(6, 0.5), shape=[2, 3], ops=[("parameter",)])
    tensor_case("parameter float64", base, dtype="float64", ops=[("parameter",)])
    tensor_case("parameter 0-d", [1.0], shape=[], ops=[("parameter",)])
    tensor_case("parameter empty", [], shape=[0, 2], ops=[("parameter",)])
    tensor_case("parameter big", gen=lcg(1500, [30, 50], seed=17), ops=[("parameter",)])
    tensor_case("parameter no grad", base, ops=[("parameter",), ("detach",)])
    grad_ops = [("mul1",), ("add0",), ("neg",), ("relu",), ("abs",), ("clone",), ("view", [2, 2]), ("unsqueeze", 0),
                ("double",), ("cat", 0), ("stack", 0)]
    for op in grad_ops:
        tensor_case(f"grad_fn {op[0]}", base, ops=[("requires_grad",), op])
        tensor_case(f"grad_fn {op[0]} float64", base, dtype="float64", ops=[("requires_grad",), op])
    tensor_case("grad_fn t", flat_range(6, 0.5), shape=[2, 3], ops=[("requires_grad",), ("t",)])
    tensor_case("grad_fn mm", flat_range(6, 0.5), shape=[2, 3], ops=[("requires_grad",), ("mm_eye",)])
    tensor_case("grad_fn 0-d", [2.5], shape=[], ops=[("requires_grad",), ("mul1",)])
    tensor_case("grad_fn float to double 0-d", [2.5], shape=[], ops=[("requires_grad",), ("double",)])
    tensor_case("grad_fn select", base, ops=[("requires_grad",), ("select", 0, 2)])
    tensor_case("grad_fn narrow", base, ops=[("requires_grad",), ("narrow", 0, 1, 2)])
    tensor_case("grad_fn transpose", flat_range(6, 0.5), shape=[2, 3], ops=[("requires_grad",), ("transpose", 0, 1)])
    tensor_case("grad_fn expand", [1.5, 2.5], shape=[2, 1], ops=[("requires_grad",), ("expand", [2, 3])])
    tensor_case("grad_fn permute", flat_range(8, 0.5), shape=[2, 2, 2], ops=[("requires_grad",), ("permute", [2, 1, 0])])
    # suffixes that wrap: rows ending near the line width
    for n in [5, 6, 7, 8, 9, 10, 11, 12, 16]:
        values = normal_values(100 + n, n)
        tensor_case(f"wrap grad_fn row {n}", values, shape=[1, n], ops=[("requires_grad",), ("mm_eye",)])
        tensor_case(f"wrap grad_fn 1-D {n}", values, ops=[("requires_grad",), ("mul1",)])
        tensor_case(f"wrap requires_grad 1-D {n}", values, ops=[("requires_grad",)])
        tensor_case(f"wrap float64 grad_fn 1-D {n}", values, dtype="float64", ops=[("requires_grad",), ("mul1",)])
        tensor_case(f"wrap float64 requires_grad {n}", values, dtype="float64", ops=[("requires_grad",)])
    tensor_case("wrap grad_fn sci", [1e-5 * (i + 1) for i in range(7)], ops=[("requires_grad",), ("mul1",)])
    tensor_case("big with grad_fn", gen=lcg(2000, [40, 50], seed=18), ops=[("requires_grad",), ("mul1",)])
    tensor_case("big 1-D with grad_fn", gen=lcg(2000, [2000], seed=19), ops=[("requires_grad",), ("clone",)])


def options_section():
    values = [1.123456789, -22.5, 0.000123, 3.0]
    for precision in [0, 1, 2, 3, 6, 8, 10]:
        tensor_case(f"precision {precision}", values, options={"precision": precision})
        tensor_case(f"precision {precision} float64", values, dtype="float64", options={"precision": precision})
        tensor_case(f"precision {precision} fixed", [1.123456789, -22.5, 3.0], options={"precision": precision})
        tensor_case(f"precision {precision} integral", [1.0, -22.0], options={"precision": precision})
    for threshold in [0, 1, 5, 10, 100, math.inf]:
        tensor_case(f"threshold {threshold}", flat_range(24, 0.5), shape=[2, 12], options={"threshold": threshold})
        tensor_case(f"threshold {threshold} 0-d", [1.5], shape=[], options={"threshold": threshold})
        tensor_case(f"threshold {threshold} 1-D", flat_range(9, 1.0), dtype="int64",
                    options={"threshold": threshold})
    for edgeitems in [0, 1, 2, 4]:
        tensor_case(f"edgeitems {edgeitems}", gen=lcg(2000, [20, 100], seed=20), options={"edgeitems": edgeitems})
        tensor_case(f"edgeitems {edgeitems} 1-D", gen=lcg(2000, [2000], seed=21), options={"edgeitems": edgeitems})
        tensor_case(f"edgeitems {edgeitems} small", flat_range(6, 1.0), shape=[2, 3], options={"edgeitems": edgeitems})
        tensor_case(f"edgeitems {edgeitems} 3-D", gen=lcg(2000, [10, 10, 20], seed=22),
                    options={"edgeitems": edgeitems})
    tensor_case("edgeitems 0 0-d", [1.5], shape=[], options={"edgeitems": 0})
    tensor_case("edgeitems 0 threshold 0 0-d", [1.5], shape=[], options={"edgeitems": 0, "threshold": 0})
    tensor_case("edgeitems 0 grad", gen=lcg(2000, [2000], seed=23), ops=[("requires_grad",), ("mul1",)],
                options={"edgeitems": 0})
    tensor_case("edgeitems 0 float64", gen=lcg(2000, [2000], dtype="float64", seed=24), options={"edgeitems": 0})
    for linewidth in [1, 10, 20, 40, 60, 100, 120, 200]:
        tensor_case(f"linewidth {linewidth}", normal_values(linewidth, 24), shape=[2, 12],
                    options={"linewidth": linewidth})
        tensor_case(f"linewidth {linewidth} grad", normal_values(linewidth, 10), ops=[("requires_grad",), ("mul1",)],
                    options={"linewidth": linewidth})
        tensor_case(f"linewidth {linewidth} float64 grad", normal_values(linewidth, 3), dtype="float64",
                    ops=[("requires_grad",), ("mul1",)], options={"linewidth": linewidth})
    for sci_mode in [True, False]:
        for name, vals in [("fixed", [1.5, -2.25]), ("tiny", [1e-5, 1.0]), ("huge", [1e10, 1.0]),
                           ("integral", [1.0, 2.0]), ("integral huge", [1e10, 1.0]), ("zeros", [0.0, -0.0]),
                           ("nan only", [math.nan, math.inf]), ("nan mix", [1.5, math.nan]),
                           ("ints", [1, 2]), ("integral nan", [1.0, 20.0, math.nan]),
                           ("tiny nan", [1e-5, 1.5e-5, math.nan]), ("zero nan", [0.0, math.nan]),
                           ("huge inf", [-1e10, 1.0, math.inf]), ("rounds to zero", [0.5, -1e-6, math.nan])]:
            dtype = "int64" if name == "ints" else "float32"
            tensor_case(f"sci_mode {sci_mode} {name}", vals, dtype=dtype, options={"sci_mode": sci_mode})
    for profile in ["default", "short", "full", "bogus"]:
        tensor_case(f"profile {profile}", gen=lcg(1200, [40, 30], dtype="int64", seed=25, modulus=10),
                    options={"profile": profile})
        tensor_case(f"profile {profile} small", values, options={"profile": profile})
    tensor_case("profile short with precision", values, options={"profile": "short", "precision": 5})
    tensor_case("sequence: sci then precision resets sci", [1.5, 2.5],
                options=[{"sci_mode": True}, {"precision": 2}])
    tensor_case("sequence: short then linewidth", gen=lcg(2000, [40, 50], seed=26),
                options=[{"profile": "short"}, {"linewidth": 50}])
    tensor_case("sequence: full then threshold", gen=lcg(1200, [1200], seed=27),
                options=[{"profile": "full"}, {"threshold": 1100}])
    tensor_case("combined options", gen=lcg(600, [3, 200], seed=28),
                options={"precision": 2, "threshold": 100, "edgeitems": 2, "linewidth": 50, "sci_mode": True})


def fuzz_section():
    """Random shapes, dtypes, magnitudes, grad variants and print options, from a fixed seed."""
    import random
    rng = random.Random(4)
    for i in range(150):
        rank = rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4])
        shape = [rng.choice([1, 2, 3, 4, 5, 7, 9]) for _ in range(rank)]
        while math.prod(shape) > 80:
            shape[rng.randrange(rank)] = 1
        if rng.random() < 0.1 and rank > 0:
            shape[rng.randrange(rank)] = 0
        dtype = rng.choice(["float32", "float32", "float64", "int64", "bool"])
        n = math.prod(shape)
        scale = 10 ** rng.uniform(-9, 12)
        style = rng.randrange(4)
        values = []
        for _ in range(n):
            if dtype == "bool":
                values.append(rng.random() < 0.5)
            elif dtype == "int64":
                values.append(int(rng.gauss(0, 1) * scale) if abs(scale) < 1e18 else rng.randint(-2**62, 2**62))
            elif style == 0:
                values.append(float(round(rng.gauss(0, 1) * min(scale, 1e15))))
            elif style == 1:
                values.append(rng.choice([0.0, -0.0, math.nan, math.inf, -math.inf, rng.gauss(0, scale)]))
            else:
                values.append(rng.gauss(0, 1) * scale)
        # Seven significant digits keep the file small and still exercise every rounding path.
        values = [float(f"{v:.7g}") if isinstance(v, float) else v for v in values]
        options = {}
        if rng.random() < 0.5:
            options["precision"] = rng.randint(0, 8)
        if rng.random() < 0.3:
            options["threshold"] = rng.choice([0, 5, 20, 50])
        if rng.random() < 0.3:
            options["edgeitems"] = rng.randint(0, 4)
        if rng.random() < 0.4:
            options["linewidth"] = rng.randint(15, 130)
        if rng.random() < 0.3:
            options["sci_mode"] = rng.choice([True, False])
        ops = []
        if dtype in ("float32", "float64") and rng.random() < 0.4:
            ops = [("requires_grad",)] + ([rng.choice([("mul1",), ("clone",), ("neg",)])] if rng.random() < 0.7
                                          else [])
        elif dtype in ("float32", "float64") and rng.random() < 0.15:
            ops = [("parameter",)]
        tensor_case(f"fuzz {i}", values, dtype=dtype, shape=shape, ops=ops, options=options or None)


def seed_section():
    """The seed notebook's projection cell, run as written."""
    import torch.nn as nn
    import torch.nn.functional as F
    torch.manual_seed(0)
    vocab_size, d_model = 8, 16
    y_t_hat = torch.randn(1, d_model)
    E = nn.Linear(d_model, vocab_size, bias=False)
    logits = E(y_t_hat)
    probs = F.softmax(logits, dim=-1)
    torch.manual_seed(0)
    randn = repr(torch.randn(3, 30))
    return {"randn": randn, "logits": repr(logits), "probs": repr(probs), "weight": repr(E.weight), "input": repr(y_t_hat),
            "shape": str(logits.shape), "dtype": str(logits.dtype), "argmax": torch.argmax(probs, dim=-1).item()}


def main():
    if not torch.__version__.startswith("2.13"):
        raise SystemExit(f"fixtures come from PyTorch 2.13, this is {torch.__version__}")
    if sys.version_info[:2] != (3, 11):
        raise SystemExit(f"fixtures come from CPython 3.11, this is {sys.version}")
    shapes_section()
    magnitudes_section()
    sizes_section()
    grad_section()
    options_section()
    fuzz_section()
    import python_cases
    write("printing.json", {"tensors": TENSORS, "seed": seed_section()})
    write("printing_python.json", python_cases.cases())


def write(name, payload):
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        json.dump(payload, f, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")

if __name__ == "__main__":
    sys.path.insert(0, HERE)
    main()
