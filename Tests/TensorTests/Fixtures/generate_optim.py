"""Fixtures for torch.optim and torch.optim.lr_scheduler.

- training: a seeded Linear(4, 8) -> tanh -> LayerNorm(8) -> Linear(8, 3) trained for 50 steps on fixed data with an
  MSE or a cross-entropy loss composed from elementary ops, under each optimizer configuration (with parameter groups
  and schedulers in some); records every step's loss and learning rate, the final parameters and the printed optimizer.
- single_step: optimizer steps on given parameters and gradients (float32 and float64, contiguous and transposed),
  recording the parameters after each step and the final state dict, to check the update arithmetic element by element.
- schedulers: each scheduler's learning rates over 30 steps (two groups, one with an int rate), and closed forms.
- state_dict / reprs / errors: state_dict layout and a load-then-continue run, printed optimizers, and PyTorch's errors.

Run with /work/torchenv/bin/python.
"""
import math
import warnings

import torch
from torch import nn

from fixture_support import check_version, encode, error_of, write

check_version()
warnings.simplefilter("ignore")
O = torch.optim
S = torch.optim.lr_scheduler


def tag(v):
    """Python values for JSON, keeping whole-number floats distinguishable from ints as {"float": x}."""
    if isinstance(v, bool) or v is None or isinstance(v, (str, int)):
        return v
    if isinstance(v, float):
        return {"float": v} if v.is_integer() else v
    if isinstance(v, (list, tuple)):
        return [tag(x) for x in v]
    if isinstance(v, dict):
        return {k: tag(x) for k, x in v.items()}
    raise TypeError(type(v))


def make_model(dtype):
    torch.manual_seed(0)
    model = nn.ModuleDict({"l1": nn.Linear(4, 8), "ln": nn.LayerNorm(8), "l2": nn.Linear(8, 3)})
    return model.to(dtype)


def forward(model, x):
    return model["l2"](model["ln"](torch.tanh(model["l1"](x))))


torch.manual_seed(1234)
X = torch.randn(16, 4, dtype=torch.float64)
Y = torch.randn(16, 3, dtype=torch.float64)
T = torch.randint(0, 3, (16,))


def loss_of(kind, pred, dtype):
    if kind == "mse":
        return (pred - Y.to(dtype)).pow(2).mean()
    if kind == "neg_mse":
        return -(pred - Y.to(dtype)).pow(2).mean()
    return -(torch.log_softmax(pred, dim=1).gather(1, T[:, None])).mean()


def build_optimizer(model, spec):
    params = list(model.parameters())
    if spec.get("groups"):
        # Group 0: the first layer's parameters with its own options; group 1: the rest with the defaults.
        first = list(model["l1"].parameters())
        rest = [p for p in params if all(p is not q for q in first)]
        groups = [dict(params=first, **spec["groups"][0]), dict(params=rest, **spec["groups"][1])]
    else:
        groups = params
    kwargs = dict(spec["kwargs"])
    if "betas" in kwargs:
        kwargs["betas"] = tuple(kwargs["betas"])
    return getattr(O, spec["optimizer"])(groups, **kwargs)


LAMBDAS = {
    "pow095": lambda e: 0.95 ** e,
    "inverse": lambda e: 1 / (e + 1),
    "pow09": lambda e: 0.9 ** e,
    "sawtooth": lambda e: (e % 3 + 1) / 2,
}


def build_scheduler(optimizer, spec):
    if spec is None:
        return None
    kwargs = dict(spec["kwargs"])
    if spec["type"] == "LambdaLR":
        names = kwargs.pop("lr_lambda")
        kwargs["lr_lambda"] = [LAMBDAS[n] for n in names] if isinstance(names, list) else LAMBDAS[names]
    return getattr(S, spec["type"])(optimizer, **kwargs)


