"""Writes losses.json: the losses of torch.nn.functional and their modules, as PyTorch 2.13 computes them.

Each case names an op, its input and target (a stored base and how it is viewed: "T" transposes the last two dims,
"step" takes every other element of the last dim), the optional weight / pos_weight and keyword arguments, and
records the output, its grad_fn name, and the gradients of sum(out * w) with respect to the input and (where it
requires grad) the target, for w = 0.5 + (i % 7) * 0.25 over the output's elements in row-major order. Errors record
the exception class and message ("backward": true when PyTorch raises it from backward). "chains" records the
autograd graph a loss builds, four nodes deep. "seeds" is the seed document's first cell on fixed logits:
log_softmax then nll_loss of the flattened logits, with the float Python prints for .item(). "large" holds
nll_loss reductions of seeded inputs the tests redraw from Attend's generator. "modules" records each loss module's
repr, state_dict keys and its output and input gradient on one pair. Tensors are stored once, in "tensors".

Run: /work/torchenv/bin/python Tests/TensorTests/Fixtures/generate_losses.py
"""
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

from fixture_support import check_version, encode, error_of, number, write

check_version()
warnings.simplefilter("ignore")
torch.manual_seed(0)
nan, inf = float("nan"), float("inf")

FUNCTIONS = {
    "nll_loss": F.nll_loss,
    "cross_entropy": F.cross_entropy,
    "mse_loss": F.mse_loss,
    "l1_loss": F.l1_loss,
    "smooth_l1_loss": F.smooth_l1_loss,
    "huber_loss": F.huber_loss,
    "binary_cross_entropy": F.binary_cross_entropy,
    "binary_cross_entropy_with_logits": F.binary_cross_entropy_with_logits,
    "kl_div": F.kl_div,
}


def view(base, how):
    if how == "T":
        return base.transpose(-1, -2)
    if how == "step":
        return base[..., ::2]
    return base


def weights(t):
    return (0.5 + (torch.arange(t.numel()) % 7) * 0.25).reshape(t.shape).to(t.dtype)


tensors = {}
tensor_names = {}


def operand(base, how=None, grad=False):
    return {"base": base, "view": how, "grad": grad}


def spec(o):
    """An operand as JSON: its base tensor is stored once in the "tensors" table and named here."""
    base = o["base"]
    name = tensor_names.get(id(base))
    if name is None:
        name = f"t{len(tensors)}"
        tensor_names[id(base)] = name
        tensors[name] = encode(base)
        keep.append(base)
    return {"base": name, "view": o["view"], "grad": o["grad"]}


keep = []  # holds every stored base so that no id is reused


def materialize(o):
    base = o["base"].clone()
    if o["grad"]:
        base.requires_grad_()
    return base, view(base, o["view"])


def encode_argument(t):
    """A tensor argument, with "requires_grad" when it requires grad."""
    e = encode(t)
    if t.requires_grad:
        e["requires_grad"] = True
    return e


def kwargs_json(kw):
    return {k: (encode_argument(v) if isinstance(v, torch.Tensor) else number(v) if isinstance(v, float) else v)
            for k, v in kw.items()}


cases = []
errors = []


def case(op, x, t, **kw):
    xb, xv = materialize(x)
    tb, tv = materialize(t)
    out = FUNCTIONS[op](xv, tv, **kw)
    entry = {"op": op, "input": spec(x), "target": spec(t), "kw": kwargs_json(kw), "out": encode(out),
             "grad_fn": out.grad_fn.name() if out.grad_fn is not None else None}
    if out.requires_grad:
        (out * weights(out)).sum().backward()
    entry["grad_input"] = encode(xb.grad) if x["grad"] else None
    entry["grad_target"] = encode(tb.grad) if t["grad"] and tb.grad is not None else None
    cases.append(entry)


def error(op, x, t, **kw):
    _, xv = materialize(x)
    _, tv = materialize(t)
    e = error_of(lambda: FUNCTIONS[op](xv, tv, **kw))
    assert e is not None, (op, kw)
    errors.append({"op": op, "input": spec(x), "target": spec(t), "kw": kwargs_json(kw), "error": e})


def backward_error(op, x, t, **kw):
    """An error raised when backward runs (recorded like a forward error, with "backward": true)."""
    _, xv = materialize(x)
    _, tv = materialize(t)

    def run():
        FUNCTIONS[op](xv, tv, **kw).sum().backward()

    e = error_of(run)
    assert e is not None, (op, kw)
    errors.append({"op": op, "input": spec(x), "target": spec(t), "kw": kwargs_json(kw), "error": e,
                   "backward": True})


REDUCTIONS = ["mean", "sum", "none"]


def mixed(op, x, t, **kw):
    """Operands of different dtypes: PyTorch's huber_loss computes the loss but its backward refuses them."""
    if op != "huber_loss":
        case(op, x, t, **kw)
        return
    case(op, dict(x, grad=False), t, **kw)
    backward_error(op, x, t, **kw)

# ----------------------------------------------------------------------------------------------------------------
# nll_loss

