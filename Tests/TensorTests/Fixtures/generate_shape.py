"""Fixtures for shape ops: joining, splitting, triangles, repeats, reordering, diagonals and views.

Each case names an op, its tensor inputs (with the layout that makes them contiguous, transposed or sliced views) and
its other arguments; it records what PyTorch returns (values, dtype, grad_fn names, view geometry) and the gradients of
a weighted sum of the outputs, or the error PyTorch raises. Run with /work/torchenv/bin/python.
"""
import torch

from fixture_support import check_version, encode, error_of, write

check_version()
torch.manual_seed(0)


def values(shape, dtype):
    """Small deterministic values of a dtype: rounded normals for floats, small ints, alternating bools."""
    n = 1
    for s in shape:
        n *= s
    if dtype == torch.bool:
        return (torch.arange(n) % 3 == 0).reshape(shape)
    if dtype == torch.int64:
        return (torch.arange(n) * 7 % 11 - 5).reshape(shape)
    return torch.round(torch.randn(shape, dtype=torch.float64) * 100) / 100


def layout_base(x, layout):
    """The contiguous tensor that, viewed through `layout`, reads as x."""
    if layout == "contiguous":
        return x.clone()
    if layout == "transposed":
        return x.permute(*reversed(range(x.dim()))).contiguous()
    if layout == "sliced":
        base = torch.zeros(*x.shape[:-1], x.shape[-1] * 2, dtype=x.dtype)
        base[..., ::2] = x
        return base
    raise ValueError(layout)


def through_layout(base, layout):
    if layout == "contiguous":
        return base
    if layout == "transposed":
        return base.permute(*reversed(range(base.dim())))
    return base[..., ::2]


OPS = {
    "cat": lambda xs, a: torch.cat(xs, *a),
    "stack": lambda xs, a: torch.stack(xs, *a),
    "hstack": lambda xs, a: torch.hstack(xs),
    "vstack": lambda xs, a: torch.vstack(xs),
    "dstack": lambda xs, a: torch.dstack(xs),
    "column_stack": lambda xs, a: torch.column_stack(xs),
    "atleast_1d": lambda xs, a: torch.atleast_1d(xs[0]),
    "atleast_2d": lambda xs, a: torch.atleast_2d(xs[0]),
    "atleast_3d": lambda xs, a: torch.atleast_3d(xs[0]),
    "split": lambda xs, a: xs[0].split(*a),
    "chunk": lambda xs, a: xs[0].chunk(*a),
    "unbind": lambda xs, a: xs[0].unbind(*a),
    "tensor_split": lambda xs, a: xs[0].tensor_split(*a),
    "tril": lambda xs, a: xs[0].tril(*a),
    "triu": lambda xs, a: xs[0].triu(*a),
    "tril_": lambda xs, a: xs[0].clone().tril_(*a),
    "triu_": lambda xs, a: xs[0].clone().triu_(*a),
    "repeat": lambda xs, a: xs[0].repeat(*a),
    "tile": lambda xs, a: xs[0].tile(*a),
    "repeat_interleave": lambda xs, a: xs[0].repeat_interleave(a[0], dim=a[1]),
    "repeat_interleave_tensor": lambda xs, a: xs[0].repeat_interleave(xs[1], dim=a[0]),
    "repeat_interleave_indices": lambda xs, a: torch.repeat_interleave(xs[0]),
    "flip": lambda xs, a: xs[0].flip(*a),
    "fliplr": lambda xs, a: xs[0].fliplr(),
    "flipud": lambda xs, a: xs[0].flipud(),
    "roll": lambda xs, a: xs[0].roll(*a),
    "movedim": lambda xs, a: xs[0].movedim(*a),
    "diagonal": lambda xs, a: xs[0].diagonal(*a),
    "diag": lambda xs, a: xs[0].diag(*a),
    "diag_embed": lambda xs, a: torch.diag_embed(xs[0], *a),
    "view": lambda xs, a: xs[0].view(*a),
    "reshape": lambda xs, a: xs[0].reshape(*a),
    "view_as": lambda xs, a: xs[0].view_as(xs[1]),
    "reshape_as": lambda xs, a: xs[0].reshape_as(xs[1]),
    "expand_as": lambda xs, a: xs[0].expand_as(xs[1]),
    "expand": lambda xs, a: xs[0].expand(*a),
    "unflatten": lambda xs, a: xs[0].unflatten(*a),
    "flatten": lambda xs, a: xs[0].flatten(*a),
    "transpose": lambda xs, a: xs[0].transpose(*a),
    "t": lambda xs, a: xs[0].t(),
    "T": lambda xs, a: xs[0].T,
    "mT": lambda xs, a: xs[0].mT,
    "permute": lambda xs, a: xs[0].permute(*a),
    "squeeze": lambda xs, a: xs[0].squeeze(*a),
    "unsqueeze": lambda xs, a: xs[0].unsqueeze(*a),
    "contiguous": lambda xs, a: xs[0].contiguous(),
    "narrow": lambda xs, a: xs[0].narrow(*a),
    "select": lambda xs, a: xs[0].select(*a),
}