# Every run is well-conditioned: with PyTorch's sqrt swapped for a correctly rounded one (Attend's), no loss moves by
# more than 3e-7 relative, so comparing losses at float32 precision tests the arithmetic rather than chaos. (Adam with
# amsgrad at lr=0.02 on the cross-entropy moved 3e-5 by step 50, and was replaced by lr=0.01.)
TRAINING = [
    ("sgd_plain", "mse", "float32", dict(optimizer="SGD", kwargs=dict(lr=0.1)), None),
    ("sgd_momentum", "mse", "float32", dict(optimizer="SGD", kwargs=dict(lr=0.05, momentum=0.9)), None),
    ("sgd_nesterov_wd", "ce", "float32",
     dict(optimizer="SGD", kwargs=dict(lr=0.05, momentum=0.9, nesterov=True, weight_decay=1e-3)), None),
    ("sgd_dampening_wd", "ce", "float32",
     dict(optimizer="SGD", kwargs=dict(lr=0.1, momentum=0.5, dampening=0.2, weight_decay=0.01)), None),
    ("sgd_maximize", "neg_mse", "float32", dict(optimizer="SGD", kwargs=dict(lr=0.1, momentum=0.8, maximize=True)),
     None),
    ("adam", "mse", "float32", dict(optimizer="Adam", kwargs=dict(lr=0.01)), None),
    ("adam_amsgrad", "ce", "float32", dict(optimizer="Adam", kwargs=dict(lr=0.01, amsgrad=True, betas=[0.8, 0.99])),
     None),
    ("adam_wd", "mse", "float32", dict(optimizer="Adam", kwargs=dict(lr=0.01, weight_decay=0.1, eps=1e-6)), None),
    ("adam_maximize", "neg_mse", "float32", dict(optimizer="Adam", kwargs=dict(lr=0.01, maximize=True)), None),
    ("adamw", "ce", "float32", dict(optimizer="AdamW", kwargs=dict(lr=0.01)), None),
    ("adamw_amsgrad", "mse", "float32",
     dict(optimizer="AdamW", kwargs=dict(lr=0.005, weight_decay=0.1, amsgrad=True)), None),
    ("sgd_groups_steplr", "mse", "float32",
     dict(optimizer="SGD", kwargs=dict(lr=0.05, momentum=0.5), groups=[dict(lr=0.1, momentum=0.9), dict()]),
     dict(type="StepLR", kwargs=dict(step_size=10, gamma=0.5))),
    ("adam_cosine", "ce", "float32", dict(optimizer="Adam", kwargs=dict(lr=0.02)),
     dict(type="CosineAnnealingLR", kwargs=dict(T_max=20, eta_min=1e-4))),
    ("adamw_lambda", "mse", "float32", dict(optimizer="AdamW", kwargs=dict(lr=0.01)),
     dict(type="LambdaLR", kwargs=dict(lr_lambda="pow095"))),
    ("sgd_multistep", "ce", "float32", dict(optimizer="SGD", kwargs=dict(lr=0.1, momentum=0.9)),
     dict(type="MultiStepLR", kwargs=dict(milestones=[10, 25, 25], gamma=0.3))),
    ("sgd_exponential", "mse", "float32", dict(optimizer="SGD", kwargs=dict(lr=0.2)),
     dict(type="ExponentialLR", kwargs=dict(gamma=0.95))),
    ("adam_groups_linear", "mse", "float32",
     dict(optimizer="Adam", kwargs=dict(lr=0.01), groups=[dict(lr=0.03, amsgrad=True), dict(weight_decay=0.05)]),
     dict(type="LinearLR", kwargs=dict(start_factor=0.25, total_iters=10))),
    ("adam_float64", "mse", "float64", dict(optimizer="Adam", kwargs=dict(lr=0.01)), None),
    ("sgd_nesterov_float64", "ce", "float64",
     dict(optimizer="SGD", kwargs=dict(lr=0.05, momentum=0.9, nesterov=True)), None),
    ("adamw_cosine_float64", "ce", "float64", dict(optimizer="AdamW", kwargs=dict(lr=0.02, amsgrad=True)),
     dict(type="CosineAnnealingLR", kwargs=dict(T_max=15))),
]


def named_params(model):
    return {name: encode(p) for name, p in model.named_parameters()}