lp = torch.randn(4, 5).log_softmax(1)
lp64 = torch.randn(4, 5, dtype=torch.float64).log_softmax(1)
lpT = torch.randn(5, 4)  # viewed transposed: (4, 5), not contiguous
lp1 = torch.randn(5)
lp3 = torch.randn(2, 5, 3)
lp4 = torch.randn(2, 5, 3, 2)
lp5 = torch.randn(2, 3, 2, 2, 3)
lpbig = torch.randn(20, 7)
t4 = torch.tensor([1, 0, 4, 2])
t4i = torch.tensor([1, -100, 4, 1])
t4j = torch.tensor([1, 0, 4, 1])
t3 = torch.randint(0, 5, (2, 3))
t4d = torch.randint(0, 5, (2, 3, 2))
t5d = torch.randint(0, 3, (2, 2, 2, 3))
tbig = torch.randint(0, 7, (20,))
tbig[::6] = -100
w5 = torch.rand(5) + 0.1
w3 = torch.rand(3) + 0.1
w7 = torch.rand(7) + 0.1

for r in REDUCTIONS:
    case("nll_loss", operand(lp, grad=True), operand(t4), reduction=r)
    case("nll_loss", operand(lp, grad=True), operand(t4), weight=w5, reduction=r)
    case("nll_loss", operand(lp, grad=True), operand(t4i), weight=w5, reduction=r)
    case("nll_loss", operand(lp, grad=True), operand(t4j), ignore_index=1, reduction=r)
    case("nll_loss", operand(lp64, grad=True), operand(t4), weight=w5.double(), reduction=r)
    case("nll_loss", operand(lpT, "T", grad=True), operand(t4), reduction=r)
    case("nll_loss", operand(lp1, grad=True), operand(torch.tensor(3)), reduction=r)
    case("nll_loss", operand(lp1), operand(torch.tensor([2])), weight=w5, reduction=r)
    # PyTorch computes this one but its backward refuses the 1-D target.
    backward_error("nll_loss", operand(lp1, grad=True), operand(torch.tensor([2])), weight=w5, reduction=r)
    case("nll_loss", operand(lp3, grad=True), operand(t3), reduction=r)
    case("nll_loss", operand(lp3, grad=True), operand(t3), weight=w5, ignore_index=2, reduction=r)
    case("nll_loss", operand(lp4, grad=True), operand(t4d), reduction=r)
    case("nll_loss", operand(lp4, grad=True), operand(t4d), weight=w5, reduction=r)
    case("nll_loss", operand(lp5, grad=True), operand(t5d), weight=w3, reduction=r)
    case("nll_loss", operand(lpbig, grad=True), operand(tbig), reduction=r)
    case("nll_loss", operand(lpbig, grad=True), operand(tbig), weight=w7, reduction=r)
    case("nll_loss", operand(torch.zeros(0, 5), grad=True), operand(torch.zeros(0, dtype=torch.long)), reduction=r)
case("nll_loss", operand(lp, grad=True), operand(torch.full((4,), -100)))
case("nll_loss", operand(lp, grad=True), operand(torch.full((4,), -100)), weight=w5, reduction="sum")
case("nll_loss", operand(lp1, grad=True), operand(torch.tensor(-100)))
case("nll_loss", operand(lp1, grad=True), operand(torch.tensor(-100)), reduction="none")
case("nll_loss", operand(lp, grad=True), operand(torch.tensor([1, 3, 0, 3, 4, 0, 2, 1]), "step"), weight=w5)
case("nll_loss", operand(lp, grad=True), operand(t4), size_average=False)
case("nll_loss", operand(lp, grad=True), operand(t4), reduce=False)
case("nll_loss", operand(lp, grad=True), operand(t4), reduction="elementwise_mean")
case("nll_loss", operand(lp3.permute(0, 2, 1).contiguous(), "T", grad=True), operand(t3), reduction="none")
case("nll_loss", operand(torch.zeros(2, 5, 0), grad=True), operand(torch.zeros(2, 0, dtype=torch.long)),
     reduction="none")
case("nll_loss", operand(torch.zeros(0, 5, 3), grad=True), operand(torch.zeros(0, 3, dtype=torch.long)))

