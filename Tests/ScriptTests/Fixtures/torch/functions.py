# torch functions that mirror methods, concatenation, Size and return types.
import torch
import torch.nn.functional as F

torch.manual_seed(1)
x = torch.randn(2, 3)
print(x)
print(torch.cat([x, x]).shape, torch.cat((x, x), dim=1).shape, torch.stack([x, x]).shape, torch.stack([x, x], dim=-1).shape)
print(torch.where(x > 0, x, torch.zeros_like(x)))
print(torch.sum(x, dim=1), torch.mean(x), torch.max(x), torch.argmax(x, dim=0))
values, indices = torch.max(x, dim=1)
print(values, indices)
m = x.min(dim=0, keepdim=True)
print(m.values.shape, m.indices, m[0].shape, len(m))
print(torch.softmax(x, dim=1).sum(dim=1))
print(torch.matmul(x, x.T).shape, torch.transpose(x, 0, 1).shape, torch.reshape(x, (3, 2)).shape)
s = x.shape
a, b = s
print(a, b, s[1:], s[-1], len(s), s == torch.Size([2, 3]), s != (2, 3), list(s), s.numel())
print(x.size(), x.size(dim=0), torch.Size([]), torch.tensor([]).shape)
print(torch.tensor([[1, 2], [3, 4]]).tolist(), torch.tensor(2.5).tolist(), torch.tensor([True]).tolist())
print(torch.arange(10, dtype=torch.float64), torch.full((2,), 1.5, dtype=torch.float64))
print(torch.ones(3).dtype, torch.ones(3, dtype=torch.long), torch.zeros(2, dtype=torch.bool))
print(F.gelu(torch.tensor([-1.0, 0.0, 1.0])), F.sigmoid(torch.tensor([0.0])), F.tanh(torch.tensor([1.0])))
i = torch.tensor([3, 7])
print(i // 2, i % 3, -i, i * 1.5, i / 2, 7 // i, 2 ** i, i.float().mean())
print(x.masked_fill(x < 0, float("-inf")).softmax(dim=-1))
t = torch.zeros(4)
t[1] = 5
t[-1] = 2.5
print(t, t.sum().item(), t[1:3].sum())
print(torch.tensor([1.0, 2.0]).sum(dim=0, keepdim=True), torch.ones(2, 3, 4).sum(dim=(0, 2)))
print(torch.tensor([[1.0]]).squeeze(0).shape, torch.ones(1, 2, 1).squeeze(-1).shape)
torch.ones(2, 3).view(4)

# expect: tensor([[ 0.6614,  0.2669,  0.0617],
# expect:         [ 0.6213, -0.4519, -0.1661]])
# expect: torch.Size([4, 3]) torch.Size([2, 6]) torch.Size([2, 2, 3]) torch.Size([2, 3, 2])
# expect: tensor([[0.6614, 0.2669, 0.0617],
# expect:         [0.6213, 0.0000, 0.0000]])
# expect: tensor([0.9900, 0.0033]) tensor(0.1655) tensor(0.6614) tensor([0, 0, 0])
# expect: tensor([0.6614, 0.6213]) tensor([0, 0])
# expect: torch.Size([1, 3]) tensor([[1, 1, 1]]) torch.Size([1, 3]) 2
# expect: tensor([1., 1.])
# expect: torch.Size([2, 2]) torch.Size([3, 2]) torch.Size([3, 2])
# expect: 2 3 torch.Size([3]) 3 2 True False [2, 3] 6
# expect: torch.Size([2, 3]) 2 torch.Size([]) torch.Size([0])
# expect: [[1, 2], [3, 4]] 2.5 [True]
# expect: tensor([0., 1., 2., 3., 4., 5., 6., 7., 8., 9.], dtype=torch.float64) tensor([1.5000, 1.5000], dtype=torch.float64)
# expect: torch.float32 tensor([1, 1, 1]) tensor([False, False])
# expect: tensor([-0.1587,  0.0000,  0.8413]) tensor([0.5000]) tensor([0.7616])
# expect: tensor([1, 3]) tensor([0, 1]) tensor([-3, -7]) tensor([ 4.5000, 10.5000]) tensor([1.5000, 3.5000]) tensor([2, 1]) tensor([  8, 128]) tensor(5.)
# expect: tensor([[0.4498, 0.3032, 0.2470],
# expect:         [1.0000, 0.0000, 0.0000]])
# expect: tensor([0.0000, 5.0000, 0.0000, 2.5000]) 7.5 tensor(5.)
# expect: tensor([3.]) tensor([8., 8., 8.])
# expect: torch.Size([1]) torch.Size([1, 2])
# expect-error: RuntimeError: shape '[4]' is invalid for input of size 6
