# Autograd through the binding: requires_grad, grad_fn, backward, no_grad.
import torch

w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
print(w, w.requires_grad, w.is_leaf, w.grad, w.grad_fn)
y = (w * w).sum()
print(y, y.is_leaf, y.requires_grad)
print(type(y.grad_fn).__name__ if False else y.grad_fn.name())
y.backward()
print(w.grad)
with torch.no_grad():
    z = w * 2
print(z, z.requires_grad, torch.is_grad_enabled())
v = torch.ones(2, 2).requires_grad_()
out = (v @ v).mean()
out.backward()
print(v.grad, out.grad_fn.name())
d = w.detach()
print(d.requires_grad, isinstance(w, torch.Tensor), type(w).__name__)
torch.tensor([1.0, 2.0]) @ torch.tensor([[1.0, 2.0]])

# expect: tensor([1., 2., 3.], requires_grad=True) True True None None
# expect: tensor(14., grad_fn=<SumBackward0>) False True
# expect: SumBackward0
# expect: tensor([2., 4., 6.])
# expect: tensor([2., 4., 6.]) False True
# expect: tensor([[1., 1.],
# expect:         [1., 1.]]) MeanBackward0
# expect: False True Tensor
# expect-error: RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x2 and 1x2)