error("nll_loss", operand(lp), operand(t4), reduction="foo")
error("nll_loss", operand(torch.tensor(1.)), operand(torch.tensor(0)))
error("nll_loss", operand(lp), operand(torch.tensor([1, 2, 3])))
error("nll_loss", operand(lp), operand(torch.tensor([1, 2, 3, 10])))
error("nll_loss", operand(lp), operand(torch.tensor([1, 2, 3, -1])))
error("nll_loss", operand(lp), operand(torch.tensor([1., 2, 3, 1])))
error("nll_loss", operand(lp), operand(torch.tensor([True, False, True, True])))
error("nll_loss", operand(lp), operand(torch.tensor([[1, 2], [3, 1], [1, 1], [1, 1]])))
error("nll_loss", operand(lp), operand(torch.tensor(1)))
error("nll_loss", operand(lp.long()), operand(t4))
error("nll_loss", operand(lp.bool()), operand(t4))
error("nll_loss", operand(lp), operand(t4), weight=torch.ones(3))
error("nll_loss", operand(lp), operand(t4), weight=torch.ones(5, 1))
error("nll_loss", operand(lp), operand(t4), weight=torch.ones(5, dtype=torch.float64))
error("nll_loss", operand(lp), operand(t4), weight=torch.ones(5, dtype=torch.long))
error("nll_loss", operand(lp.double()), operand(t4), weight=torch.ones(5))
error("nll_loss", operand(lp.long()), operand(t4), weight=torch.ones(5))
error("nll_loss", operand(lp.long()), operand(t4), weight=torch.ones(3))
error("nll_loss", operand(lp), operand(t4), weight=torch.ones(5, requires_grad=True))
error("nll_loss", operand(lp), operand(t4.float()), weight=torch.ones(5, requires_grad=True))
error("nll_loss", operand(lp), operand(torch.tensor([1, 2, 3, 7])), reduction="none")
error("nll_loss", operand(lp1), operand(torch.tensor([2, 3])))
error("nll_loss", operand(lp1), operand(torch.tensor([[1]])))
error("nll_loss", operand(lp1), operand(torch.tensor([1., 2])))
error("nll_loss", operand(lp1), operand(torch.tensor(7)), reduction="none")
error("nll_loss", operand(lp3), operand(torch.randint(0, 5, (2, 4))))
error("nll_loss", operand(lp3), operand(torch.randint(0, 5, (2, 3, 1))))
error("nll_loss", operand(lp3), operand(torch.randint(0, 5, (2,))))
error("nll_loss", operand(lp3), operand(torch.randint(0, 5, (3, 3))))
error("nll_loss", operand(lp3), operand(torch.tensor(1)))
error("nll_loss", operand(lp3), operand(t3.float()))
error("nll_loss", operand(lp3), operand(t3), weight=torch.ones(3))
# One target out of range: with several, PyTorch's threads race to report one.
t3bad = t3.clone()
t3bad[1, 2] = 7
error("nll_loss", operand(lp3), operand(t3bad), reduction="none")
error("nll_loss", operand(lp3), operand(t3), weight=torch.ones(5, requires_grad=True))
error("nll_loss", operand(lp3.long()), operand(t3))
error("nll_loss", operand(lp4), operand(torch.randint(0, 5, (2, 3, 3))))
error("nll_loss", operand(lp4), operand(torch.randint(0, 5, (2, 3))))
error("nll_loss", operand(lp4), operand(torch.randint(0, 5, (2, 3, 2, 1))))
error("nll_loss", operand(lp4), operand(t4d.float()))
error("nll_loss", operand(lp4), operand(t4d.float()), weight=torch.ones(3))
error("nll_loss", operand(lp4), operand(torch.randint(0, 5, (2, 3, 3))), weight=torch.ones(3))
error("nll_loss", operand(lp4), operand(torch.randint(0, 5, (2, 3, 3)).float()))
error("nll_loss", operand(lp4.long()), operand(torch.randint(0, 5, (2, 3, 3))))
error("nll_loss", operand(lp4.long()), operand(t4d), weight=torch.ones(3))
error("nll_loss", operand(lp4.long()), operand(t4d))
error("nll_loss", operand(lp4), operand(t4d), weight=torch.ones(5, dtype=torch.float64))
t4dbad = t4d.clone()
t4dbad[1, 1, 0] = 20
error("nll_loss", operand(lp4), operand(t4dbad))
error("nll_loss", operand(lp4), operand(t4dbad), reduction="none")
error("nll_loss", operand(lp4), operand(t4d), weight=torch.ones(5, requires_grad=True))
error("nll_loss", operand(lp5), operand(torch.randint(0, 3, (2, 2, 2, 2))))
error("nll_loss", operand(torch.randn(4, 0, 3)), operand(torch.full((4, 3), -100)))
error("nll_loss", operand(torch.randn(0, 3, 4)), operand(torch.tensor(1)))
error("nll_loss", operand(torch.randn(4, 0)), operand(t4))

# ----------------------------------------------------------------------------------------------------------------
# cross_entropy

z = torch.randn(4, 5)
z64 = torch.randn(4, 5, dtype=torch.float64)
zT = torch.randn(5, 4)
z1 = torch.randn(5)
z3 = torch.randn(2, 5, 3)
z4 = torch.randn(2, 5, 3, 2)
p = torch.rand(4, 5).softmax(1)
p3 = torch.rand(2, 5, 3).softmax(1)
p1 = torch.rand(5).softmax(0)
t4ig = torch.tensor([1, 0, -100, 2])

