# PyTorch demo: residual + layer norm (pre-norm vs post-norm)

import torch
import torch.nn as nn

torch.manual_seed(0)

x = torch.randn(2, 5, 16)  # (batch, seq_len, d_model)
layer_norm = nn.LayerNorm(16)
linear = nn.Linear(16, 16)

# --- Post-norm (original Transformer) ---
out_post = layer_norm(x + linear(x))

# --- Pre-norm (modern Transformers) ---
out_pre = x + linear(layer_norm(x))

print("Input shape:", x.shape)
print("Post-norm output shape:", out_post.shape)
print("Pre-norm output shape:", out_pre.shape)
