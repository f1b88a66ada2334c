"""Writes deepcopy.json: what copy.deepcopy of every Attend module kind looks like in PyTorch 2.13 CPU.

For each kind (built after manual_seed(0), then tweaked: the first parameter stops requiring grad and the last module
in named_modules() goes to eval mode) it records the copy's repr, state_dict keys, named_modules() names,
requires_grad of each named parameter and the training flag of each named module, and that the copy drew nothing
from the generator. Then it counts named_modules() around deep-copied Transformer layers whose activation is given
as a module or as a string, where a copied activation module is a new module, and the sharing cases: a module
registered twice and tied parameters.

Run: /work/torchenv/bin/python Tests/TensorTests/Fixtures/generate_deepcopy.py
"""
import copy
import warnings
from collections import OrderedDict

import torch
import torch.nn as nn

from fixture_support import check_version, write

check_version()
warnings.simplefilter("ignore")

# Each kind's constructor; DeepCopyTests.build mirrors this table.
KINDS = {
    "relu": lambda: nn.ReLU(inplace=True),
    "gelu": lambda: nn.GELU(approximate="tanh"),
    "tanh": lambda: nn.Tanh(),
    "sigmoid": lambda: nn.Sigmoid(),
    "silu": lambda: nn.SiLU(inplace=True),
    "softmax": lambda: nn.Softmax(dim=-1),
    "log_softmax": lambda: nn.LogSoftmax(dim=1),
    "identity": lambda: nn.Identity(),
    "dropout": lambda: nn.Dropout(0.2),
    "linear": lambda: nn.Linear(3, 4, bias=False),
    "layer_norm": lambda: nn.LayerNorm([2, 3], eps=1e-6),
    "embedding": lambda: nn.Embedding(5, 3, padding_idx=1, max_norm=2.0),
    "conv1d": lambda: nn.Conv1d(2, 4, 3, stride=2, padding=1, groups=2, padding_mode="reflect"),
    "rnn": lambda: nn.RNN(3, 4, num_layers=2, nonlinearity="relu", bidirectional=True),
    "gru": lambda: nn.GRU(3, 4, num_layers=2, batch_first=True, dropout=0.5),
    "lstm": lambda: nn.LSTM(3, 5, proj_size=2, dtype=torch.float64),
    "sequential": lambda: nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1)),
    "sequential_named": lambda: nn.Sequential(OrderedDict(a=nn.Linear(2, 2), b=nn.Tanh())),
    "module_list": lambda: nn.ModuleList([nn.Linear(2, 2), nn.Linear(2, 2), nn.ReLU()]),
    "module_dict": lambda: nn.ModuleDict({"x": nn.Linear(2, 1), "y": nn.Identity()}),
    "nll_loss": lambda: nn.NLLLoss(weight=torch.tensor([1.0, 2.0, 0.5]), ignore_index=1, reduction="sum"),
    "cross_entropy_loss": lambda: nn.CrossEntropyLoss(weight=torch.tensor([1.0, 2.0, 0.5]), label_smoothing=0.1),
    "mse_loss": lambda: nn.MSELoss(reduction="none"),
    "l1_loss": lambda: nn.L1Loss(reduction="sum"),
    "smooth_l1_loss": lambda: nn.SmoothL1Loss(beta=0.5),
    "huber_loss": lambda: nn.HuberLoss(delta=2.0),
    "bce_loss": lambda: nn.BCELoss(weight=torch.tensor([1.0, 2.0, 0.5])),
    "bce_with_logits_loss": lambda: nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0, 3.0, 0.5])),
    "kl_div_loss": lambda: nn.KLDivLoss(reduction="batchmean", log_target=True),
    "multihead_attention": lambda: nn.MultiheadAttention(4, 2, kdim=3, vdim=5),
    "encoder_layer": lambda: nn.TransformerEncoderLayer(4, 2, 8, activation=nn.GELU()),
    "decoder_layer": lambda: nn.TransformerDecoderLayer(4, 2, 8, norm_first=True),
    "encoder": lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8, batch_first=True), 2,
                                             norm=nn.LayerNorm(4), enable_nested_tensor=False),
    "decoder": lambda: nn.TransformerDecoder(nn.TransformerDecoderLayer(4, 2, 8), 2),
    "transformer": lambda: nn.Transformer(4, 2, 1, 1, 8),
}


def describe(name, build):
    torch.manual_seed(0)
    module = build()
    parameters = list(module.parameters())
    if parameters:
        parameters[0].requires_grad_(False)
    list(module.modules())[-1].eval()
    state = torch.get_rng_state()
    copied = copy.deepcopy(module)
    assert torch.equal(state, torch.get_rng_state())
    originals = {id(m) for m in module.modules()}
    assert not any(id(m) in originals for m in copied.modules())
    return {
        "name": name,
        "repr": repr(copied),
        "keys": list(copied.state_dict().keys()),
        "modules": [n for n, _ in copied.named_modules()],
        "requires_grad": [p.requires_grad for _, p in copied.named_parameters()],
        "training": [m.training for _, m in copied.named_modules()],
    }


def count(module):
    return len(list(module.named_modules()))


def activation_counts():
    """named_modules() counts around deep copies of Transformer layers, per activation."""
    rows = []
    for label, make in [("relu", lambda: "relu"), ("gelu", lambda: "gelu"), ("ReLU", nn.ReLU), ("GELU", nn.GELU)]:
        torch.manual_seed(0)
        layer = nn.TransformerEncoderLayer(4, 2, 8, activation=make())
        copied = copy.deepcopy(layer)
        encoder = nn.TransformerEncoder(layer, 3, enable_nested_tensor=False)
        decoder = nn.TransformerDecoder(nn.TransformerDecoderLayer(4, 2, 8, activation=make()), 2)
        rows.append({
            "activation": label,
            "copy_modules": [n for n, _ in copied.named_modules()],
            "pair": count(nn.Sequential(layer, copied)),
            "encoder": count(encoder),
            "encoder_copy": count(copy.deepcopy(encoder)),
            "encoder_pair": count(nn.Sequential(encoder, copy.deepcopy(encoder))),
            "decoder": count(decoder),
            "decoder_copy": count(copy.deepcopy(decoder)),
        })
    return rows


def sharing():
    """A module registered twice and an embedding tied to a linear layer's weight, deep-copied."""
    relu = nn.ReLU()
    twice = copy.deepcopy(nn.Sequential(relu, relu, nn.Linear(2, 2)))
    embedding, linear = nn.Embedding(3, 3), nn.Linear(3, 3)
    linear.weight = embedding.weight
    tied = copy.deepcopy(nn.Sequential(embedding, linear))
    return {
        "twice_modules": [n for n, _ in twice.named_modules()],
        "twice_same": twice[0] is twice[1],
        "tied_parameters": [n for n, _ in tied.named_parameters()],
        "tied_keys": list(tied.state_dict().keys()),
        "tied_same": tied[0].weight is tied[1].weight,
    }


write("deepcopy", {
    "kinds": [describe(name, build) for name, build in KINDS.items()],
    "activations": activation_counts(),
    "sharing": sharing(),
})
