"""Fixtures for indexing: subscripts (get and set), index_put, gather/scatter, index_select/index_add, masked_select,
nonzero, one_hot, sort/argsort/msort, topk and take_along_dim, recorded from PyTorch 2.13 CPU.

Run with /work/torchenv/bin/python; writes indexing.json next to this file.
"""
import random
import warnings

import torch
import torch.nn.functional as F

from fixture_support import check_version, encode, write

warnings.filterwarnings("ignore")
check_version()
torch.manual_seed(0)
random.seed(0)
I = torch.tensor
L = torch.long


def weights(t):
    """The fixed, uneven weights the Swift side uses too: 0.5 + (i % 7) * 0.25."""
    return ((torch.arange(t.numel()) % 7) * 0.25 + 0.5).to(t.dtype).reshape(t.shape)


def error_of(e):
    return {"type": type(e).__name__, "message": str(e)}


class Input:
    """A tensor argument: `base` as stored, then `layout` applied ("t": transpose the last two dims, "step": every
    other element of the last dim, "expand": a size-1 first dim expanded to 40). Gradients are taken for `base`."""

    def __init__(self, base, layout=None, grad=False):
        self.base, self.layout, self.grad = base, layout, grad

    def make(self):
        leaf = self.base.clone().detach().requires_grad_(self.grad)
        return leaf, self.apply(leaf)

    def apply(self, t):
        if self.layout == "t":
            return t.transpose(-2, -1)
        if self.layout == "step":
            return t[..., ::2]
        if self.layout == "expand":
            return t.expand(40, *t.shape[1:])
        return t

    def spec(self):
        return {"t": encode(self.base), "layout": self.layout, "grad": self.grad}


def tin(values, dtype=None, layout=None, grad=False):
    t = values if isinstance(values, torch.Tensor) else torch.tensor(values, dtype=dtype)
    if dtype is not None:
        t = t.to(dtype)
    return Input(t, layout, grad)


def rand(*shape, dtype=torch.float64, grad=True, layout=None):
    return Input(torch.randn(*shape, dtype=dtype), layout, grad)


def arange(*shape, dtype=torch.float64, grad=True, layout=None):
    n = 1
    for s in shape:
        n *= s
    return Input(torch.arange(n, dtype=dtype).reshape(shape), layout, grad)


# ---------------------------------------------------------------------------------------------------------------
# Subscripts.

def index_spec(i):
    if isinstance(i, bool):
        return {"bool": i}
    if isinstance(i, int):
        return {"int": i}
    if isinstance(i, slice):
        return {"slice": [i.start, i.stop, i.step]}
    if i is None:
        return {"none": True}
    if i is Ellipsis:
        return {"ellipsis": True}
    if isinstance(i, torch.Tensor):
        return {"tensor": encode(i)}
    raise TypeError(i)


def as_tensors(index):
    """Python lists as the interpreter will pass them: already converted to tensors."""
    if isinstance(index, list):
        return torch.tensor(index)
    if isinstance(index, tuple):
        return tuple(as_tensors(i) for i in index)
    return index


def subscript_spec(index):
    if isinstance(index, tuple):
        return {"tuple": True, "items": [index_spec(i) for i in index]}
    return {"tuple": False, "items": [index_spec(index)]}


GETITEM = []


def getitem(name, inp, index):
    case = {"name": name, "input": inp.spec(), "index": subscript_spec(index)}
    leaf, x = inp.make()
    try:
        out = x[index]
    except Exception as e:  # noqa: BLE001
        case["error"] = error_of(e)
        GETITEM.append(case)
        return
    case["out"] = encode(out)
    case["grad_fn"] = out.grad_fn.name() if out.grad_fn is not None else None
    case["is_view"] = out._base is not None
    if inp.grad:
        (out * weights(out)).sum().backward()
        case["grad"] = encode(leaf.grad) if leaf.grad is not None else None
    GETITEM.append(case)