for r in REDUCTIONS:
    case("cross_entropy", operand(z, grad=True), operand(t4), reduction=r)
    case("cross_entropy", operand(z, grad=True), operand(t4), weight=w5, reduction=r)
    case("cross_entropy", operand(z, grad=True), operand(t4ig), weight=w5, reduction=r)
    case("cross_entropy", operand(z64, grad=True), operand(t4), reduction=r)
    case("cross_entropy", operand(zT, "T", grad=True), operand(t4), reduction=r)
    case("cross_entropy", operand(z1, grad=True), operand(torch.tensor(3)), reduction=r)
    case("cross_entropy", operand(z3, grad=True), operand(t3), reduction=r)
    case("cross_entropy", operand(z4, grad=True), operand(t4d), weight=w5, reduction=r)
    for ls in [0.1, 0.3]:
        case("cross_entropy", operand(z, grad=True), operand(t4), label_smoothing=ls, reduction=r)
        case("cross_entropy", operand(z, grad=True), operand(t4ig), label_smoothing=ls, reduction=r)
        case("cross_entropy", operand(z, grad=True), operand(t4ig), weight=w5, label_smoothing=ls, reduction=r)
        case("cross_entropy", operand(z, grad=True), operand(t4), weight=w5, ignore_index=0, label_smoothing=ls,
             reduction=r)
    case("cross_entropy", operand(z64, grad=True), operand(t4ig), weight=w5.double(), label_smoothing=0.2,
         reduction=r)
    case("cross_entropy", operand(z1, grad=True), operand(torch.tensor(2)), label_smoothing=0.3, reduction=r)
    case("cross_entropy", operand(z3, grad=True), operand(t3), weight=w5, label_smoothing=0.25, reduction=r)
    case("cross_entropy", operand(z4, grad=True), operand(t4d), label_smoothing=1.0, reduction=r)
    # Probability targets.
    case("cross_entropy", operand(z, grad=True), operand(p, grad=True), reduction=r)
    case("cross_entropy", operand(z, grad=True), operand(p), weight=w5, reduction=r)
    case("cross_entropy", operand(z, grad=True), operand(p, grad=True), label_smoothing=0.2, reduction=r)
    case("cross_entropy", operand(z, grad=True), operand(p), weight=w5, label_smoothing=0.2, reduction=r)
    case("cross_entropy", operand(z3, grad=True), operand(p3), weight=w5, reduction=r)
    case("cross_entropy", operand(z1, grad=True), operand(p1), reduction=r)
    case("cross_entropy", operand(z64, grad=True), operand(p.double(), grad=True), reduction=r)
    case("cross_entropy", operand(z, grad=True), operand(p.double()), reduction=r)
    case("cross_entropy", operand(zT, "T", grad=True), operand(p), label_smoothing=-0.5, reduction=r)
case("cross_entropy", operand(z, grad=True), operand(t4), label_smoothing=-0.1)
case("cross_entropy", operand(z, grad=True), operand(torch.full((4,), -100)))
case("cross_entropy", operand(z, grad=True), operand(torch.full((4,), -100)), label_smoothing=0.1)
case("cross_entropy", operand(z, grad=True), operand(torch.full((4,), -100)), weight=w5, label_smoothing=0.1)
case("cross_entropy", operand(torch.zeros(0, 5), grad=True), operand(torch.zeros(0, 5)))
case("cross_entropy", operand(torch.zeros(0, 5), grad=True), operand(torch.zeros(0, 5)), reduction="sum")
case("cross_entropy", operand(torch.zeros(0, 5), grad=True), operand(torch.zeros(0, dtype=torch.long)),
     label_smoothing=0.3)
case("cross_entropy", operand(z, grad=True), operand(t4), reduce=False, label_smoothing=0.1)

error("cross_entropy", operand(z), operand(t4), label_smoothing=1.1)
error("cross_entropy", operand(z), operand(p), label_smoothing=1.5)
error("cross_entropy", operand(z), operand(p), ignore_index=1)
error("cross_entropy", operand(z), operand(p.long()))
error("cross_entropy", operand(z), operand(p), weight=torch.ones(3))
error("cross_entropy", operand(z), operand(p), weight=torch.ones(5, 1))
error("cross_entropy", operand(z), operand(torch.rand(4, 6)))
error("cross_entropy", operand(z), operand(torch.rand(4)))
error("cross_entropy", operand(z), operand(t4.float()))
error("cross_entropy", operand(z.long()), operand(t4))
error("cross_entropy", operand(z3.long()), operand(t3))
error("cross_entropy", operand(z), operand(t4), label_smoothing=0.1, weight=torch.ones(3))
error("cross_entropy", operand(z), operand(t4), reduction="bad")
error("cross_entropy", operand(z), operand(p), reduction="bad")
error("cross_entropy", operand(z1), operand(torch.tensor([2])), label_smoothing=0.3, reduction="none")
error("cross_entropy", operand(torch.tensor(1.)), operand(torch.tensor(1.)))
error("cross_entropy", operand(torch.tensor(1.)), operand(torch.tensor(1)))
error("cross_entropy", operand(torch.tensor(1.)), operand(torch.tensor([1])))
error("cross_entropy", operand(z), operand(torch.tensor([1, 2, 5, 0])))
error("cross_entropy", operand(z), operand(t4), weight=torch.ones(5, requires_grad=True))
error("cross_entropy", operand(z), operand(t4), weight=torch.ones(5, requires_grad=True), label_smoothing=0.2)

# ----------------------------------------------------------------------------------------------------------------
# Regression losses

