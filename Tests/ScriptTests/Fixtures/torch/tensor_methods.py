# Tensor methods: in-place updates, random fills, layout, new_* factories, selection and return types.
import torch
torch.manual_seed(0)
x = torch.randn(3, 4)
t = torch.zeros(2, 3)
print(t.add_(1), t.add_(torch.ones(3), alpha=2), t.sub_(0.5), t.mul_(2), t.div_(4), t.clamp_(max=1.2), t.clamp_(0.5, 1.0))
print(t.copy_(x[:2, :3]), t.fill_(3), t.zero_(), t.uniform_(-1, 1), t.normal_(0, 0.1), t.bernoulli_(0.5), t.exponential_())
g = torch.Generator().manual_seed(3)
print(t.uniform_(generator=g), t.normal_(generator=g), x.is_contiguous(), x.T.is_contiguous(), x.stride(), x.T.stride(1))
print(x[1:, 2:].storage_offset(), x.element_size(), x.long().element_size(), x.is_floating_point(), torch.is_floating_point(x.long()))
print(x.new_zeros(2), x.new_ones((2, 1)), x.new_full((2,), 3), x.new_tensor([1, 2]), x.long().new_zeros(3), x.new_empty(2).shape)
print(x.type_as(torch.tensor([1])), x.view_as(torch.zeros(4, 3)).shape, x.expand_as(torch.zeros(2, 3, 4)).shape, x.reshape_as(torch.zeros(12)).shape)
print(x.float().dtype, x.double().dtype, x.long(), x.bool(), x.contiguous().is_contiguous())
print(x.narrow(1, 1, 2), x.movedim(0, 1).shape, x.unflatten(1, (2, 2)).shape, x[0].tile(2), x.take_along_dim(torch.tensor([[0], [1], [2]]), dim=1))
print(x.nonzero().shape, (x > 0).logical_not(), (x > 0).logical_and(x < 1), torch.logical_or(x > 1, x < -1))
v = x.max(dim=1)
print(v, v.values, v.indices, type(v).__name__)
vals, idx = x.topk(2)
print(vals, idx)
print(x.sort(dim=0))
w = torch.ones(3, requires_grad=True)
w.data += -0.5 * torch.tensor([1.0, 2.0, 3.0])
print(w, w.is_leaf, torch.tensor([1.0, 100.0]).log10(), torch.log2(torch.tensor([8.0])), torch.expm1(torch.tensor([1e-5])))
w.data = torch.zeros(2, 2)
print(w, w.shape, w.requires_grad)
x.new_full((2,), "a")

# expect: tensor([[1., 1., 1.],
# expect:         [1., 1., 1.]]) tensor([[1., 1., 1.],
# expect:         [1., 1., 1.]]) tensor([[1., 1., 1.],
# expect:         [1., 1., 1.]]) tensor([[1., 1., 1.],
# expect:         [1., 1., 1.]]) tensor([[1., 1., 1.],
# expect:         [1., 1., 1.]]) tensor([[1., 1., 1.],
# expect:         [1., 1., 1.]]) tensor([[1., 1., 1.],
# expect:         [1., 1., 1.]])
# expect: tensor([[1.1455, 1.3680, 0.2583],
# expect:         [1.6602, 0.9958, 0.2180]]) tensor([[1.1455, 1.3680, 0.2583],
# expect:         [1.6602, 0.9958, 0.2180]]) tensor([[1.1455, 1.3680, 0.2583],
# expect:         [1.6602, 0.9958, 0.2180]]) tensor([[1.1455, 1.3680, 0.2583],
# expect:         [1.6602, 0.9958, 0.2180]]) tensor([[1.1455, 1.3680, 0.2583],
# expect:         [1.6602, 0.9958, 0.2180]]) tensor([[1.1455, 1.3680, 0.2583],
# expect:         [1.6602, 0.9958, 0.2180]]) tensor([[1.1455, 1.3680, 0.2583],
# expect:         [1.6602, 0.9958, 0.2180]])
# expect: tensor([[ 0.7625,  1.4948, -0.5175],
# expect:         [-0.4186, -0.9309,  0.4139]]) tensor([[ 0.7625,  1.4948, -0.5175],
# expect:         [-0.4186, -0.9309,  0.4139]]) True False (4, 1) 4
# expect: 6 4 8 True False
# expect: tensor([0., 0.]) tensor([[1.],
# expect:         [1.]]) tensor([3., 3.]) tensor([1., 2.]) tensor([0, 0, 0]) torch.Size([2])
# expect: tensor([[ 1,  0, -2,  0],
# expect:         [-1, -1,  0,  0],
# expect:         [ 0,  0,  0,  0]]) torch.Size([4, 3]) torch.Size([2, 3, 4]) torch.Size([12])
# expect: torch.float32 torch.float64 tensor([[ 1,  0, -2,  0],
# expect:         [-1, -1,  0,  0],
# expect:         [ 0,  0,  0,  0]]) tensor([[True, True, True, True],
# expect:         [True, True, True, True],
# expect:         [True, True, True, True]]) True
# expect: tensor([[-0.2934, -2.1788],
# expect:         [-1.3986,  0.4033],
# expect:         [-0.4033, -0.5966]]) torch.Size([4, 3]) torch.Size([3, 2, 2]) tensor([ 1.5410, -0.2934, -2.1788,  0.5684,  1.5410, -0.2934, -2.1788,  0.5684]) tensor([[ 1.5410],
# expect:         [-1.3986],
# expect:         [-0.5966]])
# expect: torch.Size([12, 2]) tensor([[False,  True,  True, False],
# expect:         [ True,  True, False, False],
# expect:         [ True,  True,  True, False]]) tensor([[False, False, False,  True],
# expect:         [False, False,  True,  True],
# expect:         [False, False, False,  True]]) tensor([[ True, False,  True, False],
# expect:         [ True,  True, False, False],
# expect:         [False, False, False, False]])
# expect: torch.return_types.max(
# expect: values=tensor([1.5410, 0.8380, 0.1820]),
# expect: indices=tensor([0, 3, 3])) tensor([1.5410, 0.8380, 0.1820]) tensor([0, 3, 3]) max
# expect: tensor([[ 1.5410,  0.5684],
# expect:         [ 0.8380,  0.4033],
# expect:         [ 0.1820, -0.4033]]) tensor([[0, 3],
# expect:         [3, 2],
# expect:         [3, 1]])
# expect: torch.return_types.sort(
# expect: values=tensor([[-1.0845, -1.3986, -2.1788,  0.1820],
# expect:         [-0.7193, -0.4033, -0.5966,  0.5684],
# expect:         [ 1.5410, -0.2934,  0.4033,  0.8380]]),
# expect: indices=tensor([[1, 1, 0, 2],
# expect:         [2, 2, 2, 0],
# expect:         [0, 0, 1, 1]]))
# expect: tensor([ 0.5000,  0.0000, -0.5000], requires_grad=True) True tensor([0., 2.]) tensor([3.]) tensor([1.0000e-05])
# expect: tensor([[0., 0.],
# expect:         [0., 0.]], requires_grad=True) torch.Size([2, 2]) True
# expect-error: TypeError: new_full(): argument 'fill_value' (position 2) must be Number, not str