def getitem_cases():
    x2 = arange(3, 4, dtype=torch.float32)
    x3 = rand(2, 3, 4)
    mask3 = I([True, False, True])
    singles = [0, -1, 2, 7, -4, slice(1, 3), slice(None), slice(None, None, 2), slice(10, None), slice(-100, 100),
               slice(None, None, -1), slice(None, None, 0), slice(-1, None), slice(1, -1), slice(3, 1), None,
               Ellipsis, True, False, I([0, 2]), I([[0, 1], [2, 0]]), I(1), I(-1), I(5), I(True), I(False), mask3,
               torch.ones(3, 4, dtype=torch.bool), I([True, False]), I([0.0, 1.0]), I(1.0), I([0, 5]), I([-3, -1]),
               I([], dtype=L), I([]), torch.zeros(3, 4, dtype=torch.bool)]
    for i, index in enumerate(singles):
        getitem(f"single {i}", x2, index)
    tuples = [(0,), (slice(None),), (slice(0, 100),), (None,), (Ellipsis,), (True,), (False,), (), (0, 1), (0, 7),
              (slice(1, 3), 0), (None, 0), (0, None), (Ellipsis, 0), (Ellipsis, None), (1, Ellipsis, None),
              (slice(None), slice(None)), (slice(0, 100), slice(None)), (slice(None), slice(1, None)),
              (0, 0, 0), (Ellipsis, 0, Ellipsis), (None, 7), (Ellipsis, 7), (slice(None), -5),
              (slice(None, None, 2), slice(1, None, 2)), (mask3, 1), (mask3, I([0, 2])), (I([[0], [2]]), I([1, 3])),
              (slice(None), I([1, 3])), (I([0, 7]), I([9, 1])), (I([1, 7]), I([1, 9])), (I(True), 0), (0, I(False)),
              (I(1), 0), (None, I([0, 2]), None), (True, I([0, 2])), (I([0, 2]), True), (slice(None), False, I([0])),
              (slice(None), torch.ones(4, dtype=torch.bool)), (torch.ones(3, 4, dtype=torch.bool),),
              (torch.ones(3, 4, 1, dtype=torch.bool),), (slice(None), I([True, False])),
              (I([0, 1]), I([0, 1, 2])), (Ellipsis, I([[0, 3]])), (I([-1]), Ellipsis)]
    for i, index in enumerate(tuples):
        getitem(f"tuple2d {i}", x2, index)
    tuples3 = [(I([0, 1]), I([0, 2])), (I([0, 1]), slice(None), I([1, 2])), (slice(None), I([0, 1]), I([1, 2])),
               (1, I([0, 2])), (I([0, 1]), 0, I([1, 2])), (None, I([0, 1]), slice(None), 0),
               (I([0, 1]), None, I([1, 2])), (I([0, 1]), Ellipsis, I([1, 2])), (slice(1, None), I([0, 1]), I([[0], [1]])),
               (I([0, 1]), slice(None), I([[0], [1]])), (torch.ones(2, 3, dtype=torch.bool),),
               (torch.ones(2, 2, dtype=torch.bool),), (slice(None), torch.ones(3, 3, dtype=torch.bool)),
               (0, torch.ones(3, 4, 1, dtype=torch.bool)), (Ellipsis, Ellipsis, I([0])), (Ellipsis, Ellipsis, 0),
               (0, Ellipsis, Ellipsis), (I([0, 1]), I([0, 1]), I([0, 1]), I([0, 1])), (slice(None), slice(None), I([0, 5])),
               (I([0, 1]), slice(None), I([0, 5])), (I([[1, 0], [0, 1]]), slice(None), 2),
               (I([True, False]), slice(None), I([3, 0])), (Ellipsis, I([0, 2]), slice(None, 1))]
    for i, index in enumerate(tuples3):
        getitem(f"tuple3d {i}", x3, index)
    # Non-contiguous inputs.
    xt = rand(4, 3, layout="t")
    for i, index in enumerate([0, (slice(None), 1), (I([0, 2]),), (slice(None), I([2, 0])), (slice(1, None), None),
                               (torch.rand(3, 4) > 0.5,), (I([[0, 1]]), I([[1], [2]]))]):
        getitem(f"transposed {i}", xt, index)
    xs = rand(3, 8, layout="step")
    for i, index in enumerate([(slice(None), I([0, 3])), (1, slice(1, 3)), (I([2, 0]), 1)]):
        getitem(f"stepped {i}", xs, index)
    # Other dtypes.
    xi = tin([[1, 2, 3], [4, 5, 6]], L)
    xb = tin([[True, False, True], [False, False, True]])
    for i, index in enumerate([(0,), (slice(None), I([2, 0])), (I([1, 0]), 1), (I([[True, False, True]] * 2),)]):
        getitem(f"int64 {i}", xi, index)
        getitem(f"bool {i}", xb, index)
    # Zero-dimensional and empty inputs.
    s = tin(3.5, torch.float64, grad=True)
    for i, index in enumerate([0, 1, None, Ellipsis, (), slice(None), True, False, I(0), I([0]), I(True), (0,),
                               (slice(None),), (None, None), (None, 0), (Ellipsis,), (True,)]):
        getitem(f"scalar {i}", s, index)
    z = tin(torch.zeros(0, 3))
    for i, index in enumerate([(slice(None), I([2])), (I([0]),), 0, (slice(None), 1), I([], dtype=L)]):
        getitem(f"empty {i}", z, index)


# ---------------------------------------------------------------------------------------------------------------
# Assignments.

SETITEM = []


def value_spec(v):
    if isinstance(v, Input):
        return {"tensor": v.spec()}
    kind = "bool" if isinstance(v, bool) else ("int" if isinstance(v, int) else "float")
    return {"number": v, "kind": kind}


def setitem(name, inp, index, value, through_mul=True):
    """`x[index] = value` where x = layout(leaf * 1) (or a clone when nothing needs grad, or the leaf itself when
    `through_mul` is false); records x afterwards and the gradients of sum(x * w) for the leaf and the value."""
    index = as_tensors(index)
    case = {"name": name, "input": inp.spec(), "index": subscript_spec(index), "value": value_spec(value),
            "through_mul": through_mul}
    leaf = inp.base.clone().detach().requires_grad_(inp.grad)
    if through_mul:
        x = inp.apply(leaf * 1 if inp.grad else leaf.clone())
    else:
        x = inp.apply(leaf)
    if isinstance(value, Input):
        vleaf, v = value.make()
    else:
        vleaf, v = None, value
    try:
        x[index] = v
    except Exception as e:  # noqa: BLE001
        case["error"] = error_of(e)
        SETITEM.append(case)
        return
    case["out"] = encode(x)
    case["grad_fn"] = x.grad_fn.name() if x.grad_fn is not None else None
    if x.requires_grad:
        (x * weights(x)).sum().backward()
        case["grad"] = encode(leaf.grad) if inp.grad and leaf.grad is not None else None
        case["value_grad"] = encode(vleaf.grad) if vleaf is not None and vleaf.grad is not None else None
    SETITEM.append(case)


