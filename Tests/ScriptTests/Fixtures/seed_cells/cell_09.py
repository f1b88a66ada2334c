# PyTorch demo: caching key/value states for autoregressive decoding

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

d_model, nhead = 16, 2
mha = nn.MultiheadAttention(d_model, nhead, batch_first=True)

# Suppose we decode tokens step by step
seq_len = 5
cache_k, cache_v = None, None

for t in range(seq_len):
    x_t = torch.randn(1, 1, d_model)  # new token embedding at step t
