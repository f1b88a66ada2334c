"""Writes recurrent.json: nn.RNN (tanh/relu), nn.GRU and nn.LSTM as PyTorch 2.13 CPU builds and runs them.

- init: the parameters (names in order, shapes, values) a module gets when constructed right after manual_seed(s).
- forward: for a module constructed after manual_seed(seed) and put in eval mode, an input (and h0 / c0), the output,
  h_n (and c_n), their grad_fn names, and the gradients of sum(out * w) + sum(h_n * w) (+ sum(c_n * w)) with
  respect to the input, the states and every parameter, w being 0.5 + (i % 7) * 0.25 over each tensor's elements in
  row-major order. Inputs may be views: "t" transposes the first two dims of the stored base, "step" takes every
  other element of dim 0.
- toy: the seed document's first cell (ToyARModel: Embedding(10, 16), GRU(16, 16, batch_first=True),
  Linear(16, 10)) built after manual_seed(s): the input, logits and NLL.
- errors: the exception class and message for bad constructor arguments and bad inputs.
- reprs: the printed module and its parameter names.

Run: /work/torchenv/bin/python Tests/TensorTests/Fixtures/generate_recurrent.py
"""
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

from fixture_support import check_version, encode, error_of, write

check_version()

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64}
CLASSES = {"RNN": nn.RNN, "GRU": nn.GRU, "LSTM": nn.LSTM}


