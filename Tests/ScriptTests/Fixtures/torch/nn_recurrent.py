# RNN, GRU and LSTM: constructors, settings, parameters, forward(input, hx) tuples, and a GRU language model trained
# with a hand-written SGD step.
import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNN(3, 4)
print(rnn, rnn.input_size, rnn.hidden_size, rnn.num_layers, rnn.bias, rnn.batch_first, rnn.dropout, rnn.bidirectional, rnn.nonlinearity, rnn.mode, rnn.proj_size)
print([(name, tuple(p.shape)) for name, p in rnn.named_parameters()])
print(rnn.weight_hh_l0)
x = torch.randn(5, 2, 3)
out, h = rnn(x)
print(type(out).__name__, out.shape, h.shape)
print(h)
out2, h2 = rnn(x, torch.ones(1, 2, 4))
print(h2)
print(rnn(x[:, 0])[1])

gru = nn.GRU(3, 4, num_layers=2, batch_first=True, bidirectional=True)
print(gru, gru.mode, gru._flat_weights_names)
print(list(gru.state_dict().keys()))
xb = torch.randn(2, 5, 3)
out, h = gru(xb)
print(out.shape, h.shape)
print(out[0, -1], h[:, 0])
print(len(gru.all_weights), [tuple(w.shape) for w in gru.all_weights[2]])

lstm = nn.LSTM(3, 4, 1, True, False, 0.0, False, 2)
print(lstm, lstm.proj_size, [(name, tuple(p.shape)) for name, p in lstm.named_parameters()])
lstm = nn.LSTM(input_size=3, hidden_size=4, num_layers=2)
result = lstm(x)
output, (hn, cn) = result
print(type(result[1]).__name__, output.shape, hn.shape, cn.shape)
print(hn[-1], cn[-1])
h0 = torch.zeros(2, 2, 4)
c0 = torch.ones(2, 2, 4)
print(lstm(x, (h0, c0))[1][1][0])
print(lstm(x[:, 1], [h0[:, 1], c0[:, 1]])[0][-1])
print(nn.RNN(2, 3, 2, 'relu', False, True, 0.5, True), nn.RNN(2, 3, nonlinearity='relu').mode)
print(nn.GRU(2, 3, dtype=torch.float64).weight_ih_l0.dtype)
rnn.flatten_parameters()


class CharModel(nn.Module):
    def __init__(self, vocab, hidden):
        super().__init__()
        self.embed = nn.Embedding(vocab, 8)
        self.gru = nn.GRU(8, hidden, batch_first=True)
        self.head = nn.Linear(hidden, vocab)

    def forward(self, idx, h=None):
        out, h = self.gru(self.embed(idx), h)
        return self.head(out), h


torch.manual_seed(42)
text = "hello world, hello gru"
chars = sorted(set(text))
stoi = {c: i for i, c in enumerate(chars)}
data = torch.tensor([stoi[c] for c in text])
model = CharModel(len(chars), 16)
print(model)
print([(name, tuple(p.shape)) for name, p in model.named_parameters()])
lr = 0.5
criterion = nn.CrossEntropyLoss()
inputs = data[:-1].unsqueeze(0)
targets = data[1:].unsqueeze(0)
for step in range(5):
    logits, _ = model(inputs)
    loss = criterion(logits.view(-1, len(chars)), targets.view(-1))
    for p in model.parameters():
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p -= lr * p.grad
    print(step, round(loss.item(), 4))
print(model.gru.weight_hh_l0[0, :4])
logits, h = model(torch.tensor([[stoi['h']]]))
print(h.shape, logits.argmax(-1))

for make in [lambda: nn.RNN(3, 4)(torch.ones(3)), lambda: nn.RNN(3, 4, proj_size=2), lambda: nn.GRU(3, 4, proj_size=2),
             lambda: nn.LSTM(3, 4, proj_size=5), lambda: nn.RNN(3, 4, nonlinearity='sig'),
             lambda: nn.LSTM(3, 4)(torch.ones(2, 3), torch.zeros(1, 4)), lambda: nn.GRU(3, 4.0), lambda: nn.RNN(3.0, 4),
             lambda: nn.RNN(3, 4, 1.5), lambda: nn.RNN(3, 4, dropout=2), lambda: nn.RNN(3, 4, dropout=True),
             lambda: nn.GRU(3, 4)(torch.ones(2, 5)), lambda: nn.GRU(3, 4)(torch.ones(2, 1, 3), torch.zeros(2, 1, 4)),
             lambda: nn.LSTM(3, 4)(torch.ones(2, 3), (torch.zeros(1, 4),))]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