def training_cases():
    cases = []
    for name, loss_kind, dtype_name, opt_spec, sched_spec in TRAINING:
        dtype = getattr(torch, dtype_name)
        model = make_model(dtype)
        initial = named_params(model)
        optimizer = build_optimizer(model, opt_spec)
        scheduler = build_scheduler(optimizer, sched_spec)
        x = X.to(dtype)
        losses, lrs = [], []
        for _ in range(50):
            optimizer.zero_grad()
            loss = loss_of(loss_kind, forward(model, x), dtype)
            loss.backward()
            lrs.append([g["lr"] for g in optimizer.param_groups])
            optimizer.step()
            if scheduler is not None:
                scheduler.step()
            losses.append(loss.item())
        cases.append(dict(name=name, loss=loss_kind, dtype=dtype_name, optimizer=tag(opt_spec),
                          scheduler=tag(sched_spec), initial=initial, losses=losses, lrs=tag(lrs),
                          final=named_params(model), repr=repr(optimizer)))
    return cases


SINGLE = [
    ("sgd", "SGD", dict(lr=0.1)),
    ("sgd_momentum", "SGD", dict(lr=0.1, momentum=0.9)),
    ("sgd_nesterov_wd", "SGD", dict(lr=0.03, momentum=0.7, nesterov=True, weight_decay=0.05)),
    ("sgd_dampening_maximize", "SGD", dict(lr=0.2, momentum=0.5, dampening=0.3, weight_decay=0.1, maximize=True)),
    ("adam", "Adam", dict(lr=0.01)),
    ("adam_amsgrad_wd", "Adam", dict(lr=0.01, amsgrad=True, weight_decay=0.1)),
    ("adam_maximize", "Adam", dict(lr=0.003, maximize=True, betas=[0.8, 0.99], eps=1e-6)),
    ("adamw", "AdamW", dict(lr=0.01)),
    ("adamw_amsgrad", "AdamW", dict(lr=0.01, weight_decay=0.1, amsgrad=True)),
]


def state_dict_json(optimizer):
    sd = optimizer.state_dict()
    state = [dict(index=k, entries=[dict(key=key, tensor=encode(v)) for key, v in entries.items()])
             for k, entries in sd["state"].items()]
    groups = [[dict(key=k, value=tag(v), tuple=isinstance(v, tuple))
               for k, v in g.items()] for g in sd["param_groups"]]
    return dict(state=state, param_groups=groups)


def single_step_cases():
    """For each dtype and layout: one start and three gradients, and every configuration's steps over them."""
    groups = []
    for dtype_name, layout in [("float32", "contiguous"), ("float32", "transposed"), ("float64", "contiguous")]:
        dtype = getattr(torch, dtype_name)
        torch.manual_seed(7)
        start = torch.randn(5, 9, dtype=dtype)
        grads = [torch.randn(5, 9, dtype=dtype) for _ in range(3)]
        cases = []
        for name, optimizer_name, kwargs in SINGLE:
            if layout == "transposed":
                param = start.t().contiguous().t().detach().requires_grad_()
            else:
                param = start.clone().requires_grad_()
            kw = dict(kwargs)
            if "betas" in kw:
                kw["betas"] = tuple(kw["betas"])
            optimizer = getattr(O, optimizer_name)([param], **kw)
            steps = []
            for g in grads:
                param.grad = g.t().contiguous().t() if layout == "transposed" else g.clone()
                optimizer.step()
                steps.append(encode(param))
            cases.append(dict(name=name, optimizer=optimizer_name, kwargs=tag(kwargs), steps=steps,
                              state_dict=state_dict_json(optimizer) if layout == "contiguous" else None))
        groups.append(dict(dtype=dtype_name, layout=layout, start=encode(start), grads=[encode(g) for g in grads],
                           cases=cases))
    return groups


