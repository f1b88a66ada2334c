# torch.* functions tutorials use: sampling with generators, rounding, products, moments, grids, dtype info.
import torch
torch.manual_seed(0)
x = torch.randn(3, 4)
g = torch.Generator().manual_seed(42)
print(torch.randn(2, 3, generator=g), torch.rand(2, generator=g), torch.randint(0, 10, (5,), generator=g))
print(torch.randperm(6), torch.randperm(5, generator=g), torch.normal(0.0, 2.0, size=(2, 2)))
p = torch.softmax(x, dim=1)
print(torch.multinomial(p, num_samples=2, replacement=True, generator=g), torch.bernoulli(p, generator=g))
print(torch.floor(x * 2), torch.ceil(x), torch.round(x * 3), torch.trunc(x * 2), torch.frac(x * 2), torch.exp2(x))
print(torch.erf(x), torch.square(x), torch.maximum(x, x.flip(0)), torch.minimum(x, torch.zeros(4)))
print(x.clamp_min(0), x.clamp_max(0.1), torch.lerp(x, torch.ones(3, 4), 0.3), x.lerp(x.flip(1), torch.full((4,), 0.7)))
y = torch.tensor([float("nan"), float("inf"), -float("inf"), 1.5])
print(torch.nan_to_num(y), y.nan_to_num(nan=0.5, posinf=9.0), torch.isclose(x, x + 1e-6), torch.isnan(y), y.isinf())
print(torch.count_nonzero(x > 0), x.count_nonzero(dim=1), torch.logsumexp(x, dim=1), x.logsumexp(dim=0, keepdim=True))
print(torch.cumprod(x, dim=1), x.prod(), x.prod(dim=0), x.norm(), x.norm(dim=1), torch.norm(x, p=1))
print(torch.diag(x), torch.diag(torch.tensor([1.0, 2.0])), x.diagonal(), torch.flip(x, [0, 1]), x.roll(1, 0), torch.roll(x, shifts=(1, 2), dims=(0, 1)))
i = torch.tensor([[0, 1], [2, 0], [1, 1]])
print(x.gather(1, i), torch.gather(x, 1, i), torch.zeros(3, 4).scatter(1, i, 1.0), torch.zeros(3, 4).scatter_(1, i, x[:, :2]))
print(torch.zeros(3, 4).scatter_add(1, i, torch.ones(3, 2)), x.index_select(0, torch.tensor([2, 0])), torch.index_select(x, 1, torch.tensor([3])))
print(torch.zeros(4, 2).index_add_(0, torch.tensor([0, 0, 3]), torch.ones(3, 2)), x.masked_select(x > 0.5))
print(torch.tensor([1, 2, 3]).repeat_interleave(2), torch.repeat_interleave(torch.tensor([[1, 2]]), torch.tensor([1, 3]), dim=1))
a, b = torch.randn(2, 3, 4), torch.randn(2, 4, 5)
print(torch.bmm(a, b).shape, torch.mm(x, x.T), torch.outer(torch.arange(3), torch.arange(2)), torch.dot(x[0], x[1]))
print(torch.addmm(torch.ones(3), x, x.T.contiguous()[:, :3].T.T[:4]), torch.baddbmm(torch.zeros(2, 3, 5), a, b, beta=0.5, alpha=2.0).shape)
v, m = torch.var_mean(x, dim=1)
print(v, m, torch.std_mean(x), torch.std_mean(x, dim=0, keepdim=True, correction=0))
gx, gy = torch.meshgrid(torch.arange(3), torch.arange(2), indexing="ij")
print(gx, gy, torch.meshgrid(torch.arange(3), torch.arange(2), indexing="xy")[0])
print(torch.arange(0, 1, 0.25), torch.arange(0.5, 3), torch.zeros(2, dtype=torch.long), torch.full((2, 2), 7))
print(x.amax(dim=1), x.amin(), torch.argmax(x, dim=1, keepdim=True), x.argmin(dim=0, keepdim=True))
print(x.max(dim=1), torch.min(x, 0))
print(torch.finfo(torch.float32), torch.finfo(torch.float64), torch.iinfo(torch.int64), torch.finfo().eps)
f = torch.finfo(torch.float32)
print(f.eps, f.max, f.min, f.tiny, f.bits, f.dtype, torch.iinfo(torch.long).max, torch.get_default_dtype())
with torch.inference_mode():
    print((x * 2).requires_grad, torch.is_grad_enabled())
