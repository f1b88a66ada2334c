# torch.no_grad() and torch.enable_grad() as context managers (nested) and as decorators.
import torch

w = torch.ones(2, requires_grad=True)
with torch.no_grad():
    print(torch.is_grad_enabled(), (w * 2).requires_grad)
    with torch.enable_grad():
        print(torch.is_grad_enabled(), (w * 2).requires_grad)
    print(torch.is_grad_enabled())
print(torch.is_grad_enabled(), (w * 2).requires_grad)

@torch.no_grad()
def evaluate(x):
    return (x * 3).sum()

out = evaluate(w)
print(out, out.requires_grad, torch.is_grad_enabled())
try:
    with torch.no_grad():
        raise ValueError("inside")
except ValueError as e:
    print("caught", e, torch.is_grad_enabled())

# expect: False False
# expect: True True
# expect: False
# expect: True True
# expect: tensor(6.) False True
# expect: caught inside True
