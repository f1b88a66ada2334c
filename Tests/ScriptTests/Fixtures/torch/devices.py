# Devices: only the CPU, named every way notebooks name it; modules converted with double().
import torch
d = torch.device("cpu")
x = torch.zeros(2, device=d)
y = torch.ones(2, device="cpu")
print(x.device, repr(x.device), x.to(d).device, y.device == d)
device = 'cuda' if torch.cuda.is_available() else 'cpu'
print(device, f"{x.device}")
m = torch.nn.Linear(2, 2).to(device)
print(m.weight.device)
m.double()
print(m.weight.dtype, m(torch.ones(1, 2, dtype=torch.float64)).dtype)

# expect: cpu device(type='cpu') cpu True
# expect: cpu cpu
# expect: cpu
# expect: torch.float64 torch.float64