@torch.no_grad
def f1(t):
    return torch.is_grad_enabled()
@torch.inference_mode()
def f2(t):
    return torch.is_grad_enabled()
print(f1(1), f2(2), torch.is_grad_enabled())
u = torch.tensor([[3, 1, 2], [3, 1, 7]])
print(torch.unique(u), u.unique(return_inverse=True), torch.unique(u, return_counts=True))
print(torch.unique(u, return_inverse=True, return_counts=True), torch.unique(torch.tensor([2.5, -1.0, 2.5])))
print(torch.unique(torch.tensor([], dtype=torch.long), return_inverse=True, return_counts=True), torch.unique(torch.tensor(5)))
print(torch.tril_indices(3, 3), torch.triu_indices(2, 4, 1), torch.tril_indices(0, 0), torch.triu_indices(3, 3, -1))
N = torch.ones(2, 3)
print(N.sum(1, keepdims=True), N.sum(axis=0), N.mean(axis=1, keepdims=True), torch.sum(N, axis=1), N.argmax(axis=1))
torch.finfo(torch.int64)

# expect: tensor([[ 0.3367,  0.1288,  0.2345],
# expect:         [ 0.2303, -1.1229, -0.1863]]) tensor([0.8694, 0.5677]) tensor([1, 2, 5, 5, 7])
# expect: tensor([2, 0, 3, 5, 1, 4]) tensor([1, 2, 4, 0, 3]) tensor([[ 2.1999, -0.1754],
# expect:         [ 0.8307,  1.2851]])
# expect: tensor([[1, 0],
# expect:         [3, 0],
# expect:         [3, 3]]) tensor([[0., 0., 0., 0.],
# expect:         [0., 0., 0., 0.],
# expect:         [0., 0., 0., 0.]])
# expect: tensor([[ 3., -1., -5.,  1.],
# expect:         [-3., -3.,  0.,  1.],
# expect:         [-2., -1., -2.,  0.]]) tensor([[ 2., -0., -2.,  1.],
# expect:         [-1., -1.,  1.,  1.],
# expect:         [-0., -0., -0.,  1.]]) tensor([[ 5., -1., -7.,  2.],
# expect:         [-3., -4.,  1.,  3.],
# expect:         [-2., -1., -2.,  1.]]) tensor([[ 3., -0., -4.,  1.],
# expect:         [-2., -2.,  0.,  1.],
# expect:         [-1., -0., -1.,  0.]]) tensor([[ 0.0820, -0.5869, -0.3576,  0.1369],
# expect:         [-0.1690, -0.7972,  0.8067,  0.6761],
# expect:         [-0.4385, -0.8067, -0.1933,  0.3641]]) tensor([[2.9100, 0.8160, 0.2209, 1.4829],
# expect:         [0.4715, 0.3793, 1.3226, 1.7876],
# expect:         [0.6074, 0.7561, 0.6613, 1.1345]])
# expect: tensor([[ 0.9707, -0.3218, -0.9979,  0.5785],
# expect:         [-0.8749, -0.9521,  0.4316,  0.7640],
# expect:         [-0.6909, -0.4316, -0.6012,  0.2032]]) tensor([[2.3747, 0.0861, 4.7471, 0.3231],
# expect:         [1.1762, 1.9561, 0.1627, 0.7023],
# expect:         [0.5173, 0.1627, 0.3560, 0.0331]]) tensor([[ 1.5410, -0.2934, -0.5966,  0.5684],
# expect:         [-1.0845, -1.3986,  0.4033,  0.8380],
# expect:         [ 1.5410, -0.2934, -0.5966,  0.5684]]) tensor([[ 0.0000, -0.2934, -2.1788,  0.0000],
# expect:         [-1.0845, -1.3986,  0.0000,  0.0000],
# expect:         [-0.7193, -0.4033, -0.5966,  0.0000]])
# expect: tensor([[1.5410, 0.0000, 0.0000, 0.5684],
# expect:         [0.0000, 0.0000, 0.4033, 0.8380],
# expect:         [0.0000, 0.0000, 0.0000, 0.1820]]) tensor([[ 0.1000, -0.2934, -2.1788,  0.1000],
# expect:         [-1.0845, -1.3986,  0.1000,  0.1000],
# expect:         [-0.7193, -0.4033, -0.5966,  0.1000]]) tensor([[ 1.3787,  0.0946, -1.2252,  0.6979],
# expect:         [-0.4592, -0.6790,  0.5823,  0.8866],
# expect:         [-0.2035,  0.0177, -0.1176,  0.4274]]) tensor([[ 0.8602, -1.6132, -0.8590,  1.2492],
# expect:         [ 0.2613, -0.1372, -0.8580, -0.5078],
# expect:         [-0.0884, -0.5386, -0.4613, -0.4489]])
# expect: tensor([ 0.0000e+00,  3.4028e+38, -3.4028e+38,  1.5000e+00]) tensor([ 5.0000e-01,  9.0000e+00, -3.4028e+38,  1.5000e+00]) tensor([[True, True, True, True],
# expect:         [True, True, True, True],
# expect:         [True, True, True, True]]) tensor([ True, False, False, False]) tensor([False,  True,  True, False])
# expect: tensor(5) tensor([4, 4, 4]) tensor([1.9870, 1.4802, 1.0666]) tensor([[1.7037, 0.5073, 0.7704, 1.6633]])
# expect: tensor([[ 1.5410, -0.4522,  0.9852,  0.5600],
# expect:         [-1.0845,  1.5168,  0.6118,  0.5127],
# expect:         [-0.7193,  0.2901, -0.1731, -0.0315]]) tensor(-0.0090) tensor([ 1.2021, -0.1655,  0.5243,  0.0867]) tensor(3.5493) tensor([2.7443, 1.9993, 1.0340]) tensor(10.2074)
# expect: tensor([ 1.5410, -1.3986, -0.5966]) tensor([[1., 0.],
# expect:         [0., 2.]]) tensor([ 1.5410, -1.3986, -0.5966]) tensor([[ 0.1820, -0.5966, -0.4033, -0.7193],
# expect:         [ 0.8380,  0.4033, -1.3986, -1.0845],
# expect:         [ 0.5684, -2.1788, -0.2934,  1.5410]]) tensor([[-0.7193, -0.4033, -0.5966,  0.1820],
# expect:         [ 1.5410, -0.2934, -2.1788,  0.5684],
# expect:         [-1.0845, -1.3986,  0.4033,  0.8380]]) tensor([[-0.5966,  0.1820, -0.7193, -0.4033],
# expect:         [-2.1788,  0.5684,  1.5410, -0.2934],
# expect:         [ 0.4033,  0.8380, -1.0845, -1.3986]])
# expect: tensor([[ 1.5410, -0.2934],
# expect:         [ 0.4033, -1.0845],
# expect:         [-0.4033, -0.4033]]) tensor([[ 1.5410, -0.2934],
# expect:         [ 0.4033, -1.0845],
# expect:         [-0.4033, -0.4033]]) tensor([[1., 1., 0., 0.],
# expect:         [1., 0., 1., 0.],
# expect:         [0., 1., 0., 0.]]) tensor([[ 1.5410, -0.2934,  0.0000,  0.0000],
# expect:         [-1.3986,  0.0000, -1.0845,  0.0000],
# expect:         [ 0.0000, -0.4033,  0.0000,  0.0000]])
# expect: tensor([[1., 1., 0., 0.],
# expect:         [1., 0., 1., 0.],
# expect:         [0., 2., 0., 0.]]) tensor([[-0.7193, -0.4033, -0.5966,  0.1820],
# expect:         [ 1.5410, -0.2934, -2.1788,  0.5684]]) tensor([[0.5684],
# expect:         [0.8380],
# expect:         [0.1820]])
# expect: tensor([[2., 2.],
# expect:         [0., 0.],
# expect:         [0., 0.],
# expect:         [1., 1.]]) tensor([1.5410, 0.5684, 0.8380])
# expect: tensor([1, 1, 2, 2, 3, 3]) tensor([[1, 2, 2, 2]])
# expect: torch.Size([2, 3, 5]) tensor([[ 7.5310, -1.6633,  0.4134],
# expect:         [-1.6633,  3.9972,  1.2561],
# expect:         [ 0.4134,  1.2561,  1.0691]]) tensor([[0, 0],
# expect:         [0, 1],
# expect:         [0, 2]]) tensor(-1.6633)
# expect: tensor([[ 8.5310, -0.6633,  1.4134],
# expect:         [-0.6633,  4.9972,  2.2561],
# expect:         [ 1.4134,  2.2561,  2.0691]]) torch.Size([2, 3, 5])
# expect: tensor([2.4994, 1.2039, 0.1595]) tensor([-0.0907, -0.3104, -0.3843]) (tensor(1.0346), tensor(-0.2618)) (tensor([[1.1612, 0.4971, 1.0630, 0.2692]]), tensor([[-0.0876, -0.6985, -0.7907,  0.5295]]))
# expect: tensor([[0, 0],
# expect:         [1, 1],
# expect:         [2, 2]]) tensor([[0, 1],
# expect:         [0, 1],
# expect:         [0, 1]]) tensor([[0, 1, 2],
# expect:         [0, 1, 2]])
# expect: tensor([0.0000, 0.2500, 0.5000, 0.7500]) tensor([0.5000, 1.5000, 2.5000]) tensor([0, 0]) tensor([[7, 7],
# expect:         [7, 7]])
# expect: tensor([1.5410, 0.8380, 0.1820]) tensor(-2.1788) tensor([[0],
# expect:         [3],
# expect:         [3]]) tensor([[1, 1, 0, 2]])
# expect: torch.return_types.max(
# expect: values=tensor([1.5410, 0.8380, 0.1820]),
# expect: indices=tensor([0, 3, 3])) torch.return_types.min(
# expect: values=tensor([-1.0845, -1.3986, -2.1788,  0.1820]),
# expect: indices=tensor([1, 1, 0, 2]))
# expect: finfo(resolution=1e-06, min=-3.40282e+38, max=3.40282e+38, eps=1.19209e-07, smallest_normal=1.17549e-38, tiny=1.17549e-38, dtype=float32) finfo(resolution=1e-15, min=-1.79769e+308, max=1.79769e+308, eps=2.22045e-16, smallest_normal=2.22507e-308, tiny=2.22507e-308, dtype=float64) iinfo(min=-9.22337e+18, max=9.22337e+18, dtype=int64) 1.1920928955078125e-07
# expect: 1.1920928955078125e-07 3.4028234663852886e+38 -3.4028234663852886e+38 1.1754943508222875e-38 32 float32 9223372036854775807 torch.float32
# expect: False False
# expect: False False True
# expect: tensor([1, 2, 3, 7]) (tensor([1, 2, 3, 7]), tensor([[2, 0, 1],
# expect:         [2, 0, 3]])) (tensor([1, 2, 3, 7]), tensor([2, 1, 2, 1]))
# expect: (tensor([1, 2, 3, 7]), tensor([[2, 0, 1],
# expect:         [2, 0, 3]]), tensor([2, 1, 2, 1])) tensor([-1.0000,  2.5000])
# expect: (tensor([], dtype=torch.int64), tensor([], dtype=torch.int64), tensor([], dtype=torch.int64)) tensor([5])
# expect: tensor([[0, 1, 1, 2, 2, 2],
# expect:         [0, 0, 1, 0, 1, 2]]) tensor([[0, 0, 0, 1, 1],
# expect:         [1, 2, 3, 2, 3]]) tensor([], size=(2, 0), dtype=torch.int64) tensor([[0, 0, 0, 1, 1, 1, 2, 2],
# expect:         [0, 1, 2, 0, 1, 2, 1, 2]])
# expect: tensor([[3.],
# expect:         [3.]]) tensor([2., 2., 2.]) tensor([[1.],
# expect:         [1.]]) tensor([3., 3.]) tensor([0, 0])
# expect-error: TypeError: torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'
