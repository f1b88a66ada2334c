# PyTorch demo: Scaled Dot-Product Attention (matrix form) and Multi-Head

import torch
import torch.nn.functional as F
import torch.nn as nn

torch.manual_seed(123)

batch_size, n_q, n_k = 2, 4, 5
d_model, d_k, d_v, n_heads = 16, 16, 16, 4

# Random Q, K, V
Q = torch.randn(batch_size, n_q, d_model)
K = torch.randn(batch_size, n_k, d_model)
V = torch.randn(batch_size, n_k, d_model)

# ---- 1. Scaled Dot-Product Attention ----
scores = Q @ K.transpose(-2, -1) / (d_k ** 0.5)  # (batch, n_q, n_k)
weights = F.softmax(scores, dim=-1)
out = weights @ V  # (batch, n_q, d_model)

print("Scaled Dot-Product Attention output shape:", out.shape)

# ---- 2. Multi-Head Attention (PyTorch built-in) ----
mha = nn.MultiheadAttention(embed_dim=d_model, num_heads=n_heads, batch_first=True)
mha_out, attn_weights = mha(Q, K, V)

print("Multi-Head Attention output shape:", mha_out.shape)
print("Attention weights shape (batch, n_q, n_k):", attn_weights.shape)
