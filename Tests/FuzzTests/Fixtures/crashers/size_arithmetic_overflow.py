# Each case once stopped the process with a trap (integer overflow or an allocation no memory holds); each must now
# be a Python error, and an empty list repeated 2**62 times is empty.
# expect: [] and 9 refused, 5 ran
import torch
import torch.nn as nn
import torch.nn.functional as F

empty = []
empty *= 2**62
cases = [
    lambda: nn.MultiheadAttention(2**62, 2),
    lambda: nn.TransformerEncoderLayer(2**62, 2),
    lambda: F.one_hot(torch.tensor([9223372036854775807])),
    lambda: torch.tensor([1.0]).expand(2**62).topk(1),
    lambda: torch.bincount(torch.zeros(1, dtype=torch.long).expand(2**40)),
    lambda: F.embedding(torch.zeros(1, dtype=torch.long).expand(2**40), torch.ones(3, 2), max_norm=1.0),
    lambda: torch.ones(1).expand(2**62).repeat_interleave(torch.ones(1, dtype=torch.long).expand(2**62)),
    lambda: torch.zeros(3).index_add(0, torch.zeros(1, dtype=torch.long).expand(2**62), torch.ones(1).expand(2**62)),
    lambda: nn.GRU(2, 2, num_layers=2**62),
]
refused = 0
for case in cases:
    try:
        case()
    except (MemoryError, RuntimeError, TypeError):
        refused += 1
# Empty tensors whose sizes multiply past int64 on the way, and a width of -2**63.
ran = 0
for case in [lambda: torch.zeros(2**62, 0).sort(0), lambda: torch.zeros(2**62, 0, 4).sum(2),
             lambda: F.scaled_dot_product_attention(*[torch.zeros(2**62, 0, 4)] * 3),
             lambda: torch.zeros(0).view(0, 2**62, 2**62).permute(2, 1, 0).sum(0), lambda: "abc".rjust(-2**62 * 2)]:
    case()
    ran += 1
print(empty, "and", refused, "refused,", ran, "ran")