def setitem_cases():
    x = arange(3, 4)
    t = lambda v, dtype=torch.float64, grad=True: tin(v, dtype, grad=grad)  # noqa: E731
    cases = [
        (0, 5), (0, 5.5), (0, True), (0, t(5.0)), (0, t([1.0, 2, 3, 4])), (0, t([[1.0, 2, 3, 4]])),
        (0, t([[[1.0, 2, 3, 4]]])), (0, t([1.0, 2])), (0, t([[1.0], [2]])), (0, t([[1.0, 2, 3, 4]] * 2)),
        (Ellipsis, t([1.0, 2, 3, 4])), (Ellipsis, 5), (Ellipsis, t(2.0)), (slice(None), 5),
        (slice(None), t([1.0, 2, 3, 4])), (slice(1, 3), t([[1.0, 2, 3, 4], [5, 6, 7, 8]])), (slice(1, None), 7),
        (None, 5), (True, 5), (False, 5), (False, t([1.0, 2])), ((False,), t([1.0, 2])), ((0, 1), 5),
        ((0, 1), t(9.0)), ((slice(None), 1), t([1.0, 2, 3])), ((Ellipsis, 0), t([[1.0, 2, 3]])),
        ([0, 2], 5), ([0, 2], t([1.0, 2, 3, 4])), ([0, 2], t([[0.0, 1, 2, 3], [4, 5, 6, 7]])),
        ([0, 2], t([[[0.0, 1, 2, 3], [4, 5, 6, 7]]])), ([0, 2], t([1.0, 2, 3])), ([0, 2], t([[1.0, 2, 3]])),
        ([0, 0], t([[0.0, 1, 2, 3], [4, 5, 6, 7]])), (I([True, False, True]), 5),
        (I([[True, False, True, False]] * 3), t([0.0, 1, 2, 3, 4, 5])), (I([[True, False, True, False]] * 3), t([1.0] * 5)),
        (I([True, False]), 5), (I([True, False]), t([1.0, 2])), ((slice(None), I([1, 3])), t([[0.0, 1], [2, 3], [4, 5]])),
        ((0, I([1, 3])), t([7.0, 8])), ((slice(1, None), I([0, 1])), t([[1.0], [2]])), (7, 5), ((0, 9), 5),
        (0, t([1, 2, 3, 4], L, False)), ([0], t([1, 2, 3, 4], L, False)), ([0], t([1.0, 2, 3, 4], torch.float32, False)),
        (I([True, False, False]), t(2.5, torch.float32, True)), (I([True, False, False]), t([[2.5]], torch.float64, True)),
        ([0], t(2.5, torch.float32, False)), (I([0, 5]), 1.0), (I([[0], [1]]), t([[1.0, 2, 3, 4]])),
        (I(1), 5), (I(True), 5), ((I([0, 1]), I([1, 2])), t([10.0, 20])), ((I([0, 1]), I([0, 1, 2])), 1),
        ((0, 0, 0), 1), (I([1.0]), 1), (I(True), t([1.0, 2, 3, 4])), (I([0, 7]), t([1.0, 2, 3])),
    ]
    for i, (index, value) in enumerate(cases):
        setitem(f"set {i}", x, index, value)
    x3 = rand(2, 3, 4)
    for i, (index, value) in enumerate([
            ((I([0, 1]), slice(None), I([0, 1])), t([[0.0, 1, 2], [3, 4, 5]])),
            ((slice(None), I([0, 2]), I([1, 3])), t(4.0)), ((1, Ellipsis, I([0, 3])), t([1.0, 2])),
            ((torch.ones(2, 3, dtype=torch.bool),), t([1.0, 2, 3, 4]))]):
        setitem(f"set3d {i}", x3, index, value)
    # Targets of other dtypes, with numbers converted to the target's dtype.
    xi = tin([[1, 2], [3, 4]], L)
    for i, (index, value) in enumerate([(0, 2.7), ([1], -1), (1, True), ((0, 1), t(7.9, grad=False)),
                                        (I([True, False]), 3.9)]):
        setitem(f"set int64 {i}", xi, index, value)
    xb = tin([[True, False], [False, False]])
    for i, (index, value) in enumerate([(0, True), ([1], 1), (1, 0.0), ((0, 1), 2.5)]):
        setitem(f"set bool {i}", xb, index, value)
    # Writes through a transposed view of the target.
    xt = arange(4, 3, layout="t")
    for i, (index, value) in enumerate([(0, t([1.0, 2, 3, 4])), ((slice(None), 1), 5), ([0, 2], 6.0)]):
        setitem(f"set transposed {i}", xt, index, value)
    # Leaves that require grad refuse in-place writes.
    for i, index in enumerate([0, [0], Ellipsis]):
        setitem(f"set leaf {i}", arange(3, 4), index, 1.0, through_mul=False)


def overlap_case():
    y = torch.arange(6.0)
    case = {"name": "index_put_ overlap"}
    try:
        y[[1, 2, 3]] = y[0:3]
    except Exception as e:  # noqa: BLE001
        case["error"] = error_of(e)
    return case


# ---------------------------------------------------------------------------------------------------------------
# Operations.

OPS = []


def op_case(name, op, inputs, params, fn, fd=True):
    """Runs `fn(*tensors, **params)` and records outputs, grad_fn names, gradients of sum(out0 * w) for the inputs
    that require grad, and errors."""
    encoded = {k: ({"float": v} if isinstance(v, float) else v) for k, v in params.items()}
    case = {"name": name, "op": op, "inputs": [i.spec() for i in inputs], "params": encoded, "fd": fd}
    made = [i.make() for i in inputs]
    try:
        result = fn(*[x for _, x in made], **params)
    except Exception as e:  # noqa: BLE001
        case["error"] = error_of(e)
        OPS.append(case)
        return
    outputs = list(result) if isinstance(result, (tuple, list)) else [result]
    case["outputs"] = [encode(o) for o in outputs]
    case["grad_fns"] = [o.grad_fn.name() if o.grad_fn is not None else None for o in outputs]
    if any(i.grad for i in inputs) and outputs[0].requires_grad:
        try:
            (outputs[0] * weights(outputs[0])).sum().backward()
            case["grads"] = [encode(leaf.grad) if i.grad and leaf.grad is not None else None
                             for i, (leaf, _) in zip(inputs, made)]
        except Exception as e:  # noqa: BLE001
            case["backward_error"] = error_of(e)
    OPS.append(case)