cases = []


def weights(t):
    """The weights the Swift tests also use: 0.5 + (k % 7) * 0.25 over the flattened output."""
    return (0.5 + (torch.arange(t.numel()) % 7) * 0.25).to(t.dtype).reshape(t.shape)


def case(op, inputs, args=(), grad=True, note="", pick=None):
    """inputs: list of (tensor, layout). Records the result or the error of OPS[op]; `pick` lists the outputs the
    backward's loss uses (all when None)."""
    bases = [layout_base(x, layout) for x, layout in inputs]
    entry = {
        "op": op,
        "note": note,
        "inputs": [{"base": encode(b), "layout": layout} for b, (_, layout) in zip(bases, inputs)],
        "args": list(args),
    }
    if pick is not None:
        entry["pick"] = pick
    leaves = [b.clone().requires_grad_(grad and b.dtype.is_floating_point) for b in bases]
    views = [through_layout(b, layout) for b, (_, layout) in zip(leaves, inputs)]
    err = error_of(lambda: OPS[op](views, list(args)))
    if err is not None:
        if err["type"] == "RuntimeError":
            err["message"] = err["message"].split("\nException raised from")[0]
        entry["error"] = err
        cases.append(entry)
        return
    result = OPS[op](views, list(args))
    outputs = list(result) if isinstance(result, (tuple, list)) else [result]
    entry["outputs"] = [encode(o) for o in outputs]
    entry["grad_fns"] = [o.grad_fn.name() if o.grad_fn is not None else None for o in outputs]
    entry["is_view"] = [o._is_view() for o in outputs]
    entry["identity"] = [any(o is v for v in views) for o in outputs]
    entry["strides"] = [list(o.stride()) for o in outputs]
    entry["offsets"] = [o.storage_offset() for o in outputs]
    entry["contiguous"] = [o.is_contiguous() for o in outputs]
    record_write_through(entry, op, bases, inputs, args)
    used = outputs if pick is None else [outputs[i] for i in pick]
    differentiable = [o for o in used if o.requires_grad]
    if differentiable:
        loss = sum((o * weights(o)).sum() for o in differentiable)
        loss.backward()
        entry["grads"] = [encode(leaf.grad) if leaf.grad is not None else None for leaf in leaves]
    cases.append(entry)


def record_write_through(entry, op, bases, inputs, args):
    """For an op returning a view, fills the first view output with 99 (True for bools) on fresh inputs and records
    the first input's base afterwards: views share storage."""
    if op.endswith("_"):
        return
    fresh = [b.clone() for b in bases]
    with torch.no_grad():
        result = OPS[op]([through_layout(b, layout) for b, (_, layout) in zip(fresh, inputs)], list(args))
        outputs = list(result) if isinstance(result, (tuple, list)) else [result]
        for index, out in enumerate(outputs):
            if out._is_view() and out.numel() > 0:
                if error_of(lambda: out.fill_(99 if out.dtype != torch.bool else True)) is None:
                    entry["written_output"] = index
                    entry["written_base"] = encode(fresh[0])
                return


C, T, S = "contiguous", "transposed", "sliced"
F32, F64, I64, B = torch.float32, torch.float64, torch.int64, torch.bool


def v(shape, dtype=F64):
    return values(shape, dtype)


# --- cat -------------------------------------------------------------------------------------------------------------
for dtype in (F32, F64, I64, B):
    case("cat", [(v([2, 3], dtype), C), (v([1, 3], dtype), C)], [0])
    case("cat", [(v([2, 3], dtype), C), (v([2, 2], dtype), T)], [1])
