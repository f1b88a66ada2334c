# Iterating and unpacking tensors goes row by row.
import torch

n = 0
for r in torch.zeros(10**5, 0):
    n += 1
    if n == 3:
        break
print(n, list(torch.arange(3)), [x.tolist() for x in torch.eye(2)])
a, b = torch.tensor([1, 2])
print(a, b, sum(torch.arange(4)), max(torch.tensor([3, 9, 4])), sorted(torch.tensor([2, 1]).tolist()))
for i, row in enumerate(torch.arange(6).reshape(3, 2)):
    print(i, row, row.shape)
print([int(v) for v in torch.tensor([1.9, -1.9])], float(torch.tensor([2])), bool(torch.tensor([0.0])))
for x in torch.tensor(1.0):
    pass

# expect: 3 [tensor(0), tensor(1), tensor(2)] [[1.0, 0.0], [0.0, 1.0]]
# expect: tensor(1) tensor(2) tensor(6) tensor(9) [1, 2]
# expect: 0 tensor([0, 1]) torch.Size([2])
# expect: 1 tensor([2, 3]) torch.Size([2])
# expect: 2 tensor([4, 5]) torch.Size([2])
# expect: [1, -1] 2.0 False
# expect-error: TypeError: iteration over a 0-d tensor