def gather_cases():
    x = rand(3, 4)
    idx = tin([[0, 1], [2, 3], [1, 1]], L)
    op_case("gather dim1", "gather", [x, idx], {"dim": 1}, lambda a, i, dim: a.gather(dim, i))
    op_case("gather dim0", "gather", [x, tin([[2, 0, 1, 1], [0, 0, 0, 2]], L)], {"dim": 0},
            lambda a, i, dim: a.gather(dim, i))
    op_case("gather dim-1 wide", "gather", [x, tin([[0, 1, 2, 3, 0]], L)], {"dim": -1}, lambda a, i, dim: a.gather(dim, i))
    op_case("gather f32", "gather", [rand(3, 4, dtype=torch.float32), idx], {"dim": 1}, lambda a, i, dim: a.gather(dim, i))
    op_case("gather transposed", "gather", [rand(4, 3, layout="t"), tin([[3, 0], [1, 1]], L, layout="t")], {"dim": 1},
            lambda a, i, dim: a.gather(dim, i))
    op_case("gather 3d", "gather", [rand(2, 3, 4), tin(torch.randint(0, 3, (2, 2, 3)), L)], {"dim": 1},
            lambda a, i, dim: a.gather(dim, i))
    op_case("gather int64", "gather", [tin([[1, 2], [3, 4]], L), tin([[1, 1], [0, 1]], L)], {"dim": 1},
            lambda a, i, dim: a.gather(dim, i))
    op_case("gather bool", "gather", [tin([True, False]), tin([1, 1, 0], L)], {"dim": 0}, lambda a, i, dim: a.gather(dim, i))
    op_case("gather 0d", "gather", [tin(5.0, torch.float64, grad=True), tin(0, L)], {"dim": 0},
            lambda a, i, dim: a.gather(dim, i))
    op_case("gather 0d self 1d idx", "gather", [tin(5.0, torch.float64, grad=True), tin([0, 0], L)], {"dim": 0},
            lambda a, i, dim: a.gather(dim, i))
    op_case("gather 1d self 0d idx", "gather", [tin([5.0, 6.0], torch.float64, grad=True), tin(1, L)], {"dim": 0},
            lambda a, i, dim: a.gather(dim, i))
    op_case("gather empty idx", "gather", [x, tin(torch.zeros(5, 0, dtype=L))], {"dim": 1}, lambda a, i, dim: a.gather(dim, i))
    op_case("gather empty float idx", "gather", [x, tin(torch.zeros(0))], {"dim": 1}, lambda a, i, dim: a.gather(dim, i))
    for name, index, dim in [("oob", [[0, 5]], 1), ("negative", [[0, -1]], 1), ("rank", [0, 1], 1),
                             ("shape", [[0]] * 4, 1), ("float", [[0.0]], 1), ("dim", [[0]], 2), ("oob dim0", [[0, 1, 5], [7, 0, 0]], 0)]:
        index_t = tin(index, torch.float32 if name == "float" else L)
        op_case(f"gather error {name}", "gather", [x, index_t], {"dim": dim}, lambda a, i, dim: a.gather(dim, i))