case("cat", [(v([2, 3]), T), (v([2, 3]), S), (v([2, 1]), C)], [-1])
case("cat", [(v([2, 3, 2]), S), (v([2, 1, 2]), T)], [-2])
case("cat", [(v([2, 3], F32), C), (v([1, 3], F64), C)], [0], note="promotes float32 + float64")
case("cat", [(v([2, 3], I64), C), (v([1, 3], F32), C)], [0], note="promotes int64 + float32")
case("cat", [(v([1, 3], B), C), (v([1, 3], I64), C)], [0], note="promotes bool + int64")
case("cat", [(v([0], F32), C), (v([2, 3], F32), C)], [1], note="legacy empty skipped")
case("cat", [(v([2, 3], F32), C), (v([0], F64), C)], [0], note="legacy empty skipped, promotes")
case("cat", [(v([0], F32), C), (v([0], F32), C)], [3], note="all legacy empty")
case("cat", [(v([2, 0], F32), C), (v([2, 3], F32), C)], [1])
case("cat", [(v([3]), C)], [0])
case("cat", [(v([2, 3]), C), (v([2, 3]), C), (v([2, 3]), C)], [0])
case("cat", [], [0])
case("cat", [(v([2, 3]), C), (v([]), C)], [0])
case("cat", [(v([]), C), (v([2]), C)], [0])
case("cat", [(v([2, 3]), C), (v([3]), C), (v([]), C)], [0])
case("cat", [(v([2, 3]), C), (v([2, 3, 1]), C)], [0])
case("cat", [(v([2, 3]), C), (v([2, 4]), C)], [0])
case("cat", [(v([2, 3]), C), (v([2, 3]), C), (v([2, 4]), C)], [-2])
case("cat", [(v([0]), C), (v([2, 3]), C), (v([3, 4]), C)], [1])
case("cat", [(v([2, 3]), C), (v([2, 3]), C)], [2])
case("cat", [(v([0]), C), (v([2, 3]), C)], [2])
case("cat", [(v([2, 3]), C), (v([0, 2]), C)], [0])

# --- stack and friends -----------------------------------------------------------------------------------------------
for dtype in (F32, F64, I64, B):
    case("stack", [(v([2, 3], dtype), C), (v([2, 3], dtype), T)], [1])
case("stack", [(v([2, 3]), S), (v([2, 3]), C), (v([2, 3]), T)], [-1])
case("stack", [(v([2, 3], F32), C), (v([2, 3], F64), C)], [0])
case("stack", [(v([], F32), C), (v([], I64), C)], [0])
case("stack", [(v([0, 2]), C), (v([0, 2]), C)], [1])
case("stack", [], [0])
case("stack", [(v([2, 3]), C), (v([1, 3]), C)], [0])
case("stack", [(v([2, 3]), C), (v([2, 3]), C), (v([3, 2]), C)], [0])
case("stack", [(v([2, 3]), C), (v([2, 3]), C)], [3])
case("stack", [(v([2, 3]), C), (v([3, 3]), C)], [-4])
case("hstack", [(v([2, 3]), C), (v([2, 1]), T)])
case("hstack", [(v([3]), C), (v([2]), S)])
case("hstack", [(v([]), C), (v([2]), C)])
case("hstack", [])
case("vstack", [(v([3]), C), (v([2, 3]), T)])
case("vstack", [(v([]), C), (v([]), C)])
case("vstack", [])
case("dstack", [(v([2, 3]), C), (v([2, 3]), C)])
case("dstack", [(v([3]), C), (v([3]), C)])
case("column_stack", [(v([3]), C), (v([3, 2]), T)])
case("column_stack", [(v([]), C), (v([1, 2]), C)])
case("column_stack", [])
case("atleast_1d", [(v([]), C)])
case("atleast_1d", [(v([2]), C)])
case("atleast_2d", [(v([]), C)])
case("atleast_2d", [(v([3]), C)])
case("atleast_2d", [(v([2, 3]), T)])
case("atleast_3d", [(v([]), C)])
case("atleast_3d", [(v([3]), C)])
case("atleast_3d", [(v([2, 3]), C)])

# --- split, chunk, unbind, tensor_split ------------------------------------------------------------------------------
for dtype in (F32, F64, I64, B):
    case("split", [(v([5, 4], dtype), C)], [2])
    case("chunk", [(v([5, 4], dtype), T)], [3, 1] if dtype != B else [3])
    case("unbind", [(v([3, 2], dtype), C)], [1])