SCHEDULERS = [
    ("step", [dict(type="StepLR", kwargs=dict(step_size=3, gamma=0.5))]),
    ("step_default_gamma", [dict(type="StepLR", kwargs=dict(step_size=4))]),
    ("step_int_gamma", [dict(type="StepLR", kwargs=dict(step_size=2, gamma=1))]),
    ("multistep", [dict(type="MultiStepLR", kwargs=dict(milestones=[2, 5, 5, 9], gamma=0.5))]),
    ("exponential", [dict(type="ExponentialLR", kwargs=dict(gamma=0.9))]),
    ("linear_default", [dict(type="LinearLR", kwargs=dict())]),
    ("linear_decay", [dict(type="LinearLR", kwargs=dict(start_factor=1.0, end_factor=0.1, total_iters=8))]),
    ("cosine", [dict(type="CosineAnnealingLR", kwargs=dict(T_max=7, eta_min=0.001))]),
    ("cosine_default", [dict(type="CosineAnnealingLR", kwargs=dict(T_max=10))]),
    ("cosine_int_eta", [dict(type="CosineAnnealingLR", kwargs=dict(T_max=3, eta_min=0))]),
    ("lambda_inverse", [dict(type="LambdaLR", kwargs=dict(lr_lambda="inverse"))]),
    ("lambda_per_group", [dict(type="LambdaLR", kwargs=dict(lr_lambda=["pow09", "sawtooth"]))]),
    ("chained_step_exponential", [dict(type="StepLR", kwargs=dict(step_size=5, gamma=0.5)),
                                  dict(type="ExponentialLR", kwargs=dict(gamma=0.95))]),
]

EPOCHS = [0, 1, 2, 5, 7, 3, 12, 20, 21, 13, 0, 29]


def scheduler_cases():
    cases = []
    for name, specs in SCHEDULERS:
        a = nn.Parameter(torch.zeros(2))
        b = nn.Parameter(torch.zeros(3))
        int_lr = not name.startswith("lambda")
        optimizer = O.SGD([{"params": [a], "lr": 0.1}, {"params": [b], "lr": 1 if int_lr else 0.5}], lr=0.01)
        schedulers = [build_scheduler(optimizer, s) for s in specs]
        lrs = [[s.get_last_lr() for s in schedulers]]
        epochs = [[s.last_epoch for s in schedulers]]
        for _ in range(30):
            optimizer.step()
            for s in schedulers:
                s.step()
            lrs.append([s.get_last_lr() for s in schedulers])
            epochs.append([s.last_epoch for s in schedulers])
        closed = None
        if len(specs) == 1 and specs[0]["type"] != "LambdaLR":
            a2 = nn.Parameter(torch.zeros(2))
            opt2 = O.SGD([{"params": [a2], "lr": 0.1}], lr=0.01)
            s2 = build_scheduler(opt2, specs[0])
            closed = []
            for e in EPOCHS:
                s2.step(e)
                closed.append(s2.get_last_lr())
        cases.append(dict(name=name, schedulers=tag(specs), lrs=tag(lrs), epochs=epochs, closed=tag(closed),
                          closed_epochs=EPOCHS,
                          repr=repr(optimizer)))
    return cases


def state_dict_case():
    """Adam over two groups: state_dict after 3 steps; a fresh optimizer loads it and both continue 2 steps."""
    torch.manual_seed(3)
    a = nn.Parameter(torch.randn(3, 2))
    b = nn.Parameter(torch.randn(4))
    c = nn.Parameter(torch.randn(2))
    grads = [[torch.randn(3, 2), torch.randn(4), torch.randn(2)] for _ in range(5)]
    start = [encode(a), encode(b), encode(c)]
    optimizer = O.Adam([{"params": [a, b], "amsgrad": True}, {"params": [c], "lr": 0.1}], lr=0.01)
    for step in range(3):
        # c has no gradient in the first step, so its state is made later than a's and b's.
        a.grad, b.grad = grads[step][0], grads[step][1]
        c.grad = grads[step][2] if step > 0 else None
        optimizer.step()
    saved = state_dict_json(optimizer)
    after_three = [encode(a), encode(b), encode(c)]
    for step in range(3, 5):
        a.grad, b.grad, c.grad = grads[step]
        optimizer.step()
    return dict(start=start, grads=[[encode(g) for g in gs] for gs in grads], state_dict=saved,
                after_three=after_three, after_five=[encode(a), encode(b), encode(c)], repr=repr(optimizer))


def reprs():
    p = nn.Parameter(torch.zeros(2))
    q = nn.Parameter(torch.zeros(2))
    return dict(
        sgd=repr(O.SGD([p])),
        sgd_groups=repr(O.SGD([{"params": [p]}, {"params": [q], "lr": 0.5, "momentum": 0.9}], lr=1)),
        adam=repr(O.Adam([p])),
        adam_options=repr(O.Adam([p], lr=0.1, betas=(0.5, 0.75), eps=1e-10, weight_decay=1e-4, amsgrad=True)),
        adamw=repr(O.AdamW([p])),
        adamw_groups=repr(O.AdamW([{"params": [p], "weight_decay": 0}, {"params": [q]}])),
        empty_group=repr(O.SGD([{"params": []}], lr=0.2)),
    )


