# PyTorch demo: compute autoregressive log-likelihood for a toy sequence

import torch
import torch.nn as nn
import torch.nn.functional as F

# Toy setup
vocab_size = 10
seq_len = 6
batch_size = 2

# Fake "model" = simple embedding + linear classifier
class ToyARModel(nn.Module):
    def __init__(self, vocab_size, hidden_dim=16):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, hidden_dim)
        self.rnn = nn.GRU(hidden_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, vocab_size)

    def forward(self, x):
        h = self.embed(x)
        out, _ = self.rnn(h)
        logits = self.fc(out)  # shape: (batch, seq_len, vocab_size)
        return logits

# Sample data: two sequences
x = torch.randint(0, vocab_size, (batch_size, seq_len))
print("Input sequences:\n", x)

model = ToyARModel(vocab_size)
logits = model(x[:, :-1])  # predict next token given prefix

# Compute autoregressive log-likelihood
log_probs = F.log_softmax(logits, dim=-1)
target = x[:, 1:]  # predict x_t given x_{<t}
nll = F.nll_loss(
    log_probs.reshape(-1, vocab_size),
    target.reshape(-1),
    reduction="mean"
)

print("Negative Log-Likelihood (to minimize):", nll.item())
