# PyTorch demo: Transformer output layer (projection to vocab)

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)

# Suppose vocab of size 8 and decoder hidden dim = 16
vocab_size = 8
d_model = 16

# Decoder hidden state at time t
y_t_hat = torch.randn(1, d_model)  # (batch=1, d_model)

# Embedding / projection matrix
E = nn.Linear(d_model, vocab_size, bias=False)

# Logits and softmax distribution
logits = E(y_t_hat)                  # (1, vocab_size)
probs = F.softmax(logits, dim=-1)    # (1, vocab_size)

print("Logits:\n", logits)
print("\nSoftmax distribution over vocabulary:\n", probs)
print("\nPredicted token index:", torch.argmax(probs, dim=-1).item())
