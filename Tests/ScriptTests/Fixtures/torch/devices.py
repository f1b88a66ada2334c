# Devices: everything runs on the CPU; torch.device, .to(device, dtype), torch.cuda and CUDA's absence as PyTorch reports it.
import torch
device = "cuda" if torch.cuda.is_available() else "cpu"
d = torch.device(device)
print(d, f"{d}", torch.cuda.is_available(), torch.cuda.device_count())
x = torch.ones(2)
print(x.to(d), x.cpu(), x.device, x.to("cpu", torch.float64), x.to(device="cpu", dtype=torch.long), torch.zeros(2, device=d), torch.tensor([1.], device="cpu"))
print(x.type(), x.long().type(), x.type(torch.float64), torch.arange(3, device=device), torch.full((1,), 2.0, device="cpu"), x.to(torch.float64, copy=True))
print(torch.where(torch.tensor([[0, 1], [1, 1]])), torch.nonzero(torch.tensor([0, 1, 1]), as_tuple=True), torch.tensor([0, 2]).nonzero(as_tuple=False))
for f in [lambda: x.cuda(), lambda: x.to("cuda"), lambda: torch.device("gpu"), lambda: torch.zeros(2, device="cuda"), lambda: torch.randn(2, device="cuda:0")]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

# expect: cpu cpu False 0
# expect: tensor([1., 1.]) tensor([1., 1.]) cpu tensor([1., 1.], dtype=torch.float64) tensor([1, 1]) tensor([0., 0.]) tensor([1.])
# expect: torch.FloatTensor torch.LongTensor tensor([1., 1.], dtype=torch.float64) tensor([0, 1, 2]) tensor([2.]) tensor([1., 1.], dtype=torch.float64)
# expect: (tensor([0, 1, 1]), tensor([1, 0, 1])) (tensor([1, 2]),) tensor([[1]])
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: RuntimeError Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: gpu
# expect: AssertionError Torch not compiled with CUDA enabled
# expect: AssertionError Torch not compiled with CUDA enabled
