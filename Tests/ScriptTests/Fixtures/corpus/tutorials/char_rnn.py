import torch
import torch.nn as nn

class CharRNN(nn.Module):
    def __init__(self, vocab_size, hidden_size=64, num_layers=1):
        super(CharRNN, self).__init__()
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.embed = nn.Embedding(vocab_size, hidden_size)
        self.rnn = nn.GRU(hidden_size, hidden_size, num_layers, batch_first=True)
        self.fc = nn.Linear(hidden_size, vocab_size)

    def forward(self, x, hidden=None):
        emb = self.embed(x)
        out, hidden = self.rnn(emb, hidden)
        return self.fc(out), hidden

    def init_hidden(self, batch_size):
        return torch.zeros(self.num_layers, batch_size, self.hidden_size)

text = "to be or not to be that is the question"
chars = sorted(set(text))
char_to_ix = {c: i for i, c in enumerate(chars)}
ix_to_char = dict(enumerate(chars))
data = torch.tensor([char_to_ix[c] for c in text])

model = CharRNN(len(chars))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
criterion = nn.CrossEntropyLoss()

seq_len = 10
for step in range(100):
    i = step % (len(data) - seq_len - 1)
    inputs = data[i:i + seq_len].unsqueeze(0)
    targets = data[i + 1:i + seq_len + 1].unsqueeze(0)
    logits, _ = model(inputs)
    loss = criterion(logits.view(-1, len(chars)), targets.view(-1))
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 5.0)
    optimizer.step()
    if (step + 1) % 25 == 0:
        print('step %d, loss %.4f' % (step + 1, loss.item()))

hidden = None
x = torch.tensor([[char_to_ix['t']]])
result = ['t']
with torch.no_grad():
    for _ in range(20):
        logits, hidden = model(x, hidden)
        probs = torch.softmax(logits[0, -1], dim=0)
        ix = torch.multinomial(probs, 1).item()
        result.append(ix_to_char[ix])
        x = torch.tensor([[ix]])
print(''.join(result))
