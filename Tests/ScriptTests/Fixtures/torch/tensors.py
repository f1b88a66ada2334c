# Tensor creation, attributes, methods and printing, checked against PyTorch 2.13.
import torch
import torch.nn.functional as F
import math

torch.manual_seed(0)
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(a)
print(a.shape, a.dtype, a.ndim, a.size(), a.size(1), a.size(-1), a.dim(), a.numel())
print(a.shape == (2, 3), a.shape[0], a.shape[-1], len(a), a.device)
print(torch.tensor([1, 2, 3]), torch.tensor([True, False]), torch.tensor(3.5), torch.tensor(2))
print(torch.tensor([1, 2], dtype=torch.float64))
print(torch.zeros(2, 3), torch.ones((2,)), torch.full((2, 2), 7))
print(torch.arange(5), torch.arange(1, 4, dtype=torch.float), torch.arange(0, 1, 0.25))
print(torch.linspace(0, 1, 5))
print(torch.eye(3))
print(torch.zeros_like(a), torch.ones_like(a, dtype=torch.long))
print(torch.randn(2, 3))
print(torch.rand(3))
print(torch.randint(0, 10, (2, 4)))
print(torch.randint(5, (3,)))
print(a.T, a.mT.shape)
print(a.reshape(3, 2), a.view(-1), a.reshape((6, 1)).shape)
print(a.transpose(0, 1), a.permute(1, 0).shape)
print(a.unsqueeze(0).shape, a.unsqueeze(0).squeeze().shape, a.unsqueeze(-1).shape)
print(a.sum(), a.sum(dim=0), a.sum(1, keepdim=True), a.mean(), a.mean(dim=-1))
print(a.max(), a.min(), a.argmax(), a.argmax(dim=1), a.max(dim=1))
print(a.softmax(dim=-1))
print(F.softmax(a, dim=0), F.log_softmax(a, dim=1))
print(F.relu(a - 3), torch.exp(a), a.log(), a.sqrt(), torch.sin(a), a.cos(), a.tanh(), a.sigmoid())
print(a.abs(), a.pow(2), a ** 2, 2 ** a, -a)
print(a + 1, 1 + a, a - 1, 10 - a, a * 2, 2 * a, a / 2, 2 / a, a // 2, a % 4)
print(a @ a.T, a > 2, 3 > a, a == 2.0, a != 1)
print(a.float().dtype, a.long(), a.double().dtype, a.bool(), a.to(torch.int64))
print(a.item() if a.numel() == 1 else a.tolist(), a[0, 1].item(), torch.tensor(5).item())
print(a.masked_fill(a > 3, 0.0), a.clone(), a.contiguous().is_leaf)
print(torch.float, torch.float32, torch.long, torch.int64, torch.bool, torch.double, torch.float64)
print(a.dtype == torch.float32, a.dtype == torch.float, a.dtype is torch.float32)
print(torch.Size([2, 3]), torch.Size([2, 3]) == (2, 3), list(a.shape), tuple(a.shape))
print(math.log(10000.0), math.exp(1), math.sqrt(2), math.pi, math.e, math.inf, math.floor(2.5), math.ceil(2.1))
print(math.log(8, 2), math.nan)
x = torch.arange(12).reshape(3, 4)
print(x[0], x[:, 1], x[1:, ::2], x[..., -1], x[None].shape, x[:, None, :].shape, x[[0, 2]], x[x > 5])
print(x[torch.tensor([2, 0])], x[True].shape, x[0, 0] + 1)
y = torch.zeros(3, 4)
y[:, 0::2] = 1.0
y[1] = torch.arange(4).float()
y[2, 1:3] = torch.tensor([7.0, 8.0])
print(y)
for row in torch.arange(6).reshape(2, 3):
    print(row, float(row[0]), int(row[1]))

# expect: tensor([[1., 2., 3.],
# expect:         [4., 5., 6.]])
# expect: torch.Size([2, 3]) torch.float32 2 torch.Size([2, 3]) 3 3 2 6
# expect: True 2 3 2 cpu
# expect: tensor([1, 2, 3]) tensor([ True, False]) tensor(3.5000) tensor(2)
# expect: tensor([1., 2.], dtype=torch.float64)
# expect: tensor([[0., 0., 0.],
# expect:         [0., 0., 0.]]) tensor([1., 1.]) tensor([[7, 7],
# expect:         [7, 7]])
# expect: tensor([0, 1, 2, 3, 4]) tensor([1., 2., 3.]) tensor([0.0000, 0.2500, 0.5000, 0.7500])
# expect: tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])
# expect: tensor([[1., 0., 0.],
# expect:         [0., 1., 0.],
# expect:         [0., 0., 1.]])
# expect: tensor([[0., 0., 0.],
# expect:         [0., 0., 0.]]) tensor([[1, 1, 1],
# expect:         [1, 1, 1]])
# expect: tensor([[ 1.5410, -0.2934, -2.1788],
# expect:         [ 0.5684, -1.0845, -1.3986]])
# expect: tensor([0.0223, 0.1689, 0.2939])
# expect: tensor([[6, 6, 8, 4],
# expect:         [3, 6, 9, 1]])
# expect: tensor([4, 4, 1])
# expect: tensor([[1., 4.],
# expect:         [2., 5.],
# expect:         [3., 6.]]) torch.Size([3, 2])
# expect: tensor([[1., 2.],
# expect:         [3., 4.],
# expect:         [5., 6.]]) tensor([1., 2., 3., 4., 5., 6.]) torch.Size([6, 1])
# expect: tensor([[1., 4.],
# expect:         [2., 5.],
# expect:         [3., 6.]]) torch.Size([3, 2])
# expect: torch.Size([1, 2, 3]) torch.Size([2, 3]) torch.Size([2, 3, 1])
# expect: tensor(21.) tensor([5., 7., 9.]) tensor([[ 6.],
# expect:         [15.]]) tensor(3.5000) tensor([2., 5.])
# expect: tensor(6.) tensor(1.) tensor(5) tensor([2, 2]) torch.return_types.max(
# expect: values=tensor([3., 6.]),
# expect: indices=tensor([2, 2]))
# expect: tensor([[0.0900, 0.2447, 0.6652],
# expect:         [0.0900, 0.2447, 0.6652]])
# expect: tensor([[0.0474, 0.0474, 0.0474],
# expect:         [0.9526, 0.9526, 0.9526]]) tensor([[-2.4076, -1.4076, -0.4076],
# expect:         [-2.4076, -1.4076, -0.4076]])
# expect: tensor([[0., 0., 0.],
# expect:         [1., 2., 3.]]) tensor([[  2.7183,   7.3891,  20.0855],
# expect:         [ 54.5981, 148.4132, 403.4288]]) tensor([[0.0000, 0.6931, 1.0986],
# expect:         [1.3863, 1.6094, 1.7918]]) tensor([[1.0000, 1.4142, 1.7321],
# expect:         [2.0000, 2.2361, 2.4495]]) tensor([[ 0.8415,  0.9093,  0.1411],
# expect:         [-0.7568, -0.9589, -0.2794]]) tensor([[ 0.5403, -0.4161, -0.9900],
# expect:         [-0.6536,  0.2837,  0.9602]]) tensor([[0.7616, 0.9640, 0.9951],
# expect:         [0.9993, 0.9999, 1.0000]]) tensor([[0.7311, 0.8808, 0.9526],
# expect:         [0.9820, 0.9933, 0.9975]])
# expect: tensor([[1., 2., 3.],
# expect:         [4., 5., 6.]]) tensor([[ 1.,  4.,  9.],
# expect:         [16., 25., 36.]]) tensor([[ 1.,  4.,  9.],
# expect:         [16., 25., 36.]]) tensor([[ 2.,  4.,  8.],
# expect:         [16., 32., 64.]]) tensor([[-1., -2., -3.],
# expect:         [-4., -5., -6.]])
# expect: tensor([[2., 3., 4.],
# expect:         [5., 6., 7.]]) tensor([[2., 3., 4.],
# expect:         [5., 6., 7.]]) tensor([[0., 1., 2.],
# expect:         [3., 4., 5.]]) tensor([[9., 8., 7.],
# expect:         [6., 5., 4.]]) tensor([[ 2.,  4.,  6.],
# expect:         [ 8., 10., 12.]]) tensor([[ 2.,  4.,  6.],
# expect:         [ 8., 10., 12.]]) tensor([[0.5000, 1.0000, 1.5000],
# expect:         [2.0000, 2.5000, 3.0000]]) tensor([[2.0000, 1.0000, 0.6667],
# expect:         [0.5000, 0.4000, 0.3333]]) tensor([[0., 1., 1.],
# expect:         [2., 2., 3.]]) tensor([[1., 2., 3.],
# expect:         [0., 1., 2.]])
# expect: tensor([[14., 32.],
# expect:         [32., 77.]]) tensor([[False, False,  True],
# expect:         [ True,  True,  True]]) tensor([[ True,  True, False],
# expect:         [False, False, False]]) tensor([[False,  True, False],
# expect:         [False, False, False]]) tensor([[False,  True,  True],
# expect:         [ True,  True,  True]])
# expect: torch.float32 tensor([[1, 2, 3],
# expect:         [4, 5, 6]]) torch.float64 tensor([[True, True, True],
# expect:         [True, True, True]]) tensor([[1, 2, 3],
# expect:         [4, 5, 6]])
# expect: [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]] 2.0 5
# expect: tensor([[1., 2., 3.],
# expect:         [0., 0., 0.]]) tensor([[1., 2., 3.],
# expect:         [4., 5., 6.]]) True
# expect: torch.float32 torch.float32 torch.int64 torch.int64 torch.bool torch.float64 torch.float64
# expect: True True True
# expect: torch.Size([2, 3]) True [2, 3] (2, 3)
# expect: 9.210340371976184 2.718281828459045 1.4142135623730951 3.141592653589793 2.718281828459045 inf 2 3
# expect: 3.0 nan
# expect: tensor([0, 1, 2, 3]) tensor([1, 5, 9]) tensor([[ 4,  6],
# expect:         [ 8, 10]]) tensor([ 3,  7, 11]) torch.Size([1, 3, 4]) torch.Size([3, 1, 4]) tensor([[ 0,  1,  2,  3],
# expect:         [ 8,  9, 10, 11]]) tensor([ 6,  7,  8,  9, 10, 11])
# expect: tensor([[ 8,  9, 10, 11],
# expect:         [ 0,  1,  2,  3]]) torch.Size([1, 3, 4]) tensor(1)
# expect: tensor([[1., 0., 1., 0.],
# expect:         [0., 1., 2., 3.],
# expect:         [1., 7., 8., 0.]])
# expect: tensor([0, 1, 2]) 0.0 1
# expect: tensor([3, 4, 5]) 3.0 4
