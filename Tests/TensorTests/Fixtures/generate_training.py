"""End-to-end training fixtures: the seed document's toy autoregressive model trained as a learner would train it.

Run with PyTorch 2.13 CPU: python generate_training.py  (writes training.json).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

from fixture_support import check_version, encode, write


class ToyARModel(nn.Module):
    """The seed document's model: embedding, GRU, linear read-out."""

    def __init__(self, vocab_size, hidden_dim=16):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, hidden_dim)
        self.rnn = nn.GRU(hidden_dim, hidden_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, vocab_size)

    def forward(self, x):
        h = self.embed(x)
        out, _ = self.rnn(h)
        return self.fc(out)


def run(seed, optimizer_name, steps):
    torch.manual_seed(seed)
    vocab_size = 10
    model = ToyARModel(vocab_size)
    # A small repeating sequence, as the first lesson trains on.
    sequence = torch.tensor([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3], [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7]])
    if optimizer_name == "adam":
        optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    else:
        optimizer = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
    losses = []
    for _ in range(steps):
        logits = model(sequence[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, vocab_size), sequence[:, 1:].reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return {
        "seed": seed,
        "optimizer": optimizer_name,
        "sequence": encode(sequence),
        "losses": losses,
        "final_fc_weight": encode(model.fc.weight),
    }


def main():
    check_version()
    write("training", {"runs": [run(0, "adam", 30), run(1, "sgd", 30)]})


if __name__ == "__main__":
    main()