def scatter_cases():
    x = rand(3, 4)
    idx = tin([[0, 1], [2, 3], [1, 2]], L)
    src = rand(3, 2)
    scatter = lambda a, i, s, dim, reduce=None: a.scatter(dim, i, s) if reduce is None else a.scatter(dim, i, s, reduce=reduce)  # noqa: E731
    op_case("scatter src", "scatter", [x, idx, src], {"dim": 1}, scatter)
    op_case("scatter src dim0", "scatter", [x, tin([[2, 0, 1, 1]], L), rand(1, 4)], {"dim": 0}, scatter)
    op_case("scatter src duplicates", "scatter", [x, tin([[0, 0]], L), rand(1, 2)], {"dim": 1}, scatter, fd=False)
    op_case("scatter duplicates order", "scatter", [tin(torch.zeros(2, 3)), tin([[0, 1, 0], [0, 1, 0]], L),
                                                    tin(torch.arange(6.0).reshape(2, 3))], {"dim": 0}, scatter)
    op_case("scatter src bigger", "scatter", [x, tin([[0, 1]], L), rand(3, 2)], {"dim": 1}, scatter)
    op_case("scatter src reduce add", "scatter", [x, tin([[0, 0], [1, 1]], L), rand(2, 2)], {"dim": 1, "reduce": "add"},
            scatter)
    op_case("scatter src reduce multiply", "scatter", [tin(torch.ones(3, 4)), tin([[0, 0]], L), tin([[3.0, 2.0]])],
            {"dim": 1, "reduce": "multiply"}, scatter)
    op_case("scatter transposed", "scatter", [rand(4, 3, layout="t"), idx, src], {"dim": 1}, scatter)
    op_case("scatter int64", "scatter", [tin(torch.zeros(3, dtype=L)), tin([0, 0], L), tin([1, 2], L)], {"dim": 0}, scatter)
    op_case("scatter bool add", "scatter", [tin([False, False, True]), tin([0, 0], L), tin([True, False])],
            {"dim": 0, "reduce": "add"}, scatter)
    op_case("scatter 0d", "scatter", [tin(1.0, torch.float64, grad=True), tin(0, L), tin(5.0, torch.float64, grad=True)],
            {"dim": 0}, scatter)
    op_case("scatter empty idx", "scatter", [x, tin(torch.zeros(0, dtype=L)), rand(2)], {"dim": 1}, scatter)
    for name, args, dim in [
            ("oob", [x, tin([[0, 5]], L), rand(1, 2)], 1), ("negative", [x, tin([[0, -1]], L), rand(1, 2)], 1),
            ("src small", [x, tin([[0, 1, 2]], L), rand(1, 2)], 1), ("index big", [x, tin([[0]] * 4, L), rand(4, 1)], 1),
            ("rank", [x, tin([0], L), rand(1)], 1), ("src rank", [x, tin([[0]], L), rand(1)], 1),
            ("src rank big", [x, tin([[0]], L), rand(1, 1, 1)], 1),
            ("dtype", [x, tin([[0]], L), rand(1, 1, dtype=torch.float32)], 1), ("float idx", [x, tin([[0.0]]), rand(1, 1)], 1),
            ("dim", [x, tin([[0]], L), rand(1, 1)], 2)]:
        op_case(f"scatter error {name}", "scatter", args, {"dim": dim}, scatter)
    op_case("scatter error reduce", "scatter", [x, idx, src], {"dim": 1, "reduce": "mean"}, scatter)

    scatter_value = lambda a, i, dim, value, reduce=None: a.scatter(dim, i, value) if reduce is None else a.scatter(dim, i, value, reduce=reduce)  # noqa: E731
    op_case("scatter value", "scatter_value", [x, idx], {"dim": 1, "value": 2.5}, scatter_value)
    op_case("scatter value int", "scatter_value", [x, idx], {"dim": 1, "value": 2}, scatter_value)
    op_case("scatter value into int64", "scatter_value", [tin([[1, 2], [3, 4]], L), tin([[1], [0]], L)],
            {"dim": 1, "value": 2.7}, scatter_value)
    op_case("scatter value reduce", "scatter_value", [x, tin([[0, 0]], L)], {"dim": 1, "value": 2.0, "reduce": "add"},
            scatter_value)
    op_case("scatter value reduce multiply", "scatter_value", [x, tin([[0, 0]], L)],
            {"dim": 1, "value": 2.0, "reduce": "multiply"}, scatter_value)
    op_case("scatter value error oob", "scatter_value", [x, tin([[4]], L)], {"dim": 1, "value": 1.0}, scatter_value)
    op_case("scatter value error reduce", "scatter_value", [x, idx], {"dim": 1, "value": 1.0, "reduce": "sum"},
            scatter_value)

    scatter_inplace = lambda a, i, s, dim: a.clone().scatter_(dim, i, s)  # noqa: E731
    op_case("scatter_ src", "scatter_", [x, idx, src], {"dim": 1}, scatter_inplace)
    op_case("scatter_ value", "scatter_value_", [x, idx], {"dim": 0 - 1, "value": -1.0},
            lambda a, i, dim, value: a.clone().scatter_(dim, i, value))
    op_case("scatter_ leaf", "scatter_leaf", [x, idx, src], {"dim": 1}, lambda a, i, s, dim: a.scatter_(dim, i, s))

    scatter_add = lambda a, i, s, dim: a.scatter_add(dim, i, s)  # noqa: E731
    op_case("scatter_add", "scatter_add", [x, tin([[0, 0], [1, 1], [3, 3]], L), src], {"dim": 1}, scatter_add)
    op_case("scatter_add dim0", "scatter_add", [x, tin([[0, 0, 2, 2], [0, 1, 2, 2]], L), rand(2, 4)], {"dim": 0}, scatter_add)
    op_case("scatter_add f32", "scatter_add", [rand(3, 4, dtype=torch.float32), tin([[0, 0], [1, 1]], L),
                                                rand(2, 2, dtype=torch.float32)], {"dim": 1}, scatter_add)
    op_case("scatter_add src bigger", "scatter_add", [x, tin([[0, 1]], L), rand(3, 2)], {"dim": 1}, scatter_add)
    op_case("scatter_add int64", "scatter_add", [tin([0, 0, 0], L), tin([0, 0, 2], L), tin([1, 2, 3], L)], {"dim": 0},
            scatter_add)
    op_case("scatter_add bool", "scatter_add", [tin([False, False, False]), tin([0, 0], L), tin([True, False])],
            {"dim": 0}, scatter_add)
    op_case("scatter_add 0d", "scatter_add", [tin(1.0, torch.float64, grad=True), tin([0, 0], L),
                                              tin([5.0, 6.0], torch.float64, grad=True)], {"dim": 0}, scatter_add)
    op_case("scatter_add error oob", "scatter_add", [x, tin([[0, 5]], L), rand(1, 2)], {"dim": 1}, scatter_add)
    op_case("scatter_add error dtype", "scatter_add", [x, tin([[0]], L), rand(1, 1, dtype=torch.float32)], {"dim": 1},
            scatter_add)
    op_case("scatter_add_", "scatter_add_", [x, tin([[0, 0], [1, 1]], L), rand(2, 2)], {"dim": 1},
            lambda a, i, s, dim: a.clone().scatter_add_(dim, i, s))


