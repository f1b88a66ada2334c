# PyTorch demo: sinusoidal positional encoding

import torch
import math

def positional_encoding(seq_len, d_model):
    """Return sinusoidal positional encodings."""
    pe = torch.zeros(seq_len, d_model)
    position = torch.arange(0, seq_len, dtype=torch.float).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d_model, 2).float() * (-math.log(10000.0) / d_model))

    pe[:, 0::2] = torch.sin(position * div_term)   # even dimensions
    pe[:, 1::2] = torch.cos(position * div_term)   # odd dimensions
    return pe

seq_len, d_model = 10, 16
pe = positional_encoding(seq_len, d_model)

print("Shape of positional encoding:", pe.shape)
print("\nFirst position encoding:\n", pe[0])
print("\nSecond position encoding:\n", pe[1])
