import math
import time
import random

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(0)
random.seed(0)

# Synthetic regression data: y = 3x - 2 + noise
N = 256
X = torch.linspace(-1, 1, N).unsqueeze(1)
y = 3 * X - 2 + 0.1 * torch.randn(N, 1)


class MLP(nn.Module):
    def __init__(self, d_in: int, d_hidden: int = 32, d_out: int = 1) -> None:
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(d_in, d_hidden),
            nn.Tanh(),
            nn.Linear(d_hidden, d_out),
        )

    def forward(self, x):
        return self.layers(x)


model = MLP(1)
opt = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loss_fn = nn.MSELoss()
history = []

start = time.perf_counter()
for epoch in range(1, 201):
    perm = torch.randperm(N)
    epoch_loss = 0.0
    for i in range(0, N, 32):
        idx = perm[i:i + 32]
        xb, yb = X[idx], y[idx]
        pred = model(xb)
        loss = loss_fn(pred, yb)
        opt.zero_grad()
        loss.backward()
        opt.step()
        epoch_loss += loss.item() * len(idx)
    epoch_loss /= N
    history.append(epoch_loss)
    if epoch % 50 == 0:
        elapsed = time.perf_counter() - start
        print(f"epoch {epoch:3d} | loss {epoch_loss:.6f} | {elapsed * 1000:.1f} ms")

with torch.no_grad():
    test = torch.tensor([[0.5], [-0.5]])
    print(model(test))
    print("final loss:", round(history[-1], 4), "best:", min(history))

# gradient clipping and learning-rate schedule
scheduler_steps = [int(0.5 * 200), int(0.75 * 200)]
lr = 0.1
for step in range(200):
    if step in scheduler_steps:
        lr *= 0.1
    for group in opt.param_groups:
        group["lr"] = lr
total_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)

# classification with cross entropy
logits = torch.randn(4, 3, requires_grad=True)
targets = torch.tensor([0, 2, 1, 2])
loss = F.cross_entropy(logits, targets)
loss.backward()
print(loss, logits.grad.shape)
acc = (logits.argmax(dim=-1) == targets).float().mean().item()
print(f"accuracy: {acc:.2%}")

def count_parameters(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters() if p.requires_grad)

print("params:", count_parameters(model))
print(math.sqrt(2.0), math.pi, math.exp(-1), math.log(10.0))
