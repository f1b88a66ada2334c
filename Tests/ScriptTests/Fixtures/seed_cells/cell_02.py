# PyTorch demo: scaled dot-product attention

import torch
import torch.nn.functional as F

torch.manual_seed(42)

# Example dimensions
batch_size = 1
n_q, n_k = 3, 5
d_k, d_v = 4, 6

# Random queries, keys, values
Q = torch.randn(batch_size, n_q, d_k)
K = torch.randn(batch_size, n_k, d_k)
V = torch.randn(batch_size, n_k, d_v)

# Compute scaled dot-product attention
scores = Q @ K.transpose(-2, -1) / (d_k ** 0.5)   # (batch, n_q, n_k)
weights = F.softmax(scores, dim=-1)               # attention distribution
output = weights @ V                              # (batch, n_q, d_v)

print("Attention scores (before softmax):\n", scores[0])
print("\nAttention weights (after softmax):\n", weights[0])
print("\nAttention output shape:", output.shape)