case("split", [(v([5, 4]), T)], [2, 1])
case("split", [(v([5, 4]), S)], [3, -1])
case("split", [(v([5, 4]), C)], [7])
case("split", [(v([5, 4]), C)], [[2, 3]])
case("split", [(v([5, 4]), T)], [[1, 0, 3], 1])
case("split", [(v([5, 4]), C)], [[5]])
case("split", [(v([0, 3]), C)], [2])
case("split", [(v([0, 3]), C)], [0])
case("split", [(v([5, 4]), C)], [[2, 2]])
case("split", [(v([5, 4]), C)], [[2, -1, 4]])
case("split", [(v([5, 4]), C)], [0])
case("split", [(v([5, 4]), C)], [-1])
case("split", [(v([5, 4]), C)], [-1, 5])
case("split", [(v([5, 4]), C)], [2, 2])
case("split", [(v([5, 4]), C)], [[1, -1], 5])
case("split", [(v([]), C)], [1])
case("split", [(v([]), C)], [[1]])
case("chunk", [(v([5, 4]), C)], [2])
case("chunk", [(v([5, 4]), C)], [4])
case("chunk", [(v([5, 4]), C)], [6])
case("chunk", [(v([6]), C)], [4])
case("chunk", [(v([6]), S)], [5])
case("chunk", [(v([5, 4]), C)], [1])
case("chunk", [(v([0, 3]), C)], [2])
case("chunk", [(v([5, 4]), C)], [0])
case("chunk", [(v([5, 4]), C)], [-1])
case("chunk", [(v([5, 4]), C)], [0, 5])
case("chunk", [(v([5, 4]), C)], [2, 2])
case("chunk", [(v([]), C)], [2])
case("unbind", [(v([3, 2]), T)], [0])
case("unbind", [(v([2, 3, 2]), S)], [-2])
case("unbind", [(v([0, 3]), C)], [0])
case("unbind", [(v([3, 2]), C)], [2])
case("unbind", [(v([]), C)], [0])
case("unbind", [(v([]), C)], [-1])
case("unbind", [(v([]), C)], [5])
case("tensor_split", [(v([5, 4]), C)], [3])
case("tensor_split", [(v([5, 4]), T)], [6])
case("tensor_split", [(v([5, 4]), C)], [[1, 3]])
case("tensor_split", [(v([5, 4]), C)], [[3, 1]])
case("tensor_split", [(v([5, 4]), S)], [[-1, 9]])
case("tensor_split", [(v([5, 4]), C)], [2, 1])
case("tensor_split", [(v([5, 4]), C)], [[], 0])
case("tensor_split", [(v([5, 4]), C)], [0])
case("tensor_split", [(v([5, 4]), C)], [0, 5])
case("tensor_split", [(v([]), C)], [2])

# --- tril / triu -----------------------------------------------------------------------------------------------------
for dtype in (F32, F64, I64, B):
    case("tril", [(v([3, 4], dtype), C)], [])
    case("triu", [(v([4, 3], dtype), T)], [1])
for k in (-5, -1, 0, 2, 10):
    case("tril", [(v([3, 4]), C)], [k])
    case("triu", [(v([3, 4]), S)], [k])
case("tril", [(v([2, 3, 4]), T)], [1])
case("triu", [(v([2, 2, 3]), C)], [-1])
case("tril", [(v([0, 3]), C)], [])
case("tril", [(v([4]), C)], [])
case("triu", [(v([]), C)], [])
case("tril_", [(v([3, 3]), C)], [-1])
case("triu_", [(v([2, 3, 3]), C)], [1])

# --- repeat, tile, repeat_interleave ---------------------------------------------------------------------------------
for dtype in (F32, F64, I64, B):
    case("repeat", [(v([2, 3], dtype), C)], [[2, 3]])
case("repeat", [(v([2, 3]), T)], [[2, 1, 3]])
case("repeat", [(v([2, 3]), S)], [[1, 1]])
case("repeat", [(v([2, 3]), C)], [[0, 2]])
case("repeat", [(v([]), C)], [[3]])
case("repeat", [(v([]), C)], [[]])
case("repeat", [(v([3]), C)], [[2, 2]])
case("repeat", [(v([2, 3]), C)], [[2]])
case("repeat", [(v([2, 3]), C)], [[-1, 2]])
case("tile", [(v([2, 3]), C)], [[2]])
case("tile", [(v([2, 3]), T)], [[2, 1, 2]])
case("tile", [(v([2, 3]), C)], [[]])
for dtype in (F32, F64, I64, B):
    case("repeat_interleave", [(v([2, 3], dtype), C)], [2, None])