def index_select_cases():
    x = rand(3, 4)
    sel = lambda a, i, dim: a.index_select(dim, i)  # noqa: E731
    op_case("index_select dim1", "index_select", [x, tin([0, 3, 0], L)], {"dim": 1}, sel)
    op_case("index_select dim0", "index_select", [x, tin([2, 2, 0, 1], L)], {"dim": 0}, sel)
    op_case("index_select dim-1", "index_select", [rand(2, 3, 4), tin([3, 1], L)], {"dim": -1}, sel)
    op_case("index_select 3d dim1", "index_select", [rand(2, 3, 4), tin([2, 0], L)], {"dim": 1}, sel)
    op_case("index_select transposed", "index_select", [rand(4, 3, layout="t"), tin([1, 0], L)], {"dim": 0}, sel)
    op_case("index_select f32", "index_select", [rand(3, 4, dtype=torch.float32), tin([1], L)], {"dim": 1}, sel)
    op_case("index_select 0d idx", "index_select", [x, tin(2, L)], {"dim": 1}, sel)
    op_case("index_select 0d self", "index_select", [tin(5.0, torch.float64, grad=True), tin([0], L)], {"dim": 0}, sel)
    op_case("index_select 0d self 0d idx", "index_select", [tin(5.0, torch.float64, grad=True), tin(0, L)], {"dim": 0}, sel)
    op_case("index_select int64", "index_select", [tin([[1, 2], [3, 4]], L), tin([1, 1, 0], L)], {"dim": 0}, sel)
    op_case("index_select bool", "index_select", [tin([[True, False], [False, False]]), tin([1, 0], L)], {"dim": 1}, sel)
    op_case("index_select empty idx", "index_select", [x, tin(torch.zeros(0, dtype=L))], {"dim": 1}, sel)
    for name, args, dim in [
            ("2d idx", [x, tin([[0]], L)], 1), ("float idx", [x, tin([0.0])], 1), ("oob dim1", [x, tin([0, 4], L)], 1),
            ("negative dim1", [x, tin([-1], L)], 1), ("oob dim0", [x, tin([0, 3], L)], 0),
            ("oob transposed", [rand(4, 3, layout="t"), tin([4], L)], 0), ("oob 1d", [rand(5), tin([7], L)], 0),
            ("0d self 2 idx", [tin(5.0, torch.float64), tin([0, 0], L)], 0), ("0d self oob", [tin(5.0, torch.float64), tin([1], L)], 0),
            ("empty axis", [tin(torch.zeros(0, 3)), tin([1], L)], 0), ("dim", [x, tin([0], L)], 2)]:
        op_case(f"index_select error {name}", "index_select", args, {"dim": dim}, sel)

    add = lambda a, i, s, dim, alpha=1: a.index_add(dim, i, s, alpha=alpha)  # noqa: E731
    op_case("index_add dim1", "index_add", [x, tin([0, 0], L), rand(3, 2)], {"dim": 1}, add)
    op_case("index_add dim0 alpha", "index_add", [x, tin([2, 0, 2], L), rand(3, 4)], {"dim": 0, "alpha": 0.5}, add)
    op_case("index_add f32", "index_add", [rand(3, 4, dtype=torch.float32), tin([3, 1], L), rand(3, 2, dtype=torch.float32)],
            {"dim": -1}, add)
    op_case("index_add 1d", "index_add", [rand(5), tin([4, 0, 4], L), rand(3)], {"dim": 0, "alpha": 2}, add)
    op_case("index_add int alpha", "index_add", [tin([0, 0, 0], L), tin([0, 1], L), tin([3, 5], L)], {"dim": 0, "alpha": 2.5},
            add)
    op_case("index_add bool", "index_add", [tin([False, False]), tin([0], L), tin([True])], {"dim": 0, "alpha": 0}, add)
    op_case("index_add 0d idx", "index_add", [rand(3, 2), tin(1, L), rand(1, 2)], {"dim": 0}, add)
    op_case("index_add 0d self", "index_add", [tin(1.0, torch.float64, grad=True), tin([0], L),
                                               tin(5.0, torch.float64, grad=True)], {"dim": 0}, add)
    op_case("index_add 1d src into 1d", "index_add", [rand(3), tin([1], L), rand(1)], {"dim": 0}, add)
    op_case("index_add transposed", "index_add", [rand(4, 3, layout="t"), tin([1, 1], L), rand(2, 4)], {"dim": 0}, add)
    for name, args, dim in [
            ("vector", [x, tin([[0]], L), rand(3, 1)], 1), ("float idx", [x, tin([0.0]), rand(3, 1)], 1),
            ("dtype", [x, tin([0], L), rand(3, 1, dtype=torch.float32)], 1), ("source rank", [x, tin([0], L), rand(3)], 1),
            ("count", [x, tin([0, 0], L), rand(3, 3)], 1), ("shape", [x, tin([0], L), rand(2, 1)], 1),
            ("0d src", [rand(3), tin([1], L), tin(5.0, torch.float64)], 0), ("oob", [x, tin([0, 9], L), rand(3, 2)], 1),
            ("negative", [x, tin([-1], L), rand(3, 1)], 1), ("oob 1d", [rand(3), tin([3], L), rand(1)], 0),
            ("0d self 2 idx", [tin(0.0, torch.float64), tin([0, 0], L), tin(5.0, torch.float64)], 0)]:
        op_case(f"index_add error {name}", "index_add", args, {"dim": dim}, add)
    # Only alpha 1 on tensors of rank 2 and more takes the kernel that names the dimension.
    op_case("index_add error oob alpha", "index_add", [x, tin([0, 9], L), rand(3, 2)], {"dim": 1, "alpha": 0.5}, add)
    op_case("index_add error oob float one", "index_add", [x, tin([9], L), rand(3, 1)], {"dim": 1, "alpha": 1.0}, add)
    op_case("index_add bool 2d", "index_add", [tin([[False, True], [False, False]]), tin([1], L), tin([[True, True]])],
            {"dim": 0, "alpha": 0}, add)
    op_case("index_add_", "index_add_", [x, tin([0, 0], L), rand(3, 2)], {"dim": 1, "alpha": -1.5},
            lambda a, i, s, dim, alpha: a.clone().index_add_(dim, i, s, alpha=alpha))


def mask_cases():
    x = rand(3, 4)
    ms = lambda a, m: a.masked_select(m)  # noqa: E731
    op_case("masked_select", "masked_select", [x, tin(torch.rand(3, 4) > 0.4)], {}, ms)
    op_case("masked_select bcast mask", "masked_select", [x, tin([True, False, True, False])], {}, ms)
    op_case("masked_select bcast self", "masked_select", [rand(2), tin([[True, False], [True, True]])], {}, ms)
    op_case("masked_select transposed", "masked_select", [rand(4, 3, layout="t"), tin(torch.rand(3, 4) > 0.5)], {}, ms)
    op_case("masked_select f32", "masked_select", [rand(3, 4, dtype=torch.float32), tin(torch.rand(4, 3) > 0.5, layout="t")],
            {}, ms)
    op_case("masked_select 0d", "masked_select", [tin(5.0, torch.float64, grad=True), tin(True)], {}, ms)
    op_case("masked_select none", "masked_select", [x, tin(torch.zeros(3, 4, dtype=torch.bool))], {}, ms)
    op_case("masked_select int64", "masked_select", [tin([[1, 2], [3, 4]], L), tin([False, True])], {}, ms)
    op_case("masked_select bool", "masked_select", [tin([True, False, True]), tin([True, True, False])], {}, ms)
    op_case("masked_select error float mask", "masked_select", [x, rand(3, 4, grad=False)], {}, ms)
    op_case("masked_select error shape", "masked_select", [x, tin([True, False])], {}, ms)

    nz = lambda a: a.nonzero()  # noqa: E731
    nzt = lambda a: a.nonzero(as_tuple=True)  # noqa: E731
    for name, inp in [("float", tin([[0.0, 1.5, float("nan")], [-0.0, 0.0, -2.0]])), ("int64", tin([[0, 2], [3, 0]], L)),
                      ("bool", tin([True, False, True])), ("0d", tin(5.0)), ("0d zero", tin(0.0)),
                      ("empty", tin(torch.zeros(0, 3))), ("transposed", tin(torch.eye(3) + torch.tril(torch.ones(3, 3)), layout="t")),
                      ("3d", tin(torch.rand(2, 3, 2) > 0.5))]:
        op_case(f"nonzero {name}", "nonzero", [inp], {}, nz)
        op_case(f"nonzero as_tuple {name}", "nonzero_tuple", [inp], {}, nzt)

    oh = lambda a, num_classes=-1: F.one_hot(a, num_classes)  # noqa: E731
    for name, inp, nc in [("default", [0, 2, 1], -1), ("classes", [0, 2, 1], 5), ("2d", [[0, 1], [2, 0]], -1),
                          ("0d", 2, -1), ("empty classes", torch.zeros(0, dtype=L), 3), ("small", [0, 2, 1], 2),
                          ("negative", [0, -2, 1], -1), ("negative classes", [0, -2, 1], 3), ("float", [0.0, 1.0], -1),
                          ("empty", torch.zeros(0, dtype=L), -1), ("zero classes", [0], 0), ("bool", [True], -1)]:
        dtype = None if name in ("float", "bool") else L
        op_case(f"one_hot {name}", "one_hot", [tin(inp, dtype)], {"num_classes": nc}, oh)