def errors():
    p = nn.Parameter(torch.zeros(3))
    cases = {
        "sgd_lr_int": lambda: O.SGD([p], lr=-1),
        "sgd_lr_float": lambda: O.SGD([p], lr=-1.0),
        "sgd_momentum": lambda: O.SGD([p], momentum=-0.5),
        "sgd_weight_decay": lambda: O.SGD([p], weight_decay=-0.001),
        "sgd_nesterov": lambda: O.SGD([p], nesterov=True),
        "sgd_nesterov_dampening": lambda: O.SGD([p], momentum=0.9, dampening=0.1, nesterov=True),
        "sgd_empty": lambda: O.SGD([]),
        "sgd_empty_bad_lr": lambda: O.SGD([], lr=-1),
        "duplicate": lambda: O.SGD([{"params": [p]}, {"params": [p]}]),
        "non_leaf": lambda: O.SGD([p * 2]),
        "adam_lr": lambda: O.Adam([p], lr=-0.1),
        "adam_lr_nan": lambda: O.Adam([p], lr=float("nan")),
        "adam_eps": lambda: O.Adam([p], eps=-1e-8),
        "adam_beta0": lambda: O.Adam([p], betas=(1.5, 0.9)),
        "adam_beta1": lambda: O.Adam([p], betas=(0.9, 1.0)),
        "adam_beta_int": lambda: O.Adam([p], betas=(0, 0.9)),
        "adam_weight_decay": lambda: O.Adam([p], weight_decay=-1),
        "adamw_weight_decay": lambda: O.AdamW([p], weight_decay=-1),
        "adamw_empty": lambda: O.AdamW([]),
        "linear_start": lambda: S.LinearLR(O.SGD([p]), start_factor=0),
        "linear_end": lambda: S.LinearLR(O.SGD([p]), end_factor=1.5),
        "lambda_count": lambda: S.LambdaLR(O.SGD([p]), [LAMBDAS["pow09"], LAMBDAS["pow09"]]),
        "resume_without_initial_lr": lambda: S.StepLR(O.SGD([p]), 3, last_epoch=4),
        "cosine_zero_period": lambda: S.CosineAnnealingLR(O.SGD([p]), 0).step(),
        "step_zero_size": lambda: S.StepLR(O.SGD([p]), 0).step(),
        "load_group_count": lambda: O.SGD([p]).load_state_dict({"state": {}, "param_groups": []}),
        "load_group_size": lambda: O.SGD([p]).load_state_dict(
            {"state": {}, "param_groups": [{"params": [0, 1], "lr": 0.1}]}),
    }
    out = {}
    for name, fn in cases.items():
        e = error_of(fn)
        out[name] = e
    return out


def no_grad_skipped():
    """Parameters without a gradient are skipped and get no state."""
    torch.manual_seed(5)
    a = nn.Parameter(torch.randn(3))
    b = nn.Parameter(torch.randn(3))
    start = [encode(a), encode(b)]
    optimizer = O.Adam([a, b], lr=0.1)
    a.grad = torch.randn(3)
    optimizer.step()
    return dict(start=start, grad=encode(a.grad), a=encode(a), b=encode(b),
                state_indices=list(optimizer.state_dict()["state"].keys()))


def zero_grad_case():
    p = nn.Parameter(torch.ones(2))
    optimizer = O.SGD([p])
    p.grad = torch.ones(2)
    optimizer.zero_grad(set_to_none=False)
    kept = encode(p.grad)
    optimizer.zero_grad()
    return dict(kept=kept, none_after=p.grad is None)


write("optim", dict(training=training_cases(), single_step=single_step_cases(), schedulers=scheduler_cases(),
                    state_dict=state_dict_case(), reprs=reprs(), errors=errors(), no_grad=no_grad_skipped(),
                    zero_grad=zero_grad_case(), data=dict(x=encode(X), y=encode(Y), targets=encode(T))))