def build(spec):
    """A module from a JSON spec: {"mode", "args": [input_size, hidden_size], "kwargs": {...}}."""
    kwargs = dict(spec.get("kwargs", {}))
    if "dtype" in kwargs:
        kwargs["dtype"] = DTYPES[kwargs["dtype"]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CLASSES[spec["mode"]](*spec["args"], **kwargs)


def weights(t):
    return (0.5 + (torch.arange(t.numel()) % 7) * 0.25).reshape(t.shape).to(t.dtype)


def view(base, how):
    if how == "t":
        return base.transpose(0, 1)
    if how == "step":
        return base[::2]
    return base


def spec(mode, *args, **kwargs):
    return {"mode": mode, "args": list(args), "kwargs": kwargs}


# Parameters right after manual_seed(seed).
init = []
for seed, s in [
    (0, spec("RNN", 3, 4)),
    (1, spec("RNN", 2, 3, num_layers=2, nonlinearity="relu", bidirectional=True)),
    (0, spec("GRU", 16, 16, batch_first=True)),
    (7, spec("GRU", 3, 5, num_layers=2, bias=False)),
    (2, spec("GRU", 2, 3, bidirectional=True, dtype="float64")),
    (3, spec("LSTM", 3, 5, num_layers=2, bidirectional=True, proj_size=2)),
    (5, spec("LSTM", 2, 3, bias=False)),
    (11, spec("LSTM", 4, 3, dtype="float64")),
    (42, spec("RNN", 3, 4)),
    (8, spec("GRU", 3, 5, num_layers=2, bias=False)),
    (4, spec("LSTM", 3, 5, num_layers=2, bidirectional=True, proj_size=2)),
    (12, spec("GRU", 2, 3, bidirectional=True, dtype="float64")),
]:
    torch.manual_seed(seed)
    m = build(s)
    init.append({"seed": seed, "module": s,
                 "parameters": [{"name": n, "value": encode(p)} for n, p in m.named_parameters()]})

# Forward and backward.
forward = []


def forward_case(seed, s, x_shape, how=None, h0=False, c0=False, unbatched=False):
    torch.manual_seed(seed)
    m = build(s).eval()
    dtype = next(m.parameters()).dtype
    lstm = s["mode"] == "LSTM"
    directions = 2 if m.bidirectional else 1
    out_size = m.proj_size if m.proj_size > 0 else m.hidden_size
    base = torch.randn(*x_shape, dtype=dtype)
    x = view(base, how).detach().requires_grad_()
    x_view = view(base, how)
    batch = x_view.shape[0 if m.batch_first else 1] if not unbatched else None
    lead = [m.num_layers * directions] + ([] if unbatched else [batch])
    h = torch.randn(*lead, out_size, dtype=dtype).requires_grad_() if h0 else None
    c = torch.randn(*lead, m.hidden_size, dtype=dtype).requires_grad_() if c0 else None
    if lstm:
        out, (hn, cn) = m(x, (h, c)) if h0 else m(x)
        outs = [out, hn, cn]
    else:
        out, hn = m(x, h) if h0 else m(x)
        outs = [out, hn]
    loss = sum((o * weights(o)).sum() for o in outs)
    loss.backward()
    entry = {
        "seed": seed, "module": s, "base": encode(base), "view": how,
        "h0": encode(h) if h is not None else None, "c0": encode(c) if c is not None else None,
        "outputs": [encode(o) for o in outs],
        "grad_fns": [o.grad_fn.name() for o in outs],
        "output_strides": list(out.stride()),
        "grads": {"input": encode(x.grad), **({"h0": encode(h.grad)} if h is not None else {}),
                  **({"c0": encode(c.grad)} if c is not None else {}),
                  **{n: encode(p.grad) for n, p in m.named_parameters()}},
    }
    forward.append(entry)


forward_case(0, spec("RNN", 3, 4), [5, 2, 3])
forward_case(1, spec("RNN", 3, 4, num_layers=2, nonlinearity="relu", dtype="float64"), [4, 3, 3], h0=True)
forward_case(2, spec("RNN", 3, 4, bidirectional=True, batch_first=True), [2, 5, 3], h0=True)
forward_case(3, spec("RNN", 3, 4, nonlinearity="relu"), [6, 3], unbatched=True)
forward_case(4, spec("GRU", 3, 4), [5, 2, 3])
forward_case(5, spec("GRU", 3, 4, num_layers=2, bidirectional=True), [4, 3, 3], h0=True)
forward_case(6, spec("GRU", 3, 4, batch_first=True), [5, 3], h0=True, unbatched=True)
forward_case(7, spec("GRU", 3, 4, bias=False, batch_first=True, dtype="float64"), [2, 4, 3], h0=True)
forward_case(8, spec("GRU", 3, 4, num_layers=2, dropout=0.3), [3, 2, 3])
forward_case(9, spec("GRU", 3, 4), [2, 5, 3], how="t", h0=True)
forward_case(10, spec("GRU", 3, 4, batch_first=True), [5, 2, 3], how="t")
forward_case(11, spec("GRU", 3, 4, num_layers=2, bidirectional=True, batch_first=True, dtype="float64"),
             [10, 3, 3], how="step")
forward_case(12, spec("LSTM", 3, 4), [5, 2, 3])
forward_case(13, spec("LSTM", 3, 4, num_layers=2, bidirectional=True, batch_first=True), [2, 4, 3], h0=True, c0=True)
forward_case(14, spec("LSTM", 3, 5, proj_size=2, dtype="float64"), [4, 2, 3], h0=True, c0=True)
forward_case(15, spec("LSTM", 3, 5, proj_size=3, num_layers=2, bidirectional=True), [3, 2, 3])
forward_case(16, spec("LSTM", 3, 4, batch_first=True), [5, 3], h0=True, c0=True, unbatched=True)
forward_case(17, spec("LSTM", 3, 4, bias=False, dtype="float64"), [4, 2, 3], h0=True, c0=True)
forward_case(18, spec("LSTM", 3, 4, dtype="float64"), [4, 2, 3], how="t")
forward_case(19, spec("RNN", 3, 4, num_layers=3, dtype="float64"), [3, 2, 3], how="step", h0=True)

# The seed document's first cell, seeded.
toy = []
for seed in [0, 1, 42]:
    torch.manual_seed(seed)
    vocab, hidden = 10, 16
    x = torch.randint(0, vocab, (2, 6))
    embed = nn.Embedding(vocab, hidden)
    rnn = nn.GRU(hidden, hidden, batch_first=True)
    fc = nn.Linear(hidden, vocab)
    h = embed(x[:, :-1])
    out, _ = rnn(h)
    logits = fc(out)
    log_probs = F.log_softmax(logits, dim=-1)
    nll = F.nll_loss(log_probs.reshape(-1, vocab), x[:, 1:].reshape(-1), reduction="mean")
    nll.backward()
    toy.append({"seed": seed, "x": encode(x), "logits": encode(logits), "nll": nll.item(),
                "out_grad_fn": out.grad_fn.name(),
                "weight_hh_grad": encode(rnn.weight_hh_l0.grad)})

# Errors.
errors = []


def ctor_error(s):
    e = error_of(lambda: build(s))
    assert e is not None, s
    errors.append({"module": s, "error": e})


def call_error(s, x_shape, x_dtype="float32", h=None, c=None):
    m = build(s)
    x = torch.zeros(*x_shape, dtype=DTYPES[x_dtype])

    def state(d):
        return None if d is None else torch.zeros(*d["shape"], dtype=DTYPES[d.get("dtype", "float32")])

    hx = state(h)
    if s["mode"] == "LSTM":
        e = error_of(lambda: m(x, (hx, state(c))) if h is not None else m(x))
    else:
        e = error_of(lambda: m(x, hx))
    assert e is not None, (s, x_shape, h, c)
    errors.append({"module": s, "input": {"shape": list(x_shape), "dtype": x_dtype}, "h": h, "c": c, "error": e})


ctor_error(spec("GRU", 16, 16, dropout=1.5))
ctor_error(spec("LSTM", 16, 16, dropout=-0.1))
ctor_error(spec("GRU", 16, 0))
ctor_error(spec("RNN", 0, 4))
ctor_error(spec("GRU", 16, 16, num_layers=0))
ctor_error(spec("LSTM", 16, 16, proj_size=-1))
ctor_error(spec("LSTM", 16, 16, proj_size=16))
ctor_error(spec("RNN", 16, 16, nonlinearity="sigmoid"))
ctor_error(spec("RNN", 16, 0, nonlinearity="gelu"))

for mode in ["RNN", "GRU", "LSTM"]:
    call_error(spec(mode, 16, 16), [5, 2, 8])
    call_error(spec(mode, 16, 16), [5, 8])
    call_error(spec(mode, 16, 16), [5, 2, 2, 16])
    call_error(spec(mode, 16, 16), [16])
    call_error(spec(mode, 16, 16), [5, 2, 16], x_dtype="float64")
    call_error(spec(mode, 16, 16), [5, 2, 16], x_dtype="int64")
    call_error(spec(mode, 16, 16), [0, 2, 16])
    call_error(spec(mode, 16, 16, batch_first=True), [2, 0, 16])
    call_error(spec(mode, 16, 16), [0, 16])
for mode in ["RNN", "GRU"]:
    call_error(spec(mode, 16, 16), [5, 2, 16], h={"shape": [1, 3, 16]})
    call_error(spec(mode, 16, 16, num_layers=2, bidirectional=True), [5, 2, 16], h={"shape": [2, 2, 16]})
    call_error(spec(mode, 16, 16, batch_first=True), [2, 5, 16], h={"shape": [1, 5, 16]})
    call_error(spec(mode, 16, 16), [5, 16], h={"shape": [1, 2, 16]})
    call_error(spec(mode, 16, 16), [5, 16], h={"shape": [2, 16]})
    call_error(spec(mode, 16, 16), [5, 2, 16], h={"shape": [2, 16]})
    call_error(spec(mode, 16, 16), [5, 2, 16], h={"shape": [1, 1, 2, 16]})
    call_error(spec(mode, 16, 16), [5, 2, 16], h={"shape": [1, 2, 16], "dtype": "float64"})
    call_error(spec(mode, 16, 16, dtype="float64"), [5, 2, 16], x_dtype="float64", h={"shape": [1, 2, 16]})
    call_error(spec(mode, 16, 16), [0, 2, 16], h={"shape": [1, 2, 16], "dtype": "float64"})
call_error(spec("LSTM", 16, 16), [5, 2, 16], h={"shape": [1, 3, 16]}, c={"shape": [1, 2, 16]})
call_error(spec("LSTM", 16, 16), [5, 2, 16], h={"shape": [1, 2, 16]}, c={"shape": [1, 3, 16]})
call_error(spec("LSTM", 16, 16), [5, 16], h={"shape": [1, 2, 16]}, c={"shape": [1, 16]})
call_error(spec("LSTM", 16, 16), [5, 16], h={"shape": [1, 16]}, c={"shape": [1, 2, 16]})
call_error(spec("LSTM", 16, 16), [5, 2, 16], h={"shape": [2, 16]}, c={"shape": [2, 16]})
call_error(spec("LSTM", 16, 16, proj_size=4), [5, 2, 16], h={"shape": [1, 2, 16]}, c={"shape": [1, 2, 16]})
call_error(spec("LSTM", 16, 16, proj_size=4), [5, 2, 16], h={"shape": [1, 2, 4]}, c={"shape": [1, 2, 4]})
call_error(spec("LSTM", 16, 16), [5, 2, 16], h={"shape": [1, 2, 16], "dtype": "float64"}, c={"shape": [1, 2, 16]})
call_error(spec("LSTM", 16, 16), [5, 2, 16], h={"shape": [1, 2, 16]}, c={"shape": [1, 2, 16], "dtype": "float64"})
call_error(spec("LSTM", 16, 16, dtype="float64"), [5, 2, 16], x_dtype="float64", h={"shape": [1, 2, 16]},
           c={"shape": [1, 2, 16], "dtype": "float64"})
call_error(spec("LSTM", 16, 16), [4, 0, 16], h={"shape": [1, 0, 16], "dtype": "float64"}, c={"shape": [1, 0, 16]})

# Printed modules, parameter names and construction warnings.
reprs = []
for s in [
    spec("GRU", 16, 16, batch_first=True),
    spec("LSTM", 10, 20, num_layers=2, dropout=0.1, bidirectional=True),
    spec("RNN", 4, 8, nonlinearity="relu"),
    spec("RNN", 4, 8),
    spec("LSTM", 10, 20, proj_size=5, bias=False, dropout=1.0),
    spec("GRU", 3, 4, num_layers=3, dropout=0.5),
    spec("LSTM", 2, 3, num_layers=2, bidirectional=True, proj_size=1),
    spec("GRU", 2, 3, bias=False, bidirectional=True),
]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = CLASSES[s["mode"]](*s["args"], **s["kwargs"])
    reprs.append({"module": s, "repr": repr(m), "names": [n for n, _ in m.named_parameters()],
                  "warnings": [str(w.message) for w in caught]})

write("recurrent", {"init": init, "forward": forward, "toy": toy, "errors": errors, "reprs": reprs})
