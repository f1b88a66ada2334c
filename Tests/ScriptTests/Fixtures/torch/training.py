# A hand-written training loop: requires_grad attributes, in-place updates under no_grad, zeroing grads.
import torch

torch.manual_seed(3)
x = torch.randn(8, 2)
true_w = torch.tensor([[2.0], [-1.0]])
y = x @ true_w + 0.5
w = torch.zeros(2, 1)
w.requires_grad = True
b = torch.zeros(1, requires_grad=True)
lr = 0.1
for step in range(5):
    pred = x @ w + b
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad = None
    b.grad.zero_()
    print(step, round(loss.item(), 4))
print(w, b)
print(w.is_leaf, w.requires_grad, w.grad)
c = torch.ones(3)
c += 1
c *= torch.tensor([1.0, 2.0, 3.0])
c /= 2
c -= 0.5
print(c)
n = torch.arange(3)
n.requires_grad = True

# expect: 0 5.2827
# expect: 1 3.0878
# expect: 2 1.8658
# expect: 3 1.1732
# expect: 4 0.7709
# expect: tensor([[ 1.1197],
# expect:         [-0.7141]], requires_grad=True) tensor([0.7529], requires_grad=True)
# expect: True True None
# expect: tensor([0.5000, 1.5000, 2.5000])
# expect-error: RuntimeError: only Tensors of floating point and complex dtype can require gradients