case("repeat_interleave", [(v([2, 3]), T)], [2, 0])
case("repeat_interleave", [(v([2, 3]), S)], [3, -1])
case("repeat_interleave", [(v([2, 3]), C)], [0, 1])
case("repeat_interleave", [(v([]), C)], [3, None])
case("repeat_interleave", [(v([2, 3]), C)], [-1, None])
case("repeat_interleave", [(v([2, 3]), C)], [-1, 5])
case("repeat_interleave", [(v([2, 3]), C)], [2, 2])
case("repeat_interleave", [(v([]), C)], [3, 0])
case("repeat_interleave_tensor", [(v([3, 2]), C), (torch.tensor([1, 2, 0]), C)], [0])
case("repeat_interleave_tensor", [(v([3, 2]), T), (torch.tensor([3, 1]), C)], [1])
case("repeat_interleave_tensor", [(v([3, 2], I64), C), (torch.tensor([2]), C)], [0])
case("repeat_interleave_tensor", [(v([3, 2]), C), (torch.tensor(2), C)], [1])
case("repeat_interleave_tensor", [(v([2, 2]), C), (torch.tensor([1, 0, 2, 1]), C)], [None])
case("repeat_interleave_tensor", [(v([3, 2]), C), (torch.tensor([1, 2]), C)], [0])
case("repeat_interleave_tensor", [(v([3, 2]), C), (torch.tensor([1, -2, 0]), C)], [0])
case("repeat_interleave_tensor", [(v([3, 2]), C), (torch.tensor([[2]]), C)], [0])
case("repeat_interleave_tensor", [(v([3, 2]), C), (torch.tensor([2.0]), C)], [0])
case("repeat_interleave_tensor", [(v([3, 2]), C), (torch.tensor([1, 2]), C)], [5])
case("repeat_interleave_indices", [(torch.tensor([1, 2, 3]), C)])
case("repeat_interleave_indices", [(torch.tensor([0, 2, 0, 1]), C)])
case("repeat_interleave_indices", [(torch.tensor([], dtype=torch.int64), C)])
case("repeat_interleave_indices", [(torch.tensor(2), C)])
case("repeat_interleave_indices", [(torch.tensor([2, -1]), C)])
case("repeat_interleave_indices", [(torch.tensor([2.0]), C)])

# --- flip, roll, movedim ---------------------------------------------------------------------------------------------
for dtype in (F32, F64, I64, B):
    case("flip", [(v([3, 4], dtype), C)], [[0]])
case("flip", [(v([3, 4]), T)], [[0, 1]])
case("flip", [(v([2, 3, 4]), S)], [[-1, 0]])
case("flip", [(v([3, 4]), C)], [[]])
case("flip", [(v([]), C)], [[0]])
case("flip", [(v([0, 3]), C)], [[0]])
case("flip", [(v([3, 4]), C)], [[0, 0]])
case("flip", [(v([3, 4]), C)], [[2]])
case("flip", [(v([2, 3, 4]), C)], [[0, 0, 5]])
case("fliplr", [(v([3, 4]), T)])
case("flipud", [(v([3, 4]), S)])
case("fliplr", [(v([4]), C)])
case("flipud", [(v([]), C)])
for dtype in (F32, F64, I64, B):
    case("roll", [(v([3, 4], dtype), C)], [1, 0])
case("roll", [(v([3, 4]), T)], [1])
case("roll", [(v([3, 4]), S)], [-7])
case("roll", [(v([3, 4]), C)], [[1, 2], [0, 1]])
case("roll", [(v([3, 4]), T)], [[5, -1], [1, 0]])
case("roll", [(v([3, 4]), C)], [[1, 1], [0, 0]])
case("roll", [(v([2, 3, 4]), S)], [2, -1])
case("roll", [(v([]), C)], [1])
case("roll", [(v([0, 3]), C)], [1, 0])
case("roll", [(v([3, 4]), C)], [[1, 2], [0]])
case("roll", [(v([3, 4]), C)], [[1, 2]])
case("roll", [(v([3, 4]), C)], [[], []])
case("roll", [(v([3, 4]), C)], [1, 2])
case("roll", [(v([]), C)], [1, 0])
case("roll", [(v([]), C)], [1, -1])
for dtype in (F32, I64):
    case("movedim", [(v([2, 3, 4], dtype), C)], [0, 2])
case("movedim", [(v([2, 3, 4]), T)], [-1, 0])
case("movedim", [(v([2, 3, 4]), S)], [[0, 1], [2, 0]])
case("movedim", [(v([2, 3, 4]), C)], [0, 0])
case("movedim", [(v([4]), C)], [0, 0])
case("movedim", [(v([]), C)], [0, -1])
case("movedim", [(v([2, 3, 4]), C)], [[0, 1], [0]])
case("movedim", [(v([2, 3, 4]), C)], [[0, -3], [1, 2]])
case("movedim", [(v([2, 3, 4]), C)], [[0, 1], [-1, 2]])
case("movedim", [(v([2, 3, 4]), C)], [[0, 0], [1, 5]])
case("movedim", [(v([2, 3, 4]), C)], [3, 0])

