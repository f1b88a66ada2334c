# torch.set_printoptions: precision, sci_mode, threshold, edgeitems, linewidth and profiles change how tensors print.
import torch
torch.set_printoptions(precision=2)
x = torch.tensor([1.23456, 100.5])
print(x, f"{x}", [x])
torch.set_printoptions(sci_mode=True)
print(x)
torch.set_printoptions(profile="default")
print(x)
torch.set_printoptions(threshold=5, edgeitems=2)
print(torch.arange(10.))
torch.set_printoptions(linewidth=20)
print(torch.arange(10.))
torch.set_printoptions(profile="full")
print(torch.arange(10.))
torch.set_printoptions(profile="short")
print(torch.randn(2, 2, generator=torch.Generator().manual_seed(0)))

# expect: tensor([  1.23, 100.50]) tensor([  1.23, 100.50]) [tensor([  1.23, 100.50])]
# expect: tensor([1.23e+00, 1.00e+02])
# expect: tensor([  1.2346, 100.5000])
# expect: tensor([0., 1.,  ..., 8., 9.])
# expect: tensor([0., 1.,  ...,
# expect:         8., 9.])
# expect: tensor([0., 1., 2., 3., 4., 5., 6., 7., 8., 9.])
# expect: tensor([[ 1.54, -0.29],
# expect:         [-2.18,  0.57]])