a = torch.randn(3, 4)
b = torch.randn(3, 4)
a64 = torch.randn(3, 4, dtype=torch.float64)
b64 = torch.randn(3, 4, dtype=torch.float64)
aT = torch.randn(4, 3)
bStep = torch.randn(3, 8)
brow = torch.randn(4)
bcol = torch.randn(3, 1)
wa = torch.rand(3, 4)
near = a + torch.tensor([[0.3, -0.2, 2.0, -1.5], [0.05, -3.0, 0.9, 0.0], [1.2, -0.7, 0.4, -0.45]])

for op in ["mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss"]:
    for r in REDUCTIONS:
        case(op, operand(a, grad=True), operand(b, grad=True), reduction=r)
        case(op, operand(a64, grad=True), operand(b64, grad=True), reduction=r)
        case(op, operand(aT, "T", grad=True), operand(bStep, "step", grad=True), reduction=r)
        case(op, operand(a, grad=True), operand(brow, grad=True), reduction=r)
        case(op, operand(bcol, grad=True), operand(a, grad=True), reduction=r)
        case(op, operand(a, grad=True), operand(near), reduction=r)
        mixed(op, operand(a, grad=True), operand(b64), reduction=r)
        case(op, operand(torch.tensor(2.5), grad=True), operand(torch.tensor(1.), grad=True), reduction=r)
        if op != "smooth_l1_loss":
            case(op, operand(a, grad=True), operand(b), weight=wa, reduction=r)
    case(op, operand(torch.zeros(0), grad=True), operand(torch.zeros(0)))
    case(op, operand(torch.zeros(0), grad=True), operand(torch.zeros(0)), reduction="sum")
    mixed(op, operand(a, grad=True), operand(b.long()))
    if op != "l1_loss":
        mixed(op, operand(a, grad=True), operand(b.bool()), reduction="sum")
    if op != "huber_loss":
        case(op, operand(a, grad=True), operand(b), size_average=False)
        case(op, operand(a, grad=True), operand(b), reduce=False)
    error(op, operand(a), operand(torch.randn(3, 5)))
    error(op, operand(a), operand(b), reduction="foo")
    error(op, operand(a.long()), operand(b.long()))
    error(op, operand(a.bool()), operand(b.bool()))
    if op != "smooth_l1_loss":
        error(op, operand(a), operand(b), weight=torch.ones(4))
        error(op, operand(a), operand(b), weight=torch.ones(3, 4), reduction="foo")
        error(op, operand(a), operand(b), weight=torch.ones(3, 4), reduction="elementwise_mean")
        error(op, operand(a), operand(torch.randn(3, 5)), weight=torch.ones(3, 5))
for beta in [0.5, 2.0, 0.0]:
    for r in REDUCTIONS:
        case("smooth_l1_loss", operand(a, grad=True), operand(near, grad=True), beta=beta, reduction=r)
for delta in [0.5, 2.0]:
    for r in REDUCTIONS:
        case("huber_loss", operand(a, grad=True), operand(near, grad=True), delta=delta, reduction=r)
mixed("huber_loss", operand(a64, grad=True), operand(b), delta=0.7)
case("mse_loss", operand(a.long()), operand(b, grad=True))
case("l1_loss", operand(a.long()), operand(b.long()), reduction="sum")
error("smooth_l1_loss", operand(a), operand(b), beta=-1.0)
error("smooth_l1_loss", operand(a), operand(b), beta=-1.0, reduction="foo")
error("huber_loss", operand(a), operand(b), delta=0.0)
error("huber_loss", operand(a), operand(b), delta=-1.0)
error("huber_loss", operand(a.long()), operand(b))
error("huber_loss", operand(a), operand(b), delta=0.0, reduction="foo")
error("mse_loss", operand(a), operand(torch.randn(3, 5)), reduction="foo")
error("l1_loss", operand(a.long()), operand(b.long()))
error("l1_loss", operand(a), operand(b.bool()))
error("mse_loss", operand(a), operand(b), weight=torch.ones(3, 4).double(), reduction="bad")

# ----------------------------------------------------------------------------------------------------------------
# Binary cross-entropy

prob = torch.rand(3, 4) * 0.9 + 0.05
prob64 = torch.rand(3, 4, dtype=torch.float64) * 0.9 + 0.05
probT = torch.rand(4, 3) * 0.9 + 0.05
lab = torch.rand(3, 4)
lab01 = (torch.rand(3, 4) > 0.5).float()
edge = torch.tensor([[0., 1., 1e-30, 1 - 1e-7], [0.5, 0.25, 1., 0.]])
edge_t = torch.tensor([[1., 0., 0.5, 0.5], [0.5, 1., 1., 0.]])

for r in REDUCTIONS:
    case("binary_cross_entropy", operand(prob, grad=True), operand(lab, grad=True), reduction=r)
    case("binary_cross_entropy", operand(prob64, grad=True), operand(lab.double(), grad=True), reduction=r)
    case("binary_cross_entropy", operand(probT, "T", grad=True), operand(lab01), reduction=r)
    case("binary_cross_entropy", operand(prob, grad=True), operand(lab), weight=torch.rand(4), reduction=r)
    case("binary_cross_entropy", operand(prob, grad=True), operand(lab, grad=True), weight=torch.rand(3, 1),
         reduction=r)
    case("binary_cross_entropy", operand(prob, grad=True), operand(lab), weight=torch.rand(3, 4).double(),
         reduction=r)
    case("binary_cross_entropy", operand(edge, grad=True), operand(edge_t, grad=True), reduction=r)
