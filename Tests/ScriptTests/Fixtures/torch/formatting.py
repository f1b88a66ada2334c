# Tensors in f-strings, str.format and format(): 0-d tensors format as their item.
import torch

loss = torch.tensor(0.123456)
print(f"loss {loss:.4f}", f"{loss}", f"{torch.tensor(7):4d}|", "{:.3f}".format(loss), format(loss, ".1e"))
print(f"{torch.ones(2)}", f"{torch.arange(3)!r}", str(torch.zeros(1)), repr(torch.tensor(True)))
print(f"step {3:2d}: {loss.item():.3f} {torch.tensor([1.5, 2.5]).mean():.2f}")
f"{torch.ones(2):.2f}"

# expect: loss 0.1235 0.12345600128173828    7| 0.123 1.2e-01
# expect: tensor([1., 1.]) tensor([0, 1, 2]) tensor([0.]) tensor(True)
# expect: step  3: 0.123 2.00
# expect-error: TypeError: unsupported format string passed to Tensor.__format__