def sort_cases():
    srt = lambda a, dim=-1, descending=False, stable=None: a.sort(dim=dim, descending=descending) if stable is None else a.sort(dim=dim, descending=descending, stable=stable)  # noqa: E731
    special = [3.0, 1.0, 3.0, float("nan"), 2.0, 1.0, 3.0, -0.0, 0.0, float("inf"), -float("inf")]
    for dtype in [torch.float32, torch.float64]:
        for desc in [False, True]:
            for stable in [None, False, True]:
                op_case(f"sort special {dtype} {desc} {stable}", "sort", [tin(special, dtype)],
                        {"descending": desc, "stable": stable}, srt)
    # Ties in rows long enough for the quicksort phase, and for the heap fallback.
    for n in [7, 17, 40, 100, 300]:
        for dtype in [torch.float32, torch.int64]:
            values = tin([float(random.randint(0, 4)) for _ in range(n)], dtype)
            for desc in [False, True]:
                op_case(f"sort ties n{n} {dtype} {desc}", "sort", [values], {"descending": desc}, srt)
    op_case("sort stable ties", "sort", [tin([float(i % 3) for i in range(40)])], {"descending": True, "stable": True}, srt)
    op_case("sort rows dim0", "sort", [tin(torch.randint(0, 3, (20, 3)).double(), grad=False)], {"dim": 0}, srt)
    op_case("sort grad", "sort", [rand(3, 5)], {"dim": 1}, srt)
    op_case("sort grad stable", "sort", [rand(3, 5)], {"dim": 0, "stable": True, "descending": True}, srt)
    op_case("sort grad f32", "sort", [rand(4, 3, dtype=torch.float32, layout="t")], {}, srt)
    op_case("sort transposed", "sort", [tin(torch.randint(0, 4, (20, 3)).double(), layout="t")], {}, srt)
    op_case("sort expanded rows", "sort", [tin([3.0] * 40)], {}, srt)
    op_case("sort bool", "sort", [tin([True, False, True, False])], {"descending": True}, srt)
    op_case("sort 0d", "sort", [tin(5.0, torch.float64, grad=True)], {}, srt)
    op_case("sort empty", "sort", [tin(torch.zeros(0, 3))], {"dim": 0}, srt)
    op_case("sort error dim", "sort", [rand(3, 4)], {"dim": 2}, srt)
    # The expanded row above is stored contiguously; this one really has stride 0 along the sorted dim.
    op_case("sort stride0", "sort", [tin([[3.0, 1.0]], layout="expand")], {"dim": 0}, srt)

    arg = lambda a, dim=-1, descending=False, stable=False: a.argsort(dim=dim, descending=descending, stable=stable)  # noqa: E731
    ties = tin([float(i % 5) for i in range(40)])
    for desc in [False, True]:
        for stable in [False, True]:
            op_case(f"argsort {desc} {stable}", "argsort", [ties], {"descending": desc, "stable": stable}, arg)
    op_case("argsort 0d", "argsort", [tin(3.0)], {}, arg)
    op_case("msort", "msort", [rand(4, 3)], {}, lambda a: a.msort())

    tk = lambda a, k, dim=-1, largest=True, sorted=True: a.topk(k, dim=dim, largest=largest, sorted=sorted)  # noqa: E731
    for dtype in [torch.float32, torch.float64]:
        for largest in [True, False]:
            for srtd in [True, False]:
                for k in [1, 4, 5]:
                    op_case(f"topk special {dtype} {largest} {srtd} {k}", "topk", [tin(special, dtype)],
                            {"k": k, "largest": largest, "sorted": srtd}, tk)
    for n, ks in [(7, [1, 3, 7]), (40, [1, 7, 20]), (100, [1, 2, 30]), (300, [4, 5, 150])]:
        for dtype in [torch.float32, torch.int64]:
            values = tin([float(random.randint(0, 6)) for _ in range(n)], dtype)
            for k in ks:
                for largest in [True, False]:
                    op_case(f"topk ties n{n} {dtype} k{k} {largest}", "topk", [values],
                            {"k": k, "largest": largest, "sorted": k % 2 == 1}, tk)
    op_case("topk dim0", "topk", [rand(4, 3)], {"k": 2, "dim": 0}, tk)
    op_case("topk grad", "topk", [rand(3, 6)], {"k": 3}, tk)
    op_case("topk grad smallest", "topk", [rand(3, 6, layout="t")], {"k": 2, "largest": False, "dim": 0}, tk)
    op_case("topk grad f32", "topk", [rand(2, 5, dtype=torch.float32)], {"k": 2}, tk)
    op_case("topk 0d", "topk", [tin(5.0, torch.float64, grad=True)], {"k": 1}, tk)
    op_case("topk 0d k0", "topk", [tin(5.0)], {"k": 0}, tk)
    op_case("topk k0", "topk", [rand(3, 4)], {"k": 0}, tk)
    op_case("topk empty", "topk", [tin(torch.zeros(0, 3))], {"k": 0, "dim": 0}, tk)
    for name, args, params in [("k big", [rand(3, 4)], {"k": 5}), ("k negative", [rand(3, 4)], {"k": -1}),
                               ("0d k2", [tin(5.0)], {"k": 2}), ("bool", [tin([True, False])], {"k": 1}),
                               ("bool k big", [tin([True])], {"k": 3}), ("dim", [rand(3, 4)], {"k": 1, "dim": 2}),
                               ("empty k1", [tin(torch.zeros(0, 3))], {"k": 1, "dim": 0})]:
        op_case(f"topk error {name}", "topk", args, params, tk)