# --- diagonal, diag, diag_embed --------------------------------------------------------------------------------------
for dtype in (F32, F64, I64, B):
    case("diagonal", [(v([3, 4], dtype), C)], [])
for args in ([1], [-1], [5], [-5], [0, 0, 2], [1, -1, 0], [2, 2, 1]):
    case("diagonal", [(v([2, 3, 4]), T)], args)
case("diagonal", [(v([3, 4]), S)], [1])
case("diagonal", [(v([2, 3, 4]), C)], [0, 1, 1])
case("diagonal", [(v([4]), C)], [])
case("diagonal", [(v([2, 3, 4]), C)], [0, 0, 3])
for dtype in (F32, F64, I64, B):
    case("diag", [(v([3], dtype), C)], [])
    case("diag", [(v([3, 4], dtype), T)], [])
case("diag", [(v([3]), S)], [1])
case("diag", [(v([3]), C)], [-2])
case("diag", [(v([3, 4]), C)], [1])
case("diag", [(v([3, 4]), S)], [-2])
case("diag", [(v([3, 4]), C)], [7])
case("diag", [(v([2, 3, 4]), C)], [])
case("diag", [(v([]), C)], [])
case("diag_embed", [(v([2, 3]), C)], [])
case("diag_embed", [(v([2, 3]), T)], [1, 0, 2])
case("diag_embed", [(v([3]), C)], [-2, 1, 0])
case("diag_embed", [(v([2, 3]), C)], [0, 1, 1])
case("diag_embed", [(v([2, 3]), C)], [0, -1, -1])
case("diag_embed", [(v([]), C)], [])

# --- views -----------------------------------------------------------------------------------------------------------
for layout in (C, T, S):
    case("view", [(v([2, 3, 2]), layout)], [[3, 4]] if layout == C else [[2, 3, 2]])
    case("reshape", [(v([2, 3, 2]), layout)], [[3, -1]])
    case("flatten", [(v([2, 3, 2]), layout)], [])
    case("flatten", [(v([2, 3, 2]), layout)], [1])
    case("transpose", [(v([2, 3, 2]), layout)], [0, -1])
    case("permute", [(v([2, 3, 2]), layout)], [[2, 0, 1]])
    case("expand", [(v([2, 1, 2]), layout)], [[3, 2, 4, 2]])
    case("unsqueeze", [(v([2, 3]), layout)], [1])
    case("contiguous", [(v([2, 3]), layout)], [])
    case("narrow", [(v([3, 4]), layout)], [1, 1, 2])
    case("select", [(v([3, 4]), layout)], [0, -1])
    case("unflatten", [(v([2, 6]), layout)], [1, [3, -1]])
for dtype in (F32, F64, I64, B):
    case("view", [(v([2, 3], dtype), C)], [[-1]])
    case("permute", [(v([2, 3], dtype), T)], [[1, 0]])
