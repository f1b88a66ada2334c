# PyTorch demo: Sequential RNN vs Parallel Transformer Attention

import torch
import torch.nn as nn

torch.manual_seed(42)
batch_size, seq_len, d_model = 1, 6, 8

x = torch.randn(batch_size, seq_len, d_model)

# --- RNN: sequential processing ---
rnn = nn.RNN(d_model, d_model, batch_first=True)
h, _ = rnn(x)  # output (batch, seq_len, d_model)

print("RNN processes sequentially:")
for t in range(seq_len):
    print(f" Step {t}: hidden state depends on all x[:{t+1}]")

# --- Transformer: parallel attention ---
mha = nn.MultiheadAttention(embed_dim=d_model, num_heads=2, batch_first=True)
attn_out, attn_weights = mha(x, x, x)

print("\nTransformer processes in parallel:")
print(" Attention weights shape:", attn_weights.shape)  # (batch, num_heads, seq_len, seq_len)
print(" Each position attends to ALL positions simultaneously.")
