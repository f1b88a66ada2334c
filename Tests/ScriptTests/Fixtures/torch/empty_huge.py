# Empty tensors whose other sizes are huge: elementwise work over them is no work at all (it used to walk 2**62 empty
# rows), and padding one into a non-empty shape that cannot be stored is PyTorch's storage error.
import torch
import torch.nn.functional as F

print(torch.full((2**62, 0), 1.0).shape)
print((torch.zeros(2**62, 0) + torch.zeros(1, 0)).shape)
print(torch.zeros(2**62, 0).exp_().shape, torch.zeros(0, 2**62).clone().shape)
print(F.pad(torch.zeros(1, 2**62, 0), (1, 1)).shape)

# expect: torch.Size([4611686018427387904, 0])
# expect: torch.Size([4611686018427387904, 0])
# expect: torch.Size([4611686018427387904, 0]) torch.Size([0, 4611686018427387904])
# expect-error: RuntimeError: Storage size calculation overflowed with sizes=[1, 4611686018427387904, 2]