case("view", [(v([2, 3]), T)], [[6]])
case("view", [(v([2, 3]), C)], [[-1, -1]])
case("view", [(v([2, 3]), C)], [[4]])
case("view", [(v([2, 3]), C)], [[-2, 3]])
case("view", [(v([2, 3]), C)], [[3, -3]])
case("view", [(v([0, 3]), C)], [[-1, 0]])
case("view", [(v([2, 3]), C)], [[2 ** 40, 2 ** 40]])
case("view", [(v([]), C)], [[]])
case("view", [(v([]), C)], [[1, 1]])
case("view", [(v([2, 1]), C)], [[1, 2, 1, 1]])
case("view", [(v([2, 3, 4]), S)], [[6, 4]])
case("view", [(v([2, 3, 4]), T)], [[4, 6]])
case("reshape", [(v([2, 3]), C)], [[2, 3]])
case("reshape", [(v([2, 3]), T)], [[6]])
case("reshape", [(v([2, 3]), C)], [[5]])
case("reshape", [(v([]), C)], [[-1]])
case("reshape", [(v([2, 3, 4]), T)], [[4, 3, 2]])
case("reshape", [(v([2, 1, 4]), S)], [[2, 4]])
case("reshape", [(v([2, 1, 4]), S)], [[-1]])
case("reshape", [(v([2, 3]), T)], [[2, -2]])
case("flatten", [(v([2, 3, 4]), T)], [0, 1])
case("view_as", [(v([4]), C), (v([2, 2]), C)])
case("view_as", [(v([4]), C), (v([3]), C)])
case("reshape_as", [(v([3, 4]), T), (v([12]), C)])
case("expand_as", [(v([4]), C), (v([3, 4]), C)])
case("expand_as", [(v([4]), C), (v([3]), C)])
case("expand", [(v([2, 3]), C)], [[2, 3]])
case("expand", [(v([3]), C)], [[2, -1]])
case("expand", [(v([3]), C)], [[0, 3]])
case("expand", [(v([]), C)], [[]])
case("expand", [(v([]), C)], [[2, 3]])
case("expand", [(v([2, 3]), C)], [[3, 3]])
case("expand", [(v([2, 3]), C)], [[3, 4]])
case("expand", [(v([2, 3]), C)], [[3]])
case("expand", [(v([2, 3], I64), C)], [[3]])
case("expand", [(v([2, 3], F64), C)], [[3]])
case("expand", [(v([2, 3]), C)], [[-1, 2, 3]])
case("expand", [(v([2, 3]), C)], [[2, -2]])
case("expand", [(v([2, 1]), C)], [[3, -2]])
case("expand", [(v([2, 1]), C)], [[2, -2]])
case("expand", [(v([3]), C)], [[-2, 3]])
case("expand", [(v([3]), C)], [[2 ** 62, 2 ** 62, 3]])
case("t", [(v([2, 3]), S)])
case("t", [(v([3]), C)])
case("t", [(v([]), C)])
case("t", [(v([2, 3, 4]), C)])
case("T", [(v([2, 3]), C)])
case("T", [(v([2, 3, 4]), T)])
case("mT", [(v([2, 3, 4]), C)])
case("mT", [(v([3]), C)])
case("transpose", [(v([2, 3]), C)], [0, 2])
case("transpose", [(v([]), C)], [0, -1])
case("permute", [(v([2, 3]), C)], [[0]])
case("permute", [(v([2, 3]), C)], [[0, 0]])
case("permute", [(v([2, 3]), C)], [[0, -2]])
case("permute", [(v([2, 3]), C)], [[0, 2]])
case("permute", [(v([2, 3, 4]), C)], [[0, 0, 5]])
case("permute", [(v([]), C)], [[]])
case("squeeze", [(v([1, 3, 1]), C)], [])
case("squeeze", [(v([1, 3, 1]), S)], [0])
case("squeeze", [(v([1, 3, 1]), C)], [1])
case("squeeze", [(v([1, 3, 1]), T)], [(0, 2)])
case("squeeze", [(v([1, 3, 1]), C)], [(2,)])
case("squeeze", [(v([]), C)], [])
case("squeeze", [(v([]), C)], [0])
case("squeeze", [(v([2, 3]), C)], [2])
case("squeeze", [(v([1, 3]), C)], [(0, 0)])
case("unsqueeze", [(v([]), C)], [0])
case("unsqueeze", [(v([2, 3]), C)], [3])
case("unsqueeze", [(v([2, 3]), T)], [-1])
case("unsqueeze", [(v([2, 0]), C)], [1])
case("flatten", [(v([2, 3]), C)], [1, 0])
case("flatten", [(v([2, 3]), C)], [5])
case("flatten", [(v([]), C)], [])
case("flatten", [(v([3]), C)], [])
case("flatten", [(v([2, 3]), C)], [0, 0])
case("unflatten", [(v([2, 3, 4]), C)], [-1, [2, 2]])
case("unflatten", [(v([2, 3, 4]), C)], [1, [3, 1]])
case("unflatten", [(v([2, 3, 4]), C)], [-1, [3, -1]])
case("unflatten", [(v([2, 3, 4]), C)], [-1, []])
case("unflatten", [(v([2, 3, 4]), C)], [3, []])
case("unflatten", [(v([2, 3, 4]), C)], [3, [2, 2]])
case("unflatten", [(v([2, 3, 4]), C)], [-1, [-1, -1]])
case("unflatten", [(v([2, 3, 4]), C)], [-1, [-2, -2]])
case("unflatten", [(v([2, 0]), C)], [1, [0, -1]])
case("unflatten", [(v([2, 3, 4]), C)], [1, [2 ** 62, 2 ** 62]])
case("unflatten", [(v([]), C)], [0, [1]])
case("narrow", [(v([3, 4]), C)], [0, -1, 1])
case("narrow", [(v([3, 4]), C)], [0, 3, 0])
case("narrow", [(v([3, 4]), C)], [0, 2, 2])
case("narrow", [(v([3, 4]), C)], [0, 0, -1])
case("narrow", [(v([]), C)], [0, 0, 1])
case("narrow", [(v([3, 4]), C)], [0, -4, 1])
case("narrow", [(v([3, 4]), C)], [0, 5, 0])

