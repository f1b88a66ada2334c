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

# expect: RNN(3, 4) 3 4 1 True False 0.0 False tanh RNN_TANH 0
# expect: [('weight_ih_l0', (4, 3)), ('weight_hh_l0', (4, 4)), ('bias_ih_l0', (4,)), ('bias_hh_l0', (4,))]
# expect: Parameter containing:
# expect: tensor([[-0.4777, -0.3311, -0.2061,  0.0185],
# expect:         [ 0.1977,  0.3000, -0.3390, -0.2177],
# expect:         [ 0.1816,  0.4152, -0.1029,  0.3742],
# expect:         [-0.0806,  0.0529,  0.4527, -0.4638]], requires_grad=True)
# expect: Tensor torch.Size([5, 2, 4]) torch.Size([1, 2, 4])
# expect: tensor([[[ 0.1121,  0.0146, -0.2936, -0.3638],
# expect:          [ 0.1131, -0.6635, -0.4673, -0.3949]]], grad_fn=<StackBackward0>)
# expect: tensor([[[ 0.1241,  0.0172, -0.2525, -0.4160],
# expect:          [ 0.1143, -0.6649, -0.4442, -0.4301]]], grad_fn=<StackBackward0>)
# expect: tensor([[ 0.1121,  0.0146, -0.2936, -0.3638]], grad_fn=<SqueezeBackward1>)
# expect: GRU(3, 4, num_layers=2, batch_first=True, bidirectional=True) GRU ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_ih_l0_reverse', 'weight_hh_l0_reverse', 'bias_ih_l0_reverse', 'bias_hh_l0_reverse', 'weight_ih_l1', 'weight_hh_l1', 'bias_ih_l1', 'bias_hh_l1', 'weight_ih_l1_reverse', 'weight_hh_l1_reverse', 'bias_ih_l1_reverse', 'bias_hh_l1_reverse']
# expect: ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0', 'weight_ih_l0_reverse', 'weight_hh_l0_reverse', 'bias_ih_l0_reverse', 'bias_hh_l0_reverse', 'weight_ih_l1', 'weight_hh_l1', 'bias_ih_l1', 'bias_hh_l1', 'weight_ih_l1_reverse', 'weight_hh_l1_reverse', 'bias_ih_l1_reverse', 'bias_hh_l1_reverse']
# expect: torch.Size([2, 5, 8]) torch.Size([4, 2, 4])
# expect: tensor([ 0.2481,  0.4666,  0.4421,  0.0486,  0.2039,  0.1261, -0.0996,  0.2309],
# expect:        grad_fn=<SelectBackward0>) tensor([[-0.3370,  0.0730, -0.3528, -0.1266],
# expect:         [-0.5619, -0.0217,  0.1123,  0.5151],
# expect:         [ 0.2481,  0.4666,  0.4421,  0.0486],
# expect:         [ 0.6126,  0.4138,  0.0173,  0.1431]], grad_fn=<SelectBackward0>)
# expect: 4 [(12, 8), (12, 4), (12,), (12,)]
# expect: LSTM(3, 4, proj_size=2) 2 [('weight_ih_l0', (16, 3)), ('weight_hh_l0', (16, 2)), ('bias_ih_l0', (16,)), ('bias_hh_l0', (16,)), ('weight_hr_l0', (2, 4))]
# expect: tuple torch.Size([5, 2, 4]) torch.Size([2, 2, 4]) torch.Size([2, 2, 4])
# expect: tensor([[ 0.0636, -0.2369,  0.1889, -0.1775],
# expect:         [-0.0047, -0.2331,  0.1297, -0.1653]], grad_fn=<SelectBackward0>) tensor([[ 0.1168, -0.4706,  0.2768, -0.3148],
# expect:         [-0.0083, -0.4568,  0.1862, -0.3126]], grad_fn=<SelectBackward0>)
# expect: tensor([[ 0.3602, -0.6429, -0.1746, -0.1880],
# expect:         [ 0.4038, -0.6147,  0.3654, -0.3599]], grad_fn=<SelectBackward0>)
# expect: tensor([-0.0044, -0.2099,  0.1340, -0.1395], grad_fn=<SelectBackward0>)
# expect: RNN(2, 3, num_layers=2, bias=False, batch_first=True, dropout=0.5, bidirectional=True) RNN_RELU
# expect: torch.float64
# expect: CharModel(
# expect:   (embed): Embedding(11, 8)
# expect:   (gru): GRU(8, 16, batch_first=True)
# expect:   (head): Linear(in_features=16, out_features=11, bias=True)
# expect: )
# expect: [('embed.weight', (11, 8)), ('gru.weight_ih_l0', (48, 8)), ('gru.weight_hh_l0', (48, 16)), ('gru.bias_ih_l0', (48,)), ('gru.bias_hh_l0', (48,)), ('head.weight', (11, 16)), ('head.bias', (11,))]
# expect: 0 2.4152
# expect: 1 2.3325
# expect: 2 2.2656
# expect: 3 2.2096
# expect: 4 2.1615
# expect: tensor([0.2280, 0.2433, 0.0755, 0.0863], grad_fn=<SliceBackward0>)
# expect: torch.Size([1, 1, 16]) tensor([[0]])
# expect: ValueError RNN: Expected input to be 2D or 3D, got 1D tensor instead
# expect: ValueError proj_size argument is only supported for LSTM, not RNN or GRU
# expect: ValueError proj_size argument is only supported for LSTM, not RNN or GRU
# expect: ValueError proj_size has to be smaller than hidden_size
# expect: ValueError Unknown nonlinearity 'sig'. Select from 'tanh' or 'relu'.
# expect: IndexError index 1 is out of bounds for dimension 0 with size 1
# expect: TypeError hidden_size should be of type int, got: float
# expect: TypeError input_size should be of type int, got: float
# expect: TypeError 'float' object cannot be interpreted as an integer
# expect: ValueError dropout should be a number in range [0, 1] representing the probability of an element being zeroed
# expect: ValueError dropout should be a number in range [0, 1] representing the probability of an element being zeroed
# expect: RuntimeError input.size(-1) must be equal to input_size. Expected 3, got 5
# expect: RuntimeError Expected hidden size (1, 1, 4), got [2, 1, 4]
# expect: IndexError tuple index out of range
