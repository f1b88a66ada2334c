# A Karpathy-style masked self-attention head and sampling, written with plain tensor ops.
import torch
import torch.nn.functional as F

torch.manual_seed(1337)
B, T, C = 2, 4, 8
x = torch.randn(B, T, C)
tril = torch.tril(torch.ones(T, T))
print(tril)
wei = torch.zeros((T, T))
wei = wei.masked_fill(tril == 0, float('-inf'))
wei = F.softmax(wei, dim=-1)
print(wei)
xbow = wei @ x
print(xbow.shape)
k = torch.randn(B, T, 16)
q = torch.randn(B, T, 16)
scores = q @ k.transpose(-2, -1) * 16 ** -0.5
scores = scores.masked_fill(tril[:T, :T] == 0, float('-inf'))
print(F.softmax(scores, dim=-1)[0])
probs = F.softmax(torch.tensor([1.0, 2.0, 3.0, 0.5]), dim=0)
print(probs, torch.multinomial(probs, num_samples=5, replacement=True))
print(x.var(), x.std(dim=-1).shape, x.mean(-1, keepdim=True).shape, x.cumsum(dim=1)[0, :, 0])
print(x.clamp(min=-0.5, max=0.5)[0, 0], torch.triu(torch.ones(3, 3), diagonal=1))
a, b = torch.arange(6).chunk(2)
print(a, b, torch.arange(7).split(3), torch.arange(4).reshape(2, 2).unbind(1))
print(torch.arange(3).repeat(2), torch.ones(1, 3).expand_as(torch.zeros(2, 3)), torch.arange(4).view_as(torch.zeros(2, 2)))
print(torch.tensor([3.0, 1.0, 2.0]).topk(2))

# expect: tensor([[1., 0., 0., 0.],
# expect:         [1., 1., 0., 0.],
# expect:         [1., 1., 1., 0.],
# expect:         [1., 1., 1., 1.]])
# expect: tensor([[1.0000, 0.0000, 0.0000, 0.0000],
# expect:         [0.5000, 0.5000, 0.0000, 0.0000],
# expect:         [0.3333, 0.3333, 0.3333, 0.0000],
# expect:         [0.2500, 0.2500, 0.2500, 0.2500]])
# expect: torch.Size([2, 4, 8])
# expect: tensor([[1.0000, 0.0000, 0.0000, 0.0000],
# expect:         [0.3826, 0.6174, 0.0000, 0.0000],
# expect:         [0.5437, 0.2873, 0.1689, 0.0000],
# expect:         [0.0843, 0.7044, 0.0181, 0.1932]])
# expect: tensor([0.0854, 0.2321, 0.6308, 0.0518]) tensor([2, 2, 2, 2, 1])
# expect: tensor(1.1975) torch.Size([2, 4]) torch.Size([2, 4, 1]) tensor([0.1808, 0.5419, 1.8907, 2.0168])
# expect: tensor([ 0.1808, -0.0700, -0.3596, -0.5000,  0.5000,  0.0255,  0.5000,  0.0643]) tensor([[0., 1., 1.],
# expect:         [0., 0., 1.],
# expect:         [0., 0., 0.]])
# expect: tensor([0, 1, 2]) tensor([3, 4, 5]) (tensor([0, 1, 2]), tensor([3, 4, 5]), tensor([6])) (tensor([0, 2]), tensor([1, 3]))
# expect: tensor([0, 1, 2, 0, 1, 2]) tensor([[1., 1., 1.],
# expect:         [1., 1., 1.]]) tensor([[0, 1],
# expect:         [2, 3]])
# expect: torch.return_types.topk(
# expect: values=tensor([3., 2.]),
# expect: indices=tensor([0, 2]))