# --- pieces used alone: the other pieces' gradients are zero ---------------------------------------------------------
case("split", [(v([5, 4]), C)], [2], pick=[1])
case("split", [(v([5, 4]), T)], [[1, 3, 1]], pick=[0, 2])
case("chunk", [(v([5, 4]), S)], [2, 1], pick=[1])
case("unbind", [(v([3, 2]), C)], [0], pick=[2])
case("unbind", [(v([3, 2]), C)], [1], pick=[])

# --- double backward: the gradient's own graph ------------------------------------------------------------------------
double = []


def double_case(op, x, args=(), pick=0):
    base = x.clone().requires_grad_(True)
    outputs = OPS[op]([base], list(args))
    y = (list(outputs) if isinstance(outputs, (tuple, list)) else [outputs])[pick]
    (g,) = torch.autograd.grad((y * y * weights(y)).sum(), base, create_graph=True)
    (g * weights(g)).sum().backward()
    double.append({"op": op, "args": list(args), "pick": pick, "input": encode(x), "first": encode(g),
                   "first_grad_fn": g.grad_fn.name(), "second": encode(base.grad)})


double_case("split", v([4, 3]), [2], pick=1)
double_case("split", v([4, 3]), [[1, 3]], pick=0)
double_case("chunk", v([4, 3]), [2, 1], pick=1)
double_case("unbind", v([3, 2]), [0], pick=1)
double_case("diagonal", v([3, 4]), [1])
double_case("diag", v([3, 4]), [-1])
double_case("diag", v([3]), [1])
double_case("diag_embed", v([2, 3]), [])
double_case("narrow", v([4, 3]), [0, 1, 2])
double_case("select", v([4, 3]), [1, 2])
double_case("cat", v([2, 3]), [1])
double_case("stack", v([2, 3]), [0])
double_case("tril", v([3, 3]), [])
double_case("repeat", v([2, 3]), [[2, 1]])
double_case("flip", v([2, 3]), [[0]])
double_case("roll", v([2, 3]), [1, 1])
double_case("expand", v([3]), [[2, 3]])
double_case("t", v([2, 3]))
double_case("reshape", v([2, 3]), [[-1]])
double_case("repeat_interleave", v([2, 3]), [2, 0])

# --- in-place writes through the pieces of a multi-output view ------------------------------------------------------
inplace = []


def inplace_case(name, fn):
    leaf = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0], [10.0, 11.0, 12.0]], requires_grad=True)
    inplace.append({"name": name, "error": error_of(lambda: fn(leaf))})


inplace_case("split_second", lambda x: x.clone().split(2)[1].mul_(torch.tensor(2.0)))
inplace_case("unbind_third", lambda x: x.clone().unbind()[2].mul_(torch.tensor(2.0)))
inplace_case("chunk_first_zero", lambda x: x.clone().chunk(2)[0].zero_())
inplace_case("split_sizes_fill", lambda x: x.clone().split([2, 2])[0].fill_(1))
inplace_case("split_t", lambda x: x.clone().split(2)[0].t().mul_(torch.tensor(2.0)))
inplace_case("split_reshape_view", lambda x: x.clone().split(2)[0].reshape(6).mul_(torch.tensor(2.0)))
inplace_case("split_reshape_copy", lambda x: x.clone().split(2)[0].t().reshape(6).mul_(torch.tensor(2.0)))
inplace_case("split_detach", lambda x: x.clone().split(2)[0].detach().mul_(torch.tensor(2.0)))
inplace_case("split_contiguous", lambda x: x.clone().split(2)[0].contiguous().mul_(torch.tensor(2.0)))
inplace_case("tensor_split", lambda x: x.clone().tensor_split(2)[0].mul_(torch.tensor(2.0)))
inplace_case("split_of_leaf", lambda x: x.split(2)[0].mul_(torch.tensor(2.0)))
inplace_case("split_copy", lambda x: x.clone().split(2)[0].copy_(torch.zeros(2, 3)))
inplace_case("split_select", lambda x: x.clone().split(2)[0].select(0, 0).fill_(5))


def no_grad_write(x):
    piece = x.clone().split(2)[0]
    with torch.no_grad():
        piece.mul_(torch.tensor(2.0))


inplace_case("split_no_grad", no_grad_write)
inplace_case("split_without_grad", lambda x: x.detach().clone().split(2)[0].mul_(torch.tensor(2.0)))

write("shape", {"cases": cases, "double": double, "inplace": inplace})
