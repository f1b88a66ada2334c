# PyTorch demo: Attention cost grows quadratically with sequence length

import torch
import torch.nn as nn
import time

def attention_cost(seq_len, d_model=64, n_heads=4):
    mha = nn.MultiheadAttention(d_model, n_heads, batch_first=True)
    x = torch.randn(1, seq_len, d_model)
    start = time.time()
    _ = mha(x, x, x)  # forward pass
    elapsed = time.time() - start
    return elapsed

for n in [64, 128, 256, 512, 1024]:
    t = attention_cost(n)
    print(f"Seq Len = {n:4d}, Time = {t*1000:.2f} ms")