case("binary_cross_entropy", operand(prob, grad=True), operand(lab), size_average=False)
case("binary_cross_entropy", operand(torch.zeros(0), grad=True), operand(torch.zeros(0)))
error("binary_cross_entropy", operand(prob * 2), operand(lab))
error("binary_cross_entropy", operand(prob), operand(lab * 2))
error("binary_cross_entropy", operand(torch.tensor([0.5, 2.0])), operand(torch.tensor([3.0, 0.5])))
error("binary_cross_entropy", operand(torch.tensor([0.5, nan])), operand(torch.tensor([0.5, 0.5])))
error("binary_cross_entropy", operand(prob), operand(lab.long()))
error("binary_cross_entropy", operand(prob.long()), operand(lab.long()))
error("binary_cross_entropy", operand(prob.long()), operand(lab))
error("binary_cross_entropy", operand(prob.bool()), operand(lab.bool()))
error("binary_cross_entropy", operand(prob), operand(lab.double()))
error("binary_cross_entropy", operand(prob), operand(lab[0]))
error("binary_cross_entropy", operand(prob), operand(lab[0]), reduction="foo")
error("binary_cross_entropy", operand(prob), operand(lab), weight=torch.rand(5))
error("binary_cross_entropy", operand(prob), operand(lab), weight=torch.rand(2, 5))
error("binary_cross_entropy", operand(prob), operand(lab), weight=torch.rand(7, 3, 5))
error("binary_cross_entropy", operand(prob), operand(lab), weight=torch.rand(2, 3, 4))
error("binary_cross_entropy", operand(prob * 2), operand(lab), weight=torch.rand(2, 3, 4))
error("binary_cross_entropy", operand(prob), operand(lab), weight=torch.rand(3, 4, requires_grad=True))

logit = torch.randn(3, 4) * 3
logit64 = torch.randn(3, 4, dtype=torch.float64) * 3
logitT = torch.randn(4, 3)
extreme = torch.tensor([[100., -100., 0., 30.], [-30., 15., -0.5, 1e-3]])
for r in REDUCTIONS:
    case("binary_cross_entropy_with_logits", operand(logit, grad=True), operand(lab, grad=True), reduction=r)
    case("binary_cross_entropy_with_logits", operand(logit64, grad=True), operand(lab.double(), grad=True),
         reduction=r)
    case("binary_cross_entropy_with_logits", operand(logitT, "T", grad=True), operand(lab01), reduction=r)
    case("binary_cross_entropy_with_logits", operand(extreme, grad=True), operand(edge_t, grad=True), reduction=r)
    case("binary_cross_entropy_with_logits", operand(logit, grad=True), operand(lab, grad=True),
         weight=torch.rand(4), reduction=r)
    case("binary_cross_entropy_with_logits", operand(logit, grad=True), operand(lab, grad=True),
         pos_weight=torch.rand(4) * 3, reduction=r)
    case("binary_cross_entropy_with_logits", operand(logit, grad=True), operand(lab, grad=True),
         weight=torch.rand(3, 1), pos_weight=torch.rand(4) * 3, reduction=r)
    case("binary_cross_entropy_with_logits", operand(extreme, grad=True), operand(edge_t, grad=True),
         pos_weight=torch.tensor([2., 0.5, 1., 4.]), reduction=r)
case("binary_cross_entropy_with_logits", operand(logit, grad=True), operand(lab.double()))
case("binary_cross_entropy_with_logits", operand(logit64, grad=True), operand(lab))
case("binary_cross_entropy_with_logits", operand(logit, grad=True), operand(lab), pos_weight=torch.rand(4).double())
case("binary_cross_entropy_with_logits", operand(logit, grad=True), operand(lab), weight=torch.rand(4).double())
case("binary_cross_entropy_with_logits", operand(logit, grad=True), operand(lab), pos_weight=torch.tensor([1, 2, 3, 4]))
case("binary_cross_entropy_with_logits", operand(torch.zeros(0), grad=True), operand(torch.zeros(0)))
case("binary_cross_entropy_with_logits", operand(logit, grad=True), operand(lab), reduce=False)
error("binary_cross_entropy_with_logits", operand(logit), operand(lab[0]))
error("binary_cross_entropy_with_logits", operand(logit), operand(lab[0]), reduction="foo")
error("binary_cross_entropy_with_logits", operand(logit), operand(lab), reduction="foo")
error("binary_cross_entropy_with_logits", operand(logit), operand(lab.long()))
error("binary_cross_entropy_with_logits", operand(logit), operand(lab.bool()))
error("binary_cross_entropy_with_logits", operand(logit.long()), operand(lab.long()))
error("binary_cross_entropy_with_logits", operand(logit.long()), operand(lab))
error("binary_cross_entropy_with_logits", operand(logit), operand(lab), weight=torch.rand(5))
error("binary_cross_entropy_with_logits", operand(logit), operand(lab), weight=torch.rand(2, 3, 4))
error("binary_cross_entropy_with_logits", operand(logit), operand(lab), pos_weight=torch.rand(5))
error("binary_cross_entropy_with_logits", operand(logit), operand(lab), pos_weight=torch.rand(2, 3, 4))
error("binary_cross_entropy_with_logits", operand(logit), operand(lab), pos_weight=torch.rand(4).bool())
error("binary_cross_entropy_with_logits", operand(logit), operand(lab),
      pos_weight=torch.rand(4, requires_grad=True))