def take_along_dim_cases():
    x = rand(3, 4)
    tad = lambda a, i, dim=None: a.take_along_dim(i, dim)  # noqa: E731
    op_case("take_along_dim", "take_along_dim", [x, tin([[0, 3], [1, 1], [2, 0]], L)], {"dim": 1}, tad)
    op_case("take_along_dim bcast", "take_along_dim", [x, tin([[0], [1], [2]], L)], {"dim": 1}, tad)
    op_case("take_along_dim bcast self", "take_along_dim", [rand(3, 1), tin([[0, 0, 0]], L)], {"dim": 0}, tad)
    op_case("take_along_dim argsort", "take_along_dim", [x, tin(torch.randn(3, 4).argsort(dim=1))], {"dim": 1}, tad)
    op_case("take_along_dim none", "take_along_dim", [x, tin([[0, 11], [5, 5]], L)], {"dim": None}, tad)
    for name, args, dim in [("rank", [x, tin([0], L)], 1), ("dtype", [x, tin([[0.0]])], 1),
                            ("bcast", [x, tin([[0], [1]], L)], 1),
                            ("none oob", [x, tin([12], L)], None), ("none negative", [x, tin([-1], L)], None),
                            ("none transposed", [rand(4, 3, layout="t"), tin([0], L)], None), ("dim", [x, tin([[0]], L)], 2)]:
        op_case(f"take_along_dim error {name}", "take_along_dim", args, {"dim": dim}, tad)


def index_put_cases():
    x = rand(3, 4)
    put = lambda a, v, *idx, accumulate=False: a.clone().index_put_(tuple(idx), v, accumulate=accumulate)  # noqa: E731
    put_out = lambda a, v, *idx, accumulate=False: a.index_put(tuple(idx), v, accumulate=accumulate)  # noqa: E731
    cases = [
        ("rows", [x, rand(2, 4), tin([0, 2], L)], {}),
        ("rows accumulate dup", [x, rand(3, 4), tin([0, 2, 0], L)], {"accumulate": True}),
        ("rows dup", [x, rand(3, 4), tin([0, 2, 0], L)], {}),
        ("points accumulate", [x, rand(2), tin([0, 0], L), tin([1, 1], L)], {"accumulate": True}),
        ("broadcast value", [x, rand(4), tin([1, 2], L)], {}),
        ("scalar value", [x, tin(3.0, torch.float64, grad=True), tin([1, 2], L)], {}),
        ("scalar value accumulate", [x, tin(3.0, torch.float64, grad=True), tin([1, 1], L)], {"accumulate": True}),
        ("mask", [x, rand(6), tin([[True, False, True, False]] * 3)], {}),
        ("mask rows", [x, rand(2, 4), tin([True, False, True])], {}),
        ("mask scalar f32 value", [x, tin(2.5, torch.float32, grad=True), tin([True, False, True])], {}),
        ("negative", [x, rand(2), tin([-1, -3], L), tin([-4, 3], L)], {}),
        ("int64", [tin([[1, 2], [3, 4]], L), tin([5, 6], L), tin([1, 0], L), tin([0, 1], L)], {"accumulate": True}),
        ("bool accumulate", [tin([False, True, False]), tin([True, False], torch.bool), tin([0, 2], L)], {"accumulate": True}),
    ]
    for name, args, kw in cases:
        op_case(f"index_put_ {name}", "index_put_", args, kw, put, fd="dup" not in name)
        op_case(f"index_put {name}", "index_put", args, kw, put_out, fd="dup" not in name)
    for name, args, kw in [
            ("too many", [rand(3), rand(1), tin([0], L), tin([0], L)], {}),
            ("float idx", [rand(3), rand(1), tin([0.0])], {}),
            ("dtype", [rand(3), tin([1], L), tin([0], L)], {}),
            ("dtype f32", [rand(3), rand(1, dtype=torch.float32), tin([0], L)], {}),
            ("shape", [rand(3), rand(3), tin([0, 1], L)], {}),
            ("oob", [rand(3), rand(1), tin([5], L)], {}),
            ("oob accumulate", [rand(3), rand(1), tin([5], L)], {"accumulate": True}),
            ("oob 2d", [x, rand(1), tin([1], L), tin([5], L)], {}),
            ("mask shape", [x, rand(1), tin([True, False])], {}),
            ("broadcast", [x, rand(1), tin([0, 1], L), tin([0, 1, 2], L)], {})]:
        op_case(f"index_put_ error {name}", "index_put_", args, kw, put)
    op_case("index_put_ error leaf", "index_put_leaf", [x, rand(1), tin([0], L)], {},
            lambda a, v, i: a.index_put_((i,), v))


def main():
    getitem_cases()
    setitem_cases()
    gather_cases()
    scatter_cases()
    index_select_cases()
    mask_cases()
    sort_cases()
    take_along_dim_cases()
    index_put_cases()
    write("indexing", {"getitem": GETITEM, "setitem": SETITEM, "ops": OPS, "overlap": overlap_case()})


if __name__ == "__main__":
    main()
