# Truth reductions, sorting and closeness.
import torch

torch.manual_seed(5)
x = torch.randn(3, 4)
print((x > 0).all(), (x > 0).any(), (x > -5).all(dim=1), (x > 1).any(dim=0, keepdim=True))
print(x.sort(dim=1), x.argsort(dim=0, descending=True))
values, order = torch.sort(x[0], descending=True)
print(values, order)
print(torch.allclose(x, x + 1e-9), x.allclose(x + 1e-3), torch.allclose(torch.tensor([float('inf')]), torch.tensor([float('inf')])))
print(torch.equal(x, x.clone()), torch.equal(x, x[:2]), x.equal(x + 1))

# expect: tensor(False) tensor(True) tensor([True, True, True]) tensor([[False,  True, False, False]])
# expect: torch.return_types.sort(
# expect: values=tensor([[-0.6038, -0.5581, -0.4868,  0.6675],
# expect:         [-1.4017, -0.7626, -0.1974,  1.9428],
# expect:         [-0.8991, -0.5578,  0.6312,  0.6907]]),
# expect: indices=tensor([[1, 2, 0, 3],
# expect:         [2, 3, 0, 1],
# expect:         [1, 2, 0, 3]])) tensor([[2, 1, 2, 2],
# expect:         [1, 0, 0, 0],
# expect:         [0, 2, 1, 1]])
# expect: tensor([ 0.6675, -0.4868, -0.5581, -0.6038]) tensor([3, 0, 2, 1])
# expect: True False True
# expect: True False False