error("binary_cross_entropy_with_logits", operand(logit), operand(lab), weight=torch.rand(4, requires_grad=True),
      pos_weight=torch.rand(4, requires_grad=True))
error("binary_cross_entropy_with_logits", operand(logit.long()), operand(lab),
      pos_weight=torch.rand(4, requires_grad=True))

# ----------------------------------------------------------------------------------------------------------------
# kl_div

kin = torch.randn(3, 4).log_softmax(1)
ktg = torch.rand(3, 4).softmax(1)
ktg0 = torch.tensor([[0.5, 0., 0.25, 0.25], [0.1, 0.2, 0.3, 0.4], [0., 0., 1., 0.]])
for r in REDUCTIONS + ["batchmean"]:
    case("kl_div", operand(kin, grad=True), operand(ktg, grad=True), reduction=r)
    case("kl_div", operand(kin, grad=True), operand(ktg0), reduction=r)
    case("kl_div", operand(kin, grad=True), operand(ktg.log(), grad=True), reduction=r, log_target=True)
    case("kl_div", operand(kin.double(), grad=True), operand(ktg), reduction=r)
case("kl_div", operand(torch.tensor(-1.), grad=True), operand(torch.tensor(0.5)), reduction="batchmean")
case("kl_div", operand(kin, grad=True), operand(ktg), size_average=False)
error("kl_div", operand(kin), operand(ktg), reduction="foo")
error("kl_div", operand(kin.long()), operand(ktg))
error("kl_div", operand(kin), operand(ktg.long()))
error("kl_div", operand(kin), operand(torch.randn(5)))

# ----------------------------------------------------------------------------------------------------------------
# The autograd graphs the losses record, four levels deep: "Name(input, input)", None where an input needs no grad.

chains = []


def walk(fn, depth):
    if fn is None:
        return "None"
    name = type(fn).__name__
    if depth == 0 or not fn.next_functions:
        return name
    return name + "(" + ",".join(walk(f, depth - 1) for f, _ in fn.next_functions) + ")"


def chain(op, x, t, **kw):
    _, xv = materialize(x)
    _, tv = materialize(t)
    out = FUNCTIONS[op](xv, tv, **kw)
    chains.append({"op": op, "input": spec(x), "target": spec(t), "kw": kwargs_json(kw), "chain": walk(out.grad_fn, 4)})


for r in REDUCTIONS:
    chain("nll_loss", operand(lp3, grad=True), operand(t3), reduction=r)
    chain("nll_loss", operand(lp4, grad=True), operand(t4d), reduction=r)
    chain("cross_entropy", operand(z, grad=True), operand(t4), reduction=r)
    chain("cross_entropy", operand(z, grad=True), operand(t4ig), weight=w5, label_smoothing=0.1, reduction=r)
    chain("cross_entropy", operand(z, grad=True), operand(t4ig), label_smoothing=0.1, reduction=r)
    chain("cross_entropy", operand(z, grad=True), operand(p), weight=w5, reduction=r)
    chain("cross_entropy", operand(z, grad=True), operand(p, grad=True), label_smoothing=0.2, reduction=r)
    chain("mse_loss", operand(a, grad=True), operand(brow, grad=True), reduction=r)
    chain("l1_loss", operand(a, grad=True), operand(brow, grad=True), reduction=r)
    chain("mse_loss", operand(a, grad=True), operand(b), weight=wa, reduction=r)
    chain("huber_loss", operand(a, grad=True), operand(b), weight=wa, reduction=r)
    chain("kl_div", operand(kin, grad=True), operand(ktg, grad=True), reduction=r)
chain("nll_loss", operand(lp3.permute(0, 2, 1).contiguous(), "T", grad=True), operand(t3), reduction="none")
chain("kl_div", operand(kin, grad=True), operand(ktg.log(), grad=True), reduction="batchmean", log_target=True)
chain("smooth_l1_loss", operand(a, grad=True), operand(b), beta=0.0)
chain("cross_entropy", operand(torch.zeros(0, 5), grad=True), operand(torch.zeros(0, 5)))

# ----------------------------------------------------------------------------------------------------------------
# The seed document's first cell on fixed logits: log_softmax, then nll_loss of the flattened batch.

