# `in` on tensors is elementwise equality reduced with any(); on torch.Size it is tuple membership.
import torch

t = torch.tensor([1, 2, 3])
print(2 in t, 5 in t, torch.tensor(2) in t, 2.0 in torch.tensor([[1.5, 2.0]]), 7 not in t)
print(3 in t.shape, 4 in torch.Size([4]), 9 in torch.Size([1, 2]))
"a" in t

# expect: True False True True True
# expect: True True False
# expect-error: RuntimeError: Tensor.__contains__ only supports Tensor or scalar, but you passed in a <class 'str'>.