seeds = []
for seed in [0, 1, 7]:
    torch.manual_seed(seed)
    logits = torch.randn(2, 5, 10, requires_grad=True)
    target = torch.randint(0, 10, (2, 5))
    log_probs = F.log_softmax(logits, dim=-1)
    nll = F.nll_loss(log_probs.reshape(-1, 10), target.reshape(-1), reduction="mean")
    nll.backward()
    seeds.append({"seed": seed, "logits": encode(logits), "target": encode(target), "nll": nll.item(), "printed": repr(nll.item()), "grad_fn": nll.grad_fn.name(),
                  "grad": encode(logits.grad)})

# ----------------------------------------------------------------------------------------------------------------
# Large nll_loss reductions on seeded inputs (the tests draw the same values from Attend's generator): float32
# results must agree to the bit, which takes PyTorch's cascade summation.

large = []
for seed, shape, weighted, r in [(0, [1000, 7], False, "mean"), (1, [1000, 7], True, "mean"),
                                 (2, [5000, 3], True, "sum"), (3, [8, 6, 25, 30], False, "mean"),
                                 (4, [8, 6, 25, 30], True, "mean"), (5, [70000, 2], True, "mean")]:
    torch.manual_seed(seed)
    x = torch.randn(shape)
    t = torch.randint(0, shape[1], [shape[0]] + shape[2:])
    t.view(-1)[::13] = -100
    w = torch.rand(shape[1]) if weighted else None
    out = F.nll_loss(x, t, weight=w, reduction=r)
    large.append({"seed": seed, "shape": shape, "weighted": weighted, "reduction": r, "out": number(out.item())})

# ----------------------------------------------------------------------------------------------------------------
# Modules

modules = []


def module(name, ctor, kw, x, t):
    m = ctor()
    xb, xv = materialize(x)
    _, tv = materialize(t)
    out = m(xv, tv)
    (out * weights(out)).sum().backward()
    modules.append({"name": name, "kw": kwargs_json(kw), "repr": repr(m), "reduction": m.reduction,
                    "state_dict": list(m.state_dict().keys()), "buffers": list(m._buffers.keys()),
                    "input": spec(x), "target": spec(t), "out": encode(out), "grad_fn": out.grad_fn.name(),
                    "grad_input": encode(xb.grad)})


module("NLLLoss", lambda: nn.NLLLoss(), {}, operand(lp, grad=True), operand(t4))
module("NLLLoss", lambda: nn.NLLLoss(weight=w5, ignore_index=1), {"weight": w5, "ignore_index": 1},
       operand(lp, grad=True), operand(t4j))
module("CrossEntropyLoss", lambda: nn.CrossEntropyLoss(), {}, operand(z, grad=True), operand(t4))
module("CrossEntropyLoss", lambda: nn.CrossEntropyLoss(weight=w5, label_smoothing=0.1, reduction="sum"),
       {"weight": w5, "label_smoothing": 0.1, "reduction": "sum"}, operand(z, grad=True), operand(t4ig))
module("CrossEntropyLoss", lambda: nn.CrossEntropyLoss(reduce=False), {"reduce": False}, operand(z, grad=True),
       operand(p))
module("MSELoss", lambda: nn.MSELoss(), {}, operand(a, grad=True), operand(b))
module("MSELoss", lambda: nn.MSELoss(size_average=False), {"size_average": False}, operand(a, grad=True), operand(b))
module("L1Loss", lambda: nn.L1Loss(reduction="none"), {"reduction": "none"}, operand(a, grad=True), operand(b))
module("SmoothL1Loss", lambda: nn.SmoothL1Loss(beta=0.5), {"beta": 0.5}, operand(a, grad=True), operand(near))
module("HuberLoss", lambda: nn.HuberLoss(delta=2.0), {"delta": 2.0}, operand(a, grad=True), operand(near))
module("BCELoss", lambda: nn.BCELoss(weight=torch.ones(4) * 0.5), {"weight": torch.ones(4) * 0.5},
       operand(prob, grad=True), operand(lab))
module("BCEWithLogitsLoss", lambda: nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1., 2., 3., 4.])),
       {"pos_weight": torch.tensor([1., 2., 3., 4.])}, operand(logit, grad=True), operand(lab))
wlogit = torch.rand(3, 4)
module("BCEWithLogitsLoss", lambda: nn.BCEWithLogitsLoss(weight=wlogit, reduction="sum"),
       {"weight": wlogit, "reduction": "sum"}, operand(logit, grad=True), operand(lab))
module("KLDivLoss", lambda: nn.KLDivLoss(reduction="batchmean", log_target=True),
       {"reduction": "batchmean", "log_target": True}, operand(kin, grad=True), operand(ktg.log()))

module_errors = [
    {"name": "MSELoss", "kw": {"reduction": "foo"}, "error": error_of(lambda: nn.MSELoss(reduction="foo")(a, b))},
    {"name": "MSELoss", "kw": {}, "error": error_of(lambda: nn.MSELoss()(a))},
    {"name": "CrossEntropyLoss", "kw": {}, "error": error_of(lambda: nn.CrossEntropyLoss()(z))},
]

write("losses", {"tensors": tensors, "cases": cases, "errors": errors, "chains": chains, "seeds": seeds, "large": large,
                 "modules": modules, "module_errors": module_errors})
